import * as assert from 'node:assert/strict';
import { linkComment, minimalReplacement } from '../../../src/core/edits';
import { commentSyntaxFor, scanReferences } from '../../../src/core/references';

describe('edits: linkComment', () => {
  const cases: [string, string][] = [
    ['src/a.ts', '    // @decision ADR-0009, ADR-0010 @assumes ASM-3'],
    ['app/main.py', '    # @decision ADR-0009, ADR-0010 @assumes ASM-3'],
    ['deploy/schema.sql', '    -- @decision ADR-0009, ADR-0010 @assumes ASM-3'],
    ['web/index.html', '    <!-- @decision ADR-0009, ADR-0010 @assumes ASM-3 -->'],
    ['web/site.css', '    /* @decision ADR-0009, ADR-0010 @assumes ASM-3 */'],
  ];
  for (const [path, expected] of cases) {
    it(`writes ${path}'s comment syntax, indented, and the scanner reads it back`, () => {
      const line = linkComment(
        commentSyntaxFor(path),
        [
          { id: 'ADR-0009', kind: 'decision' },
          { id: 'ADR-0010', kind: 'decision' },
          { id: 'ASM-3', kind: 'assumption' },
        ],
        '    ',
      );
      assert.equal(line, expected);
      const refs = scanReferences(path, `${line}\n`, { decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: [] });
      assert.deepEqual(
        refs.map((r) => r.id),
        ['ADR-0009', 'ADR-0010', 'ASM-3'],
      );
    });
  }
});

describe('edits: minimalReplacement', () => {
  it('replaces only the changed span', () => {
    assert.deepEqual(minimalReplacement('status: proposed\n', 'status: accepted\n'), { start: 8, end: 14, text: 'accept' });
    assert.equal(minimalReplacement('same', 'same'), undefined);
    assert.deepEqual(minimalReplacement('a\r\nb', 'a\r\nxb'), { start: 3, end: 3, text: 'x' });
  });
});
