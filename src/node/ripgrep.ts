/**
 * The ripgrep scan: ONE rg process lists every file the ignore rules keep and says, for
 * each, whether a line matches the reference prefilter (`--count --include-zero --null
 * --max-count 1`: the count is 0 or 1).
 * Its output is parsed as it streams; a file with a count above zero is a candidate.
 * Binary files are listed too (`--binary`), so the list equals the Node walk's.
 *
 * Which rg runs is the caller's choice (see scanners.ts); this module only knows how
 * to find the binary that `@vscode/ripgrep` ships and the one inside a VS Code install.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { ALWAYS_SKIPPED } from './ignore-rules';

export interface ScanListing {
  /**
   * Every file kept by the ignore rules, workspace-relative, `/`-separated, in the order
   * rg printed them (not sorted: sorting 97k paths cost the CLI 50 ms after rg was done).
   */
  files: string[];
  /** Files that match the prefilter: the only code files worth reading. */
  candidates: Set<string>;
  /**
   * True when a path of the listing may name a file other than the one rg saw (see
   * SEPARATOR): a file read from it must first be shown to lie inside the folder.
   */
  confirmReads?: boolean;
  /** When the scanner's process exited (`performance.now()`): the listing was parsed to its end after that. */
  exitedAt?: number;
}

/**
 * The byte rg prints in place of `/` (`--path-separator '\xFF'`). rg 14 and later
 * canonicalise every path they print through the summary printer (for hyperlinks,
 * even when none is printed: one readlink per path component, about 1 s of system time
 * on 100k files); a path holding this byte names no file, so that costs one failed
 * call per file instead. 0xFF never occurs in UTF-8, so only a file name that is not
 * UTF-8 could hold it (on Linux; macOS and Windows names are always Unicode): such a
 * name would be split at that byte, so a path that then has an empty, `.` or `..`
 * part is dropped, and files are only read from a listing after a check that their
 * folder resolves inside the workspace (ScanListing.confirmReads).
 */
const SEPARATOR = 0xff;

/** Where a name may hold 0xFF (not UTF-8 by rule): reads from an rg listing are confirmed there. */
export const CONFIRM_RG_READS = process.platform !== 'win32' && process.platform !== 'darwin';

/**
 * The ignore rules of every rg run, in one place, matching the Node walk (walk-files.ts):
 * hidden files included; `.gitignore`, `.ignore` and `.rgignore` honoured with or without
 * a git repository; no ignore file from outside the folder (parents, the global git
 * excludes) and no rg configuration file (`--no-config`: RIPGREP_CONFIG_PATH is
 * environment, never trusted); always-skipped folders and the configured `exclude` globs.
 */
export function ripgrepIgnoreArgs(exclude: readonly string[]): string[] {
  return [
    '--no-config',
    '--hidden',
    '--no-require-git',
    '--no-ignore-parent',
    '--no-ignore-global',
    ...[...ALWAYS_SKIPPED].flatMap((name) => ['--glob', `!${name}`]),
    ...exclude.flatMap((glob) => ['--glob', `!${glob}`]),
  ];
}

/** The full argument list of the one scan (exported for the tests and the bench). */
export function ripgrepScanArgs(pattern: string, exclude: readonly string[]): string[] {
  return [
    '--count',
    '--include-zero',
    // A count above zero is all that is used: rg stops reading a file at its first match.
    '--max-count',
    '1',
    '--null',
    '--path-separator',
    '\\xFF',
    '--binary',
    '--no-messages',
    '--ignore-case',
    ...ripgrepIgnoreArgs(exclude),
    '-e',
    pattern,
    '.',
  ];
}

/** Longest record (path, NUL, count, newline) accepted; paths are far shorter (PATH_MAX). */
const MAX_RECORD_BYTES = 1 << 20;
const EMPTY = Buffer.alloc(0);
/** An empty, `.` or `..` part: never printed by rg for a real path (see SEPARATOR). */
const UNUSABLE_PART = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * Parses the scan's output as it arrives, in chunks cut anywhere: records are
 * `path NUL count LF`, the path in rg's bytes with SEPARATOR for `/` (it may hold a
 * newline; it never holds a NUL). Each record is handed on at once, as a
 * workspace-relative `/`-separated path and whether its count is above zero.
 */
export class ScanOutputParser {
  private pending: Buffer = EMPTY;
  /** Set when the output is not a scan's (a record without end, or one too long). */
  malformed = false;

  constructor(private readonly onRecord: (path: string, matches: boolean) => void) {}

  push(chunk: Buffer): void {
    if (this.malformed) return;
    const buffer = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const nul = buffer.indexOf(0, start);
      if (nul < 0) break;
      const end = buffer.indexOf(10, nul + 1);
      if (end < 0) break;
      this.take(buffer, start, nul, end);
      start = end + 1;
    }
    // The rest is copied: the chunk it came from is not kept alive for a few bytes.
    this.pending = start < buffer.length ? Buffer.from(buffer.subarray(start)) : EMPTY;
    if (this.pending.length > MAX_RECORD_BYTES) this.malformed = true;
  }

  /** The output ended: a partial record left over means it was not a whole scan. */
  end(): void {
    if (this.pending.length) this.malformed = true;
    this.pending = EMPTY;
  }

  private take(buffer: Buffer, start: number, nul: number, end: number): void {
    for (let i = start; i < nul; i++) if (buffer[i] === SEPARATOR) buffer[i] = 0x2f;
    // rg prints `./` before every path (it is given `.`).
    const from = nul - start >= 2 && buffer[start] === 0x2e && buffer[start + 1] === 0x2f ? start + 2 : start;
    const path = buffer.toString('utf8', from, nul);
    if (path === '' || UNUSABLE_PART.test(path)) return;
    const matches = !(end === nul + 2 && buffer[nul + 1] === 0x30 /* '0' */);
    this.onRecord(path, matches);
  }
}

/** How one scan hands its output over. */
export interface ScanOptions {
  /** Sees each listed file as soon as rg prints it (in no particular order). */
  onFile?: (path: string, candidate: boolean) => void;
  /**
   * rg writes its output to a private temporary file instead of a pipe; the file is read
   * as it grows, a slice of up to 1 MB at a time (tailSpool). A pipe holds 64 KB: while the
   * reading process's event loop is busy (an editor's extension host as the window
   * starts), rg waits on it; a 98k-file scan took 15–25 s instead of 3–4 s with the loop
   * busy 90% of the time, 3–7 s spooled. Even with an idle
   * reader a pipe costs: rg writes once per listed file (97,697 writes on a 97k-file tree),
   * and each write to a pipe wakes the reader; that scan took 1.13 s piped, 0.80 s spooled.
   */
  spool?: boolean;
  /**
   * With `spool`: called when the spool holds nothing new while rg still runs, for a few
   * milliseconds of the caller's deferred work; true when more is left, and the spool is
   * then looked at again on the next turn instead of after TAIL_MS.
   */
  whileWaiting?: () => boolean;
  /**
   * rg is stopped (and the caller falls back) when it lists nothing for this long: rg
   * opens an ignore file that is a named pipe and waits on it forever. Default STALL_MS.
   */
  stallMs?: number;
}

/** No file listed for this long: rg is taken to be stuck (see ScanOptions.stallMs). */
export const STALL_MS = 30_000;

/** Runs the scan; resolves undefined when this rg is missing or fails (the caller falls back). */
export function scanWithRipgrep(
  rgPath: string,
  root: string,
  pattern: string,
  exclude: readonly string[],
  signal?: AbortSignal,
  { onFile, whileWaiting, spool = false, stallMs = STALL_MS }: ScanOptions = {},
): Promise<ScanListing | undefined> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(undefined);
    let child: ReturnType<typeof spawn>;
    let spoolDir: string | undefined;
    try {
      let out: 'pipe' | number = 'pipe';
      if (spool) {
        spoolDir = mkdtempSync(nodePath.join(tmpdir(), 'alignment-rg-'));
        out = openSync(nodePath.join(spoolDir, 'out'), 'wx', 0o600);
      }
      try {
        child = spawn(rgPath, ripgrepScanArgs(pattern, exclude), { cwd: root, stdio: ['ignore', out, 'ignore'], windowsHide: true });
      } finally {
        if (typeof out === 'number') closeSync(out);
      }
    } catch {
      if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
      return resolve(undefined);
    }
    const onAbort = () => child.kill();
    signal?.addEventListener('abort', onAbort, { once: true });
    const files: string[] = [];
    const candidates = new Set<string>();
    let listedAt = performance.now();
    let stalled = false;
    const parser = new ScanOutputParser((path, matches) => {
      listedAt = performance.now();
      files.push(path);
      if (matches) candidates.add(path);
      onFile?.(path, matches);
    });
    const period = Math.min(1000, stallMs);
    let tickAt = performance.now();
    const watchdog = setInterval(() => {
      const now = performance.now();
      // A late tick means this thread was held (not rg), and so was the reading of its output: count again from now.
      if (now - tickAt > 2 * period) listedAt = now;
      tickAt = now;
      if (now - listedAt < stallMs) return;
      stalled = true;
      child.kill();
    }, period);
    watchdog.unref();
    child.stdout?.on('data', (chunk: Buffer) => {
      parser.push(chunk);
      if (parser.malformed) child.kill();
    });
    let exited!: () => void;
    const closed = new Promise<void>((done) => (exited = done));
    // The spool is read while rg writes it, in large slices (a listing parsed as it grows).
    const tailed = spoolDir ? tailSpool(nodePath.join(spoolDir, 'out'), parser, closed, signal, whileWaiting) : Promise.resolve(true);
    void tailed.then(() => parser.malformed && child.kill());
    // rg is done (it exited, or never started): the spool is read to its end, then removed. Once.
    let finishing: Promise<boolean> | undefined;
    const finish = () =>
      (finishing ??= (async () => {
        exited();
        const whole = await tailed;
        if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
        return whole;
      })());
    // A failed spawn may never emit 'close'.
    child.on('error', async () => {
      clearInterval(watchdog);
      await finish();
      resolve(undefined);
    });
    child.on('close', async (code) => {
      const exitedAt = performance.now();
      clearInterval(watchdog);
      signal?.removeEventListener('abort', onAbort);
      if (!(await finish()) || stalled) return resolve(undefined);
      parser.end();
      // 1: nothing matched. 2: an error, such as one unreadable folder; what it listed stands
      // when it listed anything (a bad binary or a bad pattern lists nothing).
      const ok = !signal?.aborted && !parser.malformed && (code === 0 || code === 1 || (code === 2 && files.length > 0));
      resolve(ok ? { files, candidates, confirmReads: CONFIRM_RG_READS, exitedAt } : undefined);
    });
  });
}

/** How long the spool's reader waits for rg to write more, at most. */
const TAIL_MS = 15;
/** One read of the spool, at most: the parse between two yields to the event loop. */
const TAIL_SLICE = 1 << 20;

/**
 * Reads the spool as rg writes it: whatever has been written, in slices of at most
 * TAIL_SLICE, yielding between them; when there is nothing new, lets `whileWaiting` work
 * (on the next turn again while it has more), else waits TAIL_MS or until
 * rg is done (`closed`), and once it is, reads to the end. Every byte rg wrote is read:
 * a read that finds nothing after `closed` settled ends it. False when the spool could
 * not be read (the listing would be partial) or the scan was aborted.
 */
async function tailSpool(file: string, parser: ScanOutputParser, closed: Promise<void>, signal?: AbortSignal, whileWaiting?: () => boolean): Promise<boolean> {
  let done = false;
  let wake: (() => void) | undefined;
  void closed.then(() => {
    done = true;
    wake?.();
  });
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  const slice = Buffer.allocUnsafe(TAIL_SLICE);
  try {
    for (let position = 0; ; ) {
      if (signal?.aborted) return false;
      const finished = done; // read before the read: after rg's exit the file is whole
      const length = readSync(fd, slice, 0, TAIL_SLICE, position);
      if (length > 0) {
        position += length;
        parser.push(slice.subarray(0, length)); // the parser keeps no reference to the slice
        if (parser.malformed) return true;
        await new Promise((next) => setImmediate(next));
      } else if (finished) {
        return true;
      } else if (whileWaiting?.()) {
        await new Promise((next) => setImmediate(next));
      } else {
        await new Promise<void>((next) => {
          const timer = setTimeout(next, TAIL_MS);
          wake = () => {
            clearTimeout(timer);
            next();
          };
        });
        wake = undefined;
      }
    }
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

const RG = process.platform === 'win32' ? 'rg.exe' : 'rg';

/**
 * The rg that `@vscode/ripgrep` installs for this platform (its per-platform optional
 * package, `@vscode/ripgrep-<platform>-<arch>/bin/rg`), found next to the running bundle
 * or through Node's resolution; undefined when the platform package is not installed.
 */
export function bundledRipgrep(from: string = __dirname): string | undefined {
  const pkg = `@vscode/ripgrep-${process.platform}-${process.arch}`;
  for (let dir = from; ; dir = nodePath.dirname(dir)) {
    const candidate = nodePath.join(dir, 'node_modules', pkg, 'bin', RG);
    if (existsSync(candidate)) return candidate;
    if (nodePath.dirname(dir) === dir) return undefined;
  }
}

/**
 * VS Code's own rg, under the application root (`vscode.env.appRoot`): the unpacked
 * copy when the app ships `node_modules.asar`, else the plain `node_modules` one.
 */
export function vscodeRipgrep(appRoot: string): string | undefined {
  for (const modules of ['node_modules.asar.unpacked', 'node_modules']) {
    const candidate = nodePath.join(appRoot, modules, '@vscode', 'ripgrep', 'bin', RG);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
