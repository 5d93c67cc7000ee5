import * as assert from 'node:assert/strict';
import { referenceRules } from '../../../src/core/rules/reference-rules';
import { assertOnly, assumption, decision, reference, refRange, runRule } from './builders';

describe('rule ref.superseded', () => {
  it('reports a superseded decision with the Deprecated flag and its replacement', () => {
    const ref = reference('ADR-0003', { path: 'src/db.ts', line: 4, column: 8 });
    const findings = runRule(referenceRules, {
      decisions: [
        decision('ADR-0003', { title: 'Use MySQL', status: 'superseded', supersededBy: ['ADR-0007'] }),
        decision('ADR-0007', { title: 'Use PostgreSQL', supersedes: ['ADR-0003'] }),
      ],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.superseded',
      severity: 'warning',
      path: 'src/db.ts',
      range: refRange(ref),
      mentions: ['ADR-0003', 'Use MySQL', 'ADR-0007', 'Use PostgreSQL', 'update the reference to ADR-0007'],
    });
    assert.equal(f.deprecated, true);
    assert.equal(f.replacement, 'ADR-0007');
    assert.equal(f.recordId, 'ADR-0003');
    assert.ok(f.related.some((r) => r.path === 'docs/adr/0007-use-postgresql.md'));
  });

  it('follows a chain A → B → C to the live end C', () => {
    const ref = reference('ADR-0001');
    const findings = runRule(referenceRules, {
      decisions: [
        decision('ADR-0001', { title: 'Alpha', status: 'superseded', supersededBy: ['ADR-0002'] }),
        decision('ADR-0002', { title: 'Beta', status: 'superseded', supersededBy: ['ADR-0003'] }),
        decision('ADR-0003', { title: 'Gamma' }),
      ],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.superseded',
      severity: 'warning',
      path: 'src/app.ts',
      range: refRange(ref),
      mentions: ['ADR-0001', 'Alpha', 'ADR-0002', 'ADR-0003', 'Gamma', 'update the reference to ADR-0003'],
    });
    assert.equal(f.replacement, 'ADR-0003');
    assert.equal(f.deprecated, true);
  });

  it('reports a decision superseded only on the successor’s side', () => {
    const ref = reference('ADR-0003');
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0003', { title: 'Use MySQL' }), decision('ADR-0007', { title: 'Use PostgreSQL', supersedes: ['ADR-3'] })],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.superseded',
      severity: 'warning',
      path: 'src/app.ts',
      range: refRange(ref),
      mentions: ['ADR-0003', 'Use MySQL', 'ADR-0007'],
    });
    assert.equal(f.replacement, 'ADR-0007');
  });

  it('stops the chain at a successor that is itself only superseded by a proposal', () => {
    // A is superseded by B (accepted); C only proposes to supersede B, so B is the live end.
    const ref = reference('ADR-0001');
    const findings = runRule(referenceRules, {
      decisions: [
        decision('ADR-0001', { title: 'Alpha', status: 'superseded', supersededBy: ['ADR-0002'] }),
        decision('ADR-0002', { title: 'Beta' }),
        decision('ADR-0003', { title: 'Gamma', status: 'proposed', supersedes: ['ADR-0002'] }),
      ],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.superseded',
      severity: 'warning',
      path: 'src/app.ts',
      range: refRange(ref),
      mentions: ['ADR-0001', 'Alpha', 'update the reference to ADR-0002'],
    });
    assert.equal(f.replacement, 'ADR-0002');
  });

  it('names the owner when a superseded decision names no successor', () => {
    const ref = reference('ADR-0003');
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0003', { title: 'Use MySQL', status: 'superseded', owner: 'carol@example.com' })],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.superseded',
      severity: 'warning',
      path: 'src/app.ts',
      range: refRange(ref),
      mentions: ['ADR-0003', 'Use MySQL', 'owner: carol@example.com'],
    });
    assert.equal(f.replacement, undefined);
    assert.equal(f.deprecated, true);
  });

  it('reports a superseded assumption with its replacement', () => {
    const ref = reference('ASM-1', { path: 'src/cache.py', line: 2, column: 2 });
    const findings = runRule(referenceRules, {
      assumptions: [
        assumption('ASM-1', { statement: 'Traffic stays under 100 rps', supersededBy: ['ASM-2'] }),
        assumption('ASM-2', { statement: 'Traffic stays under 1000 rps' }),
      ],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.superseded',
      severity: 'warning',
      path: 'src/cache.py',
      range: refRange(ref),
      mentions: ['ASM-1', 'Traffic stays under 100 rps', 'ASM-2', 'update the reference to ASM-2'],
    });
    assert.equal(f.replacement, 'ASM-2');
    assert.equal(f.deprecated, true);
  });

  it('reports nothing when the successor is only proposed', () => {
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0003', { title: 'Use MySQL' }), decision('ADR-0007', { status: 'proposed', supersedes: ['ADR-0003'] })],
      references: [reference('ADR-0003')],
    });
    assert.deepEqual(findings, []);
  });

  it('reports nothing when the successor was rejected', () => {
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0003'), decision('ADR-0007', { status: 'rejected', supersedes: ['ADR-0003'] })],
      references: [reference('ADR-0003')],
    });
    assert.deepEqual(findings, []);
  });
});
