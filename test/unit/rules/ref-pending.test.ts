import * as assert from 'node:assert/strict';
import { referenceRules } from '../../../src/core/rules/reference-rules';
import { assertOnly, decision, reference, refRange, runRule } from './builders';

describe('rule ref.pending', () => {
  it('names the approvers who have not approved yet', () => {
    const ref = reference('ADR-0010', { path: 'src/api.go', line: 0, column: 3 });
    const findings = runRule(referenceRules, {
      decisions: [
        decision('ADR-0010', {
          title: 'Adopt gRPC',
          status: 'proposed',
          approvers: [
            { name: 'hana@example.com', state: 'approved' },
            { name: 'ivan@example.com', state: 'pending' },
            { name: 'jo@example.com', state: 'pending' },
          ],
        }),
      ],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.pending',
      severity: 'information',
      path: 'src/api.go',
      range: refRange(ref),
      mentions: ['ADR-0010', 'Adopt gRPC', 'awaiting approval by ivan@example.com, jo@example.com'],
    });
    assert.ok(!f.message.includes('hana@example.com'));
    assert.equal(f.recordId, 'ADR-0010');
  });

  it('does not call an approver who rejected it "awaiting", but names them', () => {
    const ref = reference('ADR-0010');
    const findings = runRule(referenceRules, {
      decisions: [
        decision('ADR-0010', {
          title: 'Adopt gRPC',
          status: 'proposed',
          approvers: [
            { name: 'ivan@example.com', state: 'pending' },
            { name: 'sam@example.com', state: 'rejected' },
          ],
        }),
      ],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.pending',
      severity: 'information',
      path: 'src/app.ts',
      range: refRange(ref),
      mentions: ['ADR-0010', 'Adopt gRPC', 'awaiting approval by ivan@example.com;', 'rejected by sam@example.com'],
    });
    assert.ok(!f.message.includes('awaiting approval by ivan@example.com, sam'));
  });

  it('names the owner when the proposal lists no approvers', () => {
    const ref = reference('ADR-0010');
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0010', { title: 'Adopt gRPC', status: 'proposed', owner: 'kim@example.com' })],
      references: [ref],
    });
    assertOnly(findings, {
      code: 'ref.pending',
      severity: 'information',
      path: 'src/app.ts',
      range: refRange(ref),
      mentions: ['ADR-0010', 'Adopt gRPC', 'owner: kim@example.com'],
    });
  });

  it('reports nothing once the decision is accepted', () => {
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0010', { approvers: [{ name: 'ivan', state: 'approved' }] })],
      references: [reference('ADR-0010')],
    });
    assert.deepEqual(findings, []);
  });
});
