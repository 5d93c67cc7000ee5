// The CLI as users install it: `npm pack`, then `npm install -g` of the tarball into a
// fresh prefix, run with a PATH that has node and a shell but no rg. Also runs the
// README's GitLab job (its install line on the tarball committed next to the code, then its
// script) and the pre-commit hook's entry with that install.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the installed CLI (npm pack, npm install -g)', function () {
  this.timeout(5 * 60_000);
  let temp: string;
  let prefix: string;
  let env: NodeJS.ProcessEnv;
  let tarball: string;
  let shims: string;

  before(() => {
    assert.ok(existsSync(path.join(root, 'dist/cli.js')), 'dist/cli.js is missing: run `npm run build` first');
    temp = mkdtempSync(path.join(tmpdir(), 'alignment-install-'));
    // --ignore-scripts: pack the build at hand (prepack would rebuild dist/ under the running tests).
    const packed = spawnSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], { cwd: root, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const [{ filename, files }] = JSON.parse(packed.stdout);
    tarball = path.join(temp, filename);
    const shipped = files.map((f: { path: string }) => f.path);
    assert.ok(shipped.includes('dist/cli.js'), 'the tarball has the CLI');
    assert.ok(!shipped.some((p: string) => p.startsWith('src/') || p.startsWith('test/')), 'and no sources or tests');
    prefix = path.join(temp, 'prefix');
    const installed = spawnSync(npm, ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', path.join(temp, filename)], { encoding: 'utf8' });
    assert.equal(installed.status, 0, installed.stderr);
    // A PATH with node and a shell, and no rg (nor anything else of /usr/bin).
    shims = path.join(temp, 'shims');
    mkdirSync(shims);
    for (const [name, target] of [['node', process.execPath], ['bash', '/bin/bash'], ['sh', '/bin/sh']]) symlinkSync(target, path.join(shims, name));
    env = { HOME: temp, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${shims}` };
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  const sh = (script: string, cwd = temp) => spawnSync('/bin/bash', ['--noprofile', '--norc', '-c', script], { cwd, env, encoding: 'utf8' });

  it('puts `alignment` on the PATH, where rg is not', () => {
    assert.equal(sh('command -v rg').status, 1, 'rg is not reachable');
    assert.equal(sh('command -v alignment').stdout.trim(), path.join(prefix, 'bin', 'alignment'));
  });

  it('`alignment --version` prints the package version', () => {
    const r = sh('alignment --version');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('checks a repository without rg, with the same findings as the checkout build', () => {
    const fixture = path.join(root, 'test/fixtures/service');
    const r = sh(`alignment check --now 2026-11-24 --format json '${fixture}'`);
    assert.equal(r.status, 1, r.stderr);
    const expected = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', '--now', '2026-11-24', '--format', 'json', fixture], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(r.stdout), JSON.parse(expected.stdout));
    assert.ok(JSON.parse(r.stdout).findings.length > 5);
  });

  it("runs the README's GitLab job: its install line on the packed tarball in the checkout, then its script", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const snippet = readme.match(/```yaml\n(# \.gitlab-ci\.yml\n[^]*?)```/);
    assert.ok(snippet, 'README.md has the GitLab example');
    const job = parse(snippet[1]).alignment;
    assert.deepEqual(job.before_script, [`npm install -g ./${pkg.name}-*.tgz`], 'installs the tarball, not a registry package');
    const work = path.join(temp, 'gitlab');
    cpSync(path.join(root, 'test/fixtures/service'), work, { recursive: true });
    cpSync(tarball, path.join(work, path.basename(tarball)));
    // The job's own global prefix (npm with this machine's configuration); then the CLI only from that prefix.
    const jobPrefix = path.join(temp, 'gitlab-prefix');
    for (const line of job.before_script) {
      const r = spawnSync('/bin/bash', ['--noprofile', '--norc', '-c', `${line} --no-audit --no-fund`], {
        cwd: work,
        env: { ...process.env, npm_config_prefix: jobPrefix },
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
    }
    const jobEnv = { HOME: temp, PATH: `${path.join(jobPrefix, 'bin')}${path.delimiter}${shims}` };
    const run = (line: string) => spawnSync('/bin/bash', ['--noprofile', '--norc', '-c', line], { cwd: work, env: jobEnv, encoding: 'utf8' });
    assert.equal(run('command -v alignment').stdout.trim(), path.join(jobPrefix, 'bin', 'alignment'));
    const [report, gate] = job.script.map((line: string) => run(line));
    assert.equal(report.status, 0, report.stderr);
    assert.equal(gate.status, 1, 'the job fails on the fixture’s errors');
    const file = job.artifacts.reports.codequality;
    const issues = JSON.parse(readFileSync(path.join(work, file), 'utf8'));
    assert.ok(issues.length > 5);
    for (const issue of issues) {
      assert.ok(issue.description && issue.check_name && issue.fingerprint && issue.severity && issue.location.path && issue.location.lines.begin >= 1);
    }
  });

  it('runs the pre-commit hook entry (.pre-commit-hooks.yaml) with the installed binary', () => {
    const [hook] = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.equal(hook.id, 'alignment-check');
    assert.equal(hook.language, 'node');
    assert.equal(hook.pass_filenames, false);
    const [binary] = hook.entry.split(' ');
    assert.ok(binary in pkg.bin, `${binary} is a bin of the package`);
    const good = path.join(temp, 'hook-good');
    mkdirSync(path.join(good, 'docs/adr'), { recursive: true });
    writeFileSync(path.join(good, 'docs/adr/0001-use-go.md'), '---\nstatus: accepted\nowner: sam@example.com\n---\n# Use Go\n');
    writeFileSync(path.join(good, 'main.go'), '// See ADR-0001.\npackage main\n');
    const bad = path.join(temp, 'hook-bad');
    cpSync(path.join(root, 'test/fixtures/service'), bad, { recursive: true });
    // pre-commit runs the entry in the repository root; a non-zero exit fails the commit.
    assert.equal(sh(hook.entry, bad).status, 1);
    const r = sh(hook.entry, good);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
