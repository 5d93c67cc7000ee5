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
import { inert } from '../../core/inert-text';
import { decisionTemplate } from '../../core/templates';
import type { FolderIndex } from '../folder-index';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';
import { addCreation, claimNewFile, releaseClaim, showCreated, takenNote } from '../record-commands';
import { addTextChange, allDecisions, changedOnDisk, decisionAttempt, decisionItem, me, newDecisionIn, recordFromArgs, relativeLink, takesDecisionNumber, today, type RecordHit } from './shared';

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
  const first = await newDecisionIn(folder, dir, title);
  const owner = old.owner ?? (await me(folder));
  const pathOf = (fileName: string) => (dir ? `${dir}/${fileName}` : fileName);
  // The successor, prefilled: owner, approvers (pending again), assumptions, applies-to.
  const successorText = (path: string, number: number) => {
    const draft = decisionTemplate({
      title,
      date: today(),
      number,
      owner,
      approvers: old.approvers.map((a) => a.name),
      assumptions: old.assumptions.map((m) => m.id),
      appliesTo: old.appliesTo,
      dialect: old.dialect === 'nygard' ? 'nygard' : 'frontmatter',
    });
    return addSupersession(draft, 'supersedes', { id: old.id, href: relativeLink(path, old.path) });
  };
  const oldUri = folder.uriOf(old.path);
  const oldDocument = await vscode.workspace.openTextDocument(oldUri);
  const wasDirty = oldDocument.isDirty;
  const marking = (newId: string, path: string) => markSuperseded(oldDocument.getText(), { id: newId, href: relativeLink(old.path, path) });

  // Both edits are checked before anything is written.
  const prepared = successorText(pathOf(first.fileName), first.number);
  if (!prepared.ok) {
    void prompts.showWarningMessage(`Could not prepare the successor: ${prepared.reason}`);
    return undefined;
  }
  const check = marking(formatId(config.decisionPrefix, first.digits), pathOf(first.fileName));
  if (!check.ok) {
    void prompts.showWarningMessage(`${old.id} cannot be marked superseded: ${check.reason} Nothing was written.`);
    return undefined;
  }

  const claim = await claimNewFile(
    folder,
    dir,
    (attempt, onDisk) => {
      const choice = decisionAttempt(folder, dir, title, first, attempt, onDisk);
      const successor = successorText(pathOf(choice.fileName), choice.number);
      return { fileName: choice.fileName, id: formatId(config.decisionPrefix, choice.digits), number: choice.number, text: successor.ok ? successor.text : prepared.text };
    },
    takesDecisionNumber,
  );
  if ('refusal' in claim) {
    void prompts.showWarningMessage(`${inert(claim.refusal)}; nothing was written.`);
    return undefined;
  }
  const { path, id: newId, uri: newUri } = claim;
  const before = oldDocument.getText();
  const marked = marking(newId, path);
  if (!marked.ok) {
    await releaseClaim(claim);
    void prompts.showWarningMessage(`${old.id} cannot be marked superseded: ${marked.reason} Nothing was written.`);
    return undefined;
  }

  const edit = new vscode.WorkspaceEdit();
  const label = `Supersede ${old.id} with ${newId}`;
  addCreation(edit, claim, label);
  addTextChange(edit, oldDocument, before, marked.text, label);
  if (!(await vscode.workspace.applyEdit(edit))) {
    await releaseClaim(claim);
    void prompts.showWarningMessage(`Could not supersede ${old.id}; nothing was written.`);
    return undefined;
  }
  const note = takenNote(claim);
  // A failed save (a read-only file) loses nothing: the change stays in the editor, and the user is told.
  // Saving over a change made on disk meanwhile would lose it: then the change waits, unsaved.
  const raced = !wasDirty && (await changedOnDisk(oldUri, before));
  const saved = wasDirty || (!raced && (await oldDocument.save()));
  await showCreated(newUri);
  if (!saved) {
    await showCreated(oldDocument);
    void prompts.showWarningMessage(
      raced
        ? `Created ${path} (${newId})${note}, but ${old.path} changed on disk meanwhile, so it was not saved: its change to superseded is kept, unsaved, in the editor. Compare it with the file on disk, then save it.`
        : `Created ${path} (${newId})${note}, but ${old.path} could not be saved (is it read-only?): its change to superseded is kept, unsaved, in the editor. Save it once the file can be written.`,
    );
  } else {
    void prompts.showInformationMessage(`Created ${path} (${newId})${note}, superseding ${old.id}, which is now marked superseded.`);
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
