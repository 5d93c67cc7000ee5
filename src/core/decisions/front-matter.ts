/**
 * Native / MADR 3 / MADR 4 front matter: YAML between `---` lines at the very top.
 * Syntax errors become `record.yaml` problems and wrong types `record.schema` problems,
 * at their exact position; whatever is usable is still extracted, field by field.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { formatId, parseNumberedId } from '../ids';
import type { ApprovalState, Approver, IdMention, ParseProblem, Range } from '../model';
import { decisionFrontMatterSchema } from '../schemas';
import { nodeAt, offsetsToRange, parseYamlSource, validateYaml, type YamlSource } from '../yaml-source';
import { normaliseDate } from './dates';
import type { FrontMatterBlock } from './markdown-lines';
import { emptyFacts, splitList, splitTags, type Located, type RecordFacts } from './record-facts';
import { resolveAssumptionRef, resolveDecisionRef } from './ref-resolution';
import { scanDecisionRefs } from './ref-scan';
import { relationsInText } from './relation-text';

/**
 * Keys that make front matter a decision record's metadata. `id`, `title`, `date` and
 * `tags` are left out: Docusaurus and Jekyll pages carry them too.
 */
const DECISION_KEYS = [
  'status',
  'owner',
  'approvers',
  'decision-makers',
  'deciders',
  'consulted',
  'informed',
  'review-by',
  'reviewed',
  'supersedes',
  'superseded-by',
  'assumptions',
  'applies-to',
];

export interface FrontMatterResult {
  facts: RecordFacts;
  problems: ParseProblem[];
  /** Whether any decision field is present (else the front matter is only a site generator's). */
  hasDecisionFields: boolean;
  /** MADR 3 style: `deciders` rather than MADR 4's `decision-makers`. */
  madr3: boolean;
}

interface Options {
  prefix: string;
  assumptionPrefix: string;
}

export function parseFrontMatter(block: FrontMatterBlock, options: Options): FrontMatterResult {
  const facts = emptyFacts();
  const source = parseYamlSource(block.text, block.start + 1);
  const problems: ParseProblem[] = source.problems.map((p) => pointAtOpener(p, block));

  let value: unknown;
  try {
    value = source.doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    problems.push({ code: 'record.yaml', message: `YAML error: ${(error as Error)?.message ?? String(error)}`, range: whole(source) });
    value = undefined;
  }
  if (value === null || value === undefined) {
    return { facts, problems, hasDecisionFields: false, madr3: false };
  }
  // A syntax error often makes a field look mistyped too: report the mistake once, as the syntax error.
  const schemaProblems = validateYaml(source, decisionFrontMatterSchema, value, 'Front matter').problems;
  problems.push(...schemaProblems.filter((p) => !source.problems.some((y) => linesOverlap(p.range, y.range))));
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { facts, problems, hasDecisionFields: false, madr3: false };
  }

  const data = value as Record<string, unknown>;
  const ctx = new FieldReader(source, block.text, data);
  readFields(ctx, facts, options);

  const hasDecisionFields = DECISION_KEYS.some((k) => k in data);
  const madr3 = 'deciders' in data && !('decision-makers' in data);
  return { facts, problems, hasDecisionFields, madr3 };
}

function readFields(f: FieldReader, facts: RecordFacts, { prefix, assumptionPrefix }: Options): void {
  const id = f.get('id');
  if (typeof id === 'string' && id.trim()) {
    facts.id = { value: id.trim(), range: f.range(['id']) };
    facts.number = parseNumberedId(id)?.number;
  } else if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
    facts.id = { value: formatId(prefix, id), range: f.range(['id']) };
    facts.number = id;
  }

  facts.title = f.locatedString('title');
  facts.status = f.locatedString('status');
  facts.owner = f.locatedString('owner');
  facts.date = normaliseDate(f.get('date'));
  const reviewBy = normaliseDate(f.get('review-by'));
  if (reviewBy) facts.reviewBy = { value: reviewBy, range: f.range(['review-by']) };
  facts.reviewed = normaliseDate(f.get('reviewed'));

  facts.approvers = readApprovers(f);
  facts.deciders = [...f.stringList('decision-makers', splitList), ...f.stringList('deciders', splitList)];
  facts.consulted = f.stringList('consulted', splitList);
  facts.informed = f.stringList('informed', splitList);
  facts.tags = f.stringList('tags', splitTags);
  if (facts.tags.length > 0) facts.tagsRange = f.range(['tags']);
  facts.appliesTo = f.stringList('applies-to', (s) => [s.trim()].filter(Boolean));

  facts.supersedes = f.idMentions('supersedes', (w) => resolveDecisionRef(w, prefix), prefix);
  facts.supersededBy = f.idMentions('superseded-by', (w) => resolveDecisionRef(w, prefix), prefix);
  facts.assumptions = f.idMentions('assumptions', (w) => resolveAssumptionRef(w, assumptionPrefix));

  // MADR 3: `status: superseded by [ADR-0005](0005-example.md)`.
  if (facts.status) {
    const node = nodeAt(f.source, ['status']);
    if (node?.range) {
      const start = node.range[0];
      const raw = f.text.slice(start, node.range[1]);
      for (const relation of relationsInText(raw, prefix)) {
        if (relation.kind !== 'superseded-by') continue;
        for (const ref of relation.refs) facts.supersededBy.push({ id: ref.id, range: f.offsets(start + ref.start, start + ref.end) });
      }
    }
  }
}

function readApprovers(f: FieldReader): Approver[] {
  const list = f.get('approvers');
  const items = Array.isArray(list) ? list : typeof list === 'string' ? [list] : [];
  const approvers: Approver[] = [];
  items.forEach((item, index) => {
    const path = Array.isArray(list) ? ['approvers', index] : ['approvers'];
    const range = f.range(path);
    if (typeof item === 'string') {
      for (const name of splitList(item)) approvers.push({ name, state: 'pending', range });
      return;
    }
    if (!item || typeof item !== 'object' || Array.isArray(item)) return;
    const entry = item as Record<string, unknown>;
    if (typeof entry.name !== 'string' || !entry.name.trim()) return;
    const approver: Approver = { name: entry.name.trim(), state: approvalState(entry.state), range };
    const date = normaliseDate(entry.date);
    if (date) approver.date = date;
    if (typeof entry.comment === 'string') approver.comment = entry.comment;
    approvers.push(approver);
  });
  return approvers;
}

function approvalState(value: unknown): ApprovalState {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text === 'approved' || text === 'rejected') return text;
  return 'pending';
}

/** Typed, position-aware access to the front matter's fields. */
class FieldReader {
  constructor(
    readonly source: YamlSource,
    readonly text: string,
    private readonly data: Record<string, unknown>,
  ) {}

  get(key: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.data, key) ? this.data[key] : undefined;
  }

  range(path: readonly PropertyKey[]): Range {
    const node = nodeAt(this.source, path);
    if (node?.range) return this.offsets(node.range[0], node.range[1]);
    return whole(this.source);
  }

  offsets(start: number, end: number): Range {
    return offsetsToRange(this.source.lineCounter, start, end, this.source.lineOffset);
  }

  locatedString(key: string): Located<string> | undefined {
    const value = this.get(key);
    if (typeof value !== 'string') return undefined;
    return { value: value.trim(), range: this.range([key]) };
  }

  /** A string or a list of strings (numbers accepted as text); a single string is split by `split`. */
  stringList(key: string, split: (s: string) => string[]): string[] {
    const value = this.get(key);
    if (typeof value === 'string') return split(value);
    if (!Array.isArray(value)) return [];
    return value
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      .map((v) => String(v).trim())
      .filter((v) => v !== '');
  }

  /** Ids in a field that holds one id or a list of them, each with the range of where it is written. */
  idMentions(key: string, resolve: (written: string | number) => string | undefined, decisionPrefix?: string): IdMention[] {
    const value = this.get(key);
    const node = nodeAt(this.source, [key]);
    const mentions: IdMention[] = [];
    const add = (item: unknown, itemNode: Node | undefined) => {
      if (typeof item === 'number') {
        const id = resolve(item);
        if (id) mentions.push({ id, range: this.nodeRange(itemNode) });
        return;
      }
      if (typeof item !== 'string') return;
      mentions.push(...this.mentionsInString(item, itemNode, resolve, decisionPrefix));
    };
    if (Array.isArray(value)) {
      value.forEach((item, i) => add(item, isSeq(node) ? (node.items[i] as Node | undefined) : undefined));
    } else {
      add(value, node);
    }
    return mentions;
  }

  private mentionsInString(
    item: string,
    node: Node | undefined,
    resolve: (written: string) => string | undefined,
    decisionPrefix: string | undefined,
  ): IdMention[] {
    const nodeRange = this.nodeRange(node);
    const start = node?.range?.[0];
    const raw = start !== undefined && node?.range && isScalar(node) ? this.text.slice(start, node.range[1]) : undefined;
    const mentions: IdMention[] = [];

    // A Markdown link or several references in one string: find each where it is written.
    if (decisionPrefix !== undefined && raw !== undefined && raw.length <= 2000 && (item.includes('](') || /[,;]|\s(?:and|&)\s/.test(item))) {
      for (const ref of scanDecisionRefs(raw, decisionPrefix)) {
        mentions.push({ id: ref.id, range: this.offsets(start! + ref.start, start! + ref.end) });
      }
      if (mentions.length > 0) return mentions;
    }

    const pieces = /[,;]/.test(item) && !item.includes('](') ? item.split(/[,;]/) : [item];
    let cursor = 0;
    for (const piece of pieces) {
      const written = piece.trim();
      if (!written) continue;
      const id = resolve(written);
      if (!id) continue;
      let range = nodeRange;
      if (raw !== undefined && start !== undefined) {
        const at = raw.indexOf(written, cursor);
        if (at >= 0) {
          range = this.offsets(start + at, start + at + written.length);
          cursor = at + written.length;
        }
      }
      mentions.push({ id, range });
    }
    return mentions;
  }

  private nodeRange(node: Node | undefined): Range {
    if (node?.range) return this.offsets(node.range[0], node.range[1]);
    return whole(this.source);
  }
}

/**
 * An unclosed flow collection or quoted string is reported by the YAML parser where the
 * closing character was due (the next line); the mistake is the opener, so point there.
 */
function pointAtOpener(problem: ParseProblem, block: FrontMatterBlock): ParseProblem {
  const m = /Flow (?:sequence|map) in block collection .*end with an? ([\]}])|Missing closing (["'])quote/.exec(problem.message);
  if (!m) return problem;
  const opener = m[1] === ']' ? '[' : m[1] === '}' ? '{' : m[2];
  const lines = block.text.split('\n');
  const errorLine = problem.range.start.line - (block.start + 1);
  for (let i = Math.min(errorLine, lines.length - 1); i >= 0; i--) {
    const text = i === errorLine ? lines[i].slice(0, problem.range.start.column) : lines[i];
    const column = text.lastIndexOf(opener);
    if (column >= 0) {
      const line = i + block.start + 1;
      return { ...problem, range: { start: { line, column }, end: { line, column: lines[i].trimEnd().length } } };
    }
  }
  return problem;
}

function linesOverlap(a: Range, b: Range): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

function whole(source: YamlSource): Range {
  const root = source.doc.contents;
  if (root && (isMap(root) || isSeq(root) || isScalar(root)) && root.range) {
    return offsetsToRange(source.lineCounter, root.range[0], root.range[0], source.lineOffset);
  }
  return { start: { line: source.lineOffset, column: 0 }, end: { line: source.lineOffset, column: 0 } };
}
