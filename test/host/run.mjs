#!/usr/bin/env node
// Runs the extension-host test suite (dist/test/host/index.js, built from
// test/host/suite/) inside a real VS Code: code-server serves VS Code 1.100
// with a Node extension host, and headless system Chromium opens the
// workbench with this repository as the extension under development.
// Four runs, one after the other, each in its own code-server: a trusted
// workspace (every *.test.ts but the *.untrusted, *.multiroot and *.hostile ones);
// workspace trust on with the folder left untrusted (only *.untrusted.test.ts); a
// multi-root workspace, a .code-workspace file naming a copy of test/fixtures/service
// and one of test/fixtures/second-service (only *.multiroot.test.ts); a copy of
// test/fixtures/hostile (only *.hostile.test.ts). The closing line sums all four.
//
// With HOST_BENCH_TREE=<folder>, one run only: that folder opened in place, trusted,
// running *.bench.test.ts (the editor's first findings vs rg, event-loop delay); its
// figures go to HOST_BENCH_OUT (JSON) and are printed (`npm run bench -- --tree DIR --editor`).
//
// Usage: npm run build && node test/host/run.mjs [--grep <pattern>] [--run <names>]
// `--run trusted,hostile` (or HOST_RUNS) starts only the named runs: trusted, untrusted,
// multiroot, hostile.
// Environment: HOST_GREP (same as --grep), HOST_TIMEOUT_MS (default 300000),
// CHROMIUM_PATH, RG_PATH, KEEP_TEST_WORKSPACE=1 (keep the temp folder).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureCodeServer } from '../../scripts/code-server.mjs';
import { printHostResults } from './report.mjs';
import { cleanup, launchBrowser, onCleanup, startCodeServer, tail, testResultsDir } from './server.mjs';
import { existingWorkspace, hostileFixture, prepareMultiRootWorkspace, prepareWorkspace, RESULTS_ENV, repoRoot } from './workspace.mjs';

const started = Date.now();
const argv = process.argv.slice(2);
const grepIndex = argv.indexOf('--grep');
const grep = grepIndex >= 0 ? argv[grepIndex + 1] : process.env.HOST_GREP;
const runIndex = argv.indexOf('--run');
const onlyRuns = (runIndex >= 0 ? argv[runIndex + 1] : process.env.HOST_RUNS)?.split(',').map((r) => r.trim()).filter(Boolean);
const timeoutMs = Number(process.env.HOST_TIMEOUT_MS ?? 300_000);

const extensionMain = join(repoRoot, 'dist', 'extension.js');
const suiteIndex = join(repoRoot, 'dist', 'test', 'host', 'index.js');

function print(line = '') {
  process.stdout.write(`${line}\n`);
}

async function waitForResults({ resultsFile, server, logFile }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(resultsFile)) {
      return JSON.parse(readFileSync(resultsFile, 'utf8'));
    }
    const exited = server.exited();
    if (exited !== null) {
      throw new Error(`code-server exited before the suite reported (${JSON.stringify(exited)}):\n${tail(logFile)}`);
    }
    await delay(250);
  }
  throw new Error(`the extension host did not report results within ${timeoutMs} ms; code-server log ${logFile}:\n${tail(logFile)}`);
}

/**
 * One run of the suite in its own code-server, workspace copy and browser.
 * `suite`: '' (the trusted single-folder run), 'untrusted' (workspace trust on and the
 * folder untrusted, only `*.untrusted.test.ts`) or 'multiroot' (a `.code-workspace`
 * with two folders, only `*.multiroot.test.ts`) or 'hostile' (a copy of the hostile
 * fixture, only `*.hostile.test.ts`); the suite selects its files by it.
 */
async function runSuite({ label, suite }) {
  const name = suite ? `host-${suite}` : 'host';
  const ws =
    suite === 'bench'
      ? existingWorkspace({ folder: process.env.HOST_BENCH_TREE, label: name })
      : suite === 'multiroot'
        ? prepareMultiRootWorkspace({ label: name })
        : prepareWorkspace({ label: name, ...(suite === 'hostile' ? { fixture: hostileFixture } : {}) });
  onCleanup(() => ws.cleanup());
  const logFile = join(testResultsDir, `${name}-code-server.log`);
  const browserLog = join(testResultsDir, `${name}-browser.log`);

  const server = await startCodeServer({
    workspace: ws.workspace,
    userDataDir: ws.userDataDir,
    extensionsDir: ws.extensionsDir,
    logFile,
    workspaceTrust: suite === 'untrusted',
    env: { [RESULTS_ENV]: ws.resultsFile, HOST_GREP: grep ?? '', HOST_SUITE: suite, HOST_BENCH_OUT: process.env.HOST_BENCH_OUT ?? '' },
  });

  const remote = (absolutePath) => `vscode-remote://${server.authority}${absolutePath}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(suiteIndex)],
  ];
  // A folder opens with ?folder=, a .code-workspace file with ?workspace=.
  const open = suite === 'multiroot' ? 'workspace' : 'folder';
  const url = `${server.base}/?${open}=${encodeURIComponent(ws.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const { page } = await launchBrowser({ profileDir: ws.browserProfileDir });
  const browserLines = [];
  page.on('console', (message) => browserLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => browserLines.push(`[pageerror] ${error.message}`));
  onCleanup(() => writeFileSync(browserLog, browserLines.join('\n') + '\n'));
  await page.goto(url);

  try {
    return await waitForResults({ resultsFile: ws.resultsFile, server, logFile });
  } catch (error) {
    process.stderr.write(`host tests (${label}): ${error instanceof Error ? error.message : String(error)}\n`);
    return { vscodeVersion: 'unknown', appName: 'code-server', grep, passed: 0, failed: 1, passes: [], failures: [], skipped: [], durationMs: 0 };
  } finally {
    await cleanup(); // stop this run's code-server and browser before the next run
  }
}

async function main() {
  for (const file of [extensionMain, suiteIndex]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  ensureCodeServer();
  mkdirSync(testResultsDir, { recursive: true });

  const runs = process.env.HOST_BENCH_TREE
    ? [{ label: `editor benchmark on ${process.env.HOST_BENCH_TREE}`, suite: 'bench' }]
    : [
        { label: 'trusted workspace', suite: '' },
        { label: 'untrusted workspace', suite: 'untrusted' },
        { label: 'multi-root workspace', suite: 'multiroot' },
        { label: 'hostile workspace', suite: 'hostile' },
      ].filter((run) => !onlyRuns || onlyRuns.includes(run.suite || 'trusted'));
  if (runs.length === 0) throw new Error(`--run ${onlyRuns?.join(',')}: no such run (trusted, untrusted, multiroot, hostile)`);
  let passed = 0;
  let failed = 0;
  for (const run of runs) {
    const results = await runSuite(run);
    printHostResults(results, { runLabel: run.label });
    passed += results.passed;
    failed += results.failed;
    if (!grep && results.passed + results.failed === 0) {
      // Every run has test files; one that ran none did not pick them up.
      process.stderr.write(`host tests (${run.label}): no test ran\n`);
      failed += 1;
    }
  }
  print(`host suites: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  print(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  process.stderr.write(`host tests: ${error instanceof Error ? error.message : String(error)}\n`);
  print('0 passed, 1 failed');
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
