/**
 * Supersede Decision…: creates the successor (prefilled from the old record) stating
 * `supersedes`, and marks the old one superseded with `superseded-by`, in ONE
 * WorkspaceEdit (one undo). Then offers to point the code's references at the
 * successor, workspace-wide, previewed before it is applied.
 */
import * as vscode from 'vscode';
import { addSupersession, markSuperseded, refusesRecordEdits } from '../../core/edits';
import { formatId } from '../../core/ids';
import type { Decision } from '../../core/model';
import { decisionTemplate } from '../../core/templates';
import type { FolderIndex } from '../folder-index';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';
import { addTextChange, allDecisions, decisionItem, fileExists, me, newDecisionIn, recordFromArgs, relativeLink, today, type RecordHit } from './shared';

export async function supersedeDecision(service: IndexService, args: readonly unknown[]): Promise<vscode.Uri | undefined> {
  await service.whenIdle();
  const hit = await target(service, args);
  if (!hit) return undefined;
  const { folder, record: old } = hit;
  const refusal = refusesRecordEdits(old.path);
  if (refusal) {
    void prompts.showWarningMessage(refusal);
    return undefined;
  }
  if (old.status === 'superseded') {
    void prompts.showWarningMessage(`${old.id} is already superseded${old.supersededBy.length ? ` by ${old.supersededBy.map((m) => m.id).join(', ')}` : ''}.`);
    return undefined;
  }
  const title = (
    await prompts.showInputBox({
      title: `Supersede ${old.id}: ${old.title}`,
      prompt: 'Title of the decision that replaces it',
      value: old.title,
      validateInput: (v) => (v.trim() ? undefined : 'A title is needed'),
    })
  )?.trim();
  if (!title) return undefined;

  const config = folder.config!.config;
  const dir = old.path.includes('/') ? old.path.slice(0, old.path.lastIndexOf('/')) : '';
  const { fileName, number, digits } = await newDecisionIn(folder, dir, title);
  const path = dir ? `${dir}/${fileName}` : fileName;
  const newId = formatId(config.decisionPrefix, digits);
  const newUri = folder.uriOf(path);
  if (await fileExists(newUri)) {
    void prompts.showWarningMessage(`${path} already exists; nothing was written.`);
    return undefined;
  }

  // The successor, prefilled: owner, approvers (pending again), assumptions, applies-to.
  const draft = decisionTemplate({
    title,
    date: today(),
    number,
    owner: old.owner ?? (await me(folder)),
    approvers: old.approvers.map((a) => a.name),
    assumptions: old.assumptions.map((m) => m.id),
    appliesTo: old.appliesTo,
    dialect: old.dialect === 'nygard' ? 'nygard' : 'frontmatter',
  });
  const successor = addSupersession(draft, 'supersedes', { id: old.id, href: relativeLink(path, old.path) });
  if (!successor.ok) {
    void prompts.showWarningMessage(`Could not prepare the successor: ${successor.reason}`);
    return undefined;
  }

  const oldUri = folder.uriOf(old.path);
  const oldDocument = await vscode.workspace.openTextDocument(oldUri);
  const wasDirty = oldDocument.isDirty;
  const before = oldDocument.getText();
  const marked = markSuperseded(before, { id: newId, href: relativeLink(old.path, path) });
  if (!marked.ok) {
    void prompts.showWarningMessage(`${old.id} cannot be marked superseded: ${marked.reason} Nothing was written.`);
    return undefined;
  }

  const edit = new vscode.WorkspaceEdit();
  const label = `Supersede ${old.id} with ${newId}`;
  edit.createFile(newUri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(successor.text) }, { label, needsConfirmation: false });
  addTextChange(edit, oldDocument, before, marked.text, label);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void prompts.showWarningMessage(`Could not supersede ${old.id}; nothing was written.`);
    return undefined;
  }
  // A failed save (a read-only file) loses nothing: the change stays in the editor, and the user is told.
  const saved = wasDirty || (await oldDocument.save());
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(newUri), { preview: false });
  if (!saved) {
    await vscode.window.showTextDocument(oldDocument, { preview: false });
    void prompts.showWarningMessage(
      `Created ${path} (${newId}), but ${old.path} could not be saved (is it read-only?): its change to superseded is kept, unsaved, in the editor. Save it once the file can be written.`,
    );
  } else {
    void prompts.showInformationMessage(`Created ${path} (${newId}), superseding ${old.id}, which is now marked superseded.`);
  }

  await offerReferenceUpdate(folder, old, newId);
  return newUri;
}

/** Offers to replace the code's references to `old` by `newId`: previewed, or applied at once. */
async function offerReferenceUpdate(folder: FolderIndex, old: Decision, newId: string): Promise<void> {
  const references = (folder.index?.referencesTo(old.id) ?? []).filter((r) => r.kind === 'tag' || r.kind === 'mention');
  if (references.length === 0) return;
  const files = new Set(references.map((r) => r.path)).size;
  const preview = 'Preview the update';
  const now = 'Update now';
  const answer = await prompts.showInformationMessage(
    `${references.length} comment${references.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} name ${old.id}. Point them at ${newId}?`,
    preview,
    now,
  );
  if (answer !== preview && answer !== now) return;
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: `${old.id} → ${newId}`, needsConfirmation: answer === preview, description: 'code reference' };
  for (const ref of references) {
    edit.replace(folder.uriOf(ref.path), new vscode.Range(ref.line, ref.column, ref.line, ref.endColumn), newId, metadata);
  }
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: answer === preview });
  if (applied) void prompts.showInformationMessage(`Pointed the references of ${old.id} at ${newId}. Save the files to keep the change.`);
}

async function target(service: IndexService, args: readonly unknown[]): Promise<RecordHit<Decision> | undefined> {
  const given = recordFromArgs(service, args);
  if (given === 'unknown') return undefined;
  if (given) {
    if (given.record.kind !== 'decision') {
      void prompts.showWarningMessage(`${given.record.id} is an assumption: use Set Assumption Status… to supersede it.`);
      return undefined;
    }
    return given as RecordHit<Decision>;
  }
  const items = allDecisions(service)
    .filter((h) => h.record.status !== 'superseded')
    .map((h) => decisionItem(h.folder, h.record));
  if (items.length === 0) {
    void prompts.showInformationMessage('There is no decision that could be superseded.');
    return undefined;
  }
  return (await prompts.showQuickPick(items, { placeHolder: 'Supersede which decision?', matchOnDescription: true }))?.hit;
}
