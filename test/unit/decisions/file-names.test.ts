import * as assert from 'node:assert/strict';
import { decisionFileInfo, isRecordLikeFileName } from '../../../src/core/decisions';

describe('decision file names', () => {
  it('reads NNNN-slug.md with the digits as written', () => {
    assert.deepEqual(decisionFileInfo('0009-use-postgres.md'), { number: 9, digits: '0009', slug: 'use-postgres' });
    assert.deepEqual(decisionFileInfo('001-github.md'), { number: 1, digits: '001', slug: 'github' });
    assert.deepEqual(decisionFileInfo('12-short.md'), { number: 12, digits: '12', slug: 'short' });
  });

  it('reads adr-NNN-slug.md', () => {
    assert.deepEqual(decisionFileInfo('adr-001-use-kafka.md'), { number: 1, digits: '001', slug: 'use-kafka', prefixed: true });
    assert.deepEqual(decisionFileInfo('ADR-0042-Split-Services.md'), { number: 42, digits: '0042', slug: 'Split-Services', prefixed: true });
  });

  it('reads YYYY-MM-DD_NNN-slug.md: the number follows the date', () => {
    assert.deepEqual(decisionFileInfo('2023-05-01_007-adopt-graphql.md'), { number: 7, digits: '007', slug: 'adopt-graphql', date: '2023-05-01' });
  });

  it("reads log4brains' YYYYMMDD-slug.md: no number, the slug", () => {
    assert.deepEqual(decisionFileInfo('20200101-use-log4brains.md'), { slug: 'use-log4brains', date: '2020-01-01' });
    assert.deepEqual(decisionFileInfo('20201016-use-the-adr-slug-as-its-unique-id.md'), {
      slug: 'use-the-adr-slug-as-its-unique-id',
      date: '2020-10-16',
    });
  });

  it('takes the base name of a path', () => {
    assert.deepEqual(decisionFileInfo('doc/adr/0002-implement-as-shell-scripts.md'), {
      number: 2,
      digits: '0002',
      slug: 'implement-as-shell-scripts',
    });
  });

  it('rejects README, index and templates', () => {
    for (const name of ['README.md', 'index.md', 'template.md', 'adr-template.md', 'decision.template.md', '0000-template.md', 'adr-template-minimal.md']) {
      assert.equal(decisionFileInfo(name), undefined, name);
      assert.equal(isRecordLikeFileName(name), false, name);
    }
  });

  it('rejects names that are not records', () => {
    for (const name of ['notes.md', 'use-postgres.md', '0001-use-x.txt', '0001-x.png', '2023-13-01-plans.md', '0001-.md', 'CHANGELOG.md']) {
      assert.equal(isRecordLikeFileName(name), false, name);
    }
  });

  it('accepts the record-like forms', () => {
    for (const name of ['0001-record-architecture-decisions.md', 'adr-12-x.md', '2021-01-31_003-x.md', '20210131-x.md']) {
      assert.equal(isRecordLikeFileName(name), true, name);
    }
  });
});
