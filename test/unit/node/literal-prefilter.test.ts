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

  it('finds an id prefix only where an id starts: no word byte before it, a digit after', () => {
    const ids = bytePrefilter(['dl:adr'], ['ADR', 'ASM']);
    for (const text of ['ADR-1', 'adr_2', 'Adr 3', 'ADR4', '(ADR-5)', 'x ASM-6', 'éADR-7', '\u017fASM-8', 'see ADR-9', 'dl:adr']) assert.ok(ids(bytes(text)), text);
    assert.ok(ids(Buffer.from('\xe9ADR-1', 'latin1')), 'after a byte that is no UTF-8');
    for (const text of ['wasm32', 'nasm2', 'sha512-WaDR2+k8aDR4', 'MADR-1', '_ADR-2', '9ASM-3', 'ADR', 'ADR-', 'ADR--1', 'ADR x1', 'ADR-x', 'asm ']) assert.ok(!ids(bytes(text)), text);
    const buffer = bytes('ADR-1');
    assert.ok(!ids(buffer, 4), 'the digit lies past the length given');
  });

  it('agrees with the scanner\'s id pattern on random texts', () => {
    const ids = bytePrefilter(['decisions/'], ['ADR', 'ASM']);
    const expected = (text: string) => /(?<![A-Za-z0-9_])(?:ADR|ASM)[-_ ]?[0-9]|decisions\//i.test(text);
    const fragments = ['ADR', 'adr', 'AsM', 'a', 'd', 'r', 'M', '0', '7', '_', '-', ' ', '--', 'x', '/', 'é', 'decisions', 'decisions/', '\n'];
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let kept = 0;
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: Math.floor(random() * 10) }, () => fragments[Math.floor(random() * fragments.length)]).join('');
      assert.equal(ids(bytes(text)), expected(text), JSON.stringify(text));
      if (expected(text)) kept++;
    }
    assert.ok(kept > 100, `${kept}`);
  });

  it('passes every file when a literal is not ASCII, and none with no literals', () => {
    assert.ok(bytePrefilter(['entscheidungen/', 'ÄDR'])(bytes('nothing')));
    assert.ok(!bytePrefilter([])(bytes('ADR')));
    assert.ok(bytePrefilter(['a'])(bytes('xxA')));
  });
});
