import * as assert from 'node:assert/strict';
import { missingApprovals } from '../../../src/core/rules/ownership';
import { assertFinding, decision, range, runRule } from './builders';

describe('rule record.approval-missing', () => {
  it('reports each named approver who has not approved an accepted decision, at the approver', () => {
    const d = decision('ADR-0008', {
      title: 'Adopt OpenTelemetry',
      statusRange: range(2, 8, 2, 16),
      approvers: [
        { name: 'quinn@example.com', state: 'approved', range: range(4, 4, 4, 21) },
        { name: 'rosa@example.com', state: 'pending', range: range(5, 4, 5, 20) },
        { name: 'sam@example.com', state: 'rejected', range: range(6, 4, 6, 19) },
      ],
    });
    const findings = runRule(missingApprovals, { decisions: [d] });
    assert.equal(findings.length, 2);
    assertFinding(findings[0], {
      code: 'record.approval-missing',
      severity: 'warning',
      path: d.path,
      range: range(5, 4, 5, 20),
      mentions: ['ADR-0008', 'Adopt OpenTelemetry', 'rosa@example.com', 'not approved it yet', 'get the approval'],
    });
    assertFinding(findings[1], {
      code: 'record.approval-missing',
      severity: 'warning',
      path: d.path,
      range: range(6, 4, 6, 19),
      mentions: ['ADR-0008', 'sam@example.com', 'rejected it', 'set the status back to proposed'],
    });
  });

  it('falls back to the status position when the approver has none', () => {
    const d = decision('ADR-0008', { statusRange: range(2, 8, 2, 16), approvers: [{ name: 'rosa', state: 'pending' }] });
    const findings = runRule(missingApprovals, { decisions: [d] });
    assert.equal(findings.length, 1);
    assertFinding(findings[0], { code: 'record.approval-missing', severity: 'warning', path: d.path, range: range(2, 8, 2, 16), mentions: ['rosa'] });
  });

  it('reports nothing when all approved, or while the decision is only proposed', () => {
    const findings = runRule(missingApprovals, {
      decisions: [
        decision('ADR-0001', { approvers: [{ name: 'a', state: 'approved' }] }),
        decision('ADR-0002', { status: 'proposed', approvers: [{ name: 'b', state: 'pending' }] }),
      ],
    });
    assert.deepEqual(findings, []);
  });
});
