/**
 * Findings for CI systems' own surfaces:
 * - `github`: workflow commands (`::error file=…,line=…,col=…,title=…::message`), which the
 *   runner turns into annotations on the pull request's diff;
 * - `gitlab`: a Code Quality report (JSON array) for merge-request widgets;
 */
import { FINDING_DOCS } from '../core/finding-docs';
import type { Finding, Severity } from '../core/findings';
import { inert, inertKeepingLines } from '../core/inert-text';
import { fingerprints } from './fingerprints';
import { oneLine } from './format-findings';
import { toOneBased } from './positions';

const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes a workflow command's message (data): `%`, CR and LF. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as data, plus `:` and `,`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command, `::<command> name=value,…::message`. Workspace text in it is made
 * inert first (terminal escapes, bidirectional overrides and other controls become visible
 * `\uXXXX`, so a record title cannot recolour or rewrite the job log), then escaped for the
 * runner. The message keeps its line breaks (the runner shows `%0A` as one); property
 * values are one line.
 */
export function workflowCommand(command: string, properties: readonly (readonly [string, string | number])[], message: string): string {
  const props = properties.map(([name, value]) => `${name}=${escapeCommandProperty(inert(String(value)))}`).join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeCommandData(inertKeepingLines(message))}`;
}

export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const r = toOneBased(f.range);
      const properties: [string, string | number][] = [
        ['file', f.path],
        ['line', r.startLine],
        ['col', r.startColumn],
        ['endLine', r.endLine],
        ['endColumn', Math.max(r.endColumn, r.startColumn)],
        ['title', `${FINDING_DOCS[f.code].title} (${f.code})`],
      ];
      // Annotations on several lines must not set columns (the runner drops them).
      const shown = r.endLine === r.startLine ? properties : properties.filter(([name]) => name !== 'col' && name !== 'endColumn');
      return workflowCommand(GITHUB_COMMAND[f.severity], shown, f.message);
    })
    .join('\n');
}

const GITLAB_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

export function formatGitlab(findings: readonly Finding[]): string {
  const prints = fingerprints(findings);
  const report = findings.map((f, i) => ({
    type: 'issue',
    check_name: f.code,
    description: oneLine(f.message),
    categories: ['Bug Risk'],
    fingerprint: prints[i],
    severity: GITLAB_SEVERITY[f.severity],
    location: { path: f.path, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
  }));
  return JSON.stringify(report, null, 2);
}
