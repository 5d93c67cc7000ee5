import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referencePrefilter, scanReferences, type ScanOptions } from '../../../src/core/references';
import { OPTIONS, POLYGLOT_ROOT, polyglotCodeFiles } from './helpers';

const CUSTOM: ScanOptions = { decisionPrefix: 'DEC', assumptionPrefix: 'HYP', decisionFolders: ['docs/architecture', './design/records/'] };

/** The contract: a text with a reference matches the regex and contains a fixed string. */
function assertCandidate(path: string, text: string, options: ScanOptions): void {
  const refs = scanReferences(path, text, options);
  if (refs.length === 0) return;
  const prefilter = referencePrefilter(options);
  assert.ok(new RegExp(prefilter.regex, 'i').test(text), `${path}: ${JSON.stringify(text.slice(0, 200))} has ${refs[0].text} but does not match ${prefilter.regex}`);
  const lower = text.toLowerCase();
  assert.ok(
    prefilter.fixedStrings.some((s) => lower.includes(s.toLowerCase())),
    `${path}: ${JSON.stringify(text.slice(0, 200))} contains none of ${prefilter.fixedStrings.join(', ')}`,
  );
}

/** Reference-bearing samples in many forms, beyond the fixture files. */
const SAMPLES: [string, string][] = [
  ['a.ts', '// See ADR-0009.'],
  ['a.ts', '// ADR-003, ADR-054 and ADR-058'],
  ['a.ts', '/* (ADR 0022) */'],
  ['a.ts', '// ADR009 adr_12'],
  ['a.sql', '-- See ADR21'],
  ['a.ts', '// @decision ADR-7, ADR-8'],
  ['a.ts', '// @assumes ASM-3'],
  ['a.py', '# @assumption asm 3'],
  ['a.ts', '// dl:adr 0042'],
  ['a.ts', '// dl:adr   0042'],
  ['a.ts', '// @adr use-postgres'],
  ['a.ts', '// @adr\t12'],
  ['a.ts', '// See docs/adr/0023-partition-maintenance.md'],
  ['a.ts', '// https://github.com/o/r/blob/main/docs/adr/0023-x.md'],
  ['a.ts', '// DOCS/ADRS/0001-x.md'],
  ['a.ts', '// decisions/20210304-use-kafka.md'],
  ['a.ts', '// decision-records/0002-x.markdown'],
  ['a.py', 'def f():\n    """See ADR-5."""'],
  ['a.html', '<script>// ADR-6</script>'],
  ['a.rs', '/* a /* ADR-1 */ */'],
];

describe('references: prefilter', () => {
  it('is a pattern the three engines share: no lookaround, \\b, \\d, inline flags', () => {
    for (const options of [OPTIONS, CUSTOM]) {
      const { regex } = referencePrefilter(options);
      assert.doesNotMatch(regex, /\(\?|\\[bBdDwWsS]/);
      assert.doesNotThrow(() => new RegExp(regex, 'i'));
    }
  });

  it('names the default pattern and minimal fixed strings', () => {
    const prefilter = referencePrefilter(OPTIONS);
    assert.equal(prefilter.regex, 'ADR[-_ ]?[0-9]|ASM[-_ ]?[0-9]|dl:adr|@adr|adr/|adrs/|decisions/|decision-records/');
    assert.deepEqual(prefilter.fixedStrings, ['ADR', 'ASM', 'decisions/', 'decision-records/']);
  });

  it('adds configured prefixes and folders, escaped', () => {
    const prefilter = referencePrefilter({ decisionPrefix: 'DEC', assumptionPrefix: 'HYP', decisionFolders: ['docs/arch.v2/'] });
    assert.ok(prefilter.regex.startsWith('DEC[-_ ]?[0-9]|HYP[-_ ]?[0-9]|'));
    assert.ok(prefilter.regex.endsWith('|docs/arch\\.v2/'));
    assert.deepEqual(prefilter.fixedStrings, ['DEC', 'HYP', 'dl:adr', '@adr', 'adr/', 'adrs/', 'docs/arch.v2/']);
    assert.ok(!new RegExp(prefilter.regex, 'i').test('docs/archXv2/'));
  });

  it('matches every reference-bearing fixture file', () => {
    let bearing = 0;
    for (const path of polyglotCodeFiles()) {
      const text = readFileSync(join(POLYGLOT_ROOT, path), 'utf8');
      if (scanReferences(path, text, OPTIONS).length > 0) bearing++;
      assertCandidate(path, text, OPTIONS);
    }
    assert.ok(bearing >= 25);
  });

  it('matches every reference-bearing sample, with default and custom options', () => {
    for (const [path, text] of SAMPLES) {
      assert.ok(scanReferences(path, text, OPTIONS).length > 0, `sample without a reference: ${text}`);
      assertCandidate(path, text, OPTIONS);
      const custom = text.replace(/ADR|adr(?!s?\/|-records)/g, 'DEC').replace(/ASM|asm/g, 'HYP').replace('docs/adr/', 'docs/architecture/');
      assertCandidate(path, custom, CUSTOM);
      assertCandidate(path, text, CUSTOM);
    }
  });

  it('matches every generated text the scanner finds a reference in', () => {
    const fragments = ['ADR', 'adr', 'ASM', 'DEC', 'HYP', '-', '_', ' ', '  ', '0', '7', '42', '@decision', '@assumes', '@adr', 'dl:adr', ':', ',', '.', '/', 'docs', 'adr/', 'decisions/', 'architecture/', 'design/records/', '0001-x', '.md', 'https://h/', 'x', '\n', '//', '#', '/*', '*/', '"', "'", '`', '"""', '--', '<!--', '-->'];
    let seed = 42;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    let withReferences = 0;
    for (let i = 0; i < 4000; i++) {
      let text = '';
      const length = 2 + random(14);
      for (let k = 0; k < length; k++) text += fragments[random(fragments.length)];
      for (const path of ['a.ts', 'a.py', 'a.sql', 'a.html', 'notes.unknown']) {
        for (const options of [OPTIONS, CUSTOM]) {
          if (scanReferences(path, text, options).length > 0) withReferences++;
          assertCandidate(path, text, options);
        }
      }
    }
    assert.ok(withReferences > 200, `${withReferences}`);
  });

  it('lets git grep -E -i select the same candidate files', () => {
    const prefilter = referencePrefilter(OPTIONS);
    const result = spawnSync('git', ['grep', '--no-index', '-l', '-i', '-E', '-e', prefilter.regex, '--', '.'], {
      cwd: POLYGLOT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.equal(result.error, undefined, `this test needs git on PATH: ${result.error?.message}`);
    const listed = new Set(result.stdout.split('\n').filter(Boolean));
    for (const path of polyglotCodeFiles()) {
      const text = readFileSync(join(POLYGLOT_ROOT, path), 'utf8');
      if (scanReferences(path, text, OPTIONS).length > 0) assert.ok(listed.has(path), `git grep missed ${path}`);
    }
  });

  it('lets ripgrep --ignore-case select the same candidate files', () => {
    const prefilter = referencePrefilter(OPTIONS);
    const result = spawnSync('rg', ['--files-with-matches', '--ignore-case', '--hidden', '--no-config', '-e', prefilter.regex, '.'], {
      cwd: POLYGLOT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.equal(result.error, undefined, `this test needs rg on PATH (Debian: apt-get install ripgrep): ${result.error?.message}`);
    const listed = new Set(result.stdout.split('\n').filter(Boolean).map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '')));
    for (const path of polyglotCodeFiles()) {
      const text = readFileSync(join(POLYGLOT_ROOT, path), 'utf8');
      if (scanReferences(path, text, OPTIONS).length > 0) assert.ok(listed.has(path), `rg missed ${path}`);
    }
  });
});
