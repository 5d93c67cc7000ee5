/**
 * Running git for the history and branch adapters: plain read-only commands through
 * runGit (run-git.ts), and `git cat-file --batch` (many objects in one process, fed on
 * stdin) directly.
 * Callers run these only where processes are allowed (trusted workspaces, the CLI).
 */
import { spawn } from 'node:child_process';
import { runGit } from './run-git';

const TIMEOUT_MS = 20_000;

/** git in `root`: `raw(args)` resolves the stdout of `git -c core.quotepath=off <args>`. */
export function gitAt(root: string): { raw(args: readonly string[]): Promise<string> } {
  return { raw: (args) => runGit(root, args, { timeoutMs: TIMEOUT_MS }) };
}

/** Facts about the repository `root` lies in; undefined when it is none (or git is missing). */
export interface RepoInfo {
  /** `root`'s path inside the repository, `''` or ending in `/` (`git rev-parse --show-prefix`). */
  prefix: string;
  head?: string;
  /** `refs/heads/x` when a branch is checked out. */
  headRef?: string;
  shallow: boolean;
}

export type RepoProbe = { repo: RepoInfo } | { missing: 'no-git' | 'not-a-repository' };

export async function probeRepository(root: string): Promise<RepoProbe> {
  let text: string;
  try {
    text = await gitAt(root).raw(['rev-parse', '--show-prefix', '--is-shallow-repository', 'HEAD', '--symbolic-full-name', 'HEAD']);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/ENOENT|spawn git/.test(message)) return { missing: 'no-git' };
    // No commits yet: rev-parse fails on HEAD; ask again without it.
    try {
      const bare = await gitAt(root).raw(['rev-parse', '--show-prefix', '--is-shallow-repository']);
      const [prefix = '', shallow = 'false'] = bare.split('\n');
      return { repo: { prefix: prefix.trim(), shallow: shallow.trim() === 'true' } };
    } catch {
      return { missing: 'not-a-repository' };
    }
  }
  const lines = text.split('\n').map((l) => l.trim());
  // --show-prefix prints an empty line at the top level.
  const [prefix, shallow, head, headRef] = lines;
  return { repo: { prefix, shallow: shallow === 'true', headRef: headRef?.startsWith('refs/') ? headRef : undefined, head: /^[0-9a-f]{40,64}$/.test(head ?? '') ? head : undefined } };
}

/**
 * The files under `root` (paths relative to it) that differ between two commits, both
 * sides of a rename included: `git diff-tree` names them, without reading any content.
 */
export async function changedBetween(root: string, from: string, to: string): Promise<string[]> {
  const commit = /^[0-9a-f]{40,64}$/;
  if (!commit.test(from) || !commit.test(to)) throw new Error('changedBetween: commits are named by their full hash');
  const out = await gitAt(root).raw(['diff-tree', '-r', '-z', '--name-only', '--no-renames', '--relative', from, to]);
  return out.split('\0').filter(Boolean);
}

/** One answer of `git cat-file --batch`: the object's type and bytes, or undefined when missing. */
export interface GitObject {
  type: string;
  data: Buffer;
}

/** Reads many objects (`<sha>` or `<rev>:<path>`) in one `git cat-file --batch`. */
export function catFileBatch(root: string, names: readonly string[]): Promise<Map<string, GitObject | undefined>> {
  return new Promise((resolve, reject) => {
    const result = new Map<string, GitObject | undefined>();
    if (names.length === 0) return resolve(result);
    const child = spawn('git', ['-c', 'core.quotepath=off', 'cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const out = Buffer.concat(chunks);
      let at = 0;
      for (const name of names) {
        const newline = out.indexOf(10, at);
        if (newline < 0) break;
        const header = out.toString('utf8', at, newline);
        at = newline + 1;
        const m = /^(\S+) (\S+) (\d+)$/.exec(header);
        if (!m) {
          result.set(name, undefined); // "<name> missing" or "ambiguous"
          continue;
        }
        const size = Number(m[3]);
        result.set(name, { type: m[2], data: out.subarray(at, at + size) });
        at += size + 1;
      }
      resolve(result);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(names.map((n) => n.replace(/\n/g, ' ')).join('\n') + '\n');
  });
}

/** Entry names of a raw tree object: sub-trees get a trailing `/`. */
export function treeEntries(data: Buffer, hashBytes: number): string[] {
  const names: string[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const nul = data.indexOf(0, space + 1);
    if (space < 0 || nul < 0) break;
    const mode = data.toString('latin1', at, space);
    const name = data.toString('utf8', space + 1, nul);
    names.push(mode === '40000' ? `${name}/` : name);
    at = nul + 1 + hashBytes;
  }
  return names;
}
