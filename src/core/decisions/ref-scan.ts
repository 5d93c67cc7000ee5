/**
 * Finding the records a sentence names: "Superseded by [13. Foo](0013-foo.md)",
 * "superseded by ADR 23 and ADR-24", "Supersedes /adr/23", "Amends 0005-x.md".
 * Offsets are into the given text, so callers can turn them into exact ranges.
 */
import { idKey, parseNumberedId } from '../ids';
import { escapeRegExp, resolveDecisionRef, resolveLink, resolveLinkTarget } from './ref-resolution';

export interface ScannedRef {
  id: string;
  start: number;
  end: number;
  /** For a link, the numbered record its text names when the target names another. */
  fallback?: string;
}

// Every pattern here is linear in the text: no two unbounded parts can match the same
// characters. Link text and targets stop at the next bracket, so a run of `[a](` costs
// one pass; file paths are found as runs of path characters, then checked by hand.
const MARKDOWN_LINK = /(!?)\[((?:[^\][\\]|\\.)*)\]\(\s*<?([^()<>\s[\]]*)>?(?:\s+"[^"]*")?\s*\)/g;
const AUTOLINK = /<((?:https?:\/\/|\.{0,2}\/)[^<>\s]+)>/g;
const PATH_RUN = /[\w./-]+/g;
const RECORD_FILE_EXTENSION = /\.(?:md|markdown|mdx|html?)(?![\w])/gi;
/** Longer runs are not record paths, and are not examined. */
const MAX_PATH_LENGTH = 1024;
const ROUTE = /(?<![\w/.])\/(?:[\w.-]+\/)*[\w.-]+\/?/g;
const HASH_NUMBER = /(?<![\w#])#(\d+)\b/g;

/** The decision records a piece of text names, in order of appearance, without duplicates. */
export function scanDecisionRefs(text: string, prefix: string): ScannedRef[] {
  const found: ScannedRef[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  const take = (start: number, end: number, id: string | undefined, fallback?: string) => {
    if (!id) return;
    for (let i = start; i < end; i++) if (taken[i]) return;
    for (let i = start; i < end; i++) taken[i] = true;
    found.push(fallback ? { id, start, end, fallback } : { id, start, end });
  };

  for (const m of text.matchAll(MARKDOWN_LINK)) {
    if (m[1]) continue; // image
    const id = resolveLink(m[2], m[3], prefix);
    const named = m[2].trim() ? resolveDecisionRef(m[2], prefix) : undefined;
    const fallback = id && named && parseNumberedId(named) && idKey(named) !== idKey(id) ? named : undefined;
    take(m.index, m.index + m[0].length, id, fallback);
  }
  for (const m of text.matchAll(AUTOLINK)) take(m.index, m.index + m[0].length, resolveLinkTarget(m[1], prefix));

  const prefixes = [...new Set([prefix, 'ADR'].map((p) => escapeRegExp(p)))].join('|');
  const prefixed = new RegExp(`(?<![A-Za-z0-9])(?:${prefixes})[-_ ]?\\d+\\b`, 'gi');
  for (const m of text.matchAll(prefixed)) take(m.index, m.index + m[0].length, resolveDecisionRef(m[0], prefix));
  for (const m of filePaths(text)) take(m.start, m.end, resolveLinkTarget(text.slice(m.start, m.end), prefix));
  for (const m of text.matchAll(ROUTE)) take(m.index, m.index + m[0].length, resolveLinkTarget(m[0], prefix));
  for (const m of text.matchAll(HASH_NUMBER)) take(m.index, m.index + m[0].length, resolveDecisionRef(m[1], prefix));

  found.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  return found.filter((r) => {
    const key = idKey(r.id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Paths of record-like files in a run of path characters: from the run's start to the
 * last `.md`/`.markdown`/`.mdx`/`.htm(l)` whose file name holds a digit (`0005-x.md`,
 * `../adr/12.html`).
 */
function filePaths(text: string): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  for (const run of text.matchAll(PATH_RUN)) {
    const token = run[0];
    if (token.length > MAX_PATH_LENGTH) continue;
    let end = -1;
    RECORD_FILE_EXTENSION.lastIndex = 0;
    for (const ext of token.matchAll(RECORD_FILE_EXTENSION)) {
      const name = token.slice(token.lastIndexOf('/', ext.index) + 1, ext.index);
      if (/\d/.test(name)) end = ext.index + ext[0].length;
    }
    if (end > 0) result.push({ start: run.index, end: run.index + end });
  }
  return result;
}
