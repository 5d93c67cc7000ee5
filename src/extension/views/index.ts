/**
 * The sidebar: five tree views over one shared snapshot of the index, Governing This
 * File (following the active editor), the status bar item, the badge of what waits on
 * me, and "Reveal in Decisions View".
 */
import * as vscode from 'vscode';
import type { AlignmentRecord } from '../../core/model';
import { idAt } from '../document-references';
import { COMMANDS, CONTEXT_KEYS, VIEWS } from '../ids';
import type { IndexService } from '../index-service';
import { assumptionsTree } from './assumptions';
import { attentionTree } from './attention';
import { decisionsTree } from './decisions';
import { HighlightDecorations, toTreeItem, type TreeNode } from './nodes';
import { ownersTree } from './owners';
import { pendingApprovalsTree } from './pending-approvals';
import { SidebarState, type SidebarOptions, type Snapshot, type ViewName, type ViewTree } from './snapshot';
import { GoverningTreeProvider } from './governing';
import { AlignmentStatusBar } from './status-bar';

export { SidebarState, Snapshot, type SidebarOptions, type ViewName } from './snapshot';
export type { TreeNode, RecordNode } from './nodes';
export { statusText, statusTarget } from './status-bar';

const BUILDERS: Record<ViewName, (snapshot: Snapshot) => ViewTree> = {
  pendingApprovals: pendingApprovalsTree,
  owners: ownersTree,
  decisions: decisionsTree,
  assumptions: assumptionsTree,
  attention: attentionTree,
};

const UPDATE_DELAY_MS = 50;

/** The data behind one view; the same snapshot serves every view until the index changes. */
export class SidebarTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(
    private readonly state: SidebarState,
    readonly view: ViewName,
  ) {
    this.onDidChangeTreeData = state.onDidChange;
  }

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    if (element) return element.children();
    const snapshot = await this.state.snapshot();
    return snapshot.tree(this.view, BUILDERS[this.view]).roots;
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parent;
  }

  getTreeItem(element: TreeNode): vscode.TreeItem {
    return toTreeItem(element);
  }

  /** The row of a record in the current snapshot (decisions and assumptions views). */
  async recordNode(folder: string, id: string): Promise<TreeNode | undefined> {
    const snapshot = await this.state.snapshot();
    return snapshot.tree(this.view, BUILDERS[this.view]).records.get(`${folder}#${id}`);
  }
}

/** Providers and state without any registration: what the views show, for tests too. */
export function createSidebar(service: IndexService, options: SidebarOptions = {}) {
  const state = new SidebarState(service, options);
  const providers = {} as Record<ViewName, SidebarTreeProvider>;
  for (const view of Object.keys(BUILDERS) as ViewName[]) providers[view] = new SidebarTreeProvider(state, view);
  return { state, providers };
}

/** The badge of Pending Approvals: how many decisions wait on me. */
export function approvalBadge(snapshot: Snapshot): vscode.ViewBadge | undefined {
  const mine = snapshot.approvals.mine.length;
  if (mine === 0) return undefined;
  return { value: mine, tooltip: `${mine} decision${mine === 1 ? '' : 's'} waiting for your approval` };
}

/**
 * Registers the views, the status bar item and the reveal command; every disposable
 * goes into `disposables`.
 */
export function registerViews(disposables: vscode.Disposable[], service: IndexService, options: SidebarOptions = {}) {
  const { state, providers } = createSidebar(service, options);
  const treeViews = {} as Record<ViewName, vscode.TreeView<TreeNode>>;
  for (const view of Object.keys(BUILDERS) as ViewName[]) {
    treeViews[view] = vscode.window.createTreeView(VIEWS[view], { treeDataProvider: providers[view], showCollapseAll: true });
  }
  const statusBar = new AlignmentStatusBar();
  const governing = new GoverningTreeProvider(service, state.now);
  const governingView = vscode.window.createTreeView(VIEWS.governing, { treeDataProvider: governing, showCollapseAll: true });
  const showGoverning = () => {
    governingView.message = governing.message();
    statusBar.setGoverning(governing.compute());
  };

  let timer: NodeJS.Timeout | undefined;
  const update = async () => {
    const snapshot = await state.snapshot();
    const pending = treeViews.pendingApprovals;
    pending.badge = approvalBadge(snapshot);
    pending.message =
      !snapshot.me && snapshot.approvals.all.length > 0
        ? 'Who you are is not known: set alignment.identity (or git user.email) to see what waits on you.'
        : undefined;
    statusBar.update(snapshot);
    treeViews.decisions.message = historyMessage(snapshot);
    showGoverning();
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.indexed, snapshot.ready);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      update().catch((error: unknown) => console.error('alignment: updating the sidebar failed', error));
    }, UPDATE_DELAY_MS);
  };
  schedule();

  disposables.push(
    state,
    statusBar,
    governing,
    governingView,
    governing.onDidChangeTreeData(showGoverning),
    ...Object.values(treeViews),
    state.onDidChange(schedule),
    vscode.window.registerFileDecorationProvider(new HighlightDecorations()),
    { dispose: () => timer && clearTimeout(timer) },
    vscode.commands.registerCommand(COMMANDS.revealInDecisions, async (arg?: unknown) => {
      const target = await revealTarget(service, arg);
      if (!target) {
        void vscode.window.showInformationMessage('Put the cursor on a decision or assumption id to reveal it.');
        return undefined;
      }
      const view: ViewName = target.record.kind === 'decision' ? 'decisions' : 'assumptions';
      const row = await providers[view].recordNode(target.folder, target.record.id);
      if (!row) return undefined;
      await treeViews[view].reveal(row, { select: true, focus: true, expand: false });
      return row.key;
    }),
  );
  return { state, providers, treeViews, statusBar, governing, governingView };
}

/**
 * The Decisions view says when dates come from the records only: in Restricted Mode
 * (no git runs there) and in shallow clones.
 */
export function historyMessage(snapshot: Snapshot): string | undefined {
  for (const { folder } of snapshot.folders) {
    const state = folder.history;
    if (!state.available && (state.reason === 'restricted' || state.reason === 'shallow')) {
      const note = folder.historyNote!;
      return note.charAt(0).toUpperCase() + note.slice(1) + '.';
    }
  }
  return undefined;
}

/** The record named by an element `{folder, id}`, else the id under the cursor, else the record file open in the editor. */
async function revealTarget(service: IndexService, arg: unknown): Promise<{ folder: string; record: AlignmentRecord } | undefined> {
  await service.whenIdle();
  if (arg && typeof arg === 'object' && typeof (arg as { id?: unknown }).id === 'string') {
    const { folder, id } = arg as { folder?: unknown; id: string };
    const near = typeof folder === 'string' ? vscode.Uri.parse(folder) : undefined;
    const hit = service.lookup(id, near);
    return hit ? { folder: hit.folder.folder.uri.toString(), record: hit.record } : undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const found = idAt(service, editor.document, editor.selection.active);
  const hit = found ? service.lookup(found.id, editor.document.uri) : undefined;
  if (hit) return { folder: hit.folder.folder.uri.toString(), record: hit.record };
  const folder = service.folderOf(editor.document.uri);
  const path = folder?.relativePath(editor.document.uri);
  if (!folder?.index || !path) return undefined;
  const line = editor.selection.active.line;
  const inFile = [...folder.index.decisions, ...folder.index.assumptions].filter((r) => r.path === path);
  const record = inFile.filter((r) => r.kind === 'decision' || r.line <= line).pop() ?? inFile[0];
  return record ? { folder: folder.folder.uri.toString(), record } : undefined;
}
