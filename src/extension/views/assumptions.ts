/**
 * Assumptions: grouped by status with counts; each shows its validate-by date and how
 * much depends on it; its children are the decisions and the code relying on it.
 */
import { isPast } from '../../core/rules/context';
import { ASSUMPTION_STATUSES, type Assumption } from '../../core/model';
import { capitalise } from './decisions';
import { groupNode, locationNodes, plural, recordNode, statusIcon, WARNING_ICON, type TreeNode } from './nodes';
import type { FolderView, Snapshot, ViewTree } from './snapshot';

const ROOT = 'assumptions';

export function assumptionsTree(snapshot: Snapshot): ViewTree {
  const records = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const status of ASSUMPTION_STATUSES) {
    const members = snapshot.folders.flatMap((f) => f.index.assumptions.filter((a) => a.status === status).map((a) => ({ f, a })));
    if (members.length === 0) continue;
    const group = groupNode(undefined, `${ROOT}/${status}`, capitalise(status), members.length, statusIcon({ status }), () => rows);
    const rows = members.map(({ f, a }) => {
      const row = assumptionNode(group, f, a, snapshot.now);
      records.set(`${f.uri}#${a.id}`, row);
      return row;
    });
    roots.push(group);
  }
  return { roots, records };
}

/** "validate by 2025-01-31 (overdue) · 1 decision · 2 refs" */
export function assumptionDescription(view: FolderView, assumption: Assumption, now: Date): string {
  const parts: string[] = [];
  if (assumption.validateBy) {
    const overdue = (assumption.status === 'active' || assumption.status === 'validated') && isPast(assumption.validateBy, now);
    parts.push(`validate by ${assumption.validateBy.slice(0, 10)}${overdue ? ' (overdue)' : ''}`);
  }
  parts.push(plural(view.index.dependantsOf(assumption).length, 'decision'));
  parts.push(plural(view.index.referencesTo(assumption.id).length, 'ref'));
  return parts.join(' · ');
}

function assumptionNode(parent: TreeNode, view: FolderView, assumption: Assumption, now: Date): TreeNode {
  const dependants = view.index.dependantsOf(assumption);
  const references = view.index.referencesTo(assumption.id);
  const overdue = (assumption.status === 'active' || assumption.status === 'validated') && isPast(assumption.validateBy, now);
  return recordNode(parent, view.folder, assumption, {
    description: assumptionDescription(view, assumption, now),
    icon: overdue ? WARNING_ICON('lightbulb') : undefined,
    highlight: overdue ? 'warning' : assumption.status === 'invalidated' && dependants.length + references.length > 0 ? 'error' : undefined,
    tooltipLines: [assumption.confidence ? `Confidence: ${assumption.confidence}` : '', assumption.impact ? `Impact: ${assumption.impact}` : ''].filter(Boolean),
    children:
      dependants.length + references.length > 0
        ? (self) => [
            ...dependants.map((d) => recordNode(self, view.folder, d, { description: `decision · ${d.status}` })),
            ...locationNodes(self, view.folder, references),
          ]
        : undefined,
  });
}
