/**
 * A byte-level, ASCII-case-insensitive search for the prefilter's literals
 * (ReferencePrefilter.fixedStrings), run on a file's raw bytes before any decoding: most
 * files of a large tree contain none, and are dropped without becoming a string.
 *
 * One pass over the bytes with a table of the literals' first two (case-folded) bytes;
 * only where such a pair occurs are the literals compared. Literals with non-ASCII
 * characters are not folded here, so with one of those every file passes (the exact
 * regular-expression check after decoding still decides).
 */

const FOLD = new Uint8Array(256).map((_, b) => (b >= 65 && b <= 90 ? b + 32 : b));

export type BytePrefilter = (bytes: Uint8Array, length?: number) => boolean;

export function bytePrefilter(literals: readonly string[]): BytePrefilter {
  if (literals.length === 0) return () => false;
  if (literals.some((l) => l.length === 0 || /[^\x20-\x7e]/.test(l))) return () => true;
  const folded = literals.map((l) => Uint8Array.from(Buffer.from(l.toLowerCase(), 'latin1')));
  const single = new Uint8Array(256);
  const byPair = new Map<number, Uint8Array[]>();
  for (const literal of folded) {
    if (literal.length === 1) {
      single[literal[0]] = 1;
      continue;
    }
    const key = (literal[0] << 8) | literal[1];
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

function matchesAt(bytes: Uint8Array, length: number, start: number, literals: readonly Uint8Array[]): boolean {
  for (const literal of literals) {
    if (start + literal.length > length) continue;
    let k = 2;
    while (k < literal.length && FOLD[bytes[start + k]] === literal[k]) k++;
    if (k === literal.length) return true;
  }
  return false;
}
