import * as assert from 'node:assert/strict';
import { referenceRules } from '../../../src/core/rules/reference-rules';
import { assertOnly, assumption, reference, refRange, runRule } from './builders';

describe('rule ref.invalidated', () => {
  it('reports code resting on an invalidated assumption, naming owner and evidence', () => {
    const ref = reference('ASM-3', { path: 'src/billing/tax.ts', line: 20, column: 6, kind: 'tag' });
    const findings = runRule(referenceRules, {
      assumptions: [
        assumption('ASM-3', {
          statement: 'All customers are in the EU',
          status: 'invalidated',
          owner: 'dana@example.com',
          evidence: 'US launch in 2025\nsecond line',
        }),
      ],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.invalidated',
      severity: 'error',
      path: 'src/billing/tax.ts',
      range: refRange(ref),
      mentions: ['ASM-3', 'All customers are in the EU', 'invalidated', 'owner: dana@example.com', 'Evidence: US launch in 2025'],
    });
    assert.equal(f.recordId, 'ASM-3');
    assert.ok(!f.message.includes('second line'));
    assert.equal(f.deprecated, undefined);
  });

  it('says so when the invalidated assumption names no owner', () => {
    const ref = reference('ASM-3');
    const findings = runRule(referenceRules, {
      assumptions: [assumption('ASM-3', { statement: 'EU only', status: 'invalidated', owner: undefined })],
      references: [ref],
    });
    assertOnly(findings, { code: 'ref.invalidated', severity: 'error', path: 'src/app.ts', range: refRange(ref), mentions: ['ASM-3', 'EU only', 'no owner named'] });
  });

  it('reports nothing for active, validated or retired assumptions', () => {
    for (const status of ['active', 'validated', 'retired'] as const) {
      const findings = runRule(referenceRules, { assumptions: [assumption('ASM-3', { status })], references: [reference('ASM-3')] });
      assert.deepEqual(findings, [], status);
    }
  });
});
