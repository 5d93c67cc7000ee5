// mayBeRecord names every path that layout detection or a record role can depend on:
// the scan-based load looks at only those and the candidates, so it must never miss one.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { RECORD_EXTENSION } from '../../../src/core/decisions/file-names';
import { detectLayout, LayoutEvidence, mayBeRecord, roleOf } from '../../../src/core/layout';

const PATHS = [
  'docs/adr/0001-use-postgres.md',
  'docs/adr/0002-x.MD',
  'docs/adr/0003-y.markdown',
  'docs/adr/0004-z.rst',
  'docs/adr/0005-w.adoc',
  'docs/adr/0006-v.AsciiDoc',
  'docs/adr/0007-u.mdx',
  'docs/adr/template.md',
  'docs/adr/README.md',
  'docs/adr/0008-folder/index.md',
  'docs/adr/0008-folder/notes.txt',
  'architecture/decisions/adr-001-first.md',
  'architecture/decisions/adr-002-second.md',
  'records/ADR-7.md',
  'records/adr-8.md',
  'assumptions/cache.yaml',
  'assumptions/cache.YML',
  'ASSUMPTIONS.md',
  'src/assumptions.md',
  '.alignment.yaml',
  '.alignment.json',
  'src/a.ts',
  'src/a.md.ts',
  'src/x.md/y.ts',
  'src/.md',
  'src/no-extension',
  'src/trailing.',
  'src/odd.rſt',
  'src/odd.İmd',
  'src/名前.md',
  'decisions/0001-at-root.md',
  '0001-repo-of-records.md',
  '0002-repo-of-records.md',
  'adr-0003-repo.md',
];

describe('mayBeRecord', () => {
  it('is exactly a record extension or YAML', () => {
    for (const p of PATHS) assert.equal(mayBeRecord(p), RECORD_EXTENSION.test(p) || /\.ya?ml$/i.test(p), p);
  });

  it('keeps what layout detection sees: the same layout from those paths alone', () => {
    const configs = [DEFAULT_CONFIG, { ...DEFAULT_CONFIG, assumptionFolders: ['assumptions'] }];
    for (const config of configs) {
      for (const toolFolders of [[], ['architecture/decisions']]) {
        assert.deepEqual(detectLayout(PATHS.filter(mayBeRecord), config, { toolFolders }), detectLayout(PATHS, config, { toolFolders }));
      }
    }
  });

  it('evidence taken one path at a time, in any order, gives the layout of the whole list', () => {
    const documents = PATHS.filter(mayBeRecord);
    const orders = [documents, [...documents].reverse(), [...documents].sort(), documents.filter((_, i) => i % 2).concat(documents.filter((_, i) => i % 2 === 0))];
    for (const toolFolders of [[], ['architecture/decisions']]) {
      const expected = detectLayout(documents, DEFAULT_CONFIG, { toolFolders });
      assert.ok(expected.decisionFolders.length >= 3, String(expected.decisionFolders));
      for (const order of orders) {
        const evidence = new LayoutEvidence();
        for (const path of order) evidence.add(path);
        assert.deepEqual(detectLayout(evidence, DEFAULT_CONFIG, { toolFolders }), expected);
      }
    }
  });

  it('every other path is code or nothing, whatever the layout', () => {
    const layouts = [
      detectLayout(PATHS, DEFAULT_CONFIG, { toolFolders: [] }),
      { decisionFolders: [''], assumptionFolders: ['assumptions', 'src'], openFolders: [''] },
      { decisionFolders: ['src', 'docs/adr'], assumptionFolders: [''], openFolders: ['src'] },
    ];
    for (const layout of layouts) {
      for (const p of PATHS.filter((q) => !mayBeRecord(q))) {
        assert.ok(roleOf(p, layout) === 'code' || roleOf(p, layout) === undefined, `${p}: ${roleOf(p, layout)}`);
      }
    }
    assert.ok(PATHS.filter(mayBeRecord).length > 20);
  });
});
