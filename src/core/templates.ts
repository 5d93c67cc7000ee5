/**
 * New records: the next number and file name in a folder, and the text of a new
 * decision (MADR 4 sections; front matter, or Nygard when the folder uses that) or
 * assumption. Shared by `alignment new` and the editor's Record commands.
 */
import { decisionFileInfo } from './decisions';
import { parseNumberedId } from './ids';

export type NewDecisionDialect = 'frontmatter' | 'nygard';

/** `Use PostgreSQL for events!` → `use-postgresql-for-events` */
export function kebabCase(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'decision';
}

/** The next number and its padding, from the record file names already in the folder (default width 4). */
export function nextDecisionNumber(fileNames: readonly string[]): { number: number; digits: string } {
  let max = 0;
  let width = 4;
  let seen = false;
  for (const name of fileNames) {
    const info = decisionFileInfo(name);
    if (info?.number === undefined || !info.digits) continue;
    if (!seen || info.number >= max) width = info.digits.length;
    seen = true;
    max = Math.max(max, info.number);
  }
  const number = max + 1;
  return { number, digits: String(number).padStart(width, '0') };
}

/** `next`: the number to take (default: the next one after the folder's own names). */
export function newDecisionFileName(
  fileNames: readonly string[],
  title: string,
  next: { number: number; digits: string } = nextDecisionNumber(fileNames),
): { fileName: string; number: number; digits: string } {
  return { fileName: `${next.digits}-${kebabCase(title)}.md`, number: next.number, digits: next.digits };
}

export interface NewDecision {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  number: number;
  owner?: string;
  approvers?: string[];
  assumptions?: string[];
  appliesTo?: string[];
  dialect?: NewDecisionDialect;
}

export function decisionTemplate(d: NewDecision): string {
  if (d.dialect === 'nygard') return nygardTemplate(d);
  const lines = ['---', 'status: proposed', `date: ${d.date}`];
  if (d.owner) lines.push(`owner: ${yamlScalar(d.owner)}`);
  if (d.approvers?.length) lines.push('approvers:', ...d.approvers.map((a) => `  - ${yamlScalar(a)}`));
  if (d.assumptions?.length) lines.push('assumptions:', ...d.assumptions.map((a) => `  - ${yamlScalar(a)}`));
  if (d.appliesTo?.length) lines.push('applies-to:', ...d.appliesTo.map((g) => `  - ${yamlScalar(g)}`));
  lines.push('---', '');
  return (
    lines.join('\n') +
    `# ${d.title}

## Context and Problem Statement

Describe the context and the problem in two or three sentences.

## Considered Options

* Option 1
* Option 2

## Decision Outcome

Chosen option: "Option 1", because …

### Consequences

* Good, because …
* Bad, because …
`
  );
}

function nygardTemplate(d: NewDecision): string {
  return `# ${d.number}. ${d.title}

Date: ${d.date}

## Status

Proposed

## Context

Describe the forces at play.

## Decision

We will …

## Consequences

What becomes easier or harder because of this change.
`;
}

/** The next assumption id: `<prefix>-<highest number with that prefix + 1>`. */
export function nextAssumptionId(existingIds: readonly string[], prefix: string): string {
  let max = 0;
  for (const id of existingIds) {
    const parsed = parseNumberedId(id);
    if (parsed && parsed.prefix === prefix.toUpperCase()) max = Math.max(max, parsed.number);
  }
  return `${prefix}-${max + 1}`;
}

export interface NewAssumption {
  id: string;
  statement: string;
  owner?: string;
  validateBy?: string;
}

export function assumptionTemplate(a: NewAssumption): string {
  const lines = [`id: ${a.id}`, `statement: ${yamlScalar(a.statement)}`, 'status: active'];
  if (a.owner) lines.push(`owner: ${yamlScalar(a.owner)}`);
  lines.push('confidence: medium', 'impact: medium');
  if (a.validateBy) lines.push(`validate-by: ${a.validateBy}`);
  return lines.join('\n') + '\n';
}

/** A YAML plain scalar when safe, else a double-quoted one. */
export function yamlScalar(text: string): string {
  if (/^[A-Za-z][\w .@/+-]*$/.test(text) && !/[:#]/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/ $/.test(text)) return text;
  return JSON.stringify(text);
}
