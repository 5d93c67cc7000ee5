/**
 * `alignment check` output: text (`path:line:col: severity code message`), JSON, and
 * SARIF 2.1.0 (one rule per finding code, ruleId = code, level error|warning|note).
 */
import { ALL_FINDING_CODES, FINDING_CODES, type Finding, type Severity } from '../core/findings';
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

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(findings: readonly Finding[], toolVersion: string): string {
  const rules = ALL_FINDING_CODES.map((code) => ({
    id: code,
    name: code.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: FINDING_CODES[code].summary },
    defaultConfiguration: { level: SARIF_LEVEL[FINDING_CODES[code].severity] },
  }));
  const ruleIndex = new Map(ALL_FINDING_CODES.map((code, i) => [code, i]));
  const location = (path: string, range: Finding['range']) => {
    const r = toOneBased(range);
    return {
      physicalLocation: {
        artifactLocation: { uri: sarifUri(path), uriBaseId: '%SRCROOT%' },
        region: { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: Math.max(r.endColumn, r.startColumn) },
      },
    };
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'alignment', fullName: 'Execution Alignment', version: toolVersion, semanticVersion: toolVersion, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [location(f.path, f.range)],
          ...(f.related.length
            ? { relatedLocations: f.related.map((rel, id) => ({ id, ...location(rel.path, rel.range), message: { text: rel.message } })) }
            : {}),
          ...(f.recordId ? { properties: { recordId: f.recordId } } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/**
 * A workspace-relative path as a SARIF `artifactLocation.uri` (RFC 3986 relative
 * reference): each segment percent-encoded, so `#`, `?`, `%` and spaces in file names
 * stay part of the path.
 */
export function sarifUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
