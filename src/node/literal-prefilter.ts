/**
 * A byte-level, ASCII-case-insensitive search for the prefilter's literals, run on a
 * file's raw bytes before any decoding: most files of a large tree contain none, and are
 * dropped without becoming a string.
 *
 * Two kinds of literal: plain ones match anywhere; id prefixes (`ADR`, `ASM`) match only
 * as an id starts, as the scanner's candidates require: not after an ASCII letter, digit
 * or underscore, and followed by a digit, with at most one `-`, `_` or space between. On
 * UTF-8 bytes that is exact: a byte that is not ASCII is never a word character's.
 *
 * One pass over the bytes with a table of the literals' first two (case-folded) bytes;
 * only where such a pair occurs are the literals compared. Literals with non-ASCII
 * characters are not folded here, so with one of those every file passes (the exact
 * regular-expression check after decoding still decides).
 */
import type { ReferencePrefilter } from '../core/references';

const FOLD = new Uint8Array(256).map((_, b) => (b >= 65 && b <= 90 ? b + 32 : b));
/** ASCII letters, digits and `_`: what may not come right before an id. */
const WORD = new Uint8Array(256).map((_, b) => (/[A-Za-z0-9_]/.test(String.fromCharCode(b)) ? 1 : 0));

export type BytePrefilter = (bytes: Uint8Array, length?: number) => boolean;

interface Literal {
  bytes: Uint8Array;
  /** An id prefix: needs a word start before it and a digit after it. */
  id: boolean;
}

/** The byte prefilter of a reference prefilter: its id prefixes, and its other literals. */
export function referenceBytePrefilter(prefilter: Pick<ReferencePrefilter, 'idPrefixes' | 'otherLiterals'>): BytePrefilter {
  return bytePrefilter(prefilter.otherLiterals, prefilter.idPrefixes);
}

export function bytePrefilter(literals: readonly string[], idPrefixes: readonly string[] = []): BytePrefilter {
  const all = [...literals.map((text) => ({ text, id: false })), ...idPrefixes.map((text) => ({ text, id: true }))];
  if (all.length === 0) return () => false;
  if (all.some(({ text }) => text.length === 0 || /[^\x20-\x7e]/.test(text))) return () => true;
  const folded: Literal[] = all.map(({ text, id }) => ({ bytes: Uint8Array.from(Buffer.from(text.toLowerCase(), 'latin1')), id }));
  const single = new Uint8Array(256);
  const byPair = new Map<number, Literal[]>();
  for (const literal of folded) {
    // A one-letter id prefix is kept as a plain letter: more files pass, none is missed.
    if (literal.bytes.length === 1) {
      single[literal.bytes[0]] = 1;
      continue;
    }
    const key = (literal.bytes[0] << 8) | literal.bytes[1];
    byPair.set(key, [...(byPair.get(key) ?? []), literal]);
  }
  const pairs = new Uint8Array(65536);
  for (const key of byPair.keys()) pairs[key] = 1;
  const anySingle = single.includes(1);

  return (bytes, length = bytes.length) => {
    if (length === 0) return false;
    let previous = FOLD[bytes[0]];
    if (anySingle && single[previous]) return true;
    for (let i = 1; i < length; i++) {
      const current = FOLD[bytes[i]];
      if (anySingle && single[current]) return true;
      const key = (previous << 8) | current;
      if (pairs[key] === 1 && matchesAt(bytes, length, i - 1, byPair.get(key)!)) return true;
      previous = current;
    }
    return false;
  };
}

function matchesAt(bytes: Uint8Array, length: number, start: number, literals: readonly Literal[]): boolean {
  for (const literal of literals) {
    const end = start + literal.bytes.length;
    if (end > length) continue;
    let k = 2;
    while (k < literal.bytes.length && FOLD[bytes[start + k]] === literal.bytes[k]) k++;
    if (k < literal.bytes.length) continue;
    if (!literal.id || idAt(bytes, length, start, end)) return true;
  }
  return false;
}

/** An id prefix found at start..end: no word byte before it, a digit after an optional `-`, `_` or space. */
function idAt(bytes: Uint8Array, length: number, start: number, end: number): boolean {
  if (start > 0 && WORD[bytes[start - 1]] === 1) return false;
  let at = end;
  if (at < length && (bytes[at] === 0x2d || bytes[at] === 0x5f || bytes[at] === 0x20)) at++;
  return at < length && bytes[at] >= 0x30 && bytes[at] <= 0x39;
}
