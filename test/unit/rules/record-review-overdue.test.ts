import * as assert from 'node:assert/strict';
import { overdueReviews } from '../../../src/core/rules/review-dates';
import { assertFinding, assertOnly, assumption, decision, range, runRule } from './builders';

describe('rule record.review-overdue', () => {
  it('reports a live decision past review-by at the date, naming the owner', () => {
    const d = decision('ADR-0011', { title: 'Use Kubernetes', reviewBy: '2025-01-31', reviewByRange: range(4, 11, 4, 21), owner: 'tom@example.com' });
    const f = assertOnly(runRule(overdueReviews, { decisions: [d] }), {
      code: 'record.review-overdue',
      severity: 'warning',
      path: d.path,
      range: range(4, 11, 4, 21),
      mentions: ['ADR-0011', 'Use Kubernetes', '2025-01-31', 'ask tom@example.com (owner)', 'review it'],
    });
    assert.equal(f.recordId, 'ADR-0011');
  });

  it('reports an active assumption past validate-by, and depends on the clock', () => {
    const a = assumption('ASM-6', { statement: 'Budget is fixed', validateBy: '2025-06-10', validateByRange: range(5, 13, 5, 23) });
    assert.deepEqual(runRule(overdueReviews, { assumptions: [a] }, { now: new Date('2025-06-10T08:00:00Z') }), []);
    assertOnly(runRule(overdueReviews, { assumptions: [a] }), {
      code: 'record.review-overdue',
      severity: 'warning',
      path: a.path,
      range: range(5, 13, 5, 23),
      mentions: ['ASM-6', 'Budget is fixed', '2025-06-10', 'ask bob@example.com (owner)', 'validate or invalidate it'],
    });
  });

  it('falls back to the record range', () => {
    const d = decision('ADR-0011', { reviewBy: '2024-01-01' });
    const findings = runRule(overdueReviews, { decisions: [d] });
    assertFinding(findings[0], { code: 'record.review-overdue', severity: 'warning', path: d.path, range: d.range, mentions: ['ADR-0011', '2024-01-01'] });
  });

  it('reports nothing for future dates or records that are no longer live', () => {
    const findings = runRule(overdueReviews, {
      decisions: [decision('ADR-0001', { reviewBy: '2030-01-01' }), decision('ADR-0002', { status: 'superseded', reviewBy: '2020-01-01' })],
      assumptions: [assumption('ASM-1', { status: 'invalidated', validateBy: '2020-01-01' }), assumption('ASM-2', { validateBy: '2030-01-01' })],
    });
    assert.deepEqual(findings, []);
  });
});
