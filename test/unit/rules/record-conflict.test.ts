import * as assert from 'node:assert/strict';
import { supersessionConflicts } from '../../../src/core/rules/supersession';
import { assertFinding, assertOnly, at, decision, range, runRule } from './builders';

describe('rule record.conflict', () => {
  it('reports a record claiming to supersede one that names another successor', () => {
    const older = decision('ADR-0001', { title: 'Use MySQL', status: 'superseded', supersededBy: [at('ADR-0002', 2, 16)] });
    const other = decision('ADR-0002', { title: 'Use PostgreSQL', supersedes: ['ADR-0001'] });
    const claimant = decision('ADR-0003', { title: 'Use SQLite', supersedes: [at('ADR-0001', 5, 14)] });
    const findings = runRule(supersessionConflicts, { decisions: [older, other, claimant] });
    const f = assertOnly(findings, {
      code: 'record.conflict',
      severity: 'warning',
      path: claimant.path,
      range: range(5, 14, 5, 22),
      mentions: ['ADR-0003', 'Use SQLite', 'ADR-0001', 'Use MySQL', 'names ADR-0002', 'make the two records agree'],
    });
    assert.equal(f.recordId, 'ADR-0001');
    assert.deepEqual(f.related.map((r) => r.path), [older.path]);
  });

  it('reports a record whose own status still says accepted although a live record supersedes it', () => {
    const older = decision('ADR-0001', { title: 'Use MySQL', statusText: 'Accepted', statusRange: range(3, 8, 3, 16) });
    const newer = decision('ADR-0002', { title: 'Use PostgreSQL', supersedes: ['ADR-0001'] });
    const f = assertOnly(runRule(supersessionConflicts, { decisions: [older, newer] }), {
      code: 'record.conflict',
      severity: 'warning',
      path: older.path,
      range: range(3, 8, 3, 16),
      mentions: ['ADR-0001', 'Use MySQL', '"Accepted"', 'ADR-0002', 'set its status to superseded'],
    });
    assert.deepEqual(f.related.map((r) => r.path), [newer.path]);
  });

  it('falls back to the record range when the status position is unknown', () => {
    const older = decision('ADR-0001', { status: 'proposed' });
    const newer = decision('ADR-0002', { supersedes: ['ADR-0001'] });
    const findings = runRule(supersessionConflicts, { decisions: [older, newer] });
    assert.equal(findings.length, 1);
    assertFinding(findings[0], { code: 'record.conflict', severity: 'warning', path: older.path, range: older.range, mentions: ['ADR-0001'] });
  });

  it('reports nothing when both sides agree', () => {
    const findings = runRule(supersessionConflicts, {
      decisions: [decision('ADR-0001', { status: 'superseded', supersededBy: ['ADR-0002'] }), decision('ADR-0002', { supersedes: ['ADR-1'] })],
    });
    assert.deepEqual(findings, []);
  });

  it('reports nothing when the successor is only proposed', () => {
    const findings = runRule(supersessionConflicts, {
      decisions: [decision('ADR-0001'), decision('ADR-0002', { status: 'proposed', supersedes: ['ADR-0001'] })],
    });
    assert.deepEqual(findings, []);
  });
});
