/**
 * What the dashboard's webview and the extension say to each other, and the links of the
 * dashboard. The webview never names a file or a command: each bar, cell, node and row
 * carries an opaque key (`t12`) that the extension looks up in the TargetTable of the
 * report it rendered. Every message from the webview is validated here before use.
 */
import { escapeXml, type LinkTarget, type Linker } from './svg';
import type { ReportFilter } from './report-model';

/** Links of the dashboard: focusable elements carrying a key into this table. */
export class TargetTable implements Linker {
  private readonly entries = new Map<string, readonly LinkTarget[]>();

  get size(): number {
    return this.entries.size;
  }

  get(key: string): readonly LinkTarget[] | undefined {
    return this.entries.get(key);
  }

  /** The first key whose targets match (for tests that activate an element as a user would). */
  find(match: (targets: readonly LinkTarget[]) => boolean): string | undefined {
    for (const [key, targets] of this.entries) if (match(targets)) return key;
    return undefined;
  }

  svg(targets: readonly LinkTarget[], label: string, inner: string): string {
    if (targets.length === 0) return `<g role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title>${inner}</g>`;
    return `<g class="target" role="button" tabindex="0" data-target="${this.add(targets)}" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title>${inner}</g>`;
  }

  html(targets: readonly LinkTarget[], label: string, text: string): string {
    if (targets.length === 0) return escapeXml(text);
    return `<button type="button" class="link" data-target="${this.add(targets)}" aria-label="${escapeXml(label)}">${escapeXml(text)}</button>`;
  }

  private add(targets: readonly LinkTarget[]): string {
    const key = `t${this.entries.size + 1}`;
    this.entries.set(key, targets);
    return key;
  }
}

/** What the webview reports after drawing an update (the host test reads it). */
export interface RenderedInfo {
  generation: number;
  sections: string[];
  charts: number;
  targets: number;
}

export type WebviewMessage =
  | { type: 'ready' }
  /** `generation`: the drawing the key comes from (keys of an older drawing are refused). */
  | { type: 'activate'; target: string; generation?: number }
  | { type: 'filter'; filter: ReportFilter }
  | ({ type: 'rendered' } & RenderedInfo);

const MAX_TEXT = 500;
const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e7;

/** The message, when it is one the dashboard sends and well-formed; undefined otherwise. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'activate':
      if (typeof m.target !== 'string' || !/^t[1-9]\d{0,6}$/.test(m.target)) return undefined;
      if (m.generation !== undefined && !count(m.generation)) return undefined;
      return m.generation === undefined ? { type: 'activate', target: m.target } : { type: 'activate', target: m.target, generation: m.generation };
    case 'filter': {
      const f = m.filter;
      if (!f || typeof f !== 'object' || Array.isArray(f)) return undefined;
      const filter: ReportFilter = {};
      for (const key of ['folder', 'tag', 'owner'] as const) {
        const value = (f as Record<string, unknown>)[key];
        if (value === undefined || value === '') continue;
        if (!text(value)) return undefined;
        filter[key] = value;
      }
      return { type: 'filter', filter };
    }
    case 'rendered': {
      if (!count(m.generation) || !count(m.charts) || !count(m.targets) || !Array.isArray(m.sections) || m.sections.length > 50 || !m.sections.every(text)) return undefined;
      return { type: 'rendered', generation: m.generation, charts: m.charts, targets: m.targets, sections: m.sections as string[] };
    }
    default:
      return undefined;
  }
}

/** A filter the facets allow (values not on offer are dropped, never passed on). */
export function allowedFilter(filter: ReportFilter, facets: { folders: string[]; tags: string[]; owners: string[] }): ReportFilter {
  const result: ReportFilter = {};
  if (filter.folder && facets.folders.includes(filter.folder)) result.folder = filter.folder;
  if (filter.tag && facets.tags.includes(filter.tag)) result.tag = filter.tag;
  if (filter.owner && facets.owners.includes(filter.owner)) result.owner = filter.owner;
  return result;
}

/** The filter bar: one select per facet that offers a choice, the current choice selected. */
export function renderFilters(filter: ReportFilter, facets: { folders: string[]; tags: string[]; owners: string[] }): string {
  const select = (name: 'folder' | 'tag' | 'owner', label: string, values: string[]) => {
    const options = [`<option value="">All</option>`, ...values.map((v) => `<option value="${escapeXml(v)}"${filter[name] === v ? ' selected' : ''}>${escapeXml(v)}</option>`)].join('');
    return `<label>${label} <select name="${name}" data-filter="${name}">${options}</select></label>`;
  };
  // A facet with nothing to choose (one folder, no tags) gets no control.
  const controls = [facets.folders.length > 1 ? select('folder', 'Folder', facets.folders) : '', facets.tags.length ? select('tag', 'Tag', facets.tags) : '', facets.owners.length ? select('owner', 'Owner', facets.owners) : ''].join('');
  return controls ? `<form class="filters" role="search" aria-label="Filter the report">${controls}</form>` : '';
}
