/**
 * How many references from code point at decisions, for the walkthrough's "code linked"
 * step. Free of `vscode`: a folder is anything with an index and its latest change.
 */
import type { AlignmentIndex } from '../core/alignment-index';

/** What the count needs of a FolderIndex. */
export interface CountedFolder {
  readonly index: AlignmentIndex | undefined;
  /** The files whose findings the latest change may have altered; undefined: anything. */
  readonly lastChange: readonly string[] | undefined;
}

/** References from one file to decisions. */
function decisionReferencesIn(index: AlignmentIndex, path: string): number {
  let count = 0;
  for (const ref of index.referencesIn(path)) if (ref.target && index.lookup(ref.target)?.kind === 'decision') count++;
  return count;
}

/**
 * References to decisions, per folder, kept current from the files each change names
 * (FolderIndex.lastChange): a folder is counted in full only at first and after a change
 * that may have touched anything (a rebuild, a record edited). Counting every reference
 * after each change cost 140 ms on 2,000 referencing files.
 */
export class DecisionReferenceCount {
  private readonly byFolder = new Map<CountedFolder, { perPath: Map<string, number>; total: number }>();
  /** Folders changed since the last count: the files named, or `all`. */
  private readonly changed = new Map<CountedFolder, Set<string> | 'all'>();

  /** Notes a folder's change as it happens (lastChange names only the latest one). */
  note(folder: CountedFolder): void {
    const paths = folder.lastChange;
    const known = this.changed.get(folder);
    if (!paths || known === 'all') {
      this.changed.set(folder, 'all');
      return;
    }
    const set = known ?? new Set<string>();
    for (const path of paths) set.add(path);
    this.changed.set(folder, set);
  }

  total(folders: readonly CountedFolder[]): number {
    let total = 0;
    for (const folder of folders) {
      const index = folder.index;
      if (!index) continue;
      const changed = this.changed.get(folder);
      this.changed.delete(folder);
      let counts = this.byFolder.get(folder);
      // Counted in full from nothing, or only the files changed since.
      let paths: Iterable<string>;
      if (!counts || changed === 'all') {
        this.byFolder.set(folder, (counts = { perPath: new Map(), total: 0 }));
        paths = index.referencePaths();
      } else paths = changed ?? [];
      for (const path of paths) {
        const count = decisionReferencesIn(index, path);
        counts.total += count - (counts.perPath.get(path) ?? 0);
        if (count > 0) counts.perPath.set(path, count);
        else counts.perPath.delete(path);
      }
      total += counts.total;
    }
    // A folder no longer counted (removed from the workspace) is let go, with its index.
    for (const map of [this.byFolder, this.changed]) for (const folder of map.keys()) if (!folders.includes(folder)) map.delete(folder);
    return total;
  }
}
