/**
 * The live index of one workspace folder. The first build runs in the background; after
 * that, file events arrive in batches (see IndexService) and cost one re-parse per
 * changed file. Open editors' unsaved text is what counts for their files.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { AlignmentIndex } from '../core/alignment-index';
import { CONFIG_FILE_NAMES } from '../core/config-file';
import type { Finding } from '../core/findings';
import { DEFAULT_DECISION_FOLDERS, isUnder, type FileRole, type Layout } from '../core/layout';
import type { AlignmentRecord } from '../core/model';
import { inert } from '../core/inert-text';
import { WorkspaceModel } from '../core/workspace-model';
import { HISTORY_UNAVAILABLE_TEXT, type FileHistories, type HistoryUnavailable } from '../core/governance/history';
import type { BranchRecords } from '../core/governance/numbers';
import { applyBranches, applyHistory } from '../node/git-facts';
import { changedBetween, probeRepository } from '../node/git';
import { CodeReader, type CodeReadOptions } from '../node/code-reader';
import type { PathStat } from '../node/path-stat';
import { PathIgnores } from '../node/path-ignores';
import { IGNORE_FILES } from '../node/ignore-rules';
import type { ReferenceThread } from '../node/reference-thread';
import { PooledReader, vanished } from '../node/read-text';
import { loadWorkspace } from '../node/load-workspace';
import { BusyTime, SLICE_MS, TimeSlice } from '../node/time-slice';
import { unreadableFolders, whyUnreadable, type UnreadableFolder } from '../node/readable-folders';
import type { Scanner } from '../node/scanners';
import { editorExcludes } from './scanner-choice';
import { prompts } from './prompts';
import { readFolderConfig, reindexNeeded, type FolderConfig } from './settings';
import { compareText } from '../core/compare-text';

/** Files whose change alters where records are looked for: a full rebuild follows. */
const LAYOUT_FILES = new Set<string>([...CONFIG_FILE_NAMES, '.adr-dir', '.log4brains.yml']);
const IGNORE_FILE_NAMES = new Set<string>(IGNORE_FILES);
/**
 * A batch larger than this share of the folder's files (and than REBUILD_MIN) is cheaper
 * as one full rebuild; a branch switch touching 2,000 of 100,000 files is applied file by file.
 */
const REBUILD_SHARE = 0.1;
const REBUILD_MIN = 400;
/**
 * A batch with at least this many code files to read has them read by the reference
 * worker; fewer cost less on this thread than a round trip to it.
 */
export const OFF_THREAD_MIN_FILES = 100;
/** HEAD or refs changed: git facts are read again after this quiet time. */
const GIT_DELAY_MS = 300;

/** What git tells about a folder: whether record histories are there, and why not. */
export type HistoryState = { available: true; commits: number } | { available: false; reason: HistoryUnavailable } | { available: false; reason: 'pending' };

/** Milliseconds from a build's start to the end of each of its steps. */
export interface BuildSteps {
  settings: number;
  /** The scan (rg, or the walk) started, its process exited (none for the walk), and the listing was complete. */
  scanStarted: number;
  scannerExited?: number;
  listed: number;
  loaded: number;
  folders: number;
  published: number;
}

/** A relative path with `.` or `..` segments, empty segments or a trailing separator (path.relative normalizes those). */
const UNNORMALIZED = /(^|[\\/])\.{1,2}([\\/]|$)|[\\/]{2}|[\\/]$/;

export class FolderIndex implements vscode.Disposable {
  private model: WorkspaceModel | undefined;
  private files = new Set<string>();
  private folderConfig: FolderConfig | undefined;
  /** The folder itself or record folders in it that exist but cannot be read (found at each full build). */
  private unreadable: UnreadableFolder[] = [];
  private building: Promise<void> | undefined;
  private generation = 0;
  /** Stops the running build (its rg process too) when a newer one starts. */
  private abortBuild: AbortController | undefined;
  /** What listed the files in the latest build (`VS Code's rg`, …, or `node`). */
  private lastScanner: string | undefined;
  private readonly createdAt = performance.now();
  /** From this index's creation (activation) to its first findings published, in ms. */
  firstFindingsMs: number | undefined;
  /** Wall time of the latest full build, findings published, in ms. */
  lastBuildMs: number | undefined;
  /**
   * Wall time of the build that published the first findings, how many builds had
   * started by then, and where its time went (ms from the build's start to the end of
   * each step: settings read, files listed and read, folders checked, findings published).
   */
  firstBuild: { ms: number; started: number; createdAtMs: number; steps: BuildSteps } | undefined;
  /** The same steps of the latest full build. */
  lastBuildSteps: BuildSteps | undefined;
  private buildsStarted = 0;
  /** Findings by file; after a code-only change only the changed files are recomputed. */
  private findingsByPath: Map<string, Finding[]> | undefined;
  private findingsFlat: Finding[] | undefined;
  private readonly stalePaths = new Set<string>();
  private rootPrefix: string | undefined;
  private uriPrefix: string | undefined;
  private changedPaths: readonly string[] | undefined;
  private updateCount = 0;
  /** When the last full build started: it read every file written before then. */
  private rebuiltAt = 0;
  /** Files whose indexed text came from an editor buffer rather than the disk. */
  private readonly fromBuffer = new Set<string>();
  private gitRun: Promise<void> = Promise.resolve();
  private gitTimer: NodeJS.Timeout | undefined;
  private historyState: HistoryState = { available: false, reason: 'pending' };
  /** The last git facts read: a rebuild hands them to its new model at once (same HEAD, same facts). */
  private gitFacts: { history?: FileHistories; branches?: BranchRecords } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after each rebuild or batch of updates. */
  readonly onDidChange = this.changed.event;
  /**
   * Per path a file-event batch took in: the write time it stat'ed before reading the file
   * (or, without a stat, when the batch started). A full build stands for the rest (rebuiltAt).
   */
  private seenWrites = new Map<string, number>();
  /** What the scan leaves out, for paths file events add (made on first need per build). */
  private pathIgnores: PathIgnores | undefined;
  /** HEAD when git facts were last read: a checkout since is checked against the file events that came. */
  private headSeen: string | undefined;
  private readonly checkedOut = new vscode.EventEmitter<string[]>();
  /**
   * HEAD moved: the files git changed between the two commits. The service stats them and
   * queues those no file event has brought in since they were written (unseenChanges):
   * a watcher that drops events under load (inotify's queue overflows) leaves none stale.
   */
  readonly onCheckedOut = this.checkedOut.event;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly scanners: () => Scanner[],
    /** Whether git may run here (a trusted workspace); VS Code's own rg is the scanners' choice. */
    private readonly allowProcesses: () => boolean,
    /** Reads large batches of code files off the extension host's thread (none: on it). */
    private readonly referenceThread?: ReferenceThread,
  ) {}

  /** Code files that file-event batches had read by the reference worker, and paths it stat'ed. */
  offThreadReads = 0;
  offThreadStats = 0;
  /** A batch with this many code files to read or more has them read by the worker (the bench compares both ways). */
  offThreadMinFiles = OFF_THREAD_MIN_FILES;

  /** What listed the files in the latest full build: a scanner's label, or `node`. */
  get scanner(): string | undefined {
    return this.lastScanner;
  }

  /** How many full builds have started (the first one included). */
  get builds(): number {
    return this.buildsStarted;
  }

  /** How many times the index changed (rebuilds and batches): a burst of events should cost one. */
  get updates(): number {
    return this.updateCount;
  }

  get ready(): boolean {
    return this.model !== undefined;
  }

  /** Whether `path` (`''` for the folder itself) is a folder found unreadable at the latest full build. */
  isUnreadableFolder(path: string): boolean {
    const folder = path === '' ? '.' : path;
    return this.unreadable.some((u) => u.folder === folder);
  }

  get index(): AlignmentIndex | undefined {
    return this.model?.index;
  }

  get config(): FolderConfig | undefined {
    return this.folderConfig;
  }

  get layout(): Layout | undefined {
    return this.model?.layout;
  }

  /** Whether records carry git history here, and why not. */
  get history(): HistoryState {
    return this.allowProcesses() ? this.historyState : { available: false, reason: 'restricted' };
  }

  /** Why dates come from the records only, when they do ("" while git is being read). */
  get historyNote(): string | undefined {
    const state = this.history;
    if (state.available || state.reason === 'pending') return undefined;
    return HISTORY_UNAVAILABLE_TEXT[state.reason];
  }

  /** Record entries of other branches (trusted workspaces with git only). */
  get branches(): BranchRecords | undefined {
    return this.model?.branches;
  }

  /** Resolves once git facts for the current build are read (at once in Restricted Mode). */
  async whenGitReady(): Promise<void> {
    await this.whenReady();
    let current: Promise<void>;
    do {
      current = this.gitRun;
      await current;
    } while (current !== this.gitRun);
  }

  /** HEAD or a ref moved: read histories and branches again (debounced). */
  gitChanged(): void {
    if (!this.allowProcesses()) return;
    if (this.gitTimer) clearTimeout(this.gitTimer);
    this.gitTimer = setTimeout(() => {
      this.gitTimer = undefined;
      this.readGit();
    }, GIT_DELAY_MS);
  }

  /**
   * Reads histories and other branches' records in the background and applies them to
   * the current model. Never in Restricted Mode: it runs git.
   */
  private readGit(): void {
    const model = this.model;
    if (!model || !this.allowProcesses()) return;
    const input = { root: this.folder.uri.fsPath, model, layout: model.layout, files: [...this.files] };
    this.gitRun = this.gitRun.then(async () => {
      try {
        // Git facts change record findings only: the files that hold them before and after are republished.
        const now = new Date();
        const before = model.recordFindingPaths(now);
        const [history, branches, repo] = await Promise.all([applyHistory(input), applyBranches(input), probeRepository(input.root)]);
        if (model !== this.model) return;
        const head = 'repo' in repo ? repo.repo.head : undefined;
        const from = this.headSeen;
        this.headSeen = head;
        if (from && head && from !== head) {
          const changed = await changedBetween(input.root, from, head).catch(() => []);
          if (changed.length > 0 && model === this.model) this.checkedOut.fire(changed);
        }
        this.historyState = history.available ? { available: true, commits: history.commits } : { available: false, reason: history.reason };
        const facts = { history: history.available ? history.histories : undefined, branches: branches.available ? branches.branches : undefined };
        const same = this.gitFacts?.history === facts.history && this.gitFacts?.branches === facts.branches;
        this.gitFacts = facts;
        // Unchanged facts (cached by HEAD and refs) were already handed over at the rebuild.
        if (!same) this.fire([...new Set([...before, ...model.recordFindingPaths(now)])]);
      } catch (error) {
        console.error('alignment: reading git history failed', error);
      }
    });
  }

  /** The records an open record file states now, unsaved text included. */
  recordsIn(document: vscode.TextDocument): AlignmentRecord[] {
    const path = this.relativePath(document.uri);
    return path && this.model ? this.model.recordsIn(path, document.getText()) : [];
  }

  roleOf(path: string): FileRole | undefined {
    return this.model?.roleOf(path);
  }

  get allFiles(): ReadonlySet<string> {
    return this.files;
  }

  /**
   * The files whose findings the latest change may have altered, when that is known (the
   * code files an edit or a batch touched, the record files git facts changed): their
   * findings alone need publishing. Undefined when anything may have changed.
   */
  get lastChange(): readonly string[] | undefined {
    return this.changedPaths;
  }

  /** Findings of the whole folder, kept current incrementally. */
  findings(now = new Date()): Finding[] {
    const byPath = this.currentFindings(now);
    this.findingsFlat ??= [...byPath.keys()].sort(compareText).flatMap((p) => byPath.get(p)!);
    return this.findingsFlat;
  }

  /** Findings located in one file. */
  findingsAt(path: string, now = new Date()): Finding[] {
    return this.currentFindings(now).get(path) ?? [];
  }

  /** The workspace folder, or record folders in it, that exist but cannot be listed. */
  private async unreadableParts(loaded: Parameters<typeof unreadableFolders>[1]): Promise<UnreadableFolder[]> {
    if (this.folder.uri.scheme !== 'file') return [];
    const root = this.folder.uri.fsPath;
    const [reason, folders] = await Promise.all([whyUnreadable(root), unreadableFolders(root, loaded)]);
    return reason ? [{ folder: '.', reason }] : folders;
  }

  /** Says once, when a build first finds it, that a folder cannot be read (its records would silently be missing). */
  private reportUnreadable(unreadable: UnreadableFolder[]): void {
    const known = new Set(this.unreadable.map((u) => u.folder));
    this.unreadable = unreadable;
    const fresh = unreadable.filter((u) => !known.has(u.folder));
    if (fresh.length === 0) return;
    const names = fresh.map((u) => (u.folder === '.' ? `the folder ${this.folder.name}` : u.folder)).join(', ');
    void prompts.showErrorMessage(`Alignment cannot read ${inert(names)} (${fresh[0].reason}): its records are missing from the index. Fix the permissions, then run Alignment: Refresh Index.`);
  }

  /** Says when a configured limit (maxRecords, maxReferencesPerFile, maxFindings) is newly reached. */
  private reportLimits(notices: string[]): void {
    // Said once per kind of limit while it stays reached, not again each time a count changes.
    const kind = (notice: string) => notice.replace(/\d+/g, '#').replace(/:.*$/, '');
    const fresh = notices.filter((n) => !this.limitNoticesShown.has(kind(n)));
    this.limitNoticesShown = new Set(notices.map(kind));
    if (fresh.length > 0) void vscode.window.showWarningMessage(`Alignment (${this.folder.name}): ${inert(fresh.join(' '))}`);
  }

  private limitNoticesShown = new Set<string>();

  /** Unreadable folders as error findings at the folder, so Problems and Needs Attention list them. */
  private unreadableFindings(): Finding[] {
    return this.unreadable.map((u) => ({
      code: 'record.schema',
      severity: 'error',
      message: `Cannot read ${u.folder === '.' ? 'this workspace folder' : `the record folder ${u.folder}`} (${u.reason}): its records are missing from the index; fix its permissions, then refresh the index.`,
      path: u.folder === '.' ? '' : u.folder,
      range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } },
      related: [],
    }));
  }

  private currentFindings(now: Date): Map<string, Finding[]> {
    if (!this.model) return new Map();
    if (!this.findingsByPath) {
      this.findingsByPath = new Map();
      for (const finding of this.unreadableFindings()) this.findingsByPath.set(finding.path, [finding]);
      for (const finding of this.model.findings(now, [...this.files])) {
        const list = this.findingsByPath.get(finding.path);
        if (list) list.push(finding);
        else this.findingsByPath.set(finding.path, [finding]);
      }
      this.reportLimits(this.model.limitNotices());
    } else if (this.stalePaths.size > 0) {
      const fresh = this.model.findingsForFiles([...this.stalePaths].filter((path) => this.files.has(path)), now, []);
      for (const path of this.stalePaths) {
        const findings = fresh.get(path);
        if (findings) this.findingsByPath.set(path, findings);
        else this.findingsByPath.delete(path);
      }
    }
    this.stalePaths.clear();
    return this.findingsByPath;
  }

  /**
   * The length of this folder's path when `uri` lies under it as written (same scheme, the
   * folder's path a prefix of its own), else 0: a cheap test for the folder of an event.
   */
  prefixLength(uri: vscode.Uri): number {
    if (uri.scheme !== this.folder.uri.scheme) return 0;
    const prefix = this.pathPrefix();
    const fsPath = uri.fsPath;
    return fsPath.length > prefix.length && fsPath.startsWith(prefix) && !UNNORMALIZED.test(fsPath.slice(prefix.length)) ? prefix.length : 0;
  }

  private pathPrefix(): string {
    return (this.rootPrefix ??= this.folder.uri.fsPath.endsWith(nodePath.sep) ? this.folder.uri.fsPath : this.folder.uri.fsPath + nodePath.sep);
  }

  relativePath(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.folder.uri.scheme) return undefined;
    const fsPath = uri.fsPath;
    // The common case, a normalized path under the folder, without path.relative's cost
    // (a branch switch sends thousands of events).
    const prefixLength = this.prefixLength(uri);
    if (prefixLength > 0) {
      const rest = fsPath.slice(prefixLength);
      return nodePath.sep === '/' ? rest : rest.split(nodePath.sep).join('/');
    }
    const relative = nodePath.relative(this.folder.uri.fsPath, fsPath);
    if (!relative || relative.startsWith('..') || nodePath.isAbsolute(relative)) return undefined;
    return relative.split(nodePath.sep).join('/');
  }

  uriOf(path: string): vscode.Uri {
    // The common case, a normalized relative path, without joinPath's normalizing (a
    // branch switch publishes thousands of files).
    if (path.length > 0 && path[0] !== '/' && !UNNORMALIZED.test(path)) {
      this.uriPrefix ??= this.folder.uri.path.endsWith('/') ? this.folder.uri.path : `${this.folder.uri.path}/`;
      return this.folder.uri.with({ path: this.uriPrefix + path });
    }
    return vscode.Uri.joinPath(this.folder.uri, ...path.split('/'));
  }

  /** Full (re)build: configuration, layout, every record and candidate file. A newer build cancels an older one. */
  rebuild(): Promise<void> {
    const generation = ++this.generation;
    const startedAt = Date.now();
    const startedMs = performance.now();
    this.buildsStarted++;
    this.abortBuild?.abort();
    const abort = (this.abortBuild = new AbortController());
    const run = async () => {
      const folderConfig = await readFolderConfig(this.folder);
      if (generation !== this.generation) return;
      const settingsMs = performance.now() - startedMs;
      let loaded;
      try {
        loaded = await loadWorkspace(this.folder.uri.fsPath, {
          config: folderConfig.config,
          extraExclude: editorExcludes(this.folder),
          scanners: this.scanners(),
          signal: abort.signal,
          earlyReadSliceMs: SLICE_MS,
        });
      } catch (error) {
        if (abort.signal.aborted) return; // superseded by a newer build
        throw error;
      }
      if (generation !== this.generation) return; // a newer rebuild started meanwhile
      this.lastScanner = loaded.stats.scanner;
      const loadedMs = performance.now() - startedMs;
      const unreadable = await this.unreadableParts(loaded);
      if (generation !== this.generation) return;
      const foldersMs = performance.now() - startedMs;
      this.reportUnreadable(unreadable);
      this.folderConfig = folderConfig;
      this.rebuiltAt = startedAt;
      this.seenWrites = new Map();
      this.pathIgnores = undefined;
      this.fromBuffer.clear();
      this.files = new Set(loaded.files);
      this.model = loaded.model;
      if (this.gitFacts && this.allowProcesses()) {
        this.model.setHistory(this.gitFacts.history);
        this.model.setBranches(this.gitFacts.branches);
      }
      for (const document of vscode.workspace.textDocuments) {
        if (document.isDirty) this.updateFromDocument(document, false);
      }
      this.fire();
      this.lastBuildMs = performance.now() - startedMs;
      this.lastBuildSteps = {
        settings: settingsMs,
        scanStarted: settingsMs + loaded.stats.scanStartMs,
        ...(loaded.stats.scanExitedMs !== undefined ? { scannerExited: settingsMs + loaded.stats.scanExitedMs } : {}),
        listed: settingsMs + loaded.stats.listedMs,
        loaded: loadedMs,
        folders: foldersMs,
        published: this.lastBuildMs,
      };
      this.firstFindingsMs ??= performance.now() - this.createdAt;
      this.firstBuild ??= { ms: this.lastBuildMs, started: this.buildsStarted, createdAtMs: this.createdAt, steps: this.lastBuildSteps };
      this.readGit();
    };
    this.building = run();
    return this.building;
  }

  /** Resolves once the current build (if any) has finished. */
  async whenReady(): Promise<void> {
    while (this.building) {
      const current = this.building;
      await current;
      if (current === this.building) break;
    }
  }

  /**
   * Applies a batch of file events (workspace-relative path → exists now; `directories`
   * names the existing paths that are folders, `modified` the write times of existing
   * files when the caller has them). Returns after the index and findings are current.
   * `busy` counts the time this takes on this thread, waits not included.
   */
  async applyBatch(events: ReadonlyMap<string, boolean>, directories: ReadonlySet<string> = new Set(), modified?: ReadonlyMap<string, number>, busy = new BusyTime()): Promise<void> {
    await busy.wait(this.whenReady());
    const model = this.model;
    if (!model) return;
    const takenAt = Date.now();
    const batch = await this.withoutSeen(events, directories, modified, busy);
    await this.withoutIgnored(batch, directories, model, busy);
    if (batch.size === 0) return;
    // Stat'ed before any read: a file written after that is newer than its entry.
    for (const path of batch.keys()) this.seenWrites.set(path, modified?.get(path) ?? takenAt);
    const layoutChanged = [...batch.keys()].some((p) => LAYOUT_FILES.has(p));
    // An ignore file changed: which files the scan lists may change anywhere below it.
    const ignoreFileChanged = [...batch.keys()].some((p) => IGNORE_FILE_NAMES.has(p.slice(p.lastIndexOf('/') + 1)));
    const newRecordFolder = [...batch].some(([p, exists]) => exists && !this.files.has(p) && couldBeNewRecordFolder(p, model));
    // The watcher reports a folder created, deleted or renamed as one event for the
    // folder, none for the files in it: read the tree again.
    const folderEvent = this.isFolderEvent(batch, directories);
    // Something changed in a folder that could not be read: whether it can now is found by a full build.
    const inUnreadable = [...batch.keys()].some((p) => this.unreadable.some((u) => u.folder === '.' || p === u.folder || isUnder(p, u.folder)));
    if (layoutChanged || ignoreFileChanged || newRecordFolder || folderEvent || inUnreadable || batch.size > Math.max(REBUILD_MIN, this.files.size * REBUILD_SHARE)) {
      if (layoutChanged && !ignoreFileChanged) {
        const next = await busy.wait(readFolderConfig(this.folder));
        if (!reindexNeeded(model.config, next.config) && !newRecordFolder && ![...batch.keys()].some((p) => p === '.adr-dir' || p === '.log4brains.yml')) {
          this.folderConfig = next;
          model.setRuleConfig(next.config);
          this.fire();
          return;
        }
      }
      return busy.wait(this.rebuild());
    }
    const maxBytes = model.config.maxFileSizeKb * 1024;
    // Each path's role, looked up once for the batch (three uses below, thousands of paths).
    const roles = new Map<string, FileRole | undefined>();
    const roleOf = (p: string) => {
      if (!roles.has(p)) roles.set(p, model.roleOf(p));
      return roles.get(p);
    };
    const codeOnly = [...batch.keys()].every((p) => directories.has(p) || roleOf(p) === 'code' || roleOf(p) === undefined);
    const reader = new PooledReader(maxBytes);
    /** Code files to read once the rest of the batch is applied. */
    const code: string[] = [];
    // Open editors by path, once per batch (textDocuments is a new array on each read).
    const openDocuments = new Map<string, vscode.TextDocument>();
    for (const document of vscode.workspace.textDocuments) {
      const path = document.uri.scheme === 'file' ? this.relativePath(document.uri) : undefined;
      if (path !== undefined && !openDocuments.has(path)) openDocuments.set(path, document);
    }
    const slice = new TimeSlice(undefined, busy);
    for (const [path, exists] of batch) {
      if (slice.due) {
        await slice.next();
        if (this.model !== model) return; // a full rebuild took over
      }
      if (directories.has(path)) continue;
      if (!exists) {
        this.files.delete(path);
        model.remove(path);
        continue;
      }
      this.files.add(path);
      const open = openDocuments.get(path);
      if (open) {
        model.update(path, open.getText());
        if (open.isDirty) this.fromBuffer.add(path);
        else this.fromBuffer.delete(path);
        continue;
      }
      this.fromBuffer.delete(path);
      const role = roleOf(path);
      if (!role) continue;
      if (role === 'code') {
        code.push(path);
        continue;
      }
      const result = reader.read(nodePath.join(this.folder.uri.fsPath, path));
      if ('text' in result) model.update(path, result.text);
      else if (vanished(result)) model.remove(path);
      else if ('unreadable' in result) model.updateUnreadable(path, result.unreadable);
    }
    if (!(await this.readCode(model, code, maxBytes, busy))) return;
    this.fire(codeOnly ? [...batch.keys()].filter((p) => !directories.has(p) && roleOf(p) === 'code') : undefined);
  }

  /**
   * Of `paths` (files a checkout changed) and what the disk says of them now, the ones the
   * index has not taken in: existing files written after the write time their last batch
   * saw (or after the last full build started), and indexed files that are gone.
   */
  unseenChanges(paths: readonly string[], stats: ReadonlyMap<string, PathStat>): Array<[string, boolean]> {
    const unseen: Array<[string, boolean]> = [];
    for (const path of paths) {
      const stat = stats.get(path);
      if (!stat) {
        if (this.files.has(path)) unseen.push([path, false]);
      } else if (!stat.directory && stat.mtimeMs > (this.seenWrites.get(path) ?? this.rebuiltAt)) {
        unseen.push([path, true]);
      }
    }
    return unseen;
  }

  /** Stats `paths` in the reference worker; undefined when there is none or it failed (stat them here then). */
  async statOffThread(paths: readonly string[]): Promise<PathStat[] | undefined> {
    const stats = await this.offThread((thread) => thread.stat(this.folder.uri.fsPath, paths), 'checking the paths');
    if (stats) this.offThreadStats += paths.length;
    return stats;
  }

  /** The reference worker's answer to `ask`; undefined when there is none or it failed (`instead` is then done here). */
  private offThread<T>(ask: (thread: ReferenceThread) => Promise<T>, instead: string): Promise<T | undefined> {
    const thread = this.referenceThread;
    if (!thread) return Promise.resolve(undefined);
    return ask(thread).catch((error: unknown) => {
      if (!thread.stopped) console.error(`alignment: the reference worker failed; ${instead} on the extension host instead`, error);
      return undefined;
    });
  }

  /**
   * Reads `paths` (code files) into `model`: off this thread when there are many and a
   * reference worker is at hand, else here in time slices. False when a full rebuild took
   * over meanwhile. A file whose editor text arrived meanwhile keeps that text.
   */
  private async readCode(model: WorkspaceModel, paths: string[], maxBytes: number, busy: BusyTime): Promise<boolean> {
    if (paths.length === 0) return true;
    const scan = model.scanOptions;
    const options: CodeReadOptions = { root: this.folder.uri.fsPath, maxBytes, scan, prefilterFolders: [...scan.decisionFolders, ...DEFAULT_DECISION_FOLDERS] };
    if (this.referenceThread && paths.length >= this.offThreadMinFiles) {
      const references = await busy.wait(this.offThread((thread) => thread.read(options, paths), 'reading'));
      // A newer build took over, or the extension is shutting down.
      if (this.model !== model || this.referenceThread.stopped) return false;
      if (references) {
        paths.forEach((path, i) => {
          if (this.fromBuffer.has(path) || !this.files.has(path)) return;
          model.updateCodeReferences(path, references[i]);
        });
        this.offThreadReads += paths.length;
        return true;
      }
    }
    const reader = new CodeReader(options);
    const slice = new TimeSlice(undefined, busy);
    for (const path of paths) {
      if (slice.due) {
        await slice.next();
        if (this.model !== model) return false;
      }
      if (this.fromBuffer.has(path) || !this.files.has(path)) continue;
      model.updateCodeReferences(path, reader.read(path));
    }
    return true;
  }

  /**
   * Drops from `batch` the files it adds that the scan leaves out (ignored by an ignore
   * file, excluded, always skipped): a build writing into a gitignored folder adds nothing.
   */
  private async withoutIgnored(batch: Map<string, boolean>, directories: ReadonlySet<string>, model: WorkspaceModel, busy: BusyTime): Promise<void> {
    if (this.folder.uri.scheme !== 'file') return;
    for (const [path, exists] of batch) {
      if (!exists || this.files.has(path) || directories.has(path)) continue;
      this.pathIgnores ??= new PathIgnores(this.folder.uri.fsPath, [...model.config.exclude, ...editorExcludes(this.folder)]);
      if (await busy.wait(this.pathIgnores.ignores(path))) batch.delete(path);
    }
  }

  /**
   * Drops events a full build already covered (a branch switch's events often arrive
   * after the rebuild they triggered): files it found that were not written since it
   * started, known folders, and paths already gone.
   */
  private async withoutSeen(events: ReadonlyMap<string, boolean>, directories: ReadonlySet<string>, modified: ReadonlyMap<string, number> | undefined, busy: BusyTime): Promise<Map<string, boolean>> {
    const batch = new Map<string, boolean>();
    let folders: Set<string> | undefined;
    const isKnownFolder = (path: string) => (folders ??= this.knownFolders()).has(path);
    for (const [path, exists] of events) {
      if (!exists && !this.files.has(path) && !isKnownFolder(path)) continue;
      if (exists && (this.files.has(path) || directories.has(path)) && this.rebuiltAt > 0 && !this.fromBuffer.has(path)) {
        const mtimeMs = modified?.get(path) ?? (await busy.wait(fs.stat(nodePath.join(this.folder.uri.fsPath, path)).catch(() => undefined)))?.mtimeMs;
        if (mtimeMs !== undefined && mtimeMs < this.rebuiltAt && (!directories.has(path) || isKnownFolder(path))) continue;
      }
      batch.set(path, exists);
    }
    return batch;
  }

  /** Every folder that holds a known file (computed once per batch: one pass over the files). */
  private knownFolders(): Set<string> {
    const folders = new Set<string>();
    for (const file of this.files) {
      for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
        const folder = file.slice(0, slash);
        if (folders.has(folder)) break;
        folders.add(folder);
      }
    }
    return folders;
  }

  /** A new folder with no file known under it, or a deleted path that is a known file's folder. */
  private isFolderEvent(batch: ReadonlyMap<string, boolean>, directories: ReadonlySet<string>): boolean {
    const created = [...directories].filter((p) => batch.get(p));
    const deleted = new Set([...batch].filter(([p, exists]) => !exists && !this.files.has(p)).map(([p]) => p));
    if (created.length === 0 && deleted.size === 0) return false;
    const known = new Set(created);
    for (const file of this.files) {
      for (let slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
        const folder = file.slice(0, slash);
        if (deleted.has(folder)) return true;
        known.delete(folder);
      }
    }
    return known.size > 0;
  }

  /** Takes an open document's current (possibly unsaved) text for its file. */
  updateFromDocument(document: vscode.TextDocument, notify = true): boolean {
    const path = this.relativePath(document.uri);
    if (!path || !this.model || !this.model.roleOf(path)) return false;
    const role = this.model.roleOf(path);
    const text = document.getText();
    // The size limit holds for editor text too: a huge generated file is not scanned per edit.
    if (text.length > this.model.config.maxFileSizeKb * 1024) return false;
    this.model.update(path, text);
    if (document.isDirty) this.fromBuffer.add(path);
    if (notify) this.fire(role === 'code' ? [path] : undefined);
    return true;
  }

  /** Settings changed: re-read the files only when a key that affects parsing changed. */
  async configurationChanged(): Promise<void> {
    await this.whenReady();
    const next = await readFolderConfig(this.folder);
    if (!this.model || reindexNeeded(this.model.config, next.config)) return this.rebuild();
    this.folderConfig = next;
    this.model.setRuleConfig(next.config);
    this.fire();
  }

  dispose(): void {
    this.generation++;
    if (this.gitTimer) clearTimeout(this.gitTimer);
    this.abortBuild?.abort();
    this.changed.dispose();
    this.checkedOut.dispose();
  }

  /** `paths`: the change altered the findings of these files only; otherwise anything may have changed. */
  private fire(paths?: readonly string[]): void {
    this.updateCount++;
    this.changedPaths = paths;
    if (paths) for (const path of paths) this.stalePaths.add(path);
    else {
      this.findingsByPath = undefined;
      this.stalePaths.clear();
    }
    this.findingsFlat = undefined;
    this.changed.fire();
  }
}

/** A record-like Markdown file outside the known decision folders may start a new one. */
function couldBeNewRecordFolder(path: string, model: WorkspaceModel): boolean {
  if (!/\.md$/i.test(path) || model.roleOf(path) === 'decision') return false;
  if (model.config.decisionFolders.length > 0) return false;
  const segments = path.split('/');
  const parent = segments[segments.length - 2]?.toLowerCase();
  return parent !== undefined && ['adr', 'adrs', 'decisions', 'decision-records', 'architecture'].includes(parent) && /^(?:adr-)?\d/.test(segments[segments.length - 1]);
}
