/**
 * Set Assumption Status…: validated, invalidated, superseded or retired, with evidence.
 * After an invalidation (or supersession) it shows what now stands on unsound ground:
 * the decisions relying on the assumption and the code that names them or it.
 */
import * as vscode from 'vscode';
import { setAssumptionStatus as editStatus } from '../../core/edits';
import type { Assumption, AssumptionStatus } from '../../core/model';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';
import { allAssumptions, assumptionItem, changeFile, recordFromArgs, type RecordHit } from './shared';

const STATUSES: { status: AssumptionStatus; detail: string }[] = [
  { status: 'validated', detail: 'Checked and holds' },
  { status: 'invalidated', detail: 'Turned out false: what relies on it is unsound' },
  { status: 'superseded', detail: 'Replaced by another assumption' },
  { status: 'retired', detail: 'No longer relevant' },
];

export async function setAssumptionStatus(service: IndexService, args: readonly unknown[]): Promise<boolean> {
  await service.whenIdle();
  const hit = await target(service, args);
  if (!hit) return false;
  const { folder, record: assumption } = hit;
  if (!/\.ya?ml$/i.test(assumption.path)) {
    void prompts.showWarningMessage(`${assumption.id} lives in ${assumption.path}, a Markdown register; change its status there by hand.`);
    return false;
  }
  const choice = await prompts.showQuickPick(
    STATUSES.filter((s) => s.status !== assumption.status).map((s) => ({ label: s.status, detail: s.detail })),
    { title: `${assumption.id}: ${assumption.statement}`, placeHolder: `Status (now ${assumption.status})` },
  );
  if (!choice) return false;
  const status = choice.label as AssumptionStatus;
  let supersededBy: string | undefined;
  if (status === 'superseded') {
    const others = (folder.index?.assumptions ?? []).filter((a) => a !== assumption);
    const NONE = '(not recorded yet)';
    const successor = await prompts.showQuickPick([...others.map((a) => ({ label: a.id, description: a.statement })), { label: NONE }], {
      placeHolder: `Which assumption replaces ${assumption.id}?`,
      matchOnDescription: true,
    });
    if (!successor) return false;
    if (successor.label !== NONE) supersededBy = successor.label;
  }
  const evidence = await prompts.showInputBox({
    title: `${assumption.id} is ${status}`,
    prompt: 'Evidence: what shows it (optional)',
    value: '',
  });
  if (evidence === undefined) return false;
  const outcome = await changeFile(folder.uriOf(assumption.path), (text) => editStatus(text, assumption.id, { status, evidence, supersededBy }), `${assumption.id}: ${status}`);
  if (!outcome.ok) {
    void prompts.showWarningMessage(`${assumption.id} was not changed: ${outcome.reason}`);
    return false;
  }
  void prompts.showInformationMessage(`${assumption.id} is now ${status}${supersededBy ? ` (superseded by ${supersededBy})` : ''}.`);
  if (status === 'invalidated' || status === 'superseded') await showUnsound(hit);
  return true;
}

/** Lists the decisions relying on the assumption and the code naming either; picking one opens it. */
async function showUnsound({ folder, record: assumption }: RecordHit<Assumption>): Promise<void> {
  const index = folder.index;
  if (!index) return;
  const decisions = index.dependantsOf(assumption).filter((d) => d.status !== 'superseded' && d.status !== 'rejected');
  const refs = [assumption.id, ...decisions.map((d) => d.id)].flatMap((id) => index.referencesTo(id));
  if (decisions.length === 0 && refs.length === 0) return;
  type Item = vscode.QuickPickItem & { uri?: vscode.Uri; line?: number };
  const items: Item[] = [];
  if (decisions.length) items.push({ label: 'Decisions relying on it', kind: vscode.QuickPickItemKind.Separator });
  for (const d of decisions) items.push({ label: `$(warning) ${d.id}`, description: d.title, detail: `${d.status} · owner ${d.owner ?? 'none'} · ${d.path}`, uri: folder.uriOf(d.path), line: d.line });
  if (refs.length) items.push({ label: 'Code naming it or them', kind: vscode.QuickPickItemKind.Separator });
  for (const r of refs) items.push({ label: `$(code) ${r.path}:${r.line + 1}`, description: r.text, uri: folder.uriOf(r.path), line: r.line });
  const picked = await prompts.showQuickPick(items, {
    title: `Now unsound: ${decisions.length} decision${decisions.length === 1 ? '' : 's'}, ${refs.length} place${refs.length === 1 ? '' : 's'} in code`,
    placeHolder: 'Open one to review it',
    matchOnDescription: true,
  });
  if (picked?.uri) {
    const line = picked.line ?? 0;
    await vscode.window.showTextDocument(picked.uri, { selection: new vscode.Range(line, 0, line, 0), preview: false });
  }
}

async function target(service: IndexService, args: readonly unknown[]): Promise<RecordHit<Assumption> | undefined> {
  const given = recordFromArgs(service, args);
  if (given === 'unknown') return undefined;
  if (given) {
    if (given.record.kind !== 'assumption') {
      void prompts.showWarningMessage(`${given.record.id} is a decision, not an assumption.`);
      return undefined;
    }
    return given as RecordHit<Assumption>;
  }
  const items = allAssumptions(service).map((h) => assumptionItem(h.folder, h.record));
  if (items.length === 0) {
    void prompts.showInformationMessage('There are no assumptions in this workspace yet. Record one with Record Assumption….');
    return undefined;
  }
  return (await prompts.showQuickPick(items, { placeHolder: 'Set the status of which assumption?', matchOnDescription: true }))?.hit;
}
