/**
 * The elements of every sidebar tree. Plain objects: a stable `key` (the TreeItem id, so
 * expansion survives updates), a `parent` (so `reveal` works), what the row shows, and
 * lazily computed children.
 *
 * Contract with the view/item commands (Approve, Reject, Open, Show References): an
 * element that stands for a record carries top-level `folder` (the workspace folder URI
 * as a string) and `id` (the record id). VS Code passes the element as the first
 * argument of context and inline commands.
 */
import { inert, inertKeepingLines } from '../../core/inert-text';
import * as vscode from 'vscode';
import type { ResolvedReference } from '../../core/alignment-index';
import { historyText } from '../../core/governance/history';
import type { AlignmentRecord } from '../../core/model';
import type { FolderIndex } from '../folder-index';
import { COMMANDS } from '../ids';

export type Highlight = 'warning' | 'error';

/**
 * Tree labels cannot be coloured directly; a file decoration can colour a row whose
 * `resourceUri` has this scheme (path `/<warning|error>/<row key>`).
 */
export const HIGHLIGHT_SCHEME = 'alignment-highlight';

export class HighlightDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== HIGHLIGHT_SCHEME) return undefined;
    const error = uri.path.startsWith('/error/');
    return new vscode.FileDecoration(error ? '!!' : '!', error ? 'Needs attention' : 'Overdue', new vscode.ThemeColor(error ? 'list.errorForeground' : 'list.warningForeground'));
  }
}

export type NodeKind = 'group' | 'record' | 'location' | 'approver' | 'note';

export interface TreeNode {
  kind: NodeKind;
  /** Stable across updates: the TreeItem id. */
  key: string;
  parent: TreeNode | undefined;
  label: string;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  icon?: vscode.ThemeIcon;
  resourceUri?: vscode.Uri;
  contextValue?: string;
  command?: vscode.Command;
  state: 'none' | 'collapsed' | 'expanded';
  /** Computed on first use, then kept for this snapshot. */
  children: () => TreeNode[];
  /** Shows the label in the warning or error colour (overdue, invalidated). */
  highlight?: Highlight;
  /** Record elements only: the workspace folder URI and the record id. */
  folder?: string;
  id?: string;
}

export interface RecordNode extends TreeNode {
  kind: 'record';
  folder: string;
  id: string;
}

const NO_CHILDREN = (): TreeNode[] => [];

/** Memoises a children function. */
export function lazy(make: () => TreeNode[]): () => TreeNode[] {
  let made: TreeNode[] | undefined;
  return () => (made ??= make());
}

export function node(parent: TreeNode | undefined, local: string, fields: Partial<TreeNode> & Pick<TreeNode, 'kind' | 'label'>): TreeNode {
  return {
    key: parent ? `${parent.key}/${local}` : local,
    parent,
    state: 'none',
    children: NO_CHILDREN,
    ...fields,
  };
}

export function groupNode(parent: TreeNode | undefined, local: string, label: string, count: number, icon: vscode.ThemeIcon, children: (self: TreeNode) => TreeNode[], state: 'expanded' | 'collapsed' = 'expanded'): TreeNode {
  const self = node(parent, local, { kind: 'group', label, description: String(count), icon, state, contextValue: 'group' });
  self.children = lazy(() => children(self));
  return self;
}

/** Title of a record: a decision's title, an assumption's statement. */
export function titleOf(record: AlignmentRecord): string {
  return record.kind === 'decision' ? record.title : record.statement;
}

/**
 * A row for a record: "ADR-0005 Adopt feature flags", clicking opens it. `contextValue`
 * lists words that menus match on: `record`, the kind, the status, `pending` for a
 * proposed decision and `mine` when it waits on the current user.
 */
export function recordNode(
  parent: TreeNode | undefined,
  folder: FolderIndex,
  record: AlignmentRecord,
  fields: { description?: string; icon?: vscode.ThemeIcon; highlight?: Highlight; mine?: boolean; tooltipLines?: string[]; children?: (self: TreeNode) => TreeNode[]; state?: 'collapsed' | 'expanded' },
): RecordNode {
  const folderUri = folder.folder.uri.toString();
  const words = ['record', record.kind, record.status];
  if (record.kind === 'decision' && record.status === 'proposed') words.push('pending');
  if (fields.mine) words.push('mine');
  const self = node(parent, `${folderUri}#${record.id}`, {
    kind: 'record',
    label: `${record.id} ${titleOf(record)}`.trim(),
    description: fields.description,
    tooltip: recordTooltip(record, fields.tooltipLines ?? [], folder.historyNote),
    icon: fields.icon ?? statusIcon(record),
    highlight: fields.highlight,
    contextValue: words.join(' '),
    command: { command: COMMANDS.openRecord, title: 'Open Record', arguments: [folderUri, record.id] },
    folder: folderUri,
    id: record.id,
  }) as RecordNode;
  if (fields.children) {
    self.children = lazy(() => fields.children!(self));
    self.state = fields.state ?? 'collapsed';
  }
  return self;
}

/** A code location citing a record: "main.go:10" with its folder; clicking opens it at the line. */
export function locationNode(parent: TreeNode, folder: FolderIndex, reference: ResolvedReference): TreeNode {
  const uri = folder.uriOf(reference.path);
  const slash = reference.path.lastIndexOf('/');
  const selection = new vscode.Range(reference.line, reference.column, reference.line, reference.endColumn);
  return node(parent, `${reference.path}:${reference.line}:${reference.column}`, {
    kind: 'location',
    label: `${reference.path.slice(slash + 1)}:${reference.line + 1}`,
    description: slash > 0 ? reference.path.slice(0, slash) : undefined,
    tooltip: `${reference.path}:${reference.line + 1}:${reference.column + 1} — ${reference.text}`,
    icon: vscode.ThemeIcon.File,
    resourceUri: uri,
    contextValue: 'location',
    command: { command: 'vscode.open', title: 'Open', arguments: [uri, { selection } satisfies vscode.TextDocumentShowOptions] },
  });
}

/** The code locations citing a record, as children. */
export function locationNodes(parent: TreeNode, folder: FolderIndex, references: readonly ResolvedReference[]): TreeNode[] {
  return references.map((r) => locationNode(parent, folder, r));
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const STATUS_ICONS: Record<string, [string, string?]> = {
  proposed: ['git-pull-request-draft', 'charts.yellow'],
  accepted: ['pass', 'charts.green'],
  rejected: ['circle-slash', 'charts.red'],
  deprecated: ['archive'],
  superseded: ['arrow-swap', 'list.deemphasizedForeground'],
  unknown: ['question'],
  active: ['lightbulb', 'charts.yellow'],
  validated: ['verified', 'charts.green'],
  invalidated: ['error', 'list.errorForeground'],
  retired: ['archive'],
};

export function statusIcon(record: { status: string }): vscode.ThemeIcon {
  const [name, color] = STATUS_ICONS[record.status] ?? ['circle-outline'];
  return new vscode.ThemeIcon(name, color ? new vscode.ThemeColor(color) : undefined);
}

export const WARNING_ICON = (name = 'warning') => new vscode.ThemeIcon(name, new vscode.ThemeColor('list.warningForeground'));
export const ERROR_ICON = (name = 'error') => new vscode.ThemeIcon(name, new vscode.ThemeColor('list.errorForeground'));

/** Hover text of a record row. Workspace text goes in as plain text, never as Markdown. */
function recordTooltip(record: AlignmentRecord, extra: string[], historyNote: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(inert(`${record.id} ${titleOf(record)}`));
  md.appendMarkdown('**\n\n');
  const lines: string[] = [`Status: ${record.kind === 'decision' && record.statusText ? record.statusText : record.status}`];
  const owner = record.owner ?? (record.kind === 'decision' ? record.deciders[0] : undefined);
  lines.push(`Owner: ${owner ?? 'none named'}`);
  if (record.kind === 'decision') {
    if (record.date) lines.push(`Date: ${record.date}`);
    for (const a of record.approvers) lines.push(`Approver ${a.name}: ${a.state}${a.date ? ` (${a.date})` : ''}`);
    if (record.reviewBy) lines.push(`Review by: ${record.reviewBy}`);
  } else if (record.validateBy) {
    lines.push(`Validate by: ${record.validateBy}`);
  }
  if (record.history?.length) lines.push(`History: ${historyText(record.history)}`);
  else if (historyNote) lines.push(`History: ${historyNote}`);
  lines.push(...extra, record.path);
  for (const line of lines) {
    md.appendText(inert(line));
    md.appendMarkdown('  \n');
  }
  return md;
}

export function toTreeItem(element: TreeNode): vscode.TreeItem {
  const state =
    element.state === 'expanded'
      ? vscode.TreeItemCollapsibleState.Expanded
      : element.state === 'collapsed'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
  // Labels and descriptions are workspace text: one line, no control or bidi characters.
  const item = new vscode.TreeItem(inert(element.label), state);
  item.id = element.key;
  item.description = element.description === undefined ? undefined : inert(element.description);
  item.tooltip = typeof element.tooltip === 'string' ? inertKeepingLines(element.tooltip) : element.tooltip;
  item.iconPath = element.icon;
  item.resourceUri = element.highlight ? vscode.Uri.from({ scheme: HIGHLIGHT_SCHEME, path: `/${element.highlight}/${encodeURIComponent(element.key)}` }) : element.resourceUri;
  item.contextValue = element.contextValue;
  item.command = element.command;
  return item;
}
