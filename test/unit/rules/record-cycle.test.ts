import * as assert from 'node:assert/strict';
import { supersessionCycles } from '../../../src/core/rules/supersession';
import { assertFinding, assumption, decision, runRule } from './builders';

describe('rule record.cycle', () => {
  it('reports each record of a 2-cycle once', () => {
    const a = decision('ADR-0001', { title: 'Alpha', supersededBy: ['ADR-0002'] });
    const b = decision('ADR-0002', { title: 'Beta', supersededBy: ['ADR-0001'] });
    const findings = runRule(supersessionCycles, { decisions: [a, b] });
    assert.equal(findings.length, 2);
    const f = assertFinding(findings[0], {
      code: 'record.cycle',
      severity: 'error',
      path: a.path,
      range: a.range,
      mentions: ['ADR-0001', 'Alpha', 'ADR-0001 → ADR-0002 → ADR-0001', 'one of these records must stay live'],
    });
    assert.deepEqual(f.related.map((r) => r.path), [b.path]);
    assertFinding(findings[1], { code: 'record.cycle', severity: 'error', path: b.path, range: b.range, mentions: ['ADR-0002', 'Beta'] });
  });

  it('reports a 3-cycle once per record, and not the record leading into it', () => {
    const lead = decision('ADR-0000', { title: 'Lead', supersededBy: ['ADR-0001'] });
    const a = decision('ADR-0001', { title: 'Alpha', supersededBy: ['ADR-0002'] });
    const b = decision('ADR-0002', { title: 'Beta', supersededBy: ['ADR-0003'] });
    const c = decision('ADR-0003', { title: 'Gamma', supersededBy: ['ADR-0001'] });
    const findings = runRule(supersessionCycles, { decisions: [lead, a, b, c] });
    assert.deepEqual(findings.map((f) => f.recordId), ['ADR-0001', 'ADR-0002', 'ADR-0003']);
    const records = [a, b, c];
    findings.forEach((f, i) =>
      assertFinding(f, {
        code: 'record.cycle',
        severity: 'error',
        path: records[i].path,
        range: records[i].range,
        mentions: [records[i].id, records[i].title, 'ADR-0001 → ADR-0002 → ADR-0003 → ADR-0001'],
      }),
    );
  });

  it('finds a 3-cycle stated on mixed sides', () => {
    // A → B stated by A; B → C stated by C ("supersedes B"); C → A stated by A ("supersedes C").
    const findings = runRule(supersessionCycles, {
      decisions: [
        decision('ADR-0001', { supersededBy: ['ADR-0002'], supersedes: ['ADR-0003'] }),
        decision('ADR-0002'),
        decision('ADR-0003', { supersedes: ['ADR-0002'] }),
      ],
    });
    assert.deepEqual(findings.map((f) => f.recordId), ['ADR-0001', 'ADR-0002', 'ADR-0003']);
    assert.ok(findings.every((f) => f.code === 'record.cycle' && f.severity === 'error'));
  });

  it('reports a self-loop and terminates', () => {
    const a = assumption('ASM-1', { statement: 'Loop', supersededBy: ['ASM-1'] });
    const findings = runRule(supersessionCycles, { assumptions: [a] });
    assert.equal(findings.length, 1);
    assertFinding(findings[0], { code: 'record.cycle', severity: 'error', path: a.path, range: a.range, mentions: ['ASM-1', 'Loop', 'ASM-1 → ASM-1'] });
  });

  it('reports nothing for a plain chain', () => {
    const findings = runRule(supersessionCycles, {
      decisions: [decision('ADR-0001', { supersededBy: ['ADR-0002'] }), decision('ADR-0002', { supersededBy: ['ADR-0003'] }), decision('ADR-0003')],
    });
    assert.deepEqual(findings, []);
  });
});
