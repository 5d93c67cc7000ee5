/**
 * One consistent picture of every folder's index for all sidebar views and the status
 * bar: computed on demand after the index changes, then shared until the next change.
 * The clock and the identity are injectable so that tests can fix them.
 */
import * as vscode from 'vscode';
import type { AlignmentIndex } from '../../core/alignment-index';
import { pendingApprovals, type PendingApprovals } from '../../core/governance/approvals';
import { needsAttention, type AttentionGroup } from '../../core/governance/attention';
import { DEFAULT_CONFIG } from '../../core/config';
import type { Finding } from '../../core/findings';
import { enteredStatus } from '../../core/governance/history';
import type { Decision } from '../../core/model';
import { ownersOf, type OwnerGroup } from '../../core/governance/owners';
import type { FolderIndex } from '../folder-index';
import { currentIdentity } from '../identity';
import type { IndexService } from '../index-service';
import { SETTINGS, SETTINGS_SECTION } from '../ids';
import type { TreeNode } from './nodes';

/** One indexed workspace folder as the views see it. */
export interface FolderView {
  folder: FolderIndex;
  /** The folder URI as a string (what record elements carry as `folder`). */
  uri: string;
  index: AlignmentIndex;
  findings: readonly Finding[];
  /** "Me" in this folder, if known. */
  me?: string;
  overdueDays: number;
}

export interface SidebarOptions {
  /** The clock (default: the system clock). */
  now?: () => Date;
  /** Who "me" is in a folder (default: `alignment.identity`, else git's user.email). */
  identity?: (folder: vscode.Uri) => Promise<string | undefined>;
}

export type ViewName = 'pendingApprovals' | 'owners' | 'decisions' | 'assumptions' | 'attention';

export interface ViewTree {
  roots: TreeNode[];
  /** Record rows by `<folder uri>#<record id>`, for reveal. */
  records: Map<string, TreeNode>;
}

export class Snapshot {
  readonly approvals: PendingApprovals<FolderView>;
  readonly owners: OwnerGroup<FolderView>[];
  readonly attention: AttentionGroup<FolderView>[];
  readonly counts = { error: 0, warning: 0, information: 0, hint: 0 };
  private readonly trees = new Map<ViewName, ViewTree>();

  constructor(
    readonly folders: readonly FolderView[],
    readonly now: Date,
    /** False while a folder is still being indexed for the first time. */
    readonly ready: boolean,
  ) {
    // Without a date in the record, an approval has waited since the record entered `proposed` (git).
    const fallbackDate = (d: Decision) => enteredStatus(d.history, 'proposed');
    this.approvals = pendingApprovals(folders.map((f) => ({ tag: f, index: f.index, me: f.me, overdueDays: f.overdueDays, fallbackDate })), now);
    this.owners = ownersOf(folders.map((f) => ({ tag: f, index: f.index, me: f.me })));
    this.attention = needsAttention(
      folders.map((f) => ({ tag: f, index: f.index, findings: f.findings, now, cadence: f.folder.config?.config })),
      this.approvals.all.filter((p) => p.overdue),
    );
    for (const f of folders) for (const finding of f.findings) this.counts[finding.severity]++;
  }

  /** "Me" as known in the first folder that knows it. */
  get me(): string | undefined {
    return this.folders.find((f) => f.me)?.me;
  }

  get recordCount(): number {
    return this.folders.reduce((n, f) => n + f.index.decisions.length + f.index.assumptions.length, 0);
  }

  /** The tree of a view, built once per snapshot. */
  tree(view: ViewName, build: (snapshot: Snapshot) => ViewTree): ViewTree {
    let tree = this.trees.get(view);
    if (!tree) this.trees.set(view, (tree = build(this)));
    return tree;
  }
}

/** Keeps the current snapshot; fires when it is out of date. */
export class SidebarState implements vscode.Disposable {
  private current: Promise<Snapshot> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires after the index, the identity or a relevant setting changed. */
  readonly onDidChange = this.changed.event;
  readonly now: () => Date;
  private readonly identity: (folder: vscode.Uri) => Promise<string | undefined>;

  constructor(
    readonly service: IndexService,
    options: SidebarOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.identity = options.identity ?? currentIdentity;
    const hourly = setInterval(() => this.invalidate(), 60 * 60 * 1000); // ages count in days
    this.disposables.push(
      service.onDidChange(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.${SETTINGS.identity}`)) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
      { dispose: () => clearInterval(hourly) },
    );
  }

  invalidate(): void {
    this.current = undefined;
    this.changed.fire();
  }

  snapshot(): Promise<Snapshot> {
    this.current ??= this.build();
    return this.current;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async build(): Promise<Snapshot> {
    const now = this.now();
    const folders: FolderView[] = [];
    let ready = true;
    for (const folder of this.service.all()) {
      const index = folder.index;
      if (!folder.ready || !index) {
        ready = false;
        continue;
      }
      const me = await this.identity(folder.folder.uri).catch(() => undefined);
      folders.push({
        folder,
        uri: folder.folder.uri.toString(),
        index,
        findings: folder.findings(now),
        me,
        overdueDays: folder.config?.config.approvalOverdueDays ?? DEFAULT_CONFIG.approvalOverdueDays,
      });
    }
    return new Snapshot(folders, now, ready);
  }
}
