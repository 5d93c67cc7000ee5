import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { loadRepoConfig, readAdrToolsDir, readLog4brainsFolders, toRelativeFolder } from '../../../src/node/config';

describe('node config', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const folder = (name: string) => mkdirSync(path.join(root, name), { recursive: true });

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'alignment-config-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  describe('loadRepoConfig', () => {
    it('returns the defaults when there is no file', async () => {
      const result = await loadRepoConfig(root);
      assert.deepEqual(result, { config: { ...DEFAULT_CONFIG, severity: {} }, problems: [] });
    });

    it('merges .alignment.yaml over the defaults', async () => {
      write('.alignment.yaml', 'decisionPrefix: DEC\nseverity:\n  ref.pending: off\n');
      const result = await loadRepoConfig(root);
      assert.equal(result.file, '.alignment.yaml');
      assert.deepEqual(result.problems, []);
      assert.equal(result.config.decisionPrefix, 'DEC');
      assert.equal(result.config.assumptionPrefix, 'ASM');
      assert.deepEqual(result.config.severity, { 'ref.pending': 'off' });
      assert.deepEqual(result.config.assumptionFolders, DEFAULT_CONFIG.assumptionFolders);
    });

    it('reads .alignment.yml when there is no .alignment.yaml, and prefers .alignment.yaml', async () => {
      write('.alignment.yml', 'maxFileSizeKb: 10\n');
      assert.equal((await loadRepoConfig(root)).config.maxFileSizeKb, 10);
      assert.equal((await loadRepoConfig(root)).file, '.alignment.yml');
      write('.alignment.yaml', 'maxFileSizeKb: 20\n');
      assert.equal((await loadRepoConfig(root)).config.maxFileSizeKb, 20);
    });

    it('keeps the valid settings of a file with problems, and returns the problems', async () => {
      write('.alignment.yaml', 'decisionPrefix: DEC\nexclud: [x]\n');
      const result = await loadRepoConfig(root);
      assert.equal(result.config.decisionPrefix, 'DEC');
      assert.deepEqual(result.config.exclude, []);
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0].message, /did you mean `exclude`/);
    });

    it('uses the defaults when the file has a syntax error', async () => {
      write('.alignment.yaml', 'decisionPrefix: [\n');
      const result = await loadRepoConfig(root);
      assert.equal(result.config.decisionPrefix, 'ADR');
      assert.equal(result.problems[0].code, 'record.yaml');
    });

    it('reports a config file it does not read (over 256 KB, a named pipe, unreadable), at its top, and uses the defaults', async () => {
      write('.alignment.yaml', `decisionPrefix: DEC\n${'# padding\n'.repeat(30_000)}`);
      let result = await loadRepoConfig(root);
      assert.equal(result.file, '.alignment.yaml');
      assert.equal(result.config.decisionPrefix, 'ADR', 'the defaults apply');
      assert.deepEqual(result.problems, [
        {
          code: 'record.schema',
          message: '.alignment.yaml is not read: it is 293 KB, over the 256 KB it may be. Until it is fixed, the defaults apply.',
          range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } },
        },
      ]);
      // A smaller .alignment.yml beside it is not read instead: the file the user wrote is the one at fault.
      write('.alignment.yml', 'decisionPrefix: DEC\n');
      assert.equal((await loadRepoConfig(root)).file, '.alignment.yaml');
      if (process.platform === 'win32') return;
      rmSync(path.join(root, '.alignment.yaml'));
      assert.equal(spawnSync('mkfifo', [path.join(root, '.alignment.yaml')]).status, 0, 'mkfifo');
      result = await loadRepoConfig(root);
      assert.match(result.problems[0]?.message ?? '', /^\.alignment\.yaml is not read: it is not a regular file\./);
      rmSync(path.join(root, '.alignment.yaml'));
      if (process.getuid?.() === 0) return; // root reads any file
      write('.alignment.yaml', 'decisionPrefix: DEC\n');
      chmodSync(path.join(root, '.alignment.yaml'), 0o000);
      result = await loadRepoConfig(root);
      assert.match(result.problems[0]?.message ?? '', /^\.alignment\.yaml is not read: it cannot be opened \(EACCES\)\./);
    });

    it('ignores a folder named .alignment.yaml', async () => {
      folder('.alignment.yaml');
      const result = await loadRepoConfig(root);
      assert.equal(result.file, undefined);
      assert.deepEqual(result.problems, []);
    });
  });

  describe('readAdrToolsDir', () => {
    it('returns the folder named by .adr-dir when it exists', async () => {
      folder('doc/architecture/decisions');
      write('.adr-dir', 'doc/architecture/decisions\n');
      assert.deepEqual(await readAdrToolsDir(root), ['doc/architecture/decisions']);
    });

    it('normalises ./, trailing slashes, backslashes and CRLF', async () => {
      folder('docs/adr');
      write('.adr-dir', '\r\n./docs\\adr/\r\n');
      assert.deepEqual(await readAdrToolsDir(root), ['docs/adr']);
    });

    it('returns nothing for a missing file, a missing folder, an empty file or a path outside the root', async () => {
      assert.deepEqual(await readAdrToolsDir(root), []);
      write('.adr-dir', 'nowhere/adr\n');
      assert.deepEqual(await readAdrToolsDir(root), []);
      write('.adr-dir', '');
      assert.deepEqual(await readAdrToolsDir(root), []);
      write('.adr-dir', '../outside\n');
      assert.deepEqual(await readAdrToolsDir(root), []);
      write('.adr-dir', '/etc\n');
      assert.deepEqual(await readAdrToolsDir(root), []);
      write('.adr-dir', '\u0000\u0001\u0002');
      assert.deepEqual(await readAdrToolsDir(root), []);
    });
  });

  describe('readLog4brainsFolders', () => {
    it('returns the project folder and the packages folders that exist', async () => {
      folder('docs/adr');
      folder('packages/backend/adr');
      write(
        '.log4brains.yml',
        [
          '---',
          'project:',
          '  name: Example',
          '  tz: Europe/Paris',
          '  adrFolder: ./docs/adr',
          '  packages:',
          '    - name: backend',
          '      path: ./packages/backend',
          '      adrFolder: ./packages/backend/adr',
          '    - name: frontend',
          '      path: ./packages/frontend',
          '      adrFolder: ./packages/frontend/adr',
          '    - name: duplicate',
          '      adrFolder: docs/adr/',
        ].join('\n'),
      );
      assert.deepEqual(await readLog4brainsFolders(root), ['docs/adr', 'packages/backend/adr']);
    });

    it('never throws on malformed files', async () => {
      assert.deepEqual(await readLog4brainsFolders(root), []);
      for (const text of ['project: [', 'project: 5', 'project:\n  adrFolder: 7\n  packages: nope\n', '- a\n- b\n', '', 'project:\n  packages:\n    - 1\n    - null\n']) {
        write('.log4brains.yml', text);
        assert.deepEqual(await readLog4brainsFolders(root), [], JSON.stringify(text));
      }
    });
  });

  it('toRelativeFolder keeps folders inside the root only', () => {
    assert.equal(toRelativeFolder('./docs/adr/'), 'docs/adr');
    assert.equal(toRelativeFolder('docs/../adr'), 'adr');
    assert.equal(toRelativeFolder('"docs/adr"'), 'docs/adr');
    assert.equal(toRelativeFolder('docs/../../x'), undefined);
    assert.equal(toRelativeFolder('C:\\adr'), undefined);
    assert.equal(toRelativeFolder('.'), undefined);
  });
});
