/**
 * One FolderIndex per workspace folder, kept current by a file watcher (create,
 * change, delete; a rename is a delete plus a create), by edits in open editors, and by
 * settings changes. Events are debounced: a burst of hundreds (a branch switch) costs
 * one update.
 */
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { AlignmentIndex } from '../core/alignment-index';
import type { AlignmentRecord } from '../core/model';
import { statPath } from '../node/path-stat';
import { BusyTime, TimeSlice } from '../node/time-slice';
import { resolveBatch, type PathStat } from './event-batch';
import { FolderIndex } from './folder-index';
import { ReferenceThread } from '../node/reference-thread';
import { SETTINGS_SECTION } from './ids';
import { editorScanners } from './scanner-choice';

const FILE_EVENT_DELAY_MS = 150;
/** Folders not on disk: file events are checked (one stat each) this many at a time. */
const STAT_CONCURRENCY = 32;

/**
 * Each path's kind and write time, undefined when it is gone. On disk: in the reference
 * worker for a large batch, else synchronous stats in slices of a few milliseconds, yielding between them (a promise per stat costs the
 * extension host's thread several times more; a branch switch's 2,000 events took 76–112
 * ms so). Elsewhere: `vscode.workspace.fs`, several at a time.
 */
async function statsOf(folder: FolderIndex, paths: readonly string[], busy: BusyTime): Promise<Map<string, PathStat>> {
  const stats = new Map<string, PathStat>();
  if (folder.folder.uri.scheme === 'file') {
    const root = folder.folder.uri.fsPath;
    const offThread = paths.length >= folder.offThreadMinFiles ? await busy.wait(folder.statOffThread(paths)) : undefined;
    if (offThread) {
      paths.forEach((path, i) => stats.set(path, offThread[i]));
      return stats;
    }
    const slice = new TimeSlice(undefined, busy);
    for (const path of paths) {
      if (slice.due) await slice.next();
      stats.set(path, statPath(root, path));
    }
    return stats;
  }
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      try {
        const stat = await vscode.workspace.fs.stat(folder.uriOf(path));
        stats.set(path, { directory: (stat.type & vscode.FileType.Directory) !== 0, mtimeMs: stat.mtime });
      } catch {
        stats.set(path, undefined);
      }
    }
  };
  await busy.wait(Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, paths.length) }, worker)));
  return stats;
}

/** Files git writes when HEAD or a ref moves (commit, checkout, fetch, branch). */
function isGitStatePath(path: string): boolean {
  return path === '.git/HEAD' || path === '.git/packed-refs' || path.startsWith('.git/refs/');
}
const EDIT_DELAY_MS = 250;
/** A path reported to exist but found missing is looked at again after this long (once). */
const RECHECK_MS = 1000;
/** After a checkout, the file events must have stopped this long before a changed file counts as unseen. */
const UNSEEN_QUIET_MS = 1000;

export class IndexService implements vscode.Disposable {
  private readonly folders = new Map<string, FolderIndex>();
  /** Shared by the folders: reads large batches of code files off this thread (bundled next to extension.js). */
  readonly referenceThread = new ReferenceThread(nodePath.join(__dirname, 'reference-worker.js'));
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<string, Map<string, boolean>>();
  private flushTimer: NodeJS.Timeout | undefined;
  private lastEventAt = 0;
  private flushing: Promise<void> = Promise.resolve();
  /** Checks after checkouts for files no event brought in (queueUnseen), one at a time. */
  private unseenCheck: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly editTimers = new Map<string, NodeJS.Timeout>();
  /** Per folder: paths queued for their second look (see resolveBatch). */
  private readonly rechecked = new Map<string, Set<string>>();
  private readonly recheckTimers = new Set<NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<FolderIndex>();
  /** Fires with the folder whose index changed. */
  readonly onDidChange = this.changed.event;
  /**
   * File-event batches applied so far: how many, how many paths, the time spent on them
   * (checks, reads, findings: `ms` from start to end, `threadMs` this thread was busy
   * with them, waits not counted), as `eventMs`, the time spent taking the events in, and
   * as `unseen`, the files a checkout changed that came in without a file event (queueUnseen).
   */
  readonly batchStats = { batches: 0, paths: 0, ms: 0, eventMs: 0, threadMs: 0, unseen: 0 };

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      this.changed,
      watcher.onDidCreate((uri) => this.queue(uri, true)),
      watcher.onDidChange((uri) => this.queue(uri, true)),
      watcher.onDidDelete((uri) => this.queue(uri, false)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.scheduleEdit(e.document);
      }),
      // Closing an editor with unsaved text: the file on disk counts again.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.isDirty || document.uri.scheme === 'file') this.queue(document.uri, true);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const removed of e.removed) this.removeFolder(removed);
        for (const added of e.added) this.addFolder(added);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const folder of this.folders.values()) {
          if (e.affectsConfiguration(SETTINGS_SECTION, folder.folder.uri)) void folder.configurationChanged();
          else if (e.affectsConfiguration('files.exclude', folder.folder.uri) || e.affectsConfiguration('search.exclude', folder.folder.uri)) void folder.rebuild();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.rebuildAll()),
    );
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.addFolder(folder);
  }

  /** Every folder's index, in workspace order. */
  all(): FolderIndex[] {
    return [...this.folders.values()];
  }

  folderOf(uri: vscode.Uri): FolderIndex | undefined {
    // Most URIs name a file under a folder's path as written: that folder (the innermost
    // when folders nest), without getWorkspaceFolder's lookup, which cost 16 ms over a
    // branch switch's 2,000 events. Other spellings (case, `..`) go through VS Code.
    let found: FolderIndex | undefined;
    let longest = 0;
    for (const candidate of this.folders.values()) {
      const length = candidate.prefixLength(uri);
      if (length > longest) [found, longest] = [candidate, length];
    }
    if (found) return found;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  /** Resolves once every folder's git facts (histories, other branches) are read. */
  async whenGitReady(): Promise<void> {
    await this.whenIdle();
    await Promise.all(this.all().map((f) => f.whenGitReady()));
  }

  /** Resolves once every folder's index is built and pending events are applied. */
  async whenIdle(): Promise<void> {
    await Promise.all(this.all().map((f) => f.whenReady()));
    await this.unseenCheck;
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }
    for (const [key, timer] of this.editTimers) {
      clearTimeout(timer);
      this.editTimers.delete(key);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (document) this.folderOf(document.uri)?.updateFromDocument(document);
    }
    await this.flushing;
    await Promise.all(this.all().map((f) => f.whenReady()));
  }

  /**
   * Looks an id up in the folder of `near` only: ids are per folder, so another folder's
   * record of the same number is not this citation's (its diagnostics say `ref.unknown`).
   * Without `near`, or outside every folder, the first folder that has the id.
   */
  lookup(id: string, near?: vscode.Uri): { folder: FolderIndex; index: AlignmentIndex; record: AlignmentRecord } | undefined {
    const own = near ? this.folderOf(near) : undefined;
    for (const folder of own ? [own] : this.all()) {
      const index = folder.index;
      const record = index?.lookup(id);
      if (index && record) return { folder, index, record };
    }
    return undefined;
  }

  rebuildAll(): Promise<void> {
    return Promise.all(this.all().map((f) => f.rebuild())).then(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const timer of this.editTimers.values()) clearTimeout(timer);
    for (const timer of this.recheckTimers) clearTimeout(timer);
    for (const folder of this.folders.values()) folder.dispose();
    for (const d of this.disposables) d.dispose();
    this.referenceThread.dispose();
  }

  private addFolder(workspaceFolder: vscode.WorkspaceFolder): void {
    if (workspaceFolder.uri.scheme !== 'file') return; // virtual workspaces are not supported
    const folder = new FolderIndex(workspaceFolder, editorScanners, () => vscode.workspace.isTrusted, this.referenceThread);
    this.folders.set(workspaceFolder.uri.toString(), folder);
    this.disposables.push(
      folder.onDidChange(() => this.changed.fire(folder)),
      folder.onCheckedOut((paths) => this.queueUnseen(folder, paths)),
    );
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Alignment: indexing ${workspaceFolder.name}` },
      () =>
        folder.rebuild().catch((error: unknown) => {
          void vscode.window.showErrorMessage(`Alignment could not index ${workspaceFolder.name}: ${error instanceof Error ? error.message : String(error)}`);
        }),
    );
  }

  /** A removed folder's change event comes last: it is no longer in `all()`, and what showed it forgets it. */
  private removeFolder(workspaceFolder: vscode.WorkspaceFolder): void {
    const key = workspaceFolder.uri.toString();
    const folder = this.folders.get(key);
    folder?.dispose();
    this.folders.delete(key);
    this.pending.delete(key);
    this.rechecked.delete(key);
    if (folder) this.changed.fire(folder);
  }

  private queue(uri: vscode.Uri, exists: boolean): void {
    const started = performance.now();
    const folder = this.folderOf(uri);
    const path = folder?.relativePath(uri);
    if (folder && path && isGitStatePath(path)) folder.gitChanged();
    if (folder && path && path !== '.git' && !path.startsWith('.git/')) {
      const key = folder.folder.uri.toString();
      let batch = this.pending.get(key);
      if (!batch) this.pending.set(key, (batch = new Map()));
      batch.set(path, exists);
      this.lastEventAt = started;
      // One timer for a burst: re-armed when it fires early, not cleared and set per event.
      this.flushTimer ??= setTimeout(() => this.flushWhenQuiet(), FILE_EVENT_DELAY_MS);
    }
    this.batchStats.eventMs += performance.now() - started;
  }

  /** Flushes once FILE_EVENT_DELAY_MS have passed since the last event. */
  private flushWhenQuiet(): void {
    const quietFor = performance.now() - this.lastEventAt;
    if (quietFor < FILE_EVENT_DELAY_MS) {
      this.flushTimer = setTimeout(() => this.flushWhenQuiet(), FILE_EVENT_DELAY_MS - quietFor);
      return;
    }
    this.flushTimer = undefined;
    this.flushing = this.flushing.then(() => this.flush());
  }

  private async flush(): Promise<void> {
    const batches = [...this.pending];
    this.pending.clear();
    for (const [key, batch] of batches) {
      const folder = this.folders.get(key);
      if (!folder) continue;
      const started = performance.now();
      const busy = new BusyTime();
      // One stat per path, reported deleted or not: the disk says what exists now, which
      // paths are folders (a folder moved or checked out in one piece) and when files
      // were last written (see resolveBatch).
      const rechecked = this.rechecked.get(key) ?? new Set<string>();
      const { events, directories, modified, recheck } = resolveBatch(batch, await statsOf(folder, [...batch.keys()], busy), rechecked);
      for (const path of batch.keys()) rechecked.delete(path);
      try {
        await folder.applyBatch(events, directories, modified, busy);
      } catch (error) {
        console.error('alignment: updating the index failed', error);
      }
      if (recheck.length > 0) this.recheckLater(key, folder, recheck);
      this.batchStats.batches++;
      this.batchStats.paths += batch.size;
      this.batchStats.ms += performance.now() - started;
      busy.pause();
      this.batchStats.threadMs += busy.ms;
    }
  }

  /**
   * After a checkout: the files it changed that no file event brought in are queued as if
   * their events had come (see FolderIndex.onCheckedOut). In turn with the batches, so
   * a batch still being applied counts as seen; its time counts as the batches' does.
   */
  private queueUnseen(folder: FolderIndex, paths: string[]): void {
    this.unseenCheck = this.unseenCheck.then(async () => {
      // VS Code hands a large checkout's events over in chunks, for a while after HEAD
      // moved: only once they stop is a file without one unseen (else it is read twice).
      for (let quiet; (quiet = performance.now() - this.lastEventAt) < UNSEEN_QUIET_MS; ) {
        await new Promise((resolve) => setTimeout(resolve, UNSEEN_QUIET_MS - quiet));
      }
      this.flushing = this.flushing.then(() => this.takeUnseen(folder, paths));
    });
  }

  private async takeUnseen(folder: FolderIndex, paths: string[]): Promise<void> {
    if (this.disposed || this.folders.get(folder.folder.uri.toString()) !== folder) return;
    const busy = new BusyTime();
    const started = performance.now();
    const unseen = folder.unseenChanges(paths, await statsOf(folder, paths, busy));
    this.batchStats.unseen += unseen.length;
    for (const [path, exists] of unseen) this.queue(folder.uriOf(path), exists);
    this.batchStats.ms += performance.now() - started;
    busy.pause();
    this.batchStats.threadMs += busy.ms;
  }

  /** Queues `paths` again after RECHECK_MS, as existing: their next miss is final. */
  private recheckLater(key: string, folder: FolderIndex, paths: readonly string[]): void {
    let rechecked = this.rechecked.get(key);
    if (!rechecked) this.rechecked.set(key, (rechecked = new Set()));
    for (const path of paths) rechecked.add(path);
    const timer = setTimeout(() => {
      this.recheckTimers.delete(timer);
      if (this.folders.get(key) !== folder) return;
      for (const path of paths) if (rechecked.has(path)) this.queue(folder.uriOf(path), true);
    }, RECHECK_MS);
    this.recheckTimers.add(timer);
  }

  private scheduleEdit(document: vscode.TextDocument): void {
    const folder = this.folderOf(document.uri);
    if (!folder?.relativePath(document.uri)) return;
    const key = document.uri.toString();
    const existing = this.editTimers.get(key);
    if (existing) clearTimeout(existing);
    this.editTimers.set(
      key,
      setTimeout(() => {
        this.editTimers.delete(key);
        folder.updateFromDocument(document);
      }, EDIT_DELAY_MS),
    );
  }
}
