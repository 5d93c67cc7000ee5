// The hostile fixture (test/fixtures/hostile) in a real VS Code: the extension host stays
// up, every problem is listed at its line, hostile titles render inert in hovers and
// trees, edits racing the index or each other lose no text, and a named pipe under a
// code file's or the config file's name is passed by.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { renameSync, symlinkSync, unlinkSync } from 'node:fs';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import { COMMANDS } from '../../../src/extension/ids';
import { createSidebar, type SidebarTreeProvider, type TreeNode } from '../../../src/extension/views';
import {
  alignmentDiagnostics,
  answerPrompts,
  codeOf,
  codesOf,
  diagnosticWith,
  eventually,
  exists,
  folderIndex,
  folderUri,
  getApi,
  openEditor,
  readText,
  restoreWorkspace,
  track,
  writeFile,
  wsUri,
} from './helpers';

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let api: AlignmentApi;

describe('hostile workspace', function () {
  this.timeout(60_000);

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await restoreWorkspace(api);
    await api.whenIdle();
  });

  it('stays up and lists every problem at its line', async () => {
    const expected: [string, string, number, string?][] = [
      ['.alignment.yaml', 'record.schema', 1],
      ['docs/adr/0001-use-postgresql.md', 'record.duplicate-id', 1],
      ['docs/adr/0002-cycle-a.md', 'record.cycle', 5],
      ['docs/adr/0003-cycle-b.md', 'record.cycle', 5],
      ['docs/adr/0004-bad-fields.md', 'record.schema', 3],
      ['docs/adr/0004-bad-fields.md', 'record.schema', 5],
      ['docs/adr/0005-empty.md', 'record.schema', 0],
      ['docs/adr/0006-binary.md', 'record.schema', 0],
      ['docs/adr/0008-duplicate.md', 'record.duplicate-id', 1],
      ['src/app.ts', 'ref.unknown', 4, 'ADR-0042'],
      ['src/app.ts', 'ref.superseded', 6, 'ADR-0002'],
      ['src/legacy.ts', 'ref.unknown', 1, 'ADR-0099'], // lone CR line endings
      ['src/x #1?.ts', 'ref.unknown', 0, 'ADR-0077'],
    ];
    for (const [path, code, line, text] of expected) {
      const d = await diagnosticWith(path, code, (x) => x.range.start.line === line, 20_000);
      assert.doesNotMatch(d.message, CONTROL, `${path}: ${d.message}`);
      if (text) {
        const document = await vscode.workspace.openTextDocument(wsUri(path));
        assert.equal(document.getText(d.range), text, `${path}:${line + 1}`);
      }
    }
    // The host still answers: a full rebuild completes and finds the same.
    await vscode.commands.executeCommand(COMMANDS.refresh);
    await api.whenIdle();
    await diagnosticWith('src/x #1?.ts', 'ref.unknown');
    assert.ok(vscode.extensions.getExtension('execution-alignment.execution-alignment')?.isActive);
  });

  it('renders hostile titles inert in hovers and in every tree row', async () => {
    const editor = await openEditor('src/app.ts');
    const at = editor.document.getText().indexOf('ADR-0001');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at + 2))) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /PostgreSQL/);
    assert.match(text, /u001b\\*\[31m/);
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    assert.doesNotMatch(text, /\nalignment: forged/);

    const { state, providers } = createSidebar(api.service, { now: () => new Date('2026-01-01T12:00:00Z'), identity: async () => 'dana@example.com' });
    try {
      const labels: string[] = [];
      const visit = async (provider: SidebarTreeProvider, parent?: TreeNode, depth = 0): Promise<void> => {
        for (const node of (await provider.getChildren(parent)) ?? []) {
          const item = provider.getTreeItem(node);
          const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
          labels.push(label);
          assert.doesNotMatch(label, CONTROL, label);
          assert.doesNotMatch(String(item.description ?? ''), CONTROL);
          if (depth < 3) await visit(provider, node, depth + 1);
        }
      };
      for (const provider of Object.values(providers)) await visit(provider);
      assert.ok(labels.some((l) => /Use \\u001b\[31mPostgreSQL\\u001b\[0m\\u202e for events(?: |\\u000a)alignment: forged/.test(l)), labels.join(' | ').slice(0, 500));
      assert.ok(labels.some((l) => l.includes('Traffic doubles \\u001b]0;pwned\\u0007 yearly')));
    } finally {
      state.dispose();
    }
  });

  it('concurrent edits while indexing: the index ends on the final text, and the editor keeps what was typed', async () => {
    await track('src/new.ts');
    const editor = await openEditor('src/app.ts');
    const refresh = vscode.commands.executeCommand(COMMANDS.refresh);
    const typing = (async () => {
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// Typed while indexing: ADR-0066\n')));
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// And once more: ADR-0067\n')));
    })();
    await Promise.all([writeFile('src/new.ts', '// Relies on ADR-0055\n'), typing]);
    await refresh;
    const unknown = (id: string, line: number) => (d: vscode.Diagnostic) => d.message.includes(id) && d.range.start.line === line;
    const seen = () => alignmentDiagnostics('src/app.ts').map((d) => `${codeOf(d)}@${d.range.start.line}: ${d.message.slice(0, 40)}`).join(' | ');
    await eventually(async () => {
      await api.whenIdle();
      for (const [id, line] of [['ADR-0067', 0], ['ADR-0066', 1], ['ADR-0042', 6]] as const) {
        assert.ok(alignmentDiagnostics('src/app.ts').some(unknown(id, line)), `${id} at line ${line}; has ${seen()}`);
      }
    }, 20_000);
    await diagnosticWith('src/new.ts', 'ref.unknown', (d) => d.range.start.line === 0);
    assert.ok(editor.document.getText().startsWith('// And once more: ADR-0067\n// Typed while indexing: ADR-0066\n'));
    assert.equal(editor.document.isDirty, true);
  });

  it('a record changed on disk while dirty in an editor: the editor keeps its text, the index follows the editor, then the disk after a revert', async () => {
    const path = 'docs/adr/0009-proposed.md';
    await track(path);
    const editor = await openEditor(path);
    const typed = editor.document.getText().replace('status: proposed', 'status: accepted');
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), typed));
    await eventually(async () => {
      await api.whenIdle();
      assert.equal(folderIndex(api).index?.lookup('ADR-0009')?.status, 'accepted');
    });
    const onDisk = (await readText(path)).replace('# Proposed for racing', '# Changed on disk');
    await writeFile(path, onDisk);
    await eventually(async () => {
      await api.whenIdle();
      assert.equal(await readText(path), onDisk);
      assert.equal(editor.document.getText(), typed, 'the unsaved text is kept');
      assert.equal(folderIndex(api).index?.lookup('ADR-0009')?.status, 'accepted', 'the index shows what the editor holds');
    });
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await eventually(async () => {
      await api.whenIdle();
      const record = folderIndex(api).index?.lookup('ADR-0009');
      assert.equal(record?.kind === 'decision' ? record.title : undefined, 'Changed on disk');
      assert.equal(record?.status, 'proposed');
    });
  });

  it('two commands racing on one record: both finish, the file stays valid and holds one status', async () => {
    const path = 'docs/assumptions/traffic.yaml';
    await track(path);
    const before = await readText(path);
    const asked = answerPrompts(api, (_options, count) => `evidence ${count}`);
    const args = [folderUri().toString(), 'ASM-1'];
    const results = await Promise.all([
      vscode.commands.executeCommand(COMMANDS.setAssumptionStatus, ...args),
      vscode.commands.executeCommand(COMMANDS.setAssumptionStatus, ...args),
    ]);
    await vscode.workspace.saveAll(false);
    await api.whenIdle();
    const document = await vscode.workspace.openTextDocument(wsUri(path));
    const text = document.getText();
    assert.equal(text.match(/^status:/gm)?.length, 1, text);
    assert.ok(text.includes('statement: "Traffic doubles \\e]0;pwned\\a yearly"'), 'the statement is kept as written');
    assert.ok(text.startsWith('id: ASM-1\n'));
    assert.notEqual(text, before);
    assert.equal(asked.filter((a) => a.kind === 'message').length, 2, JSON.stringify(asked));
    assert.ok(results.every((r) => r !== undefined));
    await eventually(async () => {
      await api.whenIdle();
      assert.deepEqual(alignmentDiagnostics(path).map(codeOf).filter((c) => c === 'record.yaml' || c === 'record.schema'), []);
    });
  });

  it('a write failing half-way (a read-only record): no text lost, the user is told what was and was not written', async () => {
    const path = 'docs/adr/0009-proposed.md';
    const successor = 'docs/adr/0010-use-something-else.md';
    await track(path);
    await track(successor);
    const before = await readText(path);
    const file = wsUri(path).fsPath;
    // Read-only for everyone: root ignores the mode bits, not the immutable attribute.
    const { chmodSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const asRoot = process.getuid?.() === 0;
    chmodSync(file, 0o444);
    if (asRoot) execFileSync('chattr', ['+i', file]);
    try {
      const asked = answerPrompts(api, () => 'Use something else');
      await vscode.commands.executeCommand(COMMANDS.supersedeDecision, folderUri().toString(), 'ADR-0009');
      const told = asked.filter((a) => a.kind === 'message').map((a) => a.text ?? '');
      assert.ok(told.some((t) => /Created docs\/adr\/0010-use-something-else\.md .*but docs\/adr\/0009-proposed\.md could not be saved.*kept, unsaved, in the editor/.test(t)), told.join(' | '));
      assert.ok(!told.some((t) => /which is now marked superseded/.test(t)), 'no claim of success');
      assert.equal(await readText(path), before, 'the file on disk is untouched');
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === wsUri(path).toString());
      assert.ok(document?.isDirty, 'the change waits, unsaved, in the editor');
      assert.match(document.getText(), /status: superseded/);
      assert.ok(await exists(successor));
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', file]);
      chmodSync(file, 0o644);
    }
  });

  // Unreadable folders, for root too (it reads any folder whatever its mode): the folder is
  // replaced by a symbolic link to itself, so listing it fails with a real error (ELOOP).
  const attentionRows = async (): Promise<string[]> => {
    const { state, providers } = createSidebar(api.service, { now: () => new Date('2026-01-01T12:00:00Z'), identity: async () => 'dana@example.com' });
    try {
      const rows: string[] = [];
      for (const group of (await providers.attention.getChildren()) ?? []) {
        for (const item of (await providers.attention.getChildren(group)) ?? []) {
          const tree = providers.attention.getTreeItem(item);
          const label = typeof tree.label === 'string' ? tree.label : (tree.label?.label ?? '');
          // The row's command and its target, after the text: a folder is revealed, a file opened.
          const target = tree.command?.arguments?.[0] instanceof vscode.Uri ? vscode.workspace.asRelativePath(tree.command.arguments[0] as vscode.Uri) : '';
          rows.push(`${label} — ${String(tree.description ?? '')} ⟶ ${tree.command?.command ?? ''} ${target}`);
        }
      }
      return rows;
    } finally {
      state.dispose();
    }
  };
  const told = (asked: { kind: string; text?: string }[]) => asked.filter((a) => a.kind === 'message').map((a) => a.text ?? '');

  it('a named pipe under a code file’s name: its file event is passed by, and the next file’s findings follow', async function () {
    if (process.platform === 'win32') this.skip();
    const pipe = nodePath.join(folderUri().fsPath, 'src', 'pipe.ts');
    assert.equal(spawnSync('mkfifo', [pipe]).status, 0, 'mkfifo');
    try {
      // Reading the pipe as a file would wait for a writer forever, and every later event with it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await writeFile('src/after-pipe.ts', '// See ADR-0999 (no such record).\n');
      await diagnosticWith('src/after-pipe.ts', 'ref.unknown', undefined, 20_000);
      await api.whenIdle();
      assert.deepEqual(codesOf('src/pipe.ts'), []);
    } finally {
      unlinkSync(pipe);
    }
  });

  it('a named pipe as the config file: the index is built with the defaults, not waited on, and the file is said not to be read', async function () {
    if (process.platform === 'win32') this.skip();
    const root = folderUri().fsPath;
    const config = nodePath.join(root, '.alignment.yaml');
    renameSync(config, `${config}.away`);
    assert.equal(spawnSync('mkfifo', [config]).status, 0, 'mkfifo');
    try {
      const builds = folderIndex(api).builds;
      await vscode.commands.executeCommand(COMMANDS.refresh);
      await api.whenIdle();
      assert.ok(folderIndex(api).builds > builds, 'a full build ran');
      assert.deepEqual(folderIndex(api).config?.problems.map((p) => p.message), ['.alignment.yaml is not read: it is not a regular file. Until it is fixed, the defaults apply.']);
      await diagnosticWith('.alignment.yaml', 'record.schema', (d) => d.message.startsWith('.alignment.yaml is not read: it is not a regular file.'));
      assert.ok(folderIndex(api).index?.lookup('ADR-0009'), 'the records are indexed');
    } finally {
      unlinkSync(config);
      renameSync(`${config}.away`, config);
    }
    await vscode.commands.executeCommand(COMMANDS.refresh);
    await api.whenIdle();
    assert.equal(folderIndex(api).config?.file, '.alignment.yaml');
  });

  it('an unreadable record folder: an error message and a Needs Attention item, gone once it can be read again', async () => {
    const adr = wsUri('docs/adr').fsPath;
    const away = `${adr}.away`;
    const asked = answerPrompts(api, () => undefined);
    assert.ok(folderIndex(api).index?.lookup('ADR-0009'));
    renameSync(adr, away);
    symlinkSync('adr', adr);
    try {
      await vscode.commands.executeCommand(COMMANDS.refresh);
      await api.whenIdle();
      await eventually(() => assert.ok(told(asked).some((t) => /^Alignment cannot read docs\/adr \(ELOOP\): its records are missing from the index\./.test(t)), told(asked).join(' | ')));
      const rows = await attentionRows();
      assert.ok(rows.some((r) => /^docs\/adr — 1 error · Cannot read the record folder docs\/adr \(ELOOP\): its records are missing/.test(r)), rows.join(' | '));
      // A folder cannot be opened in an editor: its row reveals it in the Explorer.
      assert.ok(rows.some((r) => r.startsWith('docs/adr — 1 error') && r.endsWith(' ⟶ revealInExplorer docs/adr')), rows.join(' | '));
      await diagnosticWith(wsUri('docs/adr'), 'record.schema', (d) => /Cannot read the record folder docs\/adr \(ELOOP\)/.test(d.message));
      assert.equal(folderIndex(api).index?.lookup('ADR-0009'), undefined);
    } finally {
      unlinkSync(adr);
      renameSync(away, adr);
    }
    // Readable again: the watcher's events lead to a full build, no refresh needed.
    await eventually(async () => {
      await api.whenIdle();
      assert.ok(folderIndex(api).index?.lookup('ADR-0009'), 'the records are back');
      assert.ok(!(await attentionRows()).some((r) => r.includes('Cannot read')));
      assert.deepEqual(alignmentDiagnostics(wsUri('docs/adr')).map((d) => d.message), []);
    }, 20_000);
    assert.equal(told(asked).filter((t) => t.startsWith('Alignment cannot read')).length, 1, 'said once');
  });

  // Last: the workspace folder itself goes away for a moment.
  it('an unreadable workspace folder: an error message and a Needs Attention item, gone once it can be read again', async () => {
    const root = folderUri().fsPath;
    const away = `${root}.away`;
    const name = vscode.workspace.workspaceFolders![0].name;
    const asked = answerPrompts(api, () => undefined);
    renameSync(root, away);
    symlinkSync(nodePath.basename(root), root);
    try {
      await vscode.commands.executeCommand(COMMANDS.refresh);
      await api.whenIdle();
      await eventually(() => assert.ok(told(asked).some((t) => t.startsWith(`Alignment cannot read the folder ${name} (ELOOP): its records are missing from the index.`)), told(asked).join(' | ')));
      const rows = await attentionRows();
      assert.ok(rows.some((r) => r.startsWith(`${name} — 1 error · Cannot read this workspace folder (ELOOP)`)), rows.join(' | '));
      assert.ok(rows.some((r) => r.startsWith(`${name} — 1 error`) && / ⟶ revealInExplorer \S*$/.test(r)), rows.join(' | '));
      await diagnosticWith(folderUri(), 'record.schema', (d) => /Cannot read this workspace folder \(ELOOP\)/.test(d.message));
      assert.equal(folderIndex(api).index?.decisions.length, 0);
    } finally {
      unlinkSync(root);
      renameSync(away, root);
    }
    await vscode.commands.executeCommand(COMMANDS.refresh);
    await eventually(async () => {
      await api.whenIdle();
      assert.ok(folderIndex(api).index?.lookup('ADR-0009'), 'the records are back');
      assert.ok(!(await attentionRows()).some((r) => r.includes('Cannot read')));
      assert.deepEqual(alignmentDiagnostics(folderUri()).map((d) => d.message), []);
    }, 20_000);
    await diagnosticWith('src/x #1?.ts', 'ref.unknown');
  });
});
