import * as assert from 'node:assert/strict';
import { referenceRules } from '../../../src/core/rules/reference-rules';
import { assertOnly, assumption, decision, reference, refRange, runRule } from './builders';

const BEFORE = new Date('2025-03-01T00:00:00Z');
const AFTER = new Date('2025-09-01T00:00:00Z');

describe('rule ref.expired', () => {
  it('depends on the clock it is given: same input, two clocks, two results', () => {
    const ref = reference('ASM-4', { path: 'src/limits.ts', line: 2, column: 9 });
    const ws = {
      assumptions: [assumption('ASM-4', { statement: 'Peak load is 50 rps', validateBy: '2025-06-01', owner: 'max@example.com' })],
      references: [ref],
    };
    assert.deepEqual(runRule(referenceRules, ws, { now: BEFORE }), []);
    const f = assertOnly(runRule(referenceRules, ws, { now: AFTER }), {
      code: 'ref.expired',
      severity: 'warning',
      path: 'src/limits.ts',
      range: refRange(ref),
      mentions: ['ASM-4', 'Peak load is 50 rps', '2025-06-01', 'ask max@example.com (owner)'],
    });
    assert.equal(f.recordId, 'ASM-4');
  });

  it('reports a decision past its review-by date', () => {
    const ref = reference('ADR-0030');
    const ws = { decisions: [decision('ADR-0030', { title: 'Use Kafka', reviewBy: '2025-06-01', owner: 'nia@example.com' })], references: [ref] };
    assert.deepEqual(runRule(referenceRules, ws, { now: BEFORE }), []);
    assertOnly(runRule(referenceRules, ws, { now: AFTER }), {
      code: 'ref.expired',
      severity: 'warning',
      path: 'src/app.ts',
      range: refRange(ref),
      mentions: ['ADR-0030', 'Use Kafka', '2025-06-01', 'ask nia@example.com (owner)'],
    });
  });

  it('is not expired on the day itself', () => {
    const ws = { decisions: [decision('ADR-0030', { reviewBy: '2025-06-15' })], references: [reference('ADR-0030')] };
    assert.deepEqual(runRule(referenceRules, ws, { now: new Date('2025-06-15T23:59:00Z') }), []);
  });

  it('never expires an invalidated-then-retired or unparseable date', () => {
    const ws = {
      assumptions: [assumption('ASM-4', { status: 'retired', validateBy: '2020-01-01' }), assumption('ASM-5', { validateBy: 'next spring' })],
      references: [reference('ASM-4'), reference('ASM-5', { line: 11 })],
    };
    assert.deepEqual(runRule(referenceRules, ws, { now: AFTER }), []);
  });
});
