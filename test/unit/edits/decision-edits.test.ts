import * as assert from 'node:assert/strict';
import { parseDecision } from '../../../src/core/decisions';
import { addFrontMatter, addSupersession, markSuperseded, setApproval, setDecisionStatus, type EditResult } from '../../../src/core/edits';

const lines = (...l: string[]) => l.join('\n');
const ok = (r: EditResult): string => {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.text;
};
const parse = (text: string, path = 'docs/adr/0005-adopt-feature-flags.md') => parseDecision(path, text, { prefix: 'ADR', assumptionPrefix: 'ASM' }).decision!;

const proposed = lines(
  '---',
  '# Owned by the platform group',
  'status: proposed   # until the review on Friday',
  'date: 2026-11-01',
  "owner: 'sam@example.com'",
  'approvers:',
  '  - dana@example.com # security',
  '  - name: lee@example.com',
  '    state: approved',
  '    date: 2026-11-03',
  'tags: [flags, release]',
  '---',
  '# Adopt feature flags',
  '',
  'Body text.',
  '',
);

describe('edits: setApproval', () => {
  it('turns a plain-string approver into a mapping, keeping comments, quoting and flow style elsewhere', () => {
    const text = ok(setApproval(proposed, 'frontmatter', 'dana@example.com', 'approved', '2026-11-05'));
    assert.equal(
      text,
      lines(
        '---',
        '# Owned by the platform group',
        'status: proposed   # until the review on Friday',
        'date: 2026-11-01',
        "owner: 'sam@example.com'",
        'approvers:',
        '  - name: dana@example.com',
        '    state: approved',
        '    date: 2026-11-05 # security',
        '  - name: lee@example.com',
        '    state: approved',
        '    date: 2026-11-03',
        'tags: [flags, release]',
        '---',
        '# Adopt feature flags',
        '',
        'Body text.',
        '',
      ),
    );
    const d = parse(text);
    assert.deepEqual(
      d.approvers.map((a) => [a.name, a.state, a.date]),
      [
        ['dana@example.com', 'approved', '2026-11-05'],
        ['lee@example.com', 'approved', '2026-11-03'],
      ],
    );
  });

  it('updates a mapping entry in place and adds a comment key after its last field', () => {
    const text = ok(setApproval(proposed, 'frontmatter', 'LEE@example.com', 'rejected', '2026-11-06', 'Needs: a kill switch'));
    assert.equal(
      text,
      lines(
        '---',
        '# Owned by the platform group',
        'status: proposed   # until the review on Friday',
        'date: 2026-11-01',
        "owner: 'sam@example.com'",
        'approvers:',
        '  - dana@example.com # security',
        '  - name: lee@example.com',
        '    state: rejected',
        '    date: 2026-11-06',
        '    comment: "Needs: a kill switch"',
        'tags: [flags, release]',
        '---',
        '# Adopt feature flags',
        '',
        'Body text.',
        '',
      ),
    );
  });

  it('adds a person who is not listed, at the list indentation', () => {
    const text = ok(setApproval(proposed, 'frontmatter', 'kim@example.com', 'approved', '2026-11-07'));
    assert.ok(
      text.includes(lines('    date: 2026-11-03', '  - name: kim@example.com', '    state: approved', '    date: 2026-11-07', 'tags: [flags, release]')),
      text,
    );
  });

  it('adds an approvers list when there is none, and works on a flow list', () => {
    const none = lines('---', 'status: proposed', 'owner: sam # the owner', '---', '# T', '');
    assert.equal(
      ok(setApproval(none, 'frontmatter', 'dana@example.com', 'approved', '2026-01-02')),
      lines('---', 'status: proposed', 'owner: sam # the owner', 'approvers:', '  - name: dana@example.com', '    state: approved', '    date: 2026-01-02', '---', '# T', ''),
    );
    const flow = lines('---', 'status: proposed', 'approvers: [dana@example.com, lee]', '---', '');
    assert.equal(
      ok(setApproval(flow, 'frontmatter', 'dana@example.com', 'approved', '2026-01-02')),
      lines('---', 'status: proposed', 'approvers: [{ name: dana@example.com, state: approved, date: 2026-01-02 }, lee]', '---', ''),
    );
  });

  it('keeps CRLF line endings', () => {
    const crlf = proposed.replace(/\n/g, '\r\n');
    const text = ok(setApproval(crlf, 'frontmatter', 'dana@example.com', 'approved', '2026-11-05'));
    assert.ok(!/[^\r]\n/.test(text), 'a bare LF was written');
    assert.ok(text.includes('  - name: dana@example.com\r\n    state: approved\r\n'));
  });

  it('asks for front matter when the record has none, and refuses broken YAML', () => {
    const nygard = lines('# 3. Use Go', '', 'Date: 2020-01-01', '', '## Status', '', 'Proposed', '');
    const r = setApproval(nygard, 'nygard', 'dana@example.com', 'approved', '2026-01-02');
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.needsFrontMatter, true);
    const broken = lines('---', 'status: [proposed', '---', '# T', '');
    const b = setApproval(broken, 'frontmatter', 'dana', 'approved', '2026-01-02');
    assert.equal(b.ok, false);
    assert.match(!b.ok ? b.reason : '', /syntax error/);
  });
});

describe('edits: setDecisionStatus', () => {
  it('replaces only the status value in front matter, keeping its comment', () => {
    assert.equal(ok(setDecisionStatus(proposed, 'accepted')), proposed.replace('status: proposed   #', 'status: accepted   #'));
  });

  it('adds status as the first key when the front matter has none', () => {
    const text = lines('---', '# note', 'owner: sam', '---', '# T', '');
    assert.equal(ok(setDecisionStatus(text, 'accepted')), lines('---', '# note', 'status: accepted', 'owner: sam', '---', '# T', ''));
  });

  it('keeps a double-quoted status quoted', () => {
    const text = lines('---', 'status: "proposed"', '---', '');
    assert.equal(ok(setDecisionStatus(text, 'rejected')), lines('---', 'status: "rejected"', '---', ''));
  });

  it('edits MADR 2 header bullets as text', () => {
    const madr2 = lines('# Use Kafka', '', '* Status: proposed <!-- optional -->', '* Deciders: dana, lee', '* Date: 2024-01-01', '', '## Context', '');
    const text = ok(setDecisionStatus(madr2, 'accepted'));
    assert.equal(text, madr2.replace('* Status: proposed <!--', '* Status: accepted <!--'));
    assert.equal(parse(text, 'docs/adr/20240101-use-kafka.md').status, 'accepted');
  });

  it('edits the first line of a Nygard Status section, keeping Supersedes lines', () => {
    const nygard = lines('# 9. Use PostgreSQL', '', 'Date: 2024-01-01', '', '## Status', '', 'Supersedes [3. Use MySQL](0003-use-mysql.md)', '', 'Proposed', '', '## Context', '');
    const text = ok(setDecisionStatus(nygard, 'accepted'));
    assert.equal(text, nygard.replace('\nProposed\n', '\nAccepted\n'));
    const d = parse(text, 'docs/adr/0009-use-postgresql.md');
    assert.equal(d.status, 'accepted');
    assert.deepEqual(d.supersedes.map((m) => m.id), ['ADR-0003']);
  });

  it('fills an empty Status section, and asks for front matter when no status is stated', () => {
    const empty = lines('# 4. X', '', '## Status', '', '## Context', '');
    assert.equal(ok(setDecisionStatus(empty, 'proposed')), lines('# 4. X', '', '## Status', '', 'Proposed', '', '## Context', ''));
    const none = lines('# Just a page', '', 'Text.', '');
    const r = setDecisionStatus(none, 'accepted');
    assert.equal(!r.ok && r.needsFrontMatter, true);
  });
});

describe('edits: supersession', () => {
  it('marks front matter superseded and adds superseded-by (a scalar becomes a list)', () => {
    const old = lines('---', 'status: accepted # since March', 'superseded-by: ADR-0007', '---', '# Old', '');
    const text = ok(markSuperseded(old, { id: 'ADR-0009', href: '0009-new.md' }));
    assert.equal(text, lines('---', 'status: superseded # since March', 'superseded-by:', '  - ADR-0007', '  - ADR-0009', '---', '# Old', ''));
    const fresh = lines('---', 'status: accepted', 'date: 2024-01-01', '---', '# Old', '');
    assert.equal(
      ok(markSuperseded(fresh, { id: 'ADR-0009', href: '0009-new.md' })),
      lines('---', 'status: superseded', 'date: 2024-01-01', 'superseded-by: ADR-0009', '---', '# Old', ''),
    );
  });

  it('writes MADR and Nygard supersession as links in the status', () => {
    const madr2 = lines('# Use Kafka', '', '* Status: accepted', '* Date: 2024-01-01', '');
    assert.equal(ok(markSuperseded(madr2, { id: 'ADR-0009', href: '0009-x.md' })), madr2.replace('accepted', 'superseded by [ADR-0009](0009-x.md)'));
    const nygard = lines('# 3. Use MySQL', '', '## Status', '', 'Accepted', '');
    const text = ok(markSuperseded(nygard, { id: 'ADR-0009', href: '0009-x.md' }));
    assert.equal(text, nygard.replace('Accepted', 'Superseded by [ADR-0009](0009-x.md)'));
    const d = parse(text, 'docs/adr/0003-use-mysql.md');
    assert.equal(d.status, 'superseded');
    assert.deepEqual(d.supersededBy.map((m) => m.id), ['ADR-0009']);
  });

  it('adds supersedes to a successor in front matter or in its Status section', () => {
    const fm = lines('---', 'status: proposed', 'date: 2026-01-01', '---', '# New', '');
    assert.equal(ok(addSupersession(fm, 'supersedes', { id: 'ADR-0003' })), lines('---', 'status: proposed', 'date: 2026-01-01', 'supersedes: ADR-0003', '---', '# New', ''));
    const nygard = lines('# 9. New', '', '## Status', '', 'Proposed', '', '## Context', '');
    const text = ok(addSupersession(nygard, 'supersedes', { id: 'ADR-0003', href: '0003-old.md' }));
    assert.equal(text, lines('# 9. New', '', '## Status', '', 'Proposed', '', 'Supersedes [ADR-0003](0003-old.md)', '', '## Context', ''));
    assert.equal(parse(text, 'docs/adr/0009-new.md').status, 'proposed');
  });

  it('adds front matter on request', () => {
    const nygard = lines('# 3. Use Go', '', '## Status', '', 'Proposed', '');
    assert.equal(ok(addFrontMatter(nygard, { approvers: ['dana@example.com'] })), lines('---', 'approvers:', '  - dana@example.com', '---', ...nygard.split('\n')));
  });
});
