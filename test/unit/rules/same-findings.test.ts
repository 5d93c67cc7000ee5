// sameFindings decides whether a file's diagnostics are sent to the window again: a
// false "same" would leave stale Problems entries, a false "different" costs a resend.
import * as assert from 'node:assert/strict';
import { sameFindings, type Finding } from '../../../src/core/findings';

const at = (line: number) => ({ start: { line, column: 3 }, end: { line, column: 11 } });
const base = (): Finding => ({
  code: 'ref.superseded',
  severity: 'warning',
  message: 'ADR-0003 "Use MySQL" is superseded by ADR-0007; update the reference to ADR-0007.',
  path: 'src/orders.ts',
  range: at(4),
  recordId: 'ADR-0003',
  deprecated: true,
  replacement: 'ADR-0007',
  related: [{ path: 'docs/adr/0003-use-mysql.md', range: at(0), message: 'ADR-0003 is superseded' }],
});

describe('sameFindings', () => {
  it('equal lists built apart are the same, and a missing property equals an undefined one', () => {
    assert.equal(sameFindings([base(), base()], [base(), base()]), true);
    assert.equal(sameFindings([], []), true);
    const withoutReplacement = base();
    delete withoutReplacement.replacement;
    assert.equal(sameFindings([withoutReplacement], [{ ...base(), replacement: undefined }]), true);
  });

  it('any change a diagnostic shows makes them differ', () => {
    const changes: Array<[string, (f: Finding) => void]> = [
      ['message', (f) => (f.message += '!')],
      ['severity', (f) => (f.severity = 'error')],
      ['code', (f) => (f.code = 'ref.deprecated')],
      ['line', (f) => (f.range.start.line = 5)],
      ['end column', (f) => (f.range.end.column = 12)],
      ['replacement', (f) => (f.replacement = 'ADR-0008')],
      ['replacement dropped', (f) => delete f.replacement],
      ['deprecated', (f) => (f.deprecated = false)],
      ['related message', (f) => (f.related[0].message = 'other')],
      ['related added', (f) => f.related.push({ path: 'a.md', range: at(1), message: 'x' })],
      ['related dropped', (f) => (f.related = [])],
    ];
    for (const [what, change] of changes) {
      const changed = base();
      change(changed);
      assert.equal(sameFindings([base()], [changed]), false, what);
      assert.equal(sameFindings([changed], [base()]), false, `${what}, the other way`);
    }
  });

  it('order and count matter', () => {
    const second = { ...base(), range: at(9) };
    assert.equal(sameFindings([base(), second], [second, base()]), false);
    assert.equal(sameFindings([base()], [base(), base()]), false);
  });
});
