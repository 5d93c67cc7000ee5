/**
 * `.alignment.yaml`: the repository's configuration, shared by the CLI and the editor.
 * Validated strictly against `configSchema`: unknown keys are problems at their key
 * (with a suggestion when a known key is close), wrong values at their value. Valid
 * keys still apply when others are wrong.
 */
import type * as z from 'zod/mini';
import { editDistance } from './closest-id';
import { ALL_FINDING_CODES } from './findings';
import type { ParseProblem } from './model';
import { configSchema, type ConfigInput } from './schemas';
import { withLineFeeds } from './line-endings';
import { keyRangeAt, nodeAt, parseYamlSource, rangeAt } from './yaml-source';

export const CONFIG_FILE_NAMES = ['.alignment.yaml', '.alignment.yml', '.alignment.json'] as const;

const CONFIG_KEYS = Object.keys(configSchema.shape);

/** Parses the text of `.alignment.yaml`. An empty file is `{}`; never throws. */
export function parseConfigText(text: string): { config?: ConfigInput; problems: ParseProblem[] } {
  if (text.includes('\u0000')) {
    return { problems: [problem('.alignment.yaml is not a text file.', { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } })] };
  }
  const body = withLineFeeds(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const source = parseYamlSource(body);
  if (source.problems.length > 0) return { problems: source.problems };
  let value: unknown;
  try {
    value = source.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { problems: [{ code: 'record.yaml', message: `YAML error: ${(error as Error).message}`, range: rangeAt(source, []) }] };
  }
  if (value === null || value === undefined) return { config: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    return { problems: [problem('.alignment.yaml must be a mapping of settings (key: value).', rangeAt(source, []))] };
  }

  const result = configSchema.safeParse(value);
  if (result.success) return { config: result.data, problems: [] };

  const problems: ParseProblem[] = [];
  const cleaned = structuredClone(value) as Record<string, unknown>;
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(problem(unknownKeyMessage(path, key), keyRangeAt(source, [...path, key])));
        removeAt(cleaned, [...path, key]);
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A record key (a finding code under `severity`) that is not one.
      problems.push(problem(unknownKeyMessage(path.slice(0, -1), String(path[path.length - 1])), keyRangeAt(source, path)));
      removeAt(cleaned, path);
      continue;
    }
    problems.push(problem(valueMessage(value, path, issue), rangeAt(source, path)));
    // Drop the offending setting (or the one severity entry) and keep the rest.
    removeAt(cleaned, path[0] === 'severity' && path.length >= 2 ? path.slice(0, 2) : path.slice(0, 1));
  }
  // What remains valid still applies.
  const retry = configSchema.safeParse(cleaned);
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
  return { config: retry.success ? retry.data : undefined, problems };
}

function unknownKeyMessage(parent: (string | number)[], key: string): string {
  if (parent.length === 1 && parent[0] === 'severity') {
    const suggestion = didYouMean(key, ALL_FINDING_CODES);
    return `Unknown finding code \`${key}\` under \`severity\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`;
  }
  const known = parent.length === 0 ? CONFIG_KEYS : [];
  const suggestion = didYouMean(key, known);
  const where = parent.length === 0 ? '.alignment.yaml' : `\`${parent.join('.')}\``;
  return `Unknown setting \`${key}\` in ${where}${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`;
}

const EXPECTED: Record<string, string> = {
  decisionFolders: 'a list of folders',
  assumptionFolders: 'a list of folders',
  exclude: 'a list of globs',
  decisionPrefix: 'letters only (such as ADR)',
  assumptionPrefix: 'letters only (such as ASM)',
  severity: 'a mapping from finding code to error, warning, information, hint or off',
  approvalOverdueDays: 'a whole number of days (0 or more)',
  allowAnyApprover: 'true or false',
  maxFileSizeKb: 'a whole number of kilobytes (1 or more)',
  reviewEvery: 'a duration such as 180d, 12w, 6m or 1y',
  validateEvery: 'a duration such as 90d, 12w, 6m or 1y',
  maxRecords: 'a whole number (1 or more)',
  maxReferencesPerFile: 'a whole number (1 or more)',
  maxFindings: 'a whole number (1 or more)',
};

function valueMessage(root: object, path: (string | number)[], issue: z.core.$ZodIssue): string {
  const key = String(path[0] ?? '');
  let current: unknown = root;
  for (const step of path) current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[String(step)] : undefined;
  const actual = describe(current);
  if (key === 'severity' && path.length === 2) {
    return `\`severity.${String(path[1])}\` must be error, warning, information, hint or off, not ${actual}.`;
  }
  // A refinement (a folder outside the workspace, a glob that does not compile) says what is wrong itself.
  if (issue.code === 'custom' && path.length === 2 && typeof path[1] === 'number') return `\`${key}\` item ${path[1] + 1} (${actual}) ${issue.message}.`;
  const expected = EXPECTED[key];
  if (expected && path.length === 1) return `\`${key}\` must be ${expected}, not ${actual}.`;
  if (expected && path.length === 2 && typeof path[1] === 'number') {
    return `\`${key}\` item ${path[1] + 1} must be text, not ${actual} (\`${key}\` must be ${expected}).`;
  }
  return `\`${path.join('.')}\`: ${issue.message}`;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'empty';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function removeAt(target: Record<string, unknown>, path: (string | number)[]): void {
  if (path.length === 0) return;
  let current: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (current === null || typeof current !== 'object') return;
    current = (current as Record<string, unknown>)[String(key)];
  }
  if (current === null || typeof current !== 'object') return;
  const last = path[path.length - 1];
  if (Array.isArray(current) && typeof last === 'number') current.splice(last, 1, undefined);
  else delete (current as Record<string, unknown>)[String(last)];
}

function problem(message: string, range: ParseProblem['range']): ParseProblem {
  return { code: 'record.schema', message, range };
}

/**
 * The known name closest to `name`, when it is close enough to be a likely typo:
 * same letters ignoring case and `-`/`_`, or an edit distance within a third of its length.
 */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[-_\s.]/g, '');
  const target = squash(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = squash(candidate) === target ? 0 : editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** A folder named in the config file, with where it is written. */
export interface ConfiguredFolder {
  key: 'decisionFolders' | 'assumptionFolders';
  folder: string;
  range: ParseProblem['range'];
}

/**
 * The folders `.alignment.yaml` names under `decisionFolders` and `assumptionFolders`,
 * each with its position, so that a folder that does not exist can be reported there.
 */
export function configuredFolders(text: string): ConfiguredFolder[] {
  const body = withLineFeeds(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const source = parseYamlSource(body);
  if (source.problems.length > 0) return [];
  const result: ConfiguredFolder[] = [];
  for (const key of ['decisionFolders', 'assumptionFolders'] as const) {
    const list = nodeAt(source, [key]);
    const items = list && 'items' in list && Array.isArray(list.items) ? list.items : [];
    items.forEach((_, i) => {
      const value = nodeAt(source, [key, i]);
      const folder = value && 'value' in value ? value.value : undefined;
      if (typeof folder === 'string') result.push({ key, folder, range: rangeAt(source, [key, i]) });
    });
  }
  return result;
}
