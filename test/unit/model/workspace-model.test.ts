// The incremental model: a code-only change reuses the record resolution, and the
// findings of one file computed alone equal that file's share of the full findings.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { detectLayout } from '../../../src/core/layout';
import { WorkspaceModel } from '../../../src/core/workspace-model';

const fixture = path.resolve(__dirname, '../../fixtures/service');
const now = new Date('2026-11-24T12:00:00Z');

function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? filesOf(full, rel) : [rel];
  });
}

function loadFixture(): { model: WorkspaceModel; files: string[] } {
  const files = filesOf(fixture);
  const model = new WorkspaceModel(DEFAULT_CONFIG, detectLayout(files, DEFAULT_CONFIG, { toolFolders: [] }));
  for (const file of files) model.update(file, readFileSync(path.join(fixture, file), 'utf8'));
  return { model, files };
}

describe('WorkspaceModel', () => {
  it('findingsFor(path) equals the full findings located in that path', () => {
    const { model, files } = loadFixture();
    const all = model.findings(now, files);
    for (const file of files) {
      assert.deepEqual(model.findingsFor(file, now, files), all.filter((f) => f.path === file), file);
    }
  });

  it('findingsForFiles(paths) equals findingsFor on each path, in one pass over every file', () => {
    const { model, files } = loadFixture();
    // A record governed by a superseded decision holds record and file findings at once.
    const superseded = 'docs/adr/0003-use-mysql-for-orders.md';
    model.update(superseded, readFileSync(path.join(fixture, superseded), 'utf8').replace('  - internal/store/**', '  - internal/store/**\n  - docs/adr/0008-*'));
    const all = model.findings(now, files);
    const byFile = model.findingsForFiles(files, now, files);
    assert.ok(byFile.size >= 5, `findings in several files (${byFile.size})`);
    const mixed = byFile.get('docs/adr/0008-deploy-with-helm.md')!.map((f) => f.code);
    assert.ok(mixed.includes('file.governed-by-superseded') && mixed.some((c) => c.startsWith('record.')), `record and file findings in one file: ${mixed}`);
    for (const file of files) {
      assert.deepEqual(byFile.get(file) ?? [], model.findingsFor(file, now, files), file);
      assert.deepEqual(byFile.get(file) ?? [], all.filter((f) => f.path === file), file);
    }
    assert.ok([...byFile.values()].every((list) => list.length > 0), 'files without findings are left out');
  });

  it('a code-only change reuses the record resolution; a record change does not', () => {
    const { model, files } = loadFixture();
    const before = model.index;
    model.update('cmd/api/main.go', '// See ADR-0006 now.\npackage main\n');
    const afterCode = model.index;
    assert.notEqual(afterCode, before);
    assert.equal(afterCode.decisions, before.decisions, 'records are shared');
    assert.deepEqual(
      afterCode.referencesIn('cmd/api/main.go').map((r) => [r.id, r.target]),
      [['ADR-0006', 'ADR-0006']],
    );
    assert.deepEqual(
      model.findingsFor('cmd/api/main.go', now, files).map((f) => f.code),
      ['ref.rejected'],
    );
    model.update('docs/adr/0006-rest-over-graphql.md', '---\nstatus: accepted\nowner: dana@example.com\n---\n# GraphQL after all\n');
    const afterRecord = model.index;
    assert.notEqual(afterRecord.decisions, before.decisions);
    assert.deepEqual(model.findingsFor('cmd/api/main.go', now, files), []);
  });

  it('removing a code file removes its references and findings', () => {
    const { model, files } = loadFixture();
    model.remove('web/src/flags.ts');
    assert.deepEqual(model.index.referencesIn('web/src/flags.ts'), []);
    assert.ok(!model.findings(now, files.filter((f) => f !== 'web/src/flags.ts')).some((f) => f.path === 'web/src/flags.ts'));
  });
});
