/**
 * Changes to decision records, as text in → text out. Front matter (native, MADR 3 and
 * 4) is edited through YamlText, so everything not changed stays byte for byte; the
 * Markdown of MADR 2 / log4brains header bullets and Nygard `## Status` sections is
 * edited as lines. A record with no place for a field says so (`needsFrontMatter`)
 * rather than guessing: the caller asks before adding front matter.
 */
import { recordFormat } from '../decisions';
import { samePerson } from '../governance/people';
import type { ApprovalState, DecisionStatus, Dialect } from '../model';
import { scanMarkdown } from '../decisions/markdown-lines';
import { findTitleHeading } from '../decisions/title';
import { relationsInText } from '../decisions/relation-text';
import { isMap, isScalar, isSeq, stringify } from 'yaml';
import { editFrontMatter, EditError, frontMatterSpan, withNormalisedText, type EditResult } from './text';
import { findPair, renderScalar, YamlText } from './yaml-splice';

/** A record named in another record's text: its id and the relative link to its file. */
export interface RecordLink {
  id: string;
  /** Link target relative to the edited record (`0009-use-x.md`); omitted: the id alone is written. */
  href?: string;
}


/**
 * Records `approver`'s approval or rejection (with date and optional comment) in the
 * front matter's `approvers`. A plain-string entry becomes `{name, state, date}`; an
 * entry that is already a mapping keeps its other keys; a person not listed is added.
 * Records without front matter fail with `needsFrontMatter`.
 */
export function setApproval(
  text: string,
  _dialect: Dialect,
  approver: string,
  state: ApprovalState,
  date: string,
  comment?: string,
): EditResult {
  return withNormalisedText(text, (lf) =>
    editFrontMatter(lf, (yaml) => {
      const y = new YamlText(yaml, 'The front matter');
      const root = y.node([]);
      if (root !== undefined && root !== null && !isMap(root)) throw new EditError('The front matter is not a mapping of fields.');
      const fields: [string, string][] = [['state', state], ['date', date]];
      if (comment?.trim()) fields.push(['comment', comment.trim()]);
      const list = y.node(['approvers']);
      if (list === undefined || (isScalar(list) && (list.value === null || list.value === ''))) {
        if (root === undefined || root === null) {
          // Empty front matter: write the whole list.
          return yaml + stringify({ approvers: [Object.fromEntries([['name', approver], ...fields])] }, { lineWidth: 0 });
        }
        y.set([], 'approvers', ['\u0000']); // placeholder item, replaced just below
        y.replaceItem(['approvers', 0], (indent, flow) => renderApprover(approver, fields, indent, flow));
        return y.text;
      }
      if (isScalar(list)) y.set([], 'approvers', [String(list.value)]);
      const seq = y.node(['approvers']);
      if (!isSeq(seq)) throw new EditError('`approvers` is neither a name nor a list.');
      const index = seq.items.findIndex((item) => {
        if (isScalar(item)) return samePerson(String(item.value), approver);
        if (isMap(item)) {
          const name = findPair(item, 'name')?.value;
          return isScalar(name) && samePerson(String(name.value), approver);
        }
        return false;
      });
      if (index < 0) {
        y.appendToSeq(['approvers'], (indent, flow) => renderApprover(approver, fields, indent, flow));
      } else if (isScalar(seq.items[index])) {
        const name = String((seq.items[index] as { value: unknown }).value);
        y.replaceItem(['approvers', index], (indent, flow) => renderApprover(name, fields, indent, flow));
      } else {
        for (const [key, value] of fields) y.set(['approvers', index], key, value);
      }
      return y.text;
    }),
  );
}

function renderApprover(name: string, fields: [string, string][], indent: string, flow: boolean): string {
  const pairs = [['name', name], ...fields].map(([k, v]) => `${k}: ${renderScalar(v)}`);
  return flow ? `{ ${pairs.join(', ')} }` : pairs.join(`\n${indent}`);
}

export interface StatusOptions {
  /** With `superseded`: the successors, written as `superseded-by` (front matter) or `Superseded by [..](..)` (Markdown). */
  supersededBy?: RecordLink[];
}

/**
 * Sets a decision's status where the record states it: the front matter's `status`,
 * else a `Status:` header line or bullet, else the first line of a `## Status` section.
 * Front matter without `status` gains one (first key). A record with none of these
 * fails with `needsFrontMatter`.
 */
export function setDecisionStatus(text: string, status: DecisionStatus, options: StatusOptions = {}): EditResult {
  return withNormalisedText(text, (lf) => {
    const span = frontMatterSpan(lf);
    const y = span ? new YamlText(lf.slice(span.start, span.end), 'The front matter') : undefined;
    const root = y?.node([]);
    if (span && y && isMap(root) && (findPair(root, 'status') || !bodyStatus(lf))) {
      y.set([], 'status', status, 'start');
      if (status === 'superseded' && options.supersededBy?.length) y.addToList([], 'superseded-by', options.supersededBy.map((l) => l.id));
      return lf.slice(0, span.start) + y.text + lf.slice(span.end);
    }
    const found = bodyStatus(lf);
    if (!found) throw new EditError('The record states no status (no front matter, no `Status:` line, no Status section).', true);
    const word = status === 'superseded' && options.supersededBy?.length ? `superseded by ${options.supersededBy.map(markdownLink).join(', ')}` : status;
    const styled = /^[A-Z]/.test(found.text) || found.section ? capitalise(word) : word;
    if (found.insert) return lf.slice(0, found.start) + found.insert.replace('$', styled) + lf.slice(found.start);
    return lf.slice(0, found.start) + styled + lf.slice(found.end);
  });
}

/**
 * Adds a supersession link on one side: `supersedes` (the successor names the old
 * record) or `superseded-by` (the old record names its successor, status unchanged).
 * Front matter gains the id in the list; Markdown-only records gain a
 * `Supersedes [..](..)` / `Superseded by [..](..)` line in their Status section or
 * header bullets.
 */
export function addSupersession(text: string, side: 'supersedes' | 'superseded-by', link: RecordLink): EditResult {
  return withNormalisedText(text, (lf) => {
    const span = frontMatterSpan(lf);
    if (span) {
      const y = new YamlText(lf.slice(span.start, span.end), 'The front matter');
      if (isMap(y.node([]))) {
        y.addToList([], side, [link.id]);
        return lf.slice(0, span.start) + y.text + lf.slice(span.end);
      }
    }
    const found = bodyStatus(lf);
    if (!found?.section || found.insert) throw new EditError('The record has no Status section to put the link in.', true);
    const phrase = `${side === 'supersedes' ? 'Supersedes' : 'Superseded by'} ${markdownLink(link)}`;
    const lineEnd = lf.indexOf('\n', found.end);
    const at = lineEnd < 0 ? lf.length : lineEnd;
    return lf.slice(0, at) + `\n\n${phrase}` + lf.slice(at);
  });
}

/** Marks a decision superseded by `by`: status and the link, in the record's own dialect. */
export function markSuperseded(text: string, by: RecordLink): EditResult {
  return setDecisionStatus(text, 'superseded', { supersededBy: [by] });
}

/** Puts front matter holding `fields` at the top of a record that has none. */
export function addFrontMatter(text: string, fields: Record<string, unknown>): EditResult {
  return withNormalisedText(text, (lf) => {
    if (frontMatterSpan(lf)) throw new EditError('The record already has front matter.');
    return `---\n${stringify(fields, { lineWidth: 0 })}---\n${lf}`;
  });
}

interface BodyStatus {
  /** Offsets of the status text (or, with `insert`, where to insert a line). */
  start: number;
  end: number;
  text: string;
  /** In a `## Status` section (rather than a header field). */
  section: boolean;
  /** A `Status:` field line (header bullet or adr-tools line). */
  field: boolean;
  /** A template for an inserted line (`$` = the status) when the section is empty. */
  insert?: string;
}

const HEADER_STATUS = /^( {0,3}(?:>\s*)?(?:(?:[*+-]|\d+[.)])\s+)?(?:\*\*|__)?status(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(.*)$/i;
const STATUS_HEADING = /^(?:\*\*|__)?(?:decision\s+)?status(?:\*\*|__)?\s*(?::\s*(.*))?$/i;
const LEADING_MARKERS = /^\s*(?:>\s*)*(?:(?:[*+-]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__|\*|_)?/;

function bodyStatus(lf: string): BodyStatus | undefined {
  const md = scanMarkdown(lf);
  const offsets = lineOffsets(md.lines);
  const title = findTitleHeading(md);
  const firstSection = md.headings.find((h) => h.line !== title?.line && h.line > (title?.line ?? -1));
  const headerEnd = Math.min(firstSection ? firstSection.line : md.lines.length, md.bodyStart + 60);
  for (let i = md.bodyStart; i < headerEnd; i++) {
    if (md.masked[i]) continue;
    const m = HEADER_STATUS.exec(md.lines[i]);
    if (!m) continue;
    const value = valueSpan(md.lines[i], m[1].length);
    return { start: offsets[i] + value.start, end: offsets[i] + value.end, text: value.text, section: false, field: true };
  }
  for (let h = 0; h < md.headings.length; h++) {
    const heading = md.headings[h];
    const m = STATUS_HEADING.exec(heading.text.replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2').trim());
    if (!m) continue;
    const line = md.lines[heading.line];
    if (m[1]?.trim()) {
      const at = line.lastIndexOf(m[1].trim());
      return { start: offsets[heading.line] + at, end: offsets[heading.line] + at + m[1].trim().length, text: m[1].trim(), section: true, field: false };
    }
    const end = md.headings[h + 1]?.line ?? md.lines.length;
    for (let i = heading.line + 1; i < end; i++) {
      if (md.masked[i] || !md.lines[i].trim()) continue;
      const f = HEADER_STATUS.exec(md.lines[i]);
      const from = f ? f[1].length : (LEADING_MARKERS.exec(md.lines[i])?.[0].length ?? 0);
      const value = valueSpan(md.lines[i], from);
      const relations = relationsInText(value.text, 'ADR');
      if (relations.length > 0 && relations[0].start === 0 && relations[0].kind !== 'superseded-by') continue;
      return { start: offsets[i] + value.start, end: offsets[i] + value.end, text: value.text, section: true, field: !!f };
    }
    // An empty Status section: a line after the heading.
    const at = offsets[heading.line] + line.length;
    return { start: at, end: at, text: '', section: true, field: false, insert: '\n\n$' };
  }
  return undefined;
}

/** The value on a line from `from`: trailing HTML comment, closing emphasis and spaces excluded. */
function valueSpan(line: string, from: number): { start: number; end: number; text: string } {
  let end = line.length;
  const comment = line.indexOf('<!--', from);
  if (comment >= 0) end = comment;
  while (end > from && /\s/.test(line[end - 1])) end--;
  let start = from;
  while (start < end && /\s/.test(line[start])) start++;
  if (/(\*\*|__)$/.test(line.slice(start, end)) && /^(\*\*|__)/.test(line.slice(start, end)) === false) end -= 2;
  else if (/^(\*\*|__).*(\*\*|__)$/.test(line.slice(start, end))) {
    start += 2;
    end -= 2;
  }
  return { start, end, text: line.slice(start, end) };
}

function lineOffsets(lines: string[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const line of lines) {
    offsets.push(at);
    at += line.length + 1;
  }
  return offsets;
}

function markdownLink(link: RecordLink): string {
  return link.href ? `[${link.id}](${link.href})` : link.id;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Why the palette does not write to a record file, or undefined when it does: its writes
 * (status, approvals, supersession) know Markdown records only; reStructuredText and
 * AsciiDoc records are read everywhere but changed by hand.
 */
export function refusesRecordEdits(path: string): string | undefined {
  const format = recordFormat(path);
  if (format === 'markdown') return undefined;
  const name = format === 'rst' ? 'a reStructuredText' : 'an AsciiDoc';
  return `${path} is ${name} record: the palette changes Markdown records only, so edit its Status section by hand. Nothing was changed.`;
}
