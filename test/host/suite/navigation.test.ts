// Navigation between code and records: definition, references (from a record and
// from an id), document links, completion, and CodeLens on records.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import { editText, eventually, getApi, openEditor, pathOf, positionOf, restoreWorkspace, track, wsUri } from './helpers';

const MAIN = 'cmd/api/main.go';
const ADR3 = 'docs/adr/0003-use-mysql-for-orders.md';
const ADR4 = 'docs/adr/0004-cache-sessions-in-redis.md';

function describeLocations(locations: vscode.Location[]): string[] {
  return locations.map((l) => `${pathOf(l.uri)}:${l.range.start.line + 1}:${l.range.start.character + 1}`).sort();
}

async function completionsAt(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  // Only this extension's items: record ids (word-based suggestions are plain text).
  return (list?.items ?? []).filter((item) => item.kind === vscode.CompletionItemKind.Reference);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('navigation', function () {
  this.timeout(60_000);
  let api: AlignmentApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await restoreWorkspace(api);
  });

  it('go to definition: from an id in a comment to its record', async () => {
    const document = await vscode.workspace.openTextDocument(wsUri(MAIN));
    const position = positionOf(document, 'ADR-0003', 0, 3);
    const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
    const targets = result.map((r) => ('targetUri' in r ? r.targetUri : r.uri));
    assert.deepEqual(targets.map(pathOf), [ADR3]);
    // Not from the string literal on line 12.
    const inString = positionOf(document, 'ADR-0003', 1, 3);
    const none = await vscode.commands.executeCommand<unknown[]>('vscode.executeDefinitionProvider', document.uri, inString);
    assert.deepEqual(none, []);
  });

  it('go to definition: from a record field to the record it names', async () => {
    const document = await vscode.workspace.openTextDocument(wsUri('docs/adr/0007-use-postgresql-for-orders.md'));
    const position = positionOf(document, 'supersedes: ADR-0003', 0, 'supersedes: ADR'.length);
    const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
    assert.deepEqual(result.map((r) => pathOf('targetUri' in r ? r.targetUri : r.uri)), [ADR3]);
  });

  it('find references: from a record file to the code citing it', async () => {
    const document = await vscode.workspace.openTextDocument(wsUri(ADR4));
    const position = positionOf(document, '# Cache sessions', 0, 3);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
    const code = describeLocations(locations.filter((l) => pathOf(l.uri) !== ADR4));
    assert.deepEqual(code, ['internal/store/orders.go:8:28', 'web/src/session.py:3:16']);
  });

  it('find references: from an id in code', async () => {
    const document = await vscode.workspace.openTextDocument(wsUri('web/src/session.py'));
    const position = positionOf(document, 'ASM-2', 0, 2);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
    const code = describeLocations(locations.filter((l) => !pathOf(l.uri).startsWith('docs/')));
    assert.deepEqual(code, ['internal/store/orders.go:8:67', 'web/src/session.py:3:34']);
    assert.ok(locations.some((l) => pathOf(l.uri) === 'docs/assumptions/platform.yaml'), 'the declaration is included');
  });

  it('document links: ids in comments link to their records; strings and unknown ids do not', async () => {
    await vscode.workspace.openTextDocument(wsUri(MAIN));
    await vscode.workspace.openTextDocument(wsUri('docs/adr/0007-use-postgresql-for-orders.md'));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', wsUri(MAIN));
    const ours = links.filter((l) => l.target && pathOf(l.target).startsWith('docs/adr/'));
    assert.deepEqual(
      ours.map((l) => `${l.range.start.line + 1}:${l.range.start.character + 1} ${pathOf(l.target!)}`).sort(),
      ['10:27 docs/adr/0003-use-mysql-for-orders.md', '8:28 docs/adr/0002-use-go-for-the-api.md'],
    );
    const recordLinks = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', wsUri('docs/adr/0007-use-postgresql-for-orders.md'));
    assert.ok(recordLinks.some((l) => l.target && pathOf(l.target) === ADR3), 'supersedes: ADR-0003 links to its record');
  });

  it('completion: ids after "ADR-" in a comment, with titles; live records first', async () => {
    await track(MAIN);
    const editor = await openEditor(MAIN);
    const line = editor.document.lineCount;
    await editText(editor, (e) => e.insert(editor.document.lineAt(line - 1).range.end, '\n// Keep this in line with ADR-'));
    const position = editor.document.lineAt(line).range.end;
    const items = await eventually(async () => {
      const found = await completionsAt(editor.document.uri, position, '-');
      assert.ok(found.length > 0, 'completion items are offered');
      return found;
    });
    const labels = items.map(labelOf).sort();
    assert.deepEqual(labels, ['ADR-0001', 'ADR-0002', 'ADR-0003', 'ADR-0004', 'ADR-0005', 'ADR-0006', 'ADR-0007', 'ADR-0008']);
    const adr7 = items.find((i) => labelOf(i) === 'ADR-0007')!;
    assert.equal((adr7.label as vscode.CompletionItemLabel).description, 'Use PostgreSQL for orders');
    const adr3 = items.find((i) => labelOf(i) === 'ADR-0003')!;
    assert.ok(String(adr7.sortText) < String(adr3.sortText), 'the accepted ADR-0007 sorts before the superseded ADR-0003');
    // The item replaces the typed "ADR-".
    const range = adr7.range as vscode.Range;
    assert.equal(editor.document.getText(range), 'ADR-');
  });

  it('completion: assumption ids after "@assumes " in a comment', async () => {
    await track(MAIN);
    const editor = await openEditor(MAIN);
    const line = editor.document.lineCount;
    await editText(editor, (e) => e.insert(editor.document.lineAt(line - 1).range.end, '\n// @assumes '));
    const items = await completionsAt(editor.document.uri, editor.document.lineAt(line).range.end, ' ');
    assert.deepEqual(items.map(labelOf).sort(), ['ASM-1', 'ASM-2', 'ASM-3']);
  });

  it('completion: in a record\'s supersedes field', async () => {
    await track(ADR4);
    const editor = await openEditor(ADR4);
    await editText(editor, (e) => e.insert(new vscode.Position(4, 0), 'supersedes: \n'));
    assert.equal(editor.document.lineAt(4).text, 'supersedes: ');
    const items = await completionsAt(editor.document.uri, new vscode.Position(4, 'supersedes: '.length), ' ');
    assert.ok(items.map(labelOf).includes('ADR-0003'), `offered: ${items.map(labelOf).join(', ')}`);
    assert.ok(!items.map(labelOf).some((l) => l.startsWith('ASM-')), 'supersedes offers decisions only');
  });

  it('completion: none in ordinary code or strings', async () => {
    await track(MAIN);
    const editor = await openEditor(MAIN);
    const line = editor.document.lineCount;
    await editText(editor, (e) => e.insert(editor.document.lineAt(line - 1).range.end, '\nvar x = ADR-\nvar y = "ADR-'));
    const inCode = await completionsAt(editor.document.uri, editor.document.lineAt(line).range.end, '-');
    assert.deepEqual(inCode.map(labelOf), []);
    const inString = await completionsAt(editor.document.uri, editor.document.lineAt(line + 1).range.end, '-');
    assert.deepEqual(inString.map(labelOf), []);
  });

  it('CodeLens on records: "N references in code", running Show References', async () => {
    // The CodeLens command needs the documents loaded, as an editor would have them.
    for (const path of [ADR3, ADR4, 'docs/assumptions/platform.yaml']) await vscode.workspace.openTextDocument(wsUri(path));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', wsUri(ADR4));
    const ours = lenses.filter((l) => l.command?.command === 'alignment.showReferences');
    assert.equal(ours.length, 1);
    assert.equal(ours[0].command!.title, '2 references in code');
    assert.deepEqual(ours[0].command!.arguments?.slice(1), ['ADR-0004']);
    const single = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', wsUri(ADR3));
    assert.deepEqual(single.filter((l) => l.command?.command === 'alignment.showReferences').map((l) => l.command!.title), ['1 reference in code']);
    // One lens per assumption in a file holding several.
    const assumptions = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', wsUri('docs/assumptions/platform.yaml'));
    assert.deepEqual(
      assumptions.filter((l) => l.command?.command === 'alignment.showReferences').map((l) => `${l.command!.arguments![1]}: ${l.command!.title}`),
      ['ASM-1: 0 references in code', 'ASM-2: 2 references in code', 'ASM-3: 1 reference in code'],
    );
  });

  it('Open Record and Show References run from their command links', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.toString();
    await vscode.commands.executeCommand('alignment.openRecord', folder, 'ADR-0007');
    await eventually(() => assert.equal(pathOf(vscode.window.activeTextEditor!.document.uri), 'docs/adr/0007-use-postgresql-for-orders.md'));
    await vscode.commands.executeCommand('alignment.showReferences', folder, 'ADR-0004');
  });
});
