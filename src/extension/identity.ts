/**
 * Who "me" is: `alignment.identity`, else `git config user.email` — the latter only in
 * a trusted workspace, since it runs git. Cached per folder.
 */
import * as vscode from 'vscode';
import { runGit } from '../node/run-git';
import { configuredIdentity } from './settings';

const cache = new Map<string, Promise<string | undefined>>();

export async function currentIdentity(folder: vscode.Uri | undefined): Promise<string | undefined> {
  const configured = configuredIdentity();
  if (configured) return configured;
  if (!vscode.workspace.isTrusted || !folder || folder.scheme !== 'file') return undefined;
  const key = folder.toString();
  let pending = cache.get(key);
  if (!pending) {
    pending = runGit(folder.fsPath, ['config', '--get', 'user.email'], { timeoutMs: 5000 })
      .then((value) => value.trim() || undefined)
      .catch(() => undefined);
    cache.set(key, pending);
  }
  return pending;
}

export function forgetIdentity(): void {
  cache.clear();
}
