/**
 * The existing id closest to one that names nothing (for the `record.dangling` quick
 * fix): same prefix and the nearest number, else the smallest edit distance.
 */
import type { AlignmentIndex } from './alignment-index';
import { idKey, parseNumberedId } from './ids';

export function closestId(index: AlignmentIndex, id: string): string | undefined {
  const wanted = parseNumberedId(id);
  const candidates = [...index.decisions, ...index.assumptions].map((r) => r.id).filter((c) => idKey(c) !== idKey(id));
  let best: { id: string; score: number } | undefined;
  for (const candidate of candidates) {
    const parsed = parseNumberedId(candidate);
    let score: number;
    if (wanted && parsed) {
      if (parsed.prefix !== wanted.prefix) continue;
      score = Math.abs(parsed.number - wanted.number);
    } else {
      score = editDistance(idKey(candidate), idKey(id)) + 1000;
    }
    if (!best || score < best.score) best = { id: candidate, score };
  }
  return best?.id;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
