/**
 * In-memory builders for records and code references, and a helper that builds an
 * AlignmentIndex and runs one rule through the runner (so configured severities apply)
 * with a fixed clock. Nothing here reads files or uses the parsers.
 */
import * as assert from 'node:assert/strict';
import { AlignmentIndex, type FileProblem } from '../../../src/core/alignment-index';
import { DEFAULT_CONFIG, type AlignmentConfig } from '../../../src/core/config';
import type { Finding, FindingCode, Severity } from '../../../src/core/findings';
import { parseNumberedId } from '../../../src/core/ids';
import {
  range,
  type Assumption,
  type CodeReference,
  type Decision,
  type IdMention,
  type Range,
  type RecordKind,
} from '../../../src/core/model';
import { runRules, type Rule } from '../../../src/core/rules';

export { range };

/** The fixed clock of the suite: 15 June 2025, noon UTC. */
export const NOW = new Date('2025-06-15T12:00:00Z');

/** An id as written in a record, at a line (and column) of that record. */
export function at(id: string, line = 0, column = 0): IdMention {
  return { id, range: range(line, column, line, column + id.length) };
}

type Mentions = (string | IdMention)[];

function mentions(list: Mentions | undefined): IdMention[] {
  return (list ?? []).map((m) => (typeof m === 'string' ? at(m) : m));
}

export type DecisionInput = Partial<Omit<Decision, 'kind' | 'id' | 'supersedes' | 'supersededBy' | 'assumptions'>> & {
  supersedes?: Mentions;
  supersededBy?: Mentions;
  assumptions?: Mentions;
};

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A decision with sensible defaults: accepted, owned by alice, no approvers, stored at
 * `docs/adr/<digits>-<slug of title>.md`, its id stated on the H1 at line 0.
 */
export function decision(id: string, input: DecisionInput = {}): Decision {
  const numbered = parseNumberedId(id);
  const title = input.title ?? `Decision ${id}`;
  const status = input.status ?? 'accepted';
  const stem = numbered ? `${numbered.digits}-${slugOf(title)}` : id;
  return {
    kind: 'decision',
    id,
    number: numbered?.number,
    title,
    status,
    statusText: input.statusText ?? (status === 'unknown' ? '' : status[0].toUpperCase() + status.slice(1)),
    dialect: 'frontmatter',
    path: `docs/adr/${stem}.md`,
    line: 0,
    range: range(0, 0, 0, title.length + 2),
    owner: 'alice@example.com',
    approvers: [],
    deciders: [],
    consulted: [],
    informed: [],
    relations: [],
    tags: [],
    appliesTo: [],
    summary: '',
    ...input,
    supersedes: mentions(input.supersedes),
    supersededBy: mentions(input.supersededBy),
    assumptions: mentions(input.assumptions),
  };
}

export type AssumptionInput = Partial<Omit<Assumption, 'kind' | 'id' | 'supersedes' | 'supersededBy' | 'decisions'>> & {
  supersedes?: Mentions;
  supersededBy?: Mentions;
  decisions?: Mentions;
};

/** An active assumption owned by bob, in `docs/assumptions/<id>.yaml`, its id on line 0. */
export function assumption(id: string, input: AssumptionInput = {}): Assumption {
  const numbered = parseNumberedId(id);
  return {
    kind: 'assumption',
    id,
    number: numbered?.number,
    statement: input.statement ?? `Assumption ${id} holds`,
    status: 'active',
    owner: 'bob@example.com',
    path: `docs/assumptions/${id.toLowerCase()}.yaml`,
    line: 0,
    range: range(0, 4, 0, 4 + id.length),
    tags: [],
    ...input,
    supersedes: mentions(input.supersedes),
    supersededBy: mentions(input.supersededBy),
    decisions: mentions(input.decisions),
  };
}

export interface ReferenceInput {
  path?: string;
  line?: number;
  column?: number;
  /** The text as written; defaults to the id. */
  text?: string;
  kind?: CodeReference['kind'];
  recordKind?: RecordKind;
}

/** A code reference in `src/app.ts` at line 10, column 3 (0-based), spanning its text. */
export function reference(id: string, input: ReferenceInput = {}): CodeReference {
  const text = input.text ?? id;
  const column = input.column ?? 3;
  return {
    path: input.path ?? 'src/app.ts',
    line: input.line ?? 10,
    column,
    endColumn: column + text.length,
    text,
    id,
    kind: input.kind ?? 'mention',
    recordKind: input.recordKind ?? (/^asm/i.test(id) ? 'assumption' : 'decision'),
  };
}

export interface Workspace {
  decisions?: Decision[];
  assumptions?: Assumption[];
  references?: CodeReference[];
  problems?: FileProblem[];
  files?: string[];
}

export function buildIndex(ws: Workspace): AlignmentIndex {
  return new AlignmentIndex({
    decisions: ws.decisions ?? [],
    assumptions: ws.assumptions ?? [],
    references: ws.references ?? [],
    problems: ws.problems ?? [],
  });
}

export interface RunOptions {
  now?: Date;
  config?: AlignmentConfig;
}

/** Builds the index and runs one rule through `runRules` (severities applied, sorted). */
export function runRule(rule: Rule, ws: Workspace, options: RunOptions = {}): Finding[] {
  const index = buildIndex(ws);
  return runRules({ index, config: options.config ?? DEFAULT_CONFIG, now: options.now ?? NOW, files: ws.files ?? [] }, [rule]);
}

/** The range of a code reference, as findings on it carry. */
export function refRange(ref: CodeReference): Range {
  return range(ref.line, ref.column, ref.line, ref.endColumn);
}

export interface Expected {
  code: FindingCode;
  severity: Severity;
  path: string;
  range: Range;
  /** Fragments the message must contain (record id, title, next step). */
  mentions?: string[];
}

/** Asserts code, severity, path, exact range and message fragments of one finding. */
export function assertFinding(found: Finding | undefined, expected: Expected): Finding {
  assert.ok(found, `expected a ${expected.code} finding`);
  assert.equal(found.code, expected.code);
  assert.equal(found.severity, expected.severity);
  assert.equal(found.path, expected.path);
  assert.deepEqual(found.range, expected.range);
  for (const fragment of expected.mentions ?? []) {
    assert.ok(found.message.includes(fragment), `message ${JSON.stringify(found.message)} should mention ${JSON.stringify(fragment)}`);
  }
  return found;
}

/** Exactly one finding, with the expected shape. */
export function assertOnly(findings: Finding[], expected: Expected): Finding {
  assert.equal(findings.length, 1, `expected one finding, got ${JSON.stringify(findings.map((f) => `${f.code} ${f.message}`))}`);
  return assertFinding(findings[0], expected);
}

export function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}
