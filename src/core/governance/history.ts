/**
 * Records' status over time, from version control. Pure: it reads the text of a
 * `git log` and the contents of the file versions it names, and returns per record
 * file the commits where its status changed (oldest first).
 *
 * The log is the one `src/node/git-history.ts` runs:
 *   git log -z --raw -M --no-abbrev --reverse --format=%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%ae -- <folders>
 * Renames (`R<score>`) carry a file's history to its new path; a path deleted and added
 * again keeps its history (a record's identity is its path, as in `git log -- <path>`).
 * Merges list no changes by default (their branches' commits do); a log made with
 * `--diff-merges=first-parent` repeats what a branch already did, which adds no entry
 * as long as the status is unchanged, while an "evil" merge that changed it does.
 */
import type { HistoryEntry } from '../model';

/** One file change of a commit, as `--raw` states it. */
export interface LogChange {
  /** A added, M modified, D deleted, R renamed, C copied, T type changed. */
  kind: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  /** The path before the change (renames and copies), else the path. */
  from: string;
  path: string;
  /** The blob after the change; undefined for a deletion. */
  blob?: string;
}

export interface LogCommit {
  commit: string;
  parents: string[];
  /** ISO 8601 author date as git prints it. */
  date: string;
  author: string;
  email: string;
  changes: LogChange[];
}

export const LOG_FORMAT = '%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%ae';
const ZERO_BLOB = /^0+$/;

/** Parses `git log -z --raw` output in LOG_FORMAT. Lines it does not understand are skipped. */
export function parseGitLog(text: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const chunk of text.split('\x1e')) {
    if (!chunk.trim()) continue;
    const headerEnd = chunk.indexOf('\0');
    const header = (headerEnd < 0 ? chunk : chunk.slice(0, headerEnd)).replace(/\n+$/, '');
    const [commit, parents = '', date = '', author = '', email = ''] = header.split('\x1f');
    if (!/^[0-9a-f]{7,64}$/.test(commit)) continue;
    const changes: LogChange[] = [];
    const tokens = headerEnd < 0 ? [] : chunk.slice(headerEnd + 1).split('\0');
    for (let i = 0; i < tokens.length; i++) {
      const meta = tokens[i].replace(/^\s+/, '');
      if (!meta.startsWith(':') || meta.startsWith('::')) continue;
      // :<old mode> <new mode> <old blob> <new blob> <status>
      const fields = meta.slice(1).split(' ');
      if (fields.length < 5) continue;
      const status = fields[4];
      const kind = status.charAt(0) as LogChange['kind'];
      const twoPaths = kind === 'R' || kind === 'C';
      const from = tokens[++i];
      const path = twoPaths ? tokens[++i] : from;
      if (from === undefined || path === undefined || !'AMDRCT'.includes(kind)) continue;
      const blob = kind === 'D' || ZERO_BLOB.test(fields[3]) ? undefined : fields[3];
      changes.push({ kind, from, path, blob });
    }
    commits.push({ commit, parents: parents.split(' ').filter(Boolean), date, author, email, changes });
  }
  return commits;
}

/**
 * The statuses a version of a file states: one entry per record in it, keyed by
 * RECORD_KEY for a decision file (its identity is its path) or by assumption id.
 */
export type StatusesOf = (path: string, text: string) => ReadonlyMap<string, string>;

/** The key of a decision file's one record in a StatusesOf result. */
export const RECORD_KEY = '';

/** History by current path, then by record key (RECORD_KEY or an assumption id). */
export type FileHistories = Map<string, Map<string, HistoryEntry[]>>;

/**
 * Walks commits oldest first and records, per file lineage, each commit after which a
 * record's status differs from the one before (its first version always counts).
 * `blobText` gives a version's text (undefined when it could not be read: skipped).
 * A builder may be fed several ranges in order (a full log, then `old..new`).
 */
export class HistoryBuilder {
  private readonly lineages = new Map<string, Lineage>();
  /** Lineages of deleted paths: a record added again at its path continues its history. */
  private readonly removed = new Map<string, Lineage>();
  /**
   * `statusCache`: the statuses of versions parsed before, by `statusKey` (given, it may
   * be shared by builders of the same StatusesOf: a walk after a new commit then parses
   * only the new versions).
   */
  constructor(
    private readonly statusesOf: StatusesOf,
    private readonly statusCache = new Map<string, ReadonlyMap<string, string>>(),
  ) {}

  /** Which paths' history the next range needs read: the blobs of record-like changes whose statuses are not cached. */
  blobsOf(commits: readonly LogCommit[], wanted: (path: string) => boolean): string[] {
    const blobs = new Set<string>();
    for (const c of commits) {
      for (const ch of c.changes) if (ch.blob && wanted(ch.path) && !this.statusCache.has(statusKey(ch.path, ch.blob))) blobs.add(ch.blob);
    }
    return [...blobs];
  }

  apply(commits: readonly LogCommit[], blobText: (blob: string) => string | undefined, wanted: (path: string) => boolean = () => true): void {
    for (const commit of commits) for (const change of commit.changes) this.applyChange(commit, change, blobText, wanted);
  }

  /**
   * `apply` in slices: after each change, when `slice.due`, it awaits `slice.next()` (an
   * editor's event loop runs meanwhile). Each version parsed costs about 0.3 ms, and a
   * history of thousands of versions would otherwise hold the thread for seconds.
   */
  async applyInSlices(
    commits: readonly LogCommit[],
    blobText: (blob: string) => string | undefined,
    wanted: (path: string) => boolean,
    slice: { readonly due: boolean; next(): Promise<void> },
  ): Promise<void> {
    for (const commit of commits) {
      for (const change of commit.changes) {
        this.applyChange(commit, change, blobText, wanted);
        if (slice.due) await slice.next();
      }
    }
  }

  private applyChange(commit: LogCommit, change: LogChange, blobText: (blob: string) => string | undefined, wanted: (path: string) => boolean): void {
    if (change.kind === 'D') {
      const gone = this.lineages.get(change.path);
      if (gone) this.removed.set(change.path, gone);
      this.lineages.delete(change.path);
      return;
    }
    let lineage: Lineage | undefined;
    // A merge's first-parent diff repeats an add or rename its branch already made:
    // the lineage found at the new path is then the one to keep.
    if (change.kind === 'R') {
      lineage = this.lineages.get(change.from) ?? this.lineages.get(change.path);
      this.lineages.delete(change.from);
    } else if (change.kind === 'C') {
      const source = this.lineages.get(change.from);
      lineage = this.lineages.get(change.path) ?? (source ? cloneLineage(source) : undefined);
    } else {
      // A record's identity is its path: deleted and added again, it is the same record.
      lineage = this.lineages.get(change.path) ?? this.removed.get(change.path);
    }
    this.removed.delete(change.path);
    lineage ??= { entries: new Map(), last: new Map() };
    this.lineages.set(change.path, lineage);
    if (!change.blob || !wanted(change.path)) return;
    const statuses = this.statusesAt(change.path, change.blob, blobText);
    if (!statuses) return;
    for (const [key, status] of statuses) {
      if (lineage.last.get(key) === status) continue;
      lineage.last.set(key, status);
      const list = lineage.entries.get(key);
      const entry: HistoryEntry = { commit: commit.commit, date: commit.date.slice(0, 10), author: commit.author || commit.email, status };
      if (list) list.push(entry);
      else lineage.entries.set(key, [entry]);
    }
  }

  /** Histories of the files that exist after the last range applied. */
  result(): FileHistories {
    const result: FileHistories = new Map();
    for (const [path, lineage] of this.lineages) if (lineage.entries.size > 0) result.set(path, lineage.entries);
    return result;
  }

  private statusesAt(path: string, blob: string, blobText: (blob: string) => string | undefined): ReadonlyMap<string, string> | undefined {
    const cacheKey = statusKey(path, blob);
    let statuses = this.statusCache.get(cacheKey);
    if (!statuses) {
      const text = blobText(blob);
      if (text === undefined) return undefined;
      statuses = this.statusesOf(path, text);
      this.statusCache.set(cacheKey, statuses);
    }
    return statuses;
  }
}

/** A version's key in the status cache: the same blob reads as YAML or as Markdown by its path. */
function statusKey(path: string, blob: string): string {
  return `${blob} ${path.endsWith('.yaml') || path.endsWith('.yml') ? 'y' : 'm'}`;
}

interface Lineage {
  entries: Map<string, HistoryEntry[]>;
  last: Map<string, string>;
}

function cloneLineage(source: Lineage): Lineage {
  return { entries: new Map([...source.entries].map(([k, v]) => [k, [...v]])), last: new Map(source.last) };
}

/** "proposed 2026-10-02 by alice · accepted 2026-10-09 by bob" */
export function historyText(entries: readonly HistoryEntry[] | undefined): string {
  return (entries ?? []).map((e) => `${e.status} ${e.date} by ${e.author}`).join(' · ');
}

/** The date the record last entered `status` (from its history), if it did. */
export function enteredStatus(entries: readonly HistoryEntry[] | undefined, status: string): string | undefined {
  if (!entries) return undefined;
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].status === status) return entries[i].date;
  return undefined;
}

/** Why history is missing for a folder, when it is: shown beside dates taken from the records. */
export type HistoryUnavailable = 'restricted' | 'no-git' | 'not-a-repository' | 'shallow' | 'no-commits' | 'failed';

export const HISTORY_UNAVAILABLE_TEXT: Record<HistoryUnavailable, string> = {
  restricted: 'history from git is not available in Restricted Mode; dates are from the records',
  'no-git': 'git was not found; dates are from the records',
  'not-a-repository': 'not a git repository; dates are from the records',
  shallow: 'shallow clone: git history is incomplete, so dates are from the records',
  'no-commits': 'no commits yet; dates are from the records',
  failed: 'git history could not be read; dates are from the records',
};
