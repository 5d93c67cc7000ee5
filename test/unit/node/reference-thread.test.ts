// File-event batches read code files with CodeReader, on the extension host's thread or
// in the reference worker: on every fixture both give what the workspace model finds
// when it parses each file's full text, a worker that dies or is stopped rejects what it
// was asked (the caller then reads on its own thread) and starts afresh on the next ask.
// Its stats of event paths are this thread's.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { DEFAULT_DECISION_FOLDERS, detectLayout } from '../../../src/core/layout';
import type { CodeReference } from '../../../src/core/model';
import { WorkspaceModel } from '../../../src/core/workspace-model';
import { CodeReader, type CodeReadOptions } from '../../../src/node/code-reader';
import { statPath } from '../../../src/node/path-stat';
import { readTextSync } from '../../../src/node/read-text';
import { ReferenceThread } from '../../../src/node/reference-thread';
import { walkFiles } from '../../../src/node/walk-files';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const root = path.resolve(__dirname, '../../..');

describe('reading code files off the extension host thread', function () {
  this.timeout(60_000);
  let scratch: string;
  let script: string;

  before(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'alignment-reference-thread-'));
    script = path.join(scratch, 'reference-worker.js');
    await build({ entryPoints: [path.join(root, 'src/node/reference-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'warning' });
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** Every code file of a fixture, and the references the model keeps from its full text. */
  async function expected(fixture: string) {
    const dir = path.join(FIXTURES, fixture);
    const files = await walkFiles(dir, DEFAULT_CONFIG.exclude);
    const layout = detectLayout(files, DEFAULT_CONFIG, { toolFolders: [] });
    const model = new WorkspaceModel(DEFAULT_CONFIG, layout);
    const code = files.filter((f) => model.roleOf(f) === 'code');
    const maxBytes = DEFAULT_CONFIG.maxFileSizeKb * 1024;
    for (const file of code) {
      const read = readTextSync(path.join(dir, file), maxBytes);
      if ('text' in read) model.update(file, read.text);
    }
    const scan = model.scanOptions;
    const options: CodeReadOptions = { root: dir, maxBytes, scan, prefilterFolders: [...scan.decisionFolders, ...DEFAULT_DECISION_FOLDERS] };
    const resolved = (m: WorkspaceModel) => code.map((f) => m.index.referencesIn(f));
    /** The references a model holds after taking `found` (per code file) as read elsewhere. */
    const taken = (found: CodeReference[][]) => {
      const other = new WorkspaceModel(DEFAULT_CONFIG, layout);
      code.forEach((f, i) => assert.ok(other.updateCodeReferences(f, found[i])));
      return resolved(other);
    };
    return { code, options, references: resolved(model), taken };
  }

  it('finds on every fixture, on this thread and in the worker, what the model finds in each file’s full text', async () => {
    const thread = new ReferenceThread(script);
    try {
      let cited = 0;
      for (const fixture of ['demo', 'service', 'polyglot', 'conventions', 'dialects', 'hostile', 'broken', 'second-service']) {
        const { code, options, references, taken } = await expected(fixture);
        const reader = new CodeReader(options);
        const here = code.map((f) => reader.read(f));
        const there = await thread.read(options, code);
        assert.deepEqual(taken(here), references, `${fixture}: CodeReader on this thread`);
        assert.deepEqual(there, here, `${fixture}: the worker`);
        cited += here.filter((r) => r.length > 0).length;
      }
      assert.ok(cited > 20, `the fixtures' code cites records (${cited} files)`);
      assert.equal(thread.started, 1, 'one worker served every fixture');
    } finally {
      thread.dispose();
    }
  });

  it('reads nothing from a file that is gone, binary or over the size limit', async () => {
    const dir = path.join(scratch, 'odd');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'binary.ts'), Buffer.concat([Buffer.from('// See ADR-0001\n'), Buffer.from([0, 1, 2])]));
    writeFileSync(path.join(dir, 'big.ts'), `// See ADR-0001\n${'x'.repeat(4096)}\n`);
    writeFileSync(path.join(dir, 'fine.ts'), '// See ADR-0001\n');
    const options: CodeReadOptions = { root: dir, maxBytes: 1024, scan: { decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: [] }, prefilterFolders: [] };
    const thread = new ReferenceThread(script);
    try {
      const references = await thread.read(options, ['binary.ts', 'big.ts', 'gone.ts', 'fine.ts']);
      assert.deepEqual(references.slice(0, 3), [[], [], []]);
      assert.deepEqual(references[3].map((r) => r.id), ['ADR-0001']);
    } finally {
      thread.dispose();
    }
  });

  it('stats paths as this thread does: files, folders, missing paths and dangling symlinks', async () => {
    const dir = path.join(scratch, 'stats');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, 'folder'), { recursive: true });
    writeFileSync(path.join(dir, 'file.ts'), 'x');
    symlinkSync(path.join(dir, 'gone.ts'), path.join(dir, 'dangling.ts'));
    symlinkSync(path.join(dir, 'file.ts'), path.join(dir, 'link.ts'));
    const paths = ['file.ts', 'folder', 'missing.ts', 'dangling.ts', 'link.ts', 'folder/nested/none.ts', 'file.ts/not-a-folder'];
    const thread = new ReferenceThread(script);
    try {
      const there = await thread.stat(dir, paths);
      assert.deepEqual(there, paths.map((p) => statPath(dir, p)));
      assert.deepEqual(there.map((s) => s && (s.directory ? 'folder' : 'file')), ['file', 'folder', undefined, undefined, 'file', undefined, undefined]);
    } finally {
      thread.dispose();
    }
  });

  it('rejects when the worker dies, and starts a new one on the next ask', async () => {
    const dying = path.join(scratch, 'dying-worker.js');
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const thread = new ReferenceThread(dying);
    const options: CodeReadOptions = { root: scratch, maxBytes: 1024, scan: { decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: [] }, prefilterFolders: [] };
    try {
      await assert.rejects(thread.read(options, ['a.ts']), /exited \(3\)/);
      await assert.rejects(thread.read(options, ['a.ts']), /exited \(3\)/);
      assert.equal(thread.started, 2);
      const missing = new ReferenceThread(path.join(scratch, 'no-such-worker.js'));
      await assert.rejects(missing.read(options, ['a.ts']));
      missing.dispose();
    } finally {
      thread.dispose();
    }
  });

  it('stops an idle worker, starts it again when asked, and rejects once disposed', async () => {
    const { code, options, references, taken } = await expected('demo');
    const thread = new ReferenceThread(script, 50);
    assert.deepEqual(taken(await thread.read(options, code)), references);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(thread.running, false, 'stopped after its quiet time');
    assert.deepEqual(taken(await thread.read(options, code)), references);
    assert.equal(thread.started, 2);
    const pending = thread.read(options, code);
    thread.dispose();
    assert.equal(thread.stopped, true);
    await assert.rejects(pending, /stopped/, 'what it was still asked is rejected');
    await assert.rejects(thread.read(options, code), /stopped/);
    assert.equal(thread.running, false);
  });
});
