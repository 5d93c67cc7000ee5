#!/usr/bin/env node
// `npm run setup`: everything `npm test` and `npm start` need, on a fresh Debian or Ubuntu
// machine with Node 20 and git. Dependency-free, so it runs before node_modules exists.
//
//   1. npm ci, unless node_modules already holds exactly what package-lock.json names;
//   2. git, ripgrep and Chromium (and, until code-server is built, make, g++ and python3):
//      what is missing is installed with apt-get when this runs as root or with passwordless
//      sudo (`apt-get update` first), otherwise the exact command to run is printed;
//   3. code-server into .vscode-test/ (scripts/code-server.mjs), unless already there;
//   4. npm run build, unless dist/ is newer than the sources, so `npx alignment` works.
//
// Idempotent: when everything is present it changes nothing and says so.
// Exit code 0 when everything is set up, 1 when something is still missing.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_VERSION, ensureCodeServer, isCodeServerInstalled } from './code-server.mjs';
import { onPath, systemTools } from './system-tools.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function sameFields(a = {}, b = {}) {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.every((key) => a[key] === b[key]);
}

/**
 * Why `root/node_modules` does not hold what `root/package-lock.json` names, or
 * undefined when it does: every locked package present at its locked version (an
 * optional package may be absent: it is for another platform).
 */
export function lockMismatch(root) {
  const lockFile = join(root, 'package-lock.json');
  if (!existsSync(lockFile)) return 'there is no package-lock.json';
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules/ does not exist yet';
  const lock = readJson(lockFile);
  if (!lock.packages) return 'package-lock.json has no "packages" section (lockfile version 1)';
  const manifest = readJson(join(root, 'package.json'));
  const locked = lock.packages[''] ?? {};
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    if (!sameFields(manifest[field], locked[field])) return `package.json's ${field} differ from package-lock.json's`;
  }
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/')) continue;
    const dir = join(root, path);
    if (entry.link) {
      if (!existsSync(dir)) return `${path} (a link) is missing`;
      continue;
    }
    let installed;
    try {
      installed = readJson(join(dir, 'package.json'));
    } catch {
      if (entry.optional) continue;
      return `${path} is missing`;
    }
    if (installed.version !== entry.version) return `${path} is ${installed.version}, package-lock.json wants ${entry.version}`;
  }
  return undefined;
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Why `root/dist` needs a build, or undefined when both bundles are newer than what they are built from. */
export function buildNeeded(root) {
  const bundles = ['dist/cli.js', 'dist/extension.js'].map((file) => join(root, file));
  const absent = bundles.find((file) => !existsSync(file));
  if (absent) return `${absent.slice(root.length + 1)} does not exist yet`;
  const sources = ['src', 'esbuild.config.mjs', 'package-lock.json'].map((file) => join(root, file)).filter((file) => existsSync(file));
  const newestSource = Math.max(...sources.map(newestMtime));
  const oldestBundle = Math.min(...bundles.map((file) => statSync(file).mtimeMs));
  return newestSource > oldestBundle ? 'the sources changed since the last build' : undefined;
}

/** How apt-get can be run here: as root, with passwordless sudo, or not at all (undefined). */
function aptRunner() {
  if (!onPath('apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  return result.status === 0;
}

/**
 * Sets up `root` (the repository) and returns `{ done, missing }`: the steps it took, and
 * what is still missing with the command that would install it.
 */
export function setup({ root = repoRoot, codeServerRoot = root, say = (line) => process.stdout.write(`[setup] ${line}\n`) } = {}) {
  const done = [];
  const missing = [];

  if (Number(process.versions.node.split('.')[0]) !== 20) {
    say(`warning: Node ${process.versions.node}; code-server ${CODE_SERVER_VERSION} (the host and UI suites, npm start) needs Node 20`);
  }

  // 1. npm packages
  const mismatch = lockMismatch(root);
  if (mismatch) {
    say(`npm ci: ${mismatch}`);
    if (!run(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, env: { ...process.env, npm_config_update_notifier: 'false' } })) {
      throw new Error('npm ci failed (its output is above)');
    }
    done.push('npm ci');
  } else {
    say('node_modules matches package-lock.json');
  }

  // 2. system packages
  const codeServerReady = isCodeServerInstalled(codeServerRoot);
  const tools = systemTools({ buildTools: !codeServerReady });
  let absent = tools.filter((tool) => !tool.find());
  if (absent.length > 0) {
    const packages = [...new Set(absent.map((tool) => tool.apt))];
    const runner = aptRunner();
    if (runner) {
      const [sudo, ...sudoArgs] = runner;
      const aptOptions = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
      const apt = (args) => (sudo ? run(sudo, [...sudoArgs, 'apt-get', ...args], aptOptions) : run('apt-get', args, aptOptions));
      say(`apt-get install ${packages.join(' ')} (missing: ${absent.map((tool) => tool.name).join(', ')})`);
      if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', ...packages])) {
        throw new Error(`apt-get install ${packages.join(' ')} failed (its output is above)`);
      }
      done.push(`apt-get install ${packages.join(' ')}`);
      absent = tools.filter((tool) => !tool.find());
    }
    for (const tool of absent) missing.push(tool);
    if (absent.length > 0) {
      const still = [...new Set(absent.map((tool) => tool.apt))].join(' ');
      say(`missing ${absent.map((tool) => `${tool.name} (${tool.why})`).join('; ')}.`);
      say(
        onPath('apt-get')
          ? `installing them needs root: run  sudo apt-get update && sudo apt-get install -y ${still}  and then npm run setup again`
          : `this is not a Debian/Ubuntu system (no apt-get): install ${absent.map((tool) => tool.name).join(', ')} with its package manager (or set RG_PATH / CHROMIUM_PATH), then run npm run setup again`,
      );
    }
  } else {
    say(`found ${tools.map((tool) => `${tool.name} (${tool.find()})`).join(', ')}`);
  }

  // 3. code-server
  if (codeServerReady) {
    say(`code-server ${CODE_SERVER_VERSION} is in .vscode-test/`);
  } else if (missing.some((tool) => tool.name !== 'chromium')) {
    say(`code-server ${CODE_SERVER_VERSION} not installed yet: it needs ${missing.filter((tool) => tool.name !== 'chromium').map((tool) => tool.name).join(', ')} first`);
  } else {
    say(`installing code-server ${CODE_SERVER_VERSION} into .vscode-test/ (about a minute)`);
    ensureCodeServer({ root: codeServerRoot });
    done.push(`code-server ${CODE_SERVER_VERSION}`);
  }

  // 4. the bundles (`npx alignment` runs dist/cli.js)
  const stale = buildNeeded(root);
  if (stale) {
    say(`npm run build: ${stale}`);
    if (!run(npm, ['run', '--silent', 'build'], { cwd: root })) throw new Error('npm run build failed (its output is above)');
    done.push('npm run build');
  } else {
    say('dist/ is up to date');
  }

  return { done, missing };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const { done, missing } = setup();
    const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    if (missing.length > 0) {
      process.stdout.write(`[setup] not finished: ${missing.map((tool) => tool.name).join(', ')} still missing (see above). ${took}\n`);
      process.exit(1);
    }
    process.stdout.write(
      done.length === 0
        ? `[setup] everything was already set up: nothing to do (${took}). Next: npm test, or npm start\n`
        : `[setup] done: ${done.join(', ')} (${took}). Next: npm test, or npm start\n`,
    );
  } catch (error) {
    process.stderr.write(`[setup] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
