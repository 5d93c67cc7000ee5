import * as assert from 'node:assert/strict';
import { at, ids, scan } from './helpers';
import { scanReferences } from '../../../src/core/references';

const kinds = (path: string, text: string, options = { decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: ['docs/adr'] }): string[] =>
  scan(path, text, options).map((r) => `${r.kind}:${r.id}:${r.recordKind}@${r.line}:${r.column}-${r.endColumn}:${r.text}`);

describe('references: tags, anchors and paths', () => {
  describe('tags', () => {
    it('reports the id after the tag, not the tag', () => {
      assert.deepEqual(kinds('a.ts', '// @decision ADR-7'), ['tag:ADR-7:decision@0:13-18:ADR-7']);
      assert.deepEqual(kinds('a.ts', ' * @assumes ASM-3'), []); // not a comment in a .ts file
      assert.deepEqual(kinds('a.ts', '/**\n * @assumes ASM-3\n */'), ['tag:ASM-3:assumption@1:12-17:ASM-3']);
      assert.deepEqual(kinds('a.py', '# @assumption ASM-3'), ['tag:ASM-3:assumption@0:14-19:ASM-3']);
    });

    it('takes several ids separated by commas, spaces or "and"', () => {
      assert.deepEqual(at('a.ts', '// @decision ADR-7, ADR-8 ADR 9 and ADR-10'), ['ADR-7@0:13-18', 'ADR-8@0:20-25', 'ADR-9@0:26-31', 'ADR-10@0:36-42']);
      assert.deepEqual(
        scan('a.ts', '// @decision ADR-7, ADR-8 because ADR-9').map((r) => r.kind),
        ['tag', 'tag', 'mention'],
      );
      assert.deepEqual(at('a.ts', '// @decision: ADR-7'), ['ADR-7@0:14-19']);
    });

    it('makes ids after @assumes/@assumption assumptions; otherwise the prefix decides', () => {
      assert.deepEqual(kinds('a.ts', '// @assumes ASM-1, ADR-2'), ['tag:ASM-1:assumption@0:12-17:ASM-1', 'tag:ADR-2:assumption@0:19-24:ADR-2']);
      assert.deepEqual(kinds('a.ts', '// @decision ASM-1'), ['tag:ASM-1:assumption@0:13-18:ASM-1']);
    });

    it('ignores a tag without ids and a tag glued to a word', () => {
      assert.deepEqual(ids('a.ts', '// @decision pending'), []);
      assert.deepEqual(kinds('a.ts', '// @decisionADR-7'), []);
    });

    it('ignores tags in strings', () => {
      assert.deepEqual(ids('a.ts', 'const s = "@decision ADR-7";'), []);
    });
  });

  describe('Decision Ledger anchors', () => {
    it('reads dl:adr NNNN as a numbered decision, positioned on the number', () => {
      assert.deepEqual(kinds('a.ts', '// dl:adr 0042'), ['anchor:ADR-0042:decision@0:10-14:0042']);
      assert.deepEqual(kinds('a.go', '/* dl:adr 7 */'), ['anchor:ADR-7:decision@0:10-11:7']);
    });

    it('reads @adr <slug> as the slug, or a number as a numbered decision', () => {
      assert.deepEqual(kinds('a.ts', '// @adr use-postgres.'), ['anchor:use-postgres:decision@0:8-20:use-postgres']);
      assert.deepEqual(kinds('a.ts', '// @adr 12'), ['anchor:ADR-12:decision@0:8-10:12']);
      assert.deepEqual(kinds('a.ts', '// @adr ADR-0012'), ['anchor:ADR-0012:decision@0:8-16:ADR-0012']);
      assert.deepEqual(kinds('a.rb', '# @adr 20240101-event-log'), ['anchor:event-log:decision@0:7-25:20240101-event-log']);
    });

    it('keeps @ADR-7 a mention and ignores anchors in code', () => {
      assert.deepEqual(kinds('a.ts', '// @ADR-7'), ['mention:ADR-7:decision@0:4-9:ADR-7']);
      assert.deepEqual(ids('a.ts', 'const s = "dl:adr 0042 @adr x";'), []);
    });
  });

  describe('record paths', () => {
    it('reads a record path and a URL ending in one', () => {
      assert.deepEqual(kinds('a.sql', '-- See docs/adr/0023-partition-maintenance.md'), [
        'path:ADR-0023:decision@0:7-45:docs/adr/0023-partition-maintenance.md',
      ]);
      const url = 'https://github.com/o/r/blob/main/docs/adr/0023-x.md';
      assert.deepEqual(kinds('a.ts', `// ${url}#context`), [`path:ADR-0023:decision@0:3-${3 + url.length}:${url}`]);
    });

    it('reads every record-like file name form', () => {
      assert.deepEqual(ids('a.ts', '// docs/adr/adr-012-cache.md'), ['ADR-012']);
      assert.deepEqual(ids('a.ts', '// adr/2021-03-04_007-queue.md'), ['ADR-007']);
      assert.deepEqual(ids('a.ts', '// docs/decisions/20210304-use-kafka.md'), ['20210304-use-kafka']);
      assert.deepEqual(ids('a.ts', '// ../../adrs/0009.md'), ['ADR-0009']);
      assert.deepEqual(ids('a.ts', '// ./decision-records/0002-x.markdown'), ['ADR-0002']);
    });

    it('recognises the configured decision folders', () => {
      const options = { decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: ['docs/architecture/'] };
      assert.deepEqual(ids('a.ts', '// docs/architecture/0005-x.md', options), ['ADR-0005']);
      assert.deepEqual(ids('a.ts', '// docs/architecture/0005-x.md'), []);
    });

    it('reports a path once, not the mention inside its file name', () => {
      assert.deepEqual(kinds('a.ts', '// [ADR-12](docs/adr/adr-12-cache.md)'), [
        'mention:ADR-12:decision@0:4-10:ADR-12',
        'path:ADR-12:decision@0:12-36:docs/adr/adr-12-cache.md',
      ]);
    });

    it('drops a label glued before the path', () => {
      assert.deepEqual(at('a.ts', '// See:docs/adr/0001-x.md'), ['ADR-0001@0:7-25']);
    });

    it('ignores paths that are not records', () => {
      assert.deepEqual(ids('a.ts', '// docs/adr/README.md docs/adr/template.md docs/adr/0001-template.md docs/guide/0001-x.md 0001-x.md'), []);
      assert.deepEqual(ids('a.ts', '// https://github.com/o/r/blob/main/docs/adr/index.md docs/adr/0001-x.mdx'), []);
      assert.deepEqual(ids('a.ts', 'const p = "docs/adr/0001-x.md";'), []);
    });
  });
});

describe('log4brains anchors with a package and a dated file name', () => {
  it('`@adr web/20200927-avoid-react-fc-type` names the slug avoid-react-fc-type', () => {
    const text = '"off" // @adr web/20200927-avoid-react-fc-type\n';
    const refs = scanReferences('.eslintrc.js', text, { decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: [] });
    assert.equal(refs.length, 1);
    assert.equal(refs[0].id, 'avoid-react-fc-type');
    assert.equal(refs[0].kind, 'anchor');
    assert.equal(refs[0].text, 'web/20200927-avoid-react-fc-type');
    assert.equal(refs[0].column, text.indexOf('web/'));
  });
});
