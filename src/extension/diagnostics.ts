/**
 * Puts every finding into the Problems panel, workspace-wide (files not open included).
 * Recomputes a folder's findings when its index changes and touches only the files
 * whose diagnostics differ. Also keeps the current findings for code actions, which
 * select on the finding code and range, never on message text.
 */
import { inert } from '../core/inert-text';
import * as vscode from 'vscode';
import { sameFindings, type Finding, type Severity } from '../core/findings';
import type { ParseProblem } from '../core/model';
import type { FolderIndex } from './folder-index';
import { DIAGNOSTIC_SOURCE } from './ids';
import type { IndexService } from './index-service';
import { toVsRange } from './positions';
import { TimeSlice } from '../node/time-slice';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Files sent to VS Code per DiagnosticCollection.set call, at most. Between two calls the
 * extension host yields once its slice has run its time: publishing 10,000 files at once
 * held it for 150 ms and more (building the diagnostics, then VS Code's own conversion).
 */
const FILES_PER_SET = 500;

export class DiagnosticsManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** Per folder: path → findings, as published (or about to be: see `unsent`). */
  private readonly published = new Map<FolderIndex, Map<string, Finding[]>>();
  /**
   * Per folder: the files whose diagnostics a publish still has to send, and that publish's
   * number. A newer publish takes the unsent files over; the older one stops.
   */
  private readonly sending = new Map<FolderIndex, { job: number; unsent: Set<string>; done: Promise<void> }>();
  private jobs = 0;
  private readonly subscription: vscode.Disposable;
  /**
   * VS Code's DiagnosticCollection.set, for the bench and the tests: the time spent in it
   * (its conversion and message to the window), the calls, and the most files in one call.
   */
  readonly setStats = { ms: 0, calls: 0, largestCall: 0 };

  constructor(private readonly service: IndexService) {
    this.subscription = service.onDidChange((folder) => this.publish(folder));
    for (const folder of service.all()) if (folder.ready) this.publish(folder);
  }

  /** The findings published for a file, for code actions. */
  findingsAt(uri: vscode.Uri): Finding[] {
    const folder = this.service.folderOf(uri);
    const path = folder?.relativePath(uri);
    if (!folder || !path) return [];
    return this.published.get(folder)?.get(path) ?? [];
  }

  /** Resolves once every publish has sent all it had to (the last slices of a large one). */
  async whenSent(): Promise<void> {
    while (this.sending.size > 0) await Promise.all([...this.sending.values()].map((s) => s.done));
  }

  /**
   * Works out which files' diagnostics differ from what was published and sends them:
   * at once when they are few, else FILES_PER_SET at a time in slices.
   */
  publish(folder: FolderIndex): void {
    // A folder removed from the workspace: its findings leave the Problems panel.
    if (!this.service.all().includes(folder)) return this.forget(folder);
    const changed = folder.lastChange;
    const previous = this.published.get(folder);
    const toSend = new Set(this.sending.get(folder)?.unsent);
    if (changed && previous) {
      // Only these code files changed: publish theirs, leave every other file alone.
      for (const path of changed) {
        const findings = folder.findingsAt(path);
        if (findings.length === 0) {
          if (previous.delete(path)) toSend.add(path);
          continue;
        }
        const before = previous.get(path);
        if (before && sameFindings(before, findings)) continue;
        previous.set(path, findings);
        toSend.add(path);
      }
    } else {
      const byPath = new Map<string, Finding[]>();
      for (const finding of folder.findings()) {
        const list = byPath.get(finding.path);
        if (list) list.push(finding);
        else byPath.set(finding.path, [finding]);
      }
      const configFile = folder.config?.file;
      if (configFile && folder.config!.problems.length) {
        byPath.set(configFile, [...(byPath.get(configFile) ?? []), ...folder.config!.problems.map((p) => configFinding(configFile, p))]);
      }
      const before = previous ?? new Map<string, Finding[]>();
      for (const [path, findings] of byPath) {
        const was = before.get(path);
        if (!was || !sameFindings(was, findings)) toSend.add(path);
      }
      for (const path of before.keys()) if (!byPath.has(path)) toSend.add(path);
      this.published.set(folder, byPath);
    }
    this.sending.delete(folder);
    if (toSend.size === 0) return;
    const job = ++this.jobs;
    const state = { job, unsent: toSend, done: Promise.resolve() };
    this.sending.set(folder, state);
    state.done = this.send(folder, state).catch((error: unknown) => console.error('alignment: publishing diagnostics failed', error));
  }

  /**
   * Sends `state.unsent`, each file's diagnostics built from what is published when its
   * turn comes. Stops when a newer publish of the folder took over.
   */
  private async send(folder: FolderIndex, state: { job: number; unsent: Set<string> }): Promise<void> {
    // FILES_PER_SET files per call: a few messages to the window for a branch switch's
    // thousands of files, not one per file.
    const memo = new DiagnosticMemo(folder);
    const slice = new TimeSlice();
    const current = () => this.sending.get(folder)?.job === state.job;
    while (state.unsent.size > 0) {
      if (slice.due) {
        await slice.next();
        if (!current()) return;
      }
      const published = this.published.get(folder);
      const updates: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]> = [];
      for (const path of state.unsent) {
        const findings = published?.get(path);
        updates.push([folder.uriOf(path), findings?.map((f) => toDiagnostic(folder, f, memo))]);
        state.unsent.delete(path);
        if (updates.length === FILES_PER_SET) break;
      }
      const started = performance.now();
      this.collection.set(updates);
      this.setStats.ms += performance.now() - started;
      this.setStats.calls += 1;
      this.setStats.largestCall = Math.max(this.setStats.largestCall, updates.length);
    }
    if (current()) this.sending.delete(folder);
  }

  forget(folder: FolderIndex): void {
    this.sending.delete(folder);
    for (const path of this.published.get(folder)?.keys() ?? []) this.collection.delete(folder.uriOf(path));
    this.published.delete(folder);
  }

  dispose(): void {
    this.subscription.dispose();
    this.sending.clear();
    this.collection.dispose();
  }
}

function toDiagnostic(folder: FolderIndex, finding: Finding, memo: DiagnosticMemo): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(finding.range), memo.inert(finding.message), SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const target = finding.recordId ? memo.recordTarget(finding.recordId) : undefined;
  diagnostic.code = target ? { value: finding.code, target } : finding.code;
  if (finding.deprecated) diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(folder.uriOf(r.path), toVsRange(r.range)), memo.inert(r.message)),
    );
  }
  return diagnostic;
}

/**
 * What one publish's diagnostics share, worked out once: a branch switch gives thousands
 * of files the same message about the same record.
 */
class DiagnosticMemo {
  private readonly targets = new Map<string, vscode.Uri | undefined>();
  private readonly texts = new Map<string, string>();

  constructor(private readonly folder: FolderIndex) {}

  /** The record's line, where the finding's code links to; undefined for an unknown id. */
  recordTarget(id: string): vscode.Uri | undefined {
    if (this.targets.has(id)) return this.targets.get(id);
    const record = this.folder.index?.lookup(id);
    const target = record ? this.folder.uriOf(record.path).with({ fragment: `L${record.line + 1}` }) : undefined;
    this.targets.set(id, target);
    return target;
  }

  /** Messages quote workspace text: one line, no control or bidi characters. */
  inert(text: string): string {
    let safe = this.texts.get(text);
    if (safe === undefined) this.texts.set(text, (safe = inert(text)));
    return safe;
  }
}

function configFinding(path: string, problem: ParseProblem): Finding {
  return { code: problem.code, severity: 'error', message: problem.message, path, range: problem.range, related: [] };
}
