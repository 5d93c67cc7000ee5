// The git wrapper (src/node/run-git.ts): only the read-only command lines the adapters
// run get through; options that would make git run another program, read another
// repository or write a file are refused before any process starts; no shell reads the
// arguments; stdout comes back whole, failures reject.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkGitArgs, GitArgumentError, runGit } from '../../../src/node/run-git';

describe('runGit', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'alignment-run-git-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
    git('init', '-q', '--initial-branch=main');
    git('config', 'user.email', 'dana@example.com');
    git('config', 'user.name', 'Dana');
    git('config', 'commit.gpgsign', 'false');
    writeFileSync(path.join(repo, 'é.md'), '# one\n');
    git('add', '-A');
    git('commit', '-qm', 'one');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('runs the adapters’ command lines and returns stdout whole, paths unquoted', async () => {
    assert.equal((await runGit(repo, ['config', '--get', 'user.email'])).trim(), 'dana@example.com');
    const [prefix, shallow, head, ref] = (await runGit(repo, ['rev-parse', '--show-prefix', '--is-shallow-repository', 'HEAD', '--symbolic-full-name', 'HEAD'])).split('\n');
    assert.deepEqual([prefix, shallow, ref], ['', 'false', 'refs/heads/main']);
    assert.match(head, /^[0-9a-f]{40}$/);
    // core.quotepath=off: a non-ASCII path comes back as written.
    assert.match(await runGit(repo, ['log', '-z', '--raw', '--no-abbrev', '--format=%H', 'HEAD', '--']), /\0é\.md\0/);
  });

  it('rejects on a non-zero exit, with git’s message', async () => {
    await assert.rejects(runGit(repo, ['rev-parse', '--verify', '-q', '--end-of-options', 'no-such-ref^{commit}']), /exited with 1/);
    await assert.rejects(runGit(repo, ['config', '--get', 'user.nothing']), /exited with 1/);
  });

  it('refuses other commands and program-running, config-changing or file-writing options before starting git', async () => {
    const refused: string[][] = [
      ['status'],
      ['checkout', 'main'],
      ['-c', 'core.pager=touch x', 'log'],
      ['log', '-c', 'core.fsmonitor=touch x'],
      ['log', '-ccore.pager=x'],
      ['log', '--config-env=core.pager=X'],
      ['log', '--output=/tmp/x'],
      ['log', '--ext-diff'],
      ['log', '--textconv'],
      ['log', '-p'],
      ['log', '--git-dir=/elsewhere/.git'],
      ['log', '-C/elsewhere'],
      ['log', '--exec-path=/tmp'],
      ['log', '--upload-pack=touch x'],
      ['log', 'a\0b'],
      ['config', 'core.pager', 'touch x'],
      ['config', '--global', '--get', 'user.email'],
      ['config', '--get', 'user.email', 'extra'],
      ['config', '--get', '--file=/etc/passwd'],
      [],
    ];
    for (const args of refused) {
      assert.throws(() => checkGitArgs(args), GitArgumentError, JSON.stringify(args));
      await assert.rejects(runGit(repo, args), GitArgumentError, JSON.stringify(args));
    }
  });

  it('leaves what follows `--end-of-options` or `--` to git (a ref or a path as typed)', async () => {
    assert.doesNotThrow(() => checkGitArgs(['rev-parse', '--verify', '-q', '--end-of-options', '--output=x^{commit}']));
    assert.doesNotThrow(() => checkGitArgs(['log', '--format=%H', 'HEAD', '--', '-p', ':(top)docs/adr']));
    // git reads it as a revision, which does not exist: no file is written.
    await assert.rejects(runGit(repo, ['rev-parse', '--verify', '-q', '--end-of-options', '--output=written^{commit}']));
    assert.equal(existsSync(path.join(repo, 'written')), false);
  });

  it('passes every argument to git as one argument, never through a shell', async () => {
    const marker = path.join(repo, 'shell-ran');
    const hostile = `x$(touch ${marker});touch ${marker}|touch ${marker}\`touch ${marker}\``;
    await assert.rejects(runGit(repo, ['rev-parse', '--verify', '-q', '--end-of-options', hostile]));
    await runGit(repo, ['log', '--format=%H', 'HEAD', '--', hostile]);
    assert.equal(existsSync(marker), false);
  });

  it('stops git at the timeout and when aborted', async () => {
    // A timeout shorter than any git start.
    await assert.rejects(runGit(repo, ['log', '--format=%H'], { timeoutMs: 1 }), /timed out/);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(runGit(repo, ['log', '--format=%H'], { signal: controller.signal }), /aborted/);
  });

  it('reports a missing git as ENOENT (the adapters then say git is not there)', async () => {
    const saved = process.env.PATH;
    process.env.PATH = mkdtempSync(path.join(tmpdir(), 'alignment-no-git-'));
    try {
      await assert.rejects(runGit(repo, ['log']), /ENOENT/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('is the only way the extension and the CLI run git commands (no simple-git left)', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.equal(manifest.dependencies['simple-git'], undefined);
  });
});
