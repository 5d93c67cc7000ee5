// The byte-level prefilter agrees with a case-insensitive substring search, on raw bytes.
import * as assert from 'node:assert/strict';
import { bytePrefilter } from '../../../src/node/literal-prefilter';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('byte-level literal prefilter', () => {
  const literals = ['ADR', 'ASM', 'decisions/', 'decision-records/'];
  const keep = bytePrefilter(literals);

  it('finds each literal in any ASCII case, anywhere, and nothing else', () => {
    for (const text of ['ADR', 'see adr-1', 'x AdR', 'asM', 'docs/Decisions/0001.md', 'DECISION-RECORDS/x', 'é adr', 'a\nd\nASM']) assert.ok(keep(bytes(text)), text);
    for (const text of ['', 'A', 'AD', 'a d r', 'decisions', 'decision-record/', 'ÁDR', 'adř']) assert.ok(!keep(bytes(text)), text);
  });

  it('honours the length given (a pooled buffer holds stale bytes after it)', () => {
    const buffer = bytes('nothing here ADR');
    assert.ok(!keep(buffer, 12));
    assert.ok(keep(buffer, buffer.length));
  });

  it('agrees with a case-insensitive search on random texts', () => {
    const alphabet = 'aAdDrRsSmMeEcCiIoOnN/-x é';
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const expected = literals.some((l) => text.toLowerCase().includes(l.toLowerCase()));
      assert.equal(keep(bytes(text)), expected, JSON.stringify(text));
    }
  });

  it('passes every file when a literal is not ASCII, and none with no literals', () => {
    assert.ok(bytePrefilter(['entscheidungen/', 'ÄDR'])(bytes('nothing')));
    assert.ok(!bytePrefilter([])(bytes('ADR')));
    assert.ok(bytePrefilter(['a'])(bytes('xxA')));
  });
});
