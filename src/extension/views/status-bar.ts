/**
 * One status bar item on the left: what waits on me and the findings, e.g.
 * "$(checklist) 1 for me · $(error) 2 $(warning) 9". Clicking opens the view that
 * matters most: Pending Approvals when something waits on me, else Needs Attention.
 */
import * as vscode from 'vscode';
import { VIEWS } from '../ids';
import type { Snapshot } from './snapshot';

export function statusText(snapshot: Snapshot): string {
  const parts = [`$(checklist) ${snapshot.approvals.mine.length} for me`];
  const findings = [];
  if (snapshot.counts.error > 0) findings.push(`$(error) ${snapshot.counts.error}`);
  if (snapshot.counts.warning > 0) findings.push(`$(warning) ${snapshot.counts.warning}`);
  if (findings.length === 0) findings.push('$(pass) no findings');
  parts.push(findings.join(' '));
  return parts.join(' · ');
}

export function statusTooltip(snapshot: Snapshot): string {
  const mine = snapshot.approvals.mine;
  const lines = [
    snapshot.me
      ? mine.length > 0
        ? `Waiting for your approval (${snapshot.me}): ${mine.map((p) => p.decision.id).join(', ')}`
        : `Nothing waits for your approval (${snapshot.me})`
      : 'Set alignment.identity to see what waits for your approval',
    `Findings: ${snapshot.counts.error} errors, ${snapshot.counts.warning} warnings, ${snapshot.counts.information} information`,
  ];
  return lines.join('\n');
}

/** The view the status bar item opens. */
export function statusTarget(snapshot: Snapshot): string {
  if (snapshot.approvals.mine.length > 0) return VIEWS.pendingApprovals;
  if (snapshot.attention.length > 0) return VIEWS.attention;
  return VIEWS.decisions;
}

export class AlignmentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('alignment.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Execution Alignment';
  }

  update(snapshot: Snapshot): void {
    if (snapshot.recordCount === 0 && snapshot.counts.error + snapshot.counts.warning === 0) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(snapshot);
    this.item.tooltip = statusTooltip(snapshot);
    this.item.command = { command: `${statusTarget(snapshot)}.focus`, title: 'Show' };
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
