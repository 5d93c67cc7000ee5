/**
 * Lists the files of a workspace folder (workspace-relative, `/`-separated, sorted),
 * honouring IgnoreRules. Asynchronous with bounded concurrency: it never blocks the
 * event loop on a large tree.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { IgnoreRules } from './ignore-rules';

export async function walkFiles(root: string, exclude: readonly string[] = [], concurrency = 16): Promise<string[]> {
  const rules = new IgnoreRules(exclude);
  const files: string[] = [];
  const queue: string[] = [''];
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      if (queue.length === 0 && active === 0) return resolve();
      while (active < concurrency && queue.length > 0) {
        const dir = queue.shift()!;
        active++;
        readDirectory(root, dir, rules, files, queue)
          .then(() => {
            active--;
            pump();
          })
          .catch(reject);
      }
    };
    pump();
  });
  return files.sort();
}

async function readDirectory(root: string, dir: string, rules: IgnoreRules, files: string[], queue: string[]): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(nodePath.join(root, dir), { withFileTypes: true });
  } catch {
    return; // vanished or unreadable folder: nothing to index there
  }
  if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
    try {
      rules.addIgnoreFile(dir, await fs.readFile(nodePath.join(root, dir, '.gitignore'), 'utf8'));
    } catch {
      // an unreadable .gitignore ignores nothing
    }
  }
  for (const entry of entries) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!rules.ignores(path, true)) queue.push(path);
    } else if (entry.isFile() && !rules.ignores(path, false)) {
      files.push(path);
    }
  }
}
