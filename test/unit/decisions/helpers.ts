import * as assert from 'node:assert/strict';
import { parseDecision } from '../../../src/core/decisions';
import type { Decision, DecisionParseResult, IdMention, Range } from '../../../src/core/model';

export const options = { prefix: 'ADR', assumptionPrefix: 'ASM' };

export function r(line: number, column: number, endLine: number, endColumn: number): Range {
  return { start: { line, column }, end: { line: endLine, column: endColumn } };
}

/** Joins lines with `\n` (records are written line by line in the tests). */
export function lines(...text: string[]): string {
  return text.join('\n');
}

export function parse(path: string, text: string, opts = options): DecisionParseResult {
  return parseDecision(path, text, opts);
}

/** Parses and asserts a decision came out. */
export function decisionOf(path: string, text: string, opts = options): Decision {
  const result = parseDecision(path, text, opts);
  assert.ok(result.decision, `expected a decision from ${path}`);
  return result.decision;
}

export function ids(mentions: readonly IdMention[]): string[] {
  return mentions.map((m) => m.id);
}
