/**
 * `alignment explain PATH` output: what governs one file, with status, owner and what
 * to do. JSON lines are 1-based like every CLI output.
 */
import type { GoverningRecord } from '../core/governance/governing';
import { historyText } from '../core/governance/history';
import { inert } from '../core/inert-text';
import { ownerLabel, ownerOf } from '../core/rules/context';

export function explainJson(path: string, governing: readonly GoverningRecord[]): string {
  return JSON.stringify(
    {
      version: 1,
      path,
      governing: governing.map(({ record, globs, lines, stale, advice }) => ({
        id: record.id,
        kind: record.kind,
        title: record.kind === 'decision' ? record.title : record.statement,
        status: record.status,
        owner: ownerOf(record) ?? null,
        ...(record.kind === 'decision' ? { deciders: record.deciders } : {}),
        recordPath: record.path,
        appliesTo: globs,
        lines: lines.map((l) => l + 1),
        stale,
        advice,
        ...(record.history ? { history: record.history } : {}),
      })),
    },
    null,
    2,
  );
}

export function explainText(path: string, governing: readonly GoverningRecord[], known: boolean): string {
  if (governing.length === 0) {
    return inert(known ? `${path}: no decision or assumption governs this file (no applies-to matches it and its comments cite none).` : `${path}: not a file of this workspace folder, and no applies-to glob matches it.`);
  }
  const lines = [`${path} is governed by ${governing.length} record${governing.length === 1 ? '' : 's'}:`];
  for (const { record, globs, lines: at, stale, advice } of governing) {
    const title = record.kind === 'decision' ? record.title : record.statement;
    lines.push(`  ${record.id} ${record.status}: ${title}  [${ownerLabel(record)}]  ${record.path}`);
    const via = [];
    if (globs.length) via.push(`applies-to ${globs.join(', ')}`);
    if (at.length) via.push(`cited on line${at.length === 1 ? '' : 's'} ${at.map((l) => l + 1).join(', ')}`);
    lines.push(`      via ${via.join('; ')}`);
    if (record.history?.length) lines.push(`      history: ${historyText(record.history)}`);
    lines.push(`      ${stale ? '!' : '✓'} ${advice}`);
  }
  // Titles, owners, paths and advice are workspace text: one line each, with nothing a terminal acts on.
  return lines.map(inert).join('\n');
}
