// Helpers shared by the host test files: the extension's API, the fixture
// workspace's files, polling for asynchronous results (file watchers, debounced
// updates), and putting the workspace back the way each test found it.

import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'execution-alignment.execution-alignment';

let apiPromise: Promise<AlignmentApi> | undefined;

/** Activates the extension (once) and waits until its first index is built. */
export async function getApi(): Promise<AlignmentApi> {
  apiPromise ??= (async () => {
    const extension = vscode.extensions.getExtension<AlignmentApi | undefined>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not in the host`);
    const api = await extension.activate();
    assert.ok(api, 'activate() returned no API');
    return api;
  })();
  const api = await apiPromise;
  await api.whenIdle();
  return api;
}

export function folderUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri;
}

/** The URI of a workspace-relative path. */
export function wsUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(folderUri(), ...path.split('/'));
}

/**
 * Runs `check` until it returns without throwing (and not `false`), or until
 * `timeoutMs` has passed; then rethrows its last error.
 */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return result;
      lastError = new Error('condition still false');
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await sleep(intervalMs);
  }
}

/** Markdown as rendered text: escapes and the non-breaking spaces of appendText undone. */
export function plain(value: string): string {
  return value.replace(/\\([\\`*_{}[\]()#+\-.!~<>|&])/g, '$1').replace(/&nbsp;/g, ' ');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The extension's diagnostics of a file. */
export function alignmentDiagnostics(path: string | vscode.Uri): vscode.Diagnostic[] {
  const uri = typeof path === 'string' ? wsUri(path) : path;
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'alignment');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function codesOf(path: string | vscode.Uri): string[] {
  return alignmentDiagnostics(path).map(codeOf).sort();
}

/** Waits for a diagnostic with `code` in `path` (optionally matching `where`) and returns it. */
export function diagnosticWith(path: string | vscode.Uri, code: string, where: (d: vscode.Diagnostic) => boolean = () => true, timeoutMs = 10_000): Promise<vscode.Diagnostic> {
  return eventually(() => {
    const found = alignmentDiagnostics(path).find((d) => codeOf(d) === code && where(d));
    assert.ok(found, `no ${code} in ${String(path)}; has: ${codesOf(path).join(', ') || 'none'}`);
    return found;
  }, timeoutMs);
}

/** Waits until `path` has no diagnostic with `code` (matching `where`). */
export function noDiagnostic(path: string | vscode.Uri, code: string, where: (d: vscode.Diagnostic) => boolean = () => true, timeoutMs = 10_000): Promise<void> {
  return eventually(() => {
    const found = alignmentDiagnostics(path).filter((d) => codeOf(d) === code && where(d));
    assert.equal(found.length, 0, `${String(path)} still has ${code}: ${found.map((d) => d.message).join(' | ')}`);
  }, timeoutMs);
}

export function pathOf(uri: vscode.Uri): string {
  const root = folderUri().path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : uri.path;
}

export async function readText(path: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(path)));
}

export async function exists(path: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(wsUri(path));
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Restoring the workspace: every file a test writes, creates, deletes or renames
// through these helpers is put back by `restoreWorkspace()` (called from afterEach).

const originals = new Map<string, string | undefined>();

async function remember(path: string): Promise<void> {
  if (originals.has(path)) return;
  let type: vscode.FileType | undefined;
  try {
    type = (await vscode.workspace.fs.stat(wsUri(path))).type;
  } catch {
    type = undefined;
  }
  if (type !== undefined && type & vscode.FileType.Directory) {
    // A folder: remember each file in it.
    for (const [name] of await vscode.workspace.fs.readDirectory(wsUri(path))) await remember(`${path}/${name}`);
    return;
  }
  originals.set(path, type === undefined ? undefined : await readText(path));
}

export async function writeFile(path: string, text: string): Promise<vscode.Uri> {
  await remember(path);
  const uri = wsUri(path);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function deleteFile(path: string): Promise<void> {
  await remember(path);
  await vscode.workspace.fs.delete(wsUri(path), { recursive: true, useTrash: false });
}

export async function renameFile(from: string, to: string): Promise<void> {
  await remember(from);
  await remember(to);
  await vscode.workspace.fs.rename(wsUri(from), wsUri(to), { overwrite: false });
}

/** Remembers a path's content (or absence) before an editor or a command changes it. */
export async function track(path: string): Promise<void> {
  await remember(path);
}

/** Opens a file in an editor and makes it the active one. */
export async function openEditor(path: string | vscode.Uri): Promise<vscode.TextEditor> {
  const uri = typeof path === 'string' ? wsUri(path) : path;
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Edits the editor's text (unsaved) and returns the new text. */
export async function editText(editor: vscode.TextEditor, edit: (builder: vscode.TextEditorEdit) => void): Promise<string> {
  const ok = await editor.edit(edit);
  assert.ok(ok, 'the editor refused the edit');
  return editor.document.getText();
}

/** Position of the `occurrence`-th (0-based) match of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0, offsetInNeedle = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${occurrence}) not found in ${document.uri.path}`);
  }
  return document.positionAt(at + offsetInNeedle);
}

/** Reverts and closes every editor (no save prompts), then restores remembered files. */
export async function restoreWorkspace(api?: AlignmentApi): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const entries = [...originals].reverse();
  originals.clear();
  for (const [path, text] of entries) {
    const uri = wsUri(path);
    if (text === undefined) {
      await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    } else {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    }
  }
  if (api && entries.length > 0) {
    // Let the watcher deliver the restoring events, then wait for the index.
    await eventually(async () => {
      await sleep(300);
      await api.whenIdle();
      for (const [path, text] of entries) {
        const known = api.service.all()[0].allFiles.has(path);
        if (text === undefined) assert.ok(!known, `${path} is still indexed`);
      }
    }, 10_000, 0);
  }
  if (api) {
    api.setPrompts();
    await settle(api);
  }
}

/** Waits until the index has had no update for `quietMs` (late watcher events included). */
export async function settle(api: AlignmentApi, quietMs = 400, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const count = () => api.service.all().reduce((n, f) => n + f.updates, 0);
  for (;;) {
    await api.whenIdle();
    const before = count();
    await sleep(quietMs);
    await api.whenIdle();
    if (count() === before || Date.now() > deadline) return;
  }
}

/** The workspace's folder index (single-root fixture). */
export function folderIndex(api: AlignmentApi) {
  const folder = api.service.all()[0];
  assert.ok(folder, 'no folder index');
  return folder;
}

/** A question the extension asked through its prompts. */
export interface Asked {
  kind: 'input' | 'pick' | 'message';
  title?: string;
  prompt?: string;
  text?: string;
}

/**
 * Answers the extension's prompts as a user pressing Enter would, except for the
 * input boxes `inputs` answers (given each box's options and how many came
 * before; `undefined` means "accept the default value"): quick picks take nothing
 * (multi-select) or the first item, messages get no button. Returns the log of
 * what was asked. Restored to the real prompts by restoreWorkspace().
 */
export function answerPrompts(api: AlignmentApi, inputs: (options: vscode.InputBoxOptions, count: number) => string | undefined): Asked[] {
  const asked: Asked[] = [];
  let inputCount = 0;
  api.setPrompts({
    showInputBox: (async (options: vscode.InputBoxOptions = {}) => {
      asked.push({ kind: 'input', title: options.title, prompt: options.prompt });
      return inputs(options, inputCount++) ?? options.value ?? '';
    }) as typeof vscode.window.showInputBox,
    showQuickPick: (async (items: readonly unknown[] | Thenable<readonly unknown[]>, options: vscode.QuickPickOptions = {}) => {
      asked.push({ kind: 'pick', title: options.title, prompt: options.placeHolder });
      const list = await items;
      return options.canPickMany ? [] : list[0];
    }) as unknown as typeof vscode.window.showQuickPick,
    showInformationMessage: (async (text: string) => {
      asked.push({ kind: 'message', text });
      return undefined;
    }) as typeof vscode.window.showInformationMessage,
    showWarningMessage: (async (text: string) => {
      asked.push({ kind: 'message', text });
      return undefined;
    }) as typeof vscode.window.showWarningMessage,
    showErrorMessage: (async (text: string) => {
      asked.push({ kind: 'message', text });
      return undefined;
    }) as typeof vscode.window.showErrorMessage,
  });
  return asked;
}

// ---------------------------------------------------------------------------
// Processes: which calls of child_process come from the extension.

// The module object itself (an ES namespace import would be a copy): what every caller sees.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const childProcess = require('node:child_process') as typeof import('node:child_process');

export const PATCHED = ['spawn', 'execFile', 'exec', 'fork', 'spawnSync', 'execFileSync', 'execSync'] as const;

export interface Call {
  name: string;
  command: string;
  /** The argument list, when the call passed one (spawn/execFile style). */
  args: string[];
  stack: string;
}

/** Wraps child_process' functions to record each call with its stack; returns the undo. */
export function recordProcesses(calls: Call[]): () => void {
  const module = childProcess as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const name of PATCHED) {
    const original = module[name];
    originals.set(name, original);
    const wrapper = function (this: unknown, ...args: unknown[]) {
      calls.push({ name, command: String(args[0]), args: Array.isArray(args[1]) ? args[1].map(String) : [], stack: new Error().stack ?? '' });
      return original.apply(this, args);
    };
    Object.defineProperty(module, name, { value: wrapper, configurable: true, writable: true, enumerable: true });
  }
  return () => {
    for (const [name, original] of originals) Object.defineProperty(module, name, { value: original, configurable: true, writable: true, enumerable: true });
  };
}

/** Whether a stack shows the extension's own code (its bundle, or its sources if source-mapped). */
export function extensionCode(stack: string): boolean {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return stack.includes(nodePath.join(root, 'dist', 'extension.js')) || stack.includes(nodePath.join(root, 'src') + nodePath.sep);
}
