/**
 * Record folders that exist but cannot be read. Walking skips what it cannot read, so
 * without this check an unreadable `docs/adr` would make every decision vanish and the
 * check pass; the CLI makes it an error (exit 2) and the editor a message.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { AlignmentConfig } from '../core/config';
import { DEFAULT_DECISION_FOLDERS, type Layout } from '../core/layout';

export interface UnreadableFolder {
  folder: string;
  reason: string;
}

/**
 * The configured, detected and conventional record folders under `root` that exist and
 * cannot be listed. The folders are looked at all at once: one after another, their 30
 * or so file-system calls took 150–200 ms of an editor's first index on a busy host.
 */
export async function unreadableFolders(root: string, ws: { layout: Layout; config: AlignmentConfig }): Promise<UnreadableFolder[]> {
  const candidates = [...new Set([...ws.config.decisionFolders, ...ws.layout.decisionFolders, ...DEFAULT_DECISION_FOLDERS, ...ws.config.assumptionFolders])];
  const reasons = await Promise.all(candidates.map((folder) => whyUnreadable(nodePath.join(root, folder))));
  return candidates.flatMap((folder, i) => {
    const reason = reasons[i];
    return reason ? [{ folder, reason }] : [];
  });
}

/**
 * Why a folder that is there cannot be listed (`EACCES`, `ELOOP` for a symbolic link
 * that loops, …); undefined when it can, or when nothing is there (a missing folder, a
 * link to nothing) or a file is.
 */
export async function whyUnreadable(absolute: string): Promise<string | undefined> {
  if (!(await fs.lstat(absolute).then(() => true, () => false))) return undefined;
  const code = (error: NodeJS.ErrnoException) => error.code ?? String(error);
  let stat;
  try {
    stat = await fs.stat(absolute);
  } catch (error) {
    const reason = code(error as NodeJS.ErrnoException);
    return reason === 'ENOENT' || reason === 'ENOTDIR' ? undefined : reason;
  }
  if (!stat.isDirectory()) return undefined;
  return fs.readdir(absolute).then(() => undefined, code);
}
