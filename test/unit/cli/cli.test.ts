// Runs the built CLI (dist/cli.js, made by `npm run build`) on fixture workspaces and
// checks its output and exit codes, as CI would see them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ALL_FINDING_CODES } from '../../../src/core/findings';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const fixture = (name: string) => path.join(root, 'test/fixtures', name);

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(() => {
  assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
});

describe('alignment CLI', () => {
  describe('usage', () => {
    it('--help prints usage and exits 0', () => {
      const r = run(['--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /alignment check \[dir\]/);
      assert.match(r.stdout, /alignment new decision\|assumption "Title"/);
    });

    it('an unknown option exits 2 with a clear message', () => {
      const r = run(['check', '--colour']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /unknown option --colour/);
      assert.match(r.stderr, /alignment --help/);
    });

    it('an unknown command exits 2', () => {
      const r = run(['verify']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /unknown command 'verify'/);
    });

    it('a bad --format value exits 2 naming the allowed ones', () => {
      const r = run(['check', '--format', 'xml', fixture('service')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--format must be one of text, json, sarif/);
    });

    it('a missing directory exits 2', () => {
      const r = run(['check', path.join(root, 'no/such/dir')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no such directory/);
    });

    it('a configured folder that does not exist exits 2, naming it at its line', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'alignment-missing-'));
      try {
        writeFileSync(path.join(dir, '.alignment.yaml'), 'decisionFolders:\n  - docs/decisions\n');
        const r = run(['check', dir]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /\.alignment\.yaml:2:5: error record\.schema `decisionFolders` names docs\/decisions, which is not there/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a .alignment.yaml over 256 KB exits 2, saying it was not read, instead of checking with the defaults', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'alignment-large-config-'));
      try {
        writeFileSync(path.join(dir, '.alignment.yaml'), `decisionPrefix: DEC\n${'#'.repeat(300 * 1024)}\n`);
        const r = run(['check', dir]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /\.alignment\.yaml:1:1: error record\.schema \.alignment\.yaml is not read: it is 301 KB, over the 256 KB it may be\./);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a bad .alignment.yaml exits 2 with positions and a suggestion', () => {
      const r = run(['check', fixture('bad-config')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\.alignment\.yaml:2:1: error record\.schema .*decisonFolders.*decisionFolders/);
      assert.match(r.stderr, /\.alignment\.yaml:5:16: error record\.schema .*loud/);
    });
  });

  describe('list', () => {
    it('--format json prints decisions, assumptions and references with the documented fields', () => {
      const r = run(['list', '--format', 'json', fixture('service')]);
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout);
      assert.equal(json.version, 1);
      const ids = json.decisions.map((d: { id: string }) => d.id);
      assert.deepEqual(ids, ['ADR-0001', 'ADR-0002', 'ADR-0003', 'ADR-0004', 'ADR-0005', 'ADR-0006', 'ADR-0007', 'ADR-0008']);
      const d3 = json.decisions.find((d: { id: string }) => d.id === 'ADR-0003');
      // `history` is there when the fixture lies in a git checkout (the CLI history tests cover it).
      assert.deepEqual(Object.keys(d3).filter((k) => k !== 'history').sort(), [
        'appliesTo', 'approvers', 'assumptions', 'date', 'deciders', 'id', 'line', 'number', 'owner', 'path', 'reviewBy', 'status', 'statusSource', 'statusText', 'supersededBy', 'supersedes', 'tags', 'title',
      ]);
      assert.equal(d3.title, 'Use MySQL for orders');
      assert.equal(d3.status, 'superseded');
      assert.deepEqual(d3.supersededBy, ['ADR-0007']);
      assert.equal(d3.number, 3);
      assert.equal(d3.path, 'docs/adr/0003-use-mysql-for-orders.md');
      const d7 = json.decisions.find((d: { id: string }) => d.id === 'ADR-0007');
      assert.deepEqual(d7.supersedes, ['ADR-0003']);
      const d5 = json.decisions.find((d: { id: string }) => d.id === 'ADR-0005');
      assert.equal(d5.status, 'proposed');
      assert.deepEqual(d5.approvers, [
        { name: 'dana@example.com', state: 'pending', date: null },
        { name: 'lee@example.com', state: 'approved', date: '2026-11-03' },
      ]);
      const asm = json.assumptions.map((a: { id: string; status: string }) => `${a.id}:${a.status}`);
      assert.deepEqual(asm, ['ASM-1:validated', 'ASM-2:invalidated', 'ASM-3:active']);
      assert.deepEqual(Object.keys(json.assumptions[0]).filter((k) => k !== 'history').sort(), [
        'confidence', 'decisions', 'id', 'impact', 'line', 'owner', 'path', 'statement', 'status', 'statusSource', 'supersededBy', 'supersedes', 'validateBy',
      ]);
      const go = json.references.filter((x: { path: string }) => x.path === 'cmd/api/main.go');
      assert.deepEqual(
        go.map((x: { line: number; column: number; text: string; target: string; kind: string }) => [x.line, x.column, x.text, x.target, x.kind]),
        [
          [8, 28, 'ADR-0002', 'ADR-0002', 'mention'],
          [10, 27, 'ADR-0003', 'ADR-0003', 'mention'],
        ],
      );
      const tag = json.references.find((x: { path: string; kind: string }) => x.path === 'internal/store/orders.go' && x.kind === 'tag');
      assert.equal(tag.id, 'ADR-0007');
      const py = json.references.filter((x: { path: string }) => x.path === 'web/src/session.py').map((x: { text: string }) => x.text);
      assert.deepEqual(py, ['ADR-4', 'ASM-2', 'ADR-0001']);
      // Ids in string literals are never references.
      assert.ok(!json.references.some((x: { id: string }) => x.id === 'ADR-0099'));
    });

    it('text lists records with status and owner', () => {
      const r = run(['list', fixture('service')]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /ADR-0003\s+superseded\s+Use MySQL for orders → ADR-0007/);
      assert.match(r.stdout, /ASM-2\s+invalidated\s+Sessions fit in a single Redis node/);
    });

    it('a record with deciders and no owner: the first decider in text, every decider in JSON (as the rules count them)', () => {
      const text = run(['list', fixture('dialects')]);
      assert.match(text.stdout, /ADR-0010\s+accepted\s+Use Markdown Architectural Decision Records\s+\[Ann Lee \(decider\); /);
      const json = JSON.parse(run(['list', '--format', 'json', fixture('dialects')]).stdout);
      const madr = json.decisions.find((d: { id: string }) => d.id === 'ADR-0010');
      assert.equal(madr.owner, null);
      assert.deepEqual(madr.deciders, ['Ann Lee', 'Bo Chen']);
    });
  });

  describe('check', () => {
    it('text output is path:line:col: severity code message, and errors exit 1', () => {
      const r = run(['check', '--now', '2026-11-24', fixture('service')]);
      assert.equal(r.code, 1);
      const lines = r.stdout.trim().split('\n');
      for (const line of lines) assert.match(line, /^[^:]+:\d+:\d+: (error|warning|information|hint) [a-z.-]+ \S/);
      assert.ok(lines.some((l) => l.startsWith('cmd/api/main.go:10:27: warning ref.superseded ADR-0003 "Use MySQL for orders" is superseded by ADR-0007')));
      assert.ok(lines.some((l) => /^internal\/store\/orders\.go:\d+:\d+: error ref\.invalidated ASM-2/.test(l)));
      assert.ok(lines.some((l) => /^internal\/store\/orders\.go:\d+:\d+: warning ref\.unsound ADR-0004/.test(l)));
      assert.ok(lines.some((l) => /^internal\/store\/orders\.go:1:1: information file\.governed-by-superseded/.test(l)));
      assert.ok(lines.some((l) => /^web\/src\/flags\.ts:1:\d+: information ref\.pending ADR-0005 .*dana@example\.com/.test(l)));
      assert.ok(lines.some((l) => /^web\/src\/flags\.ts:\d+:\d+: warning ref\.rejected ADR-0006/.test(l)));
      assert.ok(lines.some((l) => /^web\/src\/flags\.ts:\d+:\d+: warning ref\.expired ASM-3/.test(l)));
      assert.ok(lines.some((l) => /^deploy\/Dockerfile:1:\d+: warning ref\.expired ADR-0008/.test(l)));
      assert.ok(lines.some((l) => /^docs\/adr\/0008-deploy-with-helm\.md:\d+:\d+: information record\.no-owner/.test(l)));
      assert.ok(lines.some((l) => /^docs\/adr\/0004-cache-sessions-in-redis\.md:\d+:\d+: warning record\.relies-on-invalid/.test(l)));
      assert.match(r.stderr, /\d+ errors?, \d+ warnings?, \d+ information in \d+ files?/);
    });

    it('the clock decides time-based findings (--now)', () => {
      const early = run(['check', '--now', '2024-01-01', '--format', 'json', fixture('service')]);
      const codes = JSON.parse(early.stdout).findings.map((f: { code: string }) => f.code);
      assert.ok(!codes.includes('ref.expired'));
      assert.ok(!codes.includes('record.review-overdue'));
    });

    it('--fail-on decides the exit code', () => {
      assert.equal(run(['check', '--fail-on', 'none', fixture('service')]).code, 0);
      const clean = mkdtempSync(path.join(tmpdir(), 'alignment-clean-'));
      try {
        cpSync(path.join(fixture('service'), 'docs/adr/0001-record-architecture-decisions.md'), path.join(clean, 'docs/adr/0001-record-architecture-decisions.md'));
        assert.equal(run(['check', clean]).code, 0);
        assert.equal(run(['check', '--fail-on', 'information', clean]).code, 0);
      } finally {
        rmSync(clean, { recursive: true, force: true });
      }
    });

    it('json output has 1-based positions and a summary', () => {
      const r = run(['check', '--now', '2026-11-24', '--format', 'json', fixture('service')]);
      const json = JSON.parse(r.stdout);
      const superseded = json.findings.find((f: { code: string; path: string }) => f.code === 'ref.superseded' && f.path === 'cmd/api/main.go');
      assert.equal(superseded.line, 10);
      assert.equal(superseded.column, 27);
      assert.equal(superseded.endColumn, 35);
      assert.equal(superseded.replacement, 'ADR-0007');
      assert.equal(json.summary.error, json.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    });

    it('sarif output is structurally valid SARIF 2.1.0', () => {
      const r = run(['check', '--now', '2026-11-24', '--format', 'sarif', fixture('service')]);
      assert.equal(r.code, 1);
      assertValidSarif(JSON.parse(r.stdout));
    });

    it('reports every kind of broken input at its place, without crashing', () => {
      const r = run(['check', '--format', 'json', '--now', '2026-11-24', fixture('broken')]);
      assert.equal(r.code, 1, r.stderr);
      const findings: { code: string; path: string; line: number; column: number; message: string }[] = JSON.parse(r.stdout).findings;
      const has = (code: string, file: string, line?: number) =>
        assert.ok(
          findings.some((f) => f.code === code && f.path === file && (line === undefined || f.line === line)),
          `expected ${code} in ${file}${line ? `:${line}` : ''}; got ${findings.map((f) => `${f.code}@${f.path}:${f.line}`).join(', ')}`,
        );
      has('record.yaml', 'docs/adr/0002-broken-front-matter.md', 3);
      has('record.schema', 'docs/adr/0003-wrong-field-types.md', 3);
      has('record.schema', 'docs/adr/0003-wrong-field-types.md', 4);
      has('record.duplicate-id', 'docs/adr/0001-record-architecture-decisions.md');
      has('record.duplicate-id', 'docs/adr/0004-duplicate-of-one.md');
      has('record.dangling', 'docs/adr/0006-dangling-links.md', 4);
      has('record.cycle', 'docs/adr/0007-cycle-a.md');
      has('record.cycle', 'docs/adr/0008-cycle-b.md');
      has('record.schema', 'docs/adr/0010-binary.md', 1);
      has('record.yaml', 'docs/assumptions/syntax-error.yaml');
      has('record.schema', 'docs/assumptions/wrong-types.yaml', 4);
      has('record.schema', 'docs/assumptions/wrong-types.yaml', 5);
      has('ref.unknown', 'src/main.ts', 2);
      assert.ok(!findings.some((f) => f.path === 'src/blob.bin'), 'binary code files are not scanned');
      const binary = findings.find((f) => f.path === 'docs/adr/0010-binary.md')!;
      assert.match(binary.message, /binary/);
    });
  });

  describe('new', () => {
    let work: string;
    beforeEach(() => {
      work = mkdtempSync(path.join(tmpdir(), 'alignment-new-'));
      cpSync(fixture('service'), work, { recursive: true });
    });
    afterEach(() => rmSync(work, { recursive: true, force: true }));

    it('creates the next decision from the template and never overwrites', () => {
      const before = readFileSync(path.join(work, 'docs/adr/0008-deploy-with-helm.md'), 'utf8');
      const r = run(['new', 'decision', 'Use Kafka for events', work]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Created ADR-0009: docs\/adr\/0009-use-kafka-for-events\.md/);
      const text = readFileSync(path.join(work, 'docs/adr/0009-use-kafka-for-events.md'), 'utf8');
      assert.match(text, /^---\nstatus: proposed\ndate: \d{4}-\d{2}-\d{2}\n/);
      assert.match(text, /\n# Use Kafka for events\n/);
      assert.match(text, /## Context and Problem Statement/);
      assert.match(text, /## Decision Outcome/);
      const again = run(['new', 'decision', 'Use Kafka for events', work]);
      assert.equal(again.code, 0);
      assert.match(again.stdout, /ADR-0010/);
      assert.equal(readFileSync(path.join(work, 'docs/adr/0009-use-kafka-for-events.md'), 'utf8'), text);
      assert.equal(readFileSync(path.join(work, 'docs/adr/0008-deploy-with-helm.md'), 'utf8'), before);
      const listed = JSON.parse(run(['list', '--format', 'json', work]).stdout);
      assert.ok(listed.decisions.some((d: { id: string; title: string; status: string }) => d.id === 'ADR-0009' && d.title === 'Use Kafka for events' && d.status === 'proposed'));
    });

    it('creates an assumption with the next id', () => {
      const r = run(['new', 'assumption', 'Partners send at most 10 MB files', work]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Created ASM-4: docs\/assumptions\/asm-4-partners-send-at-most-10-mb-files\.yaml/);
      const listed = JSON.parse(run(['list', '--format', 'json', work]).stdout);
      const a = listed.assumptions.find((x: { id: string }) => x.id === 'ASM-4');
      assert.equal(a.statement, 'Partners send at most 10 MB files');
      assert.equal(a.status, 'active');
    });

    it('uses the padding and dialect the folder already uses', () => {
      const nygard = mkdtempSync(path.join(tmpdir(), 'alignment-nygard-'));
      try {
        cpSync(fixture('dialects/doc/adr'), path.join(nygard, 'doc/adr'), { recursive: true });
        const r = run(['new', 'decision', 'Use a message queue', nygard]);
        assert.equal(r.code, 0, r.stderr);
        const created = readdirSync(path.join(nygard, 'doc/adr')).find((n) => n.includes('use-a-message-queue'))!;
        const text = readFileSync(path.join(nygard, 'doc/adr', created), 'utf8');
        assert.match(created, /^\d{4}-use-a-message-queue\.md$/);
        assert.match(text, /^# \d+\. Use a message queue\n/);
        assert.match(text, /## Status\n\nProposed\n/);
      } finally {
        rmSync(nygard, { recursive: true, force: true });
      }
    });

    it('needs a kind and a title', () => {
      assert.equal(run(['new', 'decision']).code, 2);
      assert.equal(run(['new', 'policy', 'X']).code, 2);
    });
  });
});

/** Checks the parts of SARIF 2.1.0 that code scanning tools rely on. */
function assertValidSarif(sarif: any): void {
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.ok(Array.isArray(sarif.runs) && sarif.runs.length === 1);
  const run = sarif.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'alignment');
  assert.equal(typeof driver.version, 'string');
  const ruleIds = driver.rules.map((r: { id: string }) => r.id);
  assert.deepEqual(ruleIds, ALL_FINDING_CODES);
  for (const rule of driver.rules) {
    assert.equal(typeof rule.shortDescription.text, 'string');
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  assert.ok(run.results.length > 0);
  for (const result of run.results) {
    assert.ok(ruleIds.includes(result.ruleId));
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    assert.equal(typeof result.message.text, 'string');
    assert.ok(result.message.text.length > 0);
    for (const location of [...result.locations, ...(result.relatedLocations ?? [])]) {
      const physical = location.physicalLocation;
      assert.equal(physical.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!physical.artifactLocation.uri.startsWith('/'), 'uris are relative');
      const region = physical.region;
      assert.ok(Number.isInteger(region.startLine) && region.startLine >= 1);
      assert.ok(Number.isInteger(region.startColumn) && region.startColumn >= 1);
      assert.ok(region.endLine >= region.startLine);
    }
  }
}
