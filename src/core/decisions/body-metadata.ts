/**
 * Metadata written in a record's Markdown body rather than in front matter:
 * MADR 2 / log4brains header bullets (`* Status: accepted`, `- Deciders: …`,
 * `- Date: …`, `- Tags: …`), adr-tools' `Date: 2020-01-01` line, a `## Status`
 * section (any heading level, anywhere in the file) and a `## Links` section.
 * Lines inside fenced code or HTML comments are examples and never read.
 */
import { range, type RecordRelation, type StatusSource } from '../model';
import { normaliseDate } from './dates';
import { stripInlineComments, type Heading, type MarkdownLines } from './markdown-lines';
import { emptyFacts, splitList, splitTags, type Located, type RecordFacts } from './record-facts';
import { readMetadataTable } from './metadata-table';
import { resolveDecisionRef } from './ref-resolution';
import { relationsInText, type TextRelation } from './relation-text';

export interface BodyMetadata {
  facts: RecordFacts;
  /** Header lines with a list marker (`* Status: …`): MADR 2 / log4brains. */
  hasHeaderBullets: boolean;
  /** adr-tools signs: a Status section or a plain `Date:` / `Status:` line. */
  hasNygardSigns: boolean;
  /** Lines that hold metadata (header fields, status and links sections), for the summary to skip. */
  metadataLines: Set<number>;
  /** Every status the body states, strongest source first: table, header line, section. */
  statuses: SourcedStatus[];
}

export interface SourcedStatus extends Located<string> {
  source: StatusSource;
}

const SOURCE_RANK: Record<string, number> = { table: 0, bullet: 1, field: 1, line: 1, section: 2 };

const HEADER_FIELD =
  /^ {0,3}(?:>\s*)?((?:[*+-]|\d+[.)])\s+)?(?:\*\*|__)?(status|date|deciders|decision[- ]makers|tags|technical story|consulted|informed|owner|title|superseded[- ]by|supersedes|replaces|replaced[- ]by|created)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*/i;
const STATUS_HEADING = /^(?:\*\*|__)?(?:decision\s+)?status(?:\*\*|__)?\s*(?::\s*(.*))?$/i;
const LINKS_HEADING = /^(?:links|related(?:\s+(?:decisions|records|adrs))?|references)$/i;
const LEADING_MARKERS = /^\s*(?:>\s*)*(?:(?:[*+-]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__|\*|_)?/;

export function readBodyMetadata(md: MarkdownLines, titleLine: number | undefined, prefix: string): BodyMetadata {
  const facts = emptyFacts();
  const metadataLines = new Set<number>();
  let hasHeaderBullets = false;
  let hasNygardSigns = false;
  const statuses: SourcedStatus[] = [];

  const readHeaderField = (lineIndex: number, inSection = false): boolean => {
    const line = md.lines[lineIndex];
    const m = HEADER_FIELD.exec(line);
    if (!m) return false;
    const key = m[2].toLowerCase().replace(/[- ]+/g, '-');
    const { text, column } = cleanValue(line, m[0].length);
    metadataLines.add(lineIndex);
    if (m[1] && (key === 'status' || key === 'deciders' || key === 'decision-makers')) hasHeaderBullets = true;
    if (!m[1] && (key === 'status' || key === 'date')) hasNygardSigns = true;
    const where = range(lineIndex, column, lineIndex, column + text.length);
    switch (key) {
      case 'status':
        if (text && !statuses.some((st) => st.range.start.line === lineIndex)) {
          const source: StatusSource = inSection ? 'section' : m[1] ? 'bullet' : md.fieldLines?.has(lineIndex) ? 'field' : 'line';
          statuses.push({ value: text, range: where, source });
          addRelations(facts, relationsInText(text, prefix), lineIndex, column);
        }
        break;
      case 'date':
      case 'created':
        facts.date ??= normaliseDate(text);
        break;
      case 'deciders':
      case 'decision-makers':
        facts.deciders.push(...splitNames(text));
        break;
      case 'consulted':
        facts.consulted.push(...splitNames(text));
        break;
      case 'informed':
        facts.informed.push(...splitNames(text));
        break;
      case 'tags':
        facts.tags.push(...splitTags(text));
        break;
      case 'owner':
        if (!facts.owner && text) facts.owner = { value: text, range: where };
        break;
      case 'title':
        // `Title: …` in a header (PEP-style RST, some templates).
        if (!facts.title && text && !inSection) {
          // As written: `__future__` is a name here, not emphasis.
          const colon = line.indexOf(':');
          const raw = stripInlineComments(line.slice(colon + 1)).trim();
          const start = line.indexOf(raw, colon + 1);
          facts.title = { value: raw, range: range(lineIndex, start, lineIndex, start + raw.length) };
        }
        break;
      case 'superseded-by':
      case 'supersedes':
      case 'replaces':
      case 'replaced-by': {
        // `Superseded-By: 8, 9`: the field name is the relation; bare numbers name records.
        const keyword = key.replace(/-/g, ' ');
        const relations = relationsInText(`${keyword} ${text}`, prefix);
        const refs = relations.flatMap((r) => r.refs);
        if (refs.length === 0) {
          for (const m of text.matchAll(/(?<![\w#])\d{1,7}(?!\w)/g)) refs.push({ id: resolveDecisionRef(m[0], prefix)!, start: keyword.length + 1 + m.index, end: keyword.length + 1 + m.index + m[0].length });
        }
        const kind = key === 'supersedes' || key === 'replaces' ? 'supersedes' : 'superseded-by';
        addRelations(facts, [{ kind, start: 0, refs }], lineIndex, column - keyword.length - 1);
        break;
      }
      default:
        break; // Technical Story: not metadata this tool uses
    }
    return true;
  };

  // Header fields: from the top of the body to the first heading after the title.
  const firstSection = md.headings.find((h) => h.line !== titleLine && h.line > (titleLine ?? -1));
  const headerEnd = Math.min(firstSection ? firstSection.line : md.lines.length, md.bodyStart + 60);
  for (let i = md.bodyStart; i < headerEnd; i++) {
    if (!md.masked[i]) readHeaderField(i);
  }

  const table = readMetadataTable(md, titleLine, headerEnd);
  if (table) {
    for (const line of table.lines) metadataLines.add(line);
    if (table.status) {
      statuses.push({ ...table.status, source: 'table' });
      addRelations(facts, relationsInText(table.status.value, prefix), table.status.range.start.line, table.status.range.start.column);
    }
    facts.date ??= table.date;
    if (!facts.owner && table.owner) facts.owner = table.owner;
    facts.deciders.push(...table.deciders.flatMap(splitNames));
    for (const cell of table.relationCells) addRelations(facts, relationsInText(cell.value, prefix), cell.range.start.line, cell.range.start.column);
  }

  let sectionRead = false;
  md.headings.forEach((heading, index) => {
    const text = stripEmphasis(heading.text);
    const status = STATUS_HEADING.exec(text);
    if (status && !sectionRead) {
      // The first Status section is the record's; a later one describes something else.
      sectionRead = true;
      hasNygardSigns = true;
      const found = readStatusSection(md, heading, index, status[1], facts, prefix, metadataLines, (line) => readHeaderField(line, true));
      if (found && !statuses.some((st) => st.range.start.line === found.range.start.line)) statuses.push({ ...found, source: 'section' });
    } else if (LINKS_HEADING.test(text)) {
      readLinksSection(md, index, facts, prefix, metadataLines);
    }
  });

  statuses.sort((a, b) => (SOURCE_RANK[a.source] ?? 3) - (SOURCE_RANK[b.source] ?? 3));
  if (statuses[0]) facts.status = { value: statuses[0].value, range: statuses[0].range };
  return { facts, hasHeaderBullets, hasNygardSigns, metadataLines, statuses };
}

function readStatusSection(
  md: MarkdownLines,
  heading: Heading,
  index: number,
  inlineStatus: string | undefined,
  facts: RecordFacts,
  prefix: string,
  metadataLines: Set<number>,
  readHeaderField: (line: number) => boolean,
): Located<string> | undefined {
  const candidates: { line: number; column: number; text: string }[] = [];
  if (inlineStatus && inlineStatus.trim()) {
    const column = md.lines[heading.line].lastIndexOf(inlineStatus.trim());
    candidates.push({ line: heading.line, column, text: inlineStatus.trim() });
  }
  const end = md.headings[index + 1]?.line ?? md.lines.length;
  for (let i = heading.line + 1; i < end; i++) {
    if (md.masked[i]) continue;
    metadataLines.add(i);
    // Template guidance (`> A decision may be "proposed"…`) and unfilled placeholders
    // (`{Deprecated|Proposed|Accepted}`) are not a status.
    if (/^\s*>/.test(md.lines[i]) || isPlaceholder(md.lines[i])) continue;
    if (readHeaderField(i)) continue;
    const { text, column } = cleanValue(md.lines[i], LEADING_MARKERS.exec(md.lines[i])?.[0].length ?? 0);
    if (text) candidates.push({ line: i, column, text });
  }

  let sawSupersededBy = false;
  let statusLine: { line: number; column: number; text: string } | undefined;
  for (const candidate of candidates) {
    const relations = relationsInText(candidate.text, prefix);
    addRelations(facts, relations, candidate.line, candidate.column);
    const leadsWithOtherRelation = relations.length > 0 && relations[0].start === 0 && relations[0].kind !== 'superseded-by';
    if (relations.some((r) => r.kind === 'superseded-by')) sawSupersededBy = true;
    if (!statusLine && !leadsWithOtherRelation) statusLine = candidate;
  }
  if (sawSupersededBy) facts.statesSuperseded = true;
  if (!statusLine) return undefined;
  const { line, column, text } = statusLine;
  return { value: text, range: range(line, column, line, column + text.length) };
}

function isPlaceholder(line: string): boolean {
  const text = line.trim().replace(/^[-*]\s+/, '');
  // `{Deprecated|Proposed|Accepted}`, or the choices left bare: `Accepted | Rejected | Deprecated | Superseded by`.
  return /^[{[][^{}[\]]*\|[^{}[\]]*[}\]]$/.test(text) || /^[\p{L} ]{1,30}(?:\|[\p{L} ]{1,30}){2,}$/u.test(text);
}

function readLinksSection(md: MarkdownLines, index: number, facts: RecordFacts, prefix: string, metadataLines: Set<number>): void {
  const heading = md.headings[index];
  const end = md.headings[index + 1]?.line ?? md.lines.length;
  for (let i = heading.line + 1; i < end; i++) {
    if (md.masked[i]) continue;
    metadataLines.add(i);
    const { text, column } = cleanValue(md.lines[i], LEADING_MARKERS.exec(md.lines[i])?.[0].length ?? 0);
    if (!text) continue;
    // Only a line that starts with a relation counts ("Supersedes [..](..)"), not prose.
    const relations = relationsInText(text, prefix);
    if (relations.length > 0 && relations[0].start === 0) addRelations(facts, relations, i, column);
  }
}

function addRelations(facts: RecordFacts, relations: TextRelation[], line: number, column: number): void {
  for (const relation of relations) {
    for (const ref of relation.refs) {
      const mention = { id: ref.id, range: range(line, column + ref.start, line, column + ref.end), ...(ref.fallback ? { fallback: ref.fallback } : {}) };
      switch (relation.kind) {
        case 'superseded-by':
          facts.supersededBy.push(mention);
          break;
        case 'supersedes':
          facts.supersedes.push(mention);
          break;
        default:
          facts.relations.push({ kind: relation.kind, target: mention } satisfies RecordRelation);
      }
    }
  }
}

/** The value of a line from `column`: inline comments, emphasis around it and trailing spaces dropped, with its column. */
function cleanValue(line: string, column: number): { text: string; column: number } {
  let text = stripInlineComments(line.slice(column));
  const leading = text.length - text.trimStart().length;
  text = text.trim();
  let start = column + leading;
  const wrapped = /^(\*\*|__|\*|_)([^*_].*)\1$/.exec(text);
  if (wrapped) {
    text = wrapped[2].trim();
    start += wrapped[1].length;
  }
  text = text.replace(/(?:\*\*|__)$/, '').trim();
  return { text, column: start };
}

function stripEmphasis(text: string): string {
  return text.replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2').trim();
}

function splitNames(text: string): string[] {
  return splitList(text.replace(/\s+and\s+/gi, ', ')).map(linkText).filter((name) => name !== '' && !/^[.…]+$/.test(name)); // `Ann, ...`: the ellipsis is no name
}

/** A name written as a Markdown link (`[Ann Lee]`, `[Ann Lee](https://…)`, `[Ann Lee][ann]`) is its text. */
function linkText(name: string): string {
  // Anchored: one attempt at the start, linear in the name.
  const link = /^\[([^\]]*)\](?:\(.*\)|\[.*\])?$/.exec(name);
  return link ? link[1].trim() : name;
}
