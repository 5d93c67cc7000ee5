// Fixture workspace preparation shared by the host runners (code-server and
// @vscode/test-electron) and the UI runner: a fresh copy of a fixture folder in
// a temp directory, made a git repository with one commit so git-aware
// features see a real history.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultFixture = join(repoRoot, 'test', 'fixtures', 'service');
/** The second folder of the multi-root workspace, next to a copy of the default fixture. */
export const secondFixture = join(repoRoot, 'test', 'fixtures', 'second-service');
export const hostileFixture = join(repoRoot, 'test', 'fixtures', 'hostile');
/** The fixture repository's git identity: "me" for the extension (`git config user.email`). */
export const FIXTURE_USER_EMAIL = 'dana@example.com';

/** Environment variable through which the host suite learns where to write its results. */
export const RESULTS_ENV = 'ALIGNMENT_HOST_RESULTS';
/** File name the suite falls back to, next to the workspace folder, when the variable is not set. */
export const RESULTS_FILE = 'host-test-results.json';

function git(cwd, args) {
  execFileSync('git', args, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Fixture Author',
      GIT_AUTHOR_EMAIL: 'fixture@example.com',
      GIT_COMMITTER_NAME: 'Fixture Author',
      GIT_COMMITTER_EMAIL: 'fixture@example.com',
      GIT_AUTHOR_DATE: '2024-01-15T10:00:00Z',
      GIT_COMMITTER_DATE: '2024-01-15T10:00:00Z',
    },
  });
}

/** Replaces every `from` with `to` in the text files under `dir`. */
function substitute(dir, from, to) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) substitute(path, from, to);
    else if (entry.isFile()) {
      const text = readFileSync(path, 'utf8');
      if (text.includes(from)) writeFileSync(path, text.split(from).join(to));
    }
  }
}

/**
 * Copies a fixture to `target` and commits it to a new git repository whose user is
 * `identity`; `replace` maps strings of the fixture to what the copy holds instead.
 */
function committedCopy(fixture, target, { identity = { email: FIXTURE_USER_EMAIL, name: 'Dana' }, replace = {} } = {}) {
  if (!existsSync(fixture)) throw new Error(`fixture workspace not found: ${fixture}`);
  mkdirSync(target);
  cpSync(fixture, target, { recursive: true });
  for (const [from, to] of Object.entries(replace)) if (from !== to) substitute(target, from, to);
  git(target, ['init', '--quiet', '--initial-branch=main']);
  git(target, ['config', 'commit.gpgsign', 'false']);
  git(target, ['config', 'user.email', identity.email]);
  git(target, ['config', 'user.name', identity.name]);
  git(target, ['add', '--all']);
  git(target, ['commit', '--quiet', '--no-verify', '-m', 'Fixture workspace']);
}

function runPaths(root) {
  return {
    root,
    resultsFile: join(root, RESULTS_FILE),
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    browserProfileDir: join(root, 'browser-profile'),
    cleanup() {
      if (process.env.KEEP_TEST_WORKSPACE) {
        process.stderr.write(`kept test workspace ${root}\n`);
        return;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** `<tmp>/alignment-<label>-XXXX/` for a run's user data, extensions and browser profile. */
export function prepareRunDirectory({ label }) {
  return runPaths(mkdtempSync(join(tmpdir(), `alignment-${label}-`)));
}

/**
 * Creates `<tmp>/alignment-<label>-XXXX/` holding `workspace/` (a committed git
 * copy of the fixture) and returns the paths of that run. The results file
 * lives next to the workspace so the suite can find it without the variable.
 * `identity` and `replace`: see committedCopy.
 */
export function prepareWorkspace({ fixture = defaultFixture, label = 'host', identity, replace } = {}) {
  const root = mkdtempSync(join(tmpdir(), `alignment-${label}-`));
  const workspace = join(root, 'workspace');
  committedCopy(fixture, workspace, { identity, replace });
  return { ...runPaths(root), workspace };
}

/**
 * A multi-root workspace: `<tmp>/alignment-<label>-XXXX/` holding one committed git
 * copy per fixture (named after the fixture folder) and `multi-root.code-workspace`
 * naming them, in that order. `workspace` is the path of the `.code-workspace` file.
 */
export function prepareMultiRootWorkspace({ fixtures = [defaultFixture, secondFixture], label = 'host-multiroot' } = {}) {
  const root = mkdtempSync(join(tmpdir(), `alignment-${label}-`));
  const folders = fixtures.map((fixture) => {
    const name = basename(fixture);
    committedCopy(fixture, join(root, name));
    return { path: name };
  });
  const workspace = join(root, 'multi-root.code-workspace');
  writeFileSync(workspace, JSON.stringify({ folders, settings: {} }, null, 2) + '\n');
  return { ...runPaths(root), workspace, folders: folders.map((f) => join(root, f.path)) };
}

/**
 * A run over an existing folder, opened in place (the large tree of the editor
 * benchmark): the run's own files live in a temp directory beside nothing.
 */
export function existingWorkspace({ folder, label = 'host' }) {
  if (!existsSync(folder)) throw new Error(`workspace folder not found: ${folder}`);
  const root = mkdtempSync(join(tmpdir(), `alignment-${label}-`));
  return { ...runPaths(root), workspace: resolve(folder) };
}
