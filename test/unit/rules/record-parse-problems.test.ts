import * as assert from 'node:assert/strict';
import { parseProblems } from '../../../src/core/rules/parse-problems';
import { assertFinding, range, runRule } from './builders';

describe('rules record.yaml and record.schema', () => {
  it('passes parser problems through at their exact position with default severities', () => {
    const findings = runRule(parseProblems, {
      problems: [
        { path: 'docs/adr/0002-b.md', code: 'record.schema', message: 'ADR-0002: `status` must be a string', range: range(3, 8, 3, 15) },
        { path: 'docs/adr/0001-a.md', code: 'record.yaml', message: 'Unexpected flow sequence end', range: range(2, 9, 2, 10) },
      ],
    });
    assert.equal(findings.length, 2);
    assertFinding(findings[0], { code: 'record.yaml', severity: 'error', path: 'docs/adr/0001-a.md', range: range(2, 9, 2, 10), mentions: ['Unexpected flow sequence end'] });
    assertFinding(findings[1], { code: 'record.schema', severity: 'error', path: 'docs/adr/0002-b.md', range: range(3, 8, 3, 15), mentions: ['ADR-0002', '`status`'] });
    assert.deepEqual(findings[0].related, []);
  });

  it('reports nothing without problems', () => {
    assert.deepEqual(runRule(parseProblems, {}), []);
  });
});
