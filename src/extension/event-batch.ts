/**
 * What a batch of file events means, given the disk at the time it is applied. Events
 * can arrive coalesced or out of order (a checkout unlinks and recreates each file it
 * writes; a delete can be reported after the create that followed it): the disk decides.
 * A path reported to exist but found missing may be between an unlink and a create, so it
 * is applied as deleted and looked at once more a little later. Free of `vscode`.
 */

import type { PathStat } from '../node/path-stat';

export type { PathStat };

export interface ResolvedBatch {
  /** Path → whether it exists now. */
  events: Map<string, boolean>;
  /** The existing paths that are folders. */
  directories: Set<string>;
  /** Write times of the existing files. */
  modified: Map<string, number>;
  /** Paths reported to exist but missing, not looked at twice yet: to be checked again. */
  recheck: string[];
}

/** `rechecked`: paths this batch looks at for the second time (a miss then is final). */
export function resolveBatch(reported: ReadonlyMap<string, boolean>, stats: ReadonlyMap<string, PathStat>, rechecked: ReadonlySet<string>): ResolvedBatch {
  const resolved: ResolvedBatch = { events: new Map(), directories: new Set(), modified: new Map(), recheck: [] };
  for (const [path, exists] of reported) {
    const stat = stats.get(path);
    resolved.events.set(path, stat !== undefined);
    if (stat?.directory) resolved.directories.add(path);
    else if (stat) resolved.modified.set(path, stat.mtimeMs);
    else if (exists && !rechecked.has(path)) resolved.recheck.push(path);
  }
  return resolved;
}
