/**
 * What a file event's path is now, by one synchronous stat (a symlink is followed; one
 * whose target is gone counts as missing). Run on the extension host's thread in slices,
 * or in the reference worker for a large batch.
 */
import { statSync } from 'node:fs';
import * as nodePath from 'node:path';

/** A path's kind and write time; undefined when it does not exist. */
export type PathStat = { directory: boolean; mtimeMs: number } | undefined;

export function statPath(root: string, path: string): PathStat {
  try {
    const stat = statSync(nodePath.join(root, path), { throwIfNoEntry: false });
    return stat && { directory: stat.isDirectory(), mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}
