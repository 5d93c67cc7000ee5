// The rg scan's output (`path NUL count LF`, `/` printed as 0xFF) parsed as it streams:
// records cut anywhere between chunks, names with newlines and multi-byte characters,
// paths that only a name holding 0xFF could produce, output that is no scan's; and the
// real rg on names that trip a line-based parser, with reads kept inside the folder.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadWorkspace } from '../../../src/node/load-workspace';
import { bundledRipgrep, ripgrepScanArgs, ScanOutputParser, scanWithRipgrep } from '../../../src/node/ripgrep';
import { walkFiles } from '../../../src/node/walk-files';

const rg = bundledRipgrep(path.resolve(__dirname, '../../..'))!;

/** rg's bytes for one record: `./`, the path with 0xFF for `/`, NUL, the count, LF. */
function record(relative: string, count: number): Buffer {
  const parts = `./${relative}`.split('/').map((p) => Buffer.from(p, 'utf8'));
  const out: Buffer[] = [];
  parts.forEach((p, i) => out.push(...(i ? [Buffer.from([0xff]), p] : [p])));
  return Buffer.concat([...out, Buffer.from([0]), Buffer.from(`${count}\n`)]);
}

function parse(chunks: readonly Buffer[]): { records: Array<[string, boolean]>; malformed: boolean } {
  const records: Array<[string, boolean]> = [];
  const parser = new ScanOutputParser((p, matches) => records.push([p, matches]));
  // Each chunk is handed over as its own copy, as a stream would.
  for (const chunk of chunks) parser.push(Buffer.from(chunk));
  parser.end();
  return { records, malformed: parser.malformed };
}

const SAMPLE: Array<[string, number]> = [
  ['a.ts', 0],
  ['src/名前/ünï.ts', 3],
  ['line\nbreak/x.ts', 0],
  ['ends with newline\n', 12],
  ['0', 0],
  ['docs/adr/0001-first.md', 10],
  ['emoji-😀.md', 1],
];
const EXPECTED: Array<[string, boolean]> = SAMPLE.map(([p, n]) => [p, n > 0]);

describe('ripgrep scan output', () => {
  it('parses records cut at every byte between two chunks, and one byte at a time', () => {
    const whole = Buffer.concat(SAMPLE.map(([p, n]) => record(p, n)));
    assert.deepEqual(parse([whole]), { records: EXPECTED, malformed: false });
    for (let cut = 1; cut < whole.length; cut++) {
      assert.deepEqual(parse([whole.subarray(0, cut), whole.subarray(cut)]), { records: EXPECTED, malformed: false }, `cut at ${cut}`);
    }
    assert.deepEqual(parse([...whole].map((b) => Buffer.from([b]))), { records: EXPECTED, malformed: false });
  });

  it('reads bytes that are no UTF-8 in a name as each path decoded alone would, cut anywhere', () => {
    const raw = (bytes: number[], count: string) => Buffer.concat([Buffer.from(bytes), Buffer.from(`\u0000${count}\n`, 'latin1')]);
    const whole = Buffer.concat([
      raw([0x2e, 0xff, 0x61, 0xc3, 0xff, 0x62, 0xe2, 0x82], '1'), // ./a<C3>/b<E2 82>: cut sequences before `/` and NUL
      raw([0x2e, 0xff, 0xf0, 0x9f, 0x98], '0'),
      record('ok.ts', 2),
    ]);
    const alone = (bytes: number[]) => Buffer.from(bytes).toString('utf8');
    const expected: Array<[string, boolean]> = [[`${alone([0x61, 0xc3])}/${alone([0x62, 0xe2, 0x82])}`, true], [alone([0xf0, 0x9f, 0x98]), false], ['ok.ts', true]];
    assert.ok(expected[0][0].includes('\ufffd'));
    for (let cut = 0; cut <= whole.length; cut++) {
      assert.deepEqual(parse([whole.subarray(0, cut), whole.subarray(cut)]), { records: expected, malformed: false }, `cut at ${cut}`);
    }
  });

  it('hands each record on as soon as its line ends', () => {
    const seen: string[] = [];
    const parser = new ScanOutputParser((p) => seen.push(p));
    parser.push(Buffer.concat([record('a.ts', 0), record('b.ts', 1).subarray(0, 5)]));
    assert.deepEqual(seen, ['a.ts']);
    parser.push(record('b.ts', 1).subarray(5));
    assert.deepEqual(seen, ['a.ts', 'b.ts']);
  });

  it('drops a path with an empty, `.` or `..` part: only a name holding 0xFF could print one', () => {
    const raw = (bytes: number[]) => Buffer.concat([Buffer.from(bytes), Buffer.from('\u00000\n', 'latin1')]);
    const dot = 0x2e;
    const { records, malformed } = parse([
      raw([dot, 0xff, dot, dot, 0xff, dot, dot, 0xff, 0x65, 0x74, 0x63]), // ./../../etc
      raw([dot, 0xff, 0x61, 0xff, 0xff, 0x62]), // ./a//b
      raw([dot, 0xff, 0x61, 0xff, dot, 0xff, 0x62]), // ./a/./b
      raw([dot, 0xff, 0x61, 0xff]), // ./a/
      raw([dot, 0xff]), // ./
      record('.hidden/..dots/x.ts', 0),
    ]);
    assert.deepEqual(records, [['.hidden/..dots/x.ts', false]]);
    assert.equal(malformed, false);
  });

  it('marks output that is no scan as malformed: a record cut off, or one longer than any path', () => {
    assert.equal(parse([record('a.ts', 0), Buffer.from('./b.ts')]).malformed, true);
    assert.equal(parse([record('a.ts', 0), Buffer.from('./b.ts\u00001')]).malformed, true);
    const long = Buffer.alloc(1.5 * (1 << 20), 0x61);
    const { records, malformed } = parse([long, record('a.ts', 1)]);
    assert.equal(malformed, true);
    assert.deepEqual(records, []);
  });

  describe('with the bundled rg', function () {
    this.timeout(30_000);
    let scratch: string;
    beforeEach(() => {
      scratch = mkdtempSync(path.join(tmpdir(), 'alignment-rg-out-'));
    });
    afterEach(() => rmSync(scratch, { recursive: true, force: true }));
    const write = (file: string, text: string | Buffer) => {
      mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      writeFileSync(path.join(scratch, file), text);
    };

    it('prints paths with the separator byte, so none is canonicalised', async () => {
      const args = ripgrepScanArgs('ADR', []);
      assert.equal(args[args.indexOf('--path-separator') + 1], '\\xFF');
    });

    it('lists names with newlines, colons and digits exactly as the Node walk does', async function () {
      if (process.platform === 'win32') this.skip();
      write('src/new\nline.ts', '// ADR-1\n');
      write('src/trailing\n', 'nothing\n');
      write('src/a:1:b.ts', '// ADR-2\n');
      write('src/0', 'nothing\n');
      write('ünï/名前.md', 'adr-3\n');
      const streamed: string[] = [];
      const listing = await scanWithRipgrep(rg, scratch, 'ADR[-_ ]?[0-9]', [], undefined, { onFile: (p) => streamed.push(p) });
      assert.deepEqual(listing?.files.sort(), await walkFiles(scratch));
      assert.deepEqual([...streamed].sort(), listing?.files);
      assert.deepEqual([...listing!.candidates].sort(), ['src/a:1:b.ts', 'src/new\nline.ts', 'ünï/名前.md']);
    });

    it('never reads through a folder symlink that a name holding 0xFF would name', async function () {
      if (process.platform !== 'linux') this.skip();
      const outside = path.join(scratch, 'outside');
      const root = path.join(scratch, 'ws');
      mkdirSync(outside);
      writeFileSync(path.join(outside, 'secret.ts'), '// See ADR-0099: outside the workspace\n');
      mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
      writeFileSync(path.join(root, 'docs/adr/0001-first.md'), '---\nstatus: accepted\n---\n# First\n');
      symlinkSync(outside, path.join(root, 'link'));
      // A file whose name is `link`, byte 0xFF, `secret.ts`: printed as link/secret.ts.
      const name = Buffer.concat([Buffer.from('link'), Buffer.from([0xff]), Buffer.from('secret.ts')]);
      writeFileSync(Buffer.concat([Buffer.from(`${root}/`), name]), '// See ADR-0098\n');
      const loaded = await loadWorkspace(root, { scanners: [{ kind: 'rg', command: rg, label: 'bundled rg' }] });
      assert.equal(loaded.stats.scanner, 'bundled rg');
      assert.ok(loaded.files.includes('link/secret.ts'), 'the name is split at 0xFF, as documented');
      const findings = loaded.model.findings(new Date('2026-11-24T12:00:00Z'), loaded.files);
      assert.ok(!findings.some((f) => f.path === 'link/secret.ts'), JSON.stringify(findings.map((f) => f.path)));
      assert.ok(!loaded.model.paths().includes('link/secret.ts'));
    });
  });
});
