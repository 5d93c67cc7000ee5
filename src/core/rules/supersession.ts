/**
 * Supersession consistency.
 * - `record.conflict`: the two sides disagree. A says it supersedes B while B names
 *   other successors, or B's own status still says accepted/proposed although a live
 *   record supersedes it.
 * - `record.cycle`: following superseded-by links returns to where it started
 *   (ADR-1 → ADR-2 → ADR-1). Reported once per record on the cycle.
 */
import { idKey } from '../ids';
import type { AlignmentRecord } from '../model';
import { describe, finding, recordLocation, type DraftFinding, type Rule } from './context';

export const supersessionConflicts: Rule = ({ index }) => {
  const findings: DraftFinding[] = [];
  for (const [effective, stated] of index.stated) {
    for (const mention of stated.supersedes) {
      const older = index.lookup(mention.id);
      if (!older || older === effective) continue;
      const olderStated = index.stated.get(older)!;
      const namesOthers = olderStated.supersededBy.length > 0 && !olderStated.supersededBy.some((m) => idKey(m.id) === idKey(stated.id));
      if (namesOthers) {
        const others = olderStated.supersededBy.map((m) => m.id).join(', ');
        findings.push(
          finding(
            'record.conflict',
            stated.path,
            mention.range,
            `${describe(stated)} says it supersedes ${describe(older)}, but ${older.id} names ${others} as its successor; make the two records agree.`,
            { recordId: older.id, related: [recordLocation(older, `${older.id} is superseded by ${others}`)] },
          ),
        );
      }
    }
    if (stated.kind === 'decision' && (stated.status === 'accepted' || stated.status === 'proposed') && effective.status === 'superseded') {
      const successors = effective.supersededBy.map((m) => m.id).join(', ');
      findings.push(
        finding(
          'record.conflict',
          stated.path,
          stated.statusRange ?? stated.range,
          `${describe(stated)} says "${stated.statusText || stated.status}", but ${successors} supersedes it; set its status to superseded.`,
          { recordId: stated.id, related: effective.supersededBy.flatMap((m) => relatedRecord(index.lookup(m.id))) },
        ),
      );
    }
  }
  return findings;
};

export const supersessionCycles: Rule = ({ index }) => {
  const findings: DraftFinding[] = [];
  // Each record follows its first known successor, so the links form a functional graph:
  // one walk per unvisited record, each record entered once — linear in the records.
  const state = new Map<AlignmentRecord, 'on-path' | 'done'>();
  const successor = (r: AlignmentRecord) => {
    for (const m of r.supersededBy) {
      const next = index.lookup(m.id);
      if (next) return next;
    }
    return undefined;
  };
  for (const start of [...index.decisions, ...index.assumptions]) {
    if (state.has(start)) continue;
    const path: AlignmentRecord[] = [];
    const at = new Map<AlignmentRecord, number>();
    let current: AlignmentRecord | undefined = start;
    while (current && !state.has(current)) {
      state.set(current, 'on-path');
      at.set(current, path.length);
      path.push(current);
      current = successor(current);
    }
    const cycle = current && state.get(current) === 'on-path' ? path.slice(at.get(current)) : [];
    for (const r of path) state.set(r, 'done');
    cycle.forEach((record, i) => {
      findings.push(
        finding('record.cycle', record.path, record.range, `${describe(record)} is part of a supersession cycle (${cycleText(cycle, i)}); one of these records must stay live.`, {
          recordId: record.id,
          related: nearby(cycle, i).map((r) => recordLocation(r, `${r.id} is on the cycle`)),
        }),
      );
    });
  }
  return findings;
};

/** How many other records a cycle or duplicate finding names; the rest are counted. */
export const NAMED_OTHERS = 5;

/** `ADR-1 → ADR-2 → ADR-1`; a long cycle from this record: `ADR-7 → ADR-8 → … → ADR-7 (3000 records)`. */
function cycleText(cycle: readonly AlignmentRecord[], i: number): string {
  if (cycle.length <= NAMED_OTHERS + 1) return [...cycle, cycle[0]].map((r) => r.id).join(' → ');
  const shown = [0, 1, 2].map((k) => cycle[(i + k) % cycle.length].id);
  return `${shown.join(' → ')} → … → ${cycle[i].id}, ${cycle.length} records`;
}

/** The records after this one on the cycle, at most NAMED_OTHERS of them. */
function nearby(cycle: readonly AlignmentRecord[], i: number): AlignmentRecord[] {
  const count = Math.min(cycle.length - 1, NAMED_OTHERS);
  return Array.from({ length: count }, (_, k) => cycle[(i + 1 + k) % cycle.length]);
}

function relatedRecord(record: AlignmentRecord | undefined) {
  return record ? [recordLocation(record, `${describe(record)}`)] : [];
}
