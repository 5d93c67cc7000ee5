/**
 * Creating record files from the editor: a WorkspaceEdit (undoable) that never
 * overwrites an existing file. The Record Decision / Record Assumption flows that use it
 * live in `palette/`.
 */
import * as vscode from 'vscode';
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
    void prompts.showWarningMessage(`${path} already exists; nothing was written.`);
    return undefined;
  } catch {
    // does not exist: go on
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
