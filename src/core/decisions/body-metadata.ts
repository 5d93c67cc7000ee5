/**
 * Metadata written in a record's Markdown body rather than in front matter:
 * MADR 2 / log4brains header bullets (`* Status: accepted`, `- Deciders: …`,
 * `- Date: …`, `- Tags: …`), adr-tools' `Date: 2020-01-01` line, a `## Status`
 * section (any heading level, anywhere in the file) and a `## Links` section.
 * Lines inside fenced code or HTML comments are examples and never read.
 */
import { range, type RecordRelation } from '../model';
import { normaliseDate } from './dates';
import { stripInlineComments, type Heading, type MarkdownLines } from './markdown-lines';
import { emptyFacts, splitList, splitTags, type RecordFacts } from './record-facts';
import { relationsInText, type TextRelation } from './relation-text';

export interface BodyMetadata {
  facts: RecordFacts;
  /** Header lines with a list marker (`* Status: …`): MADR 2 / log4brains. */
  hasHeaderBullets: boolean;
  /** adr-tools signs: a Status section or a plain `Date:` / `Status:` line. */
  hasNygardSigns: boolean;
  /** Lines that hold metadata (header fields, status and links sections), for the summary to skip. */
  metadataLines: Set<number>;
}

const HEADER_FIELD =
  /^ {0,3}(?:>\s*)?((?:[*+-]|\d+[.)])\s+)?(?:\*\*|__)?(status|date|deciders|decision[- ]makers|tags|technical story|consulted|informed|owner)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*/i;
const STATUS_HEADING = /^(?:\*\*|__)?(?:decision\s+)?status(?:\*\*|__)?\s*(?::\s*(.*))?$/i;
const LINKS_HEADING = /^(?:links|related(?:\s+(?:decisions|records|adrs))?|references)$/i;
const LEADING_MARKERS = /^\s*(?:>\s*)*(?:(?:[*+-]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__|\*|_)?/;

export function readBodyMetadata(md: MarkdownLines, titleLine: number | undefined, prefix: string): BodyMetadata {
  const facts = emptyFacts();
  const metadataLines = new Set<number>();
  let hasHeaderBullets = false;
  let hasNygardSigns = false;

  const readHeaderField = (lineIndex: number): boolean => {
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
        if (!facts.status && text) {
          facts.status = { value: text, range: where };
          addRelations(facts, relationsInText(text, prefix), lineIndex, column);
        }
        break;
      case 'date':
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

  md.headings.forEach((heading, index) => {
    const text = stripEmphasis(heading.text);
    const status = STATUS_HEADING.exec(text);
    if (status) {
      hasNygardSigns = true;
      readStatusSection(md, heading, index, status[1], facts, prefix, metadataLines, readHeaderField);
    } else if (LINKS_HEADING.test(text)) {
      readLinksSection(md, index, facts, prefix, metadataLines);
    }
  });

  return { facts, hasHeaderBullets, hasNygardSigns, metadataLines };
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
): void {
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
  if (statusLine && !facts.status) {
    const { line, column, text } = statusLine;
    facts.status = { value: text, range: range(line, column, line, column + text.length) };
  }
  if (sawSupersededBy) facts.statesSuperseded = true;
}

function isPlaceholder(line: string): boolean {
  const text = line.trim().replace(/^[-*]\s+/, '');
  return /^[{[][^{}[\]]*\|[^{}[\]]*[}\]]$/.test(text);
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
      const mention = { id: ref.id, range: range(line, column + ref.start, line, column + ref.end) };
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
  const wrapped = /^(\*\*|__)(.*)\1$/.exec(text);
  if (wrapped) {
    text = wrapped[2].trim();
    start += 2;
  }
  text = text.replace(/(?:\*\*|__)$/, '').trim();
  return { text, column: start };
}

function stripEmphasis(text: string): string {
  return text.replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2').trim();
}

function splitNames(text: string): string[] {
  return splitList(text.replace(/\s+and\s+/gi, ', '));
}
