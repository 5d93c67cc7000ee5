// The spooled rg scan (every rg scanner's, the editor's and the CLI's): rg writes to a private temporary file instead of a
// pipe, so a busy event loop cannot hold it up. Same listing as the piped scan on every
// fixture, the temporary file gone afterwards (also when cancelled or when rg is
// missing), and a scan that finishes while the event loop is busy.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundledRipgrep, scanWithRipgrep } from '../../../src/node/ripgrep';
import { runScanners } from '../../../src/node/scanners';

const rg = bundledRipgrep(path.resolve(__dirname, '../../..'))!;
const FIXTURES = path.resolve(__dirname, '../../fixtures');
const PATTERN = 'ADR[-_ ]?[0-9]|ASM[-_ ]?[0-9]|adr/|decisions/';

describe('spooled ripgrep scan', function () {
  this.timeout(60_000);
  let temp: string;
  let savedTmp: string | undefined;
  beforeEach(() => {
    // os.tmpdir() follows TMPDIR: the spool folder is made in a folder of this test's own.
    temp = mkdtempSync(path.join(tmpdir(), 'alignment-spool-test-'));
    savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = temp;
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(temp, { recursive: true, force: true });
  });

  for (const fixture of readdirSync(FIXTURES)) {
    it(`lists the same files and candidates as the piped scan: ${fixture}, and leaves nothing behind`, async () => {
      const root = path.join(FIXTURES, fixture);
      const piped = await scanWithRipgrep(rg, root, PATTERN, []);
      const spooled = await scanWithRipgrep(rg, root, PATTERN, [], undefined, { spool: true });
      assert.ok(piped && spooled);
      assert.deepEqual(spooled.files.sort(), piped.files.sort());
      assert.deepEqual([...spooled.candidates].sort(), [...piped.candidates].sort());
      assert.deepEqual(readdirSync(temp), []);
    });
  }

  it('parses output of more than 1 MB across slices, lines split at slice ends included', async () => {
    const root = path.join(temp, 'many');
    const names: string[] = [];
    const { mkdirSync } = await import('node:fs');
    mkdirSync(root);
    // Long names make the output pass 1 MB, so lines straddle the slices.
    for (let i = 0; i < 6000; i++) {
      const name = `${'n'.repeat(180)}-${i}.ts`;
      names.push(name);
      writeFileSync(path.join(root, name), i % 3 === 0 ? '// ADR-7\n' : 'x\n');
    }
    const spooled = await scanWithRipgrep(rg, root, PATTERN, [], undefined, { spool: true });
    assert.deepEqual(spooled?.files.sort(), [...names].sort());
    assert.equal(spooled!.candidates.size, 2000);
    assert.deepEqual(readdirSync(temp), ['many']);
  });

  it('finishes while the event loop is busy, and cleans up when cancelled or when rg is missing', async () => {
    const root = path.join(FIXTURES, 'service');
    // Busy 45 ms in every 50: a piped rg would wait on the pipe; the spooled one does not need the loop.
    const timer = setInterval(() => {
      const until = performance.now() + 45;
      while (performance.now() < until);
    }, 50);
    try {
      assert.ok(await scanWithRipgrep(rg, root, PATTERN, [], undefined, { spool: true }));
    } finally {
      clearInterval(timer);
    }
    const controller = new AbortController();
    const pending = scanWithRipgrep(rg, root, PATTERN, [], controller.signal, { spool: true });
    controller.abort();
    assert.equal(await pending, undefined);
    assert.equal(await scanWithRipgrep(path.join(temp, 'no-such-rg'), root, PATTERN, [], undefined, { spool: true }), undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(readdirSync(temp), []);
  });

  it('reads the spool while rg still writes it: files reach onFile before rg exits', async () => {
    // This rg prints one record, then waits until the reader has seen it (a flag file
    // written from onFile) before printing the second; a spool read only after rg's exit
    // would never see the first, and the scan would end by the wrapper's timeout instead.
    const flag = path.join(temp, 'seen');
    const slowRg = path.join(temp, 'rg-waits-for-reader');
    writeFileSync(
      slowRg,
      `#!/bin/sh\nprintf './first.ts\\0001\\n'\ni=0\nwhile [ ! -e '${flag}' ]; do i=$((i+1)); [ $i -gt 100 ] && exit 3; sleep 0.1; done\nprintf './second.ts\\0000\\n'\n`,
      { mode: 0o755 },
    );
    const seen: string[] = [];
    let firstSeenAt = 0;
    const listing = await scanWithRipgrep(slowRg, temp, PATTERN, [], undefined, {
      spool: true,
      onFile: (file) => {
        seen.push(file);
        firstSeenAt ||= performance.now();
        writeFileSync(flag, '');
      },
    });
    const resolvedAt = performance.now();
    assert.deepEqual(seen, ['first.ts', 'second.ts']);
    // When rg exited: after it saw the reader take the first record, before the listing resolved.
    assert.ok(listing?.exitedAt !== undefined && listing.exitedAt > firstSeenAt && listing.exitedAt <= resolvedAt, `exited at ${listing?.exitedAt}`);
    assert.deepEqual(listing?.files.sort(), ['first.ts', 'second.ts']);
    assert.deepEqual([...listing!.candidates], ['first.ts']);
  });

  it('every rg scanner (the editor\'s and the CLI\'s) spools: an rg that refuses a pipe still lists', async () => {
    // rg writes once per listed file, and each write to a pipe wakes the reader (the CLI's
    // 97k-file check: 1.44 s piped, 1.16 s spooled). This rg fails unless stdout is a file.
    const strictRg = path.join(temp, 'rg-file-only');
    writeFileSync(strictRg, `#!/bin/sh\n[ -f /dev/stdout ] || exit 2\nexec '${rg}' "$@"\n`, { mode: 0o755 });
    const root = path.join(FIXTURES, 'service');
    assert.equal((await runScanners([{ kind: 'rg', command: strictRg, label: 'file-only rg' }], root, { regex: PATTERN, ripgrepRegex: PATTERN }, [])).scanner, 'file-only rg');
    assert.equal((await scanWithRipgrep(strictRg, root, PATTERN, [])), undefined, 'the same rg through a pipe fails');
    rmSync(strictRg);
    assert.deepEqual(readdirSync(temp), []);
  });
});
