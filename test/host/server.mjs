// Shared by the host and UI runners: start code-server on a free port with
// fresh user data and extension folders, open system Chromium through
// playwright-core, and tear everything down again (also on Ctrl+C).

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureCodeServer } from '../../scripts/code-server.mjs';
import { findChromium } from '../../scripts/system-tools.mjs';
import { repoRoot } from './workspace.mjs';

export const testResultsDir = join(repoRoot, 'test-results');

// ---------------------------------------------------------------------------
// cleanup: every resource registers an async disposer; they run once, in
// reverse order, on normal completion, on error and on SIGINT/SIGTERM. After a
// cleanup, the resources of a next run can register again.

const disposers = [];
let disposing;

export function onCleanup(fn) {
  disposers.push(fn);
}

export function cleanup() {
  disposing ??= (async () => {
    while (disposers.length > 0) {
      const fn = disposers.pop();
      try {
        await fn();
      } catch (error) {
        process.stderr.write(`cleanup: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })().finally(() => {
    disposing = undefined; // ready for the resources of a next run
  });
  return disposing;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping code-server and the browser\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // No slide animation: a walkthrough step takes the focus at once when selected, not
  // 250 ms later (when it would close a quick input a step's button had opened meanwhile).
  'workbench.welcomePage.preferReducedMotion': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  // The desktop default. In the browser VS Code saves after a delay by default, so a change
  // a test undoes at its end could reach the disk after the test and leak into the next one.
  'files.autoSave': 'off',
};

function codeServerEnv(extra) {
  return {
    ...process.env,
    // No extension gallery: nothing to download, no network errors in the log.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

function baseArgs({ userDataDir, extensionsDir, configFile }) {
  return ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

/** User settings of a run where workspace trust is on and the folder stays untrusted. */
const untrustedSettings = {
  'security.workspace.trust.enabled': true,
  // No start-up dialog that could trust the folder, no banner.
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

function prepareDirs({ userDataDir, extensionsDir, workspaceTrust = false }) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = join(userDataDir, 'User', 'settings.json');
  // HOST_EXTRA_SETTINGS (JSON): user settings on top, for experiments (the bench with `{"git.enabled": false}`).
  const extra = JSON.parse(process.env.HOST_EXTRA_SETTINGS || '{}');
  const values = { ...userSettings, ...(workspaceTrust ? untrustedSettings : {}), ...extra };
  if (!existsSync(settings)) writeFileSync(settings, JSON.stringify(values, null, 2) + '\n');
  const configFile = join(userDataDir, 'code-server.yaml');
  // An explicit config file keeps code-server from writing ~/.config/code-server/config.yaml.
  if (!existsSync(configFile)) writeFileSync(configFile, 'auth: none\n');
  return configFile;
}

/**
 * `npm run package` (minified build and `vsce package`), returning the path of
 * `execution-alignment-<version>.vsix`; with `reuse`, an existing one is returned as is.
 */
export function packageVsix({ reuse = false, say = () => undefined } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, `${name}-${version}.vsix`);
  if (reuse && existsSync(vsix)) return vsix;
  say('packaging the extension (npm run package)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (exit ${result.status}); no ${vsix}`);
  return vsix;
}

/** `code-server --install-extension <vsix>` into the given extensions folder. */
export function installExtension({ vsix, userDataDir, extensionsDir }) {
  const entry = ensureCodeServer();
  const configFile = prepareDirs({ userDataDir, extensionsDir });
  const args = [entry, ...baseArgs({ userDataDir, extensionsDir, configFile }), '--force', '--install-extension', vsix];
  const result = spawnSync(process.execPath, args, { env: codeServerEnv(), encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} into code-server failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return `${result.stdout}`.trim();
}

/**
 * Starts code-server on a free 127.0.0.1 port and waits until it answers.
 * Its output goes to `logFile`. Registers its shutdown with `cleanup()`.
 * `workspaceTrust: true` turns workspace trust on, leaving the folder untrusted.
 * `workspace` is a folder or a `.code-workspace` file; `port` defaults to a free one.
 */
export async function startCodeServer({ workspace, userDataDir, extensionsDir, logFile, env = {}, readyTimeoutMs = 60_000, workspaceTrust = false, port }) {
  const entry = ensureCodeServer();
  const configFile = prepareDirs({ userDataDir, extensionsDir, workspaceTrust });
  port ??= await freePort();
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const args = [
    entry,
    ...baseArgs({ userDataDir, extensionsDir, configFile }),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // With `workspaceTrust`, trust is enforced and the folder is left untrusted.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    workspace,
  ];
  // Own process group, so the server and everything it forks (extension host,
  // file watcher, pty host) stop together.
  const child = spawn(process.execPath, args, {
    cwd: statSync(workspace).isDirectory() ? workspace : dirname(workspace),
    env: codeServerEnv(env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  const exitPromise = new Promise((resolveExit) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolveExit(exited);
    });
  });

  const stop = async () => {
    if (exited === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timedOut = await Promise.race([exitPromise.then(() => false), delay(5000).then(() => true)]);
      if (timedOut) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    // Anything left in the group (a forked helper that outlived the server).
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // group is empty
    }
    log.end();
  };
  onCleanup(stop);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited !== null) {
      throw new Error(`code-server exited during start-up (${JSON.stringify(exited)}); see ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${base} within ${readyTimeoutMs} ms; see ${logFile}`);
    await delay(200);
  }
  return { port, base, authority: `127.0.0.1:${port}`, child, exited: () => exited, stop };
}

export function chromiumPath() {
  const found = findChromium();
  if (!found) {
    throw new Error('No Chromium found: set CHROMIUM_PATH or run `npm run setup` (Debian: apt-get install -y chromium).');
  }
  return found;
}

/**
 * System Chromium through playwright-core, headless, fresh profile. Returns the
 * browser context and its first page. Registers closing with `cleanup()`.
 */
export async function launchBrowser({ profileDir, viewport = { width: 1400, height: 900 } }) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport,
    // Ctrl+C / SIGTERM are handled by cleanup(), which also stops code-server;
    // Playwright's own handlers would exit the process before that.
    handleSIGINT: false,
    handleSIGTERM: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
