/**
 * Ignore rules for the file walk: always-skipped names, the ignore files at any depth
 * (IGNORE_FILES, the common subset: globs, `dir/`, anchored `/x`, `**`, `!negation`), and
 * the configured `exclude` globs. rg applies the same (ripgrepIgnoreArgs).
 */
import { compileGlob, type GlobMatcher } from '../core/glob';

/** Files and folders of these names are never listed (rg: `--glob !name`). */
export const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn', '.vscode-test']);

/** Ignore files, in rg's order of precedence within one folder: a later one overrides. */
export const IGNORE_FILES = ['.gitignore', '.ignore', '.rgignore'] as const;

interface IgnorePattern {
  base: string;
  regex: GlobMatcher;
  negated: boolean;
  directoryOnly: boolean;
  /** A pattern without `/` matches a name: it is tested on the last segment only. */
  nameOnly: boolean;
}

export class IgnoreRules {
  /** Patterns by the folder of their ignore file: a path meets only its ancestors' patterns. */
  private readonly byBase = new Map<string, IgnorePattern[]>();

  /** The configured `exclude` globs, compiled once; an invalid one excludes nothing (config validation reports it). */
  private readonly excludeMatchers: GlobMatcher[];

  constructor(exclude: readonly string[] = []) {
    this.excludeMatchers = exclude.flatMap((glob) => {
      try {
        return [compileGlob(glob)];
      } catch {
        return [];
      }
    });
  }

  /** Adds the lines of an ignore file found in folder `base` ('' for the root). */
  addIgnoreFile(base: string, text: string): void {
    let patterns = this.byBase.get(base);
    if (!patterns) this.byBase.set(base, (patterns = []));
    for (const raw of text.split(/\r?\n/)) {
      let line = raw.trimEnd();
      if (!line || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      if (negated) line = line.slice(1);
      const directoryOnly = line.endsWith('/');
      const glob = directoryOnly ? line.slice(0, -1) : line;
      if (!glob) continue;
      try {
        patterns.push({ base, regex: compileGlob(glob), negated, directoryOnly, nameOnly: !glob.includes('/') });
      } catch {
        // a line that is not a usable glob ignores nothing (git treats it the same way)
      }
    }
  }

  /**
   * True when the workspace-relative path (a file, or a folder when `isDirectory`) is
   * ignored by its own name or path; callers test folders before what is inside them
   * (the walk never enters an ignored folder). The last matching pattern decides, deeper ignore files after shallower ones
   * and, within a folder, in the order of IGNORE_FILES.
   */
  ignores(path: string, isDirectory: boolean): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (ALWAYS_SKIPPED.has(name)) return true;
    if (this.excludeMatchers.some((m) => m.test(path))) return true;
    let ignored = false;
    // Ancestor folders, root first: '' then 'a' then 'a/b' for 'a/b/c'.
    for (let end = -1; ; end = path.indexOf('/', end + 1)) {
      if (end === -1 && this.byBase.size === 0) break;
      const patterns = this.byBase.get(end < 0 ? '' : path.slice(0, end));
      if (patterns) {
        const relative = path.slice(end + 1);
        for (const p of patterns) {
          if (p.directoryOnly && !isDirectory) continue;
          if (p.regex.test(p.nameOnly ? name : relative)) ignored = !p.negated;
        }
      }
      if (path.indexOf('/', end + 1) < 0) break;
    }
    return ignored;
  }
}
