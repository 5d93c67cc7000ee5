/**
 * The ripgrep prefilter: `rg` lists the files and the candidate files (those matching
 * the reference pattern) far faster than reading everything, with the same ignore
 * rules as the walk. Used only where running a process is allowed; absent `rg`, the
 * caller falls back to walking and reading in Node.
 */
import { spawn } from 'node:child_process';

export interface RipgrepListing {
  files: string[];
  candidates: Set<string>;
}

/** Runs rg; resolves undefined when rg is missing or fails. */
export async function listWithRipgrep(
  root: string,
  pattern: string,
  exclude: readonly string[],
  maxFileSizeKb: number,
  rgPath = process.env.ALIGNMENT_RG ?? 'rg',
): Promise<RipgrepListing | undefined> {
  // --no-ignore-parent: ignore files above the workspace folder are not the workspace's.
  const common = ['--hidden', '--no-require-git', '--no-ignore-parent', '--glob', '!.git', '--glob', '!node_modules', '--no-messages', '--no-config', ...exclude.flatMap((g) => ['--glob', `!${g}`])];
  const [files, candidates] = await Promise.all([
    run(rgPath, ['--files', ...common, '.'], root),
    run(rgPath, ['--files-with-matches', '--ignore-case', '--max-filesize', `${maxFileSizeKb}K`, ...common, '-e', pattern, '.'], root),
  ]);
  if (files === undefined || candidates === undefined) return undefined;
  return { files: splitPaths(files).sort(), candidates: new Set(splitPaths(candidates)) };
}

function splitPaths(output: string): string[] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((p) => p.replace(/\\/g, '/').replace(/^\.\//, ''));
}

function run(command: string, args: string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(undefined));
    // rg exits 1 when nothing matched: an empty list, not a failure.
    child.on('close', (code) => resolve(code === 0 || code === 1 ? Buffer.concat(chunks).toString('utf8') : undefined));
  });
}
