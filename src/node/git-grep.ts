/**
 * The `git grep` scan, for machines with git and no rg: git lists the folder's files
 * (tracked and untracked, minus deleted ones) and names those matching the prefilter.
 * Git's own ignore rules differ from the walk's (a tracked file stays listed even when
 * a `.gitignore` names it, `.ignore` files mean nothing to git), so the listing is then
 * filtered with the walk's rules (keepByIgnoreRules): every scanner lists the same files.
 * Only where running a process is allowed (the CLI); never in the editor.
 */
import { spawn } from 'node:child_process';
import * as nodePath from 'node:path';
import { IGNORE_FILE_MAX_BYTES } from './ignore-rules';
import { readSmallText } from './read-text';
import type { ScanListing } from './ripgrep';
import { keepByIgnoreRules } from './walk-files';

/** `-c core.excludesFile=`: no global ignore file (outside the folder) applies. */
const GIT = ['-c', 'core.excludesFile=', '-c', 'core.quotePath=false'];

export async function scanWithGitGrep(root: string, pattern: string, exclude: readonly string[], signal?: AbortSignal): Promise<ScanListing | undefined> {
  const [listed, deleted, matching] = await Promise.all([
    run([...GIT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], root, signal),
    run([...GIT, 'ls-files', '-z', '--deleted'], root, signal),
    run([...GIT, 'grep', '-z', '-l', '-i', '-E', '--untracked', '-e', pattern], root, signal),
  ]);
  if (listed === undefined || deleted === undefined || matching === undefined) return undefined;
  const gone = new Set(splitNul(deleted));
  const paths = [...new Set(splitNul(listed))].filter((p) => !gone.has(p));
  // A `!pattern` in an .ignore/.rgignore file may keep a file git ignores, which git does
  // not list: such a folder is left to the next scanner.
  if (await reincludesIgnored(root, paths)) return undefined;
  const files = await keepByIgnoreRules(root, paths, exclude);
  const kept = new Set(files);
  return { files, candidates: new Set(splitNul(matching).filter((p) => kept.has(p))) };
}

async function reincludesIgnored(root: string, paths: readonly string[]): Promise<boolean> {
  for (const p of paths) {
    if (!/(?:^|\/)\.(?:rg)?ignore$/.test(p)) continue;
    const text = (await readSmallText(nodePath.join(root, p), IGNORE_FILE_MAX_BYTES)) ?? '';
    if (/^\s*!/m.test(text)) return true;
  }
  return false;
}

function splitNul(output: string): string[] {
  return output.split('\0').filter(Boolean);
}

/** Resolves stdout; undefined when git is missing, this is no repository, or it failed. */
function run(args: string[], cwd: string, signal?: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(undefined);
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true, signal });
    } catch {
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(undefined));
    // git grep exits 1 when nothing matched: an empty list, not a failure.
    child.on('close', (code) => resolve(code === 0 || (code === 1 && args.includes('grep')) ? Buffer.concat(chunks).toString('utf8') : undefined));
  });
}
