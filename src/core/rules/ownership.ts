/**
 * Decision rights.
 * - `record.no-owner`: a live record names no owner (nor deciders), so nobody is clearly
 *   accountable for it.
 * - `record.approval-missing`: a decision says accepted while a named approver has not
 *   approved (pending or rejected).
 */
import { describe, finding, isLiveDecisionStatus, ownerOf, type DraftFinding, type Rule } from './context';

export const missingOwners: Rule = ({ index }) => {
  const findings: DraftFinding[] = [];
  for (const decision of index.decisions) {
    if (!isLiveDecisionStatus(decision.status) || ownerOf(decision)) continue;
    findings.push(
      finding('record.no-owner', decision.path, decision.range, `${describe(decision)} names no owner; add \`owner:\` (or deciders) so decision rights are clear.`, {
        recordId: decision.id,
      }),
    );
  }
  for (const assumption of index.assumptions) {
    if ((assumption.status !== 'active' && assumption.status !== 'validated') || assumption.owner) continue;
    findings.push(
      finding('record.no-owner', assumption.path, assumption.range, `${describe(assumption)} names no owner; add \`owner:\` so someone validates it.`, {
        recordId: assumption.id,
      }),
    );
  }
  return findings;
};

export const missingApprovals: Rule = ({ index }) => {
  const findings: DraftFinding[] = [];
  for (const decision of index.decisions) {
    if (decision.status !== 'accepted') continue;
    for (const approver of decision.approvers) {
      if (approver.state === 'approved') continue;
      const what = approver.state === 'rejected' ? 'rejected it' : 'not approved it yet';
      findings.push(
        finding(
          'record.approval-missing',
          decision.path,
          approver.range ?? decision.statusRange ?? decision.range,
          `${describe(decision)} is accepted, but approver ${approver.name} has ${what}; get the approval or set the status back to proposed.`,
          { recordId: decision.id },
        ),
      );
    }
  }
  return findings;
};
