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
  const reported = new Set<AlignmentRecord>();
  for (const start of [...index.decisions, ...index.assumptions]) {
    if (reported.has(start)) continue;
    const path: AlignmentRecord[] = [];
    let current: AlignmentRecord | undefined = start;
    while (current && !path.includes(current)) {
      path.push(current);
      current = current.supersededBy.map((m) => index.lookup(m.id)).find((r) => r !== undefined);
    }
    if (!current) continue;
    const cycle = path.slice(path.indexOf(current));
    if (cycle.some((r) => reported.has(r))) continue;
    const names = [...cycle, cycle[0]].map((r) => r.id).join(' → ');
    for (const record of cycle) {
      reported.add(record);
      findings.push(
        finding('record.cycle', record.path, record.range, `${describe(record)} is part of a supersession cycle (${names}); one of these records must stay live.`, {
          recordId: record.id,
          related: cycle.filter((r) => r !== record).map((r) => recordLocation(r, `${r.id} is on the cycle`)),
        }),
      );
    }
  }
  return findings;
};

function relatedRecord(record: AlignmentRecord | undefined) {
  return record ? [recordLocation(record, `${describe(record)}`)] : [];
}
