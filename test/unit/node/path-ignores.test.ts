// PathIgnores answers, for one path a file event names, what the Node walk's listing says
// of it: a differential test over a tree with ignore files at several depths, negation,
// folder-only patterns, a symlinked ignore file, configured excludes and always-skipped names.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PathIgnores } from '../../../src/node/path-ignores';
import { walkFiles } from '../../../src/node/walk-files';

function allFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    return e.isDirectory() ? allFiles(root, rel) : e.isFile() ? [rel] : [];
  });
}

describe('PathIgnores', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'alignment-path-ignores-'));
    const write = (file: string, text = '// ADR-0001\n') => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write('.gitignore', 'out/\n*.log\n/top-only.ts\nbuild\n');
    write('src/a.ts');
    write('src/top-only.ts');
    write('top-only.ts');
    write('out/gen.ts');
    write('deep/out/gen.ts');
    write('debug.log');
    write('src/build/x.ts');
    write('pkg/.ignore', '*.gen.ts\n!keep.gen.ts\ndocs/\n');
    write('pkg/a.gen.ts');
    write('pkg/keep.gen.ts');
    write('pkg/docs/readme.md');
    write('pkg/sub/b.gen.ts');
    write('pkg/docs-file/docs');
    write('shared/rules', 'secret.ts\n');
    mkdirSync(path.join(root, 'linked'), { recursive: true });
    symlinkSync('../shared/rules', path.join(root, 'linked/.gitignore'));
    write('linked/secret.ts');
    write('linked/open.ts');
    write('generated/x.ts');
    write('node_modules/lib/index.ts');
    write('a/node_modules/b.ts');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('ignores exactly the files the Node walk leaves out', async function () {
    if (process.platform === 'win32') this.skip(); // the tree holds a symlink
    const exclude = ['generated/**'];
    const listed = new Set(await walkFiles(root, exclude));
    const ignores = new PathIgnores(root, exclude);
    const files = allFiles(root).filter((f) => !f.endsWith('ignore') && f !== 'shared/rules');
    assert.ok(files.length >= 17, `${files.length} files`);
    const differing: string[] = [];
    for (const file of files) if ((await ignores.ignores(file)) !== !listed.has(file)) differing.push(`${file}: walk ${listed.has(file) ? 'lists' : 'leaves out'}`);
    assert.deepEqual(differing, []);
    // And the tree holds both kinds: the test would pass vacuously otherwise.
    assert.deepEqual(
      files.filter((f) => !listed.has(f)).sort(),
      ['a/node_modules/b.ts', 'debug.log', 'deep/out/gen.ts', 'generated/x.ts', 'linked/secret.ts', 'node_modules/lib/index.ts', 'out/gen.ts', 'pkg/a.gen.ts', 'pkg/docs/readme.md', 'pkg/sub/b.gen.ts', 'src/build/x.ts', 'top-only.ts'],
    );
  });
});
