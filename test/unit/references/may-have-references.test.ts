// mayHaveReferences answers before the layout is known: when it says false, scanReferences
// finds nothing under any decision folders. Checked on generated files that mix comments,
// strings and near-miss candidates, in several languages, and on the cases it must keep.
import * as assert from 'node:assert/strict';
import { mayHaveReferences, scanReferences } from '../../../src/core/references';
import { seededRandom } from '../../shared/seeded-random';

const PREFIXES = { decisionPrefix: 'ADR', assumptionPrefix: 'ASM' };
const FOLDER_SETS = [[], ['docs/adr'], ['docs/adr', 'decisions', 'architecture/records'], ['adr']];
const PIECES = [
  '// See ADR-0009.\n',
  '/* @assumes ASM-3 */\n',
  'const s = "ADR-1 in a string";\n',
  '# dl:adr 42\n',
  '// docs/adr/0001-use-x.md\n',
  '// see decisions/0002-y.md and architecture/records/3-z.md\n',
  'x = "docs/adr/0001-use-x.md"\n',
  '<!-- @adr keep-it -->\n',
  'integrity: sha512-QadR4xadr9ZADR\n',
  '// nothing here\n',
  'let a = 1; // trailing ADR_7\n',
  '/* open ADR-8 ',
  '*/\n',
  '"unterminated ADR-5\n',
  'plain text ADR-12 outside any comment\n',
];
const NAMES = ['a.ts', 'b.py', 'c.md', 'd.yaml', 'e.go', 'f.sh', 'g.html', 'h.unknown-extension'];

describe('mayHaveReferences', () => {
  it('is false only where scanReferences finds nothing, whatever the decision folders (600 generated files)', () => {
    const random = seededRandom(9);
    let without = 0;
    for (let n = 0; n < 600; n++) {
      const name = NAMES[Math.floor(random() * NAMES.length)];
      let text = '';
      for (let k = Math.floor(random() * 6); k > 0; k--) text += PIECES[Math.floor(random() * PIECES.length)];
      if (mayHaveReferences(name, text, PREFIXES)) continue;
      without++;
      for (const decisionFolders of FOLDER_SETS) {
        assert.deepEqual(scanReferences(name, text, { ...PREFIXES, decisionFolders }), [], `${name} (seed 9, file ${n}) with ${decisionFolders.join(',')}:\n${text}`);
      }
    }
    assert.ok(without > 100, `only ${without} generated files without references: the check saw too few`);
  });

  it('is true for a reference of every kind, and false for candidates outside comments', () => {
    for (const [name, text] of [
      ['a.ts', '// See ADR-0009.\n'],
      ['a.ts', '/** @assumes ASM-3 */\n'],
      ['b.py', '# dl:adr 42\n'],
      ['a.ts', '// docs/adr/0001-use-x.md\n'],
      ['a.ts', '// @adr keep-it\n'],
    ]) {
      assert.equal(mayHaveReferences(name, text, PREFIXES), true, text);
    }
    assert.equal(mayHaveReferences('a.ts', 'const s = "ADR-1";\n', PREFIXES), false);
    assert.equal(mayHaveReferences('d.yaml', 'integrity: sha512-QadR4xadr9\n', PREFIXES), false);
    assert.equal(mayHaveReferences('a.ts', '// See KEY-9.\n', { decisionPrefix: 'KEY', assumptionPrefix: 'ASM' }), true, 'the configured prefix counts');
  });
});
