#!/usr/bin/env node
// Runs the same extension-host suite as test/host/run.mjs, in desktop VS Code
// downloaded by @vscode/test-electron (for machines that can reach Microsoft's
// update servers; test/host/run.mjs needs no download).
//
// Usage: npm run build && node test/host/run-electron.mjs [--grep <pattern>]
// Environment: HOST_GREP, VSCODE_TEST_VERSION (default 1.100.3, the engine's
// minimum; `stable` for the newest), KEEP_TEST_WORKSPACE=1.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { printHostResults } from './report.mjs';
import { prepareWorkspace, RESULTS_ENV, repoRoot } from './workspace.mjs';

const started = Date.now();
const argv = process.argv.slice(2);
const grepIndex = argv.indexOf('--grep');
const grep = grepIndex >= 0 ? argv[grepIndex + 1] : process.env.HOST_GREP;

const extensionTestsPath = join(repoRoot, 'dist', 'test', 'host', 'index.js');
for (const file of [join(repoRoot, 'dist', 'extension.js'), extensionTestsPath]) {
  if (!existsSync(file)) {
    process.stderr.write(`${file} is missing: run \`npm run build\` first\n`);
    process.exit(1);
  }
}

const ws = prepareWorkspace({ label: 'electron' });
let exitCode = 1;
try {
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
      cachePath: join(repoRoot, '.vscode-test'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      extensionTestsEnv: { [RESULTS_ENV]: ws.resultsFile, HOST_GREP: grep ?? '' },
      launchArgs: [
        ws.workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        ws.userDataDir,
        '--extensions-dir',
        ws.extensionsDir,
      ],
    });
  } catch (error) {
    // runTests rejects when VS Code exits non-zero (failed tests included);
    // the results file, when present, says why.
    if (!existsSync(ws.resultsFile)) throw error;
  }
  if (!existsSync(ws.resultsFile)) throw new Error('the extension host did not report results');
  exitCode = printHostResults(JSON.parse(readFileSync(ws.resultsFile, 'utf8')), {
    hostLabel: 'desktop, @vscode/test-electron',
    totalMs: Date.now() - started,
  });
} catch (error) {
  process.stderr.write(`host tests (electron): ${error instanceof Error ? error.message : String(error)}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  exitCode = 1;
} finally {
  ws.cleanup();
}
process.exit(exitCode);
