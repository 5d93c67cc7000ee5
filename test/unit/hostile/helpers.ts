/**
 * Building in-memory workspaces from a few strings, and timing what the engine does with
 * them. Completion bounds are for linear-time guards only: every adversarial input here
 * is at least 100 KB and took seconds to minutes before the guard.
 */
import * as assert from 'node:assert/strict';
import { mergeConfig, type AlignmentConfig } from '../../../src/core/config';
import type { Finding } from '../../../src/core/findings';
import type { ConfigInput } from '../../../src/core/schemas';
import { detectLayout } from '../../../src/core/layout';
import { WorkspaceModel } from '../../../src/core/workspace-model';

export const NOW = new Date('2025-06-15T12:00:00Z');

/**
 * How much larger than in the unit suite the adversarial inputs are: `HOSTILE_SCALE=10`
 * (`npm run hostile:scale -- --scale 10`) makes every size ten times larger, and the time
 * bound ten times longer (linear work, in seconds).
 */
export const SCALE = Number(process.env.HOSTILE_SCALE ?? '1');
if (!Number.isInteger(SCALE) || SCALE < 1) throw new Error(`HOSTILE_SCALE must be a whole number of at least 1, not ${process.env.HOSTILE_SCALE}`);

/** The bound for one adversarial input: far above what a linear pass needs, far below what the old code took. */
export const WELL_UNDER_A_SECOND_MS = 750 * SCALE;

/** `n` scaled by HOSTILE_SCALE. */
export function scaled(n: number): number {
  return n * SCALE;
}

/** Each timed step, for the report of a scaled run (HOSTILE_REPORT=1). */
const timings: { what: string; ms: number }[] = [];
if (process.env.HOSTILE_REPORT) {
  after(() => {
    console.log(`\nhostile inputs at ${SCALE}x: ${timings.length} timed steps (bound ${WELL_UNDER_A_SECOND_MS} ms each)`);
    for (const t of timings) console.log(`  ${t.ms.toFixed(1).padStart(9)} ms  ${t.what}`);
  });
}

export interface Loaded {
  model: WorkspaceModel;
  files: string[];
  findings: Finding[];
}

export function load(files: Record<string, string>, input: ConfigInput = {}): Loaded {
  const config: AlignmentConfig = mergeConfig(input);
  const paths = Object.keys(files);
  const model = new WorkspaceModel(config, detectLayout(paths, config, { toolFolders: [] }));
  for (const [path, text] of Object.entries(files)) model.update(path, text);
  return { model, files: paths, findings: model.findings(NOW, paths) };
}

/** Runs `work`, asserts that it finished within the bound, and returns its result. */
export function quickly<T>(what: string, work: () => T, boundMs = WELL_UNDER_A_SECOND_MS): T {
  const start = process.hrtime.bigint();
  const result = work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  timings.push({ what: `${currentTest()}: ${what}`, ms });
  assert.ok(ms < boundMs, `${what} took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
  return result;
}

/** At least 100 KB (times HOSTILE_SCALE): `unit` repeated. */
export function kb100(unit: string): string {
  return unit.repeat(Math.ceil(scaled(102_400) / unit.length));
}

let current = '';
if (process.env.HOSTILE_REPORT) {
  beforeEach(function () {
    current = this.currentTest?.title ?? '';
  });
}
function currentTest(): string {
  return current;
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}
