/**
 * One test per reading rule added for the conventions public repositories use, each
 * with the example that was read wrongly before.
 */
import * as assert from 'node:assert/strict';
import { AlignmentIndex } from '../../../src/core/alignment-index';
import { decisionPathInfo, normaliseDecisionStatus } from '../../../src/core/decisions';
import { qualifierOf } from '../../../src/core/decisions/qualify-ids';
import { refusesRecordEdits } from '../../../src/core/edits';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { detectLayout, roleOf } from '../../../src/core/layout';
import { scanReferences } from '../../../src/core/references';
import { decisionOf, ids, lines, parse } from './helpers';

describe('conventions: file names', () => {
  it('ADR-N.md carries its number; the year of a date name is never the number', () => {
    assert.deepEqual(decisionPathInfo('docs/adr/ADR-7.md'), { number: 7, digits: '7', slug: 'ADR-7', prefixed: true });
    assert.deepEqual(decisionPathInfo('docs/adr/2021-03-04-use-terraform.md'), { slug: 'use-terraform', date: '2021-03-04' });
    assert.equal(decisionOf('docs/adr/2021-03-04-use-terraform.md', '# Use Terraform').number, undefined);
  });

  it('draft placeholders have no number: their id is the slug and their status proposed', () => {
    for (const name of ['XXXX-try-x.md', '000N-try-x.md', '00NN-try-x.md', 'ADR-XXX-try-x.md']) {
      assert.deepEqual(decisionPathInfo(`docs/adr/${name}`), { slug: 'try-x', draft: true }, name);
    }
    const d = decisionOf('docs/adr/XXXX-try-x.md', '# XXXX. Try X\n\n## Context\n\nWhy.');
    assert.equal(d.id, 'try-x');
    assert.equal(d.status, 'proposed');
    assert.equal(d.title, 'Try X');
  });

  it('folder-form records take their name from the folder; assets beside them are not records', () => {
    const layout = detectLayout(['docs/adr/0001-use-x/index.md', 'docs/adr/0001-use-x/diagram.md', 'docs/adr/0002-use-y/README.md'], DEFAULT_CONFIG, { toolFolders: [] });
    assert.deepEqual(layout.decisionFolders, ['docs/adr']);
    assert.equal(roleOf('docs/adr/0001-use-x/index.md', layout), 'decision');
    assert.equal(roleOf('docs/adr/0002-use-y/README.md', layout), 'decision');
    assert.equal(roleOf('docs/adr/0001-use-x/diagram.md', layout), undefined, 'a document inside a record folder belongs to that record');
    assert.equal(roleOf('docs/adr/0001-use-x/images/diagram.md', layout), undefined, 'also in its subfolders');
    assert.equal(roleOf('docs/adr/FAQ.md', layout), undefined, 'a FAQ beside the records is not one');
    assert.equal(roleOf('docs/adr/use-z.md', layout), 'decision', 'an unnumbered document in an adr folder is a record');
    assert.equal(decisionOf('docs/adr/0002-use-y/README.md', '# Use Y').id, 'ADR-0002');
    assert.equal(decisionPathInfo('keps/NNNN-kep-template/README.md'), undefined, 'a template folder is not a record');
  });

  it('folders of adr-NNN files are found wherever they are, the repository root included', () => {
    const files = ['docs/references/architecture/adr-001-a.md', 'docs/references/architecture/adr-002-b.md', 'adr-001-x.md', 'adr-002-y.md', 'README.md', 'notes/adr-001-only-one.md'];
    const layout = detectLayout(files, DEFAULT_CONFIG, { toolFolders: [] });
    assert.deepEqual(layout.decisionFolders, ['', 'docs/references/architecture']);
    assert.equal(roleOf('adr-001-x.md', layout), 'decision');
    assert.equal(roleOf('README.md', layout), 'code', 'other documents at the root are still scanned');
    assert.equal(roleOf('notes/adr-001-only-one.md', layout), 'code', 'only direct files of the root are its records');
  });

  it('records in category subfolders of a conventional folder are found', () => {
    const layout = detectLayout(['docs/adr/frontend/0001-a.md', 'docs/adr/backend/0001-b.md'], DEFAULT_CONFIG, { toolFolders: [] });
    assert.deepEqual(layout.decisionFolders, ['docs/adr']);
  });
});

describe('conventions: ids qualified by folder', () => {
  const record = (path: string, text: string) => decisionOf(path, text);

  it('records that share a local id in different folders are qualified, not duplicates', () => {
    const index = new AlignmentIndex({
      decisions: [
        record('docs/adr/frontend/0001-use-react.md', '# 1. Use React\n\n## Status\n\nSuperseded by [2](0002-use-preact.md)'),
        record('docs/adr/frontend/0002-use-preact.md', '# 2. Use Preact\n\n## Status\n\nAccepted'),
        record('docs/adr/backend/0001-use-go.md', '# 1. Use Go\n\n## Status\n\nAccepted'),
        record('docs/adr/backend/0002-use-grpc.md', '# 2. Use gRPC\n\n## Status\n\nAccepted'),
        record('packages/web/docs/adr/20230101-use-ts.md', '# Use TS'),
        record('packages/api/docs/adr/20230101-use-ts.md', '# Use TS'),
      ],
      assumptions: [],
      references: [],
      problems: [],
    });
    assert.deepEqual(
      index.decisions.map((d) => d.id),
      ['backend/ADR-0001', 'backend/ADR-0002', 'frontend/ADR-0001', 'frontend/ADR-0002', 'api/use-ts', 'web/use-ts'],
    );
    const react = index.decisions.find((d) => d.path.endsWith('0001-use-react.md'))!;
    assert.deepEqual(ids(react.supersededBy), ['frontend/ADR-0002'], 'a link inside a folder names the record of that folder');
    assert.equal(index.lookup('frontend/ADR-1')?.path, 'docs/adr/frontend/0001-use-react.md', 'qualified ids match numerically');
  });

  it('a stated id with a slug after its number also answers to the number', () => {
    const index = new AlignmentIndex({
      decisions: [decisionOf('adr/adr-005-skills.adoc', lines('---', 'id: ADR-005-engine-skills', 'status: proposed', '---', '= Skills'))],
      assumptions: [],
      references: [],
      problems: [],
    });
    assert.equal(index.lookup('ADR-5')?.id, 'ADR-005-engine-skills');
  });

  it('records of one folder sharing an id stay duplicates', () => {
    const index = new AlignmentIndex({
      decisions: [record('docs/adr/0005-a.md', '# 5. A'), record('docs/adr/0005-b.md', '# 5. B')],
      assumptions: [],
      references: [],
      problems: [],
    });
    assert.deepEqual(index.decisions.map((d) => d.id), ['ADR-0005', 'ADR-0005']);
  });

  it('the qualifier is the nearest folder name that is not generic', () => {
    assert.equal(qualifierOf('docs/adr/frontend/0001-a.md'), 'frontend');
    assert.equal(qualifierOf('credentials/apps/catalog/docs/decisions/0001-a.rst'), 'catalog');
    assert.equal(qualifierOf('docs/decisions/0001-a.rst'), '');
  });
});

describe('conventions: statuses', () => {
  it('normalises the vocabularies teams use, keeping the first status word', () => {
    const cases: [string, string][] = [
      ['Implemented', 'accepted'],
      ['Partially Implemented', 'accepted'],
      ['Provisional', 'accepted'],
      ['Active', 'accepted'],
      ['Draft', 'proposed'],
      ['WIP', 'proposed'],
      ['Decided', 'accepted'],
      ['Withdrawn', 'rejected'],
      ['Abandoned', 'rejected'],
      ['On hold', 'unknown'],
      ['Reverted', 'deprecated'],
      ['ACCEPTED - Pedestal adapter abandoned, Reitit chosen', 'accepted'],
      ['PROPOSED - Design approved, pending implementation', 'proposed'],
      ['Proposed (not yet implemented)', 'proposed'],
      ['After review this decision was accepted', 'accepted'],
      ['Superseded (never implemented) by [ADR 9](/adr/9)', 'superseded'],
      ['Rejected in favour of ADR 111', 'rejected'],
      ['🤔 Incomplete', 'proposed'],
    ];
    for (const [text, status] of cases) assert.equal(normaliseDecisionStatus(text), status, text);
  });

  it('reads a metadata table, the first one only', () => {
    const d = decisionOf(
      'docs/adr/ADR-2.md',
      lines('# ADR-2: Title', '', '| Metadata | Value |', '|---|---|', '| Status | Proposed |', '| Date | 2023-03-01 |', '', '## History', '', '| Version | Status |', '|---|---|', '| 1 | Rejected |'),
    );
    assert.equal(d.status, 'proposed');
    assert.equal(d.statusSource, 'table');
    assert.equal(d.date, '2023-03-01');
    assert.deepEqual(d.statusRange, { start: { line: 4, column: 11 }, end: { line: 4, column: 19 } });
  });

  it('front matter wins over a Status section, and the disagreement is a record.conflict at the section', () => {
    const { decision, problems } = parse('docs/adr/0001-x.md', lines('---', 'status: accepted', '---', '# X', '', '## Status', '', 'Proposed'));
    assert.equal(decision?.status, 'accepted');
    assert.equal(decision?.statusSource, 'front-matter');
    assert.deepEqual(problems.map((p) => [p.code, p.range.start.line]), [['record.conflict', 7]]);
  });

  it('"Accepted" in a header line and "Superseded by" in the section is a history, not a conflict', () => {
    const { decision, problems } = parse('docs/adr/0001-x.md', lines('# 1. X', '', 'Status: Accepted', '', '## Status', '', 'Superseded by [2](0002-y.md)'));
    assert.equal(decision?.status, 'superseded');
    assert.deepEqual(problems, []);
  });

  it('reads Docusaurus tags as a status only when nothing else states one', () => {
    assert.equal(decisionOf('docs/adr/0003-x.md', lines('---', 'tags: [Accepted]', '---', '# X')).statusSource, 'tags');
    assert.equal(decisionOf('docs/adr/0003-x.md', lines('---', 'tags: [Accepted]', '---', '# X', '', '* Status: proposed')).status, 'proposed');
  });

  it('a heading that merely contains the word is not the Status section', () => {
    const d = decisionOf('docs/adr/0004-x.md', lines('# 4. X', '', '## Status codes', '', 'Draft, Paid and Shipped.'));
    assert.equal(d.status, 'unknown');
  });

  it('a supersession with nothing but a link after "Superseded" still names the successor', () => {
    const d = decisionOf('docs/adr/0004-x.md', lines('# 4. X', '', '## Status', '', '⌛️ Superseded [0019](0019-use-go.md)'));
    assert.deepEqual(ids(d.supersededBy), ['ADR-0019']);
  });
});

describe('conventions: titles', () => {
  it('drops id decorations and unfilled placeholder numbers, keeps words that only look like them', () => {
    const title = (h: string) => decisionOf('docs/adr/0012-x.md', `# ${h}`).title;
    assert.equal(title('ADR 012: Use X'), 'Use X');
    assert.equal(title('ADR-012 - Use X'), 'Use X');
    assert.equal(title('ADR-XXX: Use X'), 'Use X');
    assert.equal(title('NNNN. Use X'), 'Use X');
    assert.equal(title('0012 Use X'), 'Use X');
    assert.equal(title('X-ray imaging'), 'X-ray imaging');
    assert.equal(title('Nginx in front'), 'Nginx in front');
    assert.equal(title('Architecture Decision Record: Use X'), 'Use X');
  });

  it('reads a title written only in front matter as a block scalar', () => {
    assert.equal(decisionOf('docs/adr/0015-x.md', lines('---', 'status: accepted', 'title: |', '  Two', '  lines', '---', 'Body.')).title, 'Two lines');
  });
});

describe('conventions: reStructuredText records', () => {
  const text = lines(
    '.. _ADR-3:',
    '',
    '3. Payload conventions',
    '######################',
    '',
    'Status',
    '------',
    '',
    '**Accepted** *2023-05-11*',
    '',
    'Context',
    '-------',
    '',
    'Events need stable payloads.',
    '',
    '::',
    '',
    '    Status: Rejected',
  );

  it('reads the title, the underlined Status section and the summary', () => {
    const d = decisionOf('docs/decisions/0003-payload.rst', text);
    assert.equal(d.id, 'ADR-0003');
    assert.equal(d.title, 'Payload conventions');
    assert.equal(d.status, 'accepted');
    assert.equal(d.statusText, 'Accepted 2023-05-11');
    assert.equal(d.statusSource, 'section');
    assert.equal(d.line, 2);
    assert.equal(d.summary, 'Events need stable payloads.');
  });

  it('reads field lists, overlined titles and :doc: links', () => {
    const d = decisionOf(
      'docs/decisions/0002-cache.rst',
      lines('=====', 'Cache', '=====', '', ':Status: Superseded by :doc:`0005-drop-the-cache`', ':Date: 2022-09-14', ':Deciders: Dana, Eli'),
    );
    assert.equal(d.title, 'Cache');
    assert.equal(d.status, 'superseded');
    assert.equal(d.statusSource, 'field');
    assert.equal(d.statusText, 'Superseded by 0005-drop-the-cache');
    assert.deepEqual(ids(d.supersededBy), ['ADR-0005']);
    assert.equal(d.date, '2022-09-14');
    assert.deepEqual(d.deciders, ['Dana', 'Eli']);
  });

  it('reads RFC 822 style headers: Title, Status, Superseded-By', () => {
    const d = decisionOf('peps/pep-0005.rst', lines('PEP: 5', 'Title: Guidelines for __future__ evolution', 'Status: Superseded', 'Superseded-By: 387', '', '', 'Abstract', '========', '', 'Text.'), { prefix: 'PEP', assumptionPrefix: 'ASM' });
    assert.equal(d.title, 'Guidelines for __future__ evolution');
    assert.equal(d.status, 'superseded');
    assert.deepEqual(ids(d.supersededBy), ['PEP-0387']);
  });

  it('reads "Status" on a line of its own followed by the status', () => {
    assert.equal(decisionOf('docs/decisions/0007-x.rst', lines('Endpoint', '########', '', 'Status', '**Draft**', '', 'Context', '*******')).status, 'proposed');
  });
});

describe('conventions: AsciiDoc records', () => {
  it('reads `= Title`, :revdate:, `== Status` and xref links; listing blocks are examples', () => {
    const d = decisionOf(
      'docs/adr/0001-use-postgres.adoc',
      lines('= 1. Use PostgreSQL', ':revdate: 2021-06-01', '', '== Status', '', 'Superseded by xref:0002-use-cockroach.adoc[ADR 2]', '', '----', '== Status', 'Rejected', '----'),
    );
    assert.equal(d.title, 'Use PostgreSQL');
    assert.equal(d.status, 'superseded');
    assert.deepEqual(ids(d.supersededBy), ['ADR-2']);
    assert.equal(d.date, '2021-06-01');
  });

  it('reads a record titled with `==` and bold labels with hard line breaks', () => {
    const d = decisionOf('docs/adr/ADR-001-split.adoc', lines('== ADR-001: Split the monolith', '', '*Status:* Accepted +', '*Date:* 2026-01-18 +', '*Deciders:* Core team', '', '=== Context', '', 'It is big.'));
    assert.equal(d.id, 'ADR-001');
    assert.equal(d.title, 'Split the monolith');
    assert.equal(d.status, 'accepted');
    assert.equal(d.date, '2026-01-18');
    assert.deepEqual(d.deciders, ['Core team']);
  });

  it('scans a huge line of markup in linear time', () => {
    const started = Date.now();
    const line = `:doc:\`${' '.repeat(50_000)}<${'x'.repeat(50_000)}` + '`_ xref:'.repeat(5000) + '<<'.repeat(5000);
    decisionOf('docs/adr/0009-x.rst', lines('Title', '=====', '', 'Status', '------', '', line));
    decisionOf('docs/adr/0009-x.adoc', lines('= Title', '', '== Status', '', line, `| Status | ${'|'.repeat(50_000)}`));
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});

describe('conventions: palette writes', () => {
  it('refuse reStructuredText and AsciiDoc records with a message that says why and what to do', () => {
    assert.equal(refusesRecordEdits('docs/adr/0001-x.md'), undefined);
    assert.match(refusesRecordEdits('docs/decisions/0001-x.rst') ?? '', /0001-x\.rst is a reStructuredText record: the palette changes Markdown records only, so edit its Status section by hand/);
    assert.match(refusesRecordEdits('docs/adr/0001-x.adoc') ?? '', /0001-x\.adoc is an AsciiDoc record: the palette changes Markdown records only/);
  });
});

describe('conventions: code citing RST and AsciiDoc records by path', () => {
  it('reads a record path ending in .rst or .adoc as a reference to that record', () => {
    const refs = scanReferences('app.py', '# See docs/decisions/0003-events-payload.rst\n# and docs/decisions/0004-x.adoc\n', {
      decisionPrefix: 'ADR',
      assumptionPrefix: 'ASM',
      decisionFolders: ['docs/decisions'],
    });
    assert.deepEqual(
      refs.map((r) => [r.kind, r.id]),
      [
        ['path', 'ADR-0003'],
        ['path', 'ADR-0004'],
      ],
    );
  });
});
