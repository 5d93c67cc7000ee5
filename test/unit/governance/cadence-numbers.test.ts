import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { needsAttention } from '../../../src/core/governance/attention';
import { addCadence, dueDate, overdueByCadence, parseCadence, readyToAccept } from '../../../src/core/governance/cadence';
import { entryNumber, nextFreeNumber, numberTaken, recordEntry, type BranchRecords } from '../../../src/core/governance/numbers';
import { runRules } from '../../../src/core/rules';
import { assumption, buildIndex, decision, runRule } from '../rules/builders';

const NOW = new Date('2027-05-01T12:00:00Z');
const history = (...entries: [string, string][]) => entries.map(([status, date]) => ({ commit: 'c'.repeat(40), date, author: 'alice', status }));

describe('review cadence', () => {
  it('parses 180d, 12w, 6m, 1y and rejects the rest', () => {
    assert.deepEqual(parseCadence('180d'), { amount: 180, unit: 'd' });
    assert.deepEqual(parseCadence(' 6M '), { amount: 6, unit: 'm' });
    for (const bad of ['', '6', 'six months', '0d', '6 months', '-3d', undefined]) assert.equal(parseCadence(bad), undefined, String(bad));
  });

  it('adds days, weeks, calendar months (clamped to the month’s end) and years', () => {
    assert.equal(addCadence('2026-10-09', { amount: 180, unit: 'd' }), '2027-04-07');
    assert.equal(addCadence('2026-10-09', { amount: 2, unit: 'w' }), '2026-10-23');
    assert.equal(addCadence('2026-08-31', { amount: 6, unit: 'm' }), '2027-02-28');
    assert.equal(addCadence('2024-02-29', { amount: 1, unit: 'y' }), '2025-02-28');
    assert.equal(addCadence('someday', { amount: 1, unit: 'y' }), undefined);
  });

  it('counts from when the decision was accepted (git), else its date, else a later reviewed:', () => {
    const config = { ...DEFAULT_CONFIG, reviewEvery: '6m' };
    const fromGit = decision('ADR-0001', { date: '2026-01-01', history: history(['proposed', '2026-01-01'], ['accepted', '2026-03-10']) });
    assert.deepEqual(dueDate(fromGit, config), { date: '2026-09-10', source: 'cadence', since: '2026-03-10', sinceLabel: 'accepted', every: '6m' });
    assert.equal(dueDate(decision('ADR-0002', { date: '2026-01-01' }), config)?.date, '2026-07-01');
    assert.equal(dueDate(decision('ADR-0003', { date: '2026-01-01', reviewed: '2026-12-01' }), config)?.since, '2026-12-01');
    assert.deepEqual(dueDate(decision('ADR-0004', { date: '2026-01-01', reviewBy: '2028-01-01' }), config), { date: '2028-01-01', source: 'record' }, 'an explicit review-by wins');
    assert.equal(dueDate(decision('ADR-0005', { status: 'superseded', date: '2026-01-01' }), config), undefined);
    assert.equal(dueDate(decision('ADR-0006', { status: 'proposed', date: '2026-01-01' }), config), undefined, 'the cadence starts at acceptance');
    assert.equal(dueDate(decision('ADR-0007', { date: '2026-01-01' }), DEFAULT_CONFIG), undefined, 'no cadence configured');
  });

  it('record.review-overdue by cadence, for decisions and assumptions', () => {
    const config = { ...DEFAULT_CONFIG, reviewEvery: '6m', validateEvery: '90d' };
    const findings = runRule(
      overdueByCadence,
      {
        decisions: [decision('ADR-0001', { title: 'Use Kafka', date: '2026-01-01' }), decision('ADR-0002', { date: '2027-01-01' })],
        assumptions: [assumption('ASM-1', { history: history(['active', '2026-12-01']) }), assumption('ASM-2')],
      },
      { now: NOW, config },
    );
    assert.deepEqual(findings.map((f) => [f.code, f.recordId, f.severity]), [
      ['record.review-overdue', 'ADR-0001', 'warning'],
      ['record.review-overdue', 'ASM-1', 'warning'],
    ]);
    assert.match(findings[0].message, /ADR-0001 "Use Kafka" is due for review since 2026-07-01 \(accepted 2026-01-01, every 6m\); ask alice@example.com \(owner\) to review it and record `reviewed:`/);
  });

  it('Needs Attention lists reviews due in the next 14 days apart from overdue ones', () => {
    const index = buildIndex({
      decisions: [decision('ADR-0001', { reviewBy: '2027-05-10' }), decision('ADR-0002', { reviewBy: '2027-04-01' }), decision('ADR-0003', { reviewBy: '2027-06-01' }), decision('ADR-0004', { date: '2026-11-05' })],
    });
    const groups = needsAttention([{ tag: 'f', index, findings: [], now: NOW, cadence: { reviewEvery: '6m' } }], []);
    assert.deepEqual(
      groups.map((g) => [g.label, g.items.map((i) => `${i.record?.id} ${i.detail}`)]),
      [
        ['Overdue reviews', ['ADR-0002 review by 2027-04-01 · owner alice@example.com']],
        ['Due in the next 14 days', ['ADR-0001 review by 2027-05-10 · owner alice@example.com', 'ADR-0004 review by 2027-05-05 (every 6m) · owner alice@example.com']],
      ],
    );
  });

  it('record.ready: all named approvers approved, still proposed', () => {
    const approved = (name: string) => ({ name, state: 'approved' as const });
    const findings = runRule(readyToAccept, {
      decisions: [
        decision('ADR-0001', { status: 'proposed', approvers: [approved('bob'), approved('carol')] }),
        decision('ADR-0002', { status: 'proposed', approvers: [approved('bob'), { name: 'carol', state: 'pending' }] }),
        decision('ADR-0003', { status: 'proposed', approvers: [] }),
        decision('ADR-0004', { status: 'accepted', approvers: [approved('bob')] }),
      ],
    });
    assert.deepEqual(findings.map((f) => [f.code, f.recordId, f.severity]), [['record.ready', 'ADR-0001', 'information']]);
  });
});

describe('record numbers across branches', () => {
  it('reads numbers from entry names, files and folder-form records', () => {
    assert.deepEqual(entryNumber('0005-use-x.md'), { number: 5, digits: '0005' });
    assert.deepEqual(entryNumber('adr-012-y.md'), { number: 12, digits: '012' });
    assert.deepEqual(entryNumber('0007-folder-form/'), { number: 7, digits: '0007' });
    assert.equal(entryNumber('README.md'), undefined);
    assert.equal(entryNumber('0000-template.md'), undefined);
    assert.deepEqual(recordEntry('docs/adr/0005-x.md'), { folder: 'docs/adr', name: '0005-x.md' });
    assert.deepEqual(recordEntry('docs/adr/0007-folder-form/index.md'), { folder: 'docs/adr', name: '0007-folder-form/' });
  });

  it('the next free number counts every branch, keeping the folder’s padding', () => {
    const branches: BranchRecords = { listings: [{ branch: 'b', folder: 'docs/adr', names: ['0009-x.md', '0012-y/'] }, { branch: 'c', folder: 'other', names: ['0099-z.md'] }] };
    assert.deepEqual(nextFreeNumber(['0001-a.md', '0008-b.md'], 'docs/adr', branches), { number: 13, digits: '0013' });
    assert.deepEqual(nextFreeNumber(['001-a.md'], 'docs/adr', undefined), { number: 2, digits: '002' });
  });

  it('flags a number another branch gives a different record, not the same file or one present here', () => {
    const index = buildIndex({
      decisions: [decision('ADR-0003', { title: 'Use Kafka' }), decision('ADR-0004', { title: 'Use gRPC' }), decision('ADR-0005', { title: 'Use NATS' })],
    });
    const names = index.decisions.map((d) => d.path.split('/').pop()!);
    const branches: BranchRecords = {
      listings: [
        { branch: 'feature/a', folder: 'docs/adr', names: [...names, '0003-use-pulsar.md'] },
        { branch: 'origin/feature/a', folder: 'docs/adr', names: ['0003-use-pulsar.md'] },
        { branch: 'feature/b', folder: 'docs/adr', names: [names[1], names[2]] },
        { branch: 'feature/c', folder: 'elsewhere', names: ['0004-other.md'] },
      ],
    };
    const findings = runRules({ index, config: DEFAULT_CONFIG, now: NOW, files: [], branches }, [numberTaken]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].path, 'docs/adr/0003-use-kafka.md');
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /ADR-0003 "Use Kafka": branch feature\/a \(also origin\/feature\/a\) has a different record with number 3, docs\/adr\/0003-use-pulsar\.md; renumber one of them to 0006/);
    assert.deepEqual(runRules({ index, config: DEFAULT_CONFIG, now: NOW, files: [] }, [numberTaken]), [], 'no branches known: nothing');
  });
});
