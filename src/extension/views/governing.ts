/**
 * Governing This File: the decisions and assumptions that govern the active editor's
 * file — its `applies-to` matches and the records its comments cite — each with its
 * status, owner and what to do when it is stale. Follows the active editor.
 */
import * as vscode from 'vscode';
import { DEFAULT_CONFIG } from '../../core/config';
import { governingRecords, type GoverningRecord } from '../../core/governance/governing';
import { ownerOf } from '../../core/rules/context';
import type { FolderIndex } from '../folder-index';
import type { IndexService } from '../index-service';
import { locationNodes, recordNode, toTreeItem, type TreeNode } from './nodes';

export interface GoverningFile {
  folder: FolderIndex;
  path: string;
  records: GoverningRecord[];
}

/** What governs the file of `uri`, or undefined when it lies outside every indexed folder. */
export function governingFile(service: IndexService, uri: vscode.Uri | undefined, now: Date): GoverningFile | undefined {
  if (!uri) return undefined;
  const folder = service.folderOf(uri);
  const path = folder?.relativePath(uri);
  const index = folder?.index;
  if (!folder || !path || !index) return undefined;
  return { folder, path, records: governingRecords(index, path, folder.config?.config ?? DEFAULT_CONFIG, now) };
}

export class GoverningTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private current: GoverningFile | undefined;

  constructor(
    private readonly service: IndexService,
    private readonly now: () => Date,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      service.onDidChange(() => this.refresh()),
    );
  }

  /** The file shown and what governs it (for the status bar and tests). */
  get file(): GoverningFile | undefined {
    return this.current;
  }

  refresh(): void {
    this.current = undefined;
    this.changed.fire();
  }

  compute(): GoverningFile | undefined {
    this.current ??= governingFile(this.service, vscode.window.activeTextEditor?.document.uri, this.now());
    return this.current;
  }

  getChildren(element?: TreeNode): TreeNode[] {
    if (element) return element.children();
    const file = this.compute();
    if (!file) return [];
    return file.records.map((item) => governingNode(file, item));
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parent;
  }

  getTreeItem(element: TreeNode): vscode.TreeItem {
    return toTreeItem(element);
  }

  /** The view's message: which file, or why nothing is shown. */
  message(): string {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return 'Open a file to see the decisions and assumptions that govern it.';
    const file = this.compute();
    if (!file) return 'This file is not in an indexed workspace folder.';
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const note = file.folder.historyNote ? ` History: ${file.folder.historyNote}.` : '';
    if (file.records.length === 0) return `Nothing governs ${name}: no applies-to matches it and its comments cite no record.${note}`;
    return `${file.records.length} govern${file.records.length === 1 ? 's' : ''} ${name}.${note}`;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function governingNode(file: GoverningFile, item: GoverningRecord): TreeNode {
  const { record, globs, lines, stale, advice } = item;
  const via = [...(globs.length ? [`applies-to ${globs.join(', ')}`] : []), ...(lines.length ? [`cited on line${lines.length === 1 ? '' : 's'} ${lines.map((l) => l + 1).join(', ')}`] : [])];
  const references = file.folder.index?.referencesIn(file.path).filter((r) => r.target === record.id) ?? [];
  return recordNode(undefined, file.folder, record, {
    description: `${record.status} · ${ownerOf(record) ?? 'no owner'}${stale ? ' · needs attention' : ''}`,
    highlight: stale ? 'warning' : undefined,
    tooltipLines: [`Governs ${file.path}: ${via.join('; ')}`, `${stale ? 'To do' : 'State'}: ${advice}`],
    children: references.length ? (self) => locationNodes(self, file.folder, references) : undefined,
  });
}
