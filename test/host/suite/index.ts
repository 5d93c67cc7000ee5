// Entry point of the extension-host test suite (bundled to dist/test/host/index.js).
// VS Code calls `run()` inside the extension host, with the full `vscode` API.
// The host does not turn the outcome into an exit code, so the suite writes a
// results file that the runner (test/host/run.mjs) reads:
//   $ALIGNMENT_HOST_RESULTS, or host-test-results.json next to the workspace folder.
// `HOST_GREP` filters the tests like mocha's --grep.
//
// Every `*.test.ts` in this folder is part of the suite: the file names are read
// from the source folder and the bundled modules loaded through esbuild's glob
// require, after mocha has installed its globals (describe/it).

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type Mocha from 'mocha';

interface TestOutcome {
  title: string;
  fullTitle: string;
  file?: string;
  durationMs?: number;
  error?: string;
  stack?: string;
}

export interface HostResults {
  vscodeVersion: string;
  appName: string;
  /** activate() of the extension under test, in ms, when it ran in this host. */
  activationMs?: number;
  grep: string | null;
  passed: number;
  failed: number;
  pending: number;
  passes: TestOutcome[];
  failures: TestOutcome[];
  skipped: TestOutcome[];
  durationMs: number;
}

// dist/test/host/index.js -> repository root
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const suiteSourceDir = path.join(repoRoot, 'test', 'host', 'suite');

function resultsPath(): string {
  const fromEnv = process.env.ALIGNMENT_HOST_RESULTS;
  if (fromEnv) return fromEnv;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no ALIGNMENT_HOST_RESULTS and no workspace folder to write results next to');
  return path.join(path.dirname(folder.uri.fsPath), 'host-test-results.json');
}

function writeResults(results: HostResults): void {
  const file = resultsPath();
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(temp, file);
}

function loadMocha(): typeof Mocha {
  // mocha stays external to the bundle: take the repository's copy.
  return require(path.join(repoRoot, 'node_modules', 'mocha')) as typeof Mocha;
}

/**
 * `HOST_SUITE` picks the files of a run: `untrusted` runs only `*.untrusted.test.ts`
 * (in a workspace that is not trusted), `multiroot` only `*.multiroot.test.ts` (in a
 * workspace of two folders), `hostile` only `*.hostile.test.ts` (in a copy of
 * test/fixtures/hostile), `bench` only `*.bench.test.ts` (a large tree named by
 * HOST_BENCH_TREE, measured, not copied); otherwise every other `*.test.ts`.
 */
function testFiles(): string[] {
  const suite = process.env.HOST_SUITE ?? '';
  const suiteOf = (name: string) => /\.(untrusted|multiroot|hostile|bench)\.test\.ts$/.exec(name)?.[1] ?? '';
  return fs
    .readdirSync(suiteSourceDir)
    .filter((name) => name.endsWith('.test.ts') && suiteOf(name) === suite)
    .sort()
    .map((name) => name.slice(0, -'.ts'.length));
}

function loadBundledTest(name: string): void {
  // esbuild turns this template into a map of every ./*.test.ts module in the bundle.
  require(`./${name}.ts`);
}

function outcome(test: Mocha.Runnable, error?: Error): TestOutcome {
  const result: TestOutcome = { title: test.title, fullTitle: test.fullTitle() };
  if (test.file) result.file = test.file;
  if (typeof test.duration === 'number') result.durationMs = test.duration;
  if (error) {
    result.error = error.message ?? String(error);
    if (error.stack) result.stack = error.stack;
  }
  return result;
}

function activationMs(): number | undefined {
  const api = vscode.extensions.getExtension('execution-alignment.execution-alignment')?.exports as { activationMs?: number } | undefined;
  return typeof api?.activationMs === 'number' ? api.activationMs : undefined;
}

export async function run(): Promise<void> {
  const started = Date.now();
  const grep = process.env.HOST_GREP || null;
  const results: HostResults = {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    grep,
    passed: 0,
    failed: 0,
    pending: 0,
    passes: [],
    failures: [],
    skipped: [],
    durationMs: 0,
  };
  console.log(`[host-tests] VS Code ${vscode.version} (${vscode.env.appName})${grep ? `, grep ${grep}` : ''}`);

  try {
    const MochaClass = loadMocha();
    const mocha = new MochaClass({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    if (grep) mocha.grep(grep);
    for (const name of testFiles()) {
      const file = path.join(suiteSourceDir, `${name}.ts`);
      mocha.suite.emit('pre-require', globalThis, file, mocha);
      loadBundledTest(name);
      mocha.suite.emit('require', undefined, file, mocha);
      mocha.suite.emit('post-require', globalThis, file, mocha);
    }

    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => {
        results.passes.push(outcome(test));
        console.log(`[host-tests] pass ${test.fullTitle()}`);
      });
      runner.on('fail', (test, error: Error) => {
        results.failures.push(outcome(test, error));
        console.log(`[host-tests] FAIL ${test.fullTitle()}: ${error?.message}`);
      });
      runner.on('pending', (test) => {
        results.skipped.push(outcome(test));
      });
    });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    results.failures.push({ title: 'host suite setup', fullTitle: 'host suite setup', error: err.message, stack: err.stack ?? '' });
  }

  results.passed = results.passes.length;
  results.failed = results.failures.length;
  results.pending = results.skipped.length;
  results.durationMs = Date.now() - started;
  results.activationMs = activationMs();
  writeResults(results);
  console.log(`[host-tests] ${results.passed} passed, ${results.failed} failed`);
  if (results.failed > 0) {
    // @vscode/test-electron turns a rejected run() into a non-zero exit code.
    throw new Error(`${results.failed} host test(s) failed`);
  }
}
