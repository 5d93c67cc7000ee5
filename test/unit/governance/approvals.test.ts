import * as assert from 'node:assert/strict';
import { ageInDays, isOverdue, pendingApprovals, waitingText } from '../../../src/core/governance/approvals';
import { buildIndex, decision } from '../rules/builders';

const NOW = new Date('2026-11-13T09:30:00Z');

describe('pending approvals', () => {
  it('counts whole days from the record date', () => {
    assert.equal(ageInDays('2026-11-01', NOW), 12);
    assert.equal(ageInDays('2026-11-13', NOW), 0);
    assert.equal(ageInDays('2026-12-01', NOW), 0, 'a future date counts as today');
    assert.equal(ageInDays('2026-11-01T23:00:00Z', NOW), 12);
    assert.equal(ageInDays('last week', NOW), undefined);
    assert.equal(ageInDays(undefined, NOW), undefined);
    assert.equal(waitingText(12), 'waiting 12 d');
    assert.equal(waitingText(undefined), 'waiting (no date)');
    assert.ok(isOverdue(8, 7) && !isOverdue(7, 7) && !isOverdue(undefined, 0));
  });

  const index = buildIndex({
    decisions: [
      decision('ADR-0005', { status: 'proposed', date: '2026-11-01', owner: 'sam@example.com', approvers: [{ name: 'Dana <dana@example.com>', state: 'pending' }, { name: 'lee@example.com', state: 'approved' }] }),
      decision('ADR-0009', { status: 'proposed', date: '2026-11-10', approvers: [{ name: 'lee@example.com', state: 'pending' }, { name: 'dana@example.com', state: 'pending' }] }),
      decision('ADR-0010', { status: 'proposed', date: '2026-11-12', approvers: [{ name: 'Lee <LEE@example.com>', state: 'pending' }] }),
      decision('ADR-0011', { status: 'proposed', date: '2026-10-01' }),
      decision('ADR-0012', { status: 'proposed', approvers: [{ name: 'lee@example.com', state: 'approved' }] }),
      decision('ADR-0001', { status: 'accepted', approvers: [{ name: 'dana@example.com', state: 'pending' }] }),
    ],
  });

  it('groups by approver still to answer, me first, then people by name, then the buckets', () => {
    const result = pendingApprovals([{ tag: 'f', index, me: 'dana@example.com', overdueDays: 7 }], NOW);
    assert.deepEqual(
      result.groups.map((g) => [g.kind, g.label, g.items.map((i) => i.decision.id)]),
      [
        ['me', 'Waiting on me', ['ADR-0005', 'ADR-0009']],
        ['person', 'Lee <lee@example.com>', ['ADR-0009', 'ADR-0010']],
        ['answered', 'All approvers answered', ['ADR-0012']],
        ['none', 'No approver named', ['ADR-0011']],
      ],
    );
    assert.deepEqual(result.mine.map((p) => p.decision.id), ['ADR-0005', 'ADR-0009']);
    assert.equal(result.all.length, 5, 'accepted decisions are not pending');
  });

  it('marks overdue items and the age source', () => {
    const result = pendingApprovals([{ tag: 'f', index, me: 'Dana', overdueDays: 7 }], NOW);
    const byId = new Map(result.all.map((p) => [p.decision.id, p]));
    assert.equal(byId.get('ADR-0005')!.ageDays, 12);
    assert.equal(byId.get('ADR-0005')!.overdue, true);
    assert.equal(byId.get('ADR-0009')!.overdue, false);
    assert.equal(byId.get('ADR-0012')!.ageDays, undefined);
    assert.equal(byId.get('ADR-0012')!.overdue, false);
    assert.equal(byId.get('ADR-0005')!.mine, true, '"Dana" matches "Dana <dana@example.com>"');
    assert.equal(byId.get('ADR-0009')!.mine, false, '"Dana" does not match a bare email');
  });

  it('uses a fallback date when the record states none', () => {
    const result = pendingApprovals([{ tag: 'f', index, overdueDays: 7, fallbackDate: () => '2026-11-03' }], NOW);
    const item = result.all.find((p) => p.decision.id === 'ADR-0012')!;
    assert.equal(item.ageDays, 10);
    assert.equal(item.sinceSource, 'fallback');
  });

  it('without an identity nothing is mine and each approver has a group', () => {
    const result = pendingApprovals([{ tag: 'f', index, overdueDays: 7 }], NOW);
    assert.equal(result.mine.length, 0);
    assert.deepEqual(result.groups.filter((g) => g.kind === 'person').map((g) => g.label), ['Dana <dana@example.com>', 'Lee <lee@example.com>']);
  });
});
