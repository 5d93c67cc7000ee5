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

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class DiagnosticsManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** Per folder: path → findings, as last published. */
  private readonly published = new Map<FolderIndex, Map<string, Finding[]>>();
  private readonly subscription: vscode.Disposable;
  /** Time spent in VS Code's DiagnosticCollection.set (its conversion and message to the window), for the bench. */
  readonly setStats = { ms: 0 };

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

  publish(folder: FolderIndex): void {
    const changed = folder.lastChange;
    const previous = this.published.get(folder);
    // Every change goes to the collection in one call: one message to the window for a
    // branch switch's thousands of files, not one per file.
    const updates: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]> = [];
    const memo = new DiagnosticMemo(folder);
    if (changed && previous) {
      // Only these code files changed: publish theirs, leave every other file alone.
      for (const path of changed) {
        const findings = folder.findingsAt(path);
        if (findings.length === 0) {
          if (previous.delete(path)) updates.push([folder.uriOf(path), undefined]);
          continue;
        }
        const before = previous.get(path);
        if (before && sameFindings(before, findings)) continue;
        previous.set(path, findings);
        updates.push([folder.uriOf(path), findings.map((f) => toDiagnostic(folder, f, memo))]);
      }
      this.send(updates);
      return;
    }
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
    const next = new Map<string, Finding[]>();
    for (const [path, findings] of byPath) {
      next.set(path, findings);
      const was = before.get(path);
      if (was && sameFindings(was, findings)) continue;
      updates.push([folder.uriOf(path), findings.map((f) => toDiagnostic(folder, f, memo))]);
    }
    for (const path of before.keys()) if (!next.has(path)) updates.push([folder.uriOf(path), undefined]);
    this.send(updates);
    this.published.set(folder, next);
  }

  private send(updates: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]>): void {
    if (updates.length === 0) return;
    const started = performance.now();
    this.collection.set(updates);
    this.setStats.ms += performance.now() - started;
  }

  forget(folder: FolderIndex): void {
    for (const path of this.published.get(folder)?.keys() ?? []) this.collection.delete(folder.uriOf(path));
    this.published.delete(folder);
  }

  dispose(): void {
    this.subscription.dispose();
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
