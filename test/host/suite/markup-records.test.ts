// reStructuredText and AsciiDoc records in a real editor: code citing them gets hovers
// and Problems like code citing Markdown records, and the palette refuses to write to them.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import { answerPrompts, diagnosticWith, eventually, folderUri, getApi, noDiagnostic, positionOf, restoreWorkspace, settle, writeFile, wsUri } from './helpers';

const RST = 'docs/adr/0020-serve-metadata-only.rst';
const ADOC = 'docs/adr/0021-split-the-metadata-service.adoc';
const CODE = 'internal/store/metadata.go';

const RST_TEXT = [
  '20. Serve metadata only',
  '#######################',
  '',
  'Status',
  '******',
  '',
  'Superseded by :doc:`0021-split-the-metadata-service`',
  '',
  'Context',
  '*******',
  '',
  'The service grew without a stated purpose.',
  '',
].join('\n');

const ADOC_TEXT = [
  '= 21. Split the metadata service',
  ':revdate: 2024-02-03',
  '',
  '== Status',
  '',
  'Accepted',
  '',
  '== Context',
  '',
  'Two teams own one service.',
  '',
].join('\n');

const CODE_TEXT = ['package store', '', '// Reads follow ADR-0020 still.', '// Writes follow ADR-0021.', 'func Metadata() {}', ''].join('\n');

async function hoverAt(uri: vscode.Uri, needle: string): Promise<string> {
  const document = await vscode.workspace.openTextDocument(uri);
  const position = positionOf(document, needle, 0, 1);
  return eventually(async () => {
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
    const value = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n')
      .replace(/\\([\\`*_{}[\]()#+\-.!~<>|&])/g, '$1')
      .replace(/&nbsp;/g, ' ');
    assert.match(value, /Status/, `no alignment hover at ${needle}`);
    return value;
  });
}

describe('reStructuredText and AsciiDoc records', function () {
  this.timeout(60_000);
  let api: AlignmentApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await restoreWorkspace(api);
  });

  it('are cited from code: hover cards and Problems as for Markdown records', async () => {
    await writeFile(RST, RST_TEXT);
    await writeFile(ADOC, ADOC_TEXT);
    const code = await writeFile(CODE, CODE_TEXT);
    await settle(api);

    const superseded = await diagnosticWith(CODE, 'ref.superseded');
    assert.equal(superseded.range.start.line, 2);
    assert.match(superseded.message, /ADR-0020/);
    assert.match(superseded.message, /ADR-0021/, 'names the live end of the chain');
    await noDiagnostic(CODE, 'ref.unknown');

    const card = await hoverAt(code, 'ADR-0021');
    assert.match(card, /ADR-0021: Split the metadata service/);
    assert.match(card, /Status: accepted, from the Status section/);
    assert.match(card, /Date: 2024-02-03/);
    assert.match(card, /Two teams own one service/, 'one-paragraph summary');

    const old = await hoverAt(code, 'ADR-0020');
    assert.match(old, /ADR-0020: Serve metadata only/);
    assert.match(old, /Superseded by: ADR-0021 Split the metadata service/);

    // CodeLens on the records themselves, as on Markdown records.
    for (const path of [RST, ADOC]) {
      await vscode.workspace.openTextDocument(wsUri(path));
      const lenses = await eventually(async () => {
        const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', wsUri(path))) ?? [];
        assert.ok(found.some((l) => /1 reference in code/.test(l.command?.title ?? '')), `${path}: ${found.map((l) => l.command?.title).join(', ')}`);
        return found;
      });
      assert.ok(lenses.length > 0);
    }
  });

  it('are refused by the palette with a clear message, and left unchanged', async () => {
    await writeFile(ADOC, ADOC_TEXT);
    await settle(api);
    const asked = answerPrompts(api, () => 'A successor that must not be written');
    for (const command of ['alignment.supersedeDecision', 'alignment.approveDecision']) {
      await vscode.commands.executeCommand(command, folderUri().toString(), 'ADR-0021');
    }
    const messages = asked.filter((a) => a.kind === 'message').map((a) => a.text ?? '');
    assert.equal(messages.length, 2, `one message per command: ${JSON.stringify(asked)}`);
    for (const message of messages) assert.match(message, /0021-split-the-metadata-service\.adoc is an AsciiDoc record: the palette changes Markdown records only/);
    assert.ok(!asked.some((a) => a.kind === 'input'), 'refused before asking anything');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ADOC)));
    assert.equal(text, ADOC_TEXT, 'the AsciiDoc record is unchanged');
  });
});
