#!/usr/bin/env node
// Provisions code-server (a full VS Code server with a Node extension host)
// into .vscode-test/code-server-<version>/ for the host and UI tests.
//
// Offline-safe: the package's postinstall downloads ripgrep from GitHub, so it
// is installed with --ignore-scripts, the native modules are rebuilt against
// the local Node headers, and ripgrep comes from the system ($RG_PATH, rg on
// PATH or /usr/bin/rg). A marker file records a complete install, so later calls
// return immediately.
//
// Usage: node scripts/code-server.mjs [--force]
//   prints the path of code-server's entry script on success.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, lstatSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRipgrep } from './system-tools.mjs';

export const CODE_SERVER_VERSION = '4.100.3';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = '.install-complete';

export function codeServerDir(root = repoRoot) {
  return join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
}

/** Path of `out/node/entry.js` of an installed code-server (no install). */
export function codeServerEntry(root = repoRoot) {
  return join(codeServerDir(root), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function isCodeServerInstalled(root = repoRoot) {
  return existsSync(join(codeServerDir(root), MARKER)) && existsSync(codeServerEntry(root));
}

function log(message) {
  process.stderr.write(`[code-server] ${message}\n`);
}

function run(step, command, args, cwd) {
  log(`${step}: ${command} ${args.join(' ')}  (in ${cwd})`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
      // node-pty's post-install runs `npx node-gyp`, which must not prompt.
      npm_config_yes: 'true',
    },
  });
  if (result.error) {
    throw new Error(`code-server install failed at step "${step}": ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`code-server install failed at step "${step}" (exit code ${result.status}). Command: ${command} ${args.join(' ')} in ${cwd}`);
  }
  log(`${step}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function replaceWithSymlink(target, linkPath) {
  try {
    lstatSync(linkPath);
    rmSync(linkPath, { recursive: true, force: true });
  } catch {
    // nothing there yet
  }
  mkdirSync(dirname(linkPath), { recursive: true });
  symlinkSync(target, linkPath);
}

function requireRipgrep() {
  const rg = findRipgrep();
  if (rg) return rg;
  throw new Error(
    'code-server install needs a ripgrep binary: set RG_PATH or install Debian ripgrep (apt-get install -y ripgrep).',
  );
}

/**
 * Installs code-server on first use and returns the path of its entry script.
 * Idempotent: a complete install (marker file present) is reused as is.
 */
export function ensureCodeServer({ root = repoRoot, force = false } = {}) {
  const dir = codeServerDir(root);
  const entry = codeServerEntry(root);
  if (!force && isCodeServerInstalled(root)) return entry;

  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const rg = requireRipgrep();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Own package.json so npm does not walk up into the repository's.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2) + '\n');

  run('1/6 fetch code-server', npm, ['install', '--ignore-scripts', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], dir);

  const pkgDir = join(dir, 'node_modules', 'code-server');
  const vscodeDir = join(pkgDir, 'lib', 'vscode');
  if (!existsSync(join(vscodeDir, 'package.json'))) {
    throw new Error(`code-server install failed: ${vscodeDir}/package.json is missing after npm install`);
  }
  run('2/6 install VS Code server dependencies', npm, ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  run('3/6 rebuild VS Code native modules', npm, ['rebuild', '@vscode/spdlog', 'node-pty', 'native-watchdog'], vscodeDir);
  run('4/6 rebuild argon2', npm, ['rebuild', 'argon2'], dir);

  log(`5/6 link ripgrep ${rg}`);
  const rgLink = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(join(vscodeDir, 'node_modules', '@vscode', 'ripgrep'))) {
    throw new Error('code-server install failed: lib/vscode/node_modules/@vscode/ripgrep is missing');
  }
  replaceWithSymlink(rg, rgLink);

  log('6/6 link node_modules.asar');
  replaceWithSymlink('node_modules', join(vscodeDir, 'node_modules.asar'));

  if (!existsSync(entry)) throw new Error(`code-server install failed: ${entry} is missing`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  writeFileSync(
    join(dir, MARKER),
    JSON.stringify({ version: CODE_SERVER_VERSION, node: process.version, ripgrep: rg, seconds: Number(seconds), at: new Date().toISOString() }, null, 2) + '\n',
  );
  log(`code-server ${CODE_SERVER_VERSION} installed in ${seconds} s`);
  return entry;
}

/** Version of VS Code bundled with the installed code-server. */
export function bundledVsCodeVersion(root = repoRoot) {
  const pkg = join(codeServerDir(root), 'node_modules', 'code-server', 'lib', 'vscode', 'package.json');
  return JSON.parse(readFileSync(pkg, 'utf8')).version;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const entry = ensureCodeServer({ force: process.argv.includes('--force') });
    process.stdout.write(`${entry}\n`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
