/**
 * `alignment check --format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (checked
 * by Microsoft's SARIF validator with its GitHub rules in test/unit/cli/sarif.test.ts).
 * One rule per finding code (ruleId = code) with short and full descriptions, Markdown
 * help and a helpUri into the README's findings reference; results carry stable
 * partialFingerprints so a re-run updates alerts instead of duplicating them.
 */
import { pathToFileURL } from 'node:url';
import { findingAnchor, findingHelpMarkdown, findingHelpText, FINDING_DOCS } from '../core/finding-docs';
import { ALL_FINDING_CODES, FINDING_CODES, type Finding, type FindingCode, type Severity } from '../core/findings';
import { fingerprints } from './fingerprints';
import { sarifUri } from './format-findings';
import { toOneBased } from './positions';

export const PROJECT_URL = 'https://github.com/execution-alignment/execution-alignment';
/** Where each rule's help lives: the README's findings reference, one anchor per code. */
export const FINDINGS_REFERENCE_URL = `${PROJECT_URL}/blob/main/README.md`;
/** The partialFingerprints key (versioned: a change of the scheme gets a new key). */
export const FINGERPRINT_KEY = 'alignmentFinding/v1';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function ruleHelpUri(code: FindingCode): string {
  return `${FINDINGS_REFERENCE_URL}#${findingAnchor(code)}`;
}

/** `ref.unknown` → `RefUnknown` (SARIF rule names are identifiers). */
function ruleName(code: FindingCode): string {
  return code.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase());
}

/** Messages end with a period (SARIF2001): findings' own messages mostly do already. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * @param root absolute path of the checked directory: `%SRCROOT%` (code scanning
 *   resolves the relative URIs against the checkout itself).
 */
export function formatSarif(findings: readonly Finding[], toolVersion: string, root: string): string {
  const rules = ALL_FINDING_CODES.map((code) => ({
    id: code,
    name: ruleName(code),
    shortDescription: { text: FINDING_CODES[code].summary },
    fullDescription: { text: FINDING_DOCS[code].description },
    help: { text: findingHelpText(code), markdown: findingHelpMarkdown(code) },
    helpUri: ruleHelpUri(code),
    defaultConfiguration: { level: SARIF_LEVEL[FINDING_CODES[code].severity] },
    properties: { tags: ['maintainability', code.split('.')[0]], precision: 'very-high' },
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
  const prints = fingerprints(findings);
  const rootUri = pathToFileURL(root).href.replace(/\/?$/, '/');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'alignment',
            fullName: 'Execution Alignment',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: PROJECT_URL,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f, i) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code),
          level: SARIF_LEVEL[f.severity],
          message: { text: sentence(f.message) },
          locations: [location(f.path, f.range)],
          partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
          ...(f.related.length
            ? { relatedLocations: f.related.map((rel, id) => ({ id, ...location(rel.path, rel.range), message: { text: sentence(rel.message) } })) }
            : {}),
          ...(f.recordId ? { properties: { recordId: f.recordId } } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
