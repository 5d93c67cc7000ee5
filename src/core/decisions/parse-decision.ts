/**
 * Parses one decision record (any dialect: front matter / MADR 4, MADR 3, MADR 2 /
 * log4brains, Nygard / adr-tools) from its text. Never throws.
 */
import { formatId, idKey, parseNumberedId } from '../ids';
import { range, type Decision, type DecisionParseResult, type Dialect, type IdMention, type ParseProblem, type Range } from '../model';
import { readBodyMetadata } from './body-metadata';
import { decisionPathInfo, humaniseSlug, recordFormat, recordStem, type DecisionFileInfo } from './file-names';
import { parseFrontMatter } from './front-matter';
import { scanMarkdown, type MarkdownLines } from './markdown-lines';
import { scanMarkup } from './markup-lines';
import { chooseStatus } from './status-sources';
import { emptyFacts, type RecordFacts } from './record-facts';
import { normaliseDecisionStatus } from './status';
import { extractSummary } from './summary';
import { findTitleHeading, splitTitle } from './title';

export interface DecisionParseOptions {
  /** Decision id prefix, e.g. `ADR`. */
  prefix: string;
  /** Assumption id prefix, e.g. `ASM`. */
  assumptionPrefix: string;
}

export function parseDecision(path: string, text: string, options: DecisionParseOptions): DecisionParseResult {
  const opts = { prefix: options?.prefix || 'ADR', assumptionPrefix: options?.assumptionPrefix || 'ASM' };
  const safePath = typeof path === 'string' ? path : String(path);
  // Not text, or nothing in it: no record, and a problem on the file saying so (never a silent drop).
  if (typeof text !== 'string') return { problems: [] };
  if (isEmptyOrBinary(text)) return { problems: [wholeFileProblem(`${safePath} is ${text.replace(/^\uFEFF/, '').trim() === '' ? 'empty' : 'not a text file'}: it holds no decision record`)] };
  try {
    return parseRecord(safePath, text, opts);
  } catch (error) {
    // A defect here must not lose the record: fall back to what the file name says, and say so.
    const reason = error instanceof Error ? error.message : String(error);
    return { decision: fallbackDecision(safePath, opts.prefix), problems: [wholeFileProblem(`${safePath} could not be fully read (${reason.slice(0, 200)}); only its file name was used`)] };
  }
}

function parseRecord(path: string, text: string, options: DecisionParseOptions): DecisionParseResult {
  const { prefix } = options;
  const format = recordFormat(path);
  const md = format === 'markdown' ? scanMarkdown(text) : scanMarkup(text, format);
  const problems: ParseProblem[] = [];

  let front = emptyFacts();
  let frontHasFields = false;
  let madr3 = false;
  if (md.frontMatter) {
    const result = parseFrontMatter(md.frontMatter, options);
    front = result.facts;
    problems.push(...result.problems);
    frontHasFields = result.hasDecisionFields;
    madr3 = result.madr3;
  }

  const titleHeading = findTitleHeading(md);
  const body = readBodyMetadata(md, titleHeading?.line, prefix);
  const facts = body.facts;
  const fileInfo = decisionPathInfo(path);
  const titleParts = titleHeading ? splitTitle(titleHeading.text, prefix) : undefined;

  // Id and number.
  const { id, number } = chooseId(front, fileInfo, titleParts, path, prefix);

  // Title.
  const slug = fileInfo?.slug ?? recordStem(path);
  const title = oneLine(front.title?.value) || facts.title?.value || withoutFileNumber(titleParts, fileInfo) || humaniseSlug(slug) || id;

  // Where the record is stated: `range` on its id or title (front matter first), `line` on its H1.
  const where: Range = front.id?.range ?? front.title?.range ?? titleRange(md, titleHeading?.line) ?? range(0, 0, 0, md.lines[0]?.length ?? 0);

  // Status: the strongest source wins; a weaker one that disagrees is a record.conflict.
  const chosen = chooseStatus(front, body.statuses, problems);
  // RST and AsciiDoc links were read as Markdown links; the text shows what was written.
  const statusText = format === 'markdown' ? chosen?.value ?? '' : linksAsText(chosen?.value ?? '');
  const supersedes = dedupe([...front.supersedes, ...facts.supersedes]);
  const supersededBy = dedupe([...front.supersededBy, ...facts.supersededBy]);
  let status = normaliseDecisionStatus(statusText);
  if (!statusText && supersededBy.length > 0) status = 'superseded';
  if (!front.status && facts.statesSuperseded) status = 'superseded';
  // A draft placeholder name (`XXXX-slug.md`) is a proposal with no number yet.
  if (!statusText && fileInfo?.draft) status = 'proposed';

  const dialect = chooseDialect(frontHasFields, madr3, body.hasHeaderBullets, body.hasNygardSigns, fileInfo, titleParts?.number);

  const decision: Decision = {
    kind: 'decision',
    id,
    title,
    status,
    statusText,
    dialect,
    path,
    line: titleHeading?.line ?? where.start.line,
    range: where,
    approvers: front.approvers,
    deciders: unique([...front.deciders, ...facts.deciders]),
    consulted: unique([...front.consulted, ...facts.consulted]),
    informed: unique([...front.informed, ...facts.informed]),
    supersedes,
    supersededBy,
    relations: [...front.relations, ...facts.relations],
    assumptions: dedupe(front.assumptions),
    tags: unique([...front.tags, ...facts.tags]),
    appliesTo: unique(front.appliesTo),
    summary: extractSummary(md, titleHeading?.line, body.metadataLines),
  };
  if (number !== undefined) decision.number = number;
  if (chosen) {
    decision.statusRange = chosen.range;
    decision.statusSource = chosen.source;
  }
  const date = front.date ?? facts.date ?? fileInfo?.date;
  if (date) decision.date = date;
  const owner = front.owner ?? facts.owner;
  if (owner?.value) {
    decision.owner = owner.value;
    decision.ownerRange = owner.range;
  }
  if (front.reviewBy) {
    decision.reviewBy = front.reviewBy.value;
    decision.reviewByRange = front.reviewBy.range;
  }
  if (front.reviewed) decision.reviewed = front.reviewed;
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
  return { decision, problems };
}

function chooseId(
  front: RecordFacts,
  fileInfo: DecisionFileInfo | undefined,
  titleParts: { number?: number; digits?: string } | undefined,
  path: string,
  prefix: string,
): { id: string; number?: number } {
  if (front.id) {
    return { id: front.id.value, number: front.number ?? parseNumberedId(front.id.value)?.number ?? fileInfo?.number ?? titleParts?.number };
  }
  if (fileInfo?.digits !== undefined) return { id: formatId(prefix, fileInfo.digits), number: fileInfo.number };
  if (fileInfo) return { id: fileInfo.slug }; // log4brains, dated and draft names: the slug is the id
  if (titleParts?.number !== undefined) return { id: formatId(prefix, titleParts.number), number: titleParts.number };
  return { id: recordStem(path) || path };
}

/** `0005 Program ID` in record 0005: the file's number written before the title is decoration. */
function withoutFileNumber(parts: { title: string; number?: number } | undefined, info: DecisionFileInfo | undefined): string | undefined {
  if (!parts?.title) return undefined;
  const m = /^(\d{1,7})\s+(?=\S)/.exec(parts.title);
  if (parts.number === undefined && m && info?.number === Number(m[1])) return parts.title.slice(m[0].length);
  return parts.title;
}

/** `Superseded by [](0003-x)` → `Superseded by 0003-x`; `[ADR 2](0002-x.adoc)` → `ADR 2`. */
function linksAsText(text: string): string {
  return text.replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, label: string, target: string) => label || target).replace(/\s+/g, ' ').trim();
}

/** A title written as a block scalar (`title: |`) on one line. */
function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function chooseDialect(
  frontHasFields: boolean,
  madr3: boolean,
  headerBullets: boolean,
  nygardSigns: boolean,
  fileInfo: DecisionFileInfo | undefined,
  titleNumber: number | undefined,
): Dialect {
  if (frontHasFields) return madr3 ? 'madr3' : 'frontmatter';
  if (headerBullets) return 'madr2';
  if (nygardSigns) return 'nygard';
  if (fileInfo && fileInfo.digits === undefined) return 'madr2';
  if (titleNumber !== undefined) return 'nygard';
  return 'frontmatter';
}

function titleRange(md: MarkdownLines, line: number | undefined): Range | undefined {
  if (line === undefined) return undefined;
  const text = md.lines[line] ?? '';
  return range(line, 0, line, text.trimEnd().length);
}

function dedupe(mentions: IdMention[]): IdMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = idKey(m.id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Empty (or whitespace only) or not text: NUL bytes, or many replacement/control characters. */
function wholeFileProblem(message: string): ParseProblem {
  return { code: 'record.schema', message: `${message}.`, range: range(0, 0, 0, 0) };
}

function isEmptyOrBinary(text: string): boolean {
  if (text.replace(/^\uFEFF/, '').trim() === '') return true;
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd++;
  }
  return odd > sample.length * 0.1;
}

function fallbackDecision(path: string, prefix: string): Decision {
  const info = decisionPathInfo(path);
  const slug = info?.slug ?? recordStem(path);
  const id = info?.digits !== undefined ? formatId(prefix, info.digits) : info ? info.slug : slug || path;
  const decision: Decision = {
    kind: 'decision',
    id,
    title: humaniseSlug(slug) || id,
    status: 'unknown',
    statusText: '',
    dialect: 'frontmatter',
    path,
    line: 0,
    range: range(0, 0, 0, 0),
    approvers: [],
    deciders: [],
    consulted: [],
    informed: [],
    supersedes: [],
    supersededBy: [],
    relations: [],
    assumptions: [],
    tags: [],
    appliesTo: [],
    summary: '',
  };
  if (info?.number !== undefined) decision.number = info.number;
  return decision;
}
