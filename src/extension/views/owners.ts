/**
 * Owners: each person (one node however records spell them, "me" first) with the
 * decisions and assumptions they own and their status; then "Unowned".
 */
import * as vscode from 'vscode';
import type { OwnerGroup } from '../../core/governance/owners';
import { groupNode, plural, recordNode, WARNING_ICON, type TreeNode } from './nodes';
import type { FolderView, Snapshot, ViewTree } from './snapshot';

const ROOT = 'owners';

export function ownersTree(snapshot: Snapshot): ViewTree {
  const roots = snapshot.owners.map((group) => {
    const self = groupNode(undefined, `${ROOT}/${group.key}`, group.isMe ? `${group.label} (me)` : group.label, group.records.length, ownerIcon(group), (parent) =>
      group.records.map(({ tag, record }) => recordNode(parent, tag.folder, record, { description: record.status })),
    );
    self.description = ownedSummary(group);
    return self;
  });
  return { roots, records: new Map<string, TreeNode>() };
}

function ownerIcon(group: OwnerGroup<FolderView>): vscode.ThemeIcon {
  if (!group.person) return WARNING_ICON('question');
  return group.isMe ? new vscode.ThemeIcon('account', new vscode.ThemeColor('charts.blue')) : new vscode.ThemeIcon('person');
}

/** "3 decisions · 1 assumption" */
export function ownedSummary(group: OwnerGroup<FolderView>): string {
  const decisions = group.records.filter((r) => r.record.kind === 'decision').length;
  const assumptions = group.records.length - decisions;
  const parts = [];
  if (decisions > 0) parts.push(plural(decisions, 'decision'));
  if (assumptions > 0) parts.push(plural(assumptions, 'assumption'));
  return parts.join(' · ');
}
