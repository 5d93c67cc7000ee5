/**
 * Loads one workspace folder into a WorkspaceModel: configuration, layout detection,
 * records, and references from candidate code files. The CLI's whole input path; the
 * extension reuses the pieces for its first index.
 */
import { realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import { DEFAULT_CONFIG, type AlignmentConfig } from '../core/config';
import { DEFAULT_DECISION_FOLDERS, detectLayout, LayoutEvidence, mayBeRecord, provisionalLayout, type Layout } from '../core/layout';
import type { ParseProblem } from '../core/model';
import { referencePrefilter } from '../core/references';
import { WorkspaceModel } from '../core/workspace-model';
import { loadRepoConfig, readAdrToolsDir, readLog4brainsFolders } from './config';
import { referenceBytePrefilter } from './literal-prefilter';
import { EarlyReads } from './early-reads';
import { PooledReader, vanished } from './read-text';
import { CONFIRM_RG_READS } from './ripgrep';
import { cliScanners, runScanners, type Scanner } from './scanners';
import { TimeSlice } from './time-slice';
import { walkFiles } from './walk-files';

export interface LoadOptions {
  /** Configuration to use instead of reading `.alignment.yaml` (the extension merges settings itself). */
  config?: AlignmentConfig;
  /** Processes that may list and prefilter, tried in order (default: the CLI's, cliScanners); [] walks and reads in Node. */
  scanners?: readonly Scanner[];
  /** false: no process at all, the same as `scanners: []`. */
  allowProcesses?: boolean;
  /** Globs excluded on top of the configuration's `exclude` (the editor's files.exclude and search.exclude). */
  extraExclude?: readonly string[];
  /** Aborting stops the scan (its process is killed) and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called once, as soon as the first scanner's process is running (not without one): other processes can start then without delaying it. */
  onScanStarted?: () => void;
  /**
   * The editor's: reads while the listing streams stop for the rest of an event-loop
   * turn once they took this long in it; the rest are taken up while rg prints nothing
   * new, or after the listing, in slices (EarlyReads). Unset, everything is read as the
   * listing names it (the CLI: nothing else waits on it).
   */
  earlyReadSliceMs?: number;
}

export interface LoadedWorkspace {
  root: string;
  model: WorkspaceModel;
  /** Every file the ignore rules keep; sorted when walked in Node, in a scanner's order otherwise. */
  files: string[];
  layout: Layout;
  config: AlignmentConfig;
  configFile?: string;
  configProblems: ParseProblem[];
  /**
   * `scanner`: what listed the files (`bundled rg`, `rg on PATH`, `git grep`, … or `node`);
   * `scanStartMs` and `listedMs`: when the scan started and when the listing was complete,
   * in ms from the call's start, and `scanExitedMs` when the scanner's process exited (none
   * for the Node walk); `readEarly`: candidates and records read while the listing
   * streamed; `parsedEarly`: records parsed then whose parse the layout kept.
   */
  stats: { files: number; read: number; readEarly: number; parsedEarly: number; scanner: string; scanStartMs: number; scanExitedMs?: number; listedMs: number };
}

export async function loadWorkspace(root: string, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const startMs = performance.now();
  const signal = options.signal;
  // The three files are read at once: before the scan, each wait delays it.
  const [repoConfig, adrToolsFolders, log4brainsFolders] = await Promise.all([
    options.config ? undefined : loadRepoConfig(root),
    readAdrToolsDir(root),
    readLog4brainsFolders(root),
  ]);
  const loaded = repoConfig ?? { config: options.config, problems: [] as ParseProblem[], file: undefined };
  const config = loaded.config ?? DEFAULT_CONFIG;
  const toolFolders = [...adrToolsFolders, ...log4brainsFolders];
  // The prefilter must know every folder a record path may cite before the walk has
  // detected the layout: configured, tool-named and conventional folders (folders named
  // adr/adrs/decisions/decision-records are always covered).
  const prefilter = referencePrefilter({
    decisionPrefix: config.decisionPrefix,
    assumptionPrefix: config.assumptionPrefix,
    decisionFolders: [...new Set([...config.decisionFolders, ...toolFolders, ...DEFAULT_DECISION_FOLDERS])],
  });

  const exclude = [...config.exclude, ...(options.extraExclude ?? [])];
  const maxBytes = config.maxFileSizeKb * 1024;
  const reader = new PooledReader(maxBytes);
  let insideCheck: ((path: string) => boolean) | undefined;
  const inside = () => (insideCheck ??= folderInside(root));
  // Candidates are read, and records whose role is already known (configured, a tool's or
  // a conventional folder) read and parsed, as rg names them: the main thread waits on rg
  // then (124 records took shopware's check 175–200 ms after rg exited). Their references
  // and roles wait for the layout, which needs the whole listing.
  const early = new EarlyReads({
    root,
    config,
    reader,
    guess: provisionalLayout(config, { toolFolders }),
    inside: CONFIRM_RG_READS ? inside : undefined,
    sliceMs: options.earlyReadSliceMs,
  });
  const scanners = options.allowProcesses === false ? [] : (options.scanners ?? cliScanners());
  // The record-like paths of an rg listing are picked, and what they say of the layout
  // taken, while it streams (Node mostly waits on rg then), not after: that was 26–39 ms
  // over 100k paths (the filter 16–22 ms, the layout 10–17 ms). Each scanner starts afresh.
  let streamed: string[] = [];
  let evidence = new LayoutEvidence();
  let streamedFiles = 0;
  let started = false;
  const onStart = () => {
    streamed = [];
    evidence = new LayoutEvidence();
    streamedFiles = 0;
    early.restart();
    if (!started) options.onScanStarted?.();
    started = true;
  };
  const onFile = (path: string, candidate: boolean) => {
    streamedFiles++;
    const recordLike = mayBeRecord(path);
    if (recordLike) {
      streamed.push(path);
      evidence.add(path);
    }
    early.offer(path, candidate, recordLike);
  };
  const whileWaiting = () => early.whileWaiting();
  const scanStartMs = performance.now() - startMs;
  const { listing, scanner } = await runScanners(scanners, root, prefilter, exclude, signal, { onFile, onStart, whileWaiting });
  signal?.throwIfAborted();
  const files = listing?.files ?? (await walkFiles(root, exclude, 16, signal));
  const listedMs = performance.now() - startMs;
  // With a scanner's candidates, only the few paths that may be records matter besides
  // them: layout detection and roles look at those, not at every listed file.
  const wholeStream = listing !== undefined && streamedFiles === files.length;
  const documents = !listing ? files : (wholeStream ? streamed : files.filter(mayBeRecord)).sort();
  const layout = detectLayout(wholeStream ? evidence : documents, config, { toolFolders });
  const model = new WorkspaceModel(config, layout);

  // A scanner named the candidate code files; without one, every code file is read and
  // its bytes are prefiltered before decoding. Records are always read.
  const candidate = new RegExp(prefilter.regex, 'i');
  const keepBytes = referenceBytePrefilter(prefilter);
  const toRead = listing ? [...new Set([...documents, ...listing.candidates])].sort() : files;
  const confirm = listing?.confirmReads ? inside() : undefined;
  // Synchronous reads in slices of a few milliseconds, yielding between them: the event
  // loop is never held for long (see PooledReader on why not promise-based reads).
  let read = 0;
  let parsedEarlyCount = 0;
  const slice = new TimeSlice();
  for (const path of toRead) {
    if (slice.due) {
      await slice.next();
      signal?.throwIfAborted();
    }
    const role = model.roleOf(path);
    if (role === undefined || (role === 'code' && listing && !listing.candidates.has(path))) continue;
    if (role === 'code' && early.hasNoReferences(path)) {
      read++;
      continue;
    }
    if (confirm && !confirm(path)) continue;
    const code = role === 'code';
    const parsedBefore = early.takeParse(path);
    if (parsedBefore && model.updateParsed(path, parsedBefore.parsed)) {
      read++;
      parsedEarlyCount++;
      continue;
    }
    // Read before (a guessed role the layout does not give is parsed here, as the layout
    // says), its text is parsed once and then let go.
    const readBefore = (listing && early.takeRead(path)) || (parsedBefore && { text: parsedBefore.text });
    const result = readBefore || reader.read(nodePath.join(root, path), code && !listing ? keepBytes : undefined);
    read++;
    if ('skipped' in result || vanished(result)) continue;
    if ('unreadable' in result) model.updateUnreadable(path, result.unreadable);
    else if (!code || candidate.test(result.text)) model.update(path, result.text);
  }
  return {
    root,
    model,
    files,
    layout,
    config,
    configFile: loaded.file,
    configProblems: loaded.problems,
    stats: { files: files.length, read, readEarly: early.count, parsedEarly: parsedEarlyCount, scanner, scanStartMs, scanExitedMs: listing?.exitedAt !== undefined ? listing.exitedAt - startMs : undefined, listedMs },
  };
}

/**
 * A test that a listed file's folder resolves, through any symlink, to that same folder
 * inside the workspace (realpath per folder, remembered): false for a path a scanner
 * could only have got wrong (ScanListing.confirmReads).
 */
function folderInside(root: string): (path: string) => boolean {
  const realRoot = realpathSync.native(root);
  const known = new Map<string, boolean>();
  return (path) => {
    const slash = path.lastIndexOf('/');
    if (slash < 0) return true;
    const folder = path.slice(0, slash);
    let inside = known.get(folder);
    if (inside === undefined) {
      try {
        inside = realpathSync.native(nodePath.join(root, folder)) === nodePath.join(realRoot, folder);
      } catch {
        inside = false;
      }
      known.set(folder, inside);
    }
    return inside;
  };
}
