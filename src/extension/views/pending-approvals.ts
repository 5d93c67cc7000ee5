/**
 * Pending Approvals: proposed decisions grouped by who must still approve them,
 * "Waiting on me" first; each shows owner and how long it has waited, overdue ones in
 * the warning colour. Expanding a decision lists every approver and their answer.
 */
import * as vscode from 'vscode';
import { waitingText, type ApprovalGroup, type PendingApproval } from '../../core/governance/approvals';
import { ownerOf } from '../../core/rules/context';
import { groupNode, node, recordNode, WARNING_ICON, type TreeNode } from './nodes';
import type { FolderView, Snapshot, ViewTree } from './snapshot';

const ROOT = 'pendingApprovals';

export function pendingApprovalsTree(snapshot: Snapshot): ViewTree {
  const roots = snapshot.approvals.groups.map((group) =>
    groupNode(undefined, `${ROOT}/${group.key}`, groupLabel(group, snapshot), group.items.length, groupIcon(group), (self) =>
      group.items.map((item) => approvalNode(self, item)),
    ),
  );
  return { roots, records: new Map() };
}

function groupLabel(group: ApprovalGroup<FolderView>, snapshot: Snapshot): string {
  return group.kind === 'me' && snapshot.me ? `Waiting on me (${snapshot.me})` : group.label;
}

function groupIcon(group: ApprovalGroup<FolderView>): vscode.ThemeIcon {
  switch (group.kind) {
    case 'me':
      return new vscode.ThemeIcon('account', new vscode.ThemeColor('charts.blue'));
    case 'person':
      return new vscode.ThemeIcon('person');
    case 'answered':
      return new vscode.ThemeIcon('check-all');
    default:
      return WARNING_ICON('question');
  }
}

/** "sam@example.com · waiting 23 d · overdue" */
export function approvalDescription(item: PendingApproval<FolderView>): string {
  const parts = [ownerOf(item.decision) ?? 'no owner', waitingText(item.ageDays)];
  if (item.overdue) parts.push('overdue');
  return parts.join(' · ');
}

function approvalNode(parent: TreeNode, item: PendingApproval<FolderView>): TreeNode {
  const decision = item.decision;
  const since = item.since ? `Waiting since ${item.since.slice(0, 10)}${item.sinceSource === 'fallback' ? ' (when it was proposed, from git)' : ''}` : 'No date: add `date:` to the record';
  return recordNode(parent, item.tag.folder, decision, {
    description: approvalDescription(item),
    icon: item.overdue ? new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('watch'),
    highlight: item.overdue ? 'warning' : undefined,
    mine: item.mine,
    tooltipLines: [since + (item.overdue ? ` — overdue (more than ${item.tag.overdueDays} d)` : '')],
    children: (self) =>
      decision.approvers.map((approver) =>
        node(self, `approver:${approver.name}`, {
          kind: 'approver',
          label: approver.name,
          description: approver.state + (approver.date ? ` ${approver.date.slice(0, 10)}` : ''),
          icon:
            approver.state === 'approved'
              ? new vscode.ThemeIcon('check', new vscode.ThemeColor('charts.green'))
              : approver.state === 'rejected'
                ? new vscode.ThemeIcon('close', new vscode.ThemeColor('charts.red'))
                : new vscode.ThemeIcon('clock'),
          tooltip: approver.comment ? `${approver.name}: ${approver.state} — ${approver.comment}` : `${approver.name}: ${approver.state}`,
          contextValue: `approver ${approver.state}`,
        }),
      ),
  });
}
