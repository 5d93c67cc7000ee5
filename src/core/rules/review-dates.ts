/**
 * `record.review-overdue`: a live decision's `review-by`, or an active assumption's
 * `validate-by`, lies before today (the clock is the rule context's `now`).
 */
import { describe, finding, isLiveDecisionStatus, isPast, askOwner, type DraftFinding, type Rule } from './context';

export const overdueReviews: Rule = ({ index, now }) => {
  const findings: DraftFinding[] = [];
  for (const d of index.decisions) {
    if (!isLiveDecisionStatus(d.status) || !isPast(d.reviewBy, now)) continue;
    findings.push(
      finding('record.review-overdue', d.path, d.reviewByRange ?? d.range, `${describe(d)} was due for review on ${d.reviewBy}; ${askOwner(d, 'review it and set a new review-by date')}.`, {
        recordId: d.id,
      }),
    );
  }
  for (const a of index.assumptions) {
    if ((a.status !== 'active' && a.status !== 'validated') || !isPast(a.validateBy, now)) continue;
    findings.push(
      finding('record.review-overdue', a.path, a.validateByRange ?? a.range, `${describe(a)} was to be validated by ${a.validateBy}; ${askOwner(a, 'validate or invalidate it')}.`, {
        recordId: a.id,
      }),
    );
  }
  return findings;
};
