/**
 * Our own small chart module: report data → inline SVG markup. No network, no fonts,
 * no scripts. Every piece of workspace text is escaped; colours are classes that the
 * report's style sheet maps to the theme's CSS variables; each chart is a labelled
 * group (`role="group"`, `aria-label`, `<title>`, `<desc>`) and each bar, cell and node
 * is a link made by a Linker (focusable, with its own label) so that the dashboard and
 * the exported HTML decide what activating it does.
 */

/** What activating a bar, row or node leads to. */
export type LinkTarget =
  | { kind: 'record'; folder: string; id: string; path: string; line: number }
  | { kind: 'location'; folder: string; path: string; line: number; label: string };

export interface Linker {
  /** Wraps SVG markup in a focusable, labelled element leading to the targets. `label` is plain text. */
  svg(targets: readonly LinkTarget[], label: string, inner: string): string;
  /** A link in HTML (table cells, lists); `text` and `label` are plain text. */
  html(targets: readonly LinkTarget[], label: string, text: string): string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML/HTML text and attribute values; drops characters XML forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Cuts text to `max` characters with an ellipsis (for labels; the full text goes into titles). */
export function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, Math.max(1, max - 1))}…` : oneLine;
}

/**
 * Cuts a visible label at a word boundary, so that what is shown is a start of the full
 * text, word for word: the accessible name (the full text) then contains the visible text
 * (WCAG 2.5.3, label in name).
 */
export function clipWords(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= max) return oneLine;
  const cut = oneLine.slice(0, Math.max(1, max - 1));
  // The cut already ends a word: keep it whole.
  if (!/[\p{L}\p{N}]/u.test(oneLine[cut.length]) && /[\p{L}\p{N}]/u.test(cut[cut.length - 1])) return `${cut}…`;
  let boundary = -1;
  for (let i = cut.length - 1; i > 0; i--) {
    if (!/[\p{L}\p{N}]/u.test(cut[i]) && /[\p{L}\p{N}]/u.test(oneLine[i + 1] ?? '')) {
      boundary = i;
      break;
    }
  }
  return `${(boundary >= max / 3 ? cut.slice(0, boundary) : cut).replace(/[^\p{L}\p{N}]+$/u, '')}…`;
}

const CHAR_WIDTH = 7; // px per character at the charts' 12px font, a safe average
const ROW_HEIGHT = 22;
const BAR_HEIGHT = 14;

interface ChartFrame {
  /** Unique within the page (used for title/desc ids). */
  id: string;
  title: string;
  /** One sentence for screen readers: what the chart shows, in numbers. */
  description: string;
}

function open(frame: ChartFrame, width: number, height: number, extraClass = ''): string {
  const id = escapeXml(frame.id);
  return (
    `<svg class="chart${extraClass ? ` ${extraClass}` : ''}" xmlns="http://www.w3.org/2000/svg" role="group" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" aria-labelledby="${id}-title" aria-describedby="${id}-desc">` +
    `<title id="${id}-title">${escapeXml(frame.title)}</title><desc id="${id}-desc">${escapeXml(frame.description)}</desc>`
  );
}

export interface BarSegment {
  value: number;
  /** Colour class, e.g. `st-proposed`, `sev-error`, `load-owned`. */
  cls: string;
  label: string;
}

export interface BarRow {
  label: string;
  segments: BarSegment[];
  targets: LinkTarget[];
  /** More for a screen reader after "<label>: <total> <unit>", e.g. "oldest 40 days". */
  detail?: string;
}

export interface BarChartSpec extends ChartFrame {
  rows: BarRow[];
  /** What the total counts, e.g. "decisions waiting" (read after it). */
  unit: string;
  legend?: { cls: string; label: string }[];
  width?: number;
}

/** Horizontal bars, one row per label, segments stacked left to right. */
export function barChart(spec: BarChartSpec, link: Linker): string {
  const width = spec.width ?? 560;
  const labelWidth = Math.min(240, Math.max(60, ...spec.rows.map((r) => Math.min(r.label.length, 30) * (CHAR_WIDTH + 0.5) + 14)));
  const valueWidth = 48;
  const barSpace = width - labelWidth - valueWidth;
  const max = Math.max(1, ...spec.rows.map((r) => total(r.segments)));
  const legendHeight = spec.legend?.length ? ROW_HEIGHT : 0;
  const height = Math.max(1, spec.rows.length) * ROW_HEIGHT + legendHeight + 4;
  const parts = [open(spec, width, height)];
  if (spec.legend?.length) parts.push(legend(spec.legend, 0, 4));
  if (spec.rows.length === 0) parts.push(`<text class="muted" x="0" y="${legendHeight + 15}">None</text>`);
  spec.rows.forEach((row, i) => {
    const y = legendHeight + i * ROW_HEIGHT;
    let x = labelWidth;
    const bars = row.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const w = Math.max(2, (s.value / max) * barSpace);
        const rect = `<rect class="bar ${escapeXml(s.cls)}" x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}"/>`;
        x += w;
        return rect;
      })
      .join('');
    const shown = clipWords(row.label, 30);
    const inner =
      `<rect class="hit" x="0" y="${y}" width="${width}" height="${ROW_HEIGHT}"/>` +
      `<text class="label" x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeXml(shown)}</text>` +
      bars +
      // A space between the label and the total: read as text (textContent, accessibility
      // checkers), the two are separate words, as they look, not "days1".
      ' ' +
      `<text class="value" x="${(x + 4).toFixed(1)}" y="${y + 15}">${total(row.segments)}</text>`;
    // The label and total come first as shown (label in name), then the full label if cut.
    const name = `${shown}: ${total(row.segments)} ${spec.unit}${shown !== row.label ? ` — ${row.label}` : ''}${row.detail ? ` — ${row.detail}` : ''}`;
    parts.push(link.svg(row.targets, name, inner));
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface ColumnChartSpec extends ChartFrame {
  columns: { label: string; segments: (BarSegment & { targets: LinkTarget[] })[] }[];
  legend: { cls: string; label: string }[];
  height?: number;
}

/** Vertical stacked columns (the status timeline); each segment is a link. */
export function columnChart(spec: ColumnChartSpec, link: Linker): string {
  const plot = spec.height ?? 180;
  const columnWidth = spec.columns.length > 24 ? 16 : 28;
  const gap = spec.columns.length > 24 ? 6 : 10;
  const axis = 34;
  // Room under the legend for the total above the tallest column.
  const legendHeight = ROW_HEIGHT + 14;
  const width = Math.max(320, legendWidth(spec.legend), axis + spec.columns.length * (columnWidth + gap) + 8);
  const height = legendHeight + plot + 40;
  const max = Math.max(1, ...spec.columns.map((c) => total(c.segments)));
  const parts = [open(spec, width, height), legend(spec.legend, 0, 4)];
  const base = legendHeight + plot;
  parts.push(`<line class="axis" x1="${axis}" y1="${base}" x2="${width - 4}" y2="${base}"/>`);
  parts.push(`<text class="muted" x="${axis - 4}" y="${legendHeight + 10}" text-anchor="end">${max}</text><text class="muted" x="${axis - 4}" y="${base}" text-anchor="end">0</text>`);
  const labelEvery = Math.ceil(spec.columns.length / 16);
  spec.columns.forEach((column, i) => {
    const x = axis + 6 + i * (columnWidth + gap);
    let y = base;
    for (const s of column.segments) {
      if (s.value <= 0) continue;
      const h = Math.max(1, (s.value / max) * plot);
      y -= h;
      const rect = `<rect class="bar ${escapeXml(s.cls)}" x="${x}" y="${y.toFixed(1)}" width="${columnWidth}" height="${h.toFixed(1)}"/>`;
      parts.push(link.svg(s.targets, `${column.label}: ${s.value} ${s.label}`, rect));
    }
    if (i % labelEvery === 0) {
      parts.push(`<text class="muted" x="${x + columnWidth / 2}" y="${base + 14}" text-anchor="middle">${escapeXml(clip(column.label, 8))}</text>`);
    }
    parts.push(`<text class="muted small" x="${x + columnWidth / 2}" y="${(y - 3).toFixed(1)}" text-anchor="middle">${total(column.segments) || ''}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface HeatmapSpec extends ChartFrame {
  rows: string[];
  columns: string[];
  /** Row label, then the column axis' name, e.g. "impact". */
  columnTitle: string;
  cells: { row: number; column: number; count: number; targets: LinkTarget[]; cls: string }[];
}

/** A status × level grid; cell shade grows with its count, each non-empty cell is a link. */
export function heatmap(spec: HeatmapSpec, link: Linker): string {
  const rowLabel = 96;
  const cell = 56;
  const width = rowLabel + spec.columns.length * cell + 8;
  const top = 36;
  const height = top + spec.rows.length * (cell / 2 + 4) + 4;
  const max = Math.max(1, ...spec.cells.map((c) => c.count));
  const parts = [open(spec, width, height)];
  parts.push(`<text class="muted" x="${rowLabel}" y="12">${escapeXml(spec.columnTitle)}</text>`);
  spec.columns.forEach((c, i) => parts.push(`<text class="label" x="${rowLabel + i * cell + cell / 2}" y="${top - 6}" text-anchor="middle">${escapeXml(c)}</text>`));
  spec.rows.forEach((r, i) => parts.push(`<text class="label" x="${rowLabel - 6}" y="${top + i * (cell / 2 + 4) + 18}" text-anchor="end">${escapeXml(r)}</text>`));
  for (const c of spec.cells) {
    const x = rowLabel + c.column * cell;
    const y = top + c.row * (cell / 2 + 4);
    const shade = c.count === 0 ? 0 : Math.min(4, 1 + Math.floor((c.count / max) * 3.99));
    const inner =
      `<rect class="cell ${escapeXml(c.cls)} shade-${shade}" x="${x + 2}" y="${y}" width="${cell - 4}" height="${cell / 2}" rx="3"/>` +
      `<text class="value" x="${x + cell / 2}" y="${y + 18}" text-anchor="middle">${c.count}</text>`;
    const label = `${spec.rows[c.row]}, ${spec.columnTitle} ${spec.columns[c.column]}: ${c.count}`;
    parts.push(c.count > 0 ? link.svg(c.targets, label, inner) : `<g aria-label="${escapeXml(label)}" role="img">${inner}</g>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

export interface GraphNodeSpec {
  x: number;
  y: number;
  label: string;
  /** Full text for the tooltip and the screen reader; starts with `label` (label in name). */
  ariaLabel: string;
  cls: string;
  targets: LinkTarget[];
}

export interface GraphSpec extends ChartFrame {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  nodes: GraphNodeSpec[];
  /**
   * Lines from node `to`'s right edge to node `from`'s left edge (`to` sits to the left),
   * through the points `via` (left to right) when the line spans several columns.
   */
  edges: { from: number; to: number; cls: string; via?: readonly { x: number; y: number }[] }[];
  legend: { cls: string; label: string }[];
}

/** Nodes and edges at given positions (see graph-layout.ts). */
export function graphChart(spec: GraphSpec, link: Linker): string {
  const legendHeight = ROW_HEIGHT + 4;
  const parts = [open(spec, Math.max(spec.width, legendWidth(spec.legend)), spec.height + legendHeight, 'graph')];
  parts.push(
    '<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrowhead" d="M0,0 L8,4 L0,8 z"/></marker></defs>',
  );
  parts.push(legend(spec.legend, 0, 4));
  parts.push(`<g transform="translate(0,${legendHeight})">`);
  const { nodeWidth: w, nodeHeight: h } = spec;
  for (const e of spec.edges) {
    const a = spec.nodes[e.to];
    const b = spec.nodes[e.from];
    if (!a || !b) continue;
    // From the right edge of the older/relied-on node to the left edge of the newer/dependent one.
    const x1 = a.x + w;
    const y1 = a.y + h / 2;
    const x2 = b.x;
    const y2 = b.y + h / 2;
    const d = x2 > x1 ? smoothPath([{ x: x1, y: y1 }, ...(e.via ?? []), { x: x2, y: y2 }]) : `M${a.x + w / 2},${a.y + h} C${a.x + w / 2},${a.y + h + 20} ${b.x + w / 2},${b.y + h + 20} ${b.x + w / 2},${b.y + h}`;
    parts.push(`<path class="edge ${escapeXml(e.cls)}" d="${d}" marker-end="url(#arrow)"/>`);
  }
  const maxChars = Math.floor((w - 16) / CHAR_WIDTH);
  for (const node of spec.nodes) {
    const inner =
      `<rect class="node ${escapeXml(node.cls)}" x="${node.x}" y="${node.y}" width="${w}" height="${h}" rx="4"/>` +
      `<rect class="node-mark ${escapeXml(node.cls)}" x="${node.x}" y="${node.y}" width="5" height="${h}" rx="2"/>` +
      `<text class="label" x="${node.x + 10}" y="${node.y + h / 2 + 4}">${escapeXml(clipWords(node.label, maxChars))}</text>`;
    parts.push(link.svg(node.targets, node.ariaLabel, inner));
  }
  parts.push('</g></svg>');
  return parts.join('');
}

/** A path through points left to right: level runs straight, steps as curves leaving and arriving level. */
export function smoothPath(points: readonly { x: number; y: number }[]): string {
  const n = (v: number) => Number(v.toFixed(1));
  const parts = [`M${n(points[0].x)},${n(points[0].y)}`];
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    if (p.y === q.y) parts.push(`L${n(q.x)},${n(q.y)}`);
    else {
      const mid = (p.x + q.x) / 2;
      parts.push(`C${n(mid)},${n(p.y)} ${n(mid)},${n(q.y)} ${n(q.x)},${n(q.y)}`);
    }
  }
  return parts.join(' ');
}

function legend(items: { cls: string; label: string }[], x: number, y: number): string {
  let at = x;
  const parts: string[] = ['<g class="legend" aria-hidden="true">'];
  for (const item of items) {
    parts.push(`<rect class="swatch ${escapeXml(item.cls)}" x="${at}" y="${y}" width="10" height="10"/><text class="muted" x="${at + 14}" y="${y + 9}">${escapeXml(item.label)}</text>`);
    at += 24 + item.label.length * CHAR_WIDTH;
  }
  parts.push('</g>');
  return parts.join('');
}

function legendWidth(items: { label: string }[]): number {
  return items.reduce((w, item) => w + 24 + item.label.length * CHAR_WIDTH, 0);
}

function total(segments: readonly { value: number }[]): number {
  return segments.reduce((n, s) => n + s.value, 0);
}
