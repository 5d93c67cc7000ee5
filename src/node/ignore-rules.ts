/**
 * Ignore rules for the file walk: always-skipped names, the ignore files at any depth
 * (IGNORE_FILES, the common subset: globs, `dir/`, anchored `/x`, `**`, `!negation`), and
 * the configured `exclude` globs. rg applies the same (ripgrepIgnoreArgs).
 */
import { compileGlob, compileGlobSet, type GlobSet } from '../core/glob';

/** Files and folders of these names are never listed (rg: `--glob !name`). */
export const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn', '.vscode-test']);

/** Ignore files, in rg's order of precedence within one folder: a later one overrides. */
export const IGNORE_FILES = ['.gitignore', '.ignore', '.rgignore'] as const;
/** Ignore files larger than this are not read (they ignore nothing); none is, in practice. */
export const IGNORE_FILE_MAX_BYTES = 16 * 1024 * 1024;

interface IgnorePattern {
  glob: string;
  negated: boolean;
  directoryOnly: boolean;
  /** A pattern without `/` matches a name: it is tested on the last segment only. */
  nameOnly: boolean;
}

/**
 * One folder's patterns, as up to four automata: patterns on the name and on the path
 * below the folder, for any path and for folders only. Each tells the last of its
 * patterns that matches; the last of those decides, as the order of the lines would.
 */
interface FolderPatterns {
  patterns: IgnorePattern[];
  /** Built at the first test after a change; the indexes of its patterns in `patterns`. */
  groups?: Array<{ nameOnly: boolean; directoryOnly: boolean; set: GlobSet; indexes: number[] }>;
}

export class IgnoreRules {
  /** Patterns by the folder of their ignore file: a path meets only its ancestors' patterns. */
  private readonly byBase = new Map<string, FolderPatterns>();

  /** The configured `exclude` globs, in one automaton; an invalid one excludes nothing (config validation reports it). */
  private readonly excludeSet: GlobSet | undefined;

  constructor(exclude: readonly string[] = []) {
    this.excludeSet = exclude.length ? compileGlobSet(exclude) : undefined;
  }

  /** Adds the lines of an ignore file found in folder `base` ('' for the root). */
  addIgnoreFile(base: string, text: string): void {
    let folder = this.byBase.get(base);
    if (!folder) this.byBase.set(base, (folder = { patterns: [] }));
    folder.groups = undefined;
    for (const raw of text.split(/\r?\n/)) {
      let line = raw.trimEnd();
      if (!line || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      if (negated) line = line.slice(1);
      const directoryOnly = line.endsWith('/');
      const glob = directoryOnly ? line.slice(0, -1) : line;
      if (!glob) continue;
      try {
        compileGlob(glob);
      } catch {
        continue; // a line that is not a usable glob ignores nothing (git treats it the same way)
      }
      folder.patterns.push({ glob, negated, directoryOnly, nameOnly: !glob.includes('/') });
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
    if (this.excludeSet?.test(path)) return true;
    let ignored = false;
    // Ancestor folders, root first: '' then 'a' then 'a/b' for 'a/b/c'.
    for (let end = -1; ; end = path.indexOf('/', end + 1)) {
      if (end === -1 && this.byBase.size === 0) break;
      const folder = this.byBase.get(end < 0 ? '' : path.slice(0, end));
      if (folder) {
        const relative = path.slice(end + 1);
        let last = -1;
        for (const group of (folder.groups ??= groupsOf(folder.patterns))) {
          if (group.directoryOnly && !isDirectory) continue;
          const match = group.set.lastMatch(group.nameOnly ? name : relative);
          if (match >= 0 && group.indexes[match] > last) last = group.indexes[match];
        }
        if (last >= 0) ignored = !folder.patterns[last].negated;
      }
      if (path.indexOf('/', end + 1) < 0) break;
    }
    return ignored;
  }
}

function groupsOf(patterns: readonly IgnorePattern[]): NonNullable<FolderPatterns['groups']> {
  const groups: NonNullable<FolderPatterns['groups']> = [];
  for (const nameOnly of [true, false]) {
    for (const directoryOnly of [false, true]) {
      const indexes = patterns.flatMap((p, i) => (p.nameOnly === nameOnly && p.directoryOnly === directoryOnly ? [i] : []));
      if (indexes.length) groups.push({ nameOnly, directoryOnly, set: compileGlobSet(indexes.map((i) => patterns[i].glob)), indexes });
    }
  }
  return groups;
}
