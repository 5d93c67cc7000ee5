/**
 * `alignment list` output. JSON field names are a contract (DESIGN §5): lines and
 * columns are 1-based, and every list field is present even when empty.
 */
import type { AlignmentIndex } from '../core/alignment-index';
import { HISTORY_UNAVAILABLE_TEXT, historyText, type HistoryUnavailable } from '../core/governance/history';
import { inert } from '../core/inert-text';
import type { Assumption, Decision } from '../core/model';
import { ownerLabel } from '../core/rules/context';

/** How the list got its history: from git, or why not (then dates are the records' own). */
export type HistorySource = { available: true } | { available: false; reason: HistoryUnavailable };

export function listJson(index: AlignmentIndex, history?: HistorySource): string {
  return JSON.stringify(
    {
      version: 1,
      git: history ? { history: history.available ? 'available' : history.reason, note: history.available ? null : HISTORY_UNAVAILABLE_TEXT[history.reason] } : undefined,
      decisions: index.decisions.map(decisionJson),
      assumptions: index.assumptions.map(assumptionJson),
      references: index.references.map((r) => ({
        path: r.path,
        line: r.line + 1,
        column: r.column + 1,
        text: r.text,
        id: r.id,
        target: r.target,
        kind: r.kind,
      })),
    },
    null,
    2,
  );
}

function decisionJson(d: Decision) {
  return {
    id: d.id,
    number: d.number ?? null,
    title: d.title,
    status: d.status,
    statusText: d.statusText,
    statusSource: d.statusSource ?? null,
    path: d.path,
    line: d.line + 1,
    date: d.date ?? null,
    owner: d.owner ?? null,
    deciders: d.deciders,
    approvers: d.approvers.map((a) => ({ name: a.name, state: a.state, date: a.date ?? null })),
    supersedes: d.supersedes.map((m) => m.id),
    supersededBy: d.supersededBy.map((m) => m.id),
    assumptions: d.assumptions.map((m) => m.id),
    reviewBy: d.reviewBy ?? null,
    tags: d.tags,
    appliesTo: d.appliesTo,
    ...(d.history ? { history: d.history } : {}),
  };
}

function assumptionJson(a: Assumption) {
  return {
    id: a.id,
    statement: a.statement,
    status: a.status,
    statusSource: a.statusSource ?? null,
    owner: a.owner ?? null,
    path: a.path,
    line: a.line + 1,
    validateBy: a.validateBy ?? null,
    confidence: a.confidence ?? null,
    impact: a.impact ?? null,
    supersedes: a.supersedes.map((m) => m.id),
    supersededBy: a.supersededBy.map((m) => m.id),
    decisions: a.decisions.map((m) => m.id),
    ...(a.history ? { history: a.history } : {}),
  };
}

export function listText(index: AlignmentIndex, history?: HistorySource): string {
  const lines: string[] = [];
  lines.push(`Decisions (${index.decisions.length})`);
  for (const d of index.decisions) {
    const refs = index.referencesTo(d.id).length;
    const extra = d.supersededBy.length ? ` → ${d.supersededBy.map((m) => m.id).join(', ')}` : '';
    lines.push(`  ${d.id.padEnd(10)} ${d.status.padEnd(10)} ${d.title}${extra}  [${ownerLabel(d)}; ${refs} ref${refs === 1 ? '' : 's'}]  ${d.path}`);
    if (d.history?.length) lines.push(`  ${' '.repeat(10)} ${historyText(d.history)}`);
  }
  lines.push(`Assumptions (${index.assumptions.length})`);
  for (const a of index.assumptions) {
    const due = a.validateBy ? `; validate by ${a.validateBy}` : '';
    lines.push(`  ${a.id.padEnd(10)} ${a.status.padEnd(11)} ${a.statement}  [${a.owner ?? 'no owner'}${due}]  ${a.path}`);
  }
  const unresolved = index.references.filter((r) => r.target === null).length;
  lines.push(`References (${index.references.length} in code, ${unresolved} without a record here)`);
  for (const r of index.references) lines.push(`  ${r.path}:${r.line + 1}:${r.column + 1}  ${r.text}${r.target ? '' : '  (no record)'}`);
  if (history && !history.available) lines.push(`History: ${HISTORY_UNAVAILABLE_TEXT[history.reason]}`);
  // Every line is workspace text: one line each, with nothing a terminal acts on.
  return lines.map(inert).join('\n');
}

