import * as assert from 'node:assert/strict';
import { normaliseDecisionStatus } from '../../../src/core/decisions';
import type { DecisionStatus } from '../../../src/core/model';
import { decisionOf, lines } from './helpers';

const table: [string, DecisionStatus][] = [
  ['proposed', 'proposed'],
  ['Proposed', 'proposed'],
  ['"proposed"', 'proposed'],
  ['Draft', 'proposed'],
  ['pending', 'proposed'],
  ['Proposal', 'proposed'],
  ['In review', 'proposed'],
  ['Under review', 'proposed'],
  ['open', 'proposed'],
  ['WIP', 'proposed'],
  ['accepted', 'accepted'],
  ['Accepted, implemented', 'accepted'],
  ['**Accepted**', 'accepted'],
  ['Approved', 'accepted'],
  ['decided', 'accepted'],
  ['Adopted', 'accepted'],
  ['Implemented', 'accepted'],
  ['rejected', 'rejected'],
  ['Declined', 'rejected'],
  ['deprecated', 'deprecated'],
  ['Obsolete', 'deprecated'],
  ['superseded', 'superseded'],
  ['Superseded by [ADR-0005](0005-x.md)', 'superseded'],
  ['Superceded by [3. Foo](0003-foo.md)', 'superseded'],
  ['accepted, superseded by ADR 7', 'superseded'],
  ['Replaced by ADR-9', 'superseded'],
  ['', 'unknown'],
  ['   ', 'unknown'],
  ['on hold', 'unknown'],
  ['Blocked', 'unknown'],
  ['{proposed | rejected | accepted | deprecated | … | superseded by ADR-0005}', 'superseded'],
];

describe('normaliseDecisionStatus', () => {
  for (const [text, expected] of table) {
    it(`"${text}" → ${expected}`, () => assert.equal(normaliseDecisionStatus(text), expected));
  }

  it('does not read "Supersedes" as superseded', () => {
    assert.equal(normaliseDecisionStatus('Accepted. Supersedes ADR-3'), 'accepted');
  });

  it('ignores words inside link targets', () => {
    assert.equal(normaliseDecisionStatus('Proposed, see [notes](0004-rejected-ideas.md)'), 'proposed');
  });

  it('never throws on odd input', () => {
    assert.equal(normaliseDecisionStatus(undefined as unknown as string), 'unknown');
    assert.equal(normaliseDecisionStatus(42 as unknown as string), 'unknown');
  });
});

describe('status in records', () => {
  it('keeps the free text as statusText', () => {
    const d = decisionOf('doc/adr/0001-x.md', lines('# 1. X', '', '## Status', '', 'Accepted, implemented in v2', '', 'More notes.'));
    assert.equal(d.status, 'accepted');
    assert.equal(d.statusText, 'Accepted, implemented in v2');
  });

  it('is unknown with empty statusText when the record states none', () => {
    const d = decisionOf('doc/adr/0001-x.md', lines('# 1. X', '', '## Context', '', 'Text.'));
    assert.equal(d.status, 'unknown');
    assert.equal(d.statusText, '');
    assert.equal(d.statusRange, undefined);
  });

  it('"on hold" is unknown but kept as written', () => {
    const d = decisionOf('doc/adr/0001-x.md', lines('---', 'status: On hold', '---', '# X'));
    assert.equal(d.status, 'unknown');
    assert.equal(d.statusText, 'On hold');
  });

  it('front matter status wins over a Status section', () => {
    const d = decisionOf('doc/adr/0001-x.md', lines('---', 'status: rejected', '---', '# X', '', '## Status', '', 'Accepted'));
    assert.equal(d.status, 'rejected');
  });
});
