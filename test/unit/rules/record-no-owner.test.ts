import * as assert from 'node:assert/strict';
import { missingOwners } from '../../../src/core/rules/ownership';
import { assertFinding, assertOnly, assumption, decision, runRule } from './builders';

describe('rule record.no-owner', () => {
  it('reports a live decision without owner or deciders, at the record', () => {
    const d = decision('ADR-0005', { title: 'Use Terraform', owner: undefined });
    const f = assertOnly(runRule(missingOwners, { decisions: [d] }), {
      code: 'record.no-owner',
      severity: 'information',
      path: d.path,
      range: d.range,
      mentions: ['ADR-0005', 'Use Terraform', 'add `owner:`'],
    });
    assert.equal(f.recordId, 'ADR-0005');
  });

  it('reports an active assumption without owner', () => {
    const a = assumption('ASM-2', { statement: 'The vendor API is stable', owner: undefined });
    assertOnly(runRule(missingOwners, { assumptions: [a] }), {
      code: 'record.no-owner',
      severity: 'information',
      path: a.path,
      range: a.range,
      mentions: ['ASM-2', 'The vendor API is stable', 'add `owner:`'],
    });
  });

  it('accepts deciders as owners, and ignores records that are no longer live', () => {
    const findings = runRule(missingOwners, {
      decisions: [
        decision('ADR-0001', { owner: undefined, deciders: ['pat'] }),
        decision('ADR-0002', { owner: undefined, status: 'superseded' }),
        decision('ADR-0003', { owner: undefined, status: 'rejected' }),
        decision('ADR-0004', { owner: undefined, status: 'deprecated' }),
        decision('ADR-0006'),
      ],
      assumptions: [assumption('ASM-1', { owner: undefined, status: 'retired' }), assumption('ASM-3')],
    });
    assert.deepEqual(findings, []);
  });

  it('reports proposed and unknown-status decisions too', () => {
    const findings = runRule(missingOwners, {
      decisions: [decision('ADR-0001', { owner: undefined, status: 'proposed' }), decision('ADR-0002', { owner: undefined, status: 'unknown' })],
    });
    assert.equal(findings.length, 2);
    assertFinding(findings[0], { code: 'record.no-owner', severity: 'information', path: findings[0].path, range: findings[0].range, mentions: ['ADR-0001'] });
  });
});
