// A multi-root workspace (run with HOST_SUITE=multiroot): a .code-workspace file
// naming a copy of test/fixtures/service and one of test/fixtures/second-service.
// Both folders number their decisions from ADR-0001; only the service has an
// ADR-0003, which the second folder's code cites. Each folder has its own index,
// its ids resolve within it, and a change in one folder leaves the other's index alone.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import type { FolderIndex } from '../../../src/extension/folder-index';
import { codeOf, codesOf, diagnosticWith, editText, eventually, getApi, noDiagnostic, openEditor, plain, positionOf, settle } from './helpers';

const SERVICE = 'service';
const SECOND = 'second-service';
const MAIN = 'cmd/api/main.go';
const LEDGER = 'ledger/ledger.go';
const SERVICE_ADR1 = 'docs/adr/0001-record-architecture-decisions.md';
const SECOND_ADR1 = 'docs/adr/0001-keep-the-ledger-in-sqlite.md';
const SERVICE_ADR1_TITLE = 'Record architecture decisions';
const SECOND_ADR1_TITLE = 'Keep the ledger in SQLite';
/** A record the edit test adds to the second folder, and removes again. */
const SECOND_ADR3 = 'docs/adr/0003-append-only-ledger.md';

function workspaceFolder(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `no workspace folder ${name}; have ${(vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(', ')}`);
  return folder;
}

function uriIn(name: string, path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(name).uri, ...path.split('/'));
}

function indexOf(api: AlignmentApi, name: string): FolderIndex {
  const folder = api.service.folderOf(workspaceFolder(name).uri);
  assert.ok(folder, `no folder index for ${name}`);
  return folder;
}

/** `folder/path` of a location, for readable assertions. */
function where(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? `${folder.name}/${vscode.workspace.asRelativePath(uri, false)}` : uri.path;
}

async function definitions(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const result = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position)) ?? [];
  return result.map((r) => where('targetUri' in r ? r.targetUri : r.uri));
}

/** A hover's Markdown as the reader sees it: escapes and non-breaking spaces undone. */

/** The Markdown of the extension's hover at `position` (its card, or its "no record" note). */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const values = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value));
  const ours = values.filter((v) => /\bStatus\b|no record/.test(plain(v)));
  assert.ok(ours.length > 0, `no alignment hover at ${where(uri)}:${position.line + 1}:${position.character + 1}; got ${JSON.stringify(values)}`);
  return ours.join('\n');
}

function unknownIn(uri: vscode.Uri, id: string): Promise<vscode.Diagnostic> {
  return diagnosticWith(uri, 'ref.unknown', (d) => d.message.includes(id));
}

describe('multi-root workspace', function () {
  this.timeout(60_000);
  let api: AlignmentApi;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
    await settle(api);
  });

  it('has two workspace folders, each with its own index', () => {
    assert.deepEqual(
      (vscode.workspace.workspaceFolders ?? []).map((f) => f.name),
      [SERVICE, SECOND],
    );
    assert.ok(vscode.workspace.workspaceFile, 'the workspace was opened from a .code-workspace file');
    const indexes = api.service.all();
    assert.equal(indexes.length, 2);
    assert.deepEqual(
      indexes.map((f) => f.folder.name),
      [SERVICE, SECOND],
    );
    assert.ok(indexes.every((f) => f.ready && f.index), 'both folders are indexed');
    assert.equal(api.service.folderOf(uriIn(SERVICE, MAIN)), indexes[0]);
    assert.equal(api.service.folderOf(uriIn(SECOND, LEDGER)), indexes[1]);
  });

  it("indexes each folder's records separately: two ADR-0001 with their own titles", () => {
    const service = indexOf(api, SERVICE).index!;
    const second = indexOf(api, SECOND).index!;
    assert.equal(service.decisions.length, 8);
    assert.deepEqual(
      second.decisions.map((d) => `${d.id} ${d.title} (${d.path})`),
      [`ADR-0001 ${SECOND_ADR1_TITLE} (${SECOND_ADR1})`],
    );
    const serviceAdr1 = service.lookup('ADR-0001');
    assert.ok(serviceAdr1?.kind === 'decision');
    assert.equal(serviceAdr1.title, SERVICE_ADR1_TITLE);
    assert.equal(serviceAdr1.path, SERVICE_ADR1);
    assert.ok(service.lookup('ADR-0003'), 'the service has an ADR-0003');
    assert.equal(second.lookup('ADR-0003'), undefined, 'the second folder has no ADR-0003');
    // The service's lookup from each folder's files finds that folder's record.
    assert.equal(api.service.lookup('ADR-0001', uriIn(SERVICE, MAIN))?.folder.folder.name, SERVICE);
    const fromLedger = api.service.lookup('ADR-0001', uriIn(SECOND, LEDGER));
    assert.equal(fromLedger?.folder.folder.name, SECOND);
    assert.equal(fromLedger!.record.path, SECOND_ADR1);
  });

  it("resolves a citation within its own folder: definition and hover of ADR-0001 in the second folder's code", async () => {
    const document = await vscode.workspace.openTextDocument(uriIn(SECOND, LEDGER));
    const position = positionOf(document, 'ADR-0001', 0, 3);
    assert.deepEqual(await definitions(document.uri, position), [`${SECOND}/${SECOND_ADR1}`]);
    const hover = await hoverText(document.uri, position);
    assert.match(plain(hover), /ADR-0001: Keep the ledger in SQLite/);
    assert.doesNotMatch(plain(hover), new RegExp(SERVICE_ADR1_TITLE));
    // The hover's command links name the second folder.
    assert.ok(hover.includes(encodeURIComponent(JSON.stringify([workspaceFolder(SECOND).uri.toString(), 'ADR-0001']))), hover);
  });

  it("reports the second folder's ADR-0003 as unknown there, while the service's main.go keeps its ref.superseded", async () => {
    const ledger = uriIn(SECOND, LEDGER);
    const main = uriIn(SERVICE, MAIN);
    const unknown = await unknownIn(ledger, 'ADR-0003');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(codesOf(ledger), ['ref.unknown'], 'ADR-0001 resolves, ADR-0003 is unknown; nothing about the service folder');
    const superseded = await diagnosticWith(main, 'ref.superseded', (d) => d.message.includes('ADR-0003'));
    assert.ok(!vscode.languages.getDiagnostics(main).some((d) => codeOf(d) === 'ref.unknown'), 'main.go has no unknown ids');
    assert.match(superseded.message, /ADR-0007/);
    // Navigation agrees with the Problems panel: the service's ADR-0003 is not offered in the second folder.
    const document = await vscode.workspace.openTextDocument(ledger);
    const position = positionOf(document, 'ADR-0003', 0, 3);
    assert.deepEqual(await definitions(ledger, position), []);
    const hover = plain(await hoverText(ledger, position));
    assert.match(hover, /ADR-0003: no record/);
    assert.doesNotMatch(hover, /MySQL/);
  });

  it("applies an edit in one folder to that folder's index only", async () => {
    await settle(api);
    const service = indexOf(api, SERVICE);
    const second = indexOf(api, SECOND);
    const ledger = uriIn(SECOND, LEDGER);
    const serviceUpdates = service.updates;
    const serviceIndex = service.index;

    // Unsaved text in an editor of the second folder.
    let secondUpdates = second.updates;
    const editor = await openEditor(ledger);
    await editText(editor, (edit) => edit.replace(new vscode.Range(positionOf(editor.document, 'ADR-0003'), positionOf(editor.document, 'ADR-0003', 0, 'ADR-0003'.length)), 'ADR-0001'));
    await noDiagnostic(ledger, 'ref.unknown');
    await api.whenIdle();
    assert.ok(second.updates > secondUpdates, `the second folder's index took the edit (${secondUpdates} → ${second.updates})`);
    assert.equal(service.updates, serviceUpdates, "the service folder's index did not change");
    assert.equal(service.index, serviceIndex);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await unknownIn(ledger, 'ADR-0003');

    // A new record on disk in the second folder: its ADR-0003 resolves there, the service keeps its own.
    secondUpdates = second.updates;
    const record = uriIn(SECOND, SECOND_ADR3);
    created.push(record);
    const text = [
      '---',
      'status: accepted',
      'date: 2024-03-01',
      'owner: dana@example.com',
      'approvers:',
      '  - name: lee@example.com',
      '    state: approved',
      '    date: 2024-03-02',
      '---',
      '# Append to the ledger, never rewrite',
      '',
      '## Decision Outcome',
      '',
      'Chosen option: entries are appended; corrections are new entries.',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(record, new TextEncoder().encode(text));
    await noDiagnostic(ledger, 'ref.unknown');
    await eventually(() => assert.equal(second.index?.lookup('ADR-0003')?.path, SECOND_ADR3));
    await settle(api);
    assert.ok(second.updates > secondUpdates, "the second folder's index took the new record");
    assert.equal(service.updates, serviceUpdates, "the service folder's index did not change");
    const document = await vscode.workspace.openTextDocument(ledger);
    assert.match(plain(await hoverText(ledger, positionOf(document, 'ADR-0003', 0, 3))), /Append to the ledger, never rewrite/);
    await diagnosticWith(uriIn(SERVICE, MAIN), 'ref.superseded', (d) => d.message.includes('ADR-0003'));
    assert.equal(api.service.lookup('ADR-0003', uriIn(SERVICE, MAIN))?.folder.folder.name, SERVICE);

    // Removing it again: unknown once more, in the second folder only.
    await vscode.workspace.fs.delete(record, { useTrash: false });
    created.splice(created.indexOf(record), 1);
    await unknownIn(ledger, 'ADR-0003');
    await settle(api);
    assert.equal(service.updates, serviceUpdates, "the service folder's index did not change");
  });

  it("takes a removed folder's findings out of the Problems panel and leaves the other folder's", async () => {
    const ledger = uriIn(SECOND, LEDGER);
    const main = uriIn(SERVICE, MAIN);
    await unknownIn(ledger, 'ADR-0003');
    const second = workspaceFolder(SECOND);
    const at = second.index;
    const removed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        listener.dispose();
        resolve();
      });
    });
    assert.ok(vscode.workspace.updateWorkspaceFolders(at, 1), 'the folder can be removed');
    try {
      await removed;
      await eventually(() => assert.deepEqual(codesOf(ledger), [], 'no finding left in the removed folder'));
      assert.equal(api.service.all().length, 1);
      await diagnosticWith(main, 'ref.superseded', (d) => d.message.includes('ADR-0003'));
    } finally {
      // Back as it was, for whatever runs next.
      vscode.workspace.updateWorkspaceFolders(at, 0, { uri: second.uri, name: second.name });
      await eventually(() => assert.equal(api.service.all().length, 2));
      await api.whenIdle();
    }
    await unknownIn(ledger, 'ADR-0003');
  });
});
