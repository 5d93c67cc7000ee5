// A branch switch in a trusted workspace: `git checkout` of a branch that changes 60
// code files (new citations of an unknown record in existing files, and new files in
// existing folders) is applied file by file, without a full rebuild, and checking the
// first branch out again takes those findings away, again without a rebuild. A branch
// with more code files than OFF_THREAD_MIN_FILES has them read by the reference worker.

import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { AlignmentApi } from '../../../src/extension/extension';
import { OFF_THREAD_MIN_FILES } from '../../../src/extension/folder-index';
import { gitAs } from '../../shared/git-as';
import { codesOf, eventually, folderUri, getApi } from './helpers';

const git = gitAs;
const BRANCH = 'switch-test';
const FOLDERS = ['web/src', 'internal/store', 'cmd/api'];

describe('branch switch (trusted workspace)', function () {
  this.timeout(90_000);
  let api: AlignmentApi;
  let root: string;
  let base: string;
  let changed: string[];

  before(async () => {
    api = await getApi();
    root = folderUri().fsPath;
    base = git(root, ['rev-parse', '--abbrev-ref', 'HEAD']).trim();
    // The branch: 30 new files in existing folders, and the existing code files cite ADR-0777.
    git(root, ['checkout', '-q', '-b', BRANCH]);
    changed = [];
    for (let i = 0; i < 30; i++) {
      const file = `${FOLDERS[i % FOLDERS.length]}/switched-${i}.ts`;
      writeFileSync(path.join(root, file), `// Follows ADR-0777 (no such record).\nexport const n${i} = ${i};\n`);
      changed.push(file);
    }
    for (const file of ['web/src/flags.ts', 'internal/store/orders.go', 'cmd/api/main.go']) {
      writeFileSync(path.join(root, file), readFileSync(path.join(root, file), 'utf8') + '\n// ADR-0777 applies here too.\n');
      changed.push(file);
    }
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '--no-verify', '-m', 'switch test']);
    git(root, ['checkout', '-q', base]);
    // Let the watcher deliver what these steps wrote before the test counts anything.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await api.whenIdle();
    for (const file of changed) assert.ok(!codesOf(file).includes('ref.unknown'), `${file} is back to the base branch`);
  });

  after(async () => {
    git(root, ['checkout', '-q', base]);
    git(root, ['branch', '-q', '-D', BRANCH]);
    await api.whenIdle();
  });

  it('applies the checkout of a branch file by file and publishes its findings, then takes them away on the way back', async () => {
    const folder = api.service.all()[0];
    const builds = folder.builds;
    const batches = api.service.batchStats.batches;

    git(root, ['checkout', '-q', BRANCH]);
    await eventually(async () => {
      await api.whenIdle();
      for (const file of changed) assert.ok(codesOf(file).includes('ref.unknown'), `${file} cites the unknown ADR-0777`);
    }, 30_000);
    assert.equal(folder.builds, builds, 'no full rebuild: the events were applied file by file');
    assert.ok(api.service.batchStats.batches > batches, 'through file-event batches');
    assert.ok(changed.every((file) => folder.allFiles.has(file)));

    git(root, ['checkout', '-q', base]);
    await eventually(async () => {
      await api.whenIdle();
      for (const file of changed) assert.ok(!codesOf(file).includes('ref.unknown'), `${file} no longer cites ADR-0777`);
    }, 30_000);
    assert.equal(folder.builds, builds, 'no full rebuild on the way back either');
    assert.ok(changed.filter((file) => file.includes('switched-')).every((file) => !folder.allFiles.has(file)), 'the branch’s new files are gone from the index');
  });

  it('has a larger branch’s paths stat’ed and code files read by the reference worker, with the same findings', async () => {
    const folder = api.service.all()[0];
    const count = OFF_THREAD_MIN_FILES + 20;
    const wide = `${BRANCH}-wide`;
    git(root, ['checkout', '-q', '-b', wide]);
    const files: string[] = [];
    for (let i = 0; i < count; i++) {
      const file = `${FOLDERS[i % FOLDERS.length]}/wide-${i}.ts`;
      // Every fifth file cites nothing: the worker must leave those out.
      writeFileSync(path.join(root, file), i % 5 === 0 ? `export const w${i} = ${i};\n` : `export const w${i} = ${i}; // ADR-0777 again\n`);
      files.push(file);
    }
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '--no-verify', '-m', 'wide switch test']);
    git(root, ['checkout', '-q', base]);
    await eventually(async () => {
      await api.whenIdle();
      assert.ok(files.every((file) => !folder.allFiles.has(file)), 'the wide branch’s files are gone');
    }, 30_000);
    const builds = folder.builds;
    const read = folder.offThreadReads;
    const stated = folder.offThreadStats;
    const started = api.service.referenceThread.started;
    try {
      git(root, ['checkout', '-q', wide]);
      await eventually(async () => {
        await api.whenIdle();
        files.forEach((file, i) => assert.equal(codesOf(file).includes('ref.unknown'), i % 5 !== 0, `${file}: ${i % 5 === 0 ? 'cites nothing' : 'cites ADR-0777'}`));
      }, 30_000);
      assert.equal(folder.builds, builds, 'no full rebuild');
      assert.ok(folder.offThreadReads - read >= count, `the worker read the ${count} files (${folder.offThreadReads - read} read)`);
      assert.ok(folder.offThreadStats - stated >= count, `the worker stat'ed the ${count} paths (${folder.offThreadStats - stated} stat'ed)`);
      assert.ok(api.service.referenceThread.started > started || api.service.referenceThread.running, 'a worker thread ran');
      assert.ok(files.every((file) => folder.allFiles.has(file)));
    } finally {
      git(root, ['checkout', '-q', base]);
      git(root, ['branch', '-q', '-D', wide]);
    }
    await eventually(async () => {
      await api.whenIdle();
      for (const file of files) assert.ok(!codesOf(file).includes('ref.unknown'), `${file} is gone with its branch`);
    }, 30_000);
  });

  // A watcher can drop events (inotify's queue overflows on a large checkout under load). A
  // folder left out of watching (files.watcherExclude) changes with no events at all: what
  // the checkout changed there comes in through git's list of changed files.
  it('takes in the files a checkout changed that no file event reported, and drops them on the way back', async () => {
    const folder = api.service.all()[0];
    const files = vscode.workspace.getConfiguration('files');
    const excluded = files.inspect<Record<string, boolean>>('watcherExclude')?.globalValue;
    await files.update('watcherExclude', { ...excluded, '**/unwatched/**': true }, vscode.ConfigurationTarget.Global);
    const quiet = 'unwatched/quiet.ts';
    const quietBranch = `${BRANCH}-quiet`;
    try {
      // The watcher takes the setting up on its restart: give it time, then check that it holds.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      git(root, ['checkout', '-q', '-b', quietBranch]);
      mkdirSync(path.join(root, 'unwatched'), { recursive: true });
      writeFileSync(path.join(root, quiet), '// Follows ADR-0778 (no such record).\nexport const quiet = 1;\n');
      git(root, ['add', '-A']);
      git(root, ['commit', '-q', '--no-verify', '-m', 'quiet switch test']);
      git(root, ['checkout', '-q', base]);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await api.service.whenGitReady();
      await api.whenIdle();
      assert.ok(!folder.allFiles.has(quiet), 'back on the base branch, the file is not there');
      const unseen = api.service.batchStats.unseen;
      const builds = folder.builds;

      git(root, ['checkout', '-q', quietBranch]);
      await eventually(async () => {
        await api.service.whenGitReady();
        await api.whenIdle();
        assert.ok(codesOf(quiet).includes('ref.unknown'), `${quiet} cites the unknown ADR-0778`);
      }, 30_000);
      assert.ok(api.service.batchStats.unseen > unseen, 'it came in as a change no event reported');
      assert.equal(folder.builds, builds, 'without a full rebuild');

      git(root, ['checkout', '-q', base]);
      await eventually(async () => {
        await api.service.whenGitReady();
        await api.whenIdle();
        assert.ok(!folder.allFiles.has(quiet) && !codesOf(quiet).includes('ref.unknown'), `${quiet} is gone with its branch`);
      }, 30_000);
    } finally {
      git(root, ['checkout', '-q', base]);
      git(root, ['branch', '-q', '-D', quietBranch]);
      await files.update('watcherExclude', excluded, vscode.ConfigurationTarget.Global);
    }
  });
});
