import * as assert from 'node:assert/strict';
import { danglingLinks } from '../../../src/core/rules/dangling-links';
import { assertFinding, assertOnly, assumption, at, decision, range, runRule } from './builders';

describe('rule record.dangling', () => {
  it('reports an unknown id in supersedes, at its mention', () => {
    const d = decision('ADR-0002', { title: 'Use PostgreSQL', supersedes: [at('ADR-0099', 4, 12)] });
    const f = assertOnly(runRule(danglingLinks, { decisions: [d] }), {
      code: 'record.dangling',
      severity: 'error',
      path: d.path,
      range: range(4, 12, 4, 20),
      mentions: ['ADR-0002', 'Use PostgreSQL', '`supersedes`', 'ADR-0099', 'correct the id or remove the link'],
    });
    assert.equal(f.recordId, 'ADR-0099');
  });

  it('checks superseded-by, assumptions and an assumption’s decisions', () => {
    const d = decision('ADR-0002', { supersededBy: [at('ADR-0050', 3, 15)], assumptions: [at('ASM-77', 6, 4)] });
    const a = assumption('ASM-1', { statement: 'Fast disks', decisions: [at('ADR-0404', 5, 6)] });
    const findings = runRule(danglingLinks, { decisions: [d], assumptions: [a] });
    assert.equal(findings.length, 3);
    assertFinding(findings[0], { code: 'record.dangling', severity: 'error', path: d.path, range: range(3, 15, 3, 23), mentions: ['`superseded-by`', 'ADR-0050'] });
    assertFinding(findings[1], { code: 'record.dangling', severity: 'error', path: d.path, range: range(6, 4, 6, 10), mentions: ['`assumptions`', 'ASM-77'] });
    assertFinding(findings[2], { code: 'record.dangling', severity: 'error', path: a.path, range: range(5, 6, 5, 14), mentions: ['ASM-1', 'Fast disks', '`decisions`', 'ADR-0404'] });
  });

  it('does not report the mirrors the index adds, nor links to known ids written differently', () => {
    const findings = runRule(danglingLinks, {
      decisions: [decision('ADR-0001'), decision('ADR-0002', { supersedes: ['ADR-1'], assumptions: ['asm-3'] })],
      assumptions: [assumption('ASM-3', { decisions: ['ADR 2'] })],
    });
    assert.deepEqual(findings, []);
  });
});
