/**
 * Recording new records from the editor. Writes go through a WorkspaceEdit (undoable)
 * and never overwrite an existing file.
 */
import * as vscode from 'vscode';
import { idKey, parseNumberedId } from '../core/ids';
import { isUnder } from '../core/layout';
import { assumptionTemplate, decisionTemplate, kebabCase, newDecisionFileName } from '../core/templates';
import type { FolderIndex } from './folder-index';
import { currentIdentity } from './identity';
import type { IndexService } from './index-service';
import { prompts } from './prompts';

/** Arguments a quick fix or another command may pass to prefill the flow. */
export interface RecordPrefill {
  id?: string;
  title?: string;
  folder?: string;
}

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

export async function recordDecision(service: IndexService, prefill: RecordPrefill = {}): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(service, prefill.folder);
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder to record a decision.');
    return undefined;
  }
  await folder.whenReady();
  const title = await prompts.showInputBox({
    title: prefill.id ? `Record ${prefill.id}` : 'Record Decision',
    prompt: 'Title of the decision',
    value: prefill.title ?? '',
    validateInput: (v) => (v.trim() ? undefined : 'A title is needed'),
  });
  if (!title?.trim()) return undefined;
  const config = folder.config!.config;
  const target = folder.layout?.decisionFolders[0] ?? 'docs/adr';
  const names = [...folder.allFiles].filter((p) => isUnder(p, target) && !p.slice(target.length + 1).includes('/')).map((p) => p.slice(target.length + 1));
  let { fileName, number } = newDecisionFileName(names, title);
  const wanted = prefill.id ? parseNumberedId(prefill.id) : undefined;
  if (wanted && wanted.prefix === config.decisionPrefix.toUpperCase() && !folder.index?.lookup(prefill.id!)) {
    number = wanted.number;
    fileName = `${wanted.digits.padStart(Math.max(4, wanted.digits.length), '0')}-${kebabCase(title)}.md`;
  }
  const latest = folder.index?.decisions.filter((d) => isUnder(d.path, target)).sort((a, b) => (a.number ?? 0) - (b.number ?? 0)).at(-1);
  const text = decisionTemplate({
    title: title.trim(),
    date: new Date().toISOString().slice(0, 10),
    number,
    owner: await currentIdentity(folder.folder.uri),
    dialect: latest?.dialect === 'nygard' ? 'nygard' : 'frontmatter',
  });
  return createRecordFile(folder, `${target}/${fileName}`, text);
}

export async function recordAssumption(service: IndexService, prefill: RecordPrefill = {}): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(service, prefill.folder);
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder to record an assumption.');
    return undefined;
  }
  await folder.whenReady();
  const statement = await prompts.showInputBox({
    title: prefill.id ? `Record ${prefill.id}` : 'Record Assumption',
    prompt: 'What is assumed to be true?',
    value: prefill.title ?? '',
    validateInput: (v) => (v.trim() ? undefined : 'A statement is needed'),
  });
  if (!statement?.trim()) return undefined;
  const config = folder.config!.config;
  let id = prefill.id && !folder.index?.lookup(prefill.id) ? prefill.id : undefined;
  if (!id) {
    const numbers = (folder.index?.assumptions ?? []).map((a) => parseNumberedId(a.id)).filter((p) => p && idKey(`${p.prefix}-1`) === idKey(`${config.assumptionPrefix}-1`));
    id = `${config.assumptionPrefix}-${Math.max(0, ...numbers.map((p) => p!.number)) + 1}`;
  }
  const target = config.assumptionFolders.find((f) => [...folder.allFiles].some((p) => isUnder(p, f))) ?? config.assumptionFolders[0] ?? 'docs/assumptions';
  const path = `${target}/${id.toLowerCase()}-${kebabCase(statement).slice(0, 40).replace(/-+$/, '')}.yaml`;
  const text = assumptionTemplate({ id, statement: statement.trim(), owner: await currentIdentity(folder.folder.uri) });
  return createRecordFile(folder, path, text);
}

/** Creates a new file through a WorkspaceEdit; refuses when it exists. Opens it. */
export async function createRecordFile(folder: FolderIndex, path: string, text: string): Promise<vscode.Uri | undefined> {
  const uri = folder.uriOf(path);
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(`${path} already exists; nothing was written.`);
    return undefined;
  } catch {
    // does not exist: go on
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not create ${path}.`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  void vscode.window.showInformationMessage(`Created ${path}.`);
  return uri;
}
