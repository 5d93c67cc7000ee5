import * as assert from 'node:assert/strict';
import { recordKeys } from '../../../src/core/alignment-index';
import { assumption, buildIndex, decision, reference } from '../rules/builders';

describe('AlignmentIndex', () => {
  describe('lookup', () => {
    it('matches numbered ids numerically, ignoring case and separator', () => {
      const index = buildIndex({ decisions: [decision('ADR-0009', { title: 'Nine' })] });
      for (const id of ['ADR-9', 'ADR-009', 'ADR-0009', 'adr-9', 'ADR_0009', 'ADR 9', 'ADR0009']) {
        assert.equal(index.lookup(id)?.id, 'ADR-0009', id);
      }
      assert.equal(index.lookup('ADR-90'), undefined);
      assert.equal(index.lookup('ASM-9'), undefined);
    });

    it('finds a decision by its file slug or stem (`@adr slug`), without shadowing a real id', () => {
      const d = decision('ADR-0023', { title: 'Partition maintenance' });
      assert.equal(d.path, 'docs/adr/0023-partition-maintenance.md');
      const slugNamed = decision('use-kafka', { path: 'docs/decisions/20200101-use-kafka.md' });
      const index = buildIndex({ decisions: [d, slugNamed] });
      assert.equal(index.lookup('partition-maintenance'), index.decisions[0]);
      assert.equal(index.lookup('0023-partition-maintenance'), index.decisions[0]);
      assert.equal(index.lookup('Use-Kafka')?.id, 'use-kafka');
      const shadow = buildIndex({ decisions: [decision('ADR-0001', { title: 'Use Kafka' }), slugNamed] });
      assert.equal(shadow.lookup('use-kafka')?.id, 'use-kafka');
    });

    it('derives slugs for adr-NNN and dated file names', () => {
      assert.ok(recordKeys(decision('ADR-012', { path: 'adr/adr-012-event-sourcing.md' })).includes('event-sourcing'));
      assert.ok(recordKeys(decision('ADR-012', { path: 'decisions/2021-03-04_012-event-sourcing.md' })).includes('event-sourcing'));
      assert.ok(recordKeys(decision('use-x', { path: 'docs/decisions/20210304-use-x.md' })).includes('use-x'));
    });
  });

  describe('supersession completion', () => {
    it('completes superseded-by from a successor’s supersedes, without changing the parsed records', () => {
      const older = decision('ADR-0001', { title: 'Old' });
      const newer = decision('ADR-0002', { supersedes: ['ADR-1'] });
      const index = buildIndex({ decisions: [older, newer] });
      const effective = index.lookup('ADR-0001')!;
      assert.deepEqual(effective.supersededBy, [{ id: 'ADR-0002', range: older.range }]);
      assert.equal(effective.status, 'superseded');
      assert.equal(older.status, 'accepted');
      assert.deepEqual(older.supersededBy, []);
      assert.equal(index.stated.get(effective), older);
    });

    it('completes supersedes from a predecessor’s superseded-by', () => {
      const newer = decision('ADR-0002', { title: 'New' });
      const index = buildIndex({ decisions: [decision('ADR-0001', { status: 'superseded', supersededBy: ['ADR-0002'] }), newer] });
      assert.deepEqual(index.lookup('ADR-2')!.supersedes, [{ id: 'ADR-0001', range: newer.range }]);
    });

    it('completes assumptions on both sides too', () => {
      const index = buildIndex({ assumptions: [assumption('ASM-1'), assumption('ASM-2', { supersedes: ['ASM-1'] })] });
      assert.equal(index.lookup('ASM-1')!.status, 'superseded');
      assert.deepEqual(index.lookup('ASM-1')!.supersededBy.map((m) => m.id), ['ASM-2']);
    });

    it('does not duplicate a link stated on both sides', () => {
      const index = buildIndex({
        decisions: [decision('ADR-0001', { status: 'superseded', supersededBy: ['ADR-2'] }), decision('ADR-0002', { supersedes: ['ADR-0001'] })],
      });
      assert.equal(index.lookup('ADR-1')!.supersededBy.length, 1);
      assert.equal(index.lookup('ADR-2')!.supersedes.length, 1);
    });
  });

  describe('effective status', () => {
    it('supersedes a record only when a successor is live', () => {
      const index = buildIndex({
        decisions: [
          decision('ADR-0001'),
          decision('ADR-0002', { status: 'proposed', supersedes: ['ADR-0001'] }),
          decision('ADR-0003'),
          decision('ADR-0004', { status: 'rejected', supersedes: ['ADR-0003'] }),
          decision('ADR-0005', { status: 'deprecated' }),
          decision('ADR-0006', { supersedes: ['ADR-0005'] }),
          decision('ADR-0007', { status: 'rejected' }),
          decision('ADR-0008', { supersedes: ['ADR-0007'] }),
        ],
      });
      assert.deepEqual(
        index.decisions.map((d) => d.status),
        ['accepted', 'proposed', 'accepted', 'rejected', 'superseded', 'accepted', 'rejected', 'accepted'],
      );
    });

    it('keeps invalidated and retired assumptions as they are', () => {
      const index = buildIndex({
        assumptions: [assumption('ASM-1', { status: 'invalidated' }), assumption('ASM-2', { status: 'retired' }), assumption('ASM-3', { supersedes: ['ASM-1', 'ASM-2'] })],
      });
      assert.deepEqual(index.assumptions.map((a) => a.status), ['invalidated', 'retired', 'active']);
    });

    it('does not depend on file order: a proposal later superseded itself supersedes nothing', () => {
      // A ← B (proposed) ← C (accepted). B becomes superseded, but it never was live, so A stays accepted.
      const make = (paths: string[]) =>
        buildIndex({
          decisions: [
            decision('ADR-0001', { path: paths[0] }),
            decision('ADR-0002', { status: 'proposed', supersedes: ['ADR-0001'], path: paths[1] }),
            decision('ADR-0003', { supersedes: ['ADR-0002'], path: paths[2] }),
          ],
        });
      const forward = make(['adr/a.md', 'adr/b.md', 'adr/c.md']);
      const backward = make(['adr/c.md', 'adr/b.md', 'adr/a.md']);
      for (const index of [forward, backward]) {
        assert.equal(index.lookup('ADR-1')!.status, 'accepted');
        assert.equal(index.lookup('ADR-2')!.status, 'superseded');
      }
    });
  });

  describe('live end and chain', () => {
    it('follows A → B → C, and is cycle-safe', () => {
      const index = buildIndex({
        decisions: [
          decision('ADR-0001', { supersededBy: ['ADR-0002'] }),
          decision('ADR-0002', { supersededBy: ['ADR-0003'] }),
          decision('ADR-0003'),
          decision('ADR-0010', { supersededBy: ['ADR-0011'] }),
          decision('ADR-0011', { supersededBy: ['ADR-0010'] }),
        ],
      });
      const a = index.lookup('ADR-1')!;
      assert.equal(index.liveEnd(a).id, 'ADR-0003');
      assert.deepEqual(index.chain(a).map((r) => r.id), ['ADR-0001', 'ADR-0002', 'ADR-0003']);
      const c = index.lookup('ADR-3')!;
      assert.equal(index.liveEnd(c), c);
      assert.doesNotThrow(() => index.liveEnd(index.lookup('ADR-10')!));
      assert.equal(index.chain(index.lookup('ADR-10')!).length, 2);
    });

    it('stops at a live successor even if a mere proposal names it as superseded', () => {
      const index = buildIndex({
        decisions: [
          decision('ADR-0001', { supersededBy: ['ADR-0002'] }),
          decision('ADR-0002'),
          decision('ADR-0003', { status: 'proposed', supersedes: ['ADR-0002'] }),
        ],
      });
      assert.equal(index.liveEnd(index.lookup('ADR-1')!).id, 'ADR-0002');
      assert.deepEqual(index.chain(index.lookup('ADR-1')!).map((r) => r.id), ['ADR-0001', 'ADR-0002']);
    });

    it('prefers a live successor when a record is superseded by two', () => {
      const index = buildIndex({
        decisions: [
          decision('ADR-0001', { status: 'superseded', supersededBy: ['ADR-0002', 'ADR-0003'] }),
          decision('ADR-0002', { status: 'proposed' }),
          decision('ADR-0003'),
        ],
      });
      assert.equal(index.liveEnd(index.lookup('ADR-1')!).id, 'ADR-0003');
      assert.deepEqual(index.chain(index.lookup('ADR-1')!).map((r) => r.id), ['ADR-0001', 'ADR-0003']);
    });
  });

  describe('references', () => {
    it('resolves targets (null for unknown ids) and answers referencesTo by any spelling', () => {
      const index = buildIndex({
        decisions: [decision('ADR-0009', { title: 'Nine' })],
        references: [
          reference('ADR-9', { path: 'src/b.ts', text: 'ADR 9' }),
          reference('ADR-0009', { path: 'src/a.ts' }),
          reference('nine', { path: 'src/c.ts', kind: 'anchor' }),
          reference('ADR-0042', { path: 'src/d.ts' }),
        ],
      });
      assert.deepEqual(
        index.references.map((r) => [r.path, r.target]),
        [
          ['src/a.ts', 'ADR-0009'],
          ['src/b.ts', 'ADR-0009'],
          ['src/c.ts', 'ADR-0009'],
          ['src/d.ts', null],
        ],
      );
      assert.deepEqual(index.referencesTo('adr-09').map((r) => r.path), ['src/a.ts', 'src/b.ts', 'src/c.ts']);
      assert.deepEqual(index.referencesTo('nine').map((r) => r.path), ['src/a.ts', 'src/b.ts', 'src/c.ts']);
      assert.deepEqual(index.referencesTo('ADR-42').map((r) => r.path), ['src/d.ts']);
      assert.deepEqual(index.referencesTo('ADR-77'), []);
    });
  });

  describe('assumptions and dependants', () => {
    it('relates decisions and assumptions stated on either side', () => {
      const index = buildIndex({
        decisions: [decision('ADR-0001', { assumptions: ['ASM-1'] }), decision('ADR-0002'), decision('ADR-0003')],
        assumptions: [assumption('ASM-1', { decisions: ['ADR-2', 'ADR-0001'] }), assumption('ASM-2', { decisions: ['ADR-3'] })],
      });
      const asm1 = index.lookup('ASM-1');
      assert.ok(asm1?.kind === 'assumption');
      assert.deepEqual(index.dependantsOf(asm1).map((d) => d.id), ['ADR-0001', 'ADR-0002']);
      const adr3 = index.lookup('ADR-3');
      assert.ok(adr3?.kind === 'decision');
      assert.deepEqual(index.assumptionsOf(adr3).map((a) => a.id), ['ASM-2']);
      const adr1 = index.lookup('ADR-1');
      assert.ok(adr1?.kind === 'decision');
      assert.deepEqual(index.assumptionsOf(adr1).map((a) => a.id), ['ASM-1']);
    });
  });

  describe('duplicates', () => {
    it('keeps every record under the shared key, the first by path answering lookups', () => {
      const index = buildIndex({
        decisions: [decision('ADR-0009', { path: 'docs/adr/0009-z.md' }), decision('ADR-9', { path: 'docs/adr/0009-a.md' })],
        references: [reference('ADR-009')],
      });
      assert.deepEqual(index.byKey.get('ADR-9')!.map((r) => r.path), ['docs/adr/0009-a.md', 'docs/adr/0009-z.md']);
      assert.equal(index.lookup('ADR-0009')!.path, 'docs/adr/0009-a.md');
      assert.equal(index.references[0].target, 'ADR-9');
      assert.equal(index.decisions.length, 2);
    });
  });
});
