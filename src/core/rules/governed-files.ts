/**
 * `file.governed-by-superseded`: a file matched by the `applies-to` globs of a
 * superseded decision. Reported at the top of the file, naming the successor.
 */
import { matchesAnyGlob } from '../glob';
import { describe, finding, recordLocation, type DraftFinding, type Rule } from './context';

export const governedBySuperseded: Rule = ({ index, files, only }) => {
  const findings: DraftFinding[] = [];
  const superseded = index.decisions.filter((d) => d.status === 'superseded' && d.appliesTo.length > 0);
  if (superseded.length === 0) return findings;
  for (const file of only ?? files) {
    for (const decision of superseded) {
      if (file === decision.path || !matchesAnyGlob(file, decision.appliesTo)) continue;
      const live = index.liveEnd(decision);
      const next = live !== decision ? `see ${describe(live)} for what governs it now` : 'find what governs it now';
      findings.push(
        finding('file.governed-by-superseded', file, { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, `This file is governed by ${describe(decision)}, which is superseded; ${next}.`, {
          recordId: decision.id,
          replacement: live !== decision ? live.id : undefined,
          related: [recordLocation(decision, `applies-to of ${decision.id}`)],
        }),
      );
    }
  }
  return findings;
};
