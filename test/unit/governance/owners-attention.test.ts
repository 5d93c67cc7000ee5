import * as assert from 'node:assert/strict';
import { pendingApprovals } from '../../../src/core/governance/approvals';
import { needsAttention } from '../../../src/core/governance/attention';
import type { Finding } from '../../../src/core/findings';
import { range } from '../../../src/core/model';
import { ownersOf } from '../../../src/core/governance/owners';
import { assumption, buildIndex, decision, reference } from '../rules/builders';

const NOW = new Date('2026-11-13T09:30:00Z');

const index = buildIndex({
  decisions: [
    decision('ADR-0001', { owner: 'Dana <dana@example.com>' }),
    decision('ADR-0002', { owner: 'dana@example.com', reviewBy: '2026-01-01' }),
    decision('ADR-0003', { owner: 'lee@example.com', supersededBy: ['ADR-0007'] }),
    decision('ADR-0004', { owner: undefined, deciders: ['Sam'], assumptions: ['ASM-2'] }),
    decision('ADR-0005', { owner: 'sam@example.com', status: 'proposed', date: '2026-11-01', approvers: [{ name: 'dana@example.com', state: 'pending' }] }),
    decision('ADR-0007', { owner: 'Dana' }),
    decision('ADR-0008', { owner: undefined }),
  ],
  assumptions: [
    assumption('ASM-1', { owner: 'lee@example.com', status: 'validated', validateBy: '2030-01-01' }),
    assumption('ASM-2', { owner: 'sam@example.com', status: 'invalidated' }),
    assumption('ASM-3', { owner: 'DANA@example.com', status: 'active', validateBy: '2025-01-31' }),
  ],
  references: [reference('ADR-0003', { path: 'cmd/main.go' }), reference('ASM-2', { path: 'web/session.py' }), reference('ADR-0007')],
});

describe('owners', () => {
  it('one node per person, me first, then by name, then Unowned', () => {
    const groups = ownersOf([{ tag: 'f', index, me: 'dana@example.com' }]);
    assert.deepEqual(
      groups.map((g) => [g.label, g.isMe, g.records.map((r) => r.record.id)]),
      [
        ['Dana <dana@example.com>', true, ['ADR-0001', 'ADR-0002', 'ADR-0007', 'ASM-3']],
        ['lee@example.com', false, ['ADR-0003', 'ASM-1']],
        ['Sam', false, ['ADR-0004']],
        ['sam@example.com', false, ['ADR-0005', 'ASM-2']],
        ['Unowned', false, ['ADR-0008']],
      ],
    );
  });
});

describe('needs attention', () => {
  const findings: Finding[] = [
    { code: 'record.yaml', severity: 'error', message: 'Unclosed quote', path: 'docs/adr/0099-broken.md', range: range(2, 0, 2, 5), related: [] },
    { code: 'ref.unknown', severity: 'error', message: 'ADR-0042 names no record', path: 'src/app.ts', range: range(1, 0, 1, 8), related: [] },
  ];

  it('lists each kind with the next step', () => {
    const approvals = pendingApprovals([{ tag: 'f', index, me: 'dana@example.com', overdueDays: 7 }], NOW);
    const groups = needsAttention([{ tag: 'f', index, findings, now: NOW }], approvals.all.filter((p) => p.overdue));
    assert.deepEqual(
      groups.map((g) => [g.kind, g.items.map((i) => `${i.record?.id ?? i.path}: ${i.detail}`)]),
      [
        ['superseded-referenced', ['ADR-0003: → ADR-0007 · 1 reference']],
        ['invalidated-relied-on', ['ASM-2: relied on by ADR-0004 · 1 reference']],
        ['review-overdue', ['ADR-0002: review by 2026-01-01 · owner dana@example.com', 'ASM-3: validate by 2025-01-31 · owner DANA@example.com']],
        ['approval-overdue', ['ADR-0005: waiting 12 d on dana@example.com']],
        ['record-errors', ['docs/adr/0099-broken.md: 1 error · Unclosed quote']],
      ],
    );
    const superseded = groups[0].items[0];
    assert.deepEqual(superseded.references.map((r) => r.path), ['cmd/main.go']);
    assert.deepEqual(groups[1].items[0].dependants.map((d) => d.id), ['ADR-0004']);
  });

  it('is empty when all is well', () => {
    const clean = buildIndex({ decisions: [decision('ADR-0001')] });
    assert.deepEqual(needsAttention([{ tag: 'f', index: clean, findings: [], now: NOW }], []), []);
  });
});
