// Governance from git in a trusted workspace: the test builds history in the fixture
// repository (commits by two authors, a second branch taking the same record number)
// and a shallow clone of it, and checks hovers, tooltips, approval ages, findings and
// the number Record Decision takes.

import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { recordCard } from '../../../src/core/record-card';
import type { AlignmentApi } from '../../../src/extension/extension';
import { FolderIndex } from '../../../src/extension/folder-index';
import { editorScanners } from '../../../src/extension/scanner-choice';
import { renderCard } from '../../../src/extension/hover';
import { createSidebar, type TreeNode } from '../../../src/extension/views';
import { gitAs } from '../../shared/git-as';
import { answerPrompts, diagnosticWith, eventually, folderUri, getApi, noDiagnostic, openEditor, plain, positionOf, readText, restoreWorkspace, track, writeFile } from './helpers';

const git = gitAs;

const record = (status: string, title: string, extra = '') => `---\nstatus: ${status}\nowner: dana@example.com\n${extra}---\n# ${title}\n\n## Context\n\nWhy it matters.\n`;

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => plain(typeof c === 'string' ? c : c.value))
    .join('\n');
}

function tooltipOf(nodes: TreeNode[], id: string): string {
  const queue = [...nodes];
  while (queue.length) {
    const node = queue.shift()!;
    if (node.id === id) return plain(typeof node.tooltip === 'string' ? node.tooltip : (node.tooltip?.value ?? ''));
    queue.push(...node.children());
  }
  return '';
}

describe('governance from git (trusted workspace)', function () {
  this.timeout(90_000);
  let api: AlignmentApi;
  let root: string;
  let head: string;
  const cleanups: (() => void)[] = [];

  before(async () => {
    api = await getApi();
    root = folderUri().fsPath;
    head = git(root, ['rev-parse', 'HEAD']).trim();
  });

  afterEach(async () => {
    await restoreWorkspace(api);
    git(root, ['reset', '-q', '--soft', head]);
    git(root, ['reset', '-q']);
    for (const cleanup of cleanups.splice(0)) cleanup();
    await api.service.whenGitReady();
  });

  /** Writes a record and commits it as `author` on `date`. */
  async function commitRecord(file: string, text: string, author: string, date: string) {
    await writeFile(file, text);
    git(root, ['add', file]);
    git(root, ['commit', '-q', '--no-verify', '-m', `${file} as ${author}`], author, date);
  }

  it('hover cards and Decisions view tooltips say who changed the status when', async () => {
    await commitRecord('docs/adr/0042-adopt-opentelemetry.md', record('proposed', 'Adopt OpenTelemetry'), 'alice', '2026-10-02');
    await commitRecord('docs/adr/0042-adopt-opentelemetry.md', record('accepted', 'Adopt OpenTelemetry'), 'bob', '2026-10-09');
    await writeFile('web/src/telemetry.ts', '// Tracing follows ADR-0042.\nexport const tracing = true;\n');
    const editor = await openEditor('web/src/telemetry.ts');
    const at = positionOf(editor.document, 'ADR-0042', 0, 2);
    const value = await eventually(async () => {
      const text = await hoverText(editor.document.uri, at);
      assert.match(text, /History: proposed 2026-10-02 by alice · accepted 2026-10-09 by bob/);
      return text;
    }, 20_000);
    assert.match(value, /Adopt OpenTelemetry/);

    const sidebar = createSidebar(api.service);
    try {
      const tooltip = tooltipOf(await sidebar.providers.decisions.getChildren(), 'ADR-0042');
      assert.match(tooltip, /History: proposed 2026-10-02 by alice · accepted 2026-10-09 by bob/);
    } finally {
      sidebar.state.dispose();
    }
  });

  it('a pending approval that states no date waits since the record entered proposed', async () => {
    await commitRecord('docs/adr/0043-rotate-keys.md', record('proposed', 'Rotate keys monthly', 'approvers:\n  - lee@example.com\n'), 'alice', '2026-10-02');
    await commitRecord('docs/adr/0043-rotate-keys.md', record('proposed', 'Rotate keys every month', 'approvers:\n  - lee@example.com\n'), 'bob', '2026-10-05');
    await api.service.whenGitReady();
    const sidebar = createSidebar(api.service, { now: () => new Date('2026-10-12T12:00:00Z'), identity: async () => 'dana@example.com' });
    try {
      const pending = await eventually(async () => {
        sidebar.state.invalidate();
        const found = (await sidebar.state.snapshot()).approvals.all.find((p) => p.decision.id === 'ADR-0043');
        assert.equal(found?.sinceSource, 'fallback');
        return found!;
      }, 20_000);
      assert.equal(pending.since, '2026-10-02', 'from the commit that proposed it, not the later edit');
      assert.equal(pending.ageDays, 10);
      assert.equal(pending.overdue, true);
    } finally {
      sidebar.state.dispose();
    }
  });

  it('record.number-taken names the other branch and its file; Record Decision takes a number free on every branch', async () => {
    // Another branch, made in its own worktree, takes 9 and 10; this branch takes 9 too.
    const other = mkdtempSync(path.join(tmpdir(), 'alignment-branch-'));
    rmSync(other, { recursive: true });
    git(root, ['worktree', 'add', '-q', '-b', 'feature/events', other, head]);
    const removeBranch = () => {
      git(root, ['worktree', 'remove', '--force', other]);
      git(root, ['branch', '-q', '-D', 'feature/events']);
    };
    cleanups.push(removeBranch);
    mkdirSync(path.join(other, 'docs/adr'), { recursive: true });
    writeFileSync(path.join(other, 'docs/adr/0009-use-nats.md'), record('proposed', 'Use NATS'));
    writeFileSync(path.join(other, 'docs/adr/0010-event-schema.md'), record('proposed', 'Event schema'));
    git(other, ['add', '.']);
    git(other, ['commit', '-q', '--no-verify', '-m', 'ADR-9 and ADR-10'], 'carol', '2026-10-20');
    await commitRecord('docs/adr/0009-use-kafka.md', record('proposed', 'Use Kafka'), 'dave', '2026-10-21');

    const taken = await diagnosticWith('docs/adr/0009-use-kafka.md', 'record.number-taken', (d) => /feature\/events/.test(d.message), 20_000);
    assert.equal(taken.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(taken.message, /branch feature\/events has a different record with number 9, docs\/adr\/0009-use-nats\.md/);
    assert.match(taken.message, /renumber one of them to 0011/);

    await track('docs/adr/0011-use-grpc.md');
    answerPrompts(api, (_options, count) => (count === 0 ? 'Use gRPC' : undefined));
    const created = await vscode.commands.executeCommand<vscode.Uri>('alignment.recordDecision');
    assert.equal(created?.path.endsWith('/docs/adr/0011-use-grpc.md'), true, `created ${created?.path}`);
    assert.match(await readText('docs/adr/0011-use-grpc.md'), /# Use gRPC/);

    // The other branch deleted: git facts change, and the finding they made goes with them
    // (only the record files whose findings the facts change are published again).
    cleanups.splice(cleanups.indexOf(removeBranch), 1);
    removeBranch();
    await noDiagnostic('docs/adr/0009-use-kafka.md', 'record.number-taken', () => true, 20_000);
  });

  it('a shallow clone has no history: hovers say the dates come from the records', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alignment-shallow-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    git(dir, ['clone', '-q', '--depth', '1', `file://${root}`, 'clone']);
    const uri = vscode.Uri.file(path.join(dir, 'clone'));
    const folder = new FolderIndex({ uri, name: 'clone', index: 99 }, editorScanners, () => true);
    try {
      await folder.rebuild();
      await folder.whenGitReady();
      assert.deepEqual(folder.history, { available: false, reason: 'shallow' });
      const decision = folder.index!.lookup('ADR-0003')!;
      assert.equal(decision.history, undefined);
      const card = plain(renderCard(recordCard(folder.index!, decision), uri, folder.historyNote).value);
      assert.match(card, /History: shallow clone: git history is incomplete, so dates are from the records/);
      // The full repository has it.
      const full = api.service.lookup('ADR-0003', folderUri())!;
      assert.ok(full.record.history?.length, 'the fixture repository gives ADR-0003 a history');
    } finally {
      folder.dispose();
    }
  });

  it('Governing This File follows the active editor; the status bar counts what governs the file', async () => {
    const { governing, governingView, statusBar } = api.views;
    const main = await openEditor('cmd/api/main.go');
    const cited = [...new Set(api.service.folderOf(main.document.uri)!.index!.referencesIn('cmd/api/main.go').map((r) => r.target))].sort();
    const rows = await eventually(async () => {
      const nodes = await governing.getChildren();
      assert.deepEqual(nodes.map((n) => n.id).sort(), cited);
      return nodes;
    });
    const adr3 = rows.find((n) => n.id === 'ADR-0003')!;
    assert.match(adr3.description ?? '', /superseded · .* · needs attention/);
    assert.match(plain(typeof adr3.tooltip === 'string' ? adr3.tooltip : adr3.tooltip!.value), /To do: superseded by ADR-0007/);
    await eventually(() => {
      assert.match(statusBar.text, new RegExp(`\\$\\(law\\) ${cited.length} govern`));
      assert.match(governingView.message ?? '', new RegExp(`^${cited.length} govern main\\.go\\.`));
    });

    // Another file: the view and the count follow.
    await writeFile('web/src/audit.ts', '// Audit trail: see ADR-0002.\nexport {};\n');
    await openEditor('web/src/audit.ts');
    await eventually(async () => {
      assert.deepEqual((await governing.getChildren()).map((n) => n.id), ['ADR-0002']);
      assert.match(statusBar.text, /\$\(law\) 1 governs/);
      assert.match(governingView.message ?? '', /^1 governs audit\.ts\./);
    });
  });
});
