// Every scanner (the bundled rg, rg on PATH, git grep, the Node walk with its byte
// prefilter) gives the same files, index and findings as reading every file with no
// prefilter at all, on each fixture and on a tree of ignore-rule and encoding traps.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { detectLayout, type Layout } from '../../../src/core/layout';
import { WorkspaceModel } from '../../../src/core/workspace-model';
import { loadRepoConfig, readAdrToolsDir, readLog4brainsFolders } from '../../../src/node/config';
import { loadWorkspace, type LoadedWorkspace } from '../../../src/node/load-workspace';
import { readTextSync } from '../../../src/node/read-text';
import { bundledRipgrep } from '../../../src/node/ripgrep';
import { GIT_GREP, type Scanner } from '../../../src/node/scanners';
import { walkFiles } from '../../../src/node/walk-files';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const NOW = new Date('2026-11-24T12:00:00Z');
const bundled = bundledRipgrep(path.resolve(__dirname, '../../..'));
const SCANNERS: Array<[string, Scanner[]]> = [
  ['bundled rg', [{ kind: 'rg', command: bundled!, label: 'bundled rg' }]],
  ['rg on PATH', [{ kind: 'rg', command: 'rg', label: 'rg on PATH' }]],
  ['git grep', [GIT_GREP]],
  ['node', []],
];

/** The model of reading every listed file in full: what any prefilter must not change. */
async function unfiltered(root: string): Promise<{ files: string[]; model: WorkspaceModel; layout: Layout }> {
  const config = (await loadRepoConfig(root)).config ?? DEFAULT_CONFIG;
  const toolFolders = [...(await readAdrToolsDir(root)), ...(await readLog4brainsFolders(root))];
  const files = await walkFiles(root, config.exclude);
  const layout = detectLayout(files, config, { toolFolders });
  const model = new WorkspaceModel(config, layout);
  for (const file of files) {
    if (!model.roleOf(file)) continue;
    const read = readTextSync(path.join(root, file), config.maxFileSizeKb * 1024);
    if ('text' in read) model.update(file, read.text);
    else model.updateUnreadable(file, read.unreadable);
  }
  return { files, model, layout };
}

function summary(files: readonly string[], model: WorkspaceModel) {
  const index = model.index;
  return {
    files: [...files].sort(),
    decisions: index.decisions.map((d) => `${d.path}:${d.id}:${d.status}`),
    assumptions: index.assumptions.map((a) => `${a.path}:${a.id}:${a.status}`),
    references: model
      .paths()
      .flatMap((p) => model.findingsFor(p, NOW, files as string[]).map((f) => `${f.path}:${f.range.start.line}:${f.code}`))
      .sort(),
    findings: model.findings(NOW, files).map((f) => `${f.path}:${f.range.start.line}:${f.range.start.column}:${f.code}:${f.message}`),
  };
}

function gitRepo(root: string): void {
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'fixture');
}

/** Files that trip naive scanners: each ignore file kind, binary and oversized files, odd names. */
function writeTraps(root: string): void {
  const write = (file: string, text: string | Buffer) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('docs/adr/0001-first.md', '---\nstatus: accepted\nowner: a@example.com\n---\n# First\n');
  write('docs/adr/0002-second.md', '---\nstatus: superseded\nsuperseded-by: ADR-0001\n---\n# Second\n');
  write('src/uses.ts', '// See ADR-0002.\nexport {};\n');
  write('src/name with spaces: and colon.ts', '// ADR-0002 again\n');
  write('src/ünïcode-名前.py', '# @decision ADR-0009\n');
  // A name with a newline (not on Windows): a line-based reading of rg's output splits it.
  if (process.platform !== 'win32') write('src/new\nline.ts', '// See ADR-0002.\n');
  write('src/path-only.ts', '// see docs/adr/0001-first.md\n');
  write('src/no-refs.ts', 'export const adr = "ADR-0002"; // a string, no reference\n');
  write('src/binary.ts', Buffer.concat([Buffer.from('// ADR-0002\n'), Buffer.from([0, 1, 2])]));
  write('src/huge.ts', `// ADR-0002\n${'x'.repeat(1100 * 1024)}\n`);
  write('.gitignore', 'build/\n*.log\n!keep.log\n');
  write('build/out.ts', '// ADR-0002\n');
  write('err.log', '// ADR-0002\n');
  write('keep.log', '// ADR-0002\n');
  write('pkg/.gitignore', 'gen.ts\n');
  write('pkg/gen.ts', '// ADR-0002\n');
  write('pkg/.ignore', 'private/\n');
  write('pkg/private/a.ts', '// ADR-0002\n');
  write('pkg/.rgignore', 'secret.ts\n');
  write('pkg/secret.ts', '// ADR-0002\n');
  write('node_modules/dep/index.js', '// ADR-0002\n');
  write('.hidden/x.ts', '// ADR-0002\n');
  write('vendor/skip.ts', '// ADR-0002\n');
  write('.alignment.yaml', 'exclude: ["vendor/**"]\n');
}

describe('scanners give identical results', function () {
  this.timeout(60_000);
  let scratch: string;
  before(() => {
    assert.ok(bundled, '@vscode/ripgrep installed its per-platform rg');
    scratch = mkdtempSync(path.join(tmpdir(), 'alignment-scanners-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  const cases = [...readdirSync(FIXTURES).map((name) => ({ name, traps: false })), { name: 'traps', traps: true }];
  for (const { name, traps } of cases) {
    it(`on ${traps ? 'a tree of ignore and encoding traps' : `the ${name} fixture`}`, async () => {
      const root = path.join(scratch, name);
      if (traps) writeTraps(root);
      else cpSync(path.join(FIXTURES, name), root, { recursive: true });
      gitRepo(root);
      // Written after the commit: git must list tracked-but-ignored and untracked files right.
      if (traps) {
        writeFileSync(path.join(root, 'build', 'tracked-now-ignored.ts'), '// ADR-0002\n');
        spawnSync('git', ['add', '-f', 'build/tracked-now-ignored.ts'], { cwd: root });
        writeFileSync(path.join(root, 'src', 'untracked.ts'), '// ADR-0001\n');
      }
      const truth = await unfiltered(root);
      const expected = summary(truth.files, truth.model);
      assert.ok(expected.files.length > 0);
      if (traps) {
        assert.ok(expected.files.includes('keep.log') && expected.files.includes('src/untracked.ts'));
        for (const ignored of ['build/out.ts', 'build/tracked-now-ignored.ts', 'err.log', 'pkg/gen.ts', 'pkg/secret.ts', 'pkg/private/a.ts', 'vendor/skip.ts', 'node_modules/dep/index.js']) {
          assert.ok(!expected.files.includes(ignored), ignored);
        }
        assert.ok(expected.findings.some((f) => f.startsWith('src/name with spaces: and colon.ts:0:') && f.includes('ref.superseded')));
        assert.ok(expected.findings.some((f) => f.startsWith('src/ünïcode-名前.py:0:') && f.includes('ref.unknown')));
        if (process.platform !== 'win32') assert.ok(expected.findings.some((f) => f.startsWith('src/new\nline.ts:0:') && f.includes('ref.superseded')));
      }
      for (const [label, scanners] of SCANNERS) {
        const loaded: LoadedWorkspace = await loadWorkspace(root, { scanners });
        assert.equal(loaded.stats.scanner, scanners[0]?.label ?? 'node', `${label} did the listing`);
        assert.deepEqual(summary(loaded.files, loaded.model), expected, `${label} on ${name}`);
      }
    });
  }

  it('an rg that dies after listing part of a tree leaves the next scanner a clean start', async function () {
    if (process.platform === 'win32') this.skip(); // the dying rg is a shell script
    const root = path.join(scratch, 'after-a-crash');
    cpSync(path.join(FIXTURES, 'demo'), root, { recursive: true });
    gitRepo(root);
    // Lists a record that does not exist and a real code file, then dies of a signal.
    const dying = path.join(scratch, 'dying-rg');
    writeFileSync(dying, `#!/bin/sh\nprintf '.\\377ghost\\377decisions\\3770099-ghost.md\\0000\\n.\\377src\\377ghost.ts\\0001\\n'\nkill -9 $$\n`, { mode: 0o755 });
    const dies: Scanner = { kind: 'rg', command: dying, label: 'dying rg' };
    const truth = await unfiltered(root);
    const expected = summary(truth.files, truth.model);
    assert.ok(expected.decisions.length > 0);
    for (const [label, next] of [['git grep', [GIT_GREP]], ['bundled rg', SCANNERS[0][1]], ['node', []]] as const) {
      const loaded = await loadWorkspace(root, { scanners: [dies, ...next] });
      assert.equal(loaded.stats.scanner, next[0]?.label ?? 'node');
      assert.deepEqual(summary(loaded.files, loaded.model), expected, `after the dying rg, ${label}`);
      assert.deepEqual(loaded.layout, truth.layout, `the layout after the dying rg, ${label}`);
    }
  });

  it('git grep leaves a folder whose .ignore re-includes a git-ignored file to the next scanner', async () => {
    const root = path.join(scratch, 'reinclude');
    mkdirSync(path.join(root, 'pkg'), { recursive: true });
    writeFileSync(path.join(root, 'pkg/.gitignore'), 'gen.ts\n');
    writeFileSync(path.join(root, 'pkg/.rgignore'), '!gen.ts\n');
    writeFileSync(path.join(root, 'pkg/gen.ts'), '// ADR-0002\n');
    gitRepo(root);
    const viaGit = await loadWorkspace(root, { scanners: [GIT_GREP] });
    assert.equal(viaGit.stats.scanner, 'node');
    assert.ok(viaGit.files.includes('pkg/gen.ts'));
    const viaRg = await loadWorkspace(root, { scanners: SCANNERS[0][1] });
    assert.deepEqual([...viaRg.files].sort(), viaGit.files);
  });

  // rg itself (13 and 15) opens a named pipe called .ignore and waits on it, as VS Code's
  // search does: only the scanners this project reads ignore files for are held to it.
  it('a tracked .ignore replaced by a named pipe, and a symlink to it, are passed by git grep and the Node walk', function () {
    if (process.platform === 'win32') this.skip();
    const root = path.join(scratch, 'pipe-ignore');
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, '.ignore'), 'gen/\n');
    writeFileSync(path.join(root, 'src/a.ts'), '// See ADR-0002\n');
    gitRepo(root);
    rmSync(path.join(root, '.ignore'));
    assert.equal(spawnSync('mkfifo', [path.join(root, '.ignore')]).status, 0, 'mkfifo');
    // And a symlinked ignore file that leads to the pipe: followed, then passed by as well.
    symlinkSync('../.ignore', path.join(root, 'src/.gitignore'));
    // In a child process: a read that blocks would hang this one for good.
    const script = `
      const { loadWorkspace } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/node/load-workspace'))});
      const scanners = JSON.parse(process.argv[2]);
      (async () => {
        const out = {};
        for (const [name, list] of scanners) out[name] = (await loadWorkspace(process.argv[1], { scanners: list })).files.filter((f) => !f.endsWith('ignore'));
        console.log(JSON.stringify(out));
      })();`;
    const ours = SCANNERS.filter(([name]) => name === 'git grep' || name === 'node');
    assert.equal(ours.length, 2);
    const run = spawnSync(process.execPath, ['-r', path.resolve(__dirname, '../register-ts.js'), '-e', script, root, JSON.stringify(ours)], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.signal, null, `a scanner blocked on the pipe (killed by ${run.signal})`);
    assert.equal(run.status, 0, run.stderr);
    const listed = JSON.parse(run.stdout) as Record<string, string[]>;
    for (const [name] of ours) assert.deepEqual(listed[name], ['src/a.ts'], name);
  });

  it('a symlinked .ignore is read as rg reads it, by git grep and the Node walk too', async function () {
    if (process.platform === 'win32') this.skip();
    const root = path.join(scratch, 'linked-ignore');
    mkdirSync(path.join(root, 'shared'), { recursive: true });
    mkdirSync(path.join(root, 'pkg'), { recursive: true });
    writeFileSync(path.join(root, 'shared/ignore-rules'), 'gen.ts\n');
    symlinkSync('../shared/ignore-rules', path.join(root, 'pkg/.ignore'));
    writeFileSync(path.join(root, 'pkg/gen.ts'), '// ADR-0002\n');
    writeFileSync(path.join(root, 'pkg/keep.ts'), '// ADR-0003\n');
    gitRepo(root);
    for (const [name, scanners] of SCANNERS) {
      const loaded = await loadWorkspace(root, { scanners });
      assert.equal(loaded.stats.scanner, name);
      assert.deepEqual(loaded.files.filter((f) => f.endsWith('.ts')).sort(), ['pkg/keep.ts'], name);
    }
  });
});
