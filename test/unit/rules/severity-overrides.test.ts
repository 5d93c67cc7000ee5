import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { runRules } from '../../../src/core/rules';
import { referenceRules } from '../../../src/core/rules/reference-rules';
import { buildIndex, decision, NOW, reference, runRule } from './builders';

describe('severity overrides', () => {
  const ws = {
    decisions: [decision('ADR-0001', { status: 'deprecated' }), decision('ADR-0002', { status: 'rejected' })],
    references: [reference('ADR-0001', { line: 1 }), reference('ADR-0002', { line: 2 }), reference('ADR-0099', { line: 3 })],
  };

  it('uses the table defaults without overrides', () => {
    const findings = runRule(referenceRules, ws);
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity]),
      [
        ['ref.deprecated', 'warning'],
        ['ref.rejected', 'warning'],
        ['ref.unknown', 'error'],
      ],
    );
  });

  it('changes the severity of one code only', () => {
    const config = { ...DEFAULT_CONFIG, severity: { 'ref.deprecated': 'error' as const, 'ref.unknown': 'hint' as const } };
    const findings = runRule(referenceRules, ws, { config });
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity]),
      [
        ['ref.deprecated', 'error'],
        ['ref.rejected', 'warning'],
        ['ref.unknown', 'hint'],
      ],
    );
  });

  it('drops the findings of a code set to off', () => {
    const config = { ...DEFAULT_CONFIG, severity: { 'ref.rejected': 'off' as const } };
    const findings = runRule(referenceRules, ws, { config });
    assert.deepEqual(findings.map((f) => f.code), ['ref.deprecated', 'ref.unknown']);
  });

  it('applies to the whole rule set, sorted by path and position', () => {
    const index = buildIndex({ ...ws, decisions: [...ws.decisions, decision('ADR-0003', { owner: undefined })] });
    const all = runRules({ index, config: { ...DEFAULT_CONFIG, severity: { 'record.no-owner': 'off' } }, now: NOW, files: [] });
    assert.ok(!all.some((f) => f.code === 'record.no-owner'));
    assert.deepEqual(all.map((f) => f.path), ['src/app.ts', 'src/app.ts', 'src/app.ts']);
    assert.deepEqual(all.map((f) => f.range.start.line), [1, 2, 3]);
  });
});
