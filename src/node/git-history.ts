/**
 * Status history of a folder's records from git: one `git log` over the record folders
 * (renames followed, also from folders the records were moved out of), and the file
 * versions it names read in one `git cat-file --batch`. The walk itself is the core's
 * (core/governance/history). Cached by HEAD: the same HEAD costs one `rev-parse`.
 * Run only where processes are allowed (trusted workspaces, the CLI).
 */
import * as nodePath from 'node:path';
import { HistoryBuilder, LOG_FORMAT, parseGitLog, type FileHistories, type HistoryUnavailable, type LogCommit } from '../core/governance/history';
import { isHistoryPath, statusesOf, type StatusOptions } from '../core/governance/record-statuses';
import { catFileBatch, gitAt, probeRepository } from './git';
import { TimeSlice } from './time-slice';

export type HistoryResult =
  /** `parsed`: the record versions this walk read and parsed (the others' statuses were known). */
  | { available: true; head: string; histories: FileHistories; commits: number; parsed: number; folders: string[] }
  | { available: false; reason: HistoryUnavailable };

/** Folders the records were moved out of are followed this many moves back. */
const MAX_FOLLOW = 3;
const MAX_BLOB_BYTES = 1024 * 1024;
const cache = new Map<string, { head: string; result: HistoryResult }>();
/** Folders records were moved out of, found by an earlier walk: the next HEAD's walk includes them from the start. */
const movedFrom = new Map<string, string[]>();

/**
 * Statuses of the versions parsed so far, per prefix pair (what statusesOf depends on):
 * HEAD moves with every commit, and the walk after it parses only the versions it adds.
 * Dropped whole beyond MAX_CACHED_VERSIONS (about 250 bytes each: 6 MB at most).
 */
const statusCaches = new Map<string, Map<string, ReadonlyMap<string, string>>>();
const MAX_CACHED_VERSIONS = 25_000;

function statusCacheFor(options: StatusOptions): Map<string, ReadonlyMap<string, string>> {
  const key = `${options.decisionPrefix} ${options.assumptionPrefix}`;
  let statuses = statusCaches.get(key);
  if (!statuses || statuses.size > MAX_CACHED_VERSIONS) statusCaches.set(key, (statuses = new Map()));
  return statuses;
}

/** `folders`: workspace-relative record folders (decision and assumption folders, and the register's). */
export async function readGitHistory(root: string, folders: readonly string[], options: StatusOptions): Promise<HistoryResult> {
  const probe = await probeRepository(root);
  if ('missing' in probe) return { available: false, reason: probe.missing };
  const { repo } = probe;
  if (repo.shallow) return { available: false, reason: 'shallow' };
  if (!repo.head) return { available: false, reason: 'no-commits' };
  const key = JSON.stringify([nodePath.resolve(root), [...folders].sort(), options.decisionPrefix, options.assumptionPrefix]);
  const cached = cache.get(key);
  if (cached?.head === repo.head) return cached.result;
  let result: HistoryResult;
  try {
    result = await walk(root, repo.prefix, repo.head, folders, options, movedFrom.get(key) ?? []);
    if (result.available) movedFrom.set(key, result.folders);
  } catch {
    result = { available: false, reason: 'failed' };
  }
  cache.set(key, { head: repo.head, result });
  return result;
}

async function walk(root: string, prefix: string, head: string, folders: readonly string[], options: StatusOptions, known: readonly string[]): Promise<HistoryResult> {
  const git = gitAt(root);
  const repoFolders = new Set([...folders.map((f) => (f === '' || f === '.' ? prefix.replace(/\/$/, '') : prefix + f)), ...known]);
  const log = async (): Promise<LogCommit[]> =>
    parseGitLog(
      await git.raw([
        'log', '-z', '--raw', '-M', '--no-abbrev', '--reverse', `--format=${LOG_FORMAT}`, head, '--',
        ...[...repoFolders].map((f) => (f ? `:(top)${f}` : ':(top)')),
      ]),
    );
  let commits = await log();
  const probed = new Set<string>();
  for (let round = 0; round < MAX_FOLLOW; round++) {
    // Records that appear as added may have been moved in from another folder.
    const added = new Map<string, Set<string>>();
    for (const c of commits) {
      if (probed.has(c.commit)) continue;
      for (const ch of c.changes) {
        if (ch.kind !== 'A' || !isHistoryPath(ch.path)) continue;
        const set = added.get(c.commit);
        if (set) set.add(ch.path);
        else added.set(c.commit, new Set([ch.path]));
      }
    }
    if (added.size === 0) break;
    for (const sha of added.keys()) probed.add(sha);
    const moved = new Set<string>();
    const shas = [...added.keys()];
    for (let i = 0; i < shas.length; i += 200) {
      // Only the renames are printed (`--diff-filter=R`): a commit that added the whole
      // tree (an import, a repository's first commit) would otherwise list every file.
      const text = await git.raw(['log', '--no-walk=unsorted', '-z', '--raw', '-M', '--diff-filter=R', '--no-abbrev', `--format=${LOG_FORMAT}`, ...shas.slice(i, i + 200)]);
      for (const c of parseGitLog(text)) {
        for (const ch of c.changes) {
          if (ch.kind !== 'R' || !added.get(c.commit)?.has(ch.path)) continue;
          const from = ch.from.includes('/') ? ch.from.slice(0, ch.from.lastIndexOf('/')) : '';
          if (![...repoFolders].some((f) => from === f || from.startsWith(f + '/'))) moved.add(from);
        }
      }
    }
    if (moved.size === 0) break;
    for (const f of moved) repoFolders.add(f);
    commits = await log();
  }

  const builder = new HistoryBuilder(statusesOf(options), statusCacheFor(options));
  const unknown = builder.blobsOf(commits, isHistoryPath);
  const objects = await catFileBatch(root, unknown);
  // In slices: the versions are parsed on the caller's thread (an editor's extension host).
  await builder.applyInSlices(
    commits,
    (blob) => {
      const object = objects.get(blob);
      if (!object || object.type !== 'blob' || object.data.length > MAX_BLOB_BYTES || object.data.includes(0)) return undefined;
      return object.data.toString('utf8');
    },
    isHistoryPath,
    new TimeSlice(),
  );
  const histories: FileHistories = new Map();
  for (const [repoPath, entries] of builder.result()) {
    if (repoPath.startsWith(prefix)) histories.set(repoPath.slice(prefix.length), entries);
  }
  return { available: true, head, histories, commits: commits.length, parsed: unknown.length, folders: [...repoFolders] };
}

/** Drops cached histories (tests; a repository rewritten under the same HEAD). */
export function forgetGitHistory(): void {
  cache.clear();
  movedFrom.clear();
  statusCaches.clear();
}
