import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { referencePrefilter, scanReferences, type ScanOptions } from '../../../src/core/references';
import { referenceBytePrefilter } from '../../../src/node/literal-prefilter';
import { bundledRipgrep } from '../../../src/node/ripgrep';
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
  assert.ok(referenceBytePrefilter(prefilter)(Buffer.from(text)), `${path}: ${JSON.stringify(text.slice(0, 200))} fails the byte prefilter (${prefilter.idPrefixes}; ${prefilter.otherLiterals})`);
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
    assert.deepEqual(prefilter.idPrefixes, ['ADR', 'ASM']);
    assert.deepEqual(prefilter.otherLiterals, ['dl:adr', '@adr', 'adr/', 'adrs/', 'decisions/', 'decision-records/']);
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

  it('matches every generated text the scanner finds a reference in (and so does rg\'s own pattern)', () => {
    const fragments = ['ADR', 'adr', 'ASM', 'DEC', 'HYP', '-', '_', ' ', '  ', '0', '7', '42', '@decision', '@assumes', '@adr', 'dl:adr', ':', ',', '.', '/', 'docs', 'adr/', 'decisions/', 'architecture/', 'design/records/', '0001-x', '.md', 'https://h/', 'x', '\n', '//', '#', '/*', '*/', '"', "'", '`', '"""', '--', '<!--', '-->'];
    let seed = 42;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    let withReferences = 0;
    const bearing = new Map<ScanOptions, [string, string][]>([
      [OPTIONS, []],
      [CUSTOM, []],
    ]);
    for (let i = 0; i < 4000; i++) {
      let text = '';
      const length = 2 + random(14);
      for (let k = 0; k < length; k++) text += fragments[random(fragments.length)];
      for (const path of ['a.ts', 'a.py', 'a.sql', 'a.html', 'notes.unknown']) {
        for (const options of [OPTIONS, CUSTOM]) {
          if (scanReferences(path, text, options).length > 0) {
            withReferences++;
            bearing.get(options)!.push([`${i}-${path}`, text]);
          }
          assertCandidate(path, text, options);
        }
      }
    }
    assert.ok(withReferences > 200, `${withReferences}`);
    for (const [options, files] of bearing) assertRipgrepLists(files, options);
  });

  it('gives rg a narrower pattern: an id prefix after a letter, digit or underscore makes no candidate', () => {
    const { ripgrepRegex } = referencePrefilter(OPTIONS);
    assert.equal(ripgrepRegex, '(?-u:\\b)(?:ADR|ASM)[-_ ]?[0-9]|dl:adr|@adr|adr/|adrs/|decisions/|decision-records/');
    // What a 97k-file tree's lock files and changelogs hold: none of it is a reference.
    const noise: [string, string][] = [
      ['pnpm-lock.yaml', '    resolution: {integrity: sha512-WaDR2+k8aDR4xyz==}\n'],
      ['CHANGELOG.md', '- build for wasm32 and nasm2\n'],
      ['a.ts', '// MADR-1 _ADR-2 x9ASM-3\n'],
    ];
    for (const [path, text] of noise) assert.deepEqual(scanReferences(path, text, OPTIONS), [], text);
    assert.deepEqual(ripgrepListed(noise, OPTIONS), new Set());
    for (const [path, text] of noise) assert.ok(!referenceBytePrefilter(referencePrefilter(OPTIONS))(Buffer.from(text)), `the byte prefilter keeps ${path}`);
    // Before the prefix: the start of a line, punctuation, or any byte that is no ASCII
    // word character, whether UTF-8 (é, ſ) or not (a Latin-1 é).
    const bearing: [string, string | Buffer][] = [
      ['start.ts', '/*\nADR-1 is cited at the start of a line\n*/\n'],
      ['paren.ts', '// (ADR-2)\n'],
      ['utf8.ts', '// éADR-3 ſASM-4\n'],
      ['latin1.ts', Buffer.from('// \xe9ADR-5\n', 'latin1')],
    ];
    for (const [path, text] of bearing) assert.ok(scanReferences(path, text.toString(), OPTIONS).length > 0, path);
    assert.deepEqual(ripgrepListed(bearing, OPTIONS), new Set(bearing.map(([path]) => path)));
    for (const [path, text] of bearing) assert.ok(referenceBytePrefilter(referencePrefilter(OPTIONS))(Buffer.from(text)), `the byte prefilter drops ${path}`);
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

  it('lets ripgrep --ignore-case select the same candidate files, with either pattern and either rg', () => {
    const prefilter = referencePrefilter(OPTIONS);
    for (const [rg, regex] of [
      ['rg', prefilter.regex],
      ['rg', prefilter.ripgrepRegex],
      [RG, prefilter.ripgrepRegex],
    ]) {
      const listed = filesListedBy(rg, POLYGLOT_ROOT, regex);
      for (const path of polyglotCodeFiles()) {
        const text = readFileSync(join(POLYGLOT_ROOT, path), 'utf8');
        if (scanReferences(path, text, OPTIONS).length > 0) assert.ok(listed.has(path), `${rg} -e ${regex} missed ${path}`);
      }
    }
    for (const [path, text] of SAMPLES) {
      assertRipgrepLists([[path, text]], OPTIONS);
      assertRipgrepLists([[path, text]], CUSTOM);
    }
  });

  it('lets ripgrep --ignore-case (on PATH) select the same candidate files', () => {
    const prefilter = referencePrefilter(OPTIONS);
    const listed = filesListedBy('rg', POLYGLOT_ROOT, prefilter.regex);
    for (const path of polyglotCodeFiles()) {
      const text = readFileSync(join(POLYGLOT_ROOT, path), 'utf8');
      if (scanReferences(path, text, OPTIONS).length > 0) assert.ok(listed.has(path), `rg missed ${path}`);
    }
  });
});

/** The bundled rg (what the CLI runs first); rg on PATH is what CI installs. */
const RG = bundledRipgrep(resolve(__dirname, '../../..')) ?? 'rg';

/** The files `rg --files-with-matches --ignore-case -e regex` lists under `root`, relative. */
function filesListedBy(rg: string, root: string, regex: string): Set<string> {
  const result = spawnSync(rg, ['--files-with-matches', '--ignore-case', '--hidden', '--no-config', '-e', regex, '.'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.equal(result.error, undefined, `this test needs rg (Debian: apt-get install ripgrep): ${result.error?.message}`);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return new Set(result.stdout.split('\n').filter(Boolean).map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '')));
}

/** The files of `files` (name, content) that rg lists with the prefilter's ripgrep pattern. */
function ripgrepListed(files: readonly (readonly [string, string | Buffer])[], options: ScanOptions): Set<string> {
  const root = mkdtempSync(join(tmpdir(), 'alignment-prefilter-'));
  try {
    for (const [name, text] of files) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return filesListedBy(RG, root, referencePrefilter(options).ripgrepRegex);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** rg's own pattern lists every file of `files` in which the scanner finds a reference. */
function assertRipgrepLists(files: readonly (readonly [string, string])[], options: ScanOptions): void {
  const bearing = files.filter(([name, text]) => scanReferences(name.replace(/^\d+-/, ''), text, options).length > 0);
  const listed = ripgrepListed(bearing, options);
  for (const [name, text] of bearing) assert.ok(listed.has(name), `rg -e ${referencePrefilter(options).ripgrepRegex} missed ${JSON.stringify(text.slice(0, 200))}`);
}
