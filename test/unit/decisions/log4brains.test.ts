import * as assert from 'node:assert/strict';
import { decisionOf, ids, lines, r } from './helpers';

describe('log4brains records', () => {
  it('takes the slug as the id and reads the header bullets', () => {
    const text = lines(
      '# Use Log4brains to manage the ADRs', //                            0
      '', //                                                                1
      '- Status: accepted', //                                              2
      '- Date: 2020-10-26', //                                              3
      '- Tags: doc, tooling', //                                            4
      '', //                                                                5
      '## Context and Problem Statement', //                                6
      '', //                                                                7
      'We want to record architectural decisions made in this project.', // 8
      'Which tool(s) should we use to manage these records?', //           9
    );
    const d = decisionOf('packages/web/docs/adr/20201026-use-log4brains-to-manage-the-adrs.md', text);
    assert.equal(d.id, 'use-log4brains-to-manage-the-adrs');
    assert.equal(d.number, undefined);
    assert.equal(d.title, 'Use Log4brains to manage the ADRs');
    assert.equal(d.dialect, 'madr2');
    assert.equal(d.status, 'accepted');
    assert.deepEqual(d.statusRange, r(2, 10, 2, 18));
    assert.equal(d.date, '2020-10-26');
    assert.deepEqual(d.tags, ['doc', 'tooling']);
    assert.equal(d.summary, 'We want to record architectural decisions made in this project. Which tool(s) should we use to manage these records?');
  });

  it('reads space-separated tags', () => {
    assert.deepEqual(decisionOf('adr/20210101-x.md', lines('# X', '', '- Tags: frontend react')).tags, ['frontend', 'react']);
  });

  it('resolves a supersession link to a log4brains file to its slug', () => {
    const text = lines(
      '# Use the ADR number as its unique ID',
      '',
      '- Status: superseded by [20201016-use-the-adr-slug-as-its-unique-id](20201016-use-the-adr-slug-as-its-unique-id.md)',
      '- Date: 2020-09-26',
    );
    const d = decisionOf('docs/adr/20200926-use-the-adr-number-as-its-unique-id.md', text);
    assert.equal(d.id, 'use-the-adr-number-as-its-unique-id');
    assert.equal(d.status, 'superseded');
    assert.deepEqual(d.supersededBy, [{ id: 'use-the-adr-slug-as-its-unique-id', range: r(2, 24, 2, 115) }]);
  });

  it('reads "Supersedes" in the Links section', () => {
    const text = lines(
      '# Use the ADR slug as its unique ID',
      '',
      '- Status: accepted',
      '- Date: 2020-10-16',
      '',
      '## Decision',
      '',
      'From now on, we will not use ADR numbers anymore.',
      '',
      '## Links',
      '',
      '- Supersedes [20200926-use-the-adr-number-as-its-unique-id](20200926-use-the-adr-number-as-its-unique-id.md)',
    );
    const d = decisionOf('docs/adr/20201016-use-the-adr-slug-as-its-unique-id.md', text);
    assert.equal(d.status, 'accepted');
    assert.deepEqual(ids(d.supersedes), ['use-the-adr-number-as-its-unique-id']);
    assert.equal(d.summary, 'From now on, we will not use ADR numbers anymore.');
  });

  it('takes a title-less record title from the slug', () => {
    const d = decisionOf('docs/adr/20230119-use-the-term-decisions.md', lines('- Status: proposed', '', 'Body text.'));
    assert.equal(d.title, 'Use the term decisions');
    assert.equal(d.line, 0);
  });
});
