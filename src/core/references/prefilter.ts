/**
 * The candidate-file prefilter: a pattern ripgrep (`rg --ignore-case -e`), `git grep -i -E`
 * and a JavaScript `RegExp` with the `i` flag all accept, which every file holding a
 * reference matches. The scanner only needs to see candidate files: a file that does not
 * match cannot yield a reference, so a ripgrep listing of matching files may feed
 * `scanReferences` and skip the rest of the workspace unread.
 *
 * The contract, kept by a unit test over every sample: for any `text`,
 * `scanReferences(path, text, options).length > 0` implies
 * `new RegExp(prefilter.regex, 'i').test(text)` and that `text` contains one of
 * `fixedStrings` (compared case-insensitively). Pass the same `decisionFolders` to both.
 *
 * The pattern keeps to the syntax the three engines share: literals, `[...]` classes,
 * `?` and `|`; no lookaround, no `\b`, no inline flags (case-insensitivity is the caller's
 * flag).
 *
 * `ripgrepRegex` is ripgrep's own, narrower form of the same filter: an id prefix counts
 * only where no ASCII letter, digit or underscore precedes it (`(?-u:\b)`, on bytes), as
 * the scanner's own candidates require. Random text (hashes in lock files, `wasm32`,
 * `nasm2`) then stops making candidates: on a 97k-file tree, 41 candidate files (11 MB,
 * every one a lock file or changelog) became 2, with rg no slower.
 */
import type { ScanOptions } from './scan-references';
import { escapeRegExp, GENERIC_DECISION_FOLDER_NAMES, normaliseFolder } from './record-paths';

export interface ReferencePrefilter {
  /** An extended regular expression, to be used case-insensitively. */
  regex: string;
  /** The same filter in ripgrep's syntax, narrower: for `rg --ignore-case -e`. */
  ripgrepRegex: string;
  /** Literals, one of which every candidate file contains (case-insensitively), for `rg -F -i` / `git grep -F -i`. */
  fixedStrings: string[];
  /**
   * The narrower literal form, for a byte-level search (literal-prefilter.ts): every
   * candidate file holds one of `otherLiterals` anywhere, or one of `idPrefixes` where an
   * id starts (not after an ASCII letter, digit or `_`, and before `[-_ ]?[0-9]`).
   */
  idPrefixes: string[];
  otherLiterals: string[];
}

export function referencePrefilter(options: ScanOptions): ReferencePrefilter {
  const prefixes = [...new Set([options.decisionPrefix, options.assumptionPrefix].filter(Boolean).map((p) => p.toUpperCase()))];
  const folders = [
    ...GENERIC_DECISION_FOLDER_NAMES,
    ...options.decisionFolders.map(normaliseFolder).filter((f) => f.length > 0 && !GENERIC_DECISION_FOLDER_NAMES.includes(lastSegment(f))),
  ];
  const uniqueFolders = [...new Set(folders)];

  const ids = prefixes.map((p) => `${escapeRegExp(p)}[-_ ]?[0-9]`);
  const others = ['dl:adr', '@adr', ...uniqueFolders.map((f) => `${escapeRegExp(f)}/`)];
  // Prefixes are letters only (the configuration's schema), so `\b` before one means
  // "not after a word character"; without `u`, a byte that is not ASCII is no word character.
  // Written as one group of prefixes before one `[-_ ]?[0-9]`: grouping the whole
  // alternatives instead made rg search the 97k-file tree 1.5 × slower.
  const boundedIds = prefixes.length ? [`(?-u:\\b)(?:${prefixes.map(escapeRegExp).join('|')})[-_ ]?[0-9]`] : [];
  const otherLiterals = ['dl:adr', '@adr', ...uniqueFolders.map((f) => `${f}/`)];
  return {
    regex: [...ids, ...others].join('|'),
    ripgrepRegex: [...boundedIds, ...others].join('|'),
    fixedStrings: minimalLiterals([...prefixes, ...otherLiterals]),
    idPrefixes: prefixes,
    otherLiterals: minimalLiterals(otherLiterals),
  };
}

function lastSegment(folder: string): string {
  return folder.slice(folder.lastIndexOf('/') + 1);
}

/** Drops literals that contain another literal (case-insensitively): the shorter one already matches. */
function minimalLiterals(literals: string[]): string[] {
  const unique = [...new Set(literals)];
  return unique.filter((a, i) => !unique.some((b, j) => j !== i && a.toLowerCase() !== b.toLowerCase() && a.toLowerCase().includes(b.toLowerCase())));
}
