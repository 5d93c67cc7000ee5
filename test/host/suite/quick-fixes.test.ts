// Quick fixes keyed on finding codes: each one applies, and undo brings the
// original text back.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import {
  answerPrompts,
  codeOf,
  diagnosticWith,
  editText,
  eventually,
  exists,
  getApi,
  noDiagnostic,
  openEditor,
  pathOf,
  restoreWorkspace,
  track,
  writeFile,
} from './helpers';

const MAIN = 'cmd/api/main.go';

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'diagnostics' in a);
}

async function fixTitled(uri: vscode.Uri, range: vscode.Range, title: RegExp): Promise<vscode.CodeAction> {
  return eventually(async () => {
    const actions = await quickFixes(uri, range);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `no quick fix ${title}; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    return action;
  });
}

/** Applies the action's edit in the given (active) editor, then undoes it there. */
async function applyAndUndo(editor: vscode.TextEditor, action: vscode.CodeAction, expected: (original: string, after: string) => void): Promise<void> {
  const original = editor.document.getText();
  assert.ok(action.edit, `${action.title} has an edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, 'applyEdit succeeded');
  const after = editor.document.getText();
  expected(original, after);
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  await eventually(() => assert.equal(editor.document.getText(), original, 'undo restores the original text'));
}

describe('quick fixes', function () {
  this.timeout(60_000);
  let api: AlignmentApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await restoreWorkspace(api);
  });

  it('ref.superseded: replaces the id with the live end of the chain, undoably', async () => {
    const editor = await openEditor(MAIN);
    const diagnostic = await diagnosticWith(MAIN, 'ref.superseded');
    const action = await fixTitled(editor.document.uri, diagnostic.range, /^Replace ADR-0003 with ADR-0007$/);
    assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(action.isPreferred, true);
    await applyAndUndo(editor, action, (original, after) => {
      assert.equal(after, original.replace('// Orders live in MySQL (ADR-0003).', '// Orders live in MySQL (ADR-0007).'));
      assert.match(after, /"ok ADR-0003"/, 'the string literal is not touched');
    });
    await diagnosticWith(MAIN, 'ref.superseded');
  });

  it('ref.superseded: replaces every superseded reference in the file, undoably', async () => {
    await track(MAIN);
    const editor = await openEditor(MAIN);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editText(editor, (e) => e.insert(end, '\n// Migrations: ADR-3 and @decision ADR-0009\n'));
    await writeFile(
      'docs/adr/0009-keep-orders-in-one-schema.md',
      '---\nstatus: superseded\nowner: lee@example.com\nsuperseded-by: ADR-0003\ndate: 2023-01-01\n---\n# Keep orders in one schema\n',
    );
    // Three superseded references: ADR-0003, ADR-3, and ADR-0009 (→ ADR-0003 → ADR-0007).
    const diagnostic = await eventually(() => {
      const all = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => codeOf(d) === 'ref.superseded');
      assert.equal(all.length, 3, `superseded references: ${all.map((d) => editor.document.getText(d.range)).join(', ')}`);
      return all[0];
    });
    const action = await fixTitled(editor.document.uri, diagnostic.range, /^Replace all 3 superseded references in this file$/);
    await applyAndUndo(editor, action, (original, after) => {
      assert.match(after, /MySQL \(ADR-0007\)/);
      assert.match(after, /\/\/ Migrations: ADR-0007 and @decision ADR-0007/);
      assert.match(after, /"ok ADR-0003"/, 'the string literal is not touched');
      assert.equal(after.length, original.length - 'ADR-3'.length + 'ADR-0007'.length);
    });
  });

  it('ref.unknown: "Record ADR-0042…" opens the record flow prefilled and creates the record', async () => {
    await track(MAIN);
    await track('docs/adr/0042-publish-order-events.md');
    const editor = await openEditor(MAIN);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editText(editor, (e) => e.insert(end, '\n// Order events: ADR-0042.\n'));
    assert.ok(await editor.document.save());
    const diagnostic = await diagnosticWith(MAIN, 'ref.unknown');
    const action = await fixTitled(editor.document.uri, diagnostic.range, /^Record ADR-0042…$/);
    assert.ok(action.command, 'the fix runs the record flow');
    assert.equal(action.command.command, 'alignment.recordDecision');

    // Answer the title; every other question keeps its default (owner: me).
    const asked = answerPrompts(api, (_options, count) => (count === 0 ? 'Publish order events' : undefined));
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(action.command.command, ...(action.command.arguments ?? []));
    assert.equal(asked[0]?.kind, 'input', 'the first question is the title');
    assert.match(asked[0].title ?? '', /ADR-0042/, 'the input box names the id being recorded');
    assert.ok(created, 'a record file was created');
    assert.equal(pathOf(created), 'docs/adr/0042-publish-order-events.md');
    const active = vscode.window.activeTextEditor;
    assert.equal(active && pathOf(active.document.uri), 'docs/adr/0042-publish-order-events.md', 'the new record is open');
    assert.match(active!.document.getText(), /Publish order events/);
    assert.match(active!.document.getText(), /dana@example\.com/, 'the owner is the git identity');
    // The reference now resolves: a proposed decision is pending, not unknown.
    await noDiagnostic(MAIN, 'ref.unknown');
    await diagnosticWith(MAIN, 'ref.pending', (d) => /ADR-0042/.test(d.message));

    // Undo of the file creation (a workspace edit) removes the file again.
    await vscode.commands.executeCommand('undo');
    await eventually(async () => assert.equal(await exists('docs/adr/0042-publish-order-events.md'), false, 'undo deletes the created record'));
    await diagnosticWith(MAIN, 'ref.unknown');
  });

  it('record.dangling: changes to the closest existing id, undoably', async () => {
    const uri = await writeFile(
      'docs/adr/0010-shard-orders.md',
      '---\nstatus: accepted\nowner: dana@example.com\ndate: 2025-01-01\nsupersedes: ADR-0070\nassumptions:\n  - ASM-1\n---\n# Shard orders\n',
    );
    const editor = await openEditor(uri);
    const diagnostic = await diagnosticWith(uri, 'record.dangling');
    assert.equal(editor.document.getText(diagnostic.range), 'ADR-0070');
    const action = await fixTitled(uri, diagnostic.range, /^Change to ADR-0008 \(closest existing id\)$/);
    await applyAndUndo(editor, action, (original, after) => {
      assert.equal(after, original.replace('supersedes: ADR-0070', 'supersedes: ADR-0008'));
    });
  });

  it('offers nothing for findings without a fix', async () => {
    const editor = await openEditor('docs/adr/0008-deploy-with-helm.md');
    const diagnostic = await diagnosticWith(editor.document.uri, 'record.no-owner');
    const actions = await quickFixes(editor.document.uri, diagnostic.range);
    assert.deepEqual(actions.filter((a) => a.diagnostics?.some((d) => d.source === 'alignment')).map((a) => a.title), []);
  });
});
