import * as assert from 'node:assert/strict';
import { referenceRules } from '../../../src/core/rules/reference-rules';
import { assertOnly, assumption, decision, reference, refRange, runRule } from './builders';

describe('rule ref.unknown', () => {
  it('reports an id that no decision has, at the reference, with the next step', () => {
    const ref = reference('ADR-0042', { path: 'src/orders/service.ts', line: 7, column: 12 });
    const findings = runRule(referenceRules, { decisions: [decision('ADR-0001')], references: [ref] });
    const f = assertOnly(findings, {
      code: 'ref.unknown',
      severity: 'error',
      path: 'src/orders/service.ts',
      range: refRange(ref),
      mentions: ['ADR-0042', 'docs/adr', 'Record it, or correct the id'],
    });
    assert.equal(f.recordId, 'ADR-0042');
    assert.deepEqual(f.range, { start: { line: 7, column: 12 }, end: { line: 7, column: 20 } });
  });

  it('names the decision folder, not a folder-form record’s own folder', () => {
    const ref = reference('ADR-0042');
    const record = { ...decision('ADR-0001'), path: 'docs/decisions/0001-use-x/index.md' };
    const [f] = runRule(referenceRules, { decisions: [record], references: [ref] });
    assert.match(f.message, /no decision record has this id in docs\/decisions\. Record it/);
    const atRoot = { ...decision('ADR-0001'), path: 'adr-001-use-adrs.md' };
    assert.match(runRule(referenceRules, { decisions: [atRoot], references: [ref] })[0].message, /no decision record has this id\. Record it/);
  });

  it('reports an unknown assumption id where assumptions exist, naming the assumption folders', () => {
    const ref = reference('ASM-9');
    const findings = runRule(referenceRules, { assumptions: [assumption('ASM-1')], references: [ref] });
    assertOnly(findings, {
      code: 'ref.unknown',
      severity: 'error',
      path: 'src/app.ts',
      range: refRange(ref),
      mentions: ['ASM-9', 'no assumption', 'docs/assumptions'],
    });
  });

  it('resolves ids numerically, so ADR 9 in code is not unknown when ADR-0009 exists', () => {
    const ref = reference('ADR-9', { text: 'ADR 9' });
    assert.deepEqual(runRule(referenceRules, { decisions: [decision('ADR-0009')], references: [ref] }), []);
  });

  it('stays quiet when no records of that kind exist (another repository’s ids)', () => {
    assert.deepEqual(runRule(referenceRules, { references: [reference('ADR-0042')] }), []);
    // Decisions exist, but no assumptions: an ASM id is not reported.
    assert.deepEqual(runRule(referenceRules, { decisions: [decision('ADR-0001')], references: [reference('ASM-3')] }), []);
    // Assumptions exist, but no decisions: an ADR id is not reported.
    assert.deepEqual(runRule(referenceRules, { assumptions: [assumption('ASM-1')], references: [reference('ADR-7')] }), []);
  });

  it('reports nothing for a reference to a fine record', () => {
    assert.deepEqual(runRule(referenceRules, { decisions: [decision('ADR-0001')], references: [reference('ADR-0001')] }), []);
  });
});
