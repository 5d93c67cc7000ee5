// The sidebar on the service fixture: what each view lists, grouped and ordered as a
// person reads it, with a fixed clock and identity; stable ids and parents (reveal);
// the badge and status bar text; live updates; the reveal and open commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import { approvalBadge, createSidebar, statusText, type SidebarOptions, type TreeNode, type ViewName } from '../../../src/extension/views';
import type { SidebarTreeProvider } from '../../../src/extension/views';

const EXTENSION_ID = 'execution-alignment.execution-alignment';
/** The fixture's ADR-0005 is dated 2026-11-01: on this clock it has waited 12 days. */
const NOW = new Date('2026-11-13T12:00:00Z');
const FIXED: SidebarOptions = { now: () => NOW, identity: async () => 'Dana <dana@example.com>' };

let api: AlignmentApi;
const disposables: vscode.Disposable[] = [];

async function getApi(): Promise<AlignmentApi> {
  const extension = vscode.extensions.getExtension<AlignmentApi | undefined>(EXTENSION_ID);
  assert.ok(extension);
  const exported = await extension.activate();
  assert.ok(exported, 'activate() returned no API');
  await exported.whenIdle();
  return exported;
}

function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first);
  return first.uri;
}

function sidebar(options: SidebarOptions = FIXED) {
  const made = createSidebar(api.service, options);
  disposables.push(made.state);
  return made;
}

async function children(provider: SidebarTreeProvider, element?: TreeNode): Promise<TreeNode[]> {
  return (await provider.getChildren(element)) ?? [];
}

/** "label — description" of each row, for readable assertions. */
function rows(nodes: TreeNode[]): string[] {
  return nodes.map((n) => (n.description ? `${n.label} — ${n.description}` : n.label));
}

async function walk(provider: SidebarTreeProvider, visit: (node: TreeNode, parent: TreeNode | undefined) => void, parent?: TreeNode): Promise<void> {
  for (const child of await children(provider, parent)) {
    visit(child, parent);
    await walk(provider, visit, child);
  }
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('sidebar views', () => {
  before(async () => {
    api = await getApi();
  });

  after(() => {
    for (const d of disposables.splice(0)) d.dispose();
  });

  it('Pending Approvals: "waiting on me" first, with owner, age in days and overdue mark', async () => {
    const { providers } = sidebar();
    const groups = await children(providers.pendingApprovals);
    assert.deepEqual(rows(groups), ['Waiting on me (Dana <dana@example.com>) — 1']);
    const items = await children(providers.pendingApprovals, groups[0]);
    assert.deepEqual(rows(items), ['ADR-0005 Adopt feature flags — sam@example.com · waiting 12 d · overdue']);
    const item = items[0];
    assert.equal(item.folder, folder().toString(), 'record elements carry the folder URI');
    assert.equal(item.id, 'ADR-0005', 'record elements carry the record id');
    assert.match(item.contextValue ?? '', /\bpending\b/);
    assert.match(item.contextValue ?? '', /\bmine\b/);
    assert.equal((item.icon as vscode.ThemeIcon).color?.id, 'list.warningForeground');
    assert.deepEqual(rows(await children(providers.pendingApprovals, item)), ['dana@example.com — pending', 'lee@example.com — approved 2026-11-03']);
  });

  it('Pending Approvals: within the threshold there is no overdue mark; other identities see the approver group', async () => {
    const early = sidebar({ now: () => new Date('2026-11-05T08:00:00Z'), identity: async () => 'lee@example.com' });
    const groups = await children(early.providers.pendingApprovals);
    assert.deepEqual(rows(groups), ['dana@example.com — 1']);
    assert.deepEqual(rows(await children(early.providers.pendingApprovals, groups[0])), ['ADR-0005 Adopt feature flags — sam@example.com · waiting 4 d']);
    const snapshot = await early.state.snapshot();
    assert.equal(approvalBadge(snapshot), undefined, 'nothing waits on lee');
  });

  it('the identity defaults to git user.email of the trusted workspace', async () => {
    const { state } = sidebar({ now: () => NOW });
    const snapshot = await state.snapshot();
    assert.equal(snapshot.me, 'dana@example.com');
    assert.equal(snapshot.approvals.mine.length, 1);
  });

  it('Owners: one node per person, me first, then Unowned, each record with its status', async () => {
    const { providers } = sidebar();
    const owners = await children(providers.owners);
    assert.deepEqual(rows(owners), [
      'dana@example.com (me) — 3 decisions · 1 assumption',
      'lee@example.com — 2 decisions · 1 assumption',
      'sam@example.com — 2 decisions · 1 assumption',
      'Unowned — 1 decision',
    ]);
    assert.deepEqual(rows(await children(providers.owners, owners[0])), [
      'ADR-0001 Record architecture decisions — accepted',
      'ADR-0006 GraphQL gateway for the web client — rejected',
      'ADR-0007 Use PostgreSQL for orders — accepted',
      'ASM-3 Customers accept email-only login — active',
    ]);
    assert.deepEqual(rows(await children(providers.owners, owners[3])), ['ADR-0008 Deploy with Helm — accepted']);
  });

  it('Decisions: by status with counts and reference counts; children are the citing code and the successor', async () => {
    const { providers } = sidebar();
    const groups = await children(providers.decisions);
    assert.deepEqual(rows(groups), ['Proposed — 1', 'Accepted — 5', 'Rejected — 1', 'Superseded — 1']);
    assert.deepEqual(rows(await children(providers.decisions, groups[0])), ['ADR-0005 Adopt feature flags — awaiting dana@example.com · 1 ref']);
    assert.deepEqual(rows(await children(providers.decisions, groups[1])), [
      'ADR-0001 Record architecture decisions — 2 refs',
      'ADR-0002 Use Go for the API — 2 refs',
      'ADR-0004 Cache sessions in Redis — 2 refs',
      'ADR-0007 Use PostgreSQL for orders — 2 refs',
      'ADR-0008 Deploy with Helm — 1 ref',
    ]);
    const [superseded] = await children(providers.decisions, groups[3]);
    assert.equal(rows([superseded])[0], 'ADR-0003 Use MySQL for orders — → ADR-0007 · 1 ref');
    const cited = await children(providers.decisions, superseded);
    assert.deepEqual(rows(cited), ['Superseded by ADR-0007 Use PostgreSQL for orders — successor · accepted', 'main.go:10 — cmd/api']);
    const open = cited[1].command!;
    assert.equal(open.command, 'vscode.open');
    assert.equal((open.arguments![0] as vscode.Uri).path, vscode.Uri.joinPath(folder(), 'cmd/api/main.go').path);
    assert.equal((open.arguments![1] as vscode.TextDocumentShowOptions).selection!.start.line, 9);
  });

  it('Assumptions: by status, validate-by, and the decisions and code depending on each', async () => {
    const { providers } = sidebar();
    const groups = await children(providers.assumptions);
    assert.deepEqual(rows(groups), ['Active — 1', 'Validated — 1', 'Invalidated — 1']);
    assert.deepEqual(rows(await children(providers.assumptions, groups[0])), ['ASM-3 Customers accept email-only login — validate by 2025-01-31 (overdue) · 0 decisions · 1 ref']);
    const [invalidated] = await children(providers.assumptions, groups[2]);
    assert.deepEqual(rows(await children(providers.assumptions, invalidated)), ['ADR-0004 Cache sessions in Redis — decision · accepted', 'orders.go:8 — internal/store', 'session.py:3 — web/src']);
  });

  it('Needs Attention: superseded in use, invalidated relied on, overdue reviews and approvals', async () => {
    const { providers } = sidebar();
    const groups = await children(providers.attention);
    assert.deepEqual(rows(groups), ['Superseded but still referenced — 1', 'Invalidated but relied on — 1', 'Overdue reviews — 2', 'Approvals waiting too long — 1']);
    const items = await Promise.all(groups.map((g) => children(providers.attention, g)));
    assert.deepEqual(items.map(rows), [
      ['ADR-0003 Use MySQL for orders — → ADR-0007 · 1 reference'],
      ['ASM-2 Sessions fit in a single Redis node — relied on by ADR-0004 · 2 references'],
      ['ADR-0008 Deploy with Helm — review by 2025-06-01 · no owner', 'ASM-3 Customers accept email-only login — validate by 2025-01-31 · owner dana@example.com'],
      ['ADR-0005 Adopt feature flags — waiting 12 d on dana@example.com'],
    ]);
  });

  it('every row has a unique stable id and its parent, in every view', async () => {
    const first = sidebar();
    for (const view of Object.keys(first.providers) as ViewName[]) {
      const provider = first.providers[view];
      const keys: string[] = [];
      await walk(provider, (node, parent) => {
        keys.push(node.key);
        assert.equal(provider.getParent(node), parent, `${node.key} has the wrong parent`);
      });
      assert.ok(keys.length > 0, `${view} is empty`);
      assert.equal(new Set(keys).size, keys.length, `${view} has duplicate ids`);
      first.state.invalidate();
      const again: string[] = [];
      await walk(provider, (node) => again.push(node.key));
      assert.deepEqual(again, keys, `${view} ids changed across a rebuild`);
    }
  });

  it('badge and status bar text count what waits on me and the findings', async () => {
    const { state } = sidebar();
    const snapshot = await state.snapshot();
    assert.deepEqual(approvalBadge(snapshot), { value: 1, tooltip: '1 decision waiting for your approval' });
    assert.equal(statusText(snapshot), '$(checklist) 1 for me · $(error) 2 $(warning) 9');
  });

  it('updates live when a record is added and removed', async () => {
    const { state, providers } = sidebar();
    let changes = 0;
    disposables.push(state.onDidChange(() => changes++));
    const file = vscode.Uri.joinPath(folder(), 'docs/adr/0009-split-the-monolith.md');
    await vscode.workspace.fs.writeFile(
      file,
      new TextEncoder().encode('---\nstatus: proposed\ndate: 2026-11-10\nowner: lee@example.com\napprovers:\n  - Dana <dana@example.com>\n---\n# Split the monolith\n'),
    );
    try {
      await eventually(async () => {
        await api.whenIdle();
        const [me] = await children(providers.pendingApprovals);
        assert.deepEqual(rows(await children(providers.pendingApprovals, me)), [
          'ADR-0005 Adopt feature flags — sam@example.com · waiting 12 d · overdue',
          'ADR-0009 Split the monolith — lee@example.com · waiting 3 d',
        ]);
        assert.equal(approvalBadge(await state.snapshot())?.value, 2);
      });
      assert.ok(changes > 0, 'the views were told to refresh');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await eventually(async () => {
      await api.whenIdle();
      const [me] = await children(providers.pendingApprovals);
      assert.equal((await children(providers.pendingApprovals, me)).length, 1);
    });
  });

  it('reveals the id under the cursor in the Decisions view, and an assumption in the Assumptions view', async () => {
    const main = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder(), 'cmd/api/main.go'));
    const line = main.document.lineAt(9).text;
    const column = line.indexOf('ADR-0003');
    assert.ok(column >= 0, `line 10 of main.go cites ADR-0003: ${line}`);
    main.selection = new vscode.Selection(9, column + 2, 9, column + 2);
    const key = await vscode.commands.executeCommand<string>('alignment.revealInDecisions');
    assert.equal(key, `decisions/superseded/${folder().toString()}#ADR-0003`);

    const session = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder(), 'web/src/session.py'));
    const text = session.document.lineAt(2).text;
    session.selection = new vscode.Selection(2, text.indexOf('ASM-2') + 1, 2, text.indexOf('ASM-2') + 1);
    assert.equal(await vscode.commands.executeCommand<string>('alignment.revealInDecisions'), `assumptions/invalidated/${folder().toString()}#ASM-2`);

    const record = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder(), 'docs/adr/0007-use-postgresql-for-orders.md'));
    record.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand<string>('alignment.revealInDecisions'), `decisions/accepted/${folder().toString()}#ADR-0007`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Open Record accepts a tree element', async () => {
    await vscode.commands.executeCommand('alignment.openRecord', { folder: folder().toString(), id: 'ADR-0007' });
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /0007-use-postgresql-for-orders\.md$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
