// Problems panel: findings for files never opened, and how they follow edits,
// saves, new, deleted and renamed records, and bursts of file events.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import {
  alignmentDiagnostics,
  codeOf,
  codesOf,
  deleteFile,
  diagnosticWith,
  editText,
  eventually,
  folderIndex,
  getApi,
  noDiagnostic,
  openEditor,
  pathOf,
  positionOf,
  readText,
  renameFile,
  restoreWorkspace,
  settle,
  sleep,
  track,
  wsUri,
  writeFile,
} from './helpers';

const MAIN = 'cmd/api/main.go';
const ORDERS = 'internal/store/orders.go';
const ADR3 = 'docs/adr/0003-use-mysql-for-orders.md';

describe('diagnostics', function () {
  this.timeout(60_000);
  let api: AlignmentApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await restoreWorkspace(api);
  });

  it('appear for files never opened, with source, code, target, tag and related information', async () => {
    const opened = vscode.workspace.textDocuments.map((d) => pathOf(d.uri));
    assert.ok(!opened.includes(MAIN) && !opened.includes(ORDERS), `fixture files already open: ${opened.join(', ')}`);

    const superseded = await diagnosticWith(MAIN, 'ref.superseded');
    assert.equal(superseded.source, 'alignment');
    assert.equal(superseded.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(superseded.tags, [vscode.DiagnosticTag.Deprecated]);
    assert.deepEqual(
      [superseded.range.start.line, superseded.range.start.character, superseded.range.end.character],
      [9, 26, 34],
      'the range covers "ADR-0003" in the comment on line 10',
    );
    assert.match(superseded.message, /ADR-0003/);
    assert.match(superseded.message, /ADR-0007/);
    const code = superseded.code;
    assert.ok(typeof code === 'object' && code !== null, 'the code links to the record');
    assert.equal(code.value, 'ref.superseded');
    assert.equal(pathOf(code.target), ADR3);
    assert.ok(superseded.relatedInformation?.length, 'relatedInformation is set');
    assert.ok(
      superseded.relatedInformation.some((r) => pathOf(r.location.uri) === ADR3),
      `relatedInformation points at ${ADR3}: ${superseded.relatedInformation.map((r) => pathOf(r.location.uri)).join(', ')}`,
    );
    // The string literal "ok ADR-0003" on line 12 is not a reference.
    assert.equal(alignmentDiagnostics(MAIN).filter((d) => codeOf(d) === 'ref.superseded').length, 1);

    const invalidated = await diagnosticWith(ORDERS, 'ref.invalidated');
    assert.equal(invalidated.severity, vscode.DiagnosticSeverity.Error);
    assert.match(invalidated.message, /ASM-2/);
    assert.deepEqual(codesOf(ORDERS), ['file.governed-by-superseded', 'ref.invalidated', 'ref.unsound']);

    // Records get record.* findings.
    assert.deepEqual(codesOf('docs/adr/0008-deploy-with-helm.md'), ['record.no-owner', 'record.review-overdue']);
    assert.deepEqual(codesOf('docs/adr/0004-cache-sessions-in-redis.md'), ['record.relies-on-invalid']);
    assert.deepEqual(codesOf('docs/assumptions/platform.yaml'), ['record.review-overdue']);
    // Nothing for a record with nothing to say.
    assert.deepEqual(codesOf('docs/adr/0007-use-postgresql-for-orders.md'), []);
  });

  it('follow an unsaved edit in an open editor, then the save', async () => {
    await track(MAIN);
    const editor = await openEditor(MAIN);
    await diagnosticWith(MAIN, 'ref.superseded');
    // Cite the live decision instead, without saving.
    const at = positionOf(editor.document, 'MySQL (ADR-0003)', 0, 'MySQL ('.length);
    await editText(editor, (e) => e.replace(new vscode.Range(at, at.translate(0, 8)), 'ADR-0007'));
    assert.ok(editor.document.isDirty);
    await noDiagnostic(MAIN, 'ref.superseded');
    // Unsaved text that cites an unknown id counts too.
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editText(editor, (e) => e.insert(end, '\n// Retries follow ADR-0099.\n'));
    const unknown = await diagnosticWith(MAIN, 'ref.unknown');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(unknown.range), 'ADR-0099');
    // The file on disk still cites ADR-0003; once saved, the disk and the editor agree.
    assert.ok(await editor.document.save(), 'saved');
    await sleep(400);
    await api.whenIdle();
    assert.deepEqual(codesOf(MAIN), ['ref.unknown']);
    // Reverting the saved text on disk (outside the editor) brings the warning back.
    await writeFile(MAIN, (await readText(MAIN)).replace('ADR-0007', 'ADR-0003'));
    await diagnosticWith(MAIN, 'ref.superseded');
  });

  it('follow a new record file: an unknown reference resolves to it', async () => {
    await writeFile('web/src/events.ts', '// Events go through Kafka (ADR-0009).\nexport const topic = "orders";\n');
    const unknown = await diagnosticWith('web/src/events.ts', 'ref.unknown');
    assert.match(unknown.message, /ADR-0009/);
    await writeFile(
      'docs/adr/0009-use-kafka-for-events.md',
      '---\nstatus: superseded\nowner: lee@example.com\nsuperseded-by: ADR-0007\ndate: 2024-03-01\n---\n# Use Kafka for events\n\nEvents need a log.\n',
    );
    const superseded = await diagnosticWith('web/src/events.ts', 'ref.superseded');
    assert.match(superseded.message, /Use Kafka for events/);
    await noDiagnostic('web/src/events.ts', 'ref.unknown');
  });

  it('leave out files written into an ignored folder, as the scan does, and follow an edit of the ignore file', async () => {
    const folder = api.service.all()[0];
    // The ignored folder exists before (a new folder is listed again by a full build).
    await track('out');
    await writeFile('out/old.ts', '// Generated before.\n');
    await writeFile('.gitignore', 'out/\n');
    await eventually(async () => {
      await api.whenIdle();
      assert.ok(folder.allFiles.has('.gitignore') && !folder.allFiles.has('out/old.ts'));
    });
    // A build writing into the ignored folder, and a file beside it that is not ignored.
    await writeFile('out/gen.ts', '// Generated from ADR-0779.\nexport const gen = 1;\n');
    await writeFile('web/src/gen-visible.ts', '// Also cites ADR-0779.\nexport const visible = 1;\n');
    await diagnosticWith('web/src/gen-visible.ts', 'ref.unknown');
    await api.whenIdle();
    assert.ok(!folder.allFiles.has('out/gen.ts'), 'the ignored file stays out of the index');
    assert.deepEqual(codesOf('out/gen.ts'), []);
    // The ignore file no longer names the folder: the next scan lists what is in it.
    const builds = folder.builds;
    await writeFile('.gitignore', '# nothing ignored\n');
    await diagnosticWith('out/gen.ts', 'ref.unknown', undefined, 20_000);
    assert.ok(folder.builds > builds, 'an ignore file change lists the folder again');
  });

  it('follow a new reference to an existing record', async () => {
    await writeFile('web/src/orders.ts', '// Orders: see ADR-0003 for the original choice.\nexport {};\n');
    const superseded = await diagnosticWith('web/src/orders.ts', 'ref.superseded');
    assert.deepEqual(superseded.tags, [vscode.DiagnosticTag.Deprecated]);
  });

  it('follow a deleted record: its references become ref.unknown', async () => {
    await diagnosticWith(MAIN, 'ref.superseded');
    await deleteFile(ADR3);
    const unknown = await diagnosticWith(MAIN, 'ref.unknown');
    assert.match(unknown.message, /ADR-0003/);
    await noDiagnostic(MAIN, 'ref.superseded');
    // The governed-by finding of the store goes too, and ADR-0007's supersedes link dangles.
    await noDiagnostic(ORDERS, 'file.governed-by-superseded');
    await diagnosticWith('docs/adr/0007-use-postgresql-for-orders.md', 'record.dangling');
  });

  it('follow a renamed record (workspace.fs.rename): findings move with the file', async () => {
    await diagnosticWith('docs/adr/0008-deploy-with-helm.md', 'record.no-owner');
    await renameFile('docs/adr/0008-deploy-with-helm.md', 'docs/adr/0008-deploy-with-helm-charts.md');
    await diagnosticWith('docs/adr/0008-deploy-with-helm-charts.md', 'record.no-owner');
    await eventually(() => assert.deepEqual(codesOf('docs/adr/0008-deploy-with-helm.md'), []));
    // Code citing it still resolves (no ref.unknown) and its code target follows the file.
    const expired = await diagnosticWith('deploy/Dockerfile', 'ref.expired', (d) => /ADR-0008/.test(d.message));
    const code = expired.code as { value: string; target: vscode.Uri };
    assert.equal(pathOf(code.target), 'docs/adr/0008-deploy-with-helm-charts.md');
    assert.deepEqual(codesOf('deploy/Dockerfile').filter((c) => c === 'ref.unknown'), []);
  });

  it('follow a renamed folder of records', async () => {
    // The watcher reports a renamed folder as one delete and one create: every record inside moves.
    await diagnosticWith(ORDERS, 'ref.invalidated');
    await renameFile('docs/assumptions', 'docs/assumptions-old');
    // docs/assumptions-old is no assumption folder: ASM-2 is gone, ADR-0004's link to it dangles.
    await noDiagnostic(ORDERS, 'ref.invalidated');
    await diagnosticWith('docs/adr/0004-cache-sessions-in-redis.md', 'record.dangling', (d) => /ASM-2/.test(d.message));
    await eventually(() => assert.deepEqual(codesOf('docs/assumptions/platform.yaml'), []));
    // And back: the folder's records return.
    await vscode.workspace.fs.rename(wsUri('docs/assumptions-old'), wsUri('docs/assumptions'));
    await diagnosticWith(ORDERS, 'ref.invalidated');
    await diagnosticWith('docs/assumptions/platform.yaml', 'record.review-overdue');
    await noDiagnostic('docs/adr/0004-cache-sessions-in-redis.md', 'record.dangling');
  });

  it('cost one index update for a burst of 300 file events', async () => {
    const folder = folderIndex(api);
    const paths = Array.from({ length: 300 }, (_, i) => `burst/module-${String(i).padStart(3, '0')}.ts`);
    for (const path of paths) await track(path);
    await settle(api);
    const before = folder.updates;
    // Written the way a branch switch writes them: all at once, outside the editor.
    fs.mkdirSync(wsUri('burst').fsPath);
    paths.forEach((path, i) => fs.writeFileSync(wsUri(path).fsPath, `// Module ${i}: stores orders per ADR-0003.\nexport const n${i} = ${i};\n`));
    await eventually(() => assert.ok(paths.every((p) => folder.allFiles.has(p)), `${paths.filter((p) => folder.allFiles.has(p)).length} of 300 indexed`), 20_000);
    await sleep(500);
    await api.whenIdle();
    assert.equal(folder.updates - before, 1, 'one update for the whole burst');
    await diagnosticWith(paths[0], 'ref.superseded');
    await diagnosticWith(paths[299], 'ref.superseded');

    // Deleting the folder is one event for the folder: every file in it goes.
    const beforeDelete = folder.updates;
    await deleteFile('burst');
    await eventually(() => assert.equal(paths.filter((p) => folder.allFiles.has(p)).length, 0, 'files under the deleted folder are dropped'), 10_000);
    await noDiagnostic(paths[0], 'ref.superseded');
    await noDiagnostic(paths[299], 'ref.superseded');
    await sleep(300);
    await api.whenIdle();
    assert.equal(folder.updates - beforeDelete, 1, 'one update for the deleted folder');
  });

  it('reach the Problems panel in slices of at most 500 files when thousands change at once, the last state winning', async function () {
    this.timeout(120_000);
    const ADR5 = 'docs/adr/0005-adopt-feature-flags.md';
    const count = 1200;
    const paths = Array.from({ length: count }, (_, i) => `bulk/m${Math.floor(i / 100)}/f${i % 100}.ts`);
    for (const path of paths) await track(path);
    await track('bulk');
    for (let m = 0; m < count / 100; m++) fs.mkdirSync(wsUri(`bulk/m${m}`).fsPath, { recursive: true });
    paths.forEach((path, i) => fs.writeFileSync(wsUri(path).fsPath, `// Flags per ADR-0005 (${i}).\nexport const n${i} = ${i};\n`));
    const all = (code: string) => () => assert.equal(paths.filter((p) => codesOf(p).includes(code)).length, count, `files with ${code}`);
    await eventually(all('ref.pending'), 30_000);
    await settle(api);

    // One record edit changes the findings of all 1,200 files: one publish.
    const stats = api.diagnostics.setStats;
    stats.largestCall = 0;
    const callsBefore = stats.calls;
    const record = await readText(ADR5);
    const withStatus = (status: string) => record.replace(/^status: proposed$/m, `status: ${status}`);
    await writeFile(ADR5, withStatus('deprecated'));
    await eventually(all('ref.deprecated'), 30_000);
    assert.ok(stats.largestCall <= 500, `one DiagnosticCollection.set call carried ${stats.largestCall} files`);
    assert.ok(stats.calls - callsBefore >= Math.ceil(count / 500), `${stats.calls - callsBefore} calls`);

    // Two edits in a row: what the second publish sends takes over what the first had left.
    await writeFile(ADR5, withStatus('rejected'));
    await sleep(20);
    await writeFile(ADR5, record);
    await eventually(all('ref.pending'), 30_000);
    await settle(api);
    assert.deepEqual([...new Set(paths.flatMap((p) => codesOf(p)))], ['ref.pending']);
  });
});
