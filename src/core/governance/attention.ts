/**
 * What needs attention, in five kinds, each item naming the next step:
 * - superseded but still referenced (code cites a record that was replaced);
 * - invalidated but relied on (live decisions or code rest on an invalidated assumption);
 * - overdue reviews (`review-by` / `validate-by`, or the review cadence, passed on a live record);
 * - reviews due in the next 14 days;
 * - approvals waiting longer than the threshold;
 * - records with errors (error findings on record files: YAML, schema, duplicates, …).
 */
import type { AlignmentIndex, ResolvedReference } from '../alignment-index';
import type { PendingApproval } from './approvals';
import type { Finding } from '../findings';
import type { AlignmentRecord, Decision } from '../model';
import type { AlignmentConfig } from '../config';
import { isLiveDecisionStatus, isPast, ownerOf, today } from '../rules/context';
import { addCadence, dueDate } from './cadence';

/** Reviews due within this many days are listed before they are overdue. */
export const DUE_SOON_DAYS = 14;

export type AttentionKind = 'superseded-referenced' | 'invalidated-relied-on' | 'review-overdue' | 'review-due-soon' | 'approval-overdue' | 'record-errors';

export const ATTENTION_LABELS: Record<AttentionKind, string> = {
  'superseded-referenced': 'Superseded but still referenced',
  'invalidated-relied-on': 'Invalidated but relied on',
  'review-overdue': 'Overdue reviews',
  'review-due-soon': `Due in the next ${DUE_SOON_DAYS} days`,
  'approval-overdue': 'Approvals waiting too long',
  'record-errors': 'Records with errors',
};

export interface AttentionInput<T> {
  tag: T;
  index: AlignmentIndex;
  findings: readonly Finding[];
  now: Date;
  /** The review cadence (`reviewEvery`, `validateEvery`), when configured. */
  cadence?: Pick<AlignmentConfig, 'reviewEvery' | 'validateEvery'>;
}

export interface AttentionItem<T> {
  kind: AttentionKind;
  tag: T;
  /** The record in question (absent for a record file that does not parse into one). */
  record?: AlignmentRecord;
  path: string;
  /** One line: what is wrong and what to do, e.g. "→ ADR-0007 · 1 reference". */
  detail: string;
  /** Code that cites the record (superseded / invalidated kinds). */
  references: ResolvedReference[];
  /** Live decisions resting on an invalidated assumption. */
  dependants: Decision[];
  /** Error findings (records with errors). */
  findings: Finding[];
}

export interface AttentionGroup<T> {
  kind: AttentionKind;
  label: string;
  items: AttentionItem<T>[];
}

/** Non-empty groups in the order of AttentionKind; overdue approvals come from pendingApprovals(). */
export function needsAttention<T>(inputs: readonly AttentionInput<T>[], overdueApprovals: readonly PendingApproval<T>[]): AttentionGroup<T>[] {
  const items: AttentionItem<T>[] = [];
  const item = (kind: AttentionKind, tag: T, record: AlignmentRecord | undefined, path: string, detail: string, extra: Partial<AttentionItem<T>> = {}) =>
    items.push({ kind, tag, record, path, detail, references: [], dependants: [], findings: [], ...extra });

  for (const { tag, index, findings, now, cadence } of inputs) {
    for (const record of [...index.decisions, ...index.assumptions]) {
      if (record.status !== 'superseded') continue;
      const references = index.referencesTo(record.id);
      if (references.length === 0) continue;
      const end = index.liveEnd(record);
      const successor = end !== record ? `→ ${end.id}` : 'no successor named';
      item('superseded-referenced', tag, record, record.path, `${successor} · ${count(references.length, 'reference')}`, { references });
    }
    for (const assumption of index.assumptions) {
      if (assumption.status !== 'invalidated') continue;
      const dependants = index.dependantsOf(assumption).filter((d) => isLiveDecisionStatus(d.status));
      const references = index.referencesTo(assumption.id);
      if (dependants.length === 0 && references.length === 0) continue;
      const parts = [];
      if (dependants.length > 0) parts.push(`relied on by ${dependants.map((d) => d.id).join(', ')}`);
      if (references.length > 0) parts.push(count(references.length, 'reference'));
      item('invalidated-relied-on', tag, assumption, assumption.path, parts.join(' · '), { references, dependants });
    }
    const soon = addCadence(today(now), { amount: DUE_SOON_DAYS, unit: 'd' })!;
    for (const record of [...index.decisions, ...index.assumptions]) {
      const due = dueDate(record, cadence ?? {});
      if (!due) continue;
      const overdue = isPast(due.date, now);
      if (!overdue && due.date > soon) continue;
      const owner = ownerOf(record);
      const verb = record.kind === 'decision' ? 'review' : 'validate';
      const every = due.source === 'cadence' ? ` (every ${due.every})` : '';
      item(overdue ? 'review-overdue' : 'review-due-soon', tag, record, record.path, `${verb} by ${due.date}${every} · ${owner ? `owner ${owner}` : 'no owner'}`);
    }
    const byPath = new Map<string, Finding[]>();
    for (const finding of findings) {
      if (finding.severity !== 'error' || !finding.code.startsWith('record.')) continue;
      const list = byPath.get(finding.path);
      if (list) list.push(finding);
      else byPath.set(finding.path, [finding]);
    }
    for (const [path, list] of byPath) {
      const record = (list[0].recordId ? index.lookup(list[0].recordId) : undefined) ?? [...index.decisions, ...index.assumptions].find((r) => r.path === path);
      item('record-errors', tag, record, path, `${count(list.length, 'error')} · ${list[0].message}`, { findings: list });
    }
  }
  for (const approval of overdueApprovals) {
    const who = approval.waitingOn.length > 0 ? `on ${approval.waitingOn.join(', ')}` : 'for the owner to accept';
    item('approval-overdue', approval.tag, approval.decision, approval.decision.path, `waiting ${approval.ageDays} d ${who}`);
  }

  const order = Object.keys(ATTENTION_LABELS) as AttentionKind[];
  return order
    .map((kind) => ({ kind, label: ATTENTION_LABELS[kind], items: items.filter((i) => i.kind === kind) }))
    .filter((g) => g.items.length > 0);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
