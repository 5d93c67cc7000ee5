import * as assert from 'node:assert/strict';
import { referenceRules } from '../../../src/core/rules/reference-rules';
import { assertOnly, decision, reference, refRange, runRule } from './builders';

describe('rules ref.deprecated and ref.rejected', () => {
  it('reports a deprecated decision, naming its owner', () => {
    const ref = reference('ADR-0004', { line: 1, column: 0 });
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0004', { title: 'Use XML for config', status: 'deprecated', owner: 'erin@example.com' })],
      references: [ref],
    });
    const f = assertOnly(findings, {
      code: 'ref.deprecated',
      severity: 'warning',
      path: 'src/app.ts',
      range: refRange(ref),
      mentions: ['ADR-0004', 'Use XML for config', 'deprecated', 'owner: erin@example.com'],
    });
    assert.equal(f.recordId, 'ADR-0004');
  });

  it('reports a rejected decision, naming its first decider when no owner is set', () => {
    const ref = reference('ADR-0005', { path: 'lib/x.rb', line: 3, column: 2 });
    const findings = runRule(referenceRules, {
      decisions: [decision('ADR-0005', { title: 'Rewrite in Rust', status: 'rejected', owner: undefined, deciders: ['frank', 'gina'] })],
      references: [ref],
    });
    assertOnly(findings, {
      code: 'ref.rejected',
      severity: 'warning',
      path: 'lib/x.rb',
      range: refRange(ref),
      mentions: ['ADR-0005', 'Rewrite in Rust', 'rejected', 'owner: frank'],
    });
  });

  it('reports nothing for an accepted decision', () => {
    assert.deepEqual(runRule(referenceRules, { decisions: [decision('ADR-0004')], references: [reference('ADR-0004')] }), []);
  });
});
