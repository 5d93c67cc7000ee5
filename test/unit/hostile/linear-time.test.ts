// Every matcher that sees workspace text runs in linear time. One test per class of
// input that made a check hang (seconds per line, exponential globs, quadratic comment
// and table scans, a cubic cycle search), each at least 100 KB, each asserting both the
// completion bound and the findings.
import * as assert from 'node:assert/strict';
import { compileGlob, matchesGlob } from '../../../src/core/glob';
import { scanDecisionRefs } from '../../../src/core/decisions/ref-scan';
import { duplicateIds } from '../../../src/core/rules/duplicate-id';
import { supersessionCycles } from '../../../src/core/rules/supersession';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import type { Rule } from '../../../src/core/rules/context';
import { buildIndex, decision, NOW, runRule } from '../rules/builders';
import { codes, kb100, load, quickly, scaled } from './helpers';

/** Runs one rule on a prebuilt index, timing the rule alone (not the index build or the final sort). */
function timedRule(what: string, rule: Rule, decisions: ReturnType<typeof decision>[]) {
  const context = { index: buildIndex({ decisions }), config: DEFAULT_CONFIG, now: NOW, files: [] };
  return quickly(what, () => rule(context)).map((f) => ({ related: [], ...f }));
}

const RECORD = '# 1. Use PostgreSQL\n\nDate: 2024-01-01\n\n## Status\n\n';

describe('hostile input: linear-time parsing', () => {
  it('a relation line of 100 KB of digits after "Superseded by"', () => {
    const text = `${RECORD}Superseded by ${kb100('9')}\n`;
    const { model, findings } = quickly('parse', () => load({ 'docs/adr/0001-use-postgresql.md': text }));
    const [d] = model.index.decisions;
    assert.equal(d.status, 'superseded');
    assert.deepEqual(codes(findings).filter((c) => c.startsWith('record.') && c !== 'record.no-owner'), []);
  });

  it('a relation line of 100 KB of digits and dots that look like file names', () => {
    const refs = quickly('scan', () => scanDecisionRefs(`${kb100('1.')} and 0005-x.md`, 'ADR'));
    assert.deepEqual(refs.map((r) => r.id), ['ADR-0005']);
  });

  it('a relation naming a link with 100 KB of digits in its text', () => {
    const text = `${RECORD}Supersedes [${kb100('1')}](x)\n`;
    const { model } = quickly('parse', () => load({ 'docs/adr/0001-use-postgresql.md': text }));
    assert.equal(model.index.decisions.length, 1);
  });

  it('a status with 100 KB of "[a](" (unclosed links)', () => {
    const text = `${RECORD}Accepted ${kb100('[a](')}\n`;
    const { model } = quickly('parse', () => load({ 'docs/adr/0001-use-postgresql.md': text }));
    assert.equal(model.index.decisions[0].status, 'accepted');
  });

  it('a title and a summary paragraph with 100 KB of "[a](", "<a" and "<!--"', () => {
    for (const unit of ['[a](', '<a', '<!--', '**a', ' _a']) {
      const text = `# ${kb100(unit)}\n\nStatus: accepted\n\n## Context\n\n${kb100(unit)}\n`;
      const { model } = quickly(`parse ${unit}`, () => load({ 'docs/adr/0001-x.md': text }));
      assert.equal(model.index.decisions.length, 1, unit);
    }
  });

  it('applies-to globs with many ** and *x parts against a long file name (exponential before)', () => {
    const glob = `${'**/*x'.repeat(20)}y`;
    const longName = `src/${'x'.repeat(scaled(100_000))}`;
    assert.equal(quickly('match', () => matchesGlob(longName, glob)), false);
    assert.equal(matchesGlob(`src/${'x'.repeat(30)}y`, glob), true); // `**/` may match nothing: 20 x's in one name
    assert.equal(matchesGlob(`src/${'x'.repeat(10)}y`, glob), false);
    assert.equal(matchesGlob('a/xb/c/y', '**/*x**/*x**/*xy'), false);
    assert.equal(matchesGlob('a/xb/xc/xxy', '**/*x**/*x**/*xy'), true);
    const star = `**/${'*a'.repeat(40)}*b`;
    assert.equal(quickly('match', () => matchesGlob('a'.repeat(scaled(100_000)), star)), false);
    assert.equal(matchesGlob(`${'a'.repeat(50)}b`, star), true);
  });

  it('a superseded decision with a hostile applies-to glob, against a workspace with a long file name', () => {
    const glob = `${'**/*x'.repeat(20)}y`;
    const files = {
      'docs/adr/0001-old.md': `---\nstatus: superseded\nsuperseded-by: ADR-2\napplies-to: ["${glob}", "src/**"]\n---\n# Old\n`,
      'docs/adr/0002-new.md': '---\nstatus: accepted\n---\n# New\n',
      [`src/${'x'.repeat(scaled(100_000))}.ts`]: '',
      'src/a.ts': '',
    };
    const { findings } = quickly('check', () => load(files));
    const governed = findings.filter((f) => f.code === 'file.governed-by-superseded').map((f) => f.path.slice(0, 10));
    assert.deepEqual(governed.sort(), ['src/a.ts', 'src/xxxxxx']);
  });

  it('globs behave as before on ordinary patterns', () => {
    const cases: [string, string, boolean][] = [
      ['src/**/*.ts', 'src/a/b/c.ts', true],
      ['src/**/*.ts', 'src/c.ts', true],
      ['src/**/*.ts', 'lib/c.ts', false],
      ['*.md', 'docs/adr/0001-x.md', true],
      ['/build', 'build/x.js', true],
      ['/build', 'src/build/x.js', false],
      ['docs/', 'docs/a.md', true],
      ['file?.{js,ts}', 'a/file1.ts', true],
      ['file[0-9].js', 'file7.js', true],
      ['file[!0-9].js', 'file7.js', false],
      ['a/*/c', 'a/b/c', true],
      ['a/*/c', 'a/b/b/c', false],
    ];
    for (const [glob, path, expected] of cases) assert.equal(matchesGlob(path, glob), expected, `${glob} ~ ${path}`);
  });

  it('an invalid glob is a problem, never a crash: [z-a], an unclosed {, a huge pattern', () => {
    assert.throws(() => compileGlob('[z-a]'), /out of order/);
    assert.throws(() => compileGlob('{a,b'), /closing/);
    assert.throws(() => compileGlob('a'.repeat(5000)), /longer than/);
    assert.equal(matchesGlob('z', '[z-a]'), false);
  });

  it('a comment of 100 KB of ".md" (quadratic before), still finding a record path after it', () => {
    const text = `// ${kb100('.md')} see docs/adr/0001-use-postgresql.md\n`;
    const { model } = quickly('scan', () => load({ 'docs/adr/0001-use-postgresql.md': `${RECORD}Accepted\n`, 'src/a.ts': text }));
    const refs = model.index.referencesIn('src/a.ts');
    assert.deepEqual(refs.map((r) => [r.id, r.kind]), [['ADR-0001', 'path']]);
  });

  it('a comment of 100 KB of path characters before a record path is not a path', () => {
    const text = `// ${kb100('a/')}docs/adr/0001-x.md\n// ADR-1\n`;
    const { model } = quickly('scan', () => load({ 'docs/adr/0001-x.md': `${RECORD}Accepted\n`, 'src/a.ts': text }));
    assert.deepEqual(model.index.referencesIn('src/a.ts').map((r) => [r.line, r.kind]), [[1, 'mention']]);
  });

  it('an ASSUMPTIONS.md cell of 100 KB of "[a](" (quadratic before)', () => {
    const text = `| ID | Statement | Decisions |\n|---|---|---|\n| ASM-1 | Traffic doubles ${kb100('[a](')} | ${kb100('[a](')} |\n`;
    const { model } = quickly('parse', () => load({ 'ASSUMPTIONS.md': text }));
    assert.deepEqual(model.index.assumptions.map((a) => a.id), ['ASM-1']);
  });

  it('an ignore-file style trailing-space run and a front matter id of 100 KB of zeros', () => {
    const id = `ADR-${kb100('0')}x`;
    const { model } = quickly('parse', () => load({ 'docs/adr/0001-x.md': `---\nid: ${id}\nstatus: accepted\n---\n# X\n` }));
    assert.equal(model.index.decisions[0].id.length, id.length);
  });

  it('the supersession cycle search over a 10,000-record chain and a 10,000-record cycle (cubic before)', () => {
    const n = scaled(10_000);
    const chain = Array.from({ length: n }, (_, i) => decision(`ADR-${i + 1}`, { supersededBy: [`ADR-${i + 2}`] }));
    assert.deepEqual(timedRule('chain', supersessionCycles, chain), []);
    const cycle = Array.from({ length: n }, (_, i) => decision(`ADR-${i + 1}`, { supersededBy: [`ADR-${((i + 1) % n) + 1}`] }));
    const findings = timedRule('cycle', supersessionCycles, cycle);
    assert.equal(findings.length, n);
    assert.ok(findings.every((f) => f.code === 'record.cycle' && f.related.length === 5 && f.message.length < 400));
    assert.match(findings[0].message, new RegExp(`ADR-1 → ADR-2 → ADR-3 → … → ADR-1, ${n} records`));
  });
});

describe('hostile input: bounded findings', () => {
  it('3,000 records sharing one id: one short finding per record, naming five others and the count', () => {
    const n = scaled(3000);
    const records = Array.from({ length: n }, (_, i) => decision('ADR-0001', { title: `Copy ${i}`, path: `docs/adr/${String(i).padStart(5, '0')}/0001-x.md` }));
    const findings = timedRule('duplicates', duplicateIds, records);
    assert.equal(findings.length, n);
    for (const f of findings) {
      assert.equal(f.related.length, 5);
      assert.ok(f.message.includes(`and ${n - 6} more (${n} records in all)`), f.message);
      assert.ok(f.message.length < 500, f.message);
    }
    // Output linear in the records: a few hundred bytes per finding, not megabytes.
    assert.ok(quickly('JSON of the findings', () => JSON.stringify(findings)).length < n * 2000);
  });

  it('a 3,000-record cycle: output linear in the records', () => {
    const n = scaled(3000);
    const cycle = Array.from({ length: n }, (_, i) => decision(`ADR-${i + 1}`, { supersededBy: [`ADR-${((i + 1) % n) + 1}`] }));
    const findings = quickly('cycle search', () => runRule(supersessionCycles, { decisions: cycle }));
    assert.equal(findings.length, n);
    assert.ok(quickly('JSON of the findings', () => JSON.stringify(findings)).length < n * 2000);
  });

  it('a small cycle still names every record on it', () => {
    const cycle = ['ADR-1', 'ADR-2', 'ADR-3'].map((id, i, all) => decision(id, { supersededBy: [all[(i + 1) % 3]] }));
    const findings = runRule(supersessionCycles, { decisions: cycle });
    assert.match(findings[1].message, /ADR-1 → ADR-2 → ADR-3 → ADR-1/);
    assert.deepEqual(findings[1].related.map((r) => r.path), [cycle[2].path, cycle[0].path]);
  });
});
