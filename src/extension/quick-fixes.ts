/**
 * Quick fixes, selected by finding code (never by message text):
 * - `ref.superseded`: replace the id with the live end of its chain (this one, or all in the file);
 * - `ref.unknown`: record the missing decision or assumption (opens the record flow prefilled);
 * - `record.dangling`: use the closest existing id.
 */
import * as vscode from 'vscode';
import type { AlignmentIndex } from '../core/alignment-index';
import { closestId } from '../core/closest-id';
import type { Finding } from '../core/findings';
import type { AlignmentRecord } from '../core/model';
import type { DiagnosticsManager } from './diagnostics';
import { COMMANDS, DIAGNOSTIC_SOURCE } from './ids';
import type { IndexService } from './index-service';
import { toVsRange } from './positions';

export class AlignmentQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly service: IndexService,
    private readonly diagnostics: DiagnosticsManager,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const findings = this.diagnostics.findingsAt(document.uri);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = findings.find((f) => f.code === code && toVsRange(f.range).isEqual(diagnostic.range));
      if (!finding) continue;
      if (code === 'ref.superseded') actions.push(...this.replaceSuperseded(document, diagnostic, finding, findings));
      else if (code === 'ref.unknown') actions.push(this.recordMissing(diagnostic, finding, document));
      else if (code === 'record.dangling') {
        const action = this.closestExisting(document, diagnostic, finding);
        if (action) actions.push(action);
      }
    }
    return actions;
  }

  private replaceSuperseded(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding, all: Finding[]): vscode.CodeAction[] {
    if (!finding.replacement) return [];
    const current = document.getText(diagnostic.range);
    const one = new vscode.CodeAction(`Replace ${current} with ${finding.replacement}`, vscode.CodeActionKind.QuickFix);
    one.edit = new vscode.WorkspaceEdit();
    one.edit.replace(document.uri, diagnostic.range, finding.replacement);
    one.diagnostics = [diagnostic];
    one.isPreferred = true;
    const actions = [one];
    const replaceable = all.filter((f) => f.code === 'ref.superseded' && f.replacement);
    if (replaceable.length > 1) {
      const every = new vscode.CodeAction(`Replace all ${replaceable.length} superseded references in this file`, vscode.CodeActionKind.QuickFix);
      every.edit = new vscode.WorkspaceEdit();
      for (const f of replaceable) every.edit.replace(document.uri, toVsRange(f.range), f.replacement!);
      actions.push(every);
    }
    return actions;
  }

  private recordMissing(diagnostic: vscode.Diagnostic, finding: Finding, document: vscode.TextDocument): vscode.CodeAction {
    const id = finding.recordId ?? document.getText(diagnostic.range);
    const folder = this.service.folderOf(document.uri);
    const isAssumption = folder?.config ? id.toUpperCase().startsWith(folder.config.config.assumptionPrefix.toUpperCase()) : false;
    const action = new vscode.CodeAction(`Record ${id}…`, vscode.CodeActionKind.QuickFix);
    action.command = {
      title: `Record ${id}…`,
      command: isAssumption ? COMMANDS.recordAssumption : COMMANDS.recordDecision,
      arguments: [{ id, folder: folder?.folder.uri.toString() }],
    };
    action.diagnostics = [diagnostic];
    return action;
  }

  private closestExisting(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction | undefined {
    const index = this.service.folderOf(document.uri)?.index;
    const written = document.getText(diagnostic.range);
    const bare = written.replace(/^["']|["']$/g, '');
    if (!index || !finding.recordId || !/^[A-Za-z][\w-]*$/.test(bare)) return undefined;
    // Never suggest the record that states the link (a record superseding itself).
    const own = owningRecord(index, finding);
    const others: Pick<AlignmentIndex, 'decisions' | 'assumptions'> = {
      decisions: index.decisions.filter((r) => r.id !== own?.id),
      assumptions: index.assumptions.filter((r) => r.id !== own?.id),
    };
    const closest = closestId(others as AlignmentIndex, finding.recordId);
    if (!closest) return undefined;
    const action = new vscode.CodeAction(`Change to ${closest} (closest existing id)`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, diagnostic.range, written.replace(bare, closest));
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  }
}

/** The record whose supersedes/superseded-by/assumptions/decisions entry the finding is on. */
function owningRecord(index: AlignmentIndex, finding: Finding): AlignmentRecord | undefined {
  const at = toVsRange(finding.range);
  for (const [, stated] of index.stated) {
    if (stated.path !== finding.path) continue;
    const mentions = [...stated.supersedes, ...stated.supersededBy, ...(stated.kind === 'decision' ? stated.assumptions : stated.decisions)];
    if (mentions.some((m) => toVsRange(m.range).isEqual(at))) return stated;
  }
  return undefined;
}
