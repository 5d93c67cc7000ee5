/**
 * Which process lists the files and names the candidates, in order of preference; the
 * first that works wins, and with none the folder is walked and read in Node.
 *
 * - CLI: the rg that `@vscode/ripgrep` installs, rg on PATH, `git grep`, Node.
 * - Editor (trusted): the user's `alignment.ripgrepPath` (machine scope: never a
 *   workspace's), VS Code's own rg, Node.
 * - Editor (restricted mode): VS Code's own rg only, then Node (see the extension's
 *   editorScanners): never git, never a binary named by settings, environment or files.
 */
import { scanWithGitGrep } from './git-grep';
import type { ReferencePrefilter } from '../core/references';
import { bundledRipgrep, scanWithRipgrep, type ScanListing } from './ripgrep';

/** Every rg scanner, the editor's and the CLI's, writes its output to a temporary file, not a pipe (see ScanOptions). */
export type Scanner = { kind: 'rg'; command: string; label: string } | { kind: 'git-grep'; label: 'git grep' };

export const GIT_GREP: Scanner = { kind: 'git-grep', label: 'git grep' };

/**
 * The CLI's order. `ALIGNMENT_SCANNER` (`bundled`, `path`, `git`, `node`) keeps only one
 * of them, for measuring each path (`npm run bench -- --tree`) and for tests.
 */
export function cliScanners(env: NodeJS.ProcessEnv = process.env): Scanner[] {
  const bundled = bundledRipgrep();
  const all: Array<[string, Scanner | undefined]> = [
    ['bundled', bundled ? { kind: 'rg', command: bundled, label: 'bundled rg' } : undefined],
    ['path', { kind: 'rg', command: 'rg', label: 'rg on PATH' }],
    ['git', GIT_GREP],
  ];
  const only = env.ALIGNMENT_SCANNER;
  return all.filter(([name, scanner]) => scanner && (!only || only === name)).map(([, scanner]) => scanner!);
}

export interface ScanOutcome {
  listing?: ScanListing;
  /** The scanner that produced the listing; `node` when none did. */
  scanner: string;
}

export interface ScanHooks {
  onFile?: (path: string, candidate: boolean) => void;
  onStart?: () => void;
  /** Called while an rg scan has printed nothing new (ScanOptions.whileWaiting). */
  whileWaiting?: () => boolean;
}

/**
 * rg is given the prefilter's own ripgrep pattern, git grep the portable one.
 * `onStart` is called as each scanner's process has been started, before its listing is
 * awaited. `onFile` sees the files of an rg scan as it streams them, before the listing is
 * done (and those of a scan that then fails, whose listing is never returned: the next
 * `onStart` says that a new scan begins).
 */
export async function runScanners(
  scanners: readonly Scanner[],
  root: string,
  prefilter: Pick<ReferencePrefilter, 'regex' | 'ripgrepRegex'>,
  exclude: readonly string[],
  signal?: AbortSignal,
  { onFile, onStart, whileWaiting }: ScanHooks = {},
): Promise<ScanOutcome> {
  for (const scanner of scanners) {
    const scan =
      scanner.kind === 'rg' ? scanWithRipgrep(scanner.command, root, prefilter.ripgrepRegex, exclude, signal, { onFile, whileWaiting, spool: true })
        : scanWithGitGrep(root, prefilter.regex, exclude, signal);
    onStart?.();
    const listing = await scan;
    if (signal?.aborted) break;
    if (listing) return { listing, scanner: scanner.label };
  }
  return { scanner: 'node' };
}
