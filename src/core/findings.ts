/**
 * The table of finding codes. Codes are stable: diagnostics carry them, quick fixes and
 * severity overrides select on them, never on message text.
 */
import type { Range } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const FINDING_CODES = {
  'ref.unknown': { severity: 'error', summary: 'Code names an id that no record has.' },
  'ref.superseded': { severity: 'warning', summary: 'Code names a superseded decision or assumption.' },
  'ref.invalidated': { severity: 'error', summary: 'Code names an invalidated assumption.' },
  'ref.deprecated': { severity: 'warning', summary: 'Code names a deprecated decision.' },
  'ref.rejected': { severity: 'warning', summary: 'Code names a rejected decision.' },
  'ref.pending': { severity: 'information', summary: 'Code is built on a decision still awaiting approval.' },
  'ref.unsound': { severity: 'warning', summary: 'Code names a decision that relies on an invalidated or superseded assumption.' },
  'ref.expired': { severity: 'warning', summary: 'Code names an assumption past validate-by or a decision past review-by.' },
  'record.yaml': { severity: 'error', summary: 'YAML syntax error in a record.' },
  'record.schema': { severity: 'error', summary: 'A record field has a wrong type or value.' },
  'record.duplicate-id': { severity: 'error', summary: 'Two records share an id.' },
  'record.dangling': { severity: 'error', summary: 'A record links to an unknown id.' },
  'record.conflict': { severity: 'warning', summary: 'The two sides of a supersession disagree, or two places in a record state different statuses.' },
  'record.cycle': { severity: 'error', summary: 'Supersession cycle.' },
  'record.no-owner': { severity: 'information', summary: 'A record names no owner, so decision rights are unclear.' },
  'record.approval-missing': { severity: 'warning', summary: 'A decision is accepted while a required approver has not approved.' },
  'record.review-overdue': { severity: 'warning', summary: 'A review-by or validate-by date has passed.' },
  'record.relies-on-invalid': { severity: 'warning', summary: 'A live decision relies on an invalidated or superseded assumption.' },
  'file.governed-by-superseded': { severity: 'information', summary: 'A file is governed (applies-to) by a superseded decision.' },
  'record.number-taken': { severity: 'warning', summary: 'Another branch has a different record with this number.' },
  'record.ready': { severity: 'information', summary: 'Every named approver approved, but the status is still proposed.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type FindingCode = keyof typeof FINDING_CODES;
export const ALL_FINDING_CODES = Object.keys(FINDING_CODES) as FindingCode[];

export interface RelatedLocation {
  path: string;
  range: Range;
  message: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  path: string;
  range: Range;
  /** The record the finding is about (the cited or the offending one). */
  recordId?: string;
  related: RelatedLocation[];
  /** Shown struck through in the editor (superseded references). */
  deprecated?: boolean;
  /** For quick fixes: the id to put in place of the one at `range`. */
  replacement?: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** True when `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[threshold];
}

/** The effective severity of a code under the configured overrides (`off` drops the finding). */
export function severityFor(code: FindingCode, overrides: Partial<Record<string, SeverityOrOff>>): SeverityOrOff {
  return overrides[code] ?? FINDING_CODES[code].severity;
}

/** True when two finding lists say the same thing in the same order (a republish can be skipped). */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return samePlainData(a, b);
}

/** Equality of JSON-like data (a missing property equals an undefined one), without serializing either side. */
function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlainData(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (!samePlainData(x[key], y[key])) return false;
  for (const key in y) if (!(key in x) && y[key] !== undefined) return false;
  return true;
}
