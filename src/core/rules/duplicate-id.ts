/**
 * `record.duplicate-id`: two records share an id (numerically: ADR-9 and ADR-0009 are
 * the same). Reported on every record of the group, each pointing at the others.
 */
import { idKey } from '../ids';
import { describe, finding, recordLocation, type DraftFinding, type Rule } from './context';

export const duplicateIds: Rule = ({ index }) => {
  const findings: DraftFinding[] = [];
  for (const [key, records] of index.byKey) {
    if (records.length < 2 || records.some((r) => idKey(r.id) !== key)) continue;
    for (const record of records) {
      const others = records.filter((r) => r !== record);
      findings.push(
        finding(
          'record.duplicate-id',
          record.path,
          record.range,
          `${describe(record)} shares its id with ${others.map((o) => o.path).join(', ')}; give one of them a new id.`,
          { recordId: record.id, related: others.map((o) => recordLocation(o, `also ${o.id}`)) },
        ),
      );
    }
  }
  return findings;
};
