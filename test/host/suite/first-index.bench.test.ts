// Runs only in the editor benchmark (HOST_BENCH_TREE, see test/host/run.mjs): a large
// tree opened in place. Measures, in this extension host: activation to the first
// findings published; then rounds alternating VS Code's own rg over the tree (same
// pattern and ignore rules) with a full re-index (`alignment.refresh` until the findings
// are published), and the event-loop delay (perf_hooks.monitorEventLoopDelay, p99)
// during each re-index. The figures go to HOST_BENCH_OUT as JSON.
//
// With HOST_BENCH_SWITCH=<n> (the tree is then a clone prepared by the bench, with a
// branch `bench-switch` whose commit adds an unknown reference to n code files): rounds
// of `git checkout` to that branch and back, each timed from the checkout's end to the
// findings of those n files published, with the time the extension spent on the file
// events, against VS Code's rg over the same n files. Each switch must be applied file
// by file (no full rebuild) and change exactly n findings.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { DEFAULT_DECISION_FOLDERS } from '../../../src/core/layout';
import { compareText } from '../../../src/core/compare-text';
import { referencePrefilter } from '../../../src/core/references';
import type { FolderIndex } from '../../../src/extension/folder-index';
import { ripgrepIgnoreArgs, vscodeRipgrep } from '../../../src/node/ripgrep';
import { getApi } from './helpers';

const ROUNDS = Number(process.env.HOST_BENCH_ROUNDS ?? 3);

/**
 * VS Code's rg over the tree, its output written to a temporary file as the extension's
 * scan writes its own: with stdout on /dev/null (stdio 'ignore') rg stops searching each
 * file at its first match, less work than any reader of its output gets.
 */
function timeRipgrep(rg: string, cwd: string, pattern: string, paths: readonly string[] = ['.']): Promise<number> {
  const dir = mkdtempSync(nodePath.join(tmpdir(), 'alignment-bench-rg-'));
  const out = openSync(nodePath.join(dir, 'out'), 'wx', 0o600);
  return new Promise<number>((resolve, reject) => {
    const start = performance.now();
    const child = spawn(rg, ['-n', '-i', ...ripgrepIgnoreArgs([]), '-e', pattern, '--', ...paths], { cwd, stdio: ['ignore', out, 'ignore'] });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - start));
  }).finally(() => {
    closeSync(out);
    rmSync(dir, { recursive: true, force: true });
  });
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`git ${args.join(' ')}: ${code} ${err}`))));
  });
}

/**
 * Resolves with the time the Problems count reaches `expected`, counted at each change of
 * the diagnostics (not by polling: getDiagnostics over 100k files would take the
 * extension host's thread from the work being measured).
 */
function findingsReach(expected: number, what: string, explain: () => string = () => ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (alignmentFindings() !== expected) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(performance.now());
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${what}: ${alignmentFindings()} findings, not ${expected}${explain()}`));
    }, 120_000);
    check();
  });
}

function alignmentFindings(): number {
  return vscode.languages.getDiagnostics().reduce((n, [, list]) => n + list.filter((d) => d.source === 'alignment').length, 0);
}

/**
 * Types into an open editor (one character every 30 ms, unsaved) until `work` settles;
 * returns how long each edit took to be applied by the window (the extension host's
 * event loop and the round trip to the workbench): what a keystroke waits for.
 */
async function typeDuring(document: vscode.TextDocument, work: Promise<unknown>): Promise<{ edits: number; p50Ms: number; p99Ms: number; maxMs: number }> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  let done = false;
  void work.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const start = performance.now();
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'), { undoStopBefore: false, undoStopAfter: false });
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { edits: latencies.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] ?? 0 };
}

const SWITCH_FILES = Number(process.env.HOST_BENCH_SWITCH ?? 0);
const SWITCH_BRANCH = 'bench-switch';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('editor benchmark on a large tree', function () {
  this.timeout(900_000);

  it('publishes findings, and measures them against rg', async () => {
    const api = await getApi();
    await api.whenIdle();
    const folder = api.service.all()[0];
    const root = folder.folder.uri.fsPath;
    const rg = vscodeRipgrep(vscode.env.appRoot);
    assert.ok(rg, `VS Code's rg under ${vscode.env.appRoot}`);
    assert.equal(folder.scanner, "VS Code's rg");
    const firstFindingsMs = folder.firstFindingsMs!;
    const firstBuild = folder.firstBuild;
    const pattern = referencePrefilter({ decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: DEFAULT_DECISION_FOLDERS }).regex;
    const rounds: Array<{ rgMs: number; editorMs: number; ratio: number; loopP99Ms: number; loopMaxMs: number; steps?: unknown }> = [];
    await timeRipgrep(rg, root, pattern); // warm the file cache
    for (let r = 0; r < ROUNDS; r++) {
      const rgMs = await timeRipgrep(rg, root, pattern);
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const start = performance.now();
      const reindex = async () => {
        await vscode.commands.executeCommand('alignment.refresh');
        await api.whenIdle();
      };
      // HOST_BENCH_PROFILE=1: the first re-index is profiled.
      await (r === 0 ? profiled('reindex', reindex) : reindex());
      const editorMs = performance.now() - start;
      delay.disable();
      rounds.push({ rgMs, editorMs, ratio: editorMs / rgMs, loopP99Ms: delay.percentile(99) / 1e6, loopMaxMs: delay.max / 1e6, steps: folder.lastBuildSteps });
    }
    const findings = alignmentFindings();
    const summary: Record<string, unknown> = {
      files: folder.allFiles.size,
      findings,
      firstFindingsMs,
      firstBuild,
      rounds,
      medianRatio: median(rounds.map((r) => r.ratio)),
      medianLoopP99Ms: median(rounds.map((r) => r.loopP99Ms)),
    };
    // Typing in an open file while the whole tree is indexed again, and while idle.
    // The first file with references by path, so that runs type into the same file (the index's order varies with re-indexes and file events).
    const typed = folder.index?.referencePaths().sort(compareText)[0] ?? [...folder.allFiles].find((p) => folder.roleOf(p) === 'code') ?? folder.index?.decisions[0]?.path;
    if (typed) {
      const document = await vscode.workspace.openTextDocument(folder.uriOf(typed));
      const idle = await profiled('typing-idle', () => typeDuring(document, new Promise((resolve) => setTimeout(resolve, 3000))));
      const during = await typeDuring(document, (async () => {
        await vscode.commands.executeCommand('alignment.refresh');
        await api.whenIdle();
      })());
      summary.typing = { file: typed, idle, duringReindex: during };
    }
    if (SWITCH_FILES > 0) summary.switch = await benchSwitch(api, folder, rg, root, pattern);
    if (process.env.HOST_BENCH_OUT) writeFileSync(process.env.HOST_BENCH_OUT, JSON.stringify(summary, null, 2) + '\n');
    assert.ok(findings > 0, 'the findings of the tree are in the Problems panel');
  });
});

/** HOST_BENCH_PROFILE=1: a CPU profile of `work`, next to HOST_BENCH_OUT as `editor.json.<name>.cpuprofile`. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!process.env.HOST_BENCH_PROFILE || !process.env.HOST_BENCH_OUT) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${process.env.HOST_BENCH_OUT}.${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

type Api = Awaited<ReturnType<typeof getApi>>;
/** Where a switch's code files were read: the reference worker, or the extension host's thread. */
type SwitchReader = 'worker' | 'host thread';

/** Rounds of checkouts to the bench branch and back (see the head of this file). */
async function benchSwitch(api: Api, folder: FolderIndex, rg: string, root: string, pattern: string) {
  const base = (await git(root, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
  assert.notEqual(base, SWITCH_BRANCH, 'the bench tree starts on its base branch');
  const touched = (await git(root, ['diff', '--name-only', base, SWITCH_BRANCH])).split('\n').filter(Boolean);
  assert.equal(touched.length, SWITCH_FILES, `the bench branch touches ${SWITCH_FILES} files`);
  const before = alignmentFindings();
  const rounds: Array<{ to: string; reader: SwitchReader; checkoutMs: number; publishedMs: number; extensionMs: number; threadMs: number; eventMs: number; setMs: number; unseen: number; batches: number; rgMs: number; loopP99Ms: number; loopMaxMs: number }> = [];
  const offThreadMin = folder.offThreadMinFiles;
  for (let r = 0; r < ROUNDS; r++) {
    // Each round reads the code files both ways: in the reference worker, then on the host's thread.
    for (const [to, expected, reader] of [[SWITCH_BRANCH, before + SWITCH_FILES, 'worker'], [base, before, 'worker'], [SWITCH_BRANCH, before + SWITCH_FILES, 'host thread'], [base, before, 'host thread']] as const) {
      folder.offThreadMinFiles = reader === 'worker' ? offThreadMin : Infinity;
      await api.whenIdle();
      const rgMs = await timeRipgrep(rg, root, pattern, touched);
      const builds = folder.builds;
      const stats = { ...api.service.batchStats };
      const sets = { ...api.diagnostics.setStats };
      const switchOnce = async () => {
        const delay = monitorEventLoopDelay({ resolution: 10 });
        delay.enable();
        const start = performance.now();
        await git(root, ['checkout', '-q', to]);
        const checkedOut = performance.now();
        // The watcher delivers the events; the findings of the n files are then published.
        const published = await findingsReach(expected, `after checking out ${to}`, () => {
          // Which touched files disagree with the branch, and what the index and the disk say of them.
          const wrong = touched.filter((p) => (vscode.languages.getDiagnostics(folder.uriOf(p)).some((d) => d.source === 'alignment')) !== (to === SWITCH_BRANCH));
          return `; ${wrong.length} touched files disagree, e.g. ${wrong
            .slice(0, 3)
            .map((p) => `${p} (indexed: ${folder.allFiles.has(p)}, references: ${folder.index?.referencesIn(p).length ?? '?'}, on disk: ${existsSync(nodePath.join(root, p))})`)
            .join(', ')}`;
        });
        await api.whenIdle();
        // HEAD moved: git facts are read again after a quiet time; that work counts too.
        await new Promise((resolve) => setTimeout(resolve, 400));
        await folder.whenGitReady();
        // The files git changed that no event brought in are queued then (none when the watcher kept up).
        await api.whenIdle();
        delay.disable();
        return { delay, start, checkedOut, published };
      };
      // HOST_BENCH_PROFILE=1: the first round's switches are profiled.
      const { delay, start, checkedOut, published } = r === 0 ? await profiled(`${to}.${reader.replace(' ', '-')}`, switchOnce) : await switchOnce();
      assert.equal(folder.builds, builds, `checking out ${to} is applied file by file, without a full rebuild`);
      rounds.push({
        to,
        reader,
        checkoutMs: checkedOut - start,
        publishedMs: published - checkedOut,
        // Busy: taking the events in, then applying the batches (checks, reads, findings).
        extensionMs: api.service.batchStats.ms - stats.ms + (api.service.batchStats.eventMs - stats.eventMs),
        // This thread's time: the events taken in, then the batches' work, their waits not counted.
        threadMs: api.service.batchStats.threadMs - stats.threadMs + (api.service.batchStats.eventMs - stats.eventMs),
        eventMs: api.service.batchStats.eventMs - stats.eventMs,
        // Of the thread's time, VS Code's DiagnosticCollection.set (the findings handed to the window).
        setMs: api.diagnostics.setStats.ms - sets.ms,
        unseen: api.service.batchStats.unseen - stats.unseen,
        batches: api.service.batchStats.batches - stats.batches,
        rgMs,
        loopP99Ms: delay.percentile(99) / 1e6,
        loopMaxMs: delay.max / 1e6,
      });
    }
  }
  folder.offThreadMinFiles = offThreadMin;
  const by = (reader: SwitchReader) => {
    const mine = rounds.filter((r) => r.reader === reader);
    return { medianExtensionMs: median(mine.map((r) => r.extensionMs)), medianThreadMs: median(mine.map((r) => r.threadMs)), medianOwnThreadMs: median(mine.map((r) => r.threadMs - r.setMs)), medianSetMs: median(mine.map((r) => r.setMs)), medianPublishedMs: median(mine.map((r) => r.publishedMs)), medianLoopP99Ms: median(mine.map((r) => r.loopP99Ms)) };
  };
  return { files: touched.length, rounds, medianRgMs: median(rounds.map((r) => r.rgMs)), worker: by('worker'), hostThread: by('host thread') };
}
