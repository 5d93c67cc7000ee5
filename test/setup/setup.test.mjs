// `npm run setup` (scripts/setup.mjs), the README's install command: run for real on this
// checkout, and its npm ci decision on small projects of its own in a temp folder.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerDir } from '../../scripts/code-server.mjs';
import { lockMismatch, setup } from '../../scripts/setup.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npmRunSetup() {
  const started = Date.now();
  const result = spawnSync(npm, ['run', 'setup'], { cwd: repoRoot, encoding: 'utf8' });
  return { ...result, ms: Date.now() - started, output: `${result.stdout}\n${result.stderr}` };
}

describe('npm run setup', () => {
  it('runs the install command twice in a row: the second run does nothing and says so', () => {
    const first = npmRunSetup();
    assert.equal(first.status, 0, first.output);
    assert.match(first.stdout, /\[setup\] (done: |everything was already set up: nothing to do)/);

    // npm ci would delete node_modules (and this file with it); a code-server reinstall
    // would rewrite its marker.
    const sentinel = join(repoRoot, 'node_modules', '.setup-test-sentinel');
    const marker = join(codeServerDir(repoRoot), '.install-complete');
    writeFileSync(sentinel, 'still here\n');
    const markerTime = statSync(marker).mtimeMs;
    try {
      const second = npmRunSetup();
      assert.equal(second.status, 0, second.output);
      assert.match(second.stdout, /\[setup\] everything was already set up: nothing to do/);
      assert.match(second.stdout, /node_modules matches package-lock\.json/);
      assert.match(second.stdout, /code-server [\d.]+ is in \.vscode-test\//);
      assert.doesNotMatch(second.output, /npm ci:|apt-get install|installing code-server/);
      assert.ok(existsSync(sentinel), 'node_modules was reinstalled');
      assert.equal(statSync(marker).mtimeMs, markerTime, 'code-server was reinstalled');
      assert.ok(second.ms < 30_000, `the second run took ${second.ms} ms`);
    } finally {
      rmSync(sentinel, { force: true });
    }
  });
});

describe('setup: npm ci only when node_modules differs from package-lock.json', () => {
  let root;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'alignment-setup-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(path, value) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  }

  /** A project locking `a@1.0.0` and an optional `b@2.0.0`, with `a` installed as `installedA`. */
  function project({ installedA = '1.0.0', manifestA = '1.0.0' } = {}) {
    write('package.json', { name: 'p', dependencies: { a: manifestA }, optionalDependencies: { b: '2.0.0' } });
    write('package-lock.json', {
      lockfileVersion: 3,
      packages: {
        '': { name: 'p', dependencies: { a: '1.0.0' }, optionalDependencies: { b: '2.0.0' } },
        'node_modules/a': { version: '1.0.0' },
        'node_modules/b': { version: '2.0.0', optional: true },
      },
    });
    if (installedA) write('node_modules/a/package.json', { name: 'a', version: installedA });
  }

  it('matches when every locked package is installed at its version (an optional one may be absent)', () => {
    project();
    assert.equal(lockMismatch(root), undefined);
  });

  it('names what differs: no node_modules, a missing package, another version, package.json out of step', () => {
    project({ installedA: '' });
    rmSync(join(root, 'node_modules'), { recursive: true, force: true });
    assert.equal(lockMismatch(root), 'node_modules/ does not exist yet');
    mkdirSync(join(root, 'node_modules'));
    assert.equal(lockMismatch(root), 'node_modules/a is missing');
    project({ installedA: '0.9.0' });
    assert.equal(lockMismatch(root), 'node_modules/a is 0.9.0, package-lock.json wants 1.0.0');
    project({ manifestA: '^1.0.0' });
    assert.equal(lockMismatch(root), "package.json's dependencies differ from package-lock.json's");
  });

  it('runs npm ci and the build on a new checkout of a project, and neither again on the second run', function () {
    this.timeout(120_000);
    // A real dependency that installs offline: a local tarball.
    write('dep/package.json', { name: 'setup-test-dep', version: '1.2.3' });
    write('dep/index.js', 'module.exports = 42;\n');
    const pack = spawnSync(npm, ['pack', '--silent', './dep'], { cwd: root, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const build = "const fs = require('fs'); fs.mkdirSync('dist', { recursive: true }); for (const f of ['cli', 'extension']) fs.writeFileSync('dist/' + f + '.js', '');";
    write('package.json', {
      name: 'setup-test',
      version: '1.0.0',
      private: true,
      scripts: { build: `node -e "${build}"` },
      dependencies: { 'setup-test-dep': 'file:setup-test-dep-1.2.3.tgz' },
    });
    write('src/main.ts', 'export {};\n');
    const lock = spawnSync(npm, ['install', '--package-lock-only', '--offline', '--no-audit', '--no-fund'], { cwd: root, encoding: 'utf8' });
    assert.equal(lock.status, 0, lock.stderr);
    assert.equal(existsSync(join(root, 'node_modules')), false);

    const lines = [];
    const first = setup({ root, codeServerRoot: repoRoot, say: (line) => lines.push(line) });
    assert.deepEqual(first.missing, []);
    assert.deepEqual(first.done, ['npm ci', 'npm run build'], lines.join('\n'));
    assert.ok(lines.includes('npm ci: node_modules/ does not exist yet'), lines.join('\n'));
    assert.equal(spawnSync(process.execPath, ['-p', "require('setup-test-dep')"], { cwd: root, encoding: 'utf8' }).stdout.trim(), '42');

    lines.length = 0;
    const second = setup({ root, codeServerRoot: repoRoot, say: (line) => lines.push(line) });
    assert.deepEqual(second, { done: [], missing: [] }, lines.join('\n'));
    assert.ok(lines.includes('node_modules matches package-lock.json'), lines.join('\n'));
    assert.ok(lines.includes('dist/ is up to date'), lines.join('\n'));

    // An edited source: only the build runs again.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src', 'main.ts'), later, later);
    lines.length = 0;
    const third = setup({ root, codeServerRoot: repoRoot, say: (line) => lines.push(line) });
    assert.deepEqual(third.done, ['npm run build'], lines.join('\n'));
    assert.ok(lines.includes('npm run build: the sources changed since the last build'), lines.join('\n'));
  });
});
