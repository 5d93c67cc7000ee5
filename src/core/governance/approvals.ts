/**
 * What waits on whom: proposed decisions grouped by the approvers who have not answered
 * yet, the current user's group first, with how long each has waited.
 *
 * Inputs are tagged (the extension tags them with their workspace folder) so that
 * several folders can be shown as one list.
 */
import type { AlignmentIndex } from '../alignment-index';
import type { Decision } from '../model';
import { PeopleDirectory, samePerson, type PersonGroup } from './people';
import { compareIds, compareText } from '../compare-text';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from a `YYYY-MM-DD…` date to `now` (UTC calendar days); undefined when unparseable, 0 for the future. */
export function ageInDays(date: string | undefined, now: Date): number | undefined {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!match) return undefined;
  const then = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(then)) return undefined;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.max(0, Math.round((today - then) / DAY_MS));
}

/** "waiting 12 d", or "waiting (no date)" when the age is unknown. */
export function waitingText(days: number | undefined): string {
  return days === undefined ? 'waiting (no date)' : `waiting ${days} d`;
}

/** An approval is overdue when it has waited more than `overdueDays` days. */
export function isOverdue(days: number | undefined, overdueDays: number): boolean {
  return days !== undefined && days > overdueDays;
}

export interface ApprovalInput<T> {
  tag: T;
  index: AlignmentIndex;
  /** Who "me" is in this folder (name or email), if known. */
  me?: string;
  overdueDays: number;
  /** Since when a decision has waited, when the record states no date (e.g. from git). */
  fallbackDate?: (decision: Decision) => string | undefined;
}

export interface PendingApproval<T> {
  tag: T;
  decision: Decision;
  /** The date the wait is counted from, and where it came from. */
  since?: string;
  sinceSource?: 'record' | 'fallback';
  ageDays?: number;
  overdue: boolean;
  /** Approvers who have not answered yet, as written. */
  waitingOn: string[];
  /** True when one of them is "me". */
  mine: boolean;
}

export type ApprovalGroupKind = 'me' | 'person' | 'answered' | 'none';

export interface ApprovalGroup<T> {
  kind: ApprovalGroupKind;
  /** Stable: `me`, `person:<key>`, `answered`, `none`. */
  key: string;
  /** "Waiting on me", the person, "All approvers answered", "No approver named". */
  label: string;
  person?: PersonGroup;
  items: PendingApproval<T>[];
}

export interface PendingApprovals<T> {
  /** "Waiting on me" first, then each approver by name, then the answered and unnamed buckets. */
  groups: ApprovalGroup<T>[];
  /** Every proposed decision, once. */
  all: PendingApproval<T>[];
  /** Decisions waiting on me. */
  mine: PendingApproval<T>[];
}

/** Proposed decisions, by who must still approve them. */
export function pendingApprovals<T>(inputs: readonly ApprovalInput<T>[], now: Date): PendingApprovals<T> {
  const all: PendingApproval<T>[] = [];
  const people = new PeopleDirectory();
  for (const input of inputs) {
    for (const decision of input.index.decisions) {
      if (decision.status !== 'proposed') continue;
      const waitingOn = decision.approvers.filter((a) => a.state === 'pending').map((a) => a.name);
      const fallback = decision.date ? undefined : input.fallbackDate?.(decision);
      const since = decision.date ?? fallback;
      const ageDays = ageInDays(since, now);
      for (const name of waitingOn) people.add(name);
      all.push({
        tag: input.tag,
        decision,
        since,
        sinceSource: decision.date ? 'record' : fallback ? 'fallback' : undefined,
        ageDays,
        overdue: isOverdue(ageDays, input.overdueDays),
        waitingOn,
        mine: input.me !== undefined && waitingOn.some((name) => samePerson(name, input.me)),
      });
    }
  }
  // Longest wait first inside each group.
  all.sort((a, b) => (b.ageDays ?? -1) - (a.ageDays ?? -1) || compareIds(a.decision.id, b.decision.id));

  const mine = all.filter((p) => p.mine);
  const groups: ApprovalGroup<T>[] = [];
  if (mine.length > 0) groups.push({ kind: 'me', key: 'me', label: 'Waiting on me', items: mine });
  const meByTag = new Map(inputs.map((i) => [i.tag, i.me]));
  const others: ApprovalGroup<T>[] = [];
  for (const person of people.groups()) {
    const isThisPerson = (name: string) => people.groupOf(name) === person;
    // Waiting on this person, unless this person is "me" there (already listed under "Waiting on me").
    const items = all.filter((p) => p.waitingOn.some(isThisPerson) && !(p.mine && person.mentions.some((m) => samePerson(m, meByTag.get(p.tag)))));
    if (items.length > 0) others.push({ kind: 'person', key: `person:${person.key}`, label: person.label, person, items });
  }
  others.sort((a, b) => compareText(a.label, b.label));
  groups.push(...others);
  const answered = all.filter((p) => p.waitingOn.length === 0 && p.decision.approvers.length > 0);
  if (answered.length > 0) groups.push({ kind: 'answered', key: 'answered', label: 'All approvers answered', items: answered });
  const none = all.filter((p) => p.decision.approvers.length === 0);
  if (none.length > 0) groups.push({ kind: 'none', key: 'none', label: 'No approver named', items: none });
  return { groups, all, mine };
}
