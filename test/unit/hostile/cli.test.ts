// The built CLI (dist/cli.js) on hostile workspaces: inert terminal output, valid SARIF
// URIs, usage and configuration errors as exit 2, nothing written outside the
// workspace, no number taken twice by concurrent runs, no silent passes.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

let cliCopy: string | undefined;
/** dist/cli.js copied where an unprivileged user can reach it: the checkout may sit in a folder only its owner can enter. */
function cliForNobody(): string {
  if (!cliCopy) {
    const dir = mkdtempSync(path.join(tmpdir(), 'alignment-cli-'));
    chmodSync(dir, 0o755);
    cliCopy = path.join(dir, 'cli.js');
    copyFileSync(cli, cliCopy);
    chmodSync(cliCopy, 0o644);
  }
  return cliCopy;
}

function run(args: string[], options: { asNobody?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const command = options.asNobody && process.getuid?.() === 0 ? 'setpriv' : process.execPath;
  const prefix = command === 'setpriv' ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [];
  const script = command === 'setpriv' ? cliForNobody() : cli;
  const result = spawnSync(command, [...prefix, script, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...options.env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A workspace in a fresh temporary folder (world-readable, so an unprivileged run can enter it). */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'alignment-hostile-'));
  chmodSync(dir, 0o755);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('hostile input: the CLI', () => {
  const made: string[] = [];
  const ws = (files: Record<string, string>) => {
    const dir = workspace(files);
    made.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
    if (cliCopy) rmSync(path.dirname(cliCopy), { recursive: true, force: true });
  });

  it('--now with an impossible date is a usage error (exit 2)', () => {
    const dir = ws({ 'docs/adr/0001-a.md': '# 1. A\n\nStatus: accepted\n' });
    for (const now of ['2024-13-01', '2023-02-29', '2024-00-10']) {
      const r = run(['check', dir, '--now', now]);
      assert.equal(r.code, 2, now);
      assert.match(r.stderr, /--now must be a calendar date/);
      assert.doesNotMatch(r.stderr, /internal error/);
    }
    assert.equal(run(['check', dir, '--now', '2024-02-29']).code, 0);
  });

  it('check and list print titles, owners, statements and file names inert, one line each', () => {
    const evil = '\u001b]0;pwned\u0007\u001b[2J\rX\u202eY';
    const dir = ws({
      [`docs/adr/0001-a${'\u001b[31m'}.md`]: `---\ntitle: "Use \\e[31mred\\e[0m\\nalignment: forged line"\nowner: "${evil.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a').replace(/\r/g, '\\r')}"\nstatus: superseded\n---\n# A\n`,
      'docs/assumptions/a.yaml': 'id: ASM-1\nstatement: "Holds\\e[2J\\nforged"\nowner: x\n',
      'src/a.ts': '// See ADR-0001 and ADR-0009\n',
    });
    const check = run(['check', dir, '--fail-on', 'none']);
    assert.equal(check.code, 0);
    assert.doesNotMatch(check.stdout, CONTROL);
    assert.doesNotMatch(check.stderr, CONTROL);
    for (const line of check.stdout.trim().split('\n')) assert.match(line, /^[^\n]+:\d+:\d+: (error|warning|information|hint) [a-z.-]+ /, line);
    assert.match(check.stdout, /\\u001b\[31m/);

    const list = run(['list', dir]);
    assert.equal(list.code, 0);
    assert.doesNotMatch(list.stdout, CONTROL);
    const lines = list.stdout.trim().split('\n').filter((l) => !l.startsWith('History: '));
    // Headings, one decision, one assumption, two references: no forged line.
    assert.equal(lines.length, 7, list.stdout);
    assert.ok(!lines.some((l) => l.startsWith('alignment:') || l.startsWith('forged')));
    // The title's line break is escaped (or, as titles are normalised, a space): never a new line.
    assert.match(list.stdout, /Use \\u001b\[31mred\\u001b\[0m(?: |\\u000a)alignment: forged line/);
  });

  it('SARIF artifact URIs are percent-encoded (# ? % and spaces in names)', () => {
    const dir = ws({ 'docs/adr/0001-a.md': '# 1. A\n\nStatus: accepted\n', 'src/x #1?%.ts': '// See ADR-0042\n' });
    const r = run(['check', dir, '--format', 'sarif']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout);
    const uri = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'ref.unknown').locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, 'src/x%20%231%3F%25.ts');
    assert.equal(decodeURIComponent(new URL(uri, 'file:///ws/').pathname.slice(4)), 'src/x #1?%.ts');
  });

  it('a config folder outside the workspace is a configuration error (exit 2), and new writes nothing there', () => {
    const outside = ws({ 'x/keep.txt': '' });
    const dir = path.join(outside, 'repo');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '.alignment.yaml'), 'decisionFolders:\n  - ../x\n');
    const r = run(['new', 'decision', 'Escape', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.alignment\.yaml:2:5: error record\.schema `decisionFolders` item 1 \("\.\.\/x"\) must be a folder inside the workspace folder/);
    assert.deepEqual(readdirSync(path.join(outside, 'x')), ['keep.txt']);
  });

  it('a record folder that is a symlink to outside is not followed by new', () => {
    const outside = ws({ 'keep.txt': '' });
    const dir = ws({ 'README.md': '' });
    mkdirSync(path.join(dir, 'docs'));
    symlinkSync(outside, path.join(dir, 'docs/adr'));
    const r = run(['new', 'decision', 'Escape', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /leads outside the workspace folder.*nothing was written/);
    assert.deepEqual(readdirSync(outside), ['keep.txt']);
  });

  it('records behind a symlink out of the workspace are not read (folder or file, named by .adr-dir or not)', () => {
    // The bundled rg, and the Node walk (no scanner).
    for (const useRg of [true, false]) {
      const outside = ws({ 'adr/0001-secret.md': '# 1. Secret\n\nStatus: accepted\n', 'secret.md': '# 2. Secret too\n' });
      const dir = ws({ '.adr-dir': 'docs/adr\n', 'docs/decisions/0003-real.md': '# 3. Real\n\nStatus: accepted\n' });
      mkdirSync(path.join(dir, 'docs/adr'), { recursive: true });
      rmSync(path.join(dir, 'docs/adr'), { recursive: true });
      symlinkSync(path.join(outside, 'adr'), path.join(dir, 'docs/adr'));
      symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'docs/decisions/0002-secret.md'));
      const result = spawnSync(process.execPath, [cli, 'list', dir, '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, ALIGNMENT_SCANNER: useRg ? 'bundled' : 'node' },
      });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout).decisions.map((d: { title: string }) => d.title), ['Real'], useRg ? 'with rg' : 'walking in Node');
    }
  });

  it('a reader that closes the pipe early ends the output, not in a crash: the exit code is the run\'s own', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'alignment-epipe-'));
    try {
      mkdirSync(path.join(ws, 'docs/adr'), { recursive: true });
      writeFileSync(path.join(ws, 'docs/adr/0001-use-mysql.md'), '---\nstatus: superseded\nsuperseded-by: ADR-0002\n---\n# Use MySQL\n');
      writeFileSync(path.join(ws, 'docs/adr/0002-use-postgres.md'), '---\nstatus: accepted\nowner: lee@example.com\nsupersedes: ADR-0001\n---\n# Use PostgreSQL\n');
      // Enough output that it cannot all sit in the pipe before the reader is gone.
      for (let i = 0; i < 3000; i++) writeFileSync(path.join(ws, `f${i}.ts`), `// Orders per ADR-0009 (${i}), which no record has.\n`);
      const child = spawn(process.execPath, [cli, 'check', '--now', '2026-11-24', ws], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Like `| head -c 100`: take a little, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.doesNotMatch(stderr, /EPIPE|Unhandled|node:internal/, 'no stack trace');
      assert.match(stderr, /^3000 errors, 0 warnings/, 'the summary still reaches stderr');
      assert.equal(code, 1, 'the errors found still fail the run');
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('new when docs/adr is a file: exit 2 with a message, no stack trace', () => {
    const dir = ws({ 'docs/adr': 'not a folder\n' });
    const r = run(['new', 'decision', 'Blocked', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot create records in docs\/adr \(a file is in the way\); nothing was written/);
    assert.doesNotMatch(r.stderr, /internal error|    at /);
  });

  it('concurrent new runs never take the same number', async () => {
    const dir = ws({ 'docs/adr/0001-first.md': '# 1. First\n\nStatus: accepted\n' });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => runAsync(['new', 'decision', `Parallel ${i}`, dir])));
    assert.deepEqual(results.map((r) => r.code), [0, 0, 0, 0, 0, 0], results.map((r) => r.stderr).join('\n'));
    const numbers = readdirSync(path.join(dir, 'docs/adr')).map((n) => n.slice(0, 4)).sort();
    assert.deepEqual(numbers, ['0001', '0002', '0003', '0004', '0005', '0006', '0007']);
  });

  it('an unreadable workspace root or record folder is an error (exit 2), not a pass', () => {
    // Root reads any folder whatever its mode: the CLI then runs as nobody, through setpriv.
    if (process.getuid?.() === 0) {
      assert.equal(spawnSync('setpriv', ['--version']).status, 0, 'running as root, this test needs setpriv (util-linux) to run the CLI as an unprivileged user: install util-linux');
    }
    const dir = ws({ 'docs/adr/0001-a.md': '# 1. A\n\nStatus: accepted\n', 'src/a.ts': '// ADR-0009\n' });
    chmodSync(path.join(dir, 'docs/adr'), 0o000);
    try {
      const r = run(['check', dir], { asNobody: true });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /cannot read the record folder docs\/adr \(EACCES\)/);
    } finally {
      chmodSync(path.join(dir, 'docs/adr'), 0o755);
    }
    chmodSync(dir, 0o311);
    try {
      const r = run(['check', dir], { asNobody: true });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /cannot read .* \(EACCES\): nothing can be checked/);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('a record folder or workspace folder that is a link to itself is an error (exit 2), whoever runs it', () => {
    const dir = ws({ 'src/a.ts': '// ADR-0009\n' });
    mkdirSync(path.join(dir, 'docs'));
    symlinkSync('adr', path.join(dir, 'docs/adr'));
    const r = run(['check', dir]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot read the record folder docs\/adr \(ELOOP\)/);
    const loop = path.join(dir, 'loop');
    symlinkSync('loop', loop);
    const l = run(['check', loop]);
    assert.equal(l.code, 2, l.stderr);
    assert.match(l.stderr, /cannot read .*loop \(ELOOP\): nothing can be checked/);
  });

  it('a binary or empty record is a finding on that file (exit 1)', () => {
    const dir = ws({ 'docs/adr/0001-a.md': '# 1. A\n\nStatus: accepted\n', 'docs/adr/0002-b.md': `# 2. B\n${'x'.repeat(9000)}\u0000`, 'docs/adr/0003-c.md': '' });
    const r = run(['check', dir, '--format', 'json']);
    assert.equal(r.code, 1);
    const findings = JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === 'record.schema');
    assert.deepEqual(findings.map((f: { path: string }) => f.path), ['docs/adr/0002-b.md', 'docs/adr/0003-c.md']);
  });

  it('ignore files above the workspace folder are not read (rg --no-ignore-parent), with the bundled rg and with rg on PATH', () => {
    assert.equal(spawnSync('rg', ['--version']).status, 0, 'this test needs rg on PATH (Debian: apt-get install ripgrep)');
    const parent = ws({ '.ignore': 'src\n', '.gitignore': 'src\n' });
    const dir = path.join(parent, 'repo');
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    mkdirSync(path.join(dir, 'docs/adr'), { recursive: true });
    writeFileSync(path.join(dir, 'docs/adr/0001-a.md'), '# 1. A\n\nStatus: accepted\n');
    writeFileSync(path.join(dir, 'src/a.ts'), '// See ADR-0042\n');
    for (const scanner of ['bundled', 'path']) {
      const r = run(['check', dir, '--format', 'json'], { env: { ALIGNMENT_SCANNER: scanner } });
      assert.equal(r.code, 1, `${scanner}: ${r.stderr}`);
      assert.deepEqual(JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === 'ref.unknown').map((f: { path: string }) => f.path), ['src/a.ts'], scanner);
    }
    assert.ok(existsSync(path.join(parent, '.ignore')));
  });
});
