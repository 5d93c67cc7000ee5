// changedBetween: the files that differ between two commits, as a checkout changes them,
// relative to the folder asked about and limited to it (a workspace folder may be a part
// of the repository). Renames count on both sides: the old path is gone, the new one new.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { changedBetween } from '../../../src/node/git';
import { gitAs } from '../../shared/git-as';

describe('changedBetween', () => {
  let repo: string;
  let first: string;
  let second: string;
  before(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'alignment-changed-'));
    const git = (...args: string[]) => gitAs(repo, args).trim();
    /** Writes the files, then commits them all; returns the commit. */
    const commit = (message: string, files: Record<string, string>) => {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
        writeFileSync(path.join(repo, file), text);
      }
      git('add', '-A');
      git('commit', '-qm', message);
      return git('rev-parse', 'HEAD');
    };
    git('init', '-q', '--initial-branch=main');
    first = commit('one', {
      'app/src/keep.ts': 'export const keep = 1;\n',
      'app/src/old-name.ts': 'export const moved = "a file long enough to be seen as renamed";\n',
      'app/src/edit.ts': 'export const a = 1;\n',
      'other/x.ts': 'export const x = 1;\n',
    });
    git('mv', 'app/src/old-name.ts', 'app/src/new-name.ts');
    second = commit('two', {
      'app/src/edit.ts': 'export const a = 2; // ADR-0001\n',
      'app/src/new ünïcode.ts': 'export const u = 1;\n',
      'other/x.ts': 'export const x = 2;\n',
    });
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('names every file that differs, renames on both sides, paths as written', async () => {
    assert.deepEqual((await changedBetween(repo, first, second)).sort(), ['app/src/edit.ts', 'app/src/new ünïcode.ts', 'app/src/new-name.ts', 'app/src/old-name.ts', 'other/x.ts']);
  });

  it('in a subfolder: only what lies under it, relative to it', async () => {
    assert.deepEqual((await changedBetween(path.join(repo, 'app'), second, first)).sort(), ['src/edit.ts', 'src/new ünïcode.ts', 'src/new-name.ts', 'src/old-name.ts']);
  });

  it('takes commits by their full hash only', async () => {
    await assert.rejects(changedBetween(repo, 'HEAD~1', second), /full hash/);
    await assert.rejects(changedBetween(repo, first, '--output=/tmp/x'), /full hash/);
  });
});
