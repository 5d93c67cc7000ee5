/**
 * Hover cards on ids in comments and in records' link fields. Workspace text is
 * untrusted: it is only ever added escaped (`appendUntrusted`), HTML is off, and the only
 * command links are the extension's own allow-listed ones.
 */
import * as vscode from 'vscode';
import { inert } from '../core/inert-text';
import { recordCard, type RecordCard } from '../core/record-card';
import { idAt } from './document-references';
import { COMMANDS, HOVER_COMMANDS } from './ids';
import type { IndexService } from './index-service';

export class RecordHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: IndexService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = idAt(this.service, document, position);
    if (!found) return undefined;
    const hit = this.service.lookup(found.id, document.uri);
    if (!hit) {
      const md = untrustedMarkdown();
      appendUntrusted(md, `${found.id}: no record with this id in this workspace folder.`);
      return new vscode.Hover(md, found.range);
    }
    return new vscode.Hover(renderCard(recordCard(hit.index, hit.record), hit.folder.folder.uri, hit.folder.historyNote), found.range);
  }
}

/**
 * Appends workspace text so that it shows as written: appendText escapes Markdown
 * syntax but leaves `<`, and the renderer silently drops what looks like an HTML tag
 * (`<img src=x>` would vanish from a title). Escaping `<` shows it as text. Control and
 * bidi characters (ESC, CR, a line break in a title, RLO) are shown as `\uXXXX`.
 */
function appendUntrusted(md: vscode.MarkdownString, text: string): void {
  const start = md.value.length;
  md.appendText(inert(text));
  md.value = md.value.slice(0, start) + md.value.slice(start).replace(/</g, '\\<');
}

function untrustedMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}

/**
 * Renders a card; every value from the workspace goes through appendUntrusted.
 * `historyNote`: why git history is missing (dates are then the record's own).
 */
export function renderCard(card: RecordCard, folder: vscode.Uri, historyNote?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportThemeIcons = true;
  md.appendMarkdown('**');
  appendUntrusted(md, `${card.id}: ${card.title}`);
  md.appendMarkdown('**\n\n');
  const field = (label: string, value: string | undefined) => {
    if (!value) return;
    md.appendMarkdown(`${label}: `);
    appendUntrusted(md, value);
    md.appendMarkdown('  \n');
  };
  const stated = card.statusText && card.statusText.toLowerCase() !== card.status ? `${card.status} (${card.statusText})` : card.status;
  field('Status', card.statusFrom ? `${stated}, from the ${card.statusFrom}` : stated);
  field('Owner', card.owner ?? 'none named');
  if (card.approvers.length) {
    field('Approvers', card.approvers.map((a) => `${a.name}: ${a.state}${a.date ? ` ${a.date}` : ''}`).join(', '));
  }
  field('Date', card.date);
  if (card.history) field('History', card.history);
  else if (historyNote) field('History', historyNote);
  field(card.dueLabel, card.dueBy);
  if (card.chain.length) field('Superseded by', card.chain.map((c) => `${c.id} ${c.title} (${c.status})`).join(' → '));
  if (card.supersedes.length) field('Supersedes', card.supersedes.join(', '));
  if (card.links.length) field(card.linksLabel, card.links.map((l) => `${l.id} ${l.title} (${l.status})`).join('; '));
  if (card.summary) {
    md.appendMarkdown('\n');
    appendUntrusted(md, card.summary);
    md.appendMarkdown('\n');
  }
  const args = encodeURIComponent(JSON.stringify([folder.toString(), card.id]));
  const others = card.referenceCount === 1 ? '1 reference' : `${card.referenceCount} references`;
  md.appendMarkdown(`\n---\n[Open record](command:${COMMANDS.openRecord}?${args}) · [Show references](command:${COMMANDS.showReferences}?${args}) (${others} in code)`);
  return md;
}
