#!/usr/bin/env node
// UI tests: the packaged .vsix installed into code-server (what users install),
// the fixture workspace opened in headless system Chromium, and mocha (in
// Node) running test/ui/*.ui.mjs against the page. Every test gets a fresh
// page on the workbench; a screenshot of each goes to test-results/.
//
// Usage: node test/ui/run.mjs [--grep <pattern>] [--reuse-vsix]
//   --reuse-vsix       use execution-alignment-<version>.vsix if it exists
//                      (otherwise `npm run package` builds it first)
// Environment: UI_VSIX=<file.vsix> (use that package), UI_GREP, CHROMIUM_PATH,
// RG_PATH, KEEP_TEST_WORKSPACE=1.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundledVsCodeVersion, ensureCodeServer } from '../../scripts/code-server.mjs';
import { cleanup, installExtension, launchBrowser, onCleanup, packageVsix, startCodeServer, testResultsDir } from '../host/server.mjs';
import { prepareWorkspace, repoRoot } from '../host/workspace.mjs';

const started = Date.now();
const argv = process.argv.slice(2);
const grepIndex = argv.indexOf('--grep');
const grep = grepIndex >= 0 ? argv[grepIndex + 1] : process.env.UI_GREP;
const uiDir = join(repoRoot, 'test', 'ui');

function print(line = '') {
  process.stdout.write(`${line}\n`);
}

function vsixUnderTest() {
  if (process.env.UI_VSIX) {
    const vsix = resolve(process.env.UI_VSIX);
    if (!existsSync(vsix)) throw new Error(`UI_VSIX=${vsix} does not exist`);
    return vsix;
  }
  return packageVsix({ reuse: argv.includes('--reuse-vsix'), say: print });
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
}

/**
 * After a failure: code-server's logs (one extension host log per window) go to
 * test-results/ui-logs/, since the user data folder is removed with the run, and the
 * extension's own errors and warnings are printed (its console reaches the page's).
 */
function keepLogs(userDataDir, browserLines) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return;
  const kept = join(testResultsDir, 'ui-logs');
  rmSync(kept, { recursive: true, force: true });
  cpSync(logs, kept, { recursive: true });
  const mine = (line) => /\[(error|warning)\]/.test(line) && /alignment/i.test(line);
  const lines = browserLines.filter((line) => /\[Extension Host\]/.test(line) && mine(line));
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name === 'remoteexthost.log') lines.push(...readFileSync(path, 'utf8').split('\n').filter(mine));
    }
  };
  visit(logs);
  print(`code-server's logs kept in ${kept}; the extension's errors and warnings: ${lines.length ? '' : 'none'}`);
  for (const line of lines.slice(0, 40)) print(`  ${line.slice(0, 400)}`);
}

async function main() {
  ensureCodeServer();
  mkdirSync(testResultsDir, { recursive: true });
  const vsix = vsixUnderTest();

  const ws = prepareWorkspace({ label: 'ui' });
  onCleanup(() => ws.cleanup());
  installExtension({ vsix, userDataDir: ws.userDataDir, extensionsDir: ws.extensionsDir });
  const installed = readdirSync(ws.extensionsDir).filter((entry) => !entry.startsWith('.') && entry !== 'extensions.json');
  print(`installed ${installed.join(', ')} from ${vsix}`);

  const server = await startCodeServer({
    workspace: ws.workspace,
    userDataDir: ws.userDataDir,
    extensionsDir: ws.extensionsDir,
    logFile: join(testResultsDir, 'ui-code-server.log'),
  });
  const { context } = await launchBrowser({ profileDir: ws.browserProfileDir });
  const browserLines = [];
  context.on('console', (message) => browserLines.push(`[${message.type()}] ${message.text()}`));
  onCleanup(() => writeFileSync(join(testResultsDir, 'ui-browser.log'), browserLines.join('\n') + '\n'));

  const { ui } = await import('./context.mjs');
  ui.context = context;
  ui.workspace = ws.workspace;
  ui.userDataDir = ws.userDataDir;
  ui.workbenchUrl = `${server.base}/?folder=${encodeURIComponent(ws.workspace)}`;
  ui.vscodeVersion = bundledVsCodeVersion();
  print(`VS Code ${ui.vscodeVersion} (code-server) on ${server.base}`);

  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 90_000,
    reporter: 'spec',
    color: false,
    rootHooks: {
      async beforeEach() {
        // A page left mid-reload by the previous test must not hold this one up.
        await Promise.all(context.pages().map((page) => withTimeout(page.close({ runBeforeUnload: false }), 10_000).catch(() => undefined)));
        ui.page = await context.newPage();
        await ui.page.goto(ui.workbenchUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      },
      async afterEach() {
        const test = this.currentTest;
        if (!ui.page || !test) return;
        const file = join(testResultsDir, `ui-${slug(test.fullTitle())}.png`);
        await ui.page.screenshot({ path: file }).catch((error) => print(`    (no screenshot: ${error.message})`));
        test.screenshot = file;
      },
    },
  });
  if (grep) mocha.grep(grep);
  const files = readdirSync(uiDir).filter((name) => name.endsWith('.ui.mjs')).sort();
  for (const name of files) mocha.addFile(join(uiDir, name));
  await mocha.loadFilesAsync();

  const counts = await new Promise((resolveRun) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => resolveRun({ passed, failed }));
    runner.on('pass', () => (passed += 1));
    runner.on('fail', () => (failed += 1));
  });
  if (counts.failed > 0) keepLogs(ws.userDataDir, browserLines);
  print(`screenshots in ${testResultsDir}; UI run ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  print(`${counts.passed} passed, ${counts.failed} failed`);
  return counts.failed === 0 && counts.passed > 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  process.stderr.write(`UI tests: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  print('0 passed, 1 failed');
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
