/**
 * Needs Attention: superseded-but-referenced, invalidated-but-relied-on, overdue reviews, reviews due soon,
 * approvals waiting too long and records with errors — each row says what to do next.
 */
import * as vscode from 'vscode';
import { inert } from '../../core/inert-text';
import type { AttentionItem, AttentionKind } from '../../core/governance/attention';
import { ERROR_ICON, groupNode, locationNodes, node, recordNode, WARNING_ICON, type TreeNode } from './nodes';
import type { FolderView, Snapshot, ViewTree } from './snapshot';

const ROOT = 'attention';

const ICONS: Record<AttentionKind, () => vscode.ThemeIcon> = {
  'superseded-referenced': () => WARNING_ICON('arrow-swap'),
  'invalidated-relied-on': () => ERROR_ICON('error'),
  'review-overdue': () => WARNING_ICON('calendar'),
  'review-due-soon': () => new vscode.ThemeIcon('calendar'),
  'approval-overdue': () => WARNING_ICON('watch'),
  'record-errors': () => ERROR_ICON('file'),
};

export function attentionTree(snapshot: Snapshot): ViewTree {
  const roots = snapshot.attention.map((group) =>
    groupNode(undefined, `${ROOT}/${group.kind}`, group.label, group.items.length, ICONS[group.kind](), (self) => group.items.map((item) => attentionNode(self, item))),
  );
  return { roots, records: new Map() };
}

function attentionNode(parent: TreeNode, item: AttentionItem<FolderView>): TreeNode {
  const folder = item.tag.folder;
  const children = (self: TreeNode): TreeNode[] => [
    ...item.dependants.map((d) => recordNode(self, folder, d, { description: `decision · ${d.status}` })),
    ...locationNodes(self, folder, item.references),
    ...item.findings.map((f, i) =>
      node(self, `finding:${i}`, {
        kind: 'note',
        label: f.message,
        description: `${f.code} · line ${f.range.start.line + 1}`,
        icon: ERROR_ICON(),
        command: { command: 'vscode.open', title: 'Open', arguments: [folder.uriOf(f.path), { selection: new vscode.Range(f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column) }] },
      }),
    ),
  ];
  const hasChildren = item.dependants.length + item.references.length + item.findings.length > 0;
  if (item.record) {
    const highlight = item.kind === 'invalidated-relied-on' || item.kind === 'record-errors' ? 'error' : 'warning';
    return recordNode(parent, folder, item.record, { description: item.detail, icon: ICONS[item.kind](), highlight, children: hasChildren ? children : undefined });
  }
  const self = node(parent, `${item.tag.uri}#${item.path}`, {
    kind: 'note',
    // A finding on the workspace folder itself (it cannot be read) has no path: show its name.
    label: item.path || inert(folder.folder.name),
    description: item.detail,
    icon: ICONS[item.kind](),
    resourceUri: folder.uriOf(item.path),
    // A folder cannot be opened in an editor: an unreadable one is shown in the Explorer.
    command: folder.isUnreadableFolder(item.path)
      ? { command: 'revealInExplorer', title: 'Reveal in Explorer', arguments: [folder.uriOf(item.path)] }
      : { command: 'vscode.open', title: 'Open', arguments: [folder.uriOf(item.path)] },
    state: hasChildren ? 'collapsed' : 'none',
  });
  self.children = () => children(self);
  return self;
}
