/**
 * Link Code to Decision or Assumption…: pick records, insert a comment naming them
 * above the selection (or the cursor's line), in the file's comment syntax, indented
 * like that line.
 */
import * as vscode from 'vscode';
import { linkComment, type LinkTarget } from '../../core/edits';
import { commentSyntaxFor } from '../../core/references';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';
import { allAssumptions, allDecisions, assumptionItem, decisionItem, recordFromArgs } from './shared';

export async function linkSelection(service: IndexService, args: readonly unknown[]): Promise<boolean> {
  // From the walkthrough (or another non-text editor) the file to link is the one shown beside it.
  const visible = vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme === 'file' || e.document.uri.scheme === 'untitled');
  const editor = vscode.window.activeTextEditor ?? (visible.length === 1 ? visible[0] : undefined);
  if (!editor) {
    void prompts.showWarningMessage('Open a file and put the cursor where the code is, then link it.');
    return false;
  }
  await service.whenIdle();
  let targets: LinkTarget[];
  const given = recordFromArgs(service, args);
  if (given === 'unknown') return false;
  if (given) {
    targets = [{ id: given.record.id, kind: given.record.kind }];
  } else {
    const rank = (status: string) => (status === 'superseded' || status === 'rejected' || status === 'invalidated' || status === 'retired' ? 1 : 0);
    const decisions = allDecisions(service).sort((a, b) => rank(a.record.status) - rank(b.record.status));
    const assumptions = allAssumptions(service).sort((a, b) => rank(a.record.status) - rank(b.record.status));
    const items = [
      ...decisions.map((h) => decisionItem(h.folder, h.record)),
      ...assumptions.map((h) => assumptionItem(h.folder, h.record)),
    ];
    if (items.length === 0) {
      void prompts.showWarningMessage('There are no decisions or assumptions in this workspace yet.');
      return false;
    }
    const picked = await prompts.showQuickPick(items, { placeHolder: 'Link the code to which decisions or assumptions?', canPickMany: true, matchOnDescription: true });
    if (!picked?.length) return false;
    targets = picked.map((p) => ({ id: p.hit.record.id, kind: p.hit.record.kind }));
  }
  const line = editor.selection.isEmpty ? editor.selection.active.line : Math.min(editor.selection.start.line, editor.selection.end.line);
  const done = await insertLinkComment(editor.document, line, targets);
  if (done) void prompts.showInformationMessage(`Linked line ${line + 2} to ${targets.map((t) => t.id).join(', ')}.`);
  return done;
}

/** Inserts the link comment above `line`, indented like it (or like the next non-blank line). */
export async function insertLinkComment(document: vscode.TextDocument, line: number, targets: readonly LinkTarget[]): Promise<boolean> {
  let indentSource = line;
  while (indentSource < document.lineCount - 1 && document.lineAt(indentSource).isEmptyOrWhitespace) indentSource++;
  const text = document.lineAt(indentSource).text;
  const indentation = text.slice(0, text.length - text.trimStart().length);
  const syntax = commentSyntaxFor(document.uri.path, document.lineCount > 0 ? document.lineAt(0).text : undefined);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const comment = linkComment(syntax, targets, indentation);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line, 0), comment + eol, { label: `Link to ${targets.map((t) => t.id).join(', ')}`, needsConfirmation: false });
  return vscode.workspace.applyEdit(edit);
}
