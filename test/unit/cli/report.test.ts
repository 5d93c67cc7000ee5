// `alignment report` on the fixture workspace, run through the built CLI (dist/cli.js):
// each format, --out, filters and usage errors.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { reportSchema } from '../../../src/core/report/report-schema';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const service = path.join(root, 'test/fixtures/service');

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('alignment report', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'alignment-report-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--format json prints the report model, valid against its schema', () => {
    const r = run(['report', service, '--format', 'json', '--now', '2025-06-15']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    const parsed = reportSchema.safeParse(report);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3)));
    assert.equal(report.version, 1);
    assert.equal(report.date, '2025-06-15');
    assert.equal(report.totals.decisions, 8);
    assert.equal(report.totals.assumptions, 3);
    assert.deepEqual(report.unowned.map((u: { id: string }) => u.id), ['ADR-0008']);
    assert.deepEqual(report.assumptions.unsound.map((u: { id: string }) => u.id), ['ASM-2']);
    assert.deepEqual(report.oldestPending.map((p: { id: string; waitingOn: string[] }) => [p.id, p.waitingOn]), [['ADR-0005', ['dana@example.com']]]);
    const edges = report.graph.edges.map((e: { from: number; to: number; kind: string }) => `${report.graph.nodes[e.from].id} ${e.kind} ${report.graph.nodes[e.to].id}`);
    assert.ok(edges.includes('ADR-0007 supersedes ADR-0003'), edges.join(', '));
    assert.ok(report.findings.some((f: { code: string }) => f.code === 'ref.invalidated'));
  });

  it('Markdown (the default) is a CI job summary: headings, tables, no HTML', () => {
    const r = run(['report', service, '--now', '2025-06-15']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## Alignment report — 2025-06-15\n/);
    for (const heading of ['What waits on whom', 'Who owns what', 'Assumption health', 'Findings by code', 'How decisions evolved', 'Relationships', 'Reviews due']) {
      assert.ok(r.stdout.includes(`### ${heading}\n`), heading);
    }
    assert.match(r.stdout, /\| ASM-2 Sessions fit in a single Redis node \| invalidated \| ADR-0004 \| 2 \|/);
    assert.match(r.stdout, /\*\*8\*\* decisions · \*\*3\*\* assumptions/);
    assert.ok(!/<[a-z]/i.test(r.stdout), 'no HTML tags');
  });

  it('--format html --out FILE writes one self-contained file with the charts and links to the records', () => {
    const out = path.join(dir, 'sub', '..', 'report.html');
    const r = run(['report', service, '--format', 'html', '--out', out, '--now', '2025-06-15']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Wrote the alignment report to/);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!/<script/i.test(html));
    assert.ok((html.match(/<svg class="chart/g) ?? []).length >= 7);
    const rel = path.relative(dir, service).split(path.sep).join('/');
    assert.ok(html.includes(`href="${rel}/docs/adr/0005-adopt-feature-flags.md"`), 'links relative to the report file');
    assert.deepEqual(readdirSync(dir), ['report.html'], 'no temporary file left behind');
  });

  it('--owner filters the records to what that person owns', () => {
    const all = JSON.parse(run(['report', service, '--format', 'json']).stdout);
    const filtered = JSON.parse(run(['report', service, '--format', 'json', '--owner', 'lee@example.com']).stdout);
    assert.deepEqual(filtered.filter, { owner: 'lee@example.com' });
    assert.equal(filtered.owners.length, 1);
    assert.equal(filtered.totals.decisions + filtered.totals.assumptions, filtered.owners[0].owned.length);
    assert.ok(filtered.owners[0].owned.length < all.totals.decisions + all.totals.assumptions);
  });

  it('usage errors exit 2', () => {
    const bad = run(['report', service, '--format', 'pdf']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of md, html, json/);
    const wrongFlag = run(['report', service, '--fail-on', 'error']);
    assert.equal(wrongFlag.code, 2);
    assert.match(wrongFlag.stderr, /--fail-on does not apply to 'report'/);
    const missing = run(['report', path.join(dir, 'nope')]);
    assert.equal(missing.code, 2);
    assert.ok(!existsSync(path.join(dir, 'nope')));
  });
});
