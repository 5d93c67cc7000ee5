import * as assert from 'node:assert/strict';
import { duplicateIds } from '../../../src/core/rules/duplicate-id';
import { assertFinding, assumption, decision, runRule } from './builders';

describe('rule record.duplicate-id', () => {
  it('treats ADR-9 and ADR-0009 as the same id and reports both records', () => {
    const a = decision('ADR-9', { title: 'Use Redis', path: 'docs/adr/9-use-redis.md' });
    const b = decision('ADR-0009', { title: 'Use Memcached', path: 'docs/adr/0009-use-memcached.md' });
    const findings = runRule(duplicateIds, { decisions: [b, a] });
    assert.equal(findings.length, 2);
    const first = assertFinding(findings[0], {
      code: 'record.duplicate-id',
      severity: 'error',
      path: 'docs/adr/0009-use-memcached.md',
      range: b.range,
      mentions: ['ADR-0009', 'Use Memcached', 'docs/adr/9-use-redis.md', 'give one of them a new id'],
    });
    const second = assertFinding(findings[1], {
      code: 'record.duplicate-id',
      severity: 'error',
      path: 'docs/adr/9-use-redis.md',
      range: a.range,
      mentions: ['ADR-9', 'Use Redis', 'docs/adr/0009-use-memcached.md'],
    });
    assert.deepEqual(first.related.map((r) => r.path), ['docs/adr/9-use-redis.md']);
    assert.deepEqual(second.related.map((r) => r.path), ['docs/adr/0009-use-memcached.md']);
  });

  it('reports duplicate assumption ids', () => {
    const findings = runRule(duplicateIds, {
      assumptions: [assumption('ASM-1', { path: 'assumptions/a.yaml' }), assumption('asm_001', { path: 'assumptions/b.yaml' })],
    });
    assert.deepEqual(findings.map((f) => f.path), ['assumptions/a.yaml', 'assumptions/b.yaml']);
  });

  it('reports nothing for distinct ids, nor for a slug that equals another record’s file stem', () => {
    const findings = runRule(duplicateIds, {
      decisions: [decision('ADR-0001', { title: 'Alpha' }), decision('ADR-0002', { title: 'Beta' }), decision('alpha', { path: 'docs/decisions/20240101-alpha.md' })],
    });
    assert.deepEqual(findings, []);
  });
});
