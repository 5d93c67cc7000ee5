// `npm start`'s command line (scripts/start.mjs): mistakes are reported before anything is
// built or started. The demo itself runs in the UI suite (test/ui/demo.ui.mjs).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function start(...args) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'start.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function startFolders() {
  return readdirSync(tmpdir()).filter((name) => /^alignment-(start|demo)-/.test(name)).sort();
}

describe('npm start: command line', () => {
  it('names a folder that does not exist, and packages and starts nothing', () => {
    const gone = mkdtempSync(join(tmpdir(), 'alignment-start-test-'));
    rmSync(gone, { recursive: true });
    const before = startFolders();
    const result = start(gone, '--no-open');
    assert.equal(result.status, 1);
    assert.equal(result.stderr, `[start] not a folder: ${gone}\n`);
    assert.equal(result.stdout, '');
    assert.deepEqual(startFolders(), before);
  });

  it('rejects an unknown option and a bad port with the usage', () => {
    const unknown = start('--bogus');
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /unknown option --bogus; usage: npm start \[-- \/path\/to\/repo\] \[--port N\] \[--no-open\]/);
    const port = start('--port', 'x');
    assert.equal(port.status, 1);
    assert.match(port.stderr, /--port needs a port number, not x/);
    assert.match(start('a', 'b').stderr, /npm start opens one folder/);
  });
});
