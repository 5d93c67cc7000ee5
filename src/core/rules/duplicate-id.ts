/**
 * `record.duplicate-id`: two records share an id (numerically: ADR-9 and ADR-0009 are
 * the same). Reported on every record of the group, each naming a few of the others and
 * how many there are, so a group of thousands stays one short finding per record.
 */
import { idKey } from '../ids';
import { describe, finding, recordLocation, type DraftFinding, type Rule } from './context';
import { NAMED_OTHERS } from './supersession';

export const duplicateIds: Rule = ({ index }) => {
  const findings: DraftFinding[] = [];
  for (const [key, records] of index.byKey) {
    if (records.length < 2 || records.some((r) => idKey(r.id) !== key)) continue;
    records.forEach((record, i) => {
      const others: typeof records = [];
      for (let k = 1; k < records.length && others.length < NAMED_OTHERS; k++) others.push(records[(i + k) % records.length]);
      const more = records.length - 1 - others.length;
      const names = others.map((o) => o.path).join(', ') + (more > 0 ? ` and ${more} more (${records.length} records in all)` : '');
      findings.push(
        finding('record.duplicate-id', record.path, record.range, `${describe(record)} shares its id with ${names}; give one of them a new id.`, {
          recordId: record.id,
          related: others.map((o) => recordLocation(o, `also ${o.id}`)),
        }),
      );
    });
  }
  return findings;
};
