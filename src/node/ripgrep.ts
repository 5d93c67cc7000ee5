/**
 * The ripgrep scan: ONE rg process lists every file the ignore rules keep and counts, in
 * each, the lines matching the reference prefilter (`--count --include-zero --null`).
 * Its output is parsed as it streams; a file with a count above zero is a candidate.
 * Binary files are listed too (`--binary`), so the list equals the Node walk's.
 *
 * Which rg runs is the caller's choice (see scanners.ts); this module only knows how
 * to find the binary that `@vscode/ripgrep` ships and the one inside a VS Code install.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ALWAYS_SKIPPED } from './ignore-rules';

export interface ScanListing {
  /** Every file kept by the ignore rules, workspace-relative, `/`-separated, sorted. */
  files: string[];
  /** Files that match the prefilter: the only code files worth reading. */
  candidates: Set<string>;
}

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
  return ['--count', '--include-zero', '--null', '--binary', '--no-messages', '--ignore-case', ...ripgrepIgnoreArgs(exclude), '-e', pattern, '.'];
}

/**
 * Runs the scan; resolves undefined when this rg is missing or fails (the caller falls back).
 * `spool`: rg writes its output to a private temporary file, read once rg is done, instead
 * of a pipe. A pipe holds 64 KB: while the reading process's event loop is busy (an
 * editor's extension host as the window starts), rg waits on it; a 98k-file scan took
 * 15–25 s instead of 3–4 s with the loop busy 90% of the time, 3–7 s spooled.
 */
export function scanWithRipgrep(rgPath: string, root: string, pattern: string, exclude: readonly string[], signal?: AbortSignal, spool = false): Promise<ScanListing | undefined> {
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
    const decoder = new StringDecoder('utf8');
    let rest = '';
    const take = (line: string) => {
      const nul = line.lastIndexOf('\0');
      if (nul < 0) return;
      const path = normalisePath(line.slice(0, nul));
      files.push(path);
      if (line.charCodeAt(nul + 1) !== 48 /* '0' */ || line.length > nul + 2) candidates.add(path);
    };
    const onData = (chunk: Buffer) => {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        take(text.slice(start, end));
        start = end + 1;
      }
      rest = text.slice(start);
    };
    child.stdout?.on('data', onData);
    child.on('error', () => {
      if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
      resolve(undefined);
    });
    child.on('close', async (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (spoolDir) {
        // Parsed in slices of 1 MB, yielding between them (the event loop stays free).
        try {
          const data = !signal?.aborted && (code === 0 || code === 1 || code === 2) ? readFileSync(nodePath.join(spoolDir, 'out')) : Buffer.alloc(0);
          for (let at = 0; at < data.length; at += 1 << 20) {
            onData(data.subarray(at, at + (1 << 20)));
            await new Promise((next) => setImmediate(next));
          }
        } catch {
          // unreadable output: what was parsed stands, as with a pipe that broke
        } finally {
          rmSync(spoolDir, { recursive: true, force: true });
        }
      }
      take(rest + decoder.end());
      // 1: nothing matched. 2: an error, such as one unreadable folder; what it listed stands
      // when it listed anything (a bad binary or a bad pattern lists nothing).
      const ok = !signal?.aborted && (code === 0 || code === 1 || (code === 2 && files.length > 0));
      resolve(ok ? { files: files.sort(), candidates } : undefined);
    });
  });
}

function normalisePath(path: string): string {
  const slashed = nodePath.sep === '\\' ? path.replace(/\\/g, '/') : path;
  return slashed.startsWith('./') ? slashed.slice(2) : slashed;
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
