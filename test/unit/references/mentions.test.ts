import * as assert from 'node:assert/strict';
import { at, ids, scan } from './helpers';

describe('references: plain mentions', () => {
  it('finds the forms real code writes, with exact positions', () => {
    assert.deepEqual(at('a.ts', '// See ADR-0009.'), ['ADR-0009@0:7-15']);
    assert.deepEqual(at('a.ts', '// ADR-003, ADR-054 and ADR-058'), ['ADR-003@0:3-10', 'ADR-054@0:12-19', 'ADR-058@0:24-31']);
    assert.deepEqual(at('a.ts', '/* (ADR 0022) */'), ['ADR-0022@0:4-12']);
    assert.deepEqual(at('a.ts', '// ADR009'), ['ADR-009@0:3-9']);
    assert.deepEqual(at('a.sql', 'SELECT 1; -- See ADR21'), ['ADR-21@0:17-22']);
    assert.deepEqual(at('a.py', '# adr-12 and Adr_7'), ['ADR-12@0:2-8', 'ADR-7@0:13-18']);
    assert.deepEqual(at('a.ts', '// ASM-3: holds'), ['ASM-3@0:3-8']);
  });

  it('keeps the text as written and normalises the id', () => {
    const [r] = scan('a.ts', 'x(); // per adr 0022.');
    assert.deepEqual(r, {
      path: 'a.ts',
      line: 0,
      column: 12,
      endColumn: 20,
      text: 'adr 0022',
      id: 'ADR-0022',
      kind: 'mention',
      recordKind: 'decision',
    });
    assert.equal(scan('a.ts', '// asm_4')[0].recordKind, 'assumption');
    assert.equal(scan('a.ts', '// asm_4')[0].id, 'ASM-4');
  });

  it('needs a word boundary before the prefix and no letter or digit after the number', () => {
    assert.deepEqual(ids('a.ts', '// MADR_12 LADR-3 ADR-12abc _ADR-1 ADR-1x ADR-'), []);
    assert.deepEqual(ids('a.ts', '// ADRs 12, ADR--3, ADR  4'), []);
    assert.deepEqual(ids('a.ts', '// [ADR-1](x) {ADR-2} "ADR-3" ADR-4: ADR-5/ADR-6'), ['ADR-1', 'ADR-2', 'ADR-3', 'ADR-4', 'ADR-5', 'ADR-6']);
  });

  it('uses the configured prefixes, case-insensitively', () => {
    const options = { decisionPrefix: 'DEC', assumptionPrefix: 'HYP', decisionFolders: [] };
    assert.deepEqual(ids('a.ts', '// dec-4, HYP 2, ADR-1', options), ['DEC-4', 'HYP-2']);
    assert.equal(scan('a.ts', '// hyp-2', options)[0].recordKind, 'assumption');
  });

  it('reports positions on later lines, in UTF-16 columns, after CRLF and a BOM', () => {
    const text = '\uFEFFconst a = 1;\r\n// café ☕ 🎉 ADR-5\r\n/*\r\n * ADR-6\r\n */';
    assert.deepEqual(at('a.ts', text), ['ADR-5@1:13-18', 'ADR-6@3:3-8']);
    assert.deepEqual(at('a.ts', '\uFEFF// ADR-1'), ['ADR-1@0:3-8']);
  });

  it('reports references in text order across comment kinds', () => {
    const text = '/** ADR-1 */\nfunction f() { // ADR-2\n  return 1; /* ADR-3\n ADR-4 */ }\n';
    assert.deepEqual(at('a.ts', text), ['ADR-1@0:4-9', 'ADR-2@1:18-23', 'ADR-3@2:15-20', 'ADR-4@3:1-6']);
  });

  describe('ids outside comments are not references', () => {
    it('in string literals and template strings', () => {
      assert.deepEqual(ids('a.ts', 'const a = "ADR-1"; const b = \'ADR-2\'; const c = `ADR-3 ${"ADR-4"}`;'), []);
      assert.deepEqual(ids('a.ts', 'const s = "// ADR-1"; const t = \'/* ADR-2 */\';'), []);
    });

    it('in Python strings that are not docstrings', () => {
      const text = 'x = "ADR-1"\ny = \'# ADR-2\'\nz = """ADR-3"""\ncall(\n    """ADR-4"""\n)\n';
      assert.deepEqual(ids('a.py', text), []);
      assert.deepEqual(ids('a.py', 'def f():\n    """See ADR-5."""\n'), ['ADR-5']);
    });

    it('in code', () => {
      assert.deepEqual(ids('a.ts', 'const adr9 = 1; const ADR_12 = ADR-3;'), []);
      assert.deepEqual(ids('a.go', 'var ADR12 = 1'), []);
    });

    it('in URLs that are not record paths', () => {
      assert.deepEqual(ids('a.ts', '// https://example.com/issues/ADR-12 and https://adr.github.io/madr/'), []);
      assert.deepEqual(ids('a.ts', '// https://github.com/o/r/blob/main/README.md www.example.com/ADR-3'), []);
      assert.deepEqual(ids('a.ts', '// https://example.com/docs/adr/guide.html'), []);
      assert.deepEqual(ids('a.ts', '// see https://example.com/x then ADR-4'), ['ADR-4']);
    });
  });

  it('is empty for text without candidates and for empty text', () => {
    assert.deepEqual(scan('a.ts', ''), []);
    assert.deepEqual(scan('a.ts', '// nothing to see'), []);
  });

  it('scans large files with many mentions', () => {
    const text = '// ADR-1 ADR-2\nconst x = "ADR-3";\n'.repeat(20_000);
    const refs = scan('a.ts', text);
    assert.equal(refs.length, 40_000);
    assert.deepEqual([refs[39_999].line, refs[39_999].column], [39_998, 9]);
  });

  it('is linear on a long run of mentions glued into one token', () => {
    const text = '// ' + 'ADR-1/'.repeat(100_000);
    assert.equal(scan('a.ts', text).length, 100_000);
  });
});
