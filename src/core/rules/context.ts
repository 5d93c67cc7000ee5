/**
 * What every rule receives, and helpers for writing findings whose messages name the
 * record, its title and the next step.
 */
import type { AlignmentIndex } from '../alignment-index';
import type { AlignmentConfig } from '../config';
import type { Finding, FindingCode, RelatedLocation } from '../findings';
import type { BranchRecords } from '../governance/numbers';
import { isCalendarDate } from '../decisions/dates';
import type { AlignmentRecord, Range } from '../model';

export interface RuleContext {
  index: AlignmentIndex;
  config: AlignmentConfig;
  /** The clock for time-based rules. */
  now: Date;
  /** Every file of the workspace (for `applies-to` globs). */
  files: readonly string[];
  /** When set, file rules report only on these files (an incremental update). */
  only?: readonly string[];
  /** Record entries on other branches (from git, trusted workspaces only), for `record.number-taken`. */
  branches?: BranchRecords;
}

/** A rule returns findings without severity; the runner applies configured severities. */
export type DraftFinding = Omit<Finding, 'severity' | 'related'> & { related?: RelatedLocation[] };
export type Rule = (context: RuleContext) => DraftFinding[];

/** `ADR-0003 "Use MySQL"` */
export function describe(record: AlignmentRecord): string {
  const title = record.kind === 'decision' ? record.title : record.statement;
  return title ? `${record.id} "${truncate(title, 80)}"` : record.id;
}

/** "owned by alice@example.com" or "no owner named" — who to talk to next. */
export function ownerClause(record: AlignmentRecord): string {
  const owner = ownerOf(record);
  return owner ? `owner: ${owner}` : 'no owner named';
}

/** "ask dana@example.com (owner) to revisit it" or "no owner is named: find who can revisit it". */
export function askOwner(record: AlignmentRecord, action: string): string {
  const owner = ownerOf(record);
  return owner ? `ask ${owner} (owner) to ${action}` : `no owner is named: find who can ${action}`;
}

export function ownerOf(record: AlignmentRecord): string | undefined {
  if (record.owner) return record.owner;
  if (record.kind === 'decision') return record.deciders[0];
  return undefined;
}

/** ownerOf for people to read: the first decider standing in is marked (`Ann (decider)`); 'no owner' when none. */
export function ownerLabel(record: AlignmentRecord): string {
  const owner = ownerOf(record);
  if (!owner) return 'no owner';
  return record.owner ? owner : `${owner} (decider)`;
}

export function recordLocation(record: AlignmentRecord, message: string): RelatedLocation {
  return { path: record.path, range: record.range, message };
}

export function finding(
  code: FindingCode,
  path: string,
  range: Range,
  message: string,
  extra: Partial<DraftFinding> = {},
): DraftFinding {
  return { code, path, range, message, ...extra };
}

/** Today's date (UTC) as YYYY-MM-DD, for comparing with record dates. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** True when a YYYY-MM-DD date lies strictly before today. Unparseable dates never expire. */
export function isPast(date: string | undefined, now: Date): boolean {
  if (!date || !isCalendarDate(date)) return false;
  return date.slice(0, 10) < today(now);
}

export function isLiveDecisionStatus(status: string): boolean {
  return status === 'accepted' || status === 'proposed' || status === 'unknown';
}

function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}
