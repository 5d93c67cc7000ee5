/**
 * git as a plain child process, for the few read-only commands the history, branch and
 * identity adapters run: `git` looked up on PATH, an argument array (never a shell), a
 * timeout, stdout as text. Callers run it only where processes are allowed (trusted
 * workspaces, the CLI).
 *
 * The arguments are fixed by the callers; this wrapper still refuses, before the first
 * `--` or `--end-of-options`, any subcommand but the read-only ones used here and any
 * option that makes git run another program, read another repository or write a file
 * (`-c`, `--config-env`, `--exec-path`, `--upload-pack`, `--output`, `--ext-diff`, …).
 * Values after `--end-of-options` (a ref the user typed) are git's to read as refs.
 */
import { spawn } from 'node:child_process';

/** Read-only subcommands, and `config` only as `config --get <key>`. */
const SUBCOMMANDS = new Set(['rev-parse', 'for-each-ref', 'log', 'cat-file', 'config', 'diff-tree']);
/** Options (or their `--x=` forms) refused anywhere before the end of options. */
const REFUSED = [
  '-c', '-C', '--config', '--config-env', '--exec-path', '--git-dir', '--work-tree', '--namespace', '--super-prefix', '--attr-source',
  '--upload-pack', '--receive-pack', '--exec', '--output', '--output-directory', '--ext-diff', '--textconv', '--open-files-in-pager', '-O',
  '--paginate', '-p', '--patch', '--edit', '--file', '--global', '--system', '--worktree', '--add', '--unset', '--unset-all', '--replace-all',
  '--rename-section', '--remove-section',
];

export class GitArgumentError extends Error {}

/** Throws a GitArgumentError when `args` are not one of the read-only command lines this wrapper runs. */
export function checkGitArgs(args: readonly string[]): void {
  const command = args[0];
  if (command === undefined || !SUBCOMMANDS.has(command)) throw new GitArgumentError(`git ${String(command)}: not a command run here`);
  for (const arg of args.slice(1)) {
    if (arg === '--' || arg === '--end-of-options') break;
    if (arg.includes('\0')) throw new GitArgumentError('git: an argument holds a NUL character');
    if (REFUSED.some((option) => arg === option || arg.startsWith(option + '=') || (option.length === 2 && arg.startsWith(option) && !arg.startsWith('--')))) {
      throw new GitArgumentError(`git ${command}: option ${arg} is refused`);
    }
  }
  if (command === 'config' && !(args.length === 3 && args[1] === '--get' && /^[a-z][a-z0-9-]*\.[a-z][a-z0-9.-]*$/i.test(args[2]))) {
    throw new GitArgumentError('git config: only `config --get <key>` is run here');
  }
}

export interface RunGitOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Runs `git -c core.quotepath=off <args>` in `cwd`; resolves its stdout (UTF-8), rejects
 * when git is missing (the error's message names ENOENT), exits non-zero, times out or
 * is aborted.
 */
export function runGit(cwd: string, args: readonly string[], options: RunGitOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    try {
      checkGitArgs(args);
    } catch (error) {
      return reject(error);
    }
    if (options.signal?.aborted) return reject(new Error('git: aborted'));
    const child = spawn('git', ['--no-pager', '-c', 'core.quotepath=off', ...args], {
      cwd,
      shell: false,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Never prompt; take no optional locks (a read must not rewrite .git/index).
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let errBytes = 0;
    let failure: Error | undefined;
    const stop = (error: Error) => {
      failure ??= error;
      child.kill();
    };
    const timer = setTimeout(() => stop(new Error(`git ${args[0]}: timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`)), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const onAbort = () => stop(new Error('git: aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (errBytes < 8192) err.push(chunk);
      errBytes += chunk.length;
    });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (error) => {
      done();
      reject(failure ?? error);
    });
    child.on('close', (code) => {
      done();
      if (failure) return reject(failure);
      if (code !== 0) return reject(new Error(`git ${args[0]} exited with ${code}: ${Buffer.concat(err).toString('utf8').trim().slice(0, 500)}`));
      resolve(Buffer.concat(out).toString('utf8'));
    });
  });
}
