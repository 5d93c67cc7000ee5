/**
 * Creating record files from the editor: a WorkspaceEdit (undoable) that never
 * overwrites an existing file. The Record Decision / Record Assumption flows that use it
 * live in `palette/`.
 */
import * as vscode from 'vscode';
import { decisionFileInfo } from '../core/decisions';
import { inert } from '../core/inert-text';
import { confinedPath } from '../node/confine';
import type { FolderIndex } from './folder-index';
import { prompts } from './prompts';

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

/**
 * Creates a new file through a WorkspaceEdit; refuses when it exists. Opens it, and
 * unless `quiet`, says what it created.
 */
export async function createRecordFile(folder: FolderIndex, path: string, text: string, quiet = false): Promise<vscode.Uri | undefined> {
  const uri = folder.uriOf(path);
  try {
    await vscode.workspace.fs.stat(uri);
    void prompts.showWarningMessage(`${inert(path)} already exists; nothing was written.`);
    return undefined;
  } catch {
    // does not exist: go on
  }
  const refusal = await whyNotWritable(folder, path);
  if (refusal) {
    void prompts.showWarningMessage(`${inert(refusal)}; nothing was written.`);
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) }, { label: `Create ${path}`, needsConfirmation: false });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void prompts.showWarningMessage(`Could not create ${path}.`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  if (!quiet) void prompts.showInformationMessage(`Created ${path}.`);
  return uri;
}

/**
 * Why a new record may not be written at `path`: its folder leads outside the workspace
 * folder (a symlink), or another record file on disk took its number since the number
 * was chosen (another window, a terminal, a pull). Undefined when it may.
 */
async function whyNotWritable(folder: FolderIndex, path: string): Promise<string | undefined> {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  if (folder.folder.uri.scheme === 'file') {
    try {
      await confinedPath(folder.folder.uri.fsPath, dir || '.');
    } catch (error) {
      return `${path} cannot be created: ${(error as Error).message}`;
    }
  }
  const number = decisionFileInfo(name)?.number;
  if (number === undefined) return undefined;
  const names = await vscode.workspace.fs.readDirectory(dir ? folder.uriOf(dir) : folder.folder.uri).then(
    (entries) => entries.map(([n]) => n),
    () => [] as string[],
  );
  const rival = names.find((n) => n !== name && decisionFileInfo(n)?.number === number);
  return rival ? `number ${number} was just taken by ${dir ? `${dir}/` : ''}${rival}; run the command again for the next number` : undefined;
}
