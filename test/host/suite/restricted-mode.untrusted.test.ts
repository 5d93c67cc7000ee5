// Runs only in the runner's second pass, in a workspace that is not trusted:
// the index still works, and the only process the extension starts is VS Code's own
// ripgrep (under vscode.env.appRoot) with --no-config: no git, no other binary.

import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import { answerPrompts, type Call, childProcess, diagnosticWith, eventually, extensionCode, plain, recordProcesses, getApi, noDiagnostic, openEditor, pathOf, restoreWorkspace, sleep, track, writeFile } from './helpers';

describe('restricted mode (untrusted workspace)', function () {
  this.timeout(60_000);
  let api: AlignmentApi;

  before(async () => {
    api = await getApi();
  });

  const fromExtension = (call: Call) => extensionCode(call.stack);

  afterEach(async () => {
    await restoreWorkspace(api);
  });

  it('the workspace is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still indexes and shows findings', async () => {
    const superseded = await diagnosticWith('cmd/api/main.go', 'ref.superseded');
    assert.equal(superseded.source, 'alignment');
    await diagnosticWith('internal/store/orders.go', 'ref.invalidated');
    await diagnosticWith('docs/adr/0008-deploy-with-helm.md', 'record.no-owner');
  });

  it('says history from git is unavailable: hover cards, record tooltips and the Decisions view', async () => {
    await api.whenIdle();
    const folder = api.service.all()[0];
    assert.deepEqual(folder.history, { available: false, reason: 'restricted' });
    assert.ok(folder.index!.decisions.every((d) => d.history === undefined), 'no record carries git history');
    const note = /History: history from git is not available in Restricted Mode; dates are from the records/;

    const editor = await openEditor('cmd/api/main.go');
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('ADR-0003') + 2);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at)) ?? [];
    const hover = hovers.flatMap((h) => h.contents).map((c) => plain(typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(hover, note);

    const rows = await api.views.providers.decisions.getChildren();
    const record = (await Promise.all(rows.map((group) => group.children()))).flat().find((n) => n.id === 'ADR-0003')!;
    assert.match(plain(typeof record.tooltip === 'string' ? record.tooltip : record.tooltip!.value), note);
    await eventually(() => assert.match(api.views.treeViews.decisions.message ?? '', /^History from git is not available in Restricted Mode; dates are from the records\.$/));
  });

  it('runs only VS Code\'s own rg, with --no-config: refresh, file events, hover, quick fix and the record flow', async () => {
    const calls: Call[] = [];
    const restore = recordProcesses(calls);
    try {
      // The recorder sees calls (this one comes from the test, not the extension).
      childProcess.execFileSync(process.execPath, ['-e', '0']);
      assert.equal(calls.length, 1, 'the patch records calls');
      assert.ok(!fromExtension(calls[0]));

      await vscode.commands.executeCommand('alignment.refresh');
      await api.whenIdle();
      await diagnosticWith('cmd/api/main.go', 'ref.superseded');

      // A file event and an unsaved edit.
      await writeFile('web/src/events.ts', '// Events: ADR-0077.\nexport {};\n');
      await diagnosticWith('web/src/events.ts', 'ref.unknown');
      await track('cmd/api/main.go');
      const editor = await openEditor('cmd/api/main.go');
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// See ADR-0006.\n'));
      await diagnosticWith('cmd/api/main.go', 'ref.rejected');
      await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 8));

      // The record flow for the unknown id (it would ask git who "me" is when trusted).
      await track('docs/adr/0077-stream-order-events.md');
      answerPrompts(api, (_options, count) => (count === 0 ? 'Stream order events' : undefined));
      const events = await openEditor('web/src/events.ts');
      const unknown = await diagnosticWith(events.document.uri, 'ref.unknown');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', events.document.uri, unknown.range);
      const record = actions.find((a) => a.title === 'Record ADR-0077…');
      assert.ok(record?.command, `the quick fix is offered: ${actions.map((a) => a.title).join(' | ')}`);
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(record.command.command, ...(record.command.arguments ?? []));
      assert.ok(created, 'the record was created');
      assert.equal(pathOf(created), 'docs/adr/0077-stream-order-events.md');
      await noDiagnostic('web/src/events.ts', 'ref.unknown');
      await sleep(500);
      await api.whenIdle();
    } finally {
      restore();
    }
    const own = calls.filter(fromExtension);
    const appRoot = nodePath.resolve(vscode.env.appRoot);
    const vscodeRg = (c: Call) =>
      c.name === 'spawn' &&
      [nodePath.join(appRoot, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'), nodePath.join(appRoot, 'node_modules.asar.unpacked', '@vscode', 'ripgrep', 'bin', 'rg')].includes(nodePath.resolve(c.command)) &&
      c.args.includes('--no-config');
    assert.deepEqual(
      own.filter((c) => !vscodeRg(c)).map((c) => `${c.name}(${c.command} ${c.args.join(' ')})\n${c.stack}`),
      [],
      'the extension started a process other than VS Code\'s own rg --no-config in an untrusted workspace',
    );
    // The refresh rebuilt the index: exactly one rg run, the one streaming pass.
    assert.equal(own.length, 1, `one rg run for the one rebuild: ${own.map((c) => `${c.command} ${c.args.join(' ')}`).join(' | ')}`);
    assert.equal(api.service.all()[0].scanner, "VS Code's rg");
  });
});
