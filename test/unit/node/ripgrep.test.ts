// The rg scan: one process, the right binary, ignore files from inside the folder only,
// and a cancelled scan stops its process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadWorkspace } from '../../../src/node/load-workspace';
import { bundledRipgrep, ripgrepIgnoreArgs, ripgrepScanArgs, scanWithRipgrep, vscodeRipgrep } from '../../../src/node/ripgrep';
import { cliScanners } from '../../../src/node/scanners';
import { walkFiles } from '../../../src/node/walk-files';

const rg = bundledRipgrep(path.resolve(__dirname, '../../..'))!;

describe('ripgrep scan', function () {
  this.timeout(30_000);
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'alignment-rg-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    writeFileSync(path.join(scratch, file), text);
  };

  it('lists every file and marks the ones matching the pattern, in one run', async () => {
    write('a.ts', '// ADR-1\n');
    write('b.ts', 'nothing\n');
    write('c/d.md', 'adr-12 twice\nADR 3\n');
    const listing = await scanWithRipgrep(rg, scratch, 'ADR[-_ ]?[0-9]', []);
    assert.deepEqual(listing?.files.sort(), ['a.ts', 'b.ts', 'c/d.md']);
    assert.deepEqual([...listing!.candidates].sort(), ['a.ts', 'c/d.md']);
    assert.equal(ripgrepScanArgs('x', []).filter((a) => a === '--count').length, 1);
  });

  it('applies no ignore file from above the folder, like the Node walk', async () => {
    write('.gitignore', '*.ts\n');
    write('.ignore', '*.ts\n');
    write('ws/keep.ts', '// ADR-1\n');
    write('ws/.gitignore', 'drop.ts\n');
    write('ws/drop.ts', '// ADR-1\n');
    const root = path.join(scratch, 'ws');
    const listing = await scanWithRipgrep(rg, root, 'ADR', []);
    assert.deepEqual(listing?.files.sort(), ['.gitignore', 'keep.ts']);
    assert.deepEqual(await walkFiles(root), listing?.files);
    assert.ok(ripgrepIgnoreArgs([]).includes('--no-ignore-parent') && ripgrepIgnoreArgs([]).includes('--no-config'));
  });

  it('resolves undefined for a missing binary, a failing one, and a cancelled scan', async () => {
    write('a.ts', '// ADR-1\n');
    assert.equal(await scanWithRipgrep(path.join(scratch, 'no-such-rg'), scratch, 'ADR', []), undefined);
    const failing = path.join(scratch, 'failing-rg');
    writeFileSync(failing, '#!/bin/sh\nexit 2\n');
    chmodSync(failing, 0o755);
    assert.equal(await scanWithRipgrep(failing, scratch, 'ADR', []), undefined);
    // A scan that would take a minute is stopped at once by its signal.
    const slow = path.join(scratch, 'slow-rg');
    writeFileSync(slow, '#!/bin/sh\nexec sleep 60\n');
    chmodSync(slow, 0o755);
    const abort = new AbortController();
    const started = Date.now();
    const pending = scanWithRipgrep(slow, scratch, 'ADR', [], abort.signal);
    setTimeout(() => abort.abort(), 100);
    assert.equal(await pending, undefined);
    assert.ok(Date.now() - started < 5000, 'the cancelled scan ended at once');
  });

  it('a cancelled load rejects instead of returning a stale model', async () => {
    write('a.ts', '// ADR-1\n');
    const abort = new AbortController();
    abort.abort(new Error('superseded'));
    await assert.rejects(loadWorkspace(scratch, { scanners: [{ kind: 'rg', command: rg, label: 'bundled rg' }], signal: abort.signal }), /superseded/);
    await assert.rejects(loadWorkspace(scratch, { scanners: [], signal: abort.signal }), /superseded/);
  });

  it('finds VS Code\'s rg under the app root, the unpacked copy first', () => {
    const name = process.platform === 'win32' ? 'rg.exe' : 'rg';
    assert.equal(vscodeRipgrep(scratch), undefined);
    write(`node_modules/@vscode/ripgrep/bin/${name}`, '');
    assert.equal(vscodeRipgrep(scratch), path.join(scratch, 'node_modules/@vscode/ripgrep/bin', name));
    write(`node_modules.asar.unpacked/@vscode/ripgrep/bin/${name}`, '');
    assert.equal(vscodeRipgrep(scratch), path.join(scratch, 'node_modules.asar.unpacked/@vscode/ripgrep/bin', name));
  });

  it('the CLI tries the bundled rg, rg on PATH, then git grep; ALIGNMENT_SCANNER keeps one', () => {
    assert.deepEqual(
      cliScanners({}).map((s) => s.label),
      ['bundled rg', 'rg on PATH', 'git grep'],
    );
    assert.ok(cliScanners({})[0].kind === 'rg' && (cliScanners({})[0] as { command: string }).command.includes(`@vscode${path.sep}ripgrep-${process.platform}-${process.arch}`));
    assert.deepEqual(cliScanners({ ALIGNMENT_SCANNER: 'git' }).map((s) => s.label), ['git grep']);
    assert.deepEqual(cliScanners({ ALIGNMENT_SCANNER: 'node' }), []);
  });

  it('stops an rg that lists nothing for stallMs (a named pipe as an ignore file holds it), spooled or piped', async function () {
    if (process.platform === 'win32') this.skip();
    write('a.ts', '// ADR-1\n');
    mkdirSync(path.join(scratch, 'pkg'));
    assert.equal(spawnSync('mkfifo', [path.join(scratch, 'pkg', '.ignore')]).status, 0, 'mkfifo');
    for (const spool of [true, false]) {
      const started = performance.now();
      const listing = await scanWithRipgrep(rg, scratch, 'ADR[-_ ]?[0-9]', [], undefined, { spool, stallMs: 1500 });
      const ms = performance.now() - started;
      assert.equal(listing, undefined, `spool ${spool}: a stuck scan is no listing (the caller falls back)`);
      assert.ok(ms >= 1400 && ms < 10_000, `spool ${spool}: stopped after ${ms.toFixed(0)} ms`);
    }
    // Where rg is not stuck, the watchdog leaves it alone.
    rmSync(path.join(scratch, 'pkg', '.ignore'));
    const listing = await scanWithRipgrep(rg, scratch, 'ADR[-_ ]?[0-9]', [], undefined, { spool: true, stallMs: 1500 });
    assert.deepEqual(listing?.files, ['a.ts']);
  });

  it('does not take a held thread for a stuck rg: output that waited on this thread is still read', async function () {
    if (process.platform === 'win32') this.skip();
    const slow = path.join(scratch, 'slow-rg');
    writeFileSync(slow, `#!/bin/sh\nprintf './first.ts\\0001\\n'\nsleep 1\nprintf './second.ts\\0000\\n'\n`, { mode: 0o755 });
    const scan = scanWithRipgrep(slow, scratch, 'ADR', [], undefined, { stallMs: 1000 });
    // This thread is busy for longer than stallMs while rg lists: no tick, no read meanwhile.
    const until = performance.now() + 2500;
    while (performance.now() < until);
    const listing = await scan;
    assert.deepEqual(listing?.files, ['first.ts', 'second.ts']);
  });
});
