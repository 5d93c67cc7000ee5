/**
 * One status bar item on the left: what waits on me, the findings and how many records
 * govern the active file, e.g. "$(checklist) 1 for me · $(error) 2 $(warning) 9 · $(law) 2 govern". Clicking opens the view that
 * matters most: Pending Approvals when something waits on me, else Needs Attention.
 */
import * as vscode from 'vscode';
import { VIEWS } from '../ids';
import type { GoverningFile } from './governing';
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

/** "$(law) 2 govern": how many records govern the active file. */
export function governingText(file: GoverningFile): string {
  return `$(law) ${file.records.length} govern${file.records.length === 1 ? 's' : ''}`;
}

function governingTooltip(file: GoverningFile): string {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  if (file.records.length === 0) return `Nothing governs ${name}`;
  const stale = file.records.filter((r) => r.stale).length;
  return `Governing ${name}: ${file.records.map((r) => r.record.id).join(', ')}${stale ? ` (${stale} need${stale === 1 ? 's' : ''} attention)` : ''}`;
}

export class AlignmentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('alignment.status', vscode.StatusBarAlignment.Left, 50);
  private snapshot: Snapshot | undefined;
  private governing: GoverningFile | undefined;

  /** What governs the active editor's file (undefined: no file of an indexed folder). */
  setGoverning(file: GoverningFile | undefined): void {
    this.governing = file;
    if (this.snapshot) this.update(this.snapshot);
  }

  constructor() {
    this.item.name = 'Execution Alignment';
  }

  update(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    if (snapshot.recordCount === 0 && snapshot.counts.error + snapshot.counts.warning === 0) {
      this.item.hide();
      return;
    }
    const file = this.governing;
    this.item.text = statusText(snapshot) + (file ? ` · ${governingText(file)}` : '');
    this.item.tooltip = statusTooltip(snapshot) + (file ? `\n${governingTooltip(file)}` : '');
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
