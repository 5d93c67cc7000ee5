import * as assert from 'node:assert/strict';
import { decisionOf, ids, lines, r } from './helpers';

describe('MADR 3 (front matter with deciders)', () => {
  const madr3 = lines(
    '---', //                                                                   0
    'status: "superseded by [ADR-0005](0005-use-dashes-in-filenames.md)"', //  1
    'date: 2022-09-17', //                                                      2
    'deciders: Oliver Kopp, Olaf Zimmermann', //                                3
    'consulted: Stefan Kapferer', //                                            4
    'informed: ADR community', //                                               5
    '---', //                                                                   6
    '# Use underscores in file names', //                                       7
    '', //                                                                      8
    '## Context and Problem Statement', //                                      9
    '', //                                                                      10
    'Which separator should file names use?', //                                11
    '', //                                                                      12
    '## Decision Outcome', //                                                   13
    '', //                                                                      14
    'Chosen option: "Underscores", because they look tidy.', //                15
  );

  it('reads status, supersession link, deciders and the H1 title', () => {
    const d = decisionOf('docs/decisions/0004-use-underscores-in-file-names.md', madr3);
    assert.equal(d.id, 'ADR-0004');
    assert.equal(d.dialect, 'madr3');
    assert.equal(d.title, 'Use underscores in file names');
    assert.equal(d.status, 'superseded');
    assert.equal(d.statusText, 'superseded by [ADR-0005](0005-use-dashes-in-filenames.md)');
    assert.deepEqual(d.statusRange, r(1, 8, 1, 67));
    assert.deepEqual(d.supersededBy, [{ id: 'ADR-0005', range: r(1, 23, 1, 66) }]);
    assert.deepEqual(d.deciders, ['Oliver Kopp', 'Olaf Zimmermann']);
    assert.deepEqual(d.consulted, ['Stefan Kapferer']);
    assert.deepEqual(d.informed, ['ADR community']);
    assert.equal(d.date, '2022-09-17');
    assert.equal(d.summary, 'Which separator should file names use?');
  });

  it('reads a template status placeholder as written', () => {
    const d = decisionOf('docs/decisions/0001-x.md', lines('---', 'status: accepted', 'deciders: [Ann]', '---', '# {short title}'));
    assert.equal(d.status, 'accepted');
    assert.equal(d.dialect, 'madr3');
    assert.equal(d.title, '{short title}');
  });

  it('falls back to the Decision Outcome for the summary', () => {
    const d = decisionOf('docs/decisions/0006-x.md', lines('---', 'status: accepted', '---', '# X', '', '## Decision Outcome', '', 'Chosen option: "[Foo](https://foo.dev)".'));
    assert.equal(d.summary, 'Chosen option: "Foo".');
  });
});

describe('MADR 2 header bullets', () => {
  const madr2 = lines(
    '# Use Markdown Architectural Decision Records', //                               0
    '', //                                                                             1
    '* Status: accepted <!-- optional -->', //                                         2
    '* Deciders: Oliver Kopp, Stefan Kapferer <!-- optional -->', //                  3
    '* Date: 2018-02-15 <!-- optional -->', //                                         4
    '', //                                                                             5
    'Technical Story: [description | ticket/issue URL] <!-- optional -->', //         6
    '', //                                                                             7
    '## Context and Problem Statement', //                                             8
    '', //                                                                             9
    'We want to record architectural decisions made in this project.', //              10
    'Which format and structure should these records follow?', //                     11
  );

  it('reads status, deciders and date from the bullets', () => {
    const d = decisionOf('docs/adr/0000-use-markdown-architectural-decision-records.md', madr2);
    assert.equal(d.id, 'ADR-0000');
    assert.equal(d.number, 0);
    assert.equal(d.dialect, 'madr2');
    assert.equal(d.title, 'Use Markdown Architectural Decision Records');
    assert.equal(d.status, 'accepted');
    assert.equal(d.statusText, 'accepted');
    assert.deepEqual(d.statusRange, r(2, 10, 2, 18));
    assert.deepEqual(d.deciders, ['Oliver Kopp', 'Stefan Kapferer']);
    assert.equal(d.date, '2018-02-15');
    assert.equal(
      d.summary,
      'We want to record architectural decisions made in this project. Which format and structure should these records follow?',
    );
    assert.deepEqual(d.range, r(0, 0, 0, 45));
  });

  it('reads `- ` bullets, bold keys and tags', () => {
    const d = decisionOf(
      'docs/adr/0003-x.md',
      lines('# X', '', '- **Status:** Proposed', '- **Deciders**: Ann, Bo and Cy', '- Tags: backend, api', '', '## Context', '', 'Why.'),
    );
    assert.equal(d.status, 'proposed');
    assert.equal(d.statusText, 'Proposed');
    assert.deepEqual(d.statusRange, r(2, 14, 2, 22));
    assert.deepEqual(d.deciders, ['Ann', 'Bo', 'Cy']);
    assert.deepEqual(d.tags, ['backend', 'api']);
  });

  it('reads deciders written as Markdown links by their text (bareos writes `[Name]` with the link defined below)', () => {
    const d = decisionOf(
      'docs/adr/0002-x.md',
      lines('# X', '', '* Status: accepted', '* Deciders: [Jörg Steffens], [Ann Lee](https://example.com/ann), [Bo][bo], Cy, [Dee, ...', '', '[Jörg Steffens]: https://example.com/j'),
    );
    assert.deepEqual(d.deciders, ['Jörg Steffens', 'Ann Lee', 'Bo', 'Cy', '[Dee']);
  });

  it('reads a supersession stated in the status bullet', () => {
    const d = decisionOf('docs/adr/0002-x.md', lines('# X', '', '* Status: superseded by [ADR-0005](0005-example.md)', ''));
    assert.equal(d.status, 'superseded');
    assert.deepEqual(d.supersededBy, [{ id: 'ADR-0005', range: r(2, 24, 2, 51) }]);
  });

  it('does not read bullets below the first section as header fields', () => {
    const d = decisionOf('docs/adr/0002-x.md', lines('# X', '', '## Considered Options', '', '* Status: quo', '* Date: 2020-01-01'));
    assert.equal(d.statusText, '');
    assert.equal(d.status, 'unknown');
    assert.equal(d.date, undefined);
  });

  it('reads relations from a Links section', () => {
    const d = decisionOf(
      'docs/adr/0009-x.md',
      lines('# X', '', '* Status: accepted', '', '## Links', '', '* Supersedes [ADR-0004](0004-old.md)', '* Refined by [ADR-0010](0010-y.md)', '* Amends [ADR-0002](0002-z.md)'),
    );
    assert.deepEqual(ids(d.supersedes), ['ADR-0004']);
    assert.deepEqual(d.supersedes[0].range, r(6, 13, 6, 36));
    assert.deepEqual(d.relations.map((x) => [x.kind, x.target.id]), [['amends', 'ADR-0002']]);
    assert.equal(d.status, 'accepted');
  });
});
