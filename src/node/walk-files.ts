/**
 * Lists the files of a workspace folder (workspace-relative, `/`-separated, sorted),
 * honouring IgnoreRules. Asynchronous with bounded concurrency: it never blocks the
 * event loop on a large tree.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { IGNORE_FILE_MAX_BYTES, IGNORE_FILES, IgnoreRules } from './ignore-rules';
import { readSmallText } from './read-text';

export async function walkFiles(root: string, exclude: readonly string[] = [], concurrency = 16, signal?: AbortSignal): Promise<string[]> {
  const rules = new IgnoreRules(exclude);
  const files: string[] = [];
  const queue: string[] = [''];
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      if (signal?.aborted) return reject(signal.reason);
      if (queue.length === 0 && active === 0) return resolve();
      while (active < concurrency && queue.length > 0) {
        const dir = queue.pop()!;
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
  // A symlinked ignore file counts, as rg and git read it (through the link); what it
  // names must still be a small regular file (readSmallText).
  for (const name of IGNORE_FILES) {
    if (entries.some((e) => e.name === name && (e.isFile() || e.isSymbolicLink()))) await addIgnoreFile(root, dir, name, rules);
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

/** Adds `dir`'s ignore file `name` to `rules`, if it is there and a small regular file. */
export async function addIgnoreFile(root: string, dir: string, name: string, rules: IgnoreRules): Promise<void> {
  // An unreadable ignore file, or one that is no regular file (a named pipe), ignores nothing.
  const text = await readSmallText(nodePath.join(root, dir, name), IGNORE_FILE_MAX_BYTES);
  if (text !== undefined) rules.addIgnoreFile(dir, text);
}

/**
 * Filters a listing made by another tool (git) with the walk's rules, so that every
 * scanner keeps the same files: a path is kept when no folder above it and not the
 * path itself is ignored. Ignore files are taken from the listing, shallowest first.
 */
export async function keepByIgnoreRules(root: string, paths: readonly string[], exclude: readonly string[]): Promise<string[]> {
  const rules = new IgnoreRules(exclude);
  const depth = (p: string) => p.split('/').length;
  const ignoreFiles = paths
    .filter((p) => p.endsWith('ignore'))
    .map((p) => ({ p, name: p.slice(p.lastIndexOf('/') + 1) }))
    .filter(({ name }) => (IGNORE_FILES as readonly string[]).includes(name))
    .sort((a, b) => depth(a.p) - depth(b.p) || IGNORE_FILES.indexOf(a.name as never) - IGNORE_FILES.indexOf(b.name as never));
  const folderIgnored = new Map<string, boolean>();
  const ignoredFolder = (folder: string): boolean => {
    if (!folder) return false;
    let known = folderIgnored.get(folder);
    if (known === undefined) {
      const slash = folder.lastIndexOf('/');
      known = ignoredFolder(slash < 0 ? '' : folder.slice(0, slash)) || rules.ignores(folder, true);
      folderIgnored.set(folder, known);
    }
    return known;
  };
  for (const { p, name } of ignoreFiles) {
    const dir = p.slice(0, Math.max(0, p.length - name.length - 1));
    if (!ignoredFolder(dir) && !rules.ignores(p, false)) await addIgnoreFile(root, dir, name, rules);
  }
  return paths.filter((p) => !ignoredFolder(p.slice(0, Math.max(0, p.lastIndexOf('/')))) && !rules.ignores(p, false)).sort();
}
