/**
 * Record Assumption…: statement and owner; appends to an assumption file that holds a
 * list, or creates a file of its own.
 */
import * as vscode from 'vscode';
import { appendAssumption } from '../../core/edits';
import { isUnder } from '../../core/layout';
import { assumptionTemplate, kebabCase, nextAssumptionId } from '../../core/templates';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';
import { createRecordFile, type RecordPrefill } from '../record-commands';
import { changeFile, me, pickFolder } from './shared';

export async function recordAssumption(service: IndexService, prefill: RecordPrefill = {}): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(service, prefill.folder);
  if (!folder) {
    void prompts.showWarningMessage('Open a folder to record an assumption.');
    return undefined;
  }
  await folder.whenReady();
  const config = folder.config!.config;
  const statement = (
    await prompts.showInputBox({
      title: prefill.id ? `Record ${prefill.id}` : 'Record Assumption (1/3)',
      prompt: 'What is assumed to be true?',
      value: prefill.title ?? '',
      validateInput: (v) => (v.trim() ? undefined : 'A statement is needed'),
    })
  )?.trim();
  if (!statement) return undefined;
  const owner = await prompts.showInputBox({ title: 'Record Assumption (2/3)', prompt: 'Owner: who checks that it still holds', value: (await me(folder)) ?? '' });
  if (owner === undefined) return undefined;

  const id =
    prefill.id && !folder.index?.lookup(prefill.id)
      ? prefill.id
      : nextAssumptionId((folder.index?.assumptions ?? []).map((a) => a.id), config.assumptionPrefix);

  // Files that hold a list of assumptions can take one more.
  const listFiles = [...new Set((folder.index?.assumptions ?? []).map((a) => a.path))].filter((p) => /\.ya?ml$/i.test(p)).sort();
  const NEW = '$(new-file) A new file';
  let targetFile: string | undefined;
  if (listFiles.length > 0) {
    const choice = await prompts.showQuickPick([...listFiles.map((label) => ({ label, description: 'append' })), { label: NEW }], {
      title: 'Record Assumption (3/3)',
      placeHolder: `Where to record ${id}`,
    });
    if (choice === undefined) return undefined;
    if (choice.label !== NEW) targetFile = choice.label;
  }
  const fields = { id, statement, owner: owner.trim() || undefined };
  if (targetFile) {
    const outcome = await changeFile(folder.uriOf(targetFile), (text) => appendAssumption(text, fields), `Record ${id}`);
    if (outcome.ok) {
      const editor = await vscode.window.showTextDocument(outcome.document, { preview: false });
      const line = outcome.document.positionAt(outcome.after.lastIndexOf(`id: ${id}`)).line;
      editor.revealRange(new vscode.Range(line, 0, line, 0));
      void prompts.showInformationMessage(`Added ${id} to ${targetFile}.`);
      return outcome.document.uri;
    }
    void prompts.showWarningMessage(`${outcome.reason} ${id} goes into a file of its own instead.`);
  }
  const dir = config.assumptionFolders.find((f) => [...folder.allFiles].some((p) => isUnder(p, f))) ?? config.assumptionFolders[0] ?? 'docs/assumptions';
  const known = (folder.index?.assumptions ?? []).map((a) => a.id);
  const tried: string[] = [];
  const claim = await createRecordFile(
    folder,
    dir,
    (attempt, onDisk) => {
      // After a taken id: the next one free in the index and among the folder's file names.
      const next = attempt === 0 ? id : nextAssumptionId([...known, ...tried, ...onDisk.map(idOfFileName).filter((x): x is string => !!x)], config.assumptionPrefix);
      tried.push(next);
      return { fileName: `${next.toLowerCase()}-${kebabCase(statement).slice(0, 40).replace(/-+$/, '')}.yaml`, id: next, text: assumptionTemplate({ id: next, statement, owner: owner.trim() || undefined }) };
    },
    (name, file) => idOfFileName(name) === file.id.toUpperCase(),
  );
  return claim?.uri;
}

/** The id an assumption file's name starts with (`asm-4-traffic.yaml` → `ASM-4`). */
function idOfFileName(name: string): string | undefined {
  return /^([a-z][a-z0-9]*-\d+)-/i.exec(name)?.[1].toUpperCase();
}
