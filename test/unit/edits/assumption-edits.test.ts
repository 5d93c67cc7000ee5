import * as assert from 'node:assert/strict';
import { parseAssumptionFile } from '../../../src/core/assumptions';
import { appendAssumption, setAssumptionStatus, type EditResult } from '../../../src/core/edits';

const lines = (...l: string[]) => l.join('\n');
const ok = (r: EditResult): string => {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.text;
};

const list = lines(
  'assumptions:',
  '  # Capacity planning',
  '  - id: ASM-1',
  '    statement: Peak traffic stays under 2,000 requests per second',
  '    status: validated # re-checked yearly',
  '    evidence: Load test of 2024-01',
  '',
  '  - id: ASM-3',
  "    statement: 'Customers accept email-only login'",
  '    status: active',
  '',
);

describe('edits: setAssumptionStatus', () => {
  it('sets status and adds evidence in a list item, keeping comments and quoting', () => {
    const text = ok(setAssumptionStatus(list, 'asm-3', { status: 'invalidated', evidence: 'Survey of 2026-02: 40% want SSO' }));
    assert.equal(
      text,
      lines(
        'assumptions:',
        '  # Capacity planning',
        '  - id: ASM-1',
        '    statement: Peak traffic stays under 2,000 requests per second',
        '    status: validated # re-checked yearly',
        '    evidence: Load test of 2024-01',
        '',
        '  - id: ASM-3',
        "    statement: 'Customers accept email-only login'",
        '    status: invalidated',
        '    evidence: "Survey of 2026-02: 40% want SSO"',
        '',
      ),
    );
    const parsed = parseAssumptionFile('a.yaml', text, { prefix: 'ASM', decisionPrefix: 'ADR' });
    assert.equal(parsed.problems.length, 0);
    assert.equal(parsed.assumptions.find((a) => a.id === 'ASM-3')?.status, 'invalidated');
  });

  it('replaces evidence and keeps the trailing comment of the status line', () => {
    const text = ok(setAssumptionStatus(list, 'ASM-1', { status: 'retired', evidence: 'Traffic moved to the edge' }));
    assert.ok(text.includes(lines('    status: retired # re-checked yearly', '    evidence: Traffic moved to the edge', '')));
  });

  it('edits a single-assumption file and records a successor', () => {
    const single = lines('id: ASM-7 # do not renumber', 'statement: X', 'status: active', '');
    assert.equal(
      ok(setAssumptionStatus(single, 'ASM-7', { status: 'superseded', supersededBy: 'ASM-8' })),
      lines('id: ASM-7 # do not renumber', 'statement: X', 'status: superseded', 'superseded-by: ASM-8', ''),
    );
  });

  it('says when the id is not in the file', () => {
    const r = setAssumptionStatus(list, 'ASM-9', { status: 'validated' });
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /No assumption ASM-9/);
  });
});

describe('edits: appendAssumption', () => {
  it('appends to the list with the items indentation, after trailing blank lines are kept', () => {
    const text = ok(appendAssumption(list, { id: 'ASM-4', statement: 'Latency budget: 200 ms', owner: 'dana@example.com', decisions: ['ADR-0009'] }));
    assert.equal(
      text,
      lines(
        ...list.split('\n').slice(0, 10),
        '  - id: ASM-4',
        '    statement: "Latency budget: 200 ms"',
        '    status: active',
        '    owner: dana@example.com',
        '    confidence: medium',
        '    impact: medium',
        '    decisions: [ADR-0009]',
        '',
      ),
    );
    const parsed = parseAssumptionFile('a.yaml', text, { prefix: 'ASM', decisionPrefix: 'ADR' });
    assert.deepEqual(parsed.assumptions.map((a) => a.id), ['ASM-1', 'ASM-3', 'ASM-4']);
  });

  it('starts a list in an empty file and refuses a single-assumption file or a duplicate id', () => {
    assert.equal(ok(appendAssumption('', { id: 'ASM-1', statement: 'S' })), lines('assumptions:', '  - id: ASM-1', '    statement: S', '    status: active', '    confidence: medium', '    impact: medium', ''));
    assert.equal(appendAssumption(lines('id: ASM-7', 'statement: X', ''), { id: 'ASM-8', statement: 'Y' }).ok, false);
    assert.equal(appendAssumption(list, { id: 'ASM-1', statement: 'Y' }).ok, false);
  });
});
