// Reading workspace files as text: binary anywhere, undecodable, symlinked and vanished
// files, and named pipes or devices under a file's name (never waited on).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { readTextSync, vanished } from '../../../src/node/read-text';

describe('hostile input: reading files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'alignment-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const read = (name: string, content: string | Buffer) => {
    writeFileSync(path.join(dir, name), content);
    return readTextSync(path.join(dir, name), 1024 * 1024);
  };

  it('refuses a NUL byte after the first 8 KB, and text that is mostly not UTF-8', () => {
    assert.deepEqual(read('late-nul.md', `# A\n${'x'.repeat(9000)}\u0000`), { unreadable: 'binary content' });
    assert.deepEqual(read('latin1.md', Buffer.from(Array.from({ length: 200 }, () => 0xe9))), { unreadable: 'not UTF-8 text' });
    assert.deepEqual(read('one-accent.md', Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' au lait, with plenty of ASCII around it\n')])), {
      text: '# Caf\ufffd au lait, with plenty of ASCII around it\n',
    });
  });

  it('does not follow a symlink as the file read, and says a vanished file vanished', () => {
    writeFileSync(path.join(dir, 'target.md'), '# Outside\n');
    symlinkSync(path.join(dir, 'target.md'), path.join(dir, 'link.md'));
    const linked = readTextSync(path.join(dir, 'link.md'), 1024);
    assert.ok('unreadable' in linked && linked.unreadable === 'ELOOP', JSON.stringify(linked));
    const gone = readTextSync(path.join(dir, 'no-such-file.md'), 1024);
    assert.equal(vanished(gone), true);
    assert.equal(vanished(linked), false);
  });

  it('refuses a named pipe (with or without a writer) and a device at once, with every reader (files, config files)', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'pipe.ts');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    writeFileSync(path.join(dir, 'empty.ts'), '');
    // In a child process: a read that blocks would hang this one for good.
    const script = `
      const fs = require('node:fs');
      const { PooledReader, readTextSync } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/node/read-text'))});
      const { readConfigText } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/node/config'))});
      const all = async (p) => [new PooledReader(1024).read(p), readTextSync(p, 1024), (await readConfigText(p)) ?? 'none'];
      (async () => {
        const out = { pipe: await all(process.argv[1]), empty: await all(process.argv[2]), device: await all('/dev/zero') };
        const writer = fs.openSync(process.argv[1], fs.constants.O_RDWR);
        out.pipeWithWriter = await all(process.argv[1]);
        fs.closeSync(writer);
        console.log(JSON.stringify(out));
      })();`;
    const run = spawnSync(process.execPath, ['-r', path.resolve(__dirname, '../../unit/register-ts.js'), '-e', script, fifo, path.join(dir, 'empty.ts')], { encoding: 'utf8', timeout: 15_000 });
    assert.equal(run.signal, null, `the reads blocked (killed by ${run.signal})`);
    assert.equal(run.status, 0, run.stderr);
    const notAFile = { unreadable: 'not a regular file' };
    assert.deepEqual(JSON.parse(run.stdout), {
      pipe: [notAFile, notAFile, 'none'],
      empty: [{ text: '' }, { text: '' }, ''],
      device: [notAFile, notAFile, 'none'],
      pipeWithWriter: [notAFile, notAFile, 'none'],
    });
  });
});
