// `check --format github|gitlab` and the findings reference in the README.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { escapeCommandData, escapeCommandProperty, formatGithub, workflowCommand } from '../../../src/cli/ci-formats';
import { FINDING_DOCS, FINDINGS_REFERENCE_END, FINDINGS_REFERENCE_START, renderFindingsReference } from '../../../src/core/finding-docs';
import { ALL_FINDING_CODES, type Finding } from '../../../src/core/findings';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const service = path.join(root, 'test/fixtures/service');

function check(format: string, dir = service) {
  const r = spawnSync(process.execPath, [cli, 'check', '--now', '2026-11-24', '--format', format, dir], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const finding = (over: Partial<Finding>): Finding => ({
  code: 'ref.superseded',
  severity: 'warning',
  message: 'ADR-3 is superseded.',
  path: 'src/a.ts',
  range: { start: { line: 4, column: 2 }, end: { line: 4, column: 7 } },
  related: [],
  ...over,
});

describe('check --format github (workflow annotations)', () => {
  it('prints one annotation per finding with file, 1-based line and col, and a title', () => {
    const r = check('github');
    assert.equal(r.code, 1);
    const json = JSON.parse(check('json').stdout);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, json.findings.length);
    assert.ok(lines.includes('::warning file=cmd/api/main.go,line=10,col=27,endLine=10,endColumn=35,title=Reference to a superseded record (ref.superseded)::ADR-0003 "Use MySQL for orders" is superseded by ADR-0007 "Use PostgreSQL for orders"; update the reference to ADR-0007.'), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('::error file=internal/store/orders.go,line=8,col=67,')));
    assert.ok(lines.some((l) => l.startsWith('::notice file=web/src/flags.ts,line=1,col=41,')), 'information is a notice');
    assert.match(r.stderr, /2 errors, 9 warnings, 3 information in 8 files/);
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    assert.equal(escapeCommandData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeCommandProperty('C:\\a,b%\n'), 'C%3A\\a%2Cb%25%0A');
    const [line] = formatGithub([finding({ path: 'src/a:b,c%.ts', message: 'first line\nsecond: 50%, done' })]).split('\n');
    assert.equal(line, '::warning file=src/a%3Ab%2Cc%25.ts,line=5,col=3,endLine=5,endColumn=8,title=Reference to a superseded record (ref.superseded)::first line%0Asecond: 50%25, done');
  });

  it('makes workspace text inert: terminal escapes, BEL and bidirectional overrides in a message or file name cannot reach the log', () => {
    const hostile = 'Title\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u001b[2J\u001b[31mred\u202egnp.exe\u0085\u2028x';
    const [line, ...rest] = formatGithub([finding({ path: `src/\u001b[1mbold\u202e.ts`, message: `ADR-9 "${hostile}" is superseded.\rforged` })]).split('\n');
    assert.deepEqual(rest, [], 'one line per finding');
    assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/, JSON.stringify(line));
    assert.equal(
      line,
      '::warning file=src/\\u001b[1mbold\\u202e.ts,line=5,col=3,endLine=5,endColumn=8,title=Reference to a superseded record (ref.superseded)::' +
        'ADR-9 "Title\\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007 \\u001b[2J\\u001b[31mred\\u202egnp.exe\\u0085\\u2028x" is superseded.\\u000dforged',
    );
    // Properties: also no workflow-command syntax from workspace text, and no raw controls.
    const command = workflowCommand('error', [['title', 'a::b,c\u0007\nd'], ['file', '%0A::error::x']], 'm\u001b[0m\nnext %0A');
    assert.equal(command, '::error title=a%3A%3Ab%2Cc\\u0007\\u000ad,file=%250A%3A%3Aerror%3A%3Ax::m\\u001b[0m%0Anext %250A');
  });

  it('leaves out columns when a finding spans lines (the runner would drop them)', () => {
    const line = formatGithub([finding({ range: { start: { line: 1, column: 0 }, end: { line: 3, column: 4 } } })]);
    assert.match(line, /^::warning file=src\/a\.ts,line=2,endLine=4,title=/);
  });
});

describe('check --format gitlab (Code Quality)', () => {
  it('prints a Code Quality report with the fields merge-request widgets read', () => {
    const r = check('gitlab');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout);
    const json = JSON.parse(check('json').stdout);
    assert.equal(report.length, json.findings.length);
    for (const [i, issue] of report.entries()) {
      const f = json.findings[i];
      assert.equal(issue.check_name, f.code);
      assert.equal(issue.description, f.message);
      assert.equal(issue.location.path, f.path);
      assert.equal(issue.location.lines.begin, f.line);
      assert.equal(issue.severity, { error: 'major', warning: 'minor', information: 'info' }[f.severity as string]);
      assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
    }
    assert.equal(new Set(report.map((i: { fingerprint: string }) => i.fingerprint)).size, report.length);
    assert.deepEqual(JSON.parse(check('gitlab').stdout), report, 'the same on every run');
  });

  it('prints an empty report when there is nothing to say', () => {
    const r = check('gitlab', path.join(root, 'test/fixtures/second-service'));
    assert.ok(Array.isArray(JSON.parse(r.stdout)));
  });
});

describe('README findings reference', () => {
  it('is up to date with src/core/finding-docs.ts (npm run docs)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const start = readme.indexOf(FINDINGS_REFERENCE_START);
    const end = readme.indexOf(FINDINGS_REFERENCE_END);
    assert.ok(start >= 0 && end > start, 'README.md has the findings reference markers');
    assert.ok(readme.slice(start, end + FINDINGS_REFERENCE_END.length) === renderFindingsReference(), 'the findings reference in README.md is stale: run npm run docs');
  });

  it('documents every code with an example and a fix', () => {
    const reference = renderFindingsReference();
    for (const code of ALL_FINDING_CODES) {
      assert.ok(reference.includes(`### \`${code}\`\n`), code);
      assert.ok(FINDING_DOCS[code].example[1].length > 0 && FINDING_DOCS[code].fix.length > 20, code);
    }
  });
});
