/**
 * Creating a new record file without ever replacing one: the file is created only when
 * nothing (not even a symlink) has its name, and a file created by someone else with the
 * same number first (another window, a terminal, a parallel run) wins: the later one
 * removes its own file and takes another number. Used by `alignment new` and by the
 * editor's Record and Supersede commands.
 */
import { promises as fs, type BigIntStats } from 'node:fs';
import * as nodePath from 'node:path';

/**
 * Writes `text` to `absolutePath` only when nothing has that name. False when the name
 * is taken; any other failure (no such folder, no permission) throws.
 */
export async function createExclusive(absolutePath: string, text: string): Promise<boolean> {
  try {
    await fs.writeFile(absolutePath, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Whether another entry of the folder that `sameNumber` says carries the number of
 * `fileName` was there first (created earlier, or at the same time with an earlier
 * name): then the caller gives the number up.
 */
export async function lostRace(absoluteFolder: string, fileName: string, sameNumber: (name: string) => boolean): Promise<boolean> {
  const mine = await fs.stat(nodePath.join(absoluteFolder, fileName), { bigint: true });
  for (const name of await fs.readdir(absoluteFolder)) {
    if (name === fileName || !sameNumber(name)) continue;
    const theirs = await fs.stat(nodePath.join(absoluteFolder, name), { bigint: true }).catch(() => undefined);
    if (!theirs) continue;
    const [a, b] = createdAt(theirs, mine);
    if (a < b || (a === b && name < fileName)) return true;
  }
  return false;
}

/**
 * When two files were created, comparably: their birth times where the file system keeps
 * them (the editor writes its claimed file once more, which moves its change time), else
 * their change times.
 */
function createdAt(x: BigIntStats, y: BigIntStats): [bigint, bigint] {
  return x.birthtimeNs > 0n && y.birthtimeNs > 0n ? [x.birthtimeNs, y.birthtimeNs] : [x.ctimeNs, y.ctimeNs];
}

/**
 * Removes a file this process created, if it still holds exactly `text` (a file someone
 * changed meanwhile is left alone).
 */
export async function removeIfUnchanged(absolutePath: string, text: string): Promise<void> {
  const now = await fs.readFile(absolutePath, 'utf8').catch(() => undefined);
  if (now === text) await fs.unlink(absolutePath).catch(() => undefined);
}
