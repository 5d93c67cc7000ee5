import * as assert from 'node:assert/strict';
import { governedBySuperseded } from '../../../src/core/rules/governed-files';
import { assertFinding, decision, range, runRule } from './builders';

describe('rule file.governed-by-superseded', () => {
  it('reports each governed file at its top, naming the successor', () => {
    const old = decision('ADR-0013', { title: 'REST for internal APIs', status: 'superseded', supersededBy: ['ADR-0014'], appliesTo: ['src/api/**'] });
    const successor = decision('ADR-0014', { title: 'gRPC for internal APIs' });
    const findings = runRule(governedBySuperseded, {
      decisions: [old, successor],
      files: ['src/api/users.ts', 'src/api/v1/orders.ts', 'src/web/index.ts', old.path],
    });
    assert.deepEqual(findings.map((f) => f.path), ['src/api/users.ts', 'src/api/v1/orders.ts']);
    const f = assertFinding(findings[0], {
      code: 'file.governed-by-superseded',
      severity: 'information',
      path: 'src/api/users.ts',
      range: range(0, 0, 0, 0),
      mentions: ['ADR-0013', 'REST for internal APIs', 'superseded', 'ADR-0014', 'gRPC for internal APIs'],
    });
    assert.equal(f.replacement, 'ADR-0014');
    assert.equal(f.recordId, 'ADR-0013');
    assert.deepEqual(f.related.map((r) => r.path), [old.path]);
  });

  it('applies when supersession is stated only on the successor’s side', () => {
    const findings = runRule(governedBySuperseded, {
      decisions: [decision('ADR-0013', { appliesTo: ['*.sql'] }), decision('ADR-0014', { supersedes: ['ADR-0013'] })],
      files: ['db/migrations/001.sql'],
    });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].replacement, 'ADR-0014');
  });

  it('reports nothing for live decisions, or when the successor is only proposed', () => {
    const findings = runRule(governedBySuperseded, {
      decisions: [
        decision('ADR-0013', { appliesTo: ['src/**'] }),
        decision('ADR-0015', { appliesTo: ['lib/**'] }),
        decision('ADR-0016', { status: 'proposed', supersedes: ['ADR-0015'] }),
      ],
      files: ['src/a.ts', 'lib/b.ts'],
    });
    assert.deepEqual(findings, []);
  });
});
