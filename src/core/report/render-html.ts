/**
 * The report as HTML: the body shared by the editor's dashboard and the exported file
 * (sections of charts and tables), and the exported file's self-contained document.
 * Links are made by the Linker the caller passes: the dashboard's open records through
 * the extension, the exported file's point at the record files.
 */
import { DECISION_STATUSES, ASSUMPTION_STATUSES } from '../model';
import { layoutGraph } from './graph-layout';
import { LEVEL_COLUMNS, type AlignmentReport, type RecordRef, type WaitingDecision } from './report-model';
import { REPORT_CSS } from './report-css';
import { barChart, columnChart, escapeXml, graphChart, heatmap, type LinkTarget, type Linker } from './svg';

const TABLE_LIMIT = 50;

export function recordTarget(ref: RecordRef): LinkTarget {
  return { kind: 'record', folder: ref.folder, id: ref.id, path: ref.path, line: ref.line };
}

const targets = (refs: readonly RecordRef[]) => refs.map(recordTarget);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The sections of the report, as HTML (no document around them). */
export function renderReportBody(report: AlignmentReport, link: Linker): string {
  return [summary(report), waiting(report, link), owners(report, link), assumptions(report, link), findings(report, link), evolution(report, link), relationships(report, link), reviews(report, link)].join('\n');
}

/** Options of the exported, self-contained HTML document. */
export interface HtmlDocumentOptions {
  link: Linker;
  title?: string;
}

/** One self-contained HTML file: inline style, inline SVG, no script, nothing fetched. */
export function renderReportDocument(report: AlignmentReport, options: HtmlDocumentOptions): string {
  const title = options.title ?? `Alignment report ${report.date}`;
  return htmlPage({
    csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    title,
    bodyClass: 'report-export',
    body: `<main class="report">${renderReportBody(report, options.link)}</main>`,
  });
}

export interface HtmlPage {
  /** The Content-Security-Policy of the page (a meta element, first in the head); built by our code, never from data. */
  csp: string;
  title: string;
  /** Nonce of the page's style element, when the CSP requires one. */
  styleNonce?: string;
  bodyClass?: string;
  /** Markup after the heading: already escaped. */
  body: string;
}

/** The page around the report, with the report's style sheet: shared by the export and the dashboard. */
export function htmlPage(page: HtmlPage): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${page.csp.replace(/"/g, "")}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(page.title)}</title>`,
    `<style${page.styleNonce ? ` nonce="${escapeXml(page.styleNonce)}"` : ''}>${REPORT_CSS}</style>`,
    '</head>',
    `<body${page.bodyClass ? ` class="${escapeXml(page.bodyClass)}"` : ''}>`,
    `<header><h1>${escapeXml(page.title)}</h1></header>`,
    page.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section(id: string, title: string, content: string): string {
  return `<section class="panel" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeXml(title)}</h2>${content}</section>`;
}

/**
 * A chart with its title shown above it (unless the section's heading already says it)
 * and a note under it, in a scrolling region named after the title, so that each region
 * has a name of its own (and none repeats its section's heading).
 */
function figure(svg: string, title: string, options: { note?: string; showTitle?: boolean } = {}): string {
  const caption = options.showTitle === false ? '' : `<figcaption class="chart-title">${escapeXml(title)}</figcaption>`;
  const note = options.note ? `<p class="note">${escapeXml(options.note)}</p>` : '';
  return `<figure class="figure">${caption}<div class="scroll" tabindex="0" role="region" aria-label="${escapeXml(`${title} (chart)`)}">${svg}</div>${note}</figure>`;
}

function summary(r: AlignmentReport): string {
  const t = r.totals;
  const filter = Object.entries(r.filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const items = [
    ['Decisions', t.decisions],
    ['Assumptions', t.assumptions],
    ['Waiting for approval', t.pending],
    ['Without owner', t.unowned],
    ['Findings', t.findings],
    ['Code references', t.references],
  ]
    .map(([label, value]) => `<div class="stat"><span class="stat-value">${value}</span><span class="stat-label">${label}</span></div>`)
    .join('');
  const folders = r.folders.map((f) => escapeXml(f.name)).join(', ');
  return `<p class="meta">As of ${escapeXml(r.date)} · ${folders}${filter ? ` · filtered by ${escapeXml(filter)}` : ''}</p><div class="stats" role="list" aria-label="Totals">${items.replace(/<div class="stat">/g, '<div class="stat" role="listitem">')}</div>`;
}

function waiting(r: AlignmentReport, link: Linker): string {
  const byAge = barChart(
    {
      id: 'approvals-age',
      title: 'Approvals waiting, by age',
      description: `${plural(r.totals.pending, 'decision')} waiting for approval: ${r.approvals.byAge.map((b) => `${b.label} ${b.decisions.length}`).join(', ')}.`,
      unit: 'waiting',
      rows: r.approvals.byAge.map((b) => ({
        label: b.label,
        segments: [{ value: b.decisions.length, cls: b.maxDays !== null && b.maxDays <= 7 ? 'age-fresh' : b.minDays === null ? 'age-unknown' : 'age-old', label: 'decisions' }],
        targets: targets(b.decisions),
        detail: b.decisions.map((d) => d.id).join(', '),
      })),
    },
    link,
  );
  const byApprover = barChart(
    {
      id: 'approvals-approver',
      title: 'Approvals waiting, by approver',
      description: r.approvals.byApprover.length ? r.approvals.byApprover.map((a) => `${a.approver}: ${a.decisions.length}`).join(', ') : 'No approval is waiting on anyone.',
      unit: 'waiting on them',
      rows: r.approvals.byApprover.map((a) => ({
        label: a.approver,
        segments: [{ value: a.decisions.length, cls: a.decisions.some((d) => d.overdue) ? 'age-old' : 'age-fresh', label: 'decisions' }],
        targets: targets(a.decisions),
        detail: a.oldestDays !== null ? `oldest ${a.oldestDays} days` : undefined,
      })),
    },
    link,
  );
  const table = recordTable(
    'Oldest pending decisions',
    r.oldestPending,
    ['Waiting', 'On'],
    (d: WaitingDecision) => [d.ageDays === null ? 'no date' : `${d.ageDays} d${d.overdue ? ' (overdue)' : ''}`, d.waitingOn.join(', ') || (d.owner ? `owner ${d.owner} to accept` : 'no approver named')],
    link,
  );
  return section('waiting', 'What waits on whom', `<div class="row">${figure(byAge, 'Approvals waiting, by age')}${figure(byApprover, 'Approvals waiting, by approver')}</div>${table}`);
}

function owners(r: AlignmentReport, link: Linker): string {
  const chart = barChart(
    {
      id: 'owner-load',
      title: 'Load per owner',
      unit: 'records',
      description: r.owners.length ? r.owners.map((o) => `${o.owner}: owns ${o.owned.length}, ${o.open.length} open, ${o.pendingApproval.length} awaiting their approval`).join('; ') : 'No record names an owner.',
      legend: [
        { cls: 'load-owned', label: 'owned, settled' },
        { cls: 'load-open', label: 'owned, open' },
        { cls: 'load-approve', label: 'awaiting their approval' },
      ],
      rows: r.owners.map((o) => ({
        label: o.owner,
        segments: [
          { value: o.owned.length - o.open.length, cls: 'load-owned', label: 'owned, settled' },
          { value: o.open.length, cls: 'load-open', label: 'owned, open' },
          { value: o.pendingApproval.length, cls: 'load-approve', label: 'awaiting their approval' },
        ],
        targets: targets(uniqueRefs([...o.owned, ...o.pendingApproval])),
        detail: `owns ${o.owned.length} (${o.open.length} open), ${o.pendingApproval.length} awaiting their approval`,
      })),
    },
    link,
  );
  const table = recordTable('Records with no owner', r.unowned, ['Kind'], (x) => [x.kind], link);
  return section('owners', 'Who owns what', `${figure(chart, 'Load per owner')}${table}`);
}

function assumptions(r: AlignmentReport, link: Linker): string {
  const a = r.assumptions;
  const grid = (id: string, title: string, axis: string, cells: typeof a.byImpact) =>
    heatmap(
      {
        id,
        title,
        description: `${title}: ${cells
          .filter((c) => c.assumptions.length > 0)
          .map((c) => `${c.status} ${axis} ${c.level}: ${c.assumptions.length}`)
          .join(', ') || 'no assumptions'}.`,
        rows: [...ASSUMPTION_STATUSES],
        columns: [...LEVEL_COLUMNS],
        columnTitle: axis,
        cells: cells.map((c) => ({
          row: ASSUMPTION_STATUSES.indexOf(c.status),
          column: LEVEL_COLUMNS.indexOf(c.level),
          count: c.assumptions.length,
          targets: targets(c.assumptions),
          cls: `as-${c.status}`,
        })),
      },
      link,
    );
  const unsound = recordTable('Unsound: invalidated or superseded, still relied on', a.unsound, ['Relied on by', 'Code references'], (u) => [u.reliedOnBy.map((d) => d.id).join(', ') || '—', String(u.references)], link);
  const past = recordTable('Past validate-by', a.pastValidateBy, ['Validate by', 'Days past'], (p) => [p.validateBy, String(p.daysPast)], link);
  return section(
    'assumptions',
    'Assumption health',
    `<div class="row">${figure(grid('health-impact', 'Assumptions by status and impact', 'impact', a.byImpact), 'Assumptions by status and impact')}${figure(grid('health-confidence', 'Assumptions by status and confidence', 'confidence', a.byConfidence), 'Assumptions by status and confidence')}</div>${unsound}${past}`,
  );
}

function findings(r: AlignmentReport, link: Linker): string {
  const chart = barChart(
    {
      id: 'findings-code',
      title: 'Findings by code',
      unit: 'findings',
      description: r.findings.length ? r.findings.map((f) => `${f.code} (${f.severity}): ${f.count}`).join(', ') : 'No findings.',
      legend: [
        { cls: 'sev-error', label: 'error' },
        { cls: 'sev-warning', label: 'warning' },
        { cls: 'sev-information', label: 'information' },
      ],
      rows: r.findings.map((f) => ({
        label: f.code,
        segments: [{ value: f.count, cls: `sev-${f.severity}`, label: f.severity }],
        targets: f.locations.map((l) => ({ kind: 'location' as const, folder: l.folder, path: l.path, line: l.line, label: l.message })),
        detail: `${f.severity}. ${f.summary}`,
      })),
    },
    link,
  );
  return section('findings', 'Findings by code', figure(chart, 'Findings by code', { showTitle: false }));
}

function evolution(r: AlignmentReport, link: Linker): string {
  const t = r.timeline;
  const sourceText =
    t.source === 'history'
      ? 'Status at the end of each period, from version-control history.'
      : t.source === 'mixed'
        ? 'Status at the end of each period: from version-control history where known, else each decision from its record date with its current status.'
        : 'No version-control history: each decision counts from its record date, with its current status.';
  const statuses = DECISION_STATUSES.filter((s) => t.periods.some((p) => p.counts[s] > 0));
  const chart = t.periods.length
    ? columnChart(
        {
          id: 'timeline',
          title: 'Decisions by status over time',
          description: `${sourceText} ${t.periods.map((p) => `${p.period}: ${statuses.map((s) => `${p.counts[s]} ${s}`).join(', ')}`).join('; ')}.`,
          legend: statuses.map((s) => ({ cls: `st-${s}`, label: s })),
          columns: t.periods.map((p) => ({
            label: p.period,
            segments: statuses.map((s) => ({ value: p.counts[s], cls: `st-${s}`, label: s, targets: p.members[s].map((i) => recordTarget(t.decisions[i])) })),
          })),
        },
        link,
      )
    : '<p class="muted">No decision states a date, and no history is available.</p>';
  const counts = DECISION_STATUSES.filter((s) => r.decisionsByStatus[s] > 0)
    .map((s) => `${r.decisionsByStatus[s]} ${s}`)
    .join(' · ');
  const undated = t.undated ? ` · ${plural(t.undated, 'decision')} with no date left out` : '';
  return section('evolution', 'How decisions evolved', `${figure(chart, 'Decisions by status over time', { note: sourceText })}<p class="meta">Now: ${escapeXml(counts || 'no decisions')}${undated}</p>`);
}

function relationships(r: AlignmentReport, link: Linker): string {
  const g = r.graph;
  if (g.nodes.length === 0) return section('graph', 'Relationships', `<p class="muted">No supersession or relied-on assumption links between records${g.isolated ? ` (${plural(g.isolated, 'record')}, none linked)` : ''}.</p>`);
  const layout = layoutGraph(g);
  const byNode = new Map(layout.nodes.map((p) => [p.node, p]));
  const chart = graphChart(
    {
      id: 'relationships',
      title: 'Relationships between records',
      description: `${plural(g.nodes.length, 'record')} linked by ${plural(g.edges.filter((e) => e.kind === 'supersedes').length, 'supersession')} and ${plural(g.edges.filter((e) => e.kind === 'relies-on').length, 'relied-on assumption')}; ${g.isolated} unlinked records not drawn.`,
      width: layout.width,
      height: layout.height,
      nodeWidth: layout.nodeWidth,
      nodeHeight: layout.nodeHeight,
      legend: [
        { cls: 'edge-supersedes', label: 'superseded by →' },
        { cls: 'edge-relies-on', label: 'relied on by ⇢' },
        { cls: 'st-superseded', label: 'superseded' },
        { cls: 'as-invalidated', label: 'invalidated' },
      ],
      nodes: g.nodes.map((n, i) => {
        const p = byNode.get(i)!;
        const relations = g.edges
          .filter((e) => e.from === i || e.to === i)
          .map((e) => (e.kind === 'supersedes' ? (e.from === i ? `supersedes ${g.nodes[e.to].id}` : `superseded by ${g.nodes[e.from].id}`) : e.from === i ? `relies on ${g.nodes[e.to].id}` : `relied on by ${g.nodes[e.from].id}`));
        return {
          x: p.x,
          y: p.y,
          label: `${n.id} ${n.title}`,
          ariaLabel: `${n.id} ${n.title} (${n.status}); ${relations.join(', ')}`,
          cls: `${n.kind === 'decision' ? 'st' : 'as'}-${n.status}`,
          targets: [recordTarget(n)],
        };
      }),
      edges: g.edges.map((e, i) => ({ from: e.from, to: e.to, cls: `edge-${e.kind}`, via: layout.routes.get(i) })),
    },
    link,
  );
  return section(
    'graph',
    'Relationships',
    figure(chart, 'Relationships between records', {
      note: `${plural(g.nodes.length, 'linked record')}; ${plural(g.isolated, 'record')} without links not drawn. Older records and relied-on assumptions sit left of what replaced or relies on them.`,
    }),
  );
}

function reviews(r: AlignmentReport, link: Linker): string {
  return section(
    'reviews',
    'Reviews due',
    recordTable('Reviews due (overdue first, then the next 30 days)', r.reviewsDue, ['Due', 'When'], (d) => [d.due, d.daysLeft < 0 ? `${-d.daysLeft} d overdue` : d.daysLeft === 0 ? 'today' : `in ${d.daysLeft} d`], link),
  );
}

/** A table of records: id (a link), title, status, owner, then the extra columns. */
function recordTable<T extends RecordRef>(caption: string, rows: readonly T[], extra: string[], cells: (row: T) => string[], link: Linker): string {
  if (rows.length === 0) return `<h3>${escapeXml(caption)}</h3><p class="muted">None.</p>`;
  const head = ['Record', 'Title', 'Status', 'Owner', ...extra].map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('');
  const body = rows
    .slice(0, TABLE_LIMIT)
    .map((row) => {
      const values = [row.title, row.status, row.owner ?? '—', ...cells(row)].map((v) => `<td>${escapeXml(v)}</td>`).join('');
      return `<tr><th scope="row">${link.html([recordTarget(row)], `Open ${row.id}`, row.id)}</th>${values}</tr>`;
    })
    .join('');
  const more = rows.length > TABLE_LIMIT ? `<p class="muted">and ${rows.length - TABLE_LIMIT} more</p>` : '';
  return `<h3>${escapeXml(caption)} <span class="muted">(${rows.length})</span></h3><div class="scroll" tabindex="0" role="region" aria-label="${escapeXml(caption)}"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}`;
}

function uniqueRefs(refs: RecordRef[]): RecordRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.folder}\u0000${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Links of the exported file: a record or location with one target links to its file,
 * relative to `base` (the way from the report file to the target's workspace folder,
 * e.g. `../`; a function of the folder key when there are several folders); several
 * targets get no link (the tables list them).
 */
export function fileLinker(base: string | ((folder: string) => string)): Linker {
  const baseOf = typeof base === 'function' ? base : () => base;
  const href = (t: LinkTarget) => {
    const b = baseOf(t.folder);
    const prefix = b === '' ? './' : `${b.startsWith('.') || b.startsWith('/') ? '' : './'}${b}${b.endsWith('/') ? '' : '/'}`;
    return escapeXml(`${prefix}${t.path.split('/').map(encodeURIComponent).join('/')}`);
  };
  return {
    svg(list, label, inner) {
      if (list.length === 1) return `<a class="link" href="${href(list[0])}" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title>${inner}</a>`;
      return `<g role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title>${inner}</g>`;
    },
    html(list, label, text) {
      if (list.length !== 1) return escapeXml(text);
      return `<a href="${href(list[0])}" title="${escapeXml(label)}">${escapeXml(text)}</a>`;
    },
  };
}
