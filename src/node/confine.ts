/**
 * Confinement to the workspace folder: a path the workspace names (a configured folder,
 * `.adr-dir`, a record folder that is a symlink) is used only when it resolves inside
 * the folder, symlinks included. Nothing is read from or written to outside it.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';

export class OutsideWorkspaceError extends Error {}

/** True when `inner` is `outer` or lies under it (both absolute, resolved). */
export function isInside(outer: string, inner: string): boolean {
  const relative = nodePath.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !nodePath.isAbsolute(relative));
}

/**
 * The absolute path of workspace-relative `relative` under `root`, after checking that
 * its deepest existing ancestor resolves (through symlinks) inside the root.
 * Throws OutsideWorkspaceError otherwise.
 */
export async function confinedPath(root: string, relative: string): Promise<string> {
  const realRoot = await fs.realpath(root);
  const absolute = nodePath.resolve(root, relative);
  if (!isInside(nodePath.resolve(root), absolute)) throw new OutsideWorkspaceError(`${relative} is outside the workspace folder`);
  let existing = absolute;
  for (;;) {
    try {
      const real = await fs.realpath(existing);
      if (!isInside(realRoot, real)) throw new OutsideWorkspaceError(`${relative} leads outside the workspace folder (through a symbolic link at ${nodePath.relative(root, existing) || '.'})`);
      return absolute;
    } catch (error) {
      if (error instanceof OutsideWorkspaceError) throw error;
      const parent = nodePath.dirname(existing);
      if (parent === existing) throw error;
      existing = parent;
    }
  }
}
