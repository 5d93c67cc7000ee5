/**
 * Puts every finding into the Problems panel, workspace-wide (files not open included).
 * Recomputes a folder's findings when its index changes and touches only the files
 * whose diagnostics differ. Also keeps the current findings for code actions, which
 * select on the finding code and range, never on message text.
 */
import { inert } from '../core/inert-text';
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/findings';
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
  /** Per folder: path → findings and their fingerprint, as last published. */
  private readonly published = new Map<FolderIndex, Map<string, { findings: Finding[]; key: string }>>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: IndexService) {
    this.subscription = service.onDidChange((folder) => this.publish(folder));
    for (const folder of service.all()) if (folder.ready) this.publish(folder);
  }

  /** The findings published for a file, for code actions. */
  findingsAt(uri: vscode.Uri): Finding[] {
    const folder = this.service.folderOf(uri);
    const path = folder?.relativePath(uri);
    if (!folder || !path) return [];
    return this.published.get(folder)?.get(path)?.findings ?? [];
  }

  publish(folder: FolderIndex): void {
    const changed = folder.lastChange;
    const previous = this.published.get(folder);
    // Every change goes to the collection in one call: one message to the window for a
    // branch switch's thousands of files, not one per file.
    const updates: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]> = [];
    if (changed && previous) {
      // Only these code files changed: publish theirs, leave every other file alone.
      for (const path of changed) {
        const findings = folder.findingsAt(path);
        if (findings.length === 0) {
          if (previous.delete(path)) updates.push([folder.uriOf(path), undefined]);
          continue;
        }
        const key = JSON.stringify(findings);
        if (previous.get(path)?.key === key) continue;
        previous.set(path, { findings, key });
        updates.push([folder.uriOf(path), findings.map((f) => this.toDiagnostic(folder, f))]);
      }
      if (updates.length) this.collection.set(updates);
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
    const before = previous ?? new Map<string, { findings: Finding[]; key: string }>();
    const next = new Map<string, { findings: Finding[]; key: string }>();
    for (const [path, findings] of byPath) {
      const key = JSON.stringify(findings);
      next.set(path, { findings, key });
      if (before.get(path)?.key === key) continue;
      updates.push([folder.uriOf(path), findings.map((f) => this.toDiagnostic(folder, f))]);
    }
    for (const path of before.keys()) if (!next.has(path)) updates.push([folder.uriOf(path), undefined]);
    if (updates.length) this.collection.set(updates);
    this.published.set(folder, next);
  }

  forget(folder: FolderIndex): void {
    for (const path of this.published.get(folder)?.keys() ?? []) this.collection.delete(folder.uriOf(path));
    this.published.delete(folder);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }

  private toDiagnostic(folder: FolderIndex, finding: Finding): vscode.Diagnostic {
    // Messages quote workspace text: one line, no control or bidi characters.
    const diagnostic = new vscode.Diagnostic(toVsRange(finding.range), inert(finding.message), SEVERITY[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    const record = finding.recordId ? folder.index?.lookup(finding.recordId) : undefined;
    diagnostic.code = record
      ? { value: finding.code, target: folder.uriOf(record.path).with({ fragment: `L${record.line + 1}` }) }
      : finding.code;
    if (finding.deprecated) diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
    if (finding.related.length) {
      diagnostic.relatedInformation = finding.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(folder.uriOf(r.path), toVsRange(r.range)), inert(r.message)),
      );
    }
    return diagnostic;
  }
}

function configFinding(path: string, problem: ParseProblem): Finding {
  return { code: problem.code, severity: 'error', message: problem.message, path, range: problem.range, related: [] };
}
