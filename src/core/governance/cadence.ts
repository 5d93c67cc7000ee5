/**
 * Review cadence: `reviewEvery` / `validateEvery` (`180d`, `6w`, `6m`, `1y`) make a
 * record due for review that long after it was accepted (or validated) or last
 * `reviewed:`, when it names no `review-by` / `validate-by` of its own (an explicit
 * date wins). When it was accepted comes from git history, else the record's date.
 *
 * Rules here: `record.review-overdue` by cadence, and `record.ready` (every named
 * approver approved, yet the status is still proposed — the step teams forget).
 */
import type { AlignmentConfig } from '../config';
import type { AlignmentRecord } from '../model';
import { askOwner, describe, finding, isLiveDecisionStatus, today, type DraftFinding, type Rule } from '../rules/context';
import { enteredStatus } from './history';

export interface Cadence {
  amount: number;
  unit: 'd' | 'w' | 'm' | 'y';
}

export const CADENCE_PATTERN = /^\s*(\d{1,4})\s*([dwmy])\s*$/i;

/** `180d` → {180, d}; undefined when it is not a cadence. */
export function parseCadence(text: string | undefined): Cadence | undefined {
  const m = text ? CADENCE_PATTERN.exec(text) : null;
  if (!m || Number(m[1]) === 0) return undefined;
  return { amount: Number(m[1]), unit: m[2].toLowerCase() as Cadence['unit'] };
}

/** A YYYY-MM-DD date plus a cadence (months and years by calendar, clamped to the month's end). */
export function addCadence(date: string, cadence: Cadence): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  let result: Date;
  if (cadence.unit === 'd' || cadence.unit === 'w') {
    result = new Date(Date.UTC(y, mo, d + cadence.amount * (cadence.unit === 'w' ? 7 : 1)));
  } else {
    const months = mo + cadence.amount * (cadence.unit === 'y' ? 12 : 1);
    const last = new Date(Date.UTC(y, months + 1, 0)).getUTCDate();
    result = new Date(Date.UTC(y, months, Math.min(d, last)));
  }
  return Number.isNaN(result.getTime()) ? undefined : result.toISOString().slice(0, 10);
}

/** When a record is due for review or validation, and why. */
export interface DueDate {
  date: string;
  /** `review-by` / `validate-by` as written, or counted by the cadence. */
  source: 'record' | 'cadence';
  /** For the cadence: the date it counts from, and what that date is. */
  since?: string;
  sinceLabel?: string;
  every?: string;
}

/** The review-by / validate-by date, else the cadence's due date; undefined for records not live or with no cadence. */
export function dueDate(record: AlignmentRecord, config: Pick<AlignmentConfig, 'reviewEvery' | 'validateEvery'>): DueDate | undefined {
  if (record.kind === 'decision') {
    if (!isLiveDecisionStatus(record.status)) return undefined;
    if (record.reviewBy) return { date: record.reviewBy.slice(0, 10), source: 'record' };
    const cadence = parseCadence(config.reviewEvery);
    if (!cadence || record.status !== 'accepted') return undefined;
    const accepted = enteredStatus(record.history, 'accepted') ?? record.date;
    const [since, sinceLabel] = latest([accepted, 'accepted'], [record.reviewed, 'last reviewed']);
    const date = since ? addCadence(since, cadence) : undefined;
    return date ? { date, source: 'cadence', since, sinceLabel, every: config.reviewEvery } : undefined;
  }
  if (record.status !== 'active' && record.status !== 'validated') return undefined;
  if (record.validateBy) return { date: record.validateBy.slice(0, 10), source: 'record' };
  const cadence = parseCadence(config.validateEvery);
  const since = enteredStatus(record.history, record.status);
  const date = cadence && since ? addCadence(since, cadence) : undefined;
  return date ? { date, source: 'cadence', since, sinceLabel: record.status === 'validated' ? 'validated' : 'recorded', every: config.validateEvery } : undefined;
}

function latest(...dates: [string | undefined, string][]): [string | undefined, string] {
  let best: [string | undefined, string] = [undefined, ''];
  for (const [date, label] of dates) {
    if (date && /^\d{4}-\d{2}-\d{2}/.test(date) && (!best[0] || date.slice(0, 10) > best[0])) best = [date.slice(0, 10), label];
  }
  return best;
}

/** "due for review since 2026-04-01 (accepted 2025-10-01, reviewEvery 6m)" */
export function cadenceClause(due: DueDate): string {
  return `due for review since ${due.date} (${due.sinceLabel} ${due.since}, every ${due.every})`;
}

/** True when the cadence's due date has passed (explicit dates are the review-dates rule's). */
export function cadenceOverdue(record: AlignmentRecord, config: AlignmentConfig, now: Date): DueDate | undefined {
  const due = dueDate(record, config);
  return due?.source === 'cadence' && due.date < today(now) ? due : undefined;
}

export const overdueByCadence: Rule = ({ index, config, now }) => {
  const findings: DraftFinding[] = [];
  for (const record of [...index.decisions, ...index.assumptions]) {
    const due = cadenceOverdue(record, config, now);
    if (!due) continue;
    const next = record.kind === 'decision' ? 'review it and record `reviewed:` (or a new review-by date)' : 'validate it and set validate-by';
    findings.push(finding('record.review-overdue', record.path, record.range, `${describe(record)} is ${cadenceClause(due)}; ${askOwner(record, next)}.`, { recordId: record.id }));
  }
  return findings;
};

export const readyToAccept: Rule = ({ index }) => {
  const findings: DraftFinding[] = [];
  for (const d of index.decisions) {
    if (d.status !== 'proposed' || d.approvers.length === 0 || d.approvers.some((a) => a.state !== 'approved')) continue;
    const names = d.approvers.map((a) => a.name).join(', ');
    findings.push(
      finding('record.ready', d.path, d.statusRange ?? d.range, `${describe(d)} is approved by every named approver (${names}) but still proposed; ${askOwner(d, 'set its status to accepted')}.`, {
        recordId: d.id,
      }),
    );
  }
  return findings;
};
