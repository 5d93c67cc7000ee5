/**
 * Progress of the first-run walkthrough (`contributes.walkthroughs`). Its steps complete
 * on context keys this module sets when the real thing has happened, not when a button
 * was pressed:
 * - a decision record is open in an editor (recorded or opened);
 * - code gained a reference to a decision (linked from the palette, or typed) since the
 *   first index;
 * - a decision gained an approval since the first index.
 * The Problems and sidebar steps complete on `onView:` events of those views. Counting
 * runs debounced after index changes (never in a save's compute path) and stops once
 * all three have happened (VS Code keeps the walkthrough's progress itself).
 */
import * as vscode from 'vscode';
import { DecisionReferenceCount } from './decision-reference-count';
import { CONTEXT_KEYS } from './ids';
import type { IndexService } from './index-service';

interface Progress {
  decisionReferences: number;
  approvals: number;
}

const TRACKED = [CONTEXT_KEYS.walkthroughDecisionOpen, CONTEXT_KEYS.walkthroughCodeLinked, CONTEXT_KEYS.walkthroughApproved];
const COUNT_DELAY_MS = 500;

export function trackWalkthrough(service: IndexService): vscode.Disposable {
  const done = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let baseline: Progress | undefined;
  const references = new DecisionReferenceCount();
  const complete = (key: string) => {
    if (done.has(key)) return;
    done.add(key);
    void vscode.commands.executeCommand('setContext', key, true);
    if (TRACKED.every((k) => done.has(k))) subscriptions.dispose();
  };
  const progress = (): Progress => {
    let approvals = 0;
    for (const folder of service.all()) {
      for (const decision of folder.index?.decisions ?? []) approvals += decision.approvers.filter((a) => a.state === 'approved').length;
    }
    return { decisionReferences: references.total(service.all()), approvals };
  };
  const checkEditor = (editor: vscode.TextEditor | undefined) => {
    if (!editor) return;
    const folder = service.folderOf(editor.document.uri);
    const path = folder?.relativePath(editor.document.uri);
    if (path && folder?.index?.decisions.some((d) => d.path === path)) complete(CONTEXT_KEYS.walkthroughDecisionOpen);
  };
  const checkIndex = () => {
    if (!baseline) return;
    const now = progress();
    if (now.decisionReferences > baseline.decisionReferences) complete(CONTEXT_KEYS.walkthroughCodeLinked);
    if (now.approvals > baseline.approvals) complete(CONTEXT_KEYS.walkthroughApproved);
    // A reference or approval removed lowers the bar, so the next one added still counts.
    baseline = { decisionReferences: Math.min(baseline.decisionReferences, now.decisionReferences), approvals: Math.min(baseline.approvals, now.approvals) };
  };
  void service.whenIdle().then(() => {
    baseline = progress();
    checkEditor(vscode.window.activeTextEditor);
  });
  const subscriptions = vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(checkEditor),
    service.onDidChange((folder) => {
      references.note(folder);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        checkIndex();
        checkEditor(vscode.window.activeTextEditor);
      }, COUNT_DELAY_MS);
    }),
    new vscode.Disposable(() => timer && clearTimeout(timer)),
  );
  return subscriptions;
}
