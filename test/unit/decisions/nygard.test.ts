import * as assert from 'node:assert/strict';
import { decisionOf, ids, lines, r } from './helpers';

describe('Nygard / adr-tools records', () => {
  it('reads the classic adr-tools record', () => {
    const text = lines(
      '# 1. Record architecture decisions', //                                     0
      '', //                                                                        1
      'Date: 2016-02-12', //                                                        2
      '', //                                                                        3
      '## Status', //                                                               4
      '', //                                                                        5
      'Accepted', //                                                                6
      '', //                                                                        7
      '## Context', //                                                              8
      '', //                                                                        9
      'We need to record the architectural decisions made on this project.', //    10
      '', //                                                                        11
      '## Decision', //                                                             12
      '', //                                                                        13
      'We will use Architecture Decision Records, as described by Michael Nygard.', // 14
    );
    const d = decisionOf('doc/adr/0001-record-architecture-decisions.md', text);
    assert.equal(d.id, 'ADR-0001');
    assert.equal(d.number, 1);
    assert.equal(d.title, 'Record architecture decisions');
    assert.equal(d.dialect, 'nygard');
    assert.equal(d.status, 'accepted');
    assert.equal(d.statusText, 'Accepted');
    assert.deepEqual(d.statusRange, r(6, 0, 6, 8));
    assert.equal(d.date, '2016-02-12');
    assert.equal(d.line, 0);
    assert.deepEqual(d.range, r(0, 0, 0, 34));
    assert.equal(d.summary, 'We need to record the architectural decisions made on this project.');
  });

  it('reads the superseded side written by `adr new -s` ("Superceded by")', () => {
    const text = lines('# 2. First Record', '', 'Date: 1992-01-12', '', '## Status', '', 'Superceded by [3. Second Record](0003-second-record.md)', '', '## Context', '', 'Context.');
    const d = decisionOf('doc/adr/0002-first-record.md', text);
    assert.equal(d.status, 'superseded');
    assert.equal(d.statusText, 'Superceded by [3. Second Record](0003-second-record.md)');
    assert.deepEqual(d.supersededBy, [{ id: 'ADR-0003', range: r(6, 14, 6, 55) }]);
    assert.deepEqual(d.supersedes, []);
  });

  it('reads the superseding side ("Supercedes") and keeps it accepted', () => {
    const text = lines('# 3. Second Record', '', 'Date: 1992-01-12', '', '## Status', '', 'Accepted', '', 'Supercedes [2. First Record](0002-first-record.md)');
    const d = decisionOf('doc/adr/0003-second-record.md', text);
    assert.equal(d.status, 'accepted');
    assert.equal(d.statusText, 'Accepted');
    assert.deepEqual(d.supersedes, [{ id: 'ADR-0002', range: r(8, 11, 8, 50) }]);
    assert.deepEqual(d.supersededBy, []);
  });

  it('reads the standard spelling too', () => {
    const d = decisionOf('doc/adr/0004-x.md', lines('# 4. X', '', '## Status', '', 'Superseded by [5. Y](0005-y.md)'));
    assert.equal(d.status, 'superseded');
    assert.deepEqual(ids(d.supersededBy), ['ADR-0005']);
    const e = decisionOf('doc/adr/0005-y.md', lines('# 5. Y', '', '## Status', '', 'Accepted', '', 'Supersedes [4. X](0004-x.md)'));
    assert.deepEqual(ids(e.supersedes), ['ADR-0004']);
  });

  it('keeps a record superseded when an older "Accepted" line stayed above the supersession', () => {
    const d = decisionOf('doc/adr/0004-x.md', lines('# 4. X', '', '## Status', '', 'Accepted', '', 'Superseded by [5. Y](0005-y.md)'));
    assert.equal(d.status, 'superseded');
    assert.equal(d.statusText, 'Accepted');
  });

  it('reads Amends / Amended by / Clarifies / Clarified by as relations', () => {
    const text = lines(
      '# 6. Six',
      '',
      '## Status',
      '',
      'Accepted',
      '',
      'Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)',
      '',
      'Amended by [7. Seven](0007-seven.md)',
      '',
      'Clarifies [2. Two](0002-two.md)',
      '',
      'Clarified by [8. Eight](0008-eight.md)',
    );
    const d = decisionOf('doc/adr/0006-six.md', text);
    assert.equal(d.status, 'accepted');
    assert.deepEqual(
      d.relations.map((x) => [x.kind, x.target.id]),
      [
        ['amends', 'ADR-0001'],
        ['amended-by', 'ADR-0007'],
        ['clarifies', 'ADR-0002'],
        ['clarified-by', 'ADR-0008'],
      ],
    );
    assert.deepEqual(d.relations[1].target.range, r(8, 11, 8, 36));
    assert.deepEqual(d.supersedes, []);
    assert.deepEqual(d.supersededBy, []);
  });

  it('takes the id from the H1 number when the file name has none', () => {
    const d = decisionOf('architecture/use-queues.md', lines('# 12. Use queues', '', '## Status', '', 'Proposed'));
    assert.equal(d.id, 'ADR-0012');
    assert.equal(d.number, 12);
    assert.equal(d.title, 'Use queues');
    assert.equal(d.status, 'proposed');
  });

  it('normalises the old dd/mm/yyyy adr-tools date', () => {
    assert.equal(decisionOf('doc/adr/0008-x.md', lines('# 8. X', '', 'Date: 21/02/2017', '', '## Status', '', 'Accepted')).date, '2017-02-21');
  });

  it('reads a status section with a level-1 heading, placed at the end', () => {
    const text = lines('# 9. Late status', '', '# Context', '', 'Some context.', '', '# Decision', '', 'We do it.', '', '# Status', '', 'Rejected');
    const d = decisionOf('doc/adr/0009-late-status.md', text);
    assert.equal(d.title, 'Late status');
    assert.equal(d.status, 'rejected');
    assert.deepEqual(d.statusRange, r(12, 0, 12, 8));
    assert.equal(d.summary, 'Some context.');
  });

  it('reads "## Status: Accepted" headings and "Status: X" lines', () => {
    assert.equal(decisionOf('a/0001-x.md', lines('# X', '', '## Status: Accepted', '', '## Context')).status, 'accepted');
    const d = decisionOf('a/0001-x.md', lines('# 1. X', 'Status: Deprecated', 'Date: 2020-01-01'));
    assert.equal(d.status, 'deprecated');
    assert.deepEqual(d.statusRange, r(1, 8, 1, 18));
    assert.equal(d.dialect, 'nygard');
  });
});
