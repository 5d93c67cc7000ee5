/**
 * Creating record files from the editor: the file is claimed on disk exclusively (never
 * over an existing file, the next number when the chosen one is taken meanwhile), then
 * created through a WorkspaceEdit (undoable). The Record Decision / Record Assumption /
 * Supersede flows that use it live in `palette/`.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { inert } from '../core/inert-text';
import { confinedPath, OutsideWorkspaceError } from '../node/confine';
import { createExclusive, lostRace, removeIfUnchanged } from '../node/exclusive-create';
import type { FolderIndex } from './folder-index';
import { prompts } from './prompts';
import { uriExists } from './uri-exists';

/** Arguments a quick fix or another command may pass to prefill a Record flow. */
export interface RecordPrefill {
  id?: string;
  title?: string;
  folder?: string;
}

/** Keeps only the string fields of a prefill argument (it may come from anywhere). */
export function validPrefill(value: unknown): RecordPrefill {
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  return {
    id: typeof v.id === 'string' ? v.id : undefined,
    title: typeof v.title === 'string' ? v.title : undefined,
    folder: typeof v.folder === 'string' ? v.folder : undefined,
  };
}

/** A new record file as a command would write it, for one number. */
export interface NewRecordFile {
  /** The file name, in the record folder. */
  fileName: string;
  text: string;
  /** The record's id as the user reads it (`ADR-0009`, `ASM-4`). */
  id: string;
  /** Its number, when the file name carries it (decisions). */
  number?: number;
}

/** A new record file claimed on disk: it exists, holds its text, and its number is its own. */
export interface ClaimedFile extends NewRecordFile {
  /** Workspace-relative path. */
  path: string;
  uri: vscode.Uri;
  /** The id the command chose first; differs from `id` when that one was taken meanwhile. */
  firstId: string;
  /** Whether the file was created on disk already (a local folder), so the edit replaces it. */
  onDisk: boolean;
}

/** How often a command takes the next number before it gives up. */
const MAX_ATTEMPTS = 50;

/**
 * Claims a new record file in the workspace-relative folder `dir` (created when missing):
 * the file is created only when nothing has its name (never over an existing file); when
 * the name is taken, or another file with the same number was created first (another
 * window, a terminal, a pull, a second command), the next number is tried. `candidate`
 * gives the file for attempt 0 (the command's own choice) and then for the names now in
 * the folder on disk; `sameNumber` tells whether an entry of the folder carries the
 * number of a candidate. Returns the claimed file, or why nothing was written.
 */
export async function claimNewFile(
  folder: FolderIndex,
  dir: string,
  candidate: (attempt: number, namesOnDisk: readonly string[]) => NewRecordFile,
  sameNumber: (name: string, file: NewRecordFile) => boolean,
): Promise<ClaimedFile | { refusal: string }> {
  const pathOf = (name: string) => (dir ? `${dir}/${name}` : name);
  const root = folder.folder.uri;
  if (root.scheme !== 'file') {
    // Not on a local disk: the file service refuses to create over an existing name.
    const file = candidate(0, []);
    if (await uriExists(folder.uriOf(pathOf(file.fileName)))) return { refusal: `${pathOf(file.fileName)} already exists` };
    return { ...file, path: pathOf(file.fileName), uri: folder.uriOf(pathOf(file.fileName)), firstId: file.id, onDisk: false };
  }
  let absoluteDir: string;
  try {
    absoluteDir = await confinedPath(root.fsPath, dir || '.');
    await fs.mkdir(absoluteDir, { recursive: true });
    absoluteDir = await confinedPath(root.fsPath, dir || '.'); // it exists now: check it again, resolved
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = error instanceof OutsideWorkspaceError ? error.message : code === 'EEXIST' || code === 'ENOTDIR' ? `${dir} is not a folder` : `${dir} cannot be created (${code ?? String(error)})`;
    return { refusal: `no record can be created in ${dir || 'the workspace folder'}: ${why}` };
  }
  let firstId: string | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const names = attempt === 0 ? [] : await fs.readdir(absoluteDir).catch(() => [] as string[]);
    const file = candidate(attempt, names);
    firstId ??= file.id;
    const absolute = nodePath.join(absoluteDir, file.fileName);
    try {
      if (!(await createExclusive(absolute, file.text))) continue;
      if (await lostRace(absoluteDir, file.fileName, (name) => sameNumber(name, file))) {
        await removeIfUnchanged(absolute, file.text);
        continue;
      }
    } catch (error) {
      return { refusal: `${pathOf(file.fileName)} cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
    }
    return { ...file, path: pathOf(file.fileName), uri: folder.uriOf(pathOf(file.fileName)), firstId, onDisk: true };
  }
  return { refusal: `no free number in ${dir || 'the workspace folder'} after ${MAX_ATTEMPTS} attempts` };
}

/**
 * Adds the creation of a claimed file to `edit`, so that undo removes it: the claimed
 * file on disk (this command's own, holding the same text) is written once more.
 */
export function addCreation(edit: vscode.WorkspaceEdit, claim: ClaimedFile, label: string): void {
  edit.createFile(claim.uri, { overwrite: claim.onDisk, ignoreIfExists: false, contents: new TextEncoder().encode(claim.text) }, { label, needsConfirmation: false });
}

/** Gives a claimed file up (the edit that should create it was not applied). */
export async function releaseClaim(claim: ClaimedFile): Promise<void> {
  if (claim.onDisk) await removeIfUnchanged(claim.uri.fsPath, claim.text);
}

/** ` (ADR-0009 was taken meanwhile)` when the claimed id is not the one first chosen. */
export function takenNote(claim: ClaimedFile): string {
  return claim.id === claim.firstId ? '' : ` (${inert(claim.firstId)} was taken meanwhile)`;
}

/**
 * Creates a new record file through a WorkspaceEdit (undoable) after claiming it: never
 * over an existing file, and with the next number when the chosen one was taken. Opens
 * it, and unless `quiet`, says what it created. Undefined (and the user told why) when
 * nothing was written.
 */
export async function createRecordFile(
  folder: FolderIndex,
  dir: string,
  candidate: (attempt: number, namesOnDisk: readonly string[]) => NewRecordFile,
  sameNumber: (name: string, file: NewRecordFile) => boolean,
  quiet = false,
): Promise<ClaimedFile | undefined> {
  const claim = await claimNewFile(folder, dir, candidate, sameNumber);
  if ('refusal' in claim) {
    void prompts.showWarningMessage(`${inert(claim.refusal)}; nothing was written.`);
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  addCreation(edit, claim, `Create ${claim.path}`);
  if (!(await vscode.workspace.applyEdit(edit))) {
    await releaseClaim(claim);
    void prompts.showWarningMessage(`Could not create ${inert(claim.path)}; nothing was written.`);
    return undefined;
  }
  await showCreated(claim.uri);
  if (!quiet) void prompts.showInformationMessage(`Created ${inert(claim.path)} (${inert(claim.id)})${takenNote(claim)}.`);
  return claim;
}

/**
 * Opens a file a command just wrote. Another command opening an editor at the same moment
 * can make VS Code give this one up ("Could NOT open editor"): the file is written all
 * the same, so that is not the command's failure.
 */
export async function showCreated(target: vscode.Uri | vscode.TextDocument): Promise<void> {
  const uri = target instanceof vscode.Uri ? target : target.uri;
  try {
    await vscode.window.showTextDocument(target instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : target, { preview: false });
  } catch (error) {
    console.warn(`alignment: could not open ${uri.toString()}`, error);
  }
}
