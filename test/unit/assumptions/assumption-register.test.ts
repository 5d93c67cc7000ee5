import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isAssumptionRegisterName, parseAssumptionRegister, parseAssumptionSource } from '../../../src/core/assumptions';
import type { Range } from '../../../src/core/model';

const options = { prefix: 'ASM', decisionPrefix: 'ADR' };
const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

describe('parseAssumptionRegister', () => {
  it('reads the fixture register', () => {
    const file = path.join(__dirname, '../../fixtures/assumptions/docs/assumptions/ASSUMPTIONS.md');
    const { assumptions, problems } = parseAssumptionRegister('docs/assumptions/ASSUMPTIONS.md', readFileSync(file, 'utf8'), options);
    assert.deepEqual(
      assumptions.map((a) => [a.id, a.status, a.owner, a.line]),
      [
        ['ASM-10', 'active', 'Product', 6],
        ['ASM-11', 'active', 'Legal', 7],
        ['ASM-12', 'invalidated', undefined, 8],
      ],
    );
    const first = assumptions[0];
    assert.equal(first.statement, 'Most users run the desktop client');
    assert.equal(first.confidence, 'high');
    assert.equal(first.impact, 'medium');
    assert.equal(first.validateBy, '2025-12-31');
    assert.equal(first.path, 'docs/assumptions/ASSUMPTIONS.md');
    assert.deepEqual(first.range, r(6, 2, 6, 8));
    assert.deepEqual(first.decisions, [
      { id: 'ADR-0003', range: r(6, 95, 6, 103) },
      { id: 'ADR-0009', range: r(6, 105, 6, 113) },
    ]);
    // A link keeps its text as the id, at the text's position.
    assert.deepEqual(assumptions[1].decisions, [{ id: 'ADR-0004', range: r(7, 86, 7, 94) }]);
    assert.equal(assumptions[1].validateBy, undefined);
    assert.deepEqual(
      problems.map((p) => [p.code, p.range]),
      [['record.schema', r(7, 49, 7, 65)]],
    );
    assert.match(problems[0].message, /ASM-11.*"Under discussion".*read as active/);
  });

  it('maps header names case-insensitively, in any order, ignoring unknown columns', () => {
    const text = [
      '| Notes | Review-by | STATEMENT | id | Validate-by |',
      '|:--|--|--|--:|--|',
      '| x | 2026-01-02 | Caches are warm | 4 | |',
    ].join('\n');
    const { assumptions, problems } = parseAssumptionRegister('A.md', text, options);
    assert.deepEqual(problems, []);
    assert.equal(assumptions.length, 1);
    assert.equal(assumptions[0].id, 'ASM-4');
    assert.equal(assumptions[0].number, 4);
    assert.equal(assumptions[0].statement, 'Caches are warm');
    assert.equal(assumptions[0].validateBy, '2026-01-02');
    assert.deepEqual(assumptions[0].validateByRange, r(2, 6, 2, 16));
    assert.deepEqual(assumptions[0].range, r(2, 37, 2, 38));
  });

  it('reads the first table with an ID column, not earlier tables or tables in code fences', () => {
    const text = [
      '| Name | Value |', // 0
      '|---|---|',
      '| a | b |',
      '',
      '```markdown', // 4
      '| ID | Statement |',
      '|---|---|',
      '| ASM-99 | example |',
      '```',
      '', // 9
      'ID | Statement | Status', // 10: no outer pipes
      '---|---|---',
      'ASM-1 | First | `Validated` |',
      'ASM-2 | Second \\| with a pipe | retired',
      '',
      '| ID | Statement |', // 15: a later table is not read
      '|---|---|',
      '| ASM-3 | Third |',
    ].join('\n');
    const { assumptions, problems } = parseAssumptionRegister('A.md', text, options);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      assumptions.map((a) => [a.id, a.statement, a.status, a.line]),
      [
        ['ASM-1', 'First', 'validated', 12],
        ['ASM-2', 'Second | with a pipe', 'retired', 13],
      ],
    );
    assert.deepEqual(assumptions[0].range, r(12, 0, 12, 5));
  });

  it('reports bad levels and dates at their cell and skips rows without an id', () => {
    const text = ['| ID | Statement | Impact | Validate by |', '|---|---|---|---|', '|  | no id | high | |', '| ASM-5 | s | huge | soon |'].join('\n');
    const { assumptions, problems } = parseAssumptionRegister('A.md', text, options);
    assert.deepEqual(
      assumptions.map((a) => a.id),
      ['ASM-5'],
    );
    assert.equal(assumptions[0].impact, undefined);
    assert.deepEqual(
      problems.map((p) => [p.code, p.message, p.range]),
      [
        ['record.schema', 'Assumption ASM-5: impact "huge" is not one of low, medium, high.', r(3, 14, 3, 18)],
        ['record.schema', 'Assumption ASM-5: validate-by "soon" is not a date (YYYY-MM-DD).', r(3, 21, 3, 25)],
      ],
    );
  });

  it('returns nothing for a register without a table, and never throws', () => {
    assert.deepEqual(parseAssumptionRegister('A.md', '# Assumptions\n\nNone yet.\n', options), { assumptions: [], problems: [] });
    for (const input of ['', '|', '| ID |', '| ID |\n|---|', '| ID |\n|---|\n|', '\u0000binary', '|'.repeat(100_000)]) {
      assert.doesNotThrow(() => parseAssumptionRegister('A.md', input, options));
    }
  });

  it('handles CRLF line endings', () => {
    const text = '| ID | Statement |\r\n|---|---|\r\n| ASM-1 | One |\r\n';
    const { assumptions } = parseAssumptionRegister('A.md', text, options);
    assert.deepEqual(assumptions[0].range, r(2, 2, 2, 7));
    assert.equal(assumptions[0].statement, 'One');
  });

  it('dispatches by file name', () => {
    assert.ok(isAssumptionRegisterName('docs/assumptions/ASSUMPTIONS.md'));
    assert.ok(!isAssumptionRegisterName('docs/assumptions/a.yaml'));
    assert.equal(parseAssumptionSource('ASSUMPTIONS.md', '| ID |\n|--|\n| 1 |\n', options).assumptions[0].id, 'ASM-1');
    assert.equal(parseAssumptionSource('a.yml', 'id: 1\nstatement: s\n', options).assumptions[0].id, 'ASM-1');
  });
});
