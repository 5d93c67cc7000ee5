/**
 * Findings for CI systems' own surfaces:
 * - `github`: workflow commands (`::error file=…,line=…,col=…,title=…::message`), which the
 *   runner turns into annotations on the pull request's diff;
 * - `gitlab`: a Code Quality report (JSON array) for merge-request widgets;
 * - a Markdown table of the findings (the job summary when no report is available).
 */
import { FINDING_DOCS } from '../core/finding-docs';
import type { Finding, Severity } from '../core/findings';
import { fingerprints } from './fingerprints';
import { summarise, summaryLine, oneLine } from './format-findings';
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
      return `::${GITHUB_COMMAND[f.severity]} ${shown.map(([name, value]) => `${name}=${escapeCommandProperty(String(value))}`).join(',')}::${escapeCommandData(f.message)}`;
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

/** Markdown for a cell: no line breaks, `|` and HTML-significant characters escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|&]/g, (c) => (c === '|' ? '\\|' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'information', hint: 'hint' };

/** A Markdown summary of the check: the counts, then one table row per finding. */
export function formatFindingsMarkdown(findings: readonly Finding[], title = 'Execution Alignment'): string {
  const lines = [`## ${title}`, '', summaryLine(summarise(findings)), ''];
  if (!findings.length) return [...lines, 'No findings: the code cites live decisions and valid assumptions.', ''].join('\n');
  lines.push('| severity | code | location | finding |', '|---|---|---|---|');
  for (const f of findings) {
    const r = toOneBased(f.range);
    lines.push(`| ${SEVERITY_LABEL[f.severity]} | \`${f.code}\` | ${cell(`${f.path}:${r.startLine}:${r.startColumn}`)} | ${cell(f.message)} |`);
  }
  return [...lines, ''].join('\n');
}
