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

/** The configured, detected and conventional record folders under `root` that exist and cannot be listed. */
export async function unreadableFolders(root: string, ws: { layout: Layout; config: AlignmentConfig }): Promise<UnreadableFolder[]> {
  const candidates = new Set([...ws.config.decisionFolders, ...ws.layout.decisionFolders, ...DEFAULT_DECISION_FOLDERS, ...ws.config.assumptionFolders]);
  const result: UnreadableFolder[] = [];
  for (const folder of candidates) {
    const absolute = nodePath.join(root, folder);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat?.isDirectory()) continue;
    const reason = await fs.readdir(absolute).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => error.code ?? String(error),
    );
    if (reason) result.push({ folder, reason });
  }
  return result;
}
