import * as assert from 'node:assert/strict';
import { reliesOnInvalid } from '../../../src/core/rules/relies-on-invalid';
import { assertFinding, assertOnly, assumption, at, decision, range, runRule } from './builders';

describe('rule record.relies-on-invalid', () => {
  it('reports a live decision relying on an invalidated assumption, at the mention', () => {
    const d = decision('ADR-0012', { title: 'Cache everything', assumptions: [at('ASM-1', 7, 4)], owner: 'uma@example.com' });
    const a = assumption('ASM-1', { statement: 'Data never changes', status: 'invalidated' });
    const f = assertOnly(runRule(reliesOnInvalid, { decisions: [d], assumptions: [a] }), {
      code: 'record.relies-on-invalid',
      severity: 'warning',
      path: d.path,
      range: range(7, 4, 7, 9),
      mentions: ['ADR-0012', 'Cache everything', 'ASM-1', 'Data never changes', 'invalidated', 'ask uma@example.com (owner)', 'revisit the decision'],
    });
    assert.equal(f.recordId, 'ADR-0012');
    assert.deepEqual(f.related.map((r) => r.path), [a.path]);
  });

  it('points a superseded assumption at the live end of its chain', () => {
    const d = decision('ADR-0012', { title: 'Cache everything', assumptions: [at('ASM-1', 7, 4)] });
    const findings = runRule(reliesOnInvalid, {
      decisions: [d],
      assumptions: [assumption('ASM-1', { supersededBy: ['ASM-2'] }), assumption('ASM-2', { supersededBy: ['ASM-3'] }), assumption('ASM-3')],
    });
    assertOnly(findings, {
      code: 'record.relies-on-invalid',
      severity: 'warning',
      path: d.path,
      range: range(7, 4, 7, 9),
      mentions: ['ADR-0012', 'ASM-1', 'superseded', 'point it at ASM-3'],
    });
  });

  it('sees reliance stated on the assumption’s side, reported at the decision', () => {
    const d = decision('ADR-0012', { title: 'Cache everything' });
    const findings = runRule(reliesOnInvalid, {
      decisions: [d],
      assumptions: [assumption('ASM-1', { status: 'invalidated', decisions: ['ADR-0012'] })],
    });
    assertFinding(findings[0], { code: 'record.relies-on-invalid', severity: 'warning', path: d.path, range: d.range, mentions: ['ADR-0012', 'ASM-1'] });
    assert.equal(findings.length, 1);
  });

  it('reports nothing for sound assumptions or decisions that are no longer live', () => {
    const findings = runRule(reliesOnInvalid, {
      decisions: [
        decision('ADR-0001', { assumptions: ['ASM-1'] }),
        decision('ADR-0002', { status: 'superseded', assumptions: ['ASM-2'] }),
        decision('ADR-0003', { status: 'rejected', assumptions: ['ASM-2'] }),
      ],
      assumptions: [assumption('ASM-1', { status: 'validated' }), assumption('ASM-2', { status: 'invalidated' })],
    });
    assert.deepEqual(findings, []);
  });
});
