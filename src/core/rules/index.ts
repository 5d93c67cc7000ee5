/**
 * The rule runner: every rule of DESIGN §3 that needs no editor, with the configured
 * severity per code applied (`off` drops a finding). Output is sorted by path and position.
 */
import { compareText } from '../compare-text';
import { severityFor, type Finding } from '../findings';
import type { RuleContext, Rule } from './context';
import { danglingLinks } from './dangling-links';
import { duplicateIds } from './duplicate-id';
import { governedBySuperseded } from './governed-files';
import { missingApprovals, missingOwners } from './ownership';
import { parseProblems } from './parse-problems';
import { referenceRules } from './reference-rules';
import { reliesOnInvalid } from './relies-on-invalid';
import { overdueReviews } from './review-dates';
import { supersessionConflicts, supersessionCycles } from './supersession';
import { overdueByCadence, readyToAccept } from '../governance/cadence';
import { numberTaken } from '../governance/numbers';

export type { RuleContext, Rule } from './context';

/** Rules about records: they change only when a record file changes. */
export const RECORD_RULES: readonly Rule[] = [
  parseProblems,
  duplicateIds,
  danglingLinks,
  supersessionConflicts,
  supersessionCycles,
  missingOwners,
  missingApprovals,
  overdueReviews,
  overdueByCadence,
  reliesOnInvalid,
  readyToAccept,
  numberTaken,
];

/** Rules about one code file at a time (its references, its governing decisions). */
export const FILE_RULES: readonly Rule[] = [referenceRules, governedBySuperseded];

export const RULES: readonly Rule[] = [...RECORD_RULES, ...FILE_RULES];

export function runRules(context: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  return sortFindings(collectFindings(context, rules));
}

/** `runRules` without the sort, for callers that group the findings by file first. */
export function collectFindings(context: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const draft of rule(context)) {
      const severity = severityFor(draft.code, context.config.severity);
      if (severity === 'off') continue;
      findings.push({ ...draft, severity, related: draft.related ?? [] });
    }
  }
  return findings;
}

/** Findings in a stable order: by path, position, then code. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compareText(a.path, b.path) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      compareText(a.code, b.code),
  );
}
