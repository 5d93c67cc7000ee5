/**
 * `record.relies-on-invalid`: a live decision lists an assumption that is invalidated or
 * superseded. Reported at the assumption's mention in the decision.
 */
import { idKey } from '../ids';
import { describe, finding, isLiveDecisionStatus, askOwner, recordLocation, type DraftFinding, type Rule } from './context';

export const reliesOnInvalid: Rule = ({ index }) => {
  const findings: DraftFinding[] = [];
  for (const decision of index.decisions) {
    if (!isLiveDecisionStatus(decision.status)) continue;
    for (const assumption of index.assumptionsOf(decision)) {
      if (assumption.status !== 'invalidated' && assumption.status !== 'superseded') continue;
      const mention = decision.assumptions.find((m) => idKey(m.id) === idKey(assumption.id));
      const live = index.liveEnd(assumption);
      const next = assumption.status === 'superseded' && live !== assumption ? `point it at ${live.id} or revisit the decision` : 'revisit the decision';
      findings.push(
        finding(
          'record.relies-on-invalid',
          decision.path,
          mention?.range ?? decision.range,
          `${describe(decision)} relies on ${describe(assumption)}, which is ${assumption.status}; ${askOwner(decision, next)}.`,
          { recordId: decision.id, related: [recordLocation(assumption, `${assumption.id} is ${assumption.status}`)] },
        ),
      );
    }
  }
  return findings;
};
