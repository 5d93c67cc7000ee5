/**
 * Record Decision…: title, owner (default me), approvers (people the index knows, or
 * typed), assumptions it relies on, optional `applies-to` from the current file's
 * folder. Creates `NNNN-kebab-title.md` with the folder's padding and dialect, opens it,
 * and offers to link the code the user came from.
 */
import * as vscode from 'vscode';
import { parseNumberedId } from '../../core/ids';
import { isUnder } from '../../core/layout';
import { decisionTemplate, kebabCase, type NewDecisionDialect } from '../../core/templates';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';
import { createRecordFile, takenNote, type RecordPrefill } from '../record-commands';
import { insertLinkComment } from './link-selection';
import { allAssumptions, decisionAttempt, knownPeople, me, newDecisionIn, pickFolder, takesDecisionNumber, today } from './shared';

const OTHER = '$(edit) Someone else…';

export async function recordDecision(service: IndexService, prefill: RecordPrefill = {}): Promise<vscode.Uri | undefined> {
  const origin = vscode.window.activeTextEditor;
  const folder = await pickFolder(service, prefill.folder);
  if (!folder) {
    void prompts.showWarningMessage('Open a folder to record a decision.');
    return undefined;
  }
  await folder.whenReady();
  const config = folder.config!.config;

  const title = (
    await prompts.showInputBox({
      title: prefill.id ? `Record ${prefill.id}` : 'Record Decision (1/5)',
      prompt: 'Title of the decision',
      value: prefill.title ?? '',
      validateInput: (v) => (v.trim() ? undefined : 'A title is needed'),
    })
  )?.trim();
  if (!title) return undefined;

  const self = await me(folder);
  const owner = await prompts.showInputBox({ title: 'Record Decision (2/5)', prompt: 'Owner: who decides and answers for it', value: self ?? '' });
  if (owner === undefined) return undefined;

  const people = knownPeople(folder).filter((p) => p.toLowerCase() !== owner.trim().toLowerCase());
  const approvers: string[] = [];
  const picked = await prompts.showQuickPick([...people.map((label) => ({ label })), { label: OTHER, alwaysShow: true }], {
    title: 'Record Decision (3/5)',
    placeHolder: 'Approvers whose approval it needs (none: press Enter)',
    canPickMany: true,
  });
  if (picked === undefined) return undefined;
  approvers.push(...picked.filter((p) => p.label !== OTHER).map((p) => p.label));
  if (picked.some((p) => p.label === OTHER)) {
    const typed = await prompts.showInputBox({ title: 'Record Decision (3/5)', prompt: 'Other approvers, separated by commas (names or emails)' });
    if (typed === undefined) return undefined;
    approvers.push(...typed.split(',').map((s) => s.trim()).filter(Boolean));
  }

  const assumptions: string[] = [];
  const known = allAssumptions(service).filter((h) => h.folder === folder);
  if (known.length > 0) {
    const chosen = await prompts.showQuickPick(
      known.map((h) => ({ label: h.record.id, description: h.record.statement, detail: h.record.status })),
      { title: 'Record Decision (4/5)', placeHolder: 'Assumptions it relies on (none: press Enter)', canPickMany: true, matchOnDescription: true },
    );
    if (chosen === undefined) return undefined;
    assumptions.push(...chosen.map((c) => c.label));
  }

  const appliesTo: string[] = [];
  const originPath = origin ? folder.relativePath(origin.document.uri) : undefined;
  if (originPath && folder.roleOf(originPath) !== 'decision') {
    const dir = originPath.includes('/') ? originPath.slice(0, originPath.lastIndexOf('/')) : '';
    const options = [
      { label: 'No applies-to', glob: undefined as string | undefined },
      ...(dir ? [{ label: `${dir}/**`, description: 'the current file’s folder', glob: `${dir}/**` }] : []),
      { label: originPath, description: 'the current file', glob: originPath },
    ];
    const scope = await prompts.showQuickPick(options, { title: 'Record Decision (5/5)', placeHolder: 'Code it governs (applies-to)' });
    if (scope === undefined) return undefined;
    if (scope.glob) appliesTo.push(scope.glob);
  }

  const target = folder.layout?.decisionFolders[0] ?? 'docs/adr';
  let first = await newDecisionIn(folder, target, title);
  const wanted = prefill.id ? parseNumberedId(prefill.id) : undefined;
  if (wanted && wanted.prefix === config.decisionPrefix.toUpperCase() && !folder.index?.lookup(prefill.id!)) {
    const digits = wanted.digits.padStart(Math.max(first.fileName.indexOf('-'), wanted.digits.length), '0');
    first = { fileName: `${digits}-${kebabCase(title)}.md`, number: wanted.number, digits };
  }
  const latest = folder.index?.decisions
    .filter((d) => isUnder(d.path, target))
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
    .at(-1);
  const dialect: NewDecisionDialect = latest?.dialect === 'nygard' ? 'nygard' : 'frontmatter';
  const claim = await createRecordFile(
    folder,
    target,
    (attempt, onDisk) => {
      const choice = decisionAttempt(folder, target, title, first, attempt, onDisk);
      return { fileName: choice.fileName, id: `${config.decisionPrefix}-${choice.digits}`, number: choice.number, text: decisionTemplate({ title, date: today(), number: choice.number, owner: owner.trim() || undefined, approvers, assumptions, appliesTo, dialect }) };
    },
    takesDecisionNumber,
    true,
  );
  if (!claim) return undefined;
  const { path, id, uri } = claim;
  const note = takenNote(claim);

  if (origin && originPath && folder.roleOf(originPath) !== 'decision' && !origin.document.isClosed) {
    const where = origin.selection.active.line;
    const choice = await prompts.showInformationMessage(`Created ${path} (${id})${note}.`, `Link ${vscode.workspace.asRelativePath(origin.document.uri)} to ${id}`);
    if (choice) await insertLinkComment(origin.document, where, [{ id, kind: 'decision' }]);
  } else {
    void prompts.showInformationMessage(`Created ${path} (${id})${note}.`);
  }
  return uri;
}
