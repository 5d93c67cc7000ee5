/**
 * Decisions: grouped by status with counts; each decision shows how often code cites
 * it (and its successor when superseded); its children are the citing code locations.
 */
import { DECISION_STATUSES, type Decision } from '../../core/model';
import { groupNode, locationNodes, node, plural, recordNode, statusIcon, type TreeNode } from './nodes';
import type { FolderView, Snapshot, ViewTree } from './snapshot';

const ROOT = 'decisions';

export function decisionsTree(snapshot: Snapshot): ViewTree {
  const records = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const status of DECISION_STATUSES) {
    const members = snapshot.folders.flatMap((f) => f.index.decisions.filter((d) => d.status === status).map((d) => ({ f, d })));
    if (members.length === 0) continue;
    const group = groupNode(undefined, `${ROOT}/${status}`, capitalise(status), members.length, statusIcon({ status }), () => rows);
    const rows = members.map(({ f, d }) => {
      const row = decisionNode(group, f, d);
      records.set(`${f.uri}#${d.id}`, row);
      return row;
    });
    roots.push(group);
  }
  return { roots, records };
}

/** "→ ADR-0007 · 1 ref", "awaiting dana@example.com · 1 ref", "2 refs" */
export function decisionDescription(view: FolderView, decision: Decision): string {
  const parts: string[] = [];
  if (decision.status === 'superseded') {
    const end = view.index.liveEnd(decision);
    parts.push(end !== decision ? `→ ${end.id}` : 'no successor named');
  }
  if (decision.status === 'proposed') {
    const waiting = decision.approvers.filter((a) => a.state === 'pending').map((a) => a.name);
    if (waiting.length > 0) parts.push(`awaiting ${waiting.join(', ')}`);
  }
  parts.push(plural(view.index.referencesTo(decision.id).length, 'ref'));
  return parts.join(' · ');
}

function decisionNode(parent: TreeNode, view: FolderView, decision: Decision): TreeNode {
  const references = view.index.referencesTo(decision.id);
  const successor = decision.status === 'superseded' ? view.index.liveEnd(decision) : undefined;
  const hasChildren = references.length > 0 || (successor !== undefined && successor !== decision);
  return recordNode(parent, view.folder, decision, {
    description: decisionDescription(view, decision),
    highlight: decision.status === 'superseded' && references.length > 0 ? 'warning' : undefined,
    children: hasChildren
      ? (self) => {
          const children: TreeNode[] = [];
          if (successor && successor !== decision) {
            const next = recordNode(self, view.folder, successor, { description: `successor · ${successor.status}` });
            next.label = `Superseded by ${next.label}`;
            children.push(next);
          }
          children.push(...locationNodes(self, view.folder, references));
          if (references.length === 0) children.push(node(self, 'no-refs', { kind: 'note', label: 'No code cites it' }));
          return children;
        }
      : undefined,
  });
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
