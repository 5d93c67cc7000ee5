// Seeded property test: real-shaped records, assumption files, configs and source files
// (the fixtures) mutated with hostile fragments. For every case: no exception escapes,
// every finding (and related location) lies inside its file, the JSON and SARIF output
// parse and have their shape, and a second run on the same input gives the same output.
//
// A few thousand cases run with the unit suite; `npm run fuzz -- --cases N [--seed S]`
// runs more (FUZZ_CASES / FUZZ_SEED).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { formatJson, formatText } from '../../../src/cli/format-findings';
import { formatSarif } from '../../../src/cli/sarif';
import { listJson, listText } from '../../../src/cli/format-list';
import { parseConfigText } from '../../../src/core/config-file';
import { mergeConfig } from '../../../src/core/config';
import type { Finding } from '../../../src/core/findings';
import { detectLayout } from '../../../src/core/layout';
import type { Range } from '../../../src/core/model';
import { WorkspaceModel } from '../../../src/core/workspace-model';
import { NOW } from './helpers';
import { seededRandom } from '../../shared/seeded-random';

const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const fixtures = path.resolve(__dirname, '../../fixtures');

function filesOf(dir: string, prefix = ''): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) return filesOf(full, rel);
    const text = readFileSync(full, 'utf8');
    return text.length < 20_000 ? [{ path: rel, text }] : [];
  });
}

const SEEDS = ['service', 'dialects', 'assumptions', 'broken', 'polyglot', 'second-service'].flatMap((name) =>
  statSync(path.join(fixtures, name), { throwIfNoEntry: false })?.isDirectory() ? filesOf(path.join(fixtures, name)) : [],
);

const FRAGMENTS = [
  '\u0000', '\u001b[2J', '\u001b]0;x\u0007', '\r', '\r\n', '\n', '\u202e', '\ufeff', '\ud800', '😀',
  '---\n', '---', '...', '```\n', '~~~', '<!--', '-->', '[a](', '](', '[', ']', '(', ')', '**', '__', '*', '_', '`',
  '# ', '## Status\n', 'Status: ', '* Status: ', '| Metadata | Value |\n|---|---|\n| Status | accepted |\n',
  'Superseded by ', 'Supersedes ', 'Superseded by [ADR-2](0002-x.md)', 'superseded-by: [ADR-1]\n', 'supersedes: ADR-1\n',
  'ADR-', 'ADR-0001', 'ADR-9007199254740993', 'ASM-', 'ASM-1', 'adr_', '@decision ', '@assumes ', 'dl:adr ', '@adr ',
  'docs/adr/0001-x.md', '.md', 'https://x/docs/adr/0002-y.md', '// ', '# ', '/* ', '*/', '"""', "'''", '<<EOF\n', 'EOF\n',
  'id: ', 'statement: ', 'status: ', 'owner: ', 'approvers:\n  - ', '  - name: a\n    state: approved\n', 'review-by: 2024-13-45\n',
  'validate-by: 99999-99-99\n', 'date: 2024-02-30\n', 'applies-to: ["[z-a]"]\n', 'applies-to: ["**/*x**/*x**/*x"]\n',
  'exclude: ["[z-a]"]\n', 'decisionFolders: ["../x"]\n', '&a [*a, *a]', '*a', '!!binary', '? ', ': ', '{', '}', '- ', '\t', '  ',
  '9'.repeat(40), '0'.repeat(30), 'x'.repeat(300), '[a]('.repeat(50), '**/'.repeat(30), '.md'.repeat(50), '['.repeat(200),
];

const EXTRA_PATHS = [
  'docs/adr/0099-new.md', 'docs/adr/0001-dup.md', 'docs/assumptions/new.yaml', 'ASSUMPTIONS.md', 'src/x #1?.ts', 'src/\u001b[31m.ts',
  'docs/adr/9007199254740993-big.md', 'docs/adr/XXXX-draft.md', 'docs/adr/0005-a/index.md', 'src/a.py', 'src/noext',
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function mutate(rnd: () => number, text: string): string {
  let result = text;
  const steps = 1 + Math.floor(rnd() * 6);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(rnd() * (result.length + 1));
    const kind = rnd();
    if (kind < 0.45) result = result.slice(0, at) + pick(rnd, FRAGMENTS) + result.slice(at);
    else if (kind < 0.6) result = result.slice(0, at) + result.slice(at + Math.floor(rnd() * 40));
    else if (kind < 0.7) result = result.slice(0, at) + pick(rnd, FRAGMENTS).repeat(1 + Math.floor(rnd() * 200)) + result.slice(at);
    else if (kind < 0.8) {
      const from = Math.floor(rnd() * result.length);
      result = result.slice(0, at) + result.slice(from, from + Math.floor(rnd() * 200)) + result.slice(at);
    } else if (kind < 0.9) {
      const lines = result.split('\n');
      const i = Math.floor(rnd() * lines.length);
      const j = Math.floor(rnd() * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      result = lines.join('\n');
    } else {
      result = result.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 0x3000)) + result.slice(at);
    }
  }
  return result;
}

interface Case {
  files: Record<string, string>;
  config?: string;
}

function makeCase(rnd: () => number): Case {
  const files: Record<string, string> = {};
  const count = 2 + Math.floor(rnd() * 7);
  for (let i = 0; i < count; i++) {
    const seed = pick(rnd, SEEDS);
    const file = rnd() < 0.15 ? pick(rnd, EXTRA_PATHS) : seed.path;
    files[file] = rnd() < 0.7 ? mutate(rnd, seed.text) : seed.text;
  }
  const config = rnd() < 0.3 ? mutate(rnd, pick(rnd, ['exclude:\n  - vendor/**\n', 'decisionFolders:\n  - docs/adr\n', 'severity:\n  ref.unknown: warning\n', 'decisionPrefix: ADR\n'])) : undefined;
  return { files, config };
}

/** The lines of a text as the engine and the editor count them (CRLF, LF and lone CR end a line). */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function assertInside(range: Range, text: string, where: string): void {
  const lines = linesOf(text);
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${where}: line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(Number.isInteger(p.column) && p.column >= 0 && p.column <= lines[p.line].length, `${where}: column ${p.column} outside line ${p.line} (${lines[p.line].length})`);
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.column <= range.end.column);
  assert.ok(ordered, `${where}: range ends before it starts`);
}

function runCase(c: Case) {
  const parsed = c.config === undefined ? { config: {}, problems: [] } : parseConfigText(c.config);
  for (const p of parsed.problems) assertInside(p.range, c.config!, '.alignment.yaml');
  const config = mergeConfig(parsed.config);
  const paths = Object.keys(c.files);
  const model = new WorkspaceModel(config, detectLayout(paths, config, { toolFolders: [] }));
  for (const [file, text] of Object.entries(c.files)) model.update(file, text);
  const findings: Finding[] = model.findings(NOW, paths);
  const index = model.index;
  return { findings, json: formatJson(findings), sarif: formatSarif(findings, '0.0.0', '/workspace'), text: formatText(findings), list: listJson(index), listText: listText(index) };
}

function checkCase(c: Case): void {
  const first = runCase(c);
  for (const f of first.findings) {
    assert.ok(f.path in c.files, `finding on ${f.path}, which is not a workspace file`);
    assertInside(f.range, c.files[f.path], `${f.code} in ${f.path}`);
    for (const r of f.related) {
      assert.ok(r.path in c.files, `related location in ${r.path}`);
      assertInside(r.range, c.files[r.path], `related of ${f.code} in ${r.path}`);
    }
  }
  const json = JSON.parse(first.json);
  assert.equal(json.findings.length, first.findings.length);
  const sarif = JSON.parse(first.sarif);
  assert.equal(sarif.version, '2.1.0');
  for (const result of sarif.runs[0].results) {
    assert.equal(typeof result.ruleId, 'string');
    const uri: string = result.locations[0].physicalLocation.artifactLocation.uri;
    assert.ok(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/.test(uri), `SARIF uri not percent-encoded: ${uri}`);
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
  }
  JSON.parse(first.list);
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(first.text + first.listText), 'control character in text output');
  assert.equal(first.text.split('\n').filter(Boolean).length, first.findings.length, 'one finding per line');
  const second = runCase(c);
  assert.equal(second.json, first.json, 'findings differ between two runs');
  assert.equal(second.list, first.list, 'list differs between two runs');
}

describe(`hostile input: fuzzing (${CASES} cases, seed ${SEED})`, function () {
  this.timeout(0);

  it('no exception escapes, positions lie inside their files, output is valid and deterministic', () => {
    assert.ok(SEEDS.length > 20, 'the fixtures give real-shaped seeds');
    const rnd = seededRandom(SEED);
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = makeCase(rnd);
      try {
        checkCase(c);
      } catch (error) {
        failures.push(`case ${i}: ${(error as Error).message.split('\n')[0]}`);
        if (failures.length >= 5) break;
      }
    }
    if (process.env.FUZZ_REPORT) console.log(`      fuzz: ${CASES} cases, ${failures.length} failures`);
    assert.deepEqual(failures, []);
  });
});
