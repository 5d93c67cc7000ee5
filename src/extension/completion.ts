/**
 * Completion of record ids inside comments (`ADR-`, `@decision `, `@assumes `) and in
 * records' link fields (`supersedes:`, `assumptions:`, …). Trigger characters make it
 * work where suggestions in comments are off by default.
 */
import * as vscode from 'vscode';
import type { AlignmentRecord } from '../core/model';
import { escapeRegExp } from '../core/glob';
import { isInComment } from '../core/references';
import type { FolderIndex } from './folder-index';
import type { IndexService } from './index-service';

export const COMPLETION_TRIGGERS = ['-', ' ', ':', '@'];

const LINK_KEYS = /^\s*(supersedes|superseded-by|assumptions|decisions)\s*:/;

export class RecordIdCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly service: IndexService) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const folder = this.service.folderOf(document.uri);
    const path = folder?.relativePath(document.uri);
    const index = folder?.index;
    const config = folder?.config?.config;
    if (!folder || !path || !index || !config) return undefined;
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const role = folder.roleOf(path);

    if (role === 'decision' || role === 'assumption') {
      const key = this.linkKeyAbove(document, position.line);
      if (!key) return undefined;
      const token = /[\w-]*$/.exec(before)![0];
      const kind = key === 'assumptions' ? 'assumption' : key === 'decisions' ? 'decision' : role;
      return this.items(folder, kind, new vscode.Range(position.translate(0, -token.length), position));
    }
    if (role !== 'code') return undefined;

    const tag = /@(decision|assumes|assumption|adr)\s+([\w-]*)$/i.exec(before);
    const prefixes = `${escapeRegExp(config.decisionPrefix)}|${escapeRegExp(config.assumptionPrefix)}`;
    const typed = new RegExp(`(?:^|[^A-Za-z0-9])((?:${prefixes})[-_ ]?\\d*)$`, 'i').exec(before);
    if (!tag && !typed) return undefined;
    const token = tag ? tag[2] : typed![1];
    // Where the typed tag or id starts must be inside a comment, as the scanner sees it.
    const typedLength = tag ? tag[0].length : token.length;
    if (!isInComment(path, document.getText(), document.offsetAt(position) - typedLength)) return undefined;
    const kind = tag
      ? /^assum/i.test(tag[1])
        ? 'assumption'
        : 'decision'
      : token.toUpperCase().startsWith(config.assumptionPrefix.toUpperCase())
        ? 'assumption'
        : 'decision';
    return this.items(folder, kind, new vscode.Range(position.translate(0, -token.length), position));
  }

  private items(folder: FolderIndex, kind: 'decision' | 'assumption', range: vscode.Range): vscode.CompletionItem[] {
    const index = folder.index!;
    const records: AlignmentRecord[] = kind === 'decision' ? index.decisions : index.assumptions;
    return records.map((record, i) => {
      const title = record.kind === 'decision' ? record.title : record.statement;
      const item = new vscode.CompletionItem({ label: record.id, description: title }, vscode.CompletionItemKind.Reference);
      item.detail = `${record.status}${record.owner ? ` · ${record.owner}` : ''}`;
      item.documentation = title;
      item.range = range;
      item.filterText = `${record.id} ${title}`;
      // Live records first, then by id.
      const live = record.status === 'accepted' || record.status === 'active' || record.status === 'validated' ? 0 : 1;
      item.sortText = `${live}${String(i).padStart(6, '0')}`;
      return item;
    });
  }

  /** The field whose list the line belongs to (`supersedes: ADR-1` or a `- ADR-1` item under it). */
  private linkKeyAbove(document: vscode.TextDocument, line: number): string | undefined {
    for (let l = line; l >= 0 && l > line - 50; l--) {
      const text = document.lineAt(l).text;
      const key = LINK_KEYS.exec(text);
      if (key) return key[1];
      if (l !== line && !/^\s*-\s/.test(text)) return undefined;
      if (l === line && !/^\s*-\s*[\w-]*$/.test(text)) return undefined;
    }
    return undefined;
  }

}
