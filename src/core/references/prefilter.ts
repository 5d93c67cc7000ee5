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
 */
import type { ScanOptions } from './scan-references';
import { escapeRegExp, GENERIC_DECISION_FOLDER_NAMES, normaliseFolder } from './record-paths';

export interface ReferencePrefilter {
  /** An extended regular expression, to be used case-insensitively. */
  regex: string;
  /** Literals, one of which every candidate file contains (case-insensitively), for `rg -F -i` / `git grep -F -i`. */
  fixedStrings: string[];
}

export function referencePrefilter(options: ScanOptions): ReferencePrefilter {
  const prefixes = [...new Set([options.decisionPrefix, options.assumptionPrefix].filter(Boolean).map((p) => p.toUpperCase()))];
  const folders = [
    ...GENERIC_DECISION_FOLDER_NAMES,
    ...options.decisionFolders.map(normaliseFolder).filter((f) => f.length > 0 && !GENERIC_DECISION_FOLDER_NAMES.includes(lastSegment(f))),
  ];
  const uniqueFolders = [...new Set(folders)];

  const alternatives = [
    ...prefixes.map((p) => `${escapeRegExp(p)}[-_ ]?[0-9]`),
    'dl:adr',
    '@adr',
    ...uniqueFolders.map((f) => `${escapeRegExp(f)}/`),
  ];
  const literals = [...prefixes, 'dl:adr', '@adr', ...uniqueFolders.map((f) => `${f}/`)];
  return { regex: alternatives.join('|'), fixedStrings: minimalLiterals(literals) };
}

function lastSegment(folder: string): string {
  return folder.slice(folder.lastIndexOf('/') + 1);
}

/** Drops literals that contain another literal (case-insensitively): the shorter one already matches. */
function minimalLiterals(literals: string[]): string[] {
  const unique = [...new Set(literals)];
  return unique.filter((a, i) => !unique.some((b, j) => j !== i && a.toLowerCase() !== b.toLowerCase() && a.toLowerCase().includes(b.toLowerCase())));
}
