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

/** The bound for one adversarial input: far above what a linear pass needs, far below what the old code took. */
export const WELL_UNDER_A_SECOND_MS = 750;

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
  assert.ok(ms < boundMs, `${what} took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
  return result;
}

/** At least 100 KB: `unit` repeated. */
export function kb100(unit: string): string {
  return unit.repeat(Math.ceil(102_400 / unit.length));
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}
