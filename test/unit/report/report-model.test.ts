// The report model built from in-memory indexes with a fixed clock: approvals by age and
// approver, owner load, assumption health, findings, the status timeline (from history
// and from dates), the relationship graph, oldest pending, unowned, reviews due, filters.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings';
import { buildReport, statusTimeline, type ReportInput } from '../../../src/core/report';
import { reportSchema } from '../../../src/core/report/report-schema';
import { NOW, assumption, buildIndex, decision, reference, type Workspace } from '../rules/builders';

function input(ws: Workspace, findings: Finding[] = [], name = 'svc'): ReportInput {
  return { key: `file:///${name}`, name, index: buildIndex(ws), findings };
}

const workspace: Workspace = {
  decisions: [
    decision('ADR-0001', { title: 'Record decisions', date: '2021-03-01', owner: 'Dana <dana@example.com>', tags: ['process'] }),
    decision('ADR-0002', { title: 'Use MySQL', date: '2022-01-10', owner: 'lee@example.com', tags: ['data'] }),
    decision('ADR-0003', { title: 'Use PostgreSQL', date: '2024-02-01', supersedes: ['ADR-0002'], owner: 'lee@example.com', tags: ['data'], assumptions: ['ASM-2'] }),
    decision('ADR-0004', {
      title: 'Cache in Redis',
      status: 'proposed',
      date: '2025-06-10', // 5 days before NOW
      owner: 'sam@example.com',
      approvers: [{ name: 'dana@example.com', state: 'pending' }, { name: 'lee@example.com', state: 'approved' }],
      assumptions: ['ASM-1'],
    }),
    decision('ADR-0005', {
      title: 'Split the monolith',
      status: 'proposed',
      date: '2025-01-15', // 151 days
      owner: undefined,
      approvers: [{ name: 'Dana', state: 'pending' }, { name: 'kim@example.com', state: 'pending' }],
      reviewBy: '2025-06-20',
    }),
    decision('ADR-0006', { title: 'Undated and unowned', status: 'proposed', owner: undefined, approvers: [{ name: 'kim@example.com', state: 'pending' }] }),
  ],
  assumptions: [
    assumption('ASM-1', { status: 'invalidated', impact: 'high', confidence: 'medium', owner: 'sam@example.com' }),
    assumption('ASM-2', { status: 'active', impact: 'low', validateBy: '2025-05-01', owner: 'dana@example.com' }),
    assumption('ASM-3', { status: 'validated', owner: undefined, validateBy: '2025-07-01' }),
  ],
  references: [reference('ASM-1', { path: 'src/cache.ts' }), reference('ADR-0002', { path: 'src/db.ts' }), reference('ADR-9999', { path: 'src/x.ts' })],
};

const finding = (code: Finding['code'], path: string, recordId?: string): Finding => ({
  code,
  severity: code.startsWith('ref.unknown') ? 'error' : 'warning',
  message: `${code} at ${path}`,
  path,
  range: { start: { line: 2, column: 0 }, end: { line: 2, column: 4 } },
  recordId,
  related: [],
});
const findings = [finding('ref.superseded', 'src/db.ts', 'ADR-0002'), finding('ref.unknown', 'src/x.ts', 'ADR-9999'), finding('ref.superseded', 'src/y.ts', 'ADR-0002')];

describe('report model', () => {
  const report = buildReport([input(workspace, findings)], { now: NOW, overdueDays: 7 });

  it('fits its JSON schema', () => {
    const result = reportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    assert.ok(result.success, JSON.stringify(result.error?.issues?.slice(0, 3)));
  });

  it('puts each waiting decision in its age bucket, undated ones under "no date"', () => {
    const bucket = (label: string) => report.approvals.byAge.find((b) => b.label === label)!.decisions.map((d) => d.id);
    assert.deepEqual(bucket('0–7 days'), ['ADR-0004']);
    assert.deepEqual(bucket('91–365 days'), ['ADR-0005']);
    assert.deepEqual(bucket('no date'), ['ADR-0006']);
    assert.equal(report.totals.pending, 3);
  });

  it('counts approvals by approver, one person however spelt, busiest first', () => {
    const rows = report.approvals.byApprover.map((a) => [a.approver, a.decisions.map((d) => d.id).sort(), a.oldestDays]);
    assert.deepEqual(rows, [
      ['Dana <dana@example.com>', ['ADR-0004', 'ADR-0005'], 151],
      ['kim@example.com', ['ADR-0005', 'ADR-0006'], 151],
    ]);
    assert.ok(!report.approvals.byApprover.some((a) => /lee/.test(a.approver)), 'lee approved: not waiting on lee');
  });

  it('takes the waiting time from history when the record states no date', () => {
    const ws: Workspace = {
      decisions: [decision('ADR-0001', { status: 'proposed', approvers: [{ name: 'kim', state: 'pending' }], history: [{ commit: 'a1', date: '2025-05-16', author: 'x', status: 'proposed' }] })],
    };
    const r = buildReport([input(ws)], { now: NOW });
    assert.equal(r.oldestPending[0].since, '2025-05-16');
    assert.equal(r.oldestPending[0].ageDays, 30);
    assert.equal(r.oldestPending[0].overdue, true);
  });

  it('computes load per owner: owned, open and awaiting their approval', () => {
    const load = (who: RegExp) => report.owners.find((o) => who.test(o.owner))!;
    const dana = load(/dana/i);
    assert.deepEqual(dana.owned.map((r) => r.id).sort(), ['ADR-0001', 'ASM-2']);
    assert.deepEqual(dana.pendingApproval.map((r) => r.id).sort(), ['ADR-0004', 'ADR-0005']);
    const sam = load(/sam/);
    assert.deepEqual(sam.open.map((r) => r.id), ['ADR-0004']);
    assert.equal(report.owners.filter((o) => /dana/i.test(o.owner)).length, 1, 'Dana, Dana <dana@…> and dana@… are one owner');
  });

  it('lists records with no owner', () => {
    assert.deepEqual(report.unowned.map((r) => r.id), ['ADR-0005', 'ADR-0006', 'ASM-3']);
    assert.equal(report.totals.unowned, 3);
  });

  it('grids assumptions by status × impact and confidence, every cell present', () => {
    const cell = (grid: typeof report.assumptions.byImpact, status: string, level: string) => grid.find((c) => c.status === status && c.level === level)!.assumptions.map((a) => a.id);
    assert.equal(report.assumptions.byImpact.length, 5 * 4);
    assert.deepEqual(cell(report.assumptions.byImpact, 'invalidated', 'high'), ['ASM-1']);
    assert.deepEqual(cell(report.assumptions.byImpact, 'active', 'low'), ['ASM-2']);
    assert.deepEqual(cell(report.assumptions.byImpact, 'validated', 'unset'), ['ASM-3']);
    assert.deepEqual(cell(report.assumptions.byConfidence, 'invalidated', 'medium'), ['ASM-1']);
  });

  it('names assumptions past validate-by and the unsound ones still relied on', () => {
    assert.deepEqual(report.assumptions.pastValidateBy.map((p) => [p.id, p.validateBy, p.daysPast]), [['ASM-2', '2025-05-01', 45]]);
    const unsound = report.assumptions.unsound;
    assert.deepEqual(unsound.map((u) => [u.id, u.reliedOnBy.map((d) => d.id), u.references]), [['ASM-1', ['ADR-0004'], 1]]);
  });

  it('counts findings by code, most first, keeping their locations', () => {
    assert.deepEqual(report.findings.map((f) => [f.code, f.count]), [['ref.superseded', 2], ['ref.unknown', 1]]);
    assert.deepEqual(report.findings[0].locations.map((l) => [l.path, l.line]), [['src/db.ts', 2], ['src/y.ts', 2]]);
  });

  it('draws supersedes and relies-on edges between linked records only', () => {
    const g = report.graph;
    const edges = g.edges.map((e) => `${g.nodes[e.from].id} ${e.kind} ${g.nodes[e.to].id}`).sort();
    assert.deepEqual(edges, ['ADR-0003 relies-on ASM-2', 'ADR-0003 supersedes ADR-0002', 'ADR-0004 relies-on ASM-1']);
    assert.equal(g.isolated, 9 - g.nodes.length);
    assert.ok(!g.nodes.some((n) => n.id === 'ADR-0001'));
  });

  it('lists oldest pending decisions (dated ones), longest first', () => {
    assert.deepEqual(report.oldestPending.map((d) => [d.id, d.ageDays]), [['ADR-0005', 151], ['ADR-0004', 5]]);
  });

  it('lists reviews due: overdue first, then those within 30 days', () => {
    assert.deepEqual(report.reviewsDue.map((r) => [r.id, r.daysLeft]), [['ASM-2', -45], ['ADR-0005', 5], ['ASM-3', 16]]);
  });

  it('offers folders, tags and owners as facets', () => {
    assert.deepEqual(report.facets.tags, ['data', 'process']);
    assert.deepEqual(report.facets.folders, ['svc']);
    assert.equal(report.facets.owners.length, 3);
  });

  describe('filters', () => {
    it('by tag keeps only records with the tag, and findings about them', () => {
      const r = buildReport([input(workspace, findings)], { now: NOW, filter: { tag: 'DATA' } });
      assert.equal(r.totals.decisions, 2);
      assert.equal(r.totals.assumptions, 0);
      assert.deepEqual(r.findings.map((f) => [f.code, f.count]), [['ref.superseded', 2]]);
      assert.deepEqual(r.filter, { tag: 'DATA' });
    });

    it('by owner matches the person however spelt', () => {
      const r = buildReport([input(workspace, findings)], { now: NOW, filter: { owner: 'dana@example.com' } });
      assert.deepEqual([...r.owners.flatMap((o) => o.owned.map((x) => x.id))].sort(), ['ADR-0001', 'ASM-2']);
      assert.equal(r.totals.pending, 0);
    });

    it('by folder reports on that folder only, facets still list every folder', () => {
      const other = input({ decisions: [decision('ADR-0001', { status: 'proposed', approvers: [{ name: 'zoe', state: 'pending' }], date: '2025-06-01' })] }, [], 'web');
      const r = buildReport([input(workspace, findings), other], { now: NOW, filter: { folder: 'web' } });
      assert.equal(r.totals.decisions, 1);
      assert.deepEqual(r.approvals.byApprover.map((a) => a.approver), ['zoe']);
      assert.equal(r.oldestPending[0].folder, 'file:///web');
      assert.deepEqual(r.facets.folders, ['svc', 'web']);
    });
  });

  describe('status timeline', () => {
    it('without history counts each decision from its date with its current status, yearly over long spans', () => {
      const t = report.timeline;
      assert.equal(t.source, 'dates');
      assert.equal(t.granularity, 'year');
      assert.deepEqual(t.periods.map((p) => p.period), ['2021', '2022', '2023', '2024', '2025']);
      assert.deepEqual(t.periods.map((p) => p.counts.accepted + p.counts.superseded + p.counts.proposed), [1, 2, 2, 3, 5]);
      assert.equal(t.periods[4].counts.superseded, 1);
      assert.equal(t.undated, 1);
      const last = t.periods[4];
      assert.deepEqual(last.members.proposed.map((i) => t.decisions[i].id).sort(), ['ADR-0004', 'ADR-0005']);
    });

    it('with history shows each status as it was at the end of each period', () => {
      const d = decision('ADR-0001', {
        status: 'accepted',
        history: [
          { commit: 'a', date: '2025-01-05', author: 'x', status: 'proposed' },
          { commit: 'b', date: '2025-03-20', author: 'y', status: 'accepted' },
        ],
      });
      const t = statusTimeline([{ folder: 'f', decision: d }], NOW);
      assert.equal(t.source, 'history');
      assert.equal(t.granularity, 'month');
      const at = (period: string) => t.periods.find((p) => p.period === period)!.counts;
      assert.equal(at('2025-02').proposed, 1);
      assert.equal(at('2025-03').accepted, 1);
      assert.equal(at('2025-06').accepted, 1);
      assert.equal(t.periods.at(-1)!.period, '2025-06', 'runs to the current month');
    });

    it('marks a mix of history and dates as mixed', () => {
      const a = decision('ADR-0001', { date: '2025-01-01' });
      const b = decision('ADR-0002', { history: [{ commit: 'a', date: '2025-02-01', author: 'x', status: 'accepted' }] });
      assert.equal(statusTimeline([{ folder: 'f', decision: a }, { folder: 'f', decision: b }], NOW).source, 'mixed');
    });
  });
});
