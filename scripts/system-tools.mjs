// The programs outside npm that the tests and `npm start` use, where to find them, and the
// Debian/Ubuntu package of each. Dependency-free: `npm run setup` imports it before
// node_modules exists.

import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first executable called `name` on PATH, or undefined. */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function firstExisting(candidates) {
  return candidates.filter(Boolean).find((candidate) => existsSync(candidate));
}

/** ripgrep: $RG_PATH, else `rg` on PATH, else the usual install locations. */
export function findRipgrep() {
  return firstExisting([process.env.RG_PATH, onPath('rg'), '/usr/bin/rg', '/usr/local/bin/rg']);
}

/** Chromium: $CHROMIUM_PATH, else Debian's and Ubuntu's install locations. */
export function findChromium() {
  return firstExisting([process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', onPath('chromium')]);
}

/** Ubuntu names the Chromium package `chromium-browser`; Debian names it `chromium`. */
function chromiumPackage() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    if (/^ID=["']?ubuntu/m.test(release)) return 'chromium-browser';
  } catch {
    // not a Linux with os-release: Debian's name is as good a guess as any
  }
  return 'chromium';
}

/**
 * What the project needs from the system: `{ name, apt, why, find }` each. The C/C++
 * toolchain is needed only while code-server's native modules are still to be built.
 */
export function systemTools({ buildTools }) {
  const tools = [
    { name: 'git', apt: 'git', why: 'the fixture workspaces are git repositories and the extension reads git history', find: () => onPath('git') },
    { name: 'rg', apt: 'ripgrep', why: 'the CLI and code-server search the workspace with ripgrep', find: findRipgrep },
    { name: 'chromium', apt: chromiumPackage(), why: 'the host and UI suites drive VS Code in headless Chromium', find: findChromium },
  ];
  if (buildTools) {
    tools.push(
      { name: 'make', apt: 'make', why: "code-server's native modules are built on install", find: () => onPath('make') },
      { name: 'g++', apt: 'g++', why: "code-server's native modules are built on install", find: () => onPath('g++') },
      { name: 'python3', apt: 'python3', why: "node-gyp (building code-server's native modules) runs Python", find: () => onPath('python3') },
    );
  }
  return tools;
}
