/**
 * What governs a file: the decisions whose `applies-to` globs match it and the
 * decisions and assumptions its comments cite — each with its status, owner and,
 * when it is stale, what to do. Shared by `alignment explain` and the editor's
 * "Governing This File" view.
 */
import type { AlignmentIndex } from '../alignment-index';
import type { AlignmentConfig } from '../config';
import { matchesAnyGlob } from '../glob';
import type { AlignmentRecord } from '../model';
import { askOwner, describe, isPast, ownerOf, today } from '../rules/context';
import { cadenceClause, dueDate } from './cadence';
import { compareIds } from '../compare-text';

export interface GoverningRecord {
  record: AlignmentRecord;
  /** The `applies-to` globs that match the file (decisions only). */
  globs: string[];
  /** 0-based lines of the file's comments that cite the record. */
  lines: number[];
  /** Whether code resting on it needs attention now. */
  stale: boolean;
  /** One sentence: what to do, or that it is current. */
  advice: string;
}

export function governingRecords(index: AlignmentIndex, path: string, config: AlignmentConfig, now: Date): GoverningRecord[] {
  const byRecord = new Map<AlignmentRecord, GoverningRecord>();
  const entry = (record: AlignmentRecord) => {
    let item = byRecord.get(record);
    if (!item) byRecord.set(record, (item = { record, globs: [], lines: [], ...advise(index, record, config, now) }));
    return item;
  };
  for (const d of index.decisions) {
    if (d.path === path || d.appliesTo.length === 0 || !matchesAnyGlob(path, d.appliesTo)) continue;
    entry(d).globs.push(...d.appliesTo.filter((g) => matchesAnyGlob(path, [g])));
  }
  for (const ref of index.referencesIn(path)) {
    const record = ref.target ? index.lookup(ref.target) : undefined;
    if (!record) continue;
    const lines = entry(record).lines;
    if (!lines.includes(ref.line)) lines.push(ref.line);
  }
  return [...byRecord.values()].sort(
    (a, b) => Number(b.globs.length > 0) - Number(a.globs.length > 0) || compareIds(a.record.id, b.record.id),
  );
}

function advise(index: AlignmentIndex, record: AlignmentRecord, config: AlignmentConfig, now: Date): { stale: boolean; advice: string } {
  const stale = (advice: string) => ({ stale: true, advice });
  if (record.status === 'superseded') {
    const live = index.liveEnd(record);
    return stale(live !== record ? `superseded by ${describe(live)}: follow it and update references to ${live.id}` : `superseded with no successor named; ${askOwner(record, 'name what replaces it')}`);
  }
  if (record.kind === 'decision') {
    if (record.status === 'rejected' || record.status === 'deprecated') return stale(`${record.status}: code should not rest on it; ${askOwner(record, 'say what replaces it')}`);
    if (record.status === 'proposed') {
      const waiting = record.approvers.filter((a) => a.state === 'pending').map((a) => a.name);
      return stale(waiting.length ? `still proposed, awaiting ${waiting.join(', ')}` : `still proposed; ${askOwner(record, 'accept or reject it')}`);
    }
    const unsound = index.assumptionsOf(record).filter((a) => a.status === 'invalidated' || a.status === 'superseded');
    if (unsound.length) return stale(`relies on ${unsound.map((a) => `${a.id} (${a.status})`).join(', ')}; ${askOwner(record, 'revisit the decision')}`);
  } else if (record.status === 'invalidated') {
    return stale(`invalidated: the code resting on it needs revisiting (${ownerOf(record) ? `owner ${ownerOf(record)}` : 'no owner named'})`);
  }
  const due = dueDate(record, config);
  if (due && due.date < today(now)) {
    const what = record.kind === 'decision' ? 'review it' : 'validate it';
    return stale(`${due.source === 'cadence' ? cadenceClause(due) : `due ${record.kind === 'decision' ? 'for review' : 'to be validated'} on ${due.date}`}; ${askOwner(record, what)}`);
  }
  const dueNote = due && !isPast(due.date, now) ? ` (next ${record.kind === 'decision' ? 'review' : 'validation'} due ${due.date})` : '';
  return { stale: false, advice: `current${dueNote}` };
}
