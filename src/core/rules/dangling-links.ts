/**
 * `record.dangling`: a record's supersedes, superseded-by, assumptions or decisions
 * names an id no record has. Checked on what the record itself states.
 * Example: `supersedes: ADR-0099` with no ADR-0099 in the workspace.
 */
import type { AlignmentRecord, IdMention } from '../model';
import { describe, finding, type DraftFinding, type Rule } from './context';

export const danglingLinks: Rule = ({ index }) => {
  const findings: DraftFinding[] = [];
  for (const [, stated] of index.stated) {
    for (const [field, mentions] of linkFields(stated)) {
      for (const mention of mentions) {
        if (index.lookup(mention.id)) continue;
        findings.push(
          finding(
            'record.dangling',
            stated.path,
            mention.range,
            mention.fallback && index.lookup(mention.fallback)
              ? `${describe(stated)}: \`${field}\` links to ${mention.id}, which no record here has; read as ${mention.fallback}, which its text names. Fix the link's target.`
              : `${describe(stated)}: \`${field}\` names ${mention.id}, which no record here has; correct the id or remove the link.`,
            { recordId: mention.id },
          ),
        );
      }
    }
  }
  return findings;
};

function linkFields(record: AlignmentRecord): [string, IdMention[]][] {
  const common: [string, IdMention[]][] = [
    ['supersedes', record.supersedes],
    ['superseded-by', record.supersededBy],
  ];
  return record.kind === 'decision' ? [...common, ['assumptions', record.assumptions]] : [...common, ['decisions', record.decisions]];
}
