import * as assert from 'node:assert/strict';
import { parseDecision, resolveAssumptionRef, resolveDecisionRef, resolveLinkTarget } from '../../../src/core/decisions';
import { decisionOf, ids, lines, parse, r } from './helpers';

describe('untidy records', () => {
  it('lets the file name win over the heading number', () => {
    const d = decisionOf('doc/adr/0014-use-grpc.md', lines('# 13. Use gRPC', '', '## Status', '', 'Accepted'));
    assert.equal(d.id, 'ADR-0014');
    assert.equal(d.number, 14);
    assert.equal(d.title, 'Use gRPC');
  });

  it('drops the leading number from titles in its various spellings', () => {
    const title = (h1: string) => decisionOf('a/0001-x.md', `# ${h1}\n`).title;
    assert.equal(title('12. Title'), 'Title');
    assert.equal(title('12 - Title'), 'Title');
    assert.equal(title('ADR 012: Title'), 'Title');
    assert.equal(title('ADR-012 - Title'), 'Title');
    assert.equal(title('ADR-0012: Use [Kafka](https://kafka.apache.org)'), 'Use Kafka');
    assert.equal(title('2020 roadmap'), '2020 roadmap');
    assert.equal(title('1.2 release train'), '1.2 release train');
  });

  it('reads ids from adr-NNN and dated-numbered file names, digits as written', () => {
    assert.equal(decisionOf('adr/adr-001-use-kafka.md', '# Use Kafka\n').id, 'ADR-001');
    const dated = decisionOf('decisions/2023-05-01_007-adopt-graphql.md', '# Adopt GraphQL\n');
    assert.equal(dated.id, 'ADR-007');
    assert.equal(dated.number, 7);
  });

  it('falls back to the file stem and a humanised title', () => {
    const d = decisionOf('notes/why-we-left-mongo.md', 'Just some text.\n');
    assert.equal(d.id, 'why-we-left-mongo');
    assert.equal(d.number, undefined);
    assert.equal(d.title, 'Why we left mongo');
    assert.deepEqual(d.range, r(0, 0, 0, 15));
    assert.equal(d.summary, 'Just some text.');
  });

  it('resolves supersession links to site routes and bare ids', () => {
    const text = lines(
      '# 20. X', //                                         0
      '', //                                                1
      '## Status', //                                       2
      '', //                                                3
      'Superseded by [the new one](/adr/23)', //            4
      'Superseded by [Foo](/decisions/0024-foo/)', //       5
      'Superseded by ADR 25 and ADR-26', //                 6
      'Supersedes ../adr/0005-x.md and ./0006-y.md', //     7
    );
    const d = decisionOf('docs/adr/0020-x.md', text);
    assert.equal(d.status, 'superseded');
    assert.equal(d.statusText, 'Superseded by [the new one](/adr/23)');
    assert.deepEqual(ids(d.supersededBy), ['ADR-0023', 'ADR-0024', 'ADR-25', 'ADR-26']);
    assert.deepEqual(d.supersededBy[2].range, r(6, 14, 6, 20));
    assert.deepEqual(d.supersededBy[3].range, r(6, 25, 6, 31));
    assert.deepEqual(ids(d.supersedes), ['ADR-0005', 'ADR-0006']);
    assert.deepEqual(d.supersedes[0].range, r(7, 11, 7, 27));
  });

  it('keeps both records when superseded by two', () => {
    const d = decisionOf(
      'doc/adr/0004-monolith.md',
      lines('# 4. Monolith', '', '## Status', '', 'Superseded by [5. Split A](0005-split-a.md) and [6. Split B](0006-split-b.md)'),
    );
    assert.deepEqual(ids(d.supersededBy), ['ADR-0005', 'ADR-0006']);
    assert.deepEqual(d.supersededBy[1].range, r(4, 48, 4, 77));
  });

  it('resolves full repository URLs to record files', () => {
    const d = decisionOf(
      'docs/adr/0001-x.md',
      lines('# X', '', '* Status: superseded by [ADR-0009](https://github.com/acme/app/blob/main/docs/adr/0009-y.md#decision)'),
    );
    assert.deepEqual(ids(d.supersededBy), ['ADR-0009']);
  });

  it('ignores YAML and status lines inside fenced code blocks', () => {
    const text = lines(
      '# 7. Use front matter', //             0
      '', //                                  1
      '```yaml', //                           2
      '---', //                               3
      'status: rejected', //                  4
      'supersedes: ADR-0001', //              5
      '---', //                               6
      '```', //                               7
      '', //                                  8
      '~~~markdown', //                       9
      '* Status: deprecated', //              10
      '## Status', //                         11
      'Superseded by [9. X](0009-x.md)', //   12
      '~~~', //                               13
      '', //                                  14
      '## Status', //                         15
      '', //                                  16
      '````', //                              17
      'Rejected', //                          18
      '```', //                               19
      '````', //                              20
      'Accepted', //                          21
    );
    const { decision, problems } = parse('doc/adr/0007-use-front-matter.md', text);
    assert.deepEqual(problems, []);
    assert.ok(decision);
    assert.equal(decision.status, 'accepted');
    assert.equal(decision.statusText, 'Accepted');
    assert.deepEqual(decision.statusRange, r(21, 0, 21, 8));
    assert.deepEqual(decision.supersedes, []);
    assert.deepEqual(decision.supersededBy, []);
  });

  it('has no status when it only appears inside an example', () => {
    const d = decisionOf('doc/adr/0008-x.md', lines('# 8. X', '', '```', '## Status', 'Accepted', '```'));
    assert.equal(d.status, 'unknown');
    assert.equal(d.statusText, '');
  });

  it('ignores a commented-out status section', () => {
    const d = decisionOf('doc/adr/0008-x.md', lines('# 8. X', '', '<!--', '## Status', 'Accepted', '-->', '', '## Status', '', 'Proposed'));
    assert.equal(d.status, 'proposed');
  });

  it('reads CRLF files with the same positions as LF files', () => {
    const lf = lines('---', 'status: accepted', 'owner: ann', 'tags: 5', '---', '# 3. X', '', '## Context', '', 'Why.');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parse('doc/adr/0003-x.md', lf);
    const b = parse('doc/adr/0003-x.md', crlf);
    assert.deepEqual(b, a);
    assert.equal(b.decision?.statusText, 'accepted');
    assert.equal(b.decision?.owner, 'ann');
    assert.equal(b.decision?.summary, 'Why.');
    assert.deepEqual(
      b.problems.map((p) => [p.code, p.range]),
      [['record.schema', r(3, 6, 3, 7)]],
    );
  });

  it('reads a CRLF Nygard record', () => {
    const text = '# 2. X\r\n\r\nDate: 2020-01-01\r\n\r\n## Status\r\n\r\nSuperceded by [3. Y](0003-y.md)\r\n';
    const d = decisionOf('doc/adr/0002-x.md', text);
    assert.equal(d.statusText, 'Superceded by [3. Y](0003-y.md)');
    assert.deepEqual(d.supersededBy, [{ id: 'ADR-0003', range: r(6, 14, 6, 31) }]);
    assert.equal(d.date, '2020-01-01');
  });

  it('reads a file with a BOM, front matter included, positions as an editor shows them', () => {
    const d = decisionOf('doc/adr/0003-x.md', '\uFEFF---\nid: ADR-0003\nstatus: accepted\n---\n# X\n');
    assert.equal(d.id, 'ADR-0003');
    assert.equal(d.status, 'accepted');
    assert.deepEqual(d.range, r(1, 4, 1, 12));
    const n = decisionOf('doc/adr/0004-y.md', '\uFEFF# 4. Y\n\n## Status\n\nAccepted\n');
    assert.equal(n.title, 'Y');
    assert.deepEqual(n.range, r(0, 0, 0, 6));
  });

  it('keeps only the first paragraph, plain and short', () => {
    const long = 'word '.repeat(200).trim();
    const d = decisionOf('a/0001-x.md', lines('# X', '', '## Context', '', '> **Note**: `code` and *emphasis* and ![img](a.png)', '', long));
    assert.equal(d.summary, 'Note: code and emphasis and');
    const e = decisionOf('a/0001-x.md', lines('# X', '', '## Context', '', long));
    assert.ok(e.summary.length <= 401, `length ${e.summary.length}`);
    assert.ok(e.summary.endsWith('…'));
  });
});

describe('resolving written references', () => {
  it('resolves decision references in their written forms', () => {
    const cases: [string | number, string | undefined][] = [
      ['ADR-5', 'ADR-5'],
      ['ADR 0005', 'ADR-0005'],
      ['adr_007', 'ADR-007'],
      [5, 'ADR-0005'],
      ['5', 'ADR-0005'],
      ['#23', 'ADR-0023'],
      ['0005-x.md', 'ADR-0005'],
      ['./0005-x.md', 'ADR-0005'],
      ['../adr/0005-x.md', 'ADR-0005'],
      ['/adr/23', 'ADR-0023'],
      ['/decisions/0023-foo', 'ADR-0023'],
      ['[13. Foo](0013-foo.md)', 'ADR-0013'],
      ['[ADR-0014 Use X](https://wiki.example.com/page)', 'ADR-0014'],
      ['13. Foo', 'ADR-0013'],
      ['ADR-0014 Use X', 'ADR-0014'],
      ['20200101-use-log4brains.md', 'use-log4brains'],
      ['use-log4brains', 'use-log4brains'],
      ['', undefined],
      ['the old one', undefined],
      [1.5, undefined],
    ];
    for (const [written, expected] of cases) assert.equal(resolveDecisionRef(written, 'ADR'), expected, String(written));
  });

  it('resolves assumption references with the assumption prefix', () => {
    assert.equal(resolveAssumptionRef('ASM-3', 'ASM'), 'ASM-3');
    assert.equal(resolveAssumptionRef(3, 'ASM'), 'ASM-0003');
    assert.equal(resolveAssumptionRef('cheap-storage', 'ASM'), 'cheap-storage');
  });

  it('ignores anchors, mail links and assets', () => {
    assert.equal(resolveLinkTarget('#context', 'ADR'), undefined);
    assert.equal(resolveLinkTarget('mailto:a@example.com', 'ADR'), undefined);
    assert.equal(resolveLinkTarget('0013-example.png', 'ADR'), undefined);
    assert.equal(resolveLinkTarget('0005-x.md#decision', 'ADR'), 'ADR-0005');
  });
});

describe('status sections copied from a template', () => {
  it('ignores blockquoted guidance and an unfilled {A|B|C} placeholder', () => {
    const text = [
      '# ADR 036: Empty blocks via ABCI',
      '',
      '## Status',
      '',
      '> A decision may be "proposed" if it hasn\'t been agreed upon yet, or "accepted" once it is agreed upon. If a later ADR changes or reverses a decision, it may be marked as "deprecated" or "superseded" with a reference to its replacement.',
      '',
      '{Deprecated|Proposed|Accepted|Declined}',
      '',
      '## Consequences',
    ].join('\n');
    const { decision } = parseDecision('docs/architecture/adr-036-empty-blocks-abci.md', text, { prefix: 'ADR', assumptionPrefix: 'ASM' });
    assert.equal(decision!.status, 'unknown');
    assert.equal(decision!.statusText, '');
    assert.deepEqual(decision!.supersededBy, []);
  });

  it('ignores the choices left bare (Accepted | Rejected | Deprecated | Superseded by)', () => {
    const text = ['# ADR 106: gRPC API', '', '## Status', '', 'Accepted | Rejected | Deprecated | Superseded by', '', '## Context', ''].join('\n');
    const { decision } = parseDecision('docs/references/architecture/adr-106-grpc-api.md', text, { prefix: 'ADR', assumptionPrefix: 'ASM' });
    assert.equal(decision!.status, 'unknown');
    assert.deepEqual(decision!.supersededBy, []);
    const chosen = parseDecision('docs/adr/0002-x.md', ['# 2. X', '', '## Status', '', 'Accepted | see the review thread', ''].join('\n'), { prefix: 'ADR', assumptionPrefix: 'ASM' });
    assert.equal(chosen.decision!.status, 'accepted', 'one bar in a real status is kept');
  });

  it('still reads a real status after the guidance', () => {
    const text = ['# ADR 040: Blockchain reactor refactor', '', '## Status', '', '> A decision may be "proposed" …', '', 'Accepted', ''].join('\n');
    const { decision } = parseDecision('docs/architecture/adr-040-blockchain-reactor-refactor.md', text, { prefix: 'ADR', assumptionPrefix: 'ASM' });
    assert.equal(decision!.status, 'accepted');
    assert.equal(decision!.statusText, 'Accepted');
  });
});
