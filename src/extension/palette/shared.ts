/**
 * What the palette commands share: resolving their arguments (a tree element, a hover
 * link's folder and id, or a pick list), writing through one WorkspaceEdit, and small
 * helpers for people, dates and links.
 */
import { decisionFileInfo } from '../../core/decisions';
import { nextFreeNumber } from '../../core/governance/numbers';
import { newDecisionFileName } from '../../core/templates';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { minimalReplacement, type EditResult } from '../../core/edits';
import { isUnder } from '../../core/layout';
import type { AlignmentRecord, Assumption, Decision } from '../../core/model';
import type { FolderIndex } from '../folder-index';
import { currentIdentity } from '../identity';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';
import { compareText } from '../../core/compare-text';

export interface RecordHit<R extends AlignmentRecord = AlignmentRecord> {
  folder: FolderIndex;
  record: R;
}

/**
 * The record named by a command's arguments: `(treeElement)` with string `folder` and
 * `id`, `({ id, folder? })`, or `(folderUriString, id)` from a hover link. Undefined
 * when the arguments name nothing (then the caller shows a pick list).
 */
export function recordFromArgs(service: IndexService, args: readonly unknown[]): RecordHit | 'unknown' | undefined {
  let folderArg: unknown;
  let idArg: unknown;
  const [first, second] = args;
  if (typeof first === 'string' && typeof second === 'string') {
    folderArg = first;
    idArg = second;
  } else if (first && typeof first === 'object' && typeof (first as { id?: unknown }).id === 'string') {
    folderArg = (first as { folder?: unknown }).folder;
    idArg = (first as { id: string }).id;
  } else {
    return undefined;
  }
  const near = typeof folderArg === 'string' ? safeUri(folderArg) : undefined;
  const hit = service.lookup(idArg as string, near);
  if (!hit) {
    void prompts.showWarningMessage(`No record ${String(idArg)} in this workspace folder.`);
    return 'unknown';
  }
  return { folder: hit.folder, record: hit.record };
}

function safeUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

export type RecordItem<R extends AlignmentRecord> = vscode.QuickPickItem & { hit: RecordHit<R> };

export function decisionItem(folder: FolderIndex, d: Decision, detail?: string): RecordItem<Decision> {
  return { label: d.id, description: d.title, detail: detail ?? `${d.status} · ${d.path}`, hit: { folder, record: d } };
}

export function assumptionItem(folder: FolderIndex, a: Assumption): RecordItem<Assumption> {
  return { label: a.id, description: a.statement, detail: `${a.status} · ${a.path}`, hit: { folder, record: a } };
}

/** Every decision of every folder, with its folder. */
export function allDecisions(service: IndexService): RecordHit<Decision>[] {
  return service.all().flatMap((folder) => (folder.index?.decisions ?? []).map((record) => ({ folder, record })));
}

export function allAssumptions(service: IndexService): RecordHit<Assumption>[] {
  return service.all().flatMap((folder) => (folder.index?.assumptions ?? []).map((record) => ({ folder, record })));
}

/** The workspace folder for a new record: a preferred one, the active editor's, or a pick. */
export async function pickFolder(service: IndexService, preferred?: string): Promise<FolderIndex | undefined> {
  const folders = service.all();
  const match = preferred ? folders.find((f) => f.folder.uri.toString() === preferred) : undefined;
  if (match) return match;
  const active = vscode.window.activeTextEditor ? service.folderOf(vscode.window.activeTextEditor.document.uri) : undefined;
  if (active) return active;
  if (folders.length <= 1) return folders[0];
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new record' });
  return picked ? folders.find((f) => f.folder.uri.toString() === picked.uri.toString()) : undefined;
}

export function me(folder: FolderIndex): Promise<string | undefined> {
  return currentIdentity(folder.folder.uri);
}

/** Today as YYYY-MM-DD, in local time (what the user would write). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** People the index knows: owners, approvers, deciders of decisions and owners of assumptions. */
export function knownPeople(folder: FolderIndex): string[] {
  const seen = new Map<string, string>();
  const add = (name: string | undefined) => {
    const text = name?.trim();
    if (text && !seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
  };
  for (const d of folder.index?.decisions ?? []) {
    add(d.owner);
    d.approvers.forEach((a) => add(a.name));
    d.deciders.forEach(add);
  }
  for (const a of folder.index?.assumptions ?? []) add(a.owner);
  return [...seen.values()].sort(compareText);
}

/** File names directly inside a workspace-relative folder. */
export function filesIn(folder: FolderIndex, dir: string): string[] {
  return [...folder.allFiles].filter((p) => isUnder(p, dir) && !p.slice(dir.length + 1).includes('/')).map((p) => p.slice(dir.length + 1));
}

/**
 * The file name of a new decision in `dir`: the next number free here and on every other
 * local and remote-tracking branch (known in trusted workspaces; else this folder's own).
 */
export async function newDecisionIn(folder: FolderIndex, dir: string, title: string): Promise<{ fileName: string; number: number; digits: string }> {
  await folder.whenGitReady();
  const names = filesIn(folder, dir);
  return newDecisionFileName(names, title, nextFreeNumber(names, dir, folder.branches));
}

/**
 * The file name a new decision in `dir` tries at its `attempt`-th claim: `first`, then,
 * after a taken number, the next one free on disk (`onDisk`), in the index and on other
 * branches.
 */
export function decisionAttempt(
  folder: FolderIndex,
  dir: string,
  title: string,
  first: { fileName: string; number: number; digits: string },
  attempt: number,
  onDisk: readonly string[],
): { fileName: string; number: number; digits: string } {
  if (attempt === 0) return first;
  const names = [...onDisk, ...filesIn(folder, dir)];
  return newDecisionFileName(names, title, nextFreeNumber(names, dir, folder.branches));
}

/** Whether a file name found in the folder takes the decision number being claimed. */
export function takesDecisionNumber(name: string, file: { number?: number }): boolean {
  return decisionFileInfo(name)?.number === file.number;
}

/** A relative link from one record file to another (both workspace-relative). */
export function relativeLink(from: string, to: string): string {
  return nodePath.posix.relative(nodePath.posix.dirname(from), to) || nodePath.posix.basename(to);
}

/**
 * Adds to `edit` the change of an open or closed file from `before` to `after`, as
 * the smallest replacement (so the cursor and unchanged text stay put).
 */
export function addTextChange(edit: vscode.WorkspaceEdit, document: vscode.TextDocument, before: string, after: string, label: string): void {
  const change = minimalReplacement(before, after);
  if (!change) return;
  edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text, { label, needsConfirmation: false });
}

export type ChangeOutcome = { ok: true; document: vscode.TextDocument; before: string; after: string } | { ok: false; reason: string; needsFrontMatter?: boolean };

/**
 * Changes one file through a WorkspaceEdit (undoable). The text is the document's as
 * the editor holds it, unsaved changes included; a file that had no unsaved changes is
 * saved afterwards, one that had them is left for the user to save.
 */
export async function changeFile(uri: vscode.Uri, compute: (text: string) => EditResult, label: string): Promise<ChangeOutcome> {
  const document = await vscode.workspace.openTextDocument(uri);
  const wasDirty = document.isDirty;
  const before = document.getText();
  const result = compute(before);
  if (!result.ok) return result;
  const edit = new vscode.WorkspaceEdit();
  addTextChange(edit, document, before, result.text, label);
  if (!(await vscode.workspace.applyEdit(edit))) return { ok: false, reason: `VS Code did not apply the change to ${vscode.workspace.asRelativePath(uri)}.` };
  if (!wasDirty && (await changedOnDisk(uri, before))) {
    // Saving would replace what someone else wrote: keep both, and let the user compare.
    return {
      ok: false,
      reason: `${vscode.workspace.asRelativePath(uri)} changed on disk meanwhile, so it was not saved: the change is kept, unsaved, in the editor — compare it with the file on disk, then save or revert.`,
    };
  }
  if (!wasDirty && !(await document.save())) {
    // Nothing is lost: the change stays in the editor, unsaved, and the caller says so.
    return { ok: false, reason: `${vscode.workspace.asRelativePath(uri)} could not be saved (is it read-only?); the change is kept, unsaved, in the editor — save it once the file can be written.` };
  }
  return { ok: true, document, before, after: result.text };
}

/**
 * Whether the file on disk no longer holds `text` (someone wrote it since the editor read
 * it). Line endings are compared as the editor keeps them: it makes mixed ones uniform.
 */
export async function changedOnDisk(uri: vscode.Uri, text: string): Promise<boolean> {
  const lines = (t: string) => t.replace(/\r\n?/g, '\n');
  try {
    return lines(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) !== lines(text);
  } catch {
    return false; // gone or unreadable: the save says what is wrong
  }
}

export function showError(message: string): void {
  void prompts.showWarningMessage(message);
}
