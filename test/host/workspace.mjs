// Fixture workspace preparation shared by the host runners (code-server and
// @vscode/test-electron) and the UI runner: a fresh copy of a fixture folder in
// a temp directory, made a git repository with one commit so git-aware
// features see a real history.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultFixture = join(repoRoot, 'test', 'fixtures', 'service');
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

/**
 * Creates `<tmp>/alignment-<label>-XXXX/` holding `workspace/` (a committed git
 * copy of the fixture) and returns the paths of that run. The results file
 * lives next to the workspace so the suite can find it without the variable.
 */
export function prepareWorkspace({ fixture = defaultFixture, label = 'host' } = {}) {
  if (!existsSync(fixture)) throw new Error(`fixture workspace not found: ${fixture}`);
  const root = mkdtempSync(join(tmpdir(), `alignment-${label}-`));
  const workspace = join(root, 'workspace');
  mkdirSync(workspace);
  cpSync(fixture, workspace, { recursive: true });
  git(workspace, ['init', '--quiet', '--initial-branch=main']);
  git(workspace, ['config', 'commit.gpgsign', 'false']);
  git(workspace, ['config', 'user.email', FIXTURE_USER_EMAIL]);
  git(workspace, ['config', 'user.name', 'Dana']);
  git(workspace, ['add', '--all']);
  git(workspace, ['commit', '--quiet', '--no-verify', '-m', 'Fixture workspace']);
  return {
    root,
    workspace,
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
