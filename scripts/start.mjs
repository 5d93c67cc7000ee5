#!/usr/bin/env node
// `npm start [-- /path/to/repo] [--port N] [--no-open]`: the extension as users get it, in a
// real VS Code in the browser. Builds and packages the .vsix, provisions code-server
// (.vscode-test/), installs the .vsix into a fresh profile, and serves VS Code on
// 127.0.0.1 with the demo workspace (a git copy of test/fixtures/demo in which the
// current git identity is the pending approver) or the given folder. Ctrl+C (or SIGTERM)
// stops code-server and removes the temp folders.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledVsCodeVersion, CODE_SERVER_VERSION, ensureCodeServer } from './code-server.mjs';
import { lockMismatch } from './setup.mjs';
import { onPath } from './system-tools.mjs';
import { cleanup, installExtension, onCleanup, packageVsix, startCodeServer } from '../test/host/server.mjs';
import { prepareRunDirectory, prepareWorkspace, repoRoot } from '../test/host/workspace.mjs';

export const demoFixture = join(repoRoot, 'test', 'fixtures', 'demo');
/** The pending approver written in the demo fixture; the demo copy names the current user instead. */
export const DEMO_APPROVER = 'you@example.com';

function gitConfig(key) {
  try {
    return execFileSync('git', ['config', '--get', key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** The current git identity, or the demo's placeholder when git has none. */
export function currentIdentity() {
  return { email: gitConfig('user.email') || DEMO_APPROVER, name: gitConfig('user.name') || 'You' };
}

/**
 * Everything `npm start` does up to the URL: returns `{ url, workspace, identity, logFile,
 * server, stop }`. `folder`: open it instead of the demo. `stop()` stops code-server and removes the temp folders (it is also
 * registered with the shared cleanup, which runs on Ctrl+C).
 */
export async function startDemo({ folder, port, say = () => undefined } = {}) {
  const disposers = [];
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      while (disposers.length > 0) await disposers.pop()();
    })());
  onCleanup(stop);
  try {
    if (folder && !(existsSync(folder) && statSync(folder).isDirectory())) throw new Error(`not a folder: ${resolve(folder)}`);
    const mismatch = lockMismatch(repoRoot);
    if (mismatch) throw new Error(`${mismatch}: run npm run setup first`);
    say('building and packaging the extension (npm run package)');
    const vsix = packageVsix();
    say(`provisioning code-server ${CODE_SERVER_VERSION} (.vscode-test/)`);
    ensureCodeServer();

    let run;
    let workspace;
    let identity;
    if (folder) {
      workspace = resolve(folder);
      run = prepareRunDirectory({ label: 'start' });
    } else {
      identity = currentIdentity();
      run = prepareWorkspace({ fixture: demoFixture, label: 'demo', identity, replace: { [DEMO_APPROVER]: identity.email } });
      workspace = run.workspace;
    }
    disposers.push(() => rmSync(run.root, { recursive: true, force: true }));

    say(`installing ${vsix}`);
    installExtension({ vsix, userDataDir: run.userDataDir, extensionsDir: run.extensionsDir });
    const logFile = join(run.root, 'code-server.log');
    const server = await startCodeServer({ workspace, userDataDir: run.userDataDir, extensionsDir: run.extensionsDir, logFile, port });
    disposers.push(server.stop);
    const url = `${server.base}/?folder=${encodeURIComponent(workspace)}`;
    return { url, workspace, identity, logFile, server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function parseArgs(argv) {
  const options = { open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') {
      options.port = Number(argv[++i]);
      if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) throw new Error(`--port needs a port number, not ${argv[i]}`);
    } else if (arg === '--no-open') options.open = false;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}; usage: npm start [-- /path/to/repo] [--port N] [--no-open]`);
    else if (options.folder) throw new Error('npm start opens one folder');
    else options.folder = arg;
  }
  return options;
}

/** Opens the URL in the desktop's browser when there is a desktop; printing it is the rest. */
function openInBrowser(url) {
  const opener = (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && onPath('xdg-open');
  if (!opener) return;
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const say = (line) => process.stdout.write(`[start] ${line}\n`);
  try {
    const options = parseArgs(process.argv.slice(2));
    const demo = await startDemo({ ...options, say });
    const { port } = demo.server;
    process.stdout.write(
      [
        '',
        `Execution Alignment in VS Code ${bundledVsCodeVersion()} (code-server ${CODE_SERVER_VERSION}). Open:`,
        '',
        `    ${demo.url}`,
        '',
        demo.identity
          ? `Workspace: ${demo.workspace}, a copy of test/fixtures/demo in which ${demo.identity.email} (your git identity) has approvals waiting.`
          : `Workspace: ${demo.workspace}`,
        `Served on 127.0.0.1 only; from another machine: ssh -L ${port}:127.0.0.1:${port} <this host>. Log: ${demo.logFile}`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
    if (options.open) openInBrowser(demo.url);
    let stopping = false;
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopping = true));
    demo.server.child.once('exit', async (code, signal) => {
      if (stopping) return;
      process.stderr.write(`[start] code-server stopped (${signal ?? `exit ${code}`}); see ${demo.logFile}\n`);
      await cleanup();
      process.exit(1);
    });
    // Runs until Ctrl+C / SIGTERM: test/host/server.mjs stops code-server and removes the folders.
  } catch (error) {
    process.stderr.write(`[start] ${error instanceof Error ? error.message : String(error)}\n`);
    await cleanup();
    process.exit(1);
  }
}
