import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAssumptionFile } from '../../../src/core/assumptions';
import type { Range } from '../../../src/core/model';

const options = { prefix: 'ASM', decisionPrefix: 'ADR' };
const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});
const fixtures = path.join(__dirname, '../../fixtures/assumptions/docs/assumptions');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('parseAssumptionFile', () => {
  it('reads a single assumption with every field, ids and ranges', () => {
    const text = [
      'id: ASM-1', // 0
      'statement: Peak traffic stays low.', // 1
      'owner: platform-team@example.com', // 2
      'status: validated', // 3
      'confidence: medium', // 4
      'impact: high', // 5
      'validate-by: 2025-6-3', // 6
      'evidence: Load tests', // 7
      'decisions: [ADR-0003, 7]', // 8
      'supersedes: 9', // 9
      'superseded-by: [ASM-20]', // 10
      'tags: capacity', // 11
    ].join('\n');
    const { assumptions, problems } = parseAssumptionFile('docs/assumptions/a.yaml', text, options);
    assert.deepEqual(problems, []);
    assert.equal(assumptions.length, 1);
    const a = assumptions[0];
    assert.equal(a.kind, 'assumption');
    assert.equal(a.id, 'ASM-1');
    assert.equal(a.number, 1);
    assert.equal(a.statement, 'Peak traffic stays low.');
    assert.equal(a.status, 'validated');
    assert.deepEqual(a.statusRange, r(3, 8, 3, 17));
    assert.equal(a.owner, 'platform-team@example.com');
    assert.deepEqual(a.ownerRange, r(2, 7, 2, 32));
    assert.equal(a.confidence, 'medium');
    assert.equal(a.impact, 'high');
    assert.equal(a.validateBy, '2025-06-03');
    assert.deepEqual(a.validateByRange, r(6, 13, 6, 21));
    assert.equal(a.evidence, 'Load tests');
    assert.equal(a.path, 'docs/assumptions/a.yaml');
    assert.equal(a.line, 0);
    assert.deepEqual(a.range, r(0, 4, 0, 9));
    assert.deepEqual(a.decisions, [
      { id: 'ADR-0003', range: r(8, 12, 8, 20) },
      { id: 'ADR-7', range: r(8, 22, 8, 23) },
    ]);
    assert.deepEqual(a.supersedes, [{ id: 'ASM-9', range: r(9, 12, 9, 13) }]);
    assert.deepEqual(a.supersededBy, [{ id: 'ASM-20', range: r(10, 16, 10, 22) }]);
    assert.deepEqual(a.tags, ['capacity']);
  });

  it('defaults status to active and leaves optional fields out', () => {
    const { assumptions, problems } = parseAssumptionFile('a.yml', 'id: 3\nstatement: x\n', options);
    assert.deepEqual(problems, []);
    assert.equal(assumptions[0].id, 'ASM-3');
    assert.equal(assumptions[0].status, 'active');
    assert.equal(assumptions[0].statusRange, undefined);
    assert.equal(assumptions[0].owner, undefined);
    assert.equal(assumptions[0].validateBy, undefined);
    assert.deepEqual(assumptions[0].decisions, []);
  });

  it('keeps string ids as written and uses the configured prefixes for numbers', () => {
    const text = 'assumptions:\n  - id: hyp-cache-warm\n    statement: a\n    decisions: 12\n  - id: 4\n    statement: b\n';
    const { assumptions } = parseAssumptionFile('a.yaml', text, { prefix: 'HYP', decisionPrefix: 'DEC' });
    assert.deepEqual(
      assumptions.map((a) => [a.id, a.number]),
      [
        ['hyp-cache-warm', undefined],
        ['HYP-4', 4],
      ],
    );
    assert.deepEqual(assumptions[0].decisions, [{ id: 'DEC-12', range: r(3, 15, 3, 17) }]);
  });

  it('reads a list under assumptions:, each with the range of its id', () => {
    const { assumptions, problems } = parseAssumptionFile('docs/assumptions/data.yml', fixture('data.yml'), options);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      assumptions.map((a) => [a.id, a.status, a.line]),
      [
        ['ASM-2', 'validated', 1],
        ['ASM-3', 'invalidated', 7],
        ['ASM-4', 'active', 12],
      ],
    );
    assert.deepEqual(assumptions[0].range, r(1, 8, 1, 9));
    assert.deepEqual(assumptions[1].supersededBy, [{ id: 'ASM-4', range: r(10, 19, 10, 24) }]);
    assert.equal(assumptions[1].validateBy, '2024-01-15');
    assert.deepEqual(assumptions[2].supersedes, [{ id: 'ASM-3', range: r(14, 17, 14, 22) }]);
    assert.deepEqual(assumptions[2].decisions, [{ id: 'ADR-0015', range: r(16, 8, 16, 16) }]);
  });

  it('reads the single-assumption fixture', () => {
    const { assumptions, problems } = parseAssumptionFile('x.yaml', fixture('asm-1-traffic.yaml'), options);
    assert.deepEqual(problems, []);
    assert.equal(assumptions[0].id, 'ASM-1');
    assert.deepEqual(assumptions[0].range, r(1, 4, 1, 9));
    assert.deepEqual(assumptions[0].tags, ['capacity', 'performance']);
  });

  it('reports a YAML syntax error at its exact position', () => {
    const { problems } = parseAssumptionFile('b.yaml', fixture('broken-syntax.yaml'), options);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'record.yaml');
    assert.match(problems[0].message, /YAML syntax error/);
    assert.deepEqual(problems[0].range, r(2, 7, 2, 8));
  });

  it('reports wrong types and values at their field, naming the assumption, and keeps the other items', () => {
    const { assumptions, problems } = parseAssumptionFile('w.yaml', fixture('wrong-types.yaml'), options);
    assert.deepEqual(
      problems.map((p) => [p.code, p.message, p.range]),
      [
        ['record.schema', 'Assumption ASM-6: `status` must be one of active, validated, invalidated, superseded, retired, not "maybe".', r(3, 12, 3, 17)],
        ['record.schema', 'Assumption ASM-6: `impact` must be one of low, medium, high, not 3.', r(4, 12, 4, 13)],
        ['record.schema', 'Assumption ASM-7: `statement` is required.', r(5, 4, 5, 6)],
      ],
    );
    assert.deepEqual(
      assumptions.map((a) => a.id),
      ['ASM-6', 'ASM-7', 'ASM-8'],
    );
    // A bad value falls back: the status stays the default, the impact is left out.
    assert.equal(assumptions[0].status, 'active');
    assert.equal(assumptions[0].impact, undefined);
    assert.equal(assumptions[2].statement, 'The team keeps on-call coverage in two time zones.');
  });

  it('points at the bad element of a list of ids', () => {
    const text = 'id: ASM-1\nstatement: s\ndecisions: [ADR-1, {x: 1}]\n';
    const { assumptions, problems } = parseAssumptionFile('a.yaml', text, options);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, 'Assumption ASM-1: `decisions` item 2 must be an id, not a mapping.');
    assert.deepEqual(problems[0].range, r(2, 19, 2, 25));
    assert.deepEqual(
      assumptions[0].decisions.map((d) => d.id),
      ['ADR-1'],
    );
  });

  it('drops an item without an id, reporting it', () => {
    const text = 'assumptions:\n  - statement: no id here\n  - id: ASM-2\n    statement: fine\n';
    const { assumptions, problems } = parseAssumptionFile('a.yaml', text, options);
    assert.deepEqual(
      assumptions.map((a) => a.id),
      ['ASM-2'],
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, 'Assumption 1 of a.yaml (no id): `id` is required.');
    assert.deepEqual(problems[0].range, r(1, 4, 1, 13));
  });

  it('reports an id that is a number but not a whole one', () => {
    const { assumptions, problems } = parseAssumptionFile('a.yaml', 'id: 3.5\nstatement: s\n', options);
    assert.deepEqual(assumptions, []);
    assert.deepEqual(
      problems.map((p) => [p.message, p.range]),
      [['The assumption in a.yaml (no id): `id` must be an id such as ASM-3 (or a number), not 3.5.', r(0, 4, 0, 7)]],
    );
  });

  it('reports a validate-by that is not a date', () => {
    const { assumptions, problems } = parseAssumptionFile('a.yaml', 'id: ASM-1\nstatement: s\nvalidate-by: next spring\n', options);
    assert.equal(assumptions[0].validateBy, undefined);
    assert.deepEqual(
      problems.map((p) => [p.message, p.range]),
      [['Assumption ASM-1: `validate-by` must be a date (YYYY-MM-DD), not "next spring".', r(2, 13, 2, 24)]],
    );
  });

  it('accepts a YAML 1.1 timestamp and normalises it', () => {
    const { assumptions, problems } = parseAssumptionFile('a.yaml', '%YAML 1.1\n---\nid: ASM-1\nstatement: s\nvalidate-by: 2025-02-03\n', options);
    assert.deepEqual(problems, []);
    assert.equal(assumptions[0].validateBy, '2025-02-03');
  });

  it('never throws on unusual input', () => {
    const inputs = ['', '   \n# only a comment\n', '\u0000\u0001binary\u0000', 'just a scalar', '42', '- id: ASM-1\n  statement: s\n', 'assumptions: 5', '[', '{a: 1', 'a: &x [*x]', `id: ASM-1\nstatement: ${'x'.repeat(200_000)}\n`, 'assumptions:\n  - 7\n  - null\n'];
    for (const input of inputs) assert.doesNotThrow(() => parseAssumptionFile('a.yaml', input, options), JSON.stringify(input.slice(0, 20)));
    assert.deepEqual(parseAssumptionFile('a.yaml', '', options), { assumptions: [], problems: [] });
    assert.deepEqual(parseAssumptionFile('a.yaml', '# nothing\n', options), { assumptions: [], problems: [] });
    assert.deepEqual(parseAssumptionFile('a.yaml', '\u0000\u0001', options), { assumptions: [], problems: [] });
    const huge = parseAssumptionFile('a.yaml', 'x'.repeat(5 * 1024 * 1024), options);
    assert.equal(huge.assumptions.length, 0);
    assert.match(huge.problems[0].message, /too large/);
  });

  it('reads a top-level list but says to put it under assumptions:', () => {
    const { assumptions, problems } = parseAssumptionFile('a.yaml', '- id: ASM-1\n  statement: s\n', options);
    assert.deepEqual(
      assumptions.map((a) => a.id),
      ['ASM-1'],
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'record.schema');
    assert.match(problems[0].message, /under `assumptions:`/);
    assert.deepEqual(problems[0].range, r(0, 0, 0, 11));
  });

  it('reports a scalar file and a non-list assumptions: at the root', () => {
    const scalar = parseAssumptionFile('a.yaml', 'hello', options);
    assert.deepEqual(scalar.assumptions, []);
    assert.equal(scalar.problems[0].code, 'record.schema');
    assert.deepEqual(scalar.problems[0].range, r(0, 0, 0, 5));
    const notList = parseAssumptionFile('a.yaml', 'assumptions: 5\n', options);
    assert.deepEqual(notList.problems.map((p) => [p.message, p.range]), [['`assumptions` in a.yaml must be a list of assumptions, not 5.', r(0, 13, 0, 14)]]);
  });

  it('reports each bad list item and keeps the good ones', () => {
    const text = 'assumptions:\n  - 7\n  - id: ASM-2\n    statement: ok\n';
    const { assumptions, problems } = parseAssumptionFile('a.yaml', text, options);
    assert.deepEqual(
      assumptions.map((a) => a.id),
      ['ASM-2'],
    );
    assert.deepEqual(problems.map((p) => [p.message, p.range]), [['Assumption 1 of a.yaml must be a mapping with `id` and `statement`, not 7.', r(1, 4, 1, 5)]]);
  });

  it('reports a duplicated key as a YAML error', () => {
    const { problems } = parseAssumptionFile('a.yaml', 'id: ASM-1\nid: ASM-2\nstatement: s\n', options);
    assert.equal(problems[0].code, 'record.yaml');
    assert.deepEqual(problems[0].range, r(1, 0, 1, 1));
  });
});
