import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isRecordLikeFileName, parseDecision } from '../../../src/core/decisions';
import type { Decision } from '../../../src/core/model';
import { ids, options } from './helpers';

const root = path.join(__dirname, '../../fixtures/dialects');
const folders = ['doc/adr', 'docs/decisions', 'packages/web/docs/adr'];

function load(): Map<string, Decision> {
  const byPath = new Map<string, Decision>();
  for (const folder of folders) {
    for (const name of readdirSync(path.join(root, folder)).sort()) {
      if (!isRecordLikeFileName(name)) continue;
      const rel = `${folder}/${name}`;
      const { decision, problems } = parseDecision(rel, readFileSync(path.join(root, rel), 'utf8'), options);
      assert.deepEqual(problems, [], rel);
      assert.ok(decision, rel);
      byPath.set(rel, decision);
    }
  }
  return byPath;
}

describe('the dialects fixture workspace', () => {
  const records = load();
  const at = (p: string) => {
    const d = records.get(p);
    assert.ok(d, p);
    return d;
  };

  it('holds the record-like files only (no index, README or templates)', () => {
    assert.deepEqual([...records.keys()], [
      'doc/adr/0001-record-architecture-decisions.md',
      'doc/adr/0002-use-mysql.md',
      'doc/adr/0003-use-postgresql.md',
      'doc/adr/0004-keep-records-short.md',
      'docs/decisions/0010-use-madr.md',
      'docs/decisions/0011-use-rest-for-public-api.md',
      'docs/decisions/0012-use-graphql-for-public-api.md',
      'packages/web/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md',
      'packages/web/docs/adr/20201016-use-the-adr-slug-as-its-unique-id.md',
    ]);
  });

  it('gives every record a unique id, status and dialect', () => {
    assert.deepEqual(
      [...records.values()].map((d) => [d.id, d.status, d.dialect]),
      [
        ['ADR-0001', 'accepted', 'nygard'],
        ['ADR-0002', 'superseded', 'nygard'],
        ['ADR-0003', 'accepted', 'nygard'],
        ['ADR-0004', 'accepted', 'nygard'],
        ['ADR-0010', 'accepted', 'madr3'],
        ['ADR-0011', 'superseded', 'madr3'],
        ['ADR-0012', 'proposed', 'frontmatter'],
        ['use-the-adr-number-as-its-unique-id', 'superseded', 'madr2'],
        ['use-the-adr-slug-as-its-unique-id', 'accepted', 'madr2'],
      ],
    );
  });

  it('states both sides of each supersession', () => {
    assert.deepEqual(ids(at('doc/adr/0002-use-mysql.md').supersededBy), ['ADR-0003']);
    assert.deepEqual(ids(at('doc/adr/0003-use-postgresql.md').supersedes), ['ADR-0002']);
    assert.deepEqual(ids(at('docs/decisions/0011-use-rest-for-public-api.md').supersededBy), ['ADR-0012']);
    assert.deepEqual(ids(at('docs/decisions/0012-use-graphql-for-public-api.md').supersedes), ['ADR-0011']);
    assert.deepEqual(ids(at('packages/web/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md').supersededBy), [
      'use-the-adr-slug-as-its-unique-id',
    ]);
    assert.deepEqual(ids(at('packages/web/docs/adr/20201016-use-the-adr-slug-as-its-unique-id.md').supersedes), [
      'use-the-adr-number-as-its-unique-id',
    ]);
  });

  it('reads the amendment pair and ignores the fenced example status', () => {
    const first = at('doc/adr/0001-record-architecture-decisions.md');
    assert.deepEqual(first.relations.map((x) => [x.kind, x.target.id]), [['amended-by', 'ADR-0004']]);
    const fourth = at('doc/adr/0004-keep-records-short.md');
    assert.equal(fourth.statusText, 'Accepted');
    assert.deepEqual(fourth.relations.map((x) => [x.kind, x.target.id]), [['amends', 'ADR-0001']]);
  });

  it('reads the native record fully', () => {
    const d = at('docs/decisions/0012-use-graphql-for-public-api.md');
    assert.equal(d.owner, 'ann@example.com');
    assert.deepEqual(d.approvers.map((a) => [a.name, a.state, a.date]), [
      ['bo@example.com', 'pending', undefined],
      ['Cy Diaz', 'approved', '2024-05-06'],
    ]);
    assert.deepEqual(ids(d.assumptions), ['ASM-1']);
    assert.equal(d.reviewBy, '2025-05-01');
    assert.deepEqual(d.appliesTo, ['src/api/**']);
    assert.equal(d.summary, 'Partners ask for fewer round trips and typed schemas.');
  });
});
