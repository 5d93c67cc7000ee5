import * as assert from 'node:assert/strict';
import { referenceRules } from '../../../src/core/rules/reference-rules';
import { assertOnly, assumption, decision, reference, refRange, runRule } from './builders';

describe('rule ref.unsound', () => {
  it('reports a decision that relies on an invalidated assumption, naming both and the owner', () => {
    const ref = reference('ADR-0020', { path: 'src/queue.ts', line: 5, column: 4 });
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0020', { title: 'Single region deployment', assumptions: ['ASM-1'], owner: 'lee@example.com' })],
      assumptions: [assumption('ASM-1', { statement: 'Users are in one region', status: 'invalidated' })],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.unsound',
      severity: 'warning',
      path: 'src/queue.ts',
      range: refRange(ref),
      mentions: ['ADR-0020', 'Single region deployment', 'ASM-1', 'Users are in one region', 'invalidated', 'ask lee@example.com (owner)'],
    });
    assert.equal(f.recordId, 'ADR-0020');
    assert.ok(f.related.some((r) => r.path === 'docs/assumptions/asm-1.yaml'));
  });

  it('reports a decision that relies on a superseded assumption', () => {
    const ref = reference('ADR-0020');
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0020', { title: 'Single region', assumptions: ['ASM-1'] })],
      assumptions: [assumption('ASM-1', { statement: 'One region', supersededBy: ['ASM-2'] }), assumption('ASM-2')],
      references: [ref],
    });
    assertOnly(findings, { code: 'ref.unsound', severity: 'warning', path: 'src/app.ts', range: refRange(ref), mentions: ['ADR-0020', 'ASM-1', 'superseded'] });
  });

  it('sees reliance stated only on the assumption’s side (`decisions:`)', () => {
    const ref = reference('ADR-0020');
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0020', { title: 'Single region' })],
      assumptions: [assumption('ASM-1', { statement: 'One region', status: 'invalidated', decisions: ['ADR-20'] })],
      references: [ref],
    });
    assertOnly(findings, { code: 'ref.unsound', severity: 'warning', path: 'src/app.ts', range: refRange(ref), mentions: ['ADR-0020', 'Single region', 'ASM-1'] });
  });

  it('reports nothing when the assumptions hold', () => {
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0020', { assumptions: ['ASM-1', 'ASM-2'] })],
      assumptions: [assumption('ASM-1'), assumption('ASM-2', { status: 'validated' })],
      references: [reference('ADR-0020')],
    });
    assert.deepEqual(findings, []);
  });
});
