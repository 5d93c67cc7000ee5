/**
 * Fingerprints that identify a finding across runs, for code scanning
 * (`partialFingerprints`) and GitLab Code Quality (`fingerprint`): the code, the file,
 * the record and which occurrence of that triple it is in the file, in position order.
 * No line numbers and no message text (messages carry dates), so an alert survives
 * edits above it and a new day.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../core/findings';

/** One hex fingerprint per finding, in the order given. */
export function fingerprints(findings: readonly Finding[]): string[] {
  const byPosition = findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => byString(a.finding.path, b.finding.path) || a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.column - b.finding.range.start.column);
  const seen = new Map<string, number>();
  const result: string[] = new Array(findings.length);
  for (const { finding, index } of byPosition) {
    const key = JSON.stringify([finding.code, finding.path, finding.recordId ?? '']);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    result[index] = createHash('sha256').update(`${key}#${occurrence}`).digest('hex').slice(0, 32);
  }
  return result;
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
