import * as assert from 'node:assert/strict';
import { decisionOf, ids, lines, parse, r } from './helpers';

const native = lines(
  '---', //                                          0
  'id: ADR-0023', //                                  1
  'title: Partition maintenance with pg_partman', //  2
  'status: proposed', //                              3
  'date: 2024-03-01', //                              4
  'owner: dana@example.com', //                       5
  'approvers:', //                                    6
  '  - alex@example.com', //                          7
  '  - name: Sam Lee', //                             8
  '    state: approved', //                           9
  '    date: 2024-03-04', //                          10
  '    comment: Fine by me', //                       11
  'decision-makers: [Dana, Alex]', //                 12
  'consulted: DBA team', //                           13
  'informed:', //                                     14
  '  - Platform', //                                  15
  'review-by: 2025-03-01', //                         16
  'supersedes: ADR-0011', //                          17
  'superseded-by: []', //                             18
  'assumptions: [ASM-3, 7]', //                       19
  'tags: [database, postgres]', //                    20
  'applies-to:', //                                   21
  '  - "src/db/**"', //                               22
  'nav_order: 23', //                                 23
  '---', //                                           24
  '', //                                              25
  '# Partition maintenance', //                       26
  '', //                                              27
  '## Context and Problem Statement', //              28
  '', //                                              29
  'Tables grow by 40 GB a month and', //              30
  'vacuum cannot keep up. See [the runbook](https://example.com/runbook).', // 31
  '', //                                              32
  'Second paragraph.', //                             33
);

describe('front matter (native / MADR 4)', () => {
  it('reads every field of a native record', () => {
    const { decision, problems } = parse('docs/adr/0023-partition-maintenance.md', native);
    assert.deepEqual(problems, []);
    assert.ok(decision);
    assert.equal(decision.id, 'ADR-0023');
    assert.equal(decision.number, 23);
    assert.equal(decision.title, 'Partition maintenance with pg_partman');
    assert.equal(decision.status, 'proposed');
    assert.equal(decision.statusText, 'proposed');
    assert.equal(decision.dialect, 'frontmatter');
    assert.equal(decision.date, '2024-03-01');
    assert.equal(decision.owner, 'dana@example.com');
    assert.deepEqual(decision.ownerRange, r(5, 7, 5, 23));
    assert.deepEqual(decision.statusRange, r(3, 8, 3, 16));
    assert.equal(decision.reviewBy, '2025-03-01');
    assert.deepEqual(decision.reviewByRange, r(16, 11, 16, 21));
    assert.deepEqual(decision.approvers, [
      { name: 'alex@example.com', state: 'pending', range: r(7, 4, 7, 20) },
      { name: 'Sam Lee', state: 'approved', date: '2024-03-04', comment: 'Fine by me', range: r(8, 4, 12, 0) },
    ]);
    assert.deepEqual(decision.deciders, ['Dana', 'Alex']);
    assert.deepEqual(decision.consulted, ['DBA team']);
    assert.deepEqual(decision.informed, ['Platform']);
    assert.deepEqual(decision.supersedes, [{ id: 'ADR-0011', range: r(17, 12, 17, 20) }]);
    assert.deepEqual(decision.supersededBy, []);
    assert.deepEqual(decision.assumptions, [
      { id: 'ASM-3', range: r(19, 14, 19, 19) },
      { id: 'ASM-0007', range: r(19, 21, 19, 22) },
    ]);
    assert.deepEqual(decision.tags, ['database', 'postgres']);
    assert.deepEqual(decision.appliesTo, ['src/db/**']);
    assert.equal(decision.line, 26, 'the H1');
    assert.deepEqual(decision.range, r(1, 4, 1, 12), 'the id');
    assert.equal(decision.summary, 'Tables grow by 40 GB a month and vacuum cannot keep up. See the runbook.');
  });

  it('reads a MADR 4 record: status and decision-makers in front matter, title from the H1', () => {
    const text = lines(
      '---',
      'status: accepted',
      'date: 2024-11-02',
      'decision-makers: Oliver Kopp, Olaf Zimmermann',
      'consulted: MADR community',
      '---',
      '',
      '# Use YAML front matter for meta data',
      '',
      '## Context and Problem Statement',
      '',
      'MADR offers the fields "Status", "Deciders", and "Date".',
    );
    const d = decisionOf('docs/decisions/0013-use-yaml-front-matter-for-meta-data.md', text);
    assert.equal(d.id, 'ADR-0013');
    assert.equal(d.number, 13);
    assert.equal(d.title, 'Use YAML front matter for meta data');
    assert.equal(d.status, 'accepted');
    assert.equal(d.dialect, 'frontmatter');
    assert.deepEqual(d.deciders, ['Oliver Kopp', 'Olaf Zimmermann']);
    assert.deepEqual(d.consulted, ['MADR community']);
    assert.equal(d.line, 7);
    assert.deepEqual(d.range, r(7, 0, 7, 37));
    assert.equal(d.summary, 'MADR offers the fields "Status", "Deciders", and "Date".');
  });

  it('turns a numeric id into a padded id and keeps a string id as written', () => {
    assert.equal(decisionOf('x/0001-a.md', '---\nid: 12\n---\n# A\n').id, 'ADR-0012');
    assert.equal(decisionOf('x/0001-a.md', '---\nid: 12\n---\n# A\n').number, 12);
    assert.equal(decisionOf('x/0001-a.md', '---\nid: DR-7\n---\n# A\n').id, 'DR-7');
    assert.equal(decisionOf('x/0001-a.md', '---\nid: payments-split\n---\n# A\n').id, 'payments-split');
  });

  it('uses the configured prefix', () => {
    const d = decisionOf('x/0004-a.md', '---\nsupersedes: 2\n---\n# A\n', { prefix: 'DR', assumptionPrefix: 'AS' });
    assert.equal(d.id, 'DR-0004');
    assert.deepEqual(ids(d.supersedes), ['DR-0002']);
  });

  it('normalises YAML timestamps and date-times to YYYY-MM-DD', () => {
    const d = decisionOf('x/0001-a.md', '%YAML 1.1\n---\n# A\n');
    assert.equal(d.date, undefined);
    const timestamp = decisionOf('x/0001-a.md', lines('---', 'date: !!timestamp 2024-05-01', 'review-by: 2025-01-31T10:00:00Z', '---', '# A'));
    assert.equal(timestamp.date, '2024-05-01');
    assert.equal(timestamp.reviewBy, '2025-01-31');
  });

  it('reads approvers in their string and object forms, with defaults', () => {
    const text = lines(
      '---',
      'approvers:',
      '  - { name: Kim, state: rejected, comment: Too costly }',
      '  - name: Lou',
      '  - Max <max@example.com>',
      '---',
    );
    const d = decisionOf('x/0001-a.md', text);
    assert.deepEqual(
      d.approvers.map((a) => [a.name, a.state, a.comment]),
      [
        ['Kim', 'rejected', 'Too costly'],
        ['Lou', 'pending', undefined],
        ['Max <max@example.com>', 'pending', undefined],
      ],
    );
    assert.deepEqual(d.approvers[2].range, r(4, 4, 4, 25));
  });

  it('reads single strings where lists are usual', () => {
    const text = lines('---', 'tags: security, auth', 'applies-to: src/auth/**', 'superseded-by: ADR-0031', 'deciders: Ann and Bo', '---');
    const d = decisionOf('x/0001-a.md', text);
    assert.deepEqual(d.tags, ['security', 'auth']);
    assert.deepEqual(d.appliesTo, ['src/auth/**']);
    assert.deepEqual(d.supersededBy, [{ id: 'ADR-0031', range: r(3, 15, 3, 23) }]);
    assert.equal(d.status, 'superseded', 'superseded-by without a status means superseded');
    assert.equal(d.statusText, '');
    assert.deepEqual(d.deciders, ['Ann and Bo']);
    assert.equal(d.dialect, 'madr3');
  });

  it('resolves file links, routes and numbers in supersedes', () => {
    const text = lines(
      '---',
      'supersedes:',
      '  - 5',
      '  - ADR 0006',
      '  - ./0007-old-cache.md',
      '  - ../adr/0008-x.md',
      '  - /adr/23',
      '  - /decisions/0024-foo',
      '  - "[ADR-0025](0025-bar.md)"',
      '  - 20200101-use-log4brains.md',
      '---',
    );
    const d = decisionOf('x/0030-a.md', text);
    assert.deepEqual(ids(d.supersedes), [
      'ADR-0005',
      'ADR-0006',
      'ADR-0007',
      'ADR-0008',
      'ADR-0023',
      'ADR-0024',
      'ADR-0025',
      'use-log4brains',
    ]);
    assert.deepEqual(d.supersedes[6].range, r(8, 5, 8, 28));
  });

  it('ignores unknown keys (Docusaurus, Jekyll) without problems', () => {
    const text = lines('---', 'parent: Decisions', 'nav_order: 13', 'slug: /adr/13', 'sidebar_position: 2', '---', '# Use X', '', 'Text.');
    const { decision, problems } = parse('docs/decisions/0013-use-x.md', text);
    assert.deepEqual(problems, []);
    assert.equal(decision?.title, 'Use X');
    assert.equal(decision?.status, 'unknown');
    assert.notEqual(decision?.dialect, 'madr3');
  });

  it('takes the record range from the title when there is no id', () => {
    const d = decisionOf('x/0002-a.md', lines('---', 'status: accepted', 'title: "Use B"', '---', '# Heading'));
    assert.equal(d.title, 'Use B');
    assert.deepEqual(d.range, r(2, 7, 2, 14));
    assert.equal(d.line, 4);
  });

  it('puts line on the front matter id when there is no H1', () => {
    const d = decisionOf('x/0002-a.md', lines('---', 'status: accepted', 'id: ADR-0002', '---', 'Text.'));
    assert.equal(d.line, 2);
    assert.deepEqual(d.range, r(2, 4, 2, 12));
  });

  it('accepts an empty front matter block', () => {
    const { decision, problems } = parse('x/0002-a.md', '---\n---\n# Use B\n');
    assert.deepEqual(problems, []);
    assert.equal(decision?.title, 'Use B');
  });
});

describe('front matter of site generators', () => {
  it('keeps the body dialect when the front matter only has page keys', () => {
    const text = lines('---', 'title: Use queues', 'sidebar_position: 4', 'tags: [messaging]', '---', '# 4. Use queues', '', '## Status', '', 'Accepted');
    const d = decisionOf('docs/adr/0004-use-queues.md', text);
    assert.equal(d.dialect, 'nygard');
    assert.equal(d.status, 'accepted');
    assert.equal(d.title, 'Use queues');
    assert.deepEqual(d.tags, ['messaging']);
  });
});
