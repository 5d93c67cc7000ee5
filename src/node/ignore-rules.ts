/**
 * Ignore rules for the file walk: always-skipped folders, `.gitignore` files at any
 * depth (the common subset: globs, `dir/`, anchored `/x`, `**`, `!negation`), and the
 * configured `exclude` globs.
 */
import { compileGlob, matchesGlob, type GlobMatcher } from '../core/glob';

export const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn', '.vscode-test']);

interface IgnorePattern {
  base: string;
  regex: GlobMatcher;
  negated: boolean;
  directoryOnly: boolean;
}

export class IgnoreRules {
  private readonly patterns: IgnorePattern[] = [];

  constructor(private readonly exclude: readonly string[] = []) {}

  /** Adds the lines of an ignore file found in folder `base` ('' for the root). */
  addIgnoreFile(base: string, text: string): void {
    for (const raw of text.split(/\r?\n/)) {
      let line = raw.trimEnd();
      if (!line || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      if (negated) line = line.slice(1);
      const directoryOnly = line.endsWith('/');
      const glob = directoryOnly ? line.slice(0, -1) : line;
      if (!glob) continue;
      try {
        this.patterns.push({ base, regex: compileGlob(glob), negated, directoryOnly });
      } catch {
        // a line that is not a usable glob ignores nothing (git treats it the same way)
      }
    }
  }

  /** True when the workspace-relative path (a file, or a folder when `isDirectory`) is ignored. */
  ignores(path: string, isDirectory: boolean): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (isDirectory && ALWAYS_SKIPPED.has(name)) return true;
    if (this.exclude.some((g) => matchesGlob(path, g))) return true;
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
