/**
 * `alignment check` output: text (`path:line:col: severity code message`) and JSON.
 * SARIF is in sarif.ts, the CI annotation formats in ci-formats.ts.
 */
import type { Finding } from '../core/findings';
import { inert } from '../core/inert-text';
import { toOneBased } from './positions';

export interface CheckSummary {
  error: number;
  warning: number;
  information: number;
  hint: number;
  files: number;
}

export function summarise(findings: readonly Finding[]): CheckSummary {
  const summary: CheckSummary = { error: 0, warning: 0, information: 0, hint: 0, files: new Set(findings.map((f) => f.path)).size };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

export function summaryLine(summary: CheckSummary): string {
  const part = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
  return `${part(summary.error, 'error')}, ${part(summary.warning, 'warning')}, ${summary.information} information in ${part(summary.files, 'file')}`;
}

export function formatText(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const { startLine, startColumn } = toOneBased(f.range);
      return `${inert(f.path)}:${startLine}:${startColumn}: ${f.severity} ${f.code} ${inert(f.message)}`;
    })
    .join('\n');
}

export function formatJson(findings: readonly Finding[]): string {
  const json = {
    version: 1,
    findings: findings.map((f) => {
      const r = toOneBased(f.range);
      return {
        code: f.code,
        severity: f.severity,
        message: f.message,
        path: f.path,
        line: r.startLine,
        column: r.startColumn,
        endLine: r.endLine,
        endColumn: r.endColumn,
        recordId: f.recordId ?? null,
        replacement: f.replacement ?? null,
        related: f.related.map((rel) => ({ path: rel.path, line: rel.range.start.line + 1, column: rel.range.start.column + 1, message: rel.message })),
      };
    }),
    summary: summarise(findings),
  };
  return JSON.stringify(json, null, 2);
}

/**
 * A workspace-relative path as a SARIF `artifactLocation.uri` (RFC 3986 relative
 * reference): each segment percent-encoded, so `#`, `?`, `%` and spaces in file names
 * stay part of the path.
 */
export function sarifUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
