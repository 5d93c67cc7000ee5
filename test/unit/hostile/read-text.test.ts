// Reading workspace files as text: binary anywhere, undecodable, symlinked and vanished files.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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
});
