/**
 * Loads one workspace folder into a WorkspaceModel: configuration, layout detection,
 * records, and references from candidate code files. The CLI's whole input path; the
 * extension reuses the pieces for its first index.
 */
import { realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import { DEFAULT_CONFIG, type AlignmentConfig } from '../core/config';
import { DEFAULT_DECISION_FOLDERS, detectLayout, LayoutEvidence, mayBeRecord, provisionalLayout, roleOf, type Layout } from '../core/layout';
import type { ParseProblem } from '../core/model';
import { mayHaveReferences, referencePrefilter } from '../core/references';
import { parseRecordFile, WorkspaceModel, type ParsedRecordFile } from '../core/workspace-model';
import { loadRepoConfig, readAdrToolsDir, readLog4brainsFolders } from './config';
import { referenceBytePrefilter } from './literal-prefilter';
import { PooledReader, vanished, type PrefilteredRead } from './read-text';
import { CONFIRM_RG_READS } from './ripgrep';
import { cliScanners, runScanners, type Scanner } from './scanners';
import { TimeSlice } from './time-slice';
import { walkFiles } from './walk-files';

/** Text of candidates read while the scan still runs, at most (the rest is read after it): it is held until the layout is known, so it counts against the peak memory. */
const EARLY_READ_CHARS = 8 * 1024 * 1024;

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
   * The editor's: candidates read while the listing streams stop for the rest of an
   * event-loop turn once they took this long in it (they are read later, in slices).
   * Unset, as many are read as the listing names (the CLI: nothing else waits on it).
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
  // Candidates are read as rg names them, while it still lists the rest (their parse
  // waits for the layout, which needs the whole listing). A candidate whose comments hold
  // no candidate at all has no references in any layout: only its path is kept (most
  // large candidates are such: lock files, changelogs).
  const early = new Map<string, PrefilteredRead>();
  const earlyWithoutReferences = new Set<string>();
  let earlyChars = 0;
  let readEarlyCount = 0;
  let earlyInside: ((path: string) => boolean) | undefined;
  // One parsed slice of a listing may name thousands of candidates: reading them all
  // there held an editor's thread half a second (10,000 candidate files).
  const sliceMs = options.earlyReadSliceMs;
  let turnStartMs: number | undefined;
  const turnSpent = () => {
    if (sliceMs === undefined) return false;
    if (turnStartMs === undefined) {
      turnStartMs = performance.now();
      setImmediate(() => (turnStartMs = undefined));
    }
    return performance.now() - turnStartMs > sliceMs;
  };
  // Record files in a folder they are records in whatever the layout turns out to be
  // (configured, a tool's, conventional) are read and parsed as rg names them too: the
  // main thread waits on rg then, and 124 records (shopware) took 175–200 ms after it.
  // A parse counts once the layout gives the role it was parsed for (parseRecordFile).
  const guess = provisionalLayout(config, { toolFolders });
  const parsedEarly = new Map<string, { text: string; parsed: ParsedRecordFile }>();
  const parseEarly = (path: string): boolean => {
    const role = roleOf(path, guess);
    if (role === undefined || role === 'code' || earlyChars > EARLY_READ_CHARS || turnSpent()) return false;
    if (CONFIRM_RG_READS && !(earlyInside ??= folderInside(root))(path)) return false;
    const result = reader.read(nodePath.join(root, path));
    readEarlyCount++;
    if ('text' in result) {
      parsedEarly.set(path, { text: result.text, parsed: parseRecordFile(config, path, role, result.text) });
      earlyChars += result.text.length;
    } else {
      early.set(path, result);
    }
    return true;
  };
  const readEarly = (path: string, candidate: boolean) => {
    if (!candidate || earlyChars > EARLY_READ_CHARS || turnSpent()) return;
    if (CONFIRM_RG_READS && !(earlyInside ??= folderInside(root))(path)) return;
    const result = reader.read(nodePath.join(root, path));
    readEarlyCount++;
    if ('text' in result && !mayHaveReferences(path, result.text, config)) {
      earlyWithoutReferences.add(path);
      return;
    }
    early.set(path, result);
    if ('text' in result) earlyChars += result.text.length;
  };
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
    if (!started) options.onScanStarted?.();
    started = true;
  };
  const onFile = (path: string, candidate: boolean) => {
    streamedFiles++;
    if (mayBeRecord(path)) {
      streamed.push(path);
      evidence.add(path);
      if (parseEarly(path)) return;
    }
    readEarly(path, candidate);
  };
  const scanStartMs = performance.now() - startMs;
  const { listing, scanner } = await runScanners(scanners, root, prefilter, exclude, signal, { onFile, onStart });
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
  const inside = listing?.confirmReads ? (earlyInside ?? folderInside(root)) : undefined;
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
    if (role === 'code' && earlyWithoutReferences.has(path)) {
      read++;
      continue;
    }
    if (inside && !inside(path)) continue;
    const code = role === 'code';
    const parsedBefore = parsedEarly.get(path);
    if (parsedBefore) parsedEarly.delete(path);
    if (parsedBefore && model.updateParsed(path, parsedBefore.parsed)) {
      read++;
      parsedEarlyCount++;
      continue;
    }
    // A guessed role the layout does not give: the text read is parsed below, as read now.
    const readBefore = (listing && early.get(path)) || (parsedBefore && { text: parsedBefore.text });
    if (readBefore) early.delete(path); // its text is parsed once: let it go after
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
    stats: { files: files.length, read, readEarly: readEarlyCount, parsedEarly: parsedEarlyCount, scanner, scanStartMs, scanExitedMs: listing?.exitedAt !== undefined ? listing.exitedAt - startMs : undefined, listedMs },
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
