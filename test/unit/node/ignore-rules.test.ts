// Ignore rules match each path against one automaton per folder and kind of pattern
// (compileGlobSet): the answer must be the one of testing every line in order, the
// last match deciding, for names, paths, folders only, negations and nested files.
import * as assert from 'node:assert/strict';
import { compileGlob, compileGlobSet } from '../../../src/core/glob';
import { IgnoreRules } from '../../../src/node/ignore-rules';

/** The rules as written: each line tested in order, deeper files after shallower ones. */
function reference(files: ReadonlyArray<[string, string]>, exclude: readonly string[], path: string, isDirectory: boolean): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (['.git', 'node_modules', '.hg', '.svn', '.vscode-test'].includes(name)) return true;
  if (exclude.some((g) => safeTest(g, path))) return true;
  let ignored = false;
  const ancestors = ['', ...path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))];
  for (const base of ancestors) {
    for (const [fileBase, text] of files) {
      if (fileBase !== base) continue;
      for (const raw of text.split(/\r?\n/)) {
        let line = raw.trimEnd();
        if (!line || line.startsWith('#')) continue;
        const negated = line.startsWith('!');
        if (negated) line = line.slice(1);
        const directoryOnly = line.endsWith('/');
        const glob = directoryOnly ? line.slice(0, -1) : line;
        if (!glob || (directoryOnly && !isDirectory)) continue;
        const subject = glob.includes('/') ? path.slice(base ? base.length + 1 : 0) : name;
        if (safeTest(glob, subject)) ignored = !negated;
      }
    }
  }
  return ignored;
}

function safeTest(glob: string, path: string): boolean {
  try {
    return compileGlob(glob).test(path);
  } catch {
    return false;
  }
}

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

describe('ignore rules', () => {
  it('decide like the lines tested one by one, on thousands of generated rules and paths', () => {
    const parts = ['a', 'b', 'ab', 'x.ts', 'y.md', 'build', 'lib'];
    const globParts = ['a', 'b', '*', '**', '?', '*.ts', 'x.*', '[ab]', '{a,b}', 'build', '[z-a]', 'lib'];
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)];
      const line = () => {
        const depth = 1 + Math.floor(next() * 3);
        const glob = Array.from({ length: depth }, () => pick(globParts)).join('/');
        return `${next() < 0.25 ? '!' : ''}${next() < 0.15 ? '/' : ''}${glob}${next() < 0.2 ? '/' : ''}`;
      };
      const files: Array<[string, string]> = [
        ['', Array.from({ length: 12 }, line).join('\n')],
        ['a', Array.from({ length: 6 }, line).join('\n')],
        ['a/b', `# comment\n\n${Array.from({ length: 4 }, line).join('\r\n')}`],
      ];
      const exclude = next() < 0.5 ? [pick(globParts), `${pick(parts)}/**`] : [];
      const rules = new IgnoreRules(exclude);
      for (const [base, text] of files) rules.addIgnoreFile(base, text);
      for (let k = 0; k < 150; k++) {
        const depth = 1 + Math.floor(next() * 4);
        const path = Array.from({ length: depth }, () => pick(parts)).join('/');
        const isDirectory = next() < 0.4;
        assert.equal(rules.ignores(path, isDirectory), reference(files, exclude, path, isDirectory), `seed ${seed}: ${path}${isDirectory ? '/' : ''}\n${JSON.stringify(files)} exclude ${JSON.stringify(exclude)}`);
      }
    }
  });

  it('a later line overrides an earlier one across kinds of pattern; a later file overrides in its folder', () => {
    const rules = new IgnoreRules();
    rules.addIgnoreFile('', '*.log\nlogs/\n!keep.log\n/dist\nsrc/**/gen.ts\n');
    rules.addIgnoreFile('pkg', '!*.log\n');
    assert.equal(rules.ignores('a.log', false), true);
    assert.equal(rules.ignores('keep.log', false), false);
    assert.equal(rules.ignores('x/keep.log', false), false);
    assert.equal(rules.ignores('pkg/a.log', false), false);
    assert.equal(rules.ignores('logs', true), true);
    assert.equal(rules.ignores('logs', false), false);
    assert.equal(rules.ignores('dist', true), true);
    assert.equal(rules.ignores('x/dist', true), false);
    assert.equal(rules.ignores('src/a/b/gen.ts', false), true);
    rules.addIgnoreFile('', '!a.log\n');
    assert.equal(rules.ignores('a.log', false), false, 'a file added later is seen (the automata are rebuilt)');
  });

  it('a glob set tells the last matching glob, skipping unusable ones', () => {
    const set = compileGlobSet(['*.ts', '[z-a]', 'src/**', '{a,b}.ts', 'src/a.ts']);
    assert.equal(set.lastMatch('src/a.ts'), 4);
    assert.equal(set.lastMatch('b.ts'), 3);
    assert.equal(set.lastMatch('src/c.md'), 2);
    assert.equal(set.lastMatch('c.md'), -1);
    assert.equal(set.test('z'), false);
    assert.equal(compileGlobSet([]).lastMatch('a'), -1);
  });

  it('stays linear with hundreds of hostile lines against a long name', () => {
    const rules = new IgnoreRules();
    rules.addIgnoreFile('', Array.from({ length: 300 }, (_, i) => `${'**/*x'.repeat(10)}${i}`).join('\n'));
    const started = performance.now();
    assert.equal(rules.ignores(`src/${'x'.repeat(20_000)}`, false), false);
    assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
  });
});
