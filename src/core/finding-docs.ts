/**
 * What each finding code means, for people reading a finding outside the editor: SARIF
 * rule help (code scanning), and the README's findings reference (generated from this
 * table by `npm run docs`). One entry per code; the type makes a missing entry an error.
 */
import { ALL_FINDING_CODES, FINDING_CODES, type FindingCode } from './findings';

export interface FindingDoc {
  /** A short name, e.g. "Unknown id". */
  title: string;
  /** What the finding means and why it matters (one paragraph, plain text). */
  description: string;
  /** A minimal example that raises the finding: [language for the fence, text]. */
  example: readonly [string, string];
  /** How to resolve it (one paragraph, plain text; `code` spans allowed). */
  fix: string;
}

export const FINDING_DOCS: Record<FindingCode, FindingDoc> = {
  'ref.unknown': {
    title: 'Unknown id',
    description:
      'A comment in code names a decision or assumption id that no record in the repository has. The code claims to follow a decision nobody can read, usually because of a typo or a record that was never written.',
    example: ['ts', '// See ADR-0042: retry with backoff  (there is no ADR-0042 in docs/adr)'],
    fix: 'Correct the id, or write the record (`alignment new decision "Retry with backoff"`). Ids match numerically, so `ADR-42` and `ADR-0042` are the same record.',
  },
  'ref.superseded': {
    title: 'Reference to a superseded record',
    description:
      'Code names a decision or assumption that a newer record has replaced. The code may still follow the old rule; the finding names the live end of the supersession chain.',
    example: ['go', '// Orders live in MySQL, see ADR-0003.  (ADR-0003 is superseded by ADR-0007)'],
    fix: 'Check that the code follows the newer record and update the reference to it (the editor offers this as a quick fix).',
  },
  'ref.invalidated': {
    title: 'Code rests on an invalidated assumption',
    description:
      'Code names an assumption whose status is `invalidated`: what it was built on is known to be false. The finding names the assumption\'s owner and its evidence.',
    example: ['py', '# @assumes ASM-2  (ASM-2 "Sessions fit in a single Redis node" is invalidated)'],
    fix: 'Revisit the code with the assumption\'s owner: change it so it no longer depends on the assumption, then remove the reference or point it at the assumption that replaced it.',
  },
  'ref.deprecated': {
    title: 'Reference to a deprecated decision',
    description: 'Code names a decision whose status is `deprecated`: it no longer guides new work, but nothing replaced it yet.',
    example: ['ts', '// Cache headers follow ADR-0011.  (ADR-0011 is deprecated)'],
    fix: 'Move the code away from the deprecated decision, or record the decision that replaces it and cite that one.',
  },
  'ref.rejected': {
    title: 'Reference to a rejected decision',
    description: 'Code names a decision that was rejected: the code rests on a choice the team decided against.',
    example: ['ts', '// Requests go through the gateway (ADR-0006).  (ADR-0006 is rejected)'],
    fix: 'Change the code to follow what was decided instead, or reopen the decision with its owner.',
  },
  'ref.pending': {
    title: 'Code built on a decision awaiting approval',
    description: 'Code names a decision that is still proposed. The finding names who has not approved it yet, so the work does not stall unseen.',
    example: ['ts', '// Behind a flag, see ADR-0005.  (ADR-0005 is proposed, awaiting dana@example.com)'],
    fix: 'Ask the named approvers to approve (or reject) the decision; once it is accepted the finding goes away.',
  },
  'ref.unsound': {
    title: 'Decision relies on a broken assumption',
    description: 'Code names a decision that itself relies on an assumption that was invalidated or superseded, so the ground under the decision has moved.',
    example: ['go', '// Sessions: ADR-0004.  (ADR-0004 relies on ASM-2, which is invalidated)'],
    fix: 'Ask the decision\'s owner to revisit it: supersede it with a decision that rests on valid assumptions, then update the reference.',
  },
  'ref.expired': {
    title: 'Reference to an expired record',
    description: 'Code names an assumption past its `validate-by` date, or a decision past its `review-by` date: nobody has confirmed it still holds.',
    example: ['dockerfile', '# Deployed as in ADR-0008.  (ADR-0008 review-by: 2025-06-01 has passed)'],
    fix: 'Ask the record\'s owner to review it and set a new `review-by` / `validate-by` date, or change its status.',
  },
  'record.yaml': {
    title: 'YAML syntax error',
    description: 'A decision\'s front matter or an assumption file is not valid YAML, so its fields cannot be read. The finding is at the exact position of the error.',
    example: ['yaml', '---\nstatus: accepted\ntags: [db, orders\n---'],
    fix: 'Correct the YAML at the reported line and column (here: close the list with `]`).',
  },
  'record.schema': {
    title: 'Wrong field type or value',
    description: 'A record field has a type or value the format does not allow, e.g. a number where a name is expected or an unknown status. The finding is at that field.',
    example: ['yaml', 'id: ASM-2\nstatement: The EU region is enough\nstatus: maybe'],
    fix: 'Use one of the allowed values or types named in the message (the JSON Schemas in `schemas/` list them; editors with YAML support check them as you type).',
  },
  'record.duplicate-id': {
    title: 'Two records share an id',
    description: 'Two records resolve to the same id, so references to it are ambiguous. It often happens when two branches add the next number at the same time.',
    example: ['text', 'docs/adr/0004-use-kafka.md\ndocs/adr/0004-use-nats.md'],
    fix: 'Give one of the records a new id (rename the file to the next free number, or change its `id:`), and update the references that meant it.',
  },
  'record.dangling': {
    title: 'Link to an unknown id',
    description: 'A record\'s `supersedes`, `superseded-by`, `assumptions` or `decisions` field names an id that no record has.',
    example: ['yaml', '---\nstatus: accepted\nsupersedes: ADR-0099\n---'],
    fix: 'Correct the id, or remove the link if the record it meant does not exist.',
  },
  'record.conflict': {
    title: 'Supersession sides disagree',
    description: 'The two records of a supersession say different things, e.g. ADR-7 says it supersedes ADR-3 while ADR-3 says ADR-5 superseded it, or two status sources in one record disagree.',
    example: ['yaml', '# docs/adr/0003-x.md\nsuperseded-by: ADR-0005\n# docs/adr/0007-y.md\nsupersedes: ADR-0003'],
    fix: 'Decide which record replaced the old one and make both sides name the same record.',
  },
  'record.cycle': {
    title: 'Supersession cycle',
    description: 'Records supersede each other in a loop, so none of them is the live decision.',
    example: ['yaml', '# 0007-cycle-a.md\nsuperseded-by: ADR-0008\n# 0008-cycle-b.md\nsuperseded-by: ADR-0007'],
    fix: 'Remove one link of the cycle so that exactly one record stays live.',
  },
  'record.no-owner': {
    title: 'Record without an owner',
    description: 'A live decision or assumption names no owner (or deciders), so nobody is accountable for reviewing or validating it.',
    example: ['yaml', '---\nstatus: accepted\n---\n# Deploy with Helm'],
    fix: 'Add `owner: name@example.com` (or `deciders:`/`decision-makers:`) to the record.',
  },
  'record.approval-missing': {
    title: 'Accepted without the required approvals',
    description: 'A decision is marked accepted while an approver it names has not approved it.',
    example: ['yaml', '---\nstatus: accepted\napprovers:\n  - name: dana@example.com\n    state: pending\n---'],
    fix: 'Get the approval (the editor\'s Approve Decision command records it), or set the status back to proposed.',
  },
  'record.review-overdue': {
    title: 'Review or validation overdue',
    description: 'A decision\'s `review-by` or an assumption\'s `validate-by` date has passed.',
    example: ['yaml', '---\nstatus: accepted\nreview-by: 2025-06-01\n---'],
    fix: 'Review the record with its owner, then set a new date or change its status.',
  },
  'record.relies-on-invalid': {
    title: 'Live decision relies on a broken assumption',
    description: 'A decision that is still live lists an assumption that was invalidated or superseded.',
    example: ['yaml', '---\nstatus: accepted\nassumptions: [ASM-2]   # ASM-2 is invalidated\n---'],
    fix: 'Revisit the decision with its owner: supersede it, or point it at the assumption that replaced the old one.',
  },
  'record.number-taken': {
    title: 'Record number taken on another branch',
    description:
      'Another branch (local or remote-tracking) has a different record with the same number, so when both are merged two decisions will share an id. Checked with git, in trusted workspaces only.',
    example: ['text', 'main:            docs/adr/0009-use-kafka.md\nthis branch:     docs/adr/0009-use-nats.md'],
    fix: 'Renumber this branch\'s record to the next number free on every branch (rename the file, or change its `id:`), and update the references to it.',
  },
  'record.ready': {
    title: 'Approved but still proposed',
    description: 'Every approver the decision names has approved it, but its status still says proposed, so code citing it is reported as resting on an unapproved decision.',
    example: ['yaml', '---\nstatus: proposed\napprovers:\n  - name: dana@example.com\n    state: approved\n---'],
    fix: 'Set the status to accepted (the editor offers this after the last approval).',
  },
  'file.governed-by-superseded': {
    title: 'File governed by a superseded decision',
    description: 'A file matches the `applies-to` globs of a decision that was superseded, so the rule it was written under no longer holds.',
    example: ['yaml', '---\nstatus: superseded\nsuperseded-by: ADR-0007\napplies-to: ["internal/store/**"]\n---'],
    fix: 'Bring the file in line with the newer decision, and move the `applies-to` globs to it.',
  },
};

/** The finding's help in Markdown: what it means, an example that raises it, and the fix. */
export function findingHelpMarkdown(code: FindingCode): string {
  const doc = FINDING_DOCS[code];
  const [language, text] = doc.example;
  return `${doc.description}\n\n**Example**\n\n\`\`\`${language}\n${text}\n\`\`\`\n\n**Fix**: ${doc.fix}`;
}

/** The same help as plain text (for SARIF consumers that do not render Markdown). */
export function findingHelpText(code: FindingCode): string {
  const doc = FINDING_DOCS[code];
  return `${doc.description}\n\nExample:\n${doc.example[1]}\n\nFix: ${doc.fix.replace(/`/g, '')}`;
}

/**
 * The README anchor of a code's section (`### \`ref.unknown\`` → `refunknown`): GitHub
 * lower-cases a heading and drops punctuation other than `-` and `_`.
 */
export function findingAnchor(code: FindingCode): string {
  return code.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

export const FINDINGS_REFERENCE_START = '<!-- findings-reference:start (generated from src/core/finding-docs.ts by `npm run docs`) -->';
export const FINDINGS_REFERENCE_END = '<!-- findings-reference:end -->';

/** The README's findings reference: one section per code, its heading the code (the anchor). */
export function renderFindingsReference(): string {
  const sections = ALL_FINDING_CODES.map((code) => {
    const doc = FINDING_DOCS[code];
    return `### \`${code}\`\n\n**${doc.title}** (default: ${FINDING_CODES[code].severity}). ${findingHelpMarkdown(code)}\n`;
  });
  return `${FINDINGS_REFERENCE_START}\n\n${sections.join('\n')}\n${FINDINGS_REFERENCE_END}`;
}
