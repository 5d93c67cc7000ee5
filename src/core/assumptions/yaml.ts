/**
 * Assumption files (`*.yaml` / `*.yml`): a single assumption, or a list under
 * `assumptions:`. Syntax errors become `record.yaml` problems at their position; wrong
 * types or values become `record.schema` problems at the offending field. Each list item
 * is validated on its own, so one bad item never hides the others.
 */
import type * as z from 'zod/mini';
import { ASSUMPTION_STATUSES, type Assumption, type AssumptionParseResult, type AssumptionStatus, type IdMention, type Level, type ParseProblem, type Range } from '../model';
import { assumptionSchema } from '../schemas';
import { nodeAt, offsetsToRange, parseYamlSource, rangeAt, type YamlSource } from '../yaml-source';
import {
  describeValue,
  idFromValue,
  levelFromText,
  MAX_ASSUMPTION_FILE_CHARS,
  normaliseDate,
  numberOfId,
  type AssumptionParseOptions,
} from './common';

type Path = (string | number)[];

const EXPECTED: Record<string, string> = {
  id: 'an id such as ASM-3 (or a number)',
  statement: 'text',
  owner: 'text',
  evidence: 'text',
  status: `one of ${ASSUMPTION_STATUSES.join(', ')}`,
  confidence: 'one of low, medium, high',
  impact: 'one of low, medium, high',
  'validate-by': 'a date (YYYY-MM-DD)',
  supersedes: 'an id or a list of ids',
  'superseded-by': 'an id or a list of ids',
  decisions: 'an id or a list of ids',
  tags: 'text or a list of text',
};
const EXPECTED_ITEM: Record<string, string> = {
  supersedes: 'an id',
  'superseded-by': 'an id',
  decisions: 'an id',
  tags: 'text',
};

/** Parses an assumption YAML file. Never throws. */
export function parseAssumptionFile(path: string, text: string, options: AssumptionParseOptions): AssumptionParseResult {
  try {
    return parseFile(path, text, options);
  } catch (error) {
    // Defensive: a parser bug must not take the index down with it.
    return {
      assumptions: [],
      problems: [{ code: 'record.yaml', message: `Could not read ${path}: ${String(error)}`, range: startRange() }],
    };
  }
}

function parseFile(path: string, text: string, options: AssumptionParseOptions): AssumptionParseResult {
  if (text.length > MAX_ASSUMPTION_FILE_CHARS) {
    return {
      assumptions: [],
      problems: [
        {
          code: 'record.schema',
          message: `${path} is too large to read as an assumption file (${Math.round(text.length / 1024)} KB).`,
          range: startRange(),
        },
      ],
    };
  }
  if (text.includes('\u0000')) return { assumptions: [], problems: [] }; // binary
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors do not count a BOM as a column
  const source = parseYamlSource(body);
  const syntaxErrors = source.problems.length > 0;
  const problems: ParseProblem[] = [...source.problems];

  let value: unknown;
  try {
    value = source.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({ code: 'record.yaml', message: `YAML error: ${String((error as Error).message ?? error)}`, range: startRange() });
    return { assumptions: [], problems };
  }
  if (value === null || value === undefined) return { assumptions: [], problems };

  const items: { value: unknown; base: Path; label: string }[] = [];
  if (isPlainObject(value) && 'assumptions' in value) {
    const list = value.assumptions;
    if (Array.isArray(list)) {
      list.forEach((item, i) => items.push({ value: item, base: ['assumptions', i], label: `Assumption ${i + 1} of ${path}` }));
    } else if (list !== null && list !== undefined && !syntaxErrors) {
      problems.push({
        code: 'record.schema',
        message: `\`assumptions\` in ${path} must be a list of assumptions, not ${describeValue(list)}.`,
        range: rangeAt(source, ['assumptions']),
      });
    }
  } else if (isPlainObject(value)) {
    items.push({ value, base: [], label: `The assumption in ${path}` });
  } else if (Array.isArray(value)) {
    // Clear intent, wrong shape: read the items, and say how to write it.
    if (!syntaxErrors) {
      problems.push({
        code: 'record.schema',
        message: `${path} holds a list at the top level: put the assumptions under \`assumptions:\`.`,
        range: firstLineRange(source, body, []),
      });
    }
    value.forEach((item, i) => items.push({ value: item, base: [i], label: `Assumption ${i + 1} of ${path}` }));
  } else if (!syntaxErrors) {
    problems.push({
      code: 'record.schema',
      message: `${path} must hold an assumption (id, statement, …) or a list under \`assumptions:\`, not ${describeValue(value)}.`,
      range: rangeAt(source, []),
    });
  }

  const assumptions: Assumption[] = [];
  for (const item of items) {
    const read = readItem(source, path, item.value, item.base, item.label, options);
    if (!syntaxErrors) problems.push(...read.problems);
    else if (read.problems.length > 0) continue; // partial document: keep only items that read cleanly
    if (read.assumption) assumptions.push(read.assumption);
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
  return { assumptions, problems };
}

function readItem(
  source: YamlSource,
  path: string,
  raw: unknown,
  base: Path,
  label: string,
  options: AssumptionParseOptions,
): { assumption?: Assumption; problems: ParseProblem[] } {
  if (!isPlainObject(raw)) {
    return {
      problems: [
        {
          code: 'record.schema',
          message: `${label} must be a mapping with \`id\` and \`statement\`, not ${describeValue(raw)}.`,
          range: rangeAt(source, base),
        },
      ],
    };
  }
  const id = idFromValue(raw.id, options.prefix);
  const who = id ? `Assumption ${id}` : `${label} (no id)`;
  const problems = schemaProblems(source, raw, base, who);

  if (typeof raw.id === 'string' && raw.id.trim() === '') {
    problems.push({ code: 'record.schema', message: `${who}: \`id\` is empty.`, range: rangeAt(source, [...base, 'id']) });
  } else if (typeof raw.id === 'number' && !id) {
    problems.push({
      code: 'record.schema',
      message: `${who}: \`id\` must be ${EXPECTED.id}, not ${describeValue(raw.id)}.`,
      range: rangeAt(source, [...base, 'id']),
    });
  }
  if (typeof raw.statement === 'string' && raw.statement.trim() === '') {
    problems.push({ code: 'record.schema', message: `${who}: \`statement\` is empty.`, range: rangeAt(source, [...base, 'statement']) });
  }
  let validateBy: string | undefined;
  const validateRaw = raw['validate-by'];
  if (typeof validateRaw === 'string' || validateRaw instanceof Date) {
    validateBy = normaliseDate(validateRaw);
    if (!validateBy) {
      problems.push({
        code: 'record.schema',
        message: `${who}: \`validate-by\` must be a date (YYYY-MM-DD), not ${describeValue(validateRaw)}.`,
        range: rangeAt(source, [...base, 'validate-by']),
      });
    }
  }
  if (!id) return { problems };

  const idRange = rangeAt(source, [...base, 'id']);
  const status = ASSUMPTION_STATUSES.includes(raw.status as AssumptionStatus) ? (raw.status as AssumptionStatus) : 'active';
  const assumption: Assumption = {
    kind: 'assumption',
    id,
    statement: typeof raw.statement === 'string' ? raw.statement.trim() : '',
    status,
    path,
    line: idRange.start.line,
    range: idRange,
    supersedes: mentions(source, raw, base, 'supersedes', options.prefix),
    supersededBy: mentions(source, raw, base, 'superseded-by', options.prefix),
    decisions: mentions(source, raw, base, 'decisions', options.decisionPrefix),
    tags: strings(raw.tags),
  };
  const number = typeof raw.id === 'number' ? raw.id : numberOfId(id);
  if (number !== undefined) assumption.number = number;
  if (raw.status !== undefined) {
    assumption.statusRange = rangeAt(source, [...base, 'status']);
    assumption.statusSource = 'yaml';
  }
  if (typeof raw.owner === 'string' && raw.owner.trim() !== '') {
    assumption.owner = raw.owner.trim();
    assumption.ownerRange = rangeAt(source, [...base, 'owner']);
  }
  const confidence = level(raw.confidence);
  if (confidence) assumption.confidence = confidence;
  const impact = level(raw.impact);
  if (impact) assumption.impact = impact;
  if (validateBy) {
    assumption.validateBy = validateBy;
    assumption.validateByRange = rangeAt(source, [...base, 'validate-by']);
  }
  if (typeof raw.evidence === 'string' && raw.evidence.trim() !== '') assumption.evidence = raw.evidence.trim();
  return { assumption, problems };
}

/** zod issues of one item as `record.schema` problems at their field, with readable messages. */
function schemaProblems(source: YamlSource, raw: Record<string, unknown>, base: Path, who: string): ParseProblem[] {
  const result = assumptionSchema.safeParse(raw);
  if (result.success) return [];
  const problems: ParseProblem[] = [];
  for (const issue of result.error.issues) {
    const issuePath = deepestPath(issue);
    const field = String(issuePath[0] ?? '');
    const actual = valueAt(raw, issuePath);
    let message: string;
    if (issuePath.length === 0) {
      message = `${who}: ${issue.message}`;
    } else if (actual === undefined && issuePath.length === 1) {
      message = `${who}: \`${field}\` is required.`;
    } else {
      const expected = (issuePath.length > 1 ? EXPECTED_ITEM[field] : undefined) ?? EXPECTED[field];
      const where = issuePath.length > 1 ? `\`${field}\` item ${Number(issuePath[1]) + 1}` : `\`${field}\``;
      message = expected ? `${who}: ${where} must be ${expected}, not ${describeValue(actual)}.` : `${who}: ${where}: ${issue.message}`;
    }
    problems.push({ code: 'record.schema', message, range: rangeAt(source, [...base, ...issuePath]) });
  }
  return problems;
}

/** For a union failure, the path of the most specific branch issue (e.g. the bad list element). */
function deepestPath(issue: z.core.$ZodIssue): Path {
  const own = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  if (issue.code !== 'invalid_union') return own;
  let best: Path = [];
  for (const branch of issue.errors) {
    for (const inner of branch) {
      const candidate = deepestPath(inner);
      if (candidate.length > best.length) best = candidate;
    }
  }
  return [...own, ...best];
}

function valueAt(value: unknown, path: Path): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isPlainObject(current)) current = current[String(key)];
    else return undefined;
  }
  return current;
}

function mentions(source: YamlSource, raw: Record<string, unknown>, base: Path, field: string, prefix: string): IdMention[] {
  const value = raw[field];
  const result: IdMention[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const id = idFromValue(item, prefix);
      if (id) result.push({ id, range: rangeAt(source, [...base, field, i]) });
    });
  } else {
    const id = idFromValue(value, prefix);
    if (id) result.push({ id, range: rangeAt(source, [...base, field]) });
  }
  return result;
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== '');
}

function level(value: unknown): Level | undefined {
  return typeof value === 'string' && ['low', 'medium', 'high'].includes(value) ? levelFromText(value) : undefined;
}

/** From the start of the node at `path` to the end of that line. */
function firstLineRange(source: YamlSource, text: string, path: Path): Range {
  const node = nodeAt(source, path);
  if (!node?.range) return rangeAt(source, path);
  const start = node.range[0];
  const newline = text.indexOf('\n', start);
  let end = newline < 0 ? text.length : newline;
  if (end > start && text[end - 1] === '\r') end--;
  return offsetsToRange(source.lineCounter, start, Math.min(end, node.range[1]), source.lineOffset);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function startRange(): Range {
  return { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
}
