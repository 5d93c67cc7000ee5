/**
 * Ignore rules for the file walk: always-skipped names, the ignore files at any depth
 * (IGNORE_FILES, the common subset: globs, `dir/`, anchored `/x`, `**`, `!negation`), and
 * the configured `exclude` globs. rg applies the same (ripgrepIgnoreArgs).
 */
import { globToRegExp } from '../core/glob';

/** Files and folders of these names are never listed (rg: `--glob !name`). */
export const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn', '.vscode-test']);

/** Ignore files, in rg's order of precedence within one folder: a later one overrides. */
export const IGNORE_FILES = ['.gitignore', '.ignore', '.rgignore'] as const;

interface IgnorePattern {
  base: string;
  regex: RegExp;
  negated: boolean;
  directoryOnly: boolean;
}

export class IgnoreRules {
  private readonly patterns: IgnorePattern[] = [];

  constructor(private readonly exclude: readonly string[] = []) {}

  /** Adds the lines of an ignore file found in folder `base` ('' for the root). */
  addIgnoreFile(base: string, text: string): void {
    for (const raw of text.split(/\r?\n/)) {
      let line = raw.replace(/\s+$/, '');
      if (!line || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      if (negated) line = line.slice(1);
      const directoryOnly = line.endsWith('/');
      const glob = directoryOnly ? line.slice(0, -1) : line;
      if (!glob) continue;
      this.patterns.push({ base, regex: globToRegExp(glob), negated, directoryOnly });
    }
  }

  /** True when the workspace-relative path (a file, or a folder when `isDirectory`) is ignored. */
  ignores(path: string, isDirectory: boolean): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (ALWAYS_SKIPPED.has(name)) return true;
    if (this.exclude.some((g) => globToRegExp(g).test(path))) return true;
    let ignored = false;
    for (const p of this.patterns) {
      if (p.directoryOnly && !isDirectory) continue;
      if (p.base && !path.startsWith(p.base + '/')) continue;
      const relative = p.base ? path.slice(p.base.length + 1) : path;
      if (p.regex.test(relative)) ignored = !p.negated;
    }
    return ignored;
  }
}
