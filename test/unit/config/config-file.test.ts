import * as assert from 'node:assert/strict';
import { didYouMean, parseConfigText } from '../../../src/core/config-file';
import type { Range } from '../../../src/core/model';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

describe('parseConfigText', () => {
  it('reads every setting', () => {
    const text = [
      'decisionFolders: [docs/adr, services/billing/adr]',
      'assumptionFolders:',
      '  - docs/assumptions',
      'decisionPrefix: DEC',
      'assumptionPrefix: HYP',
      'exclude: ["**/generated/**"]',
      'severity:',
      '  ref.pending: off',
      '  record.no-owner: warning',
      'approvalOverdueDays: 14',
      'allowAnyApprover: true',
      'maxFileSizeKb: 512',
    ].join('\n');
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      decisionFolders: ['docs/adr', 'services/billing/adr'],
      assumptionFolders: ['docs/assumptions'],
      decisionPrefix: 'DEC',
      assumptionPrefix: 'HYP',
      exclude: ['**/generated/**'],
      severity: { 'ref.pending': 'off', 'record.no-owner': 'warning' },
      approvalOverdueDays: 14,
      allowAnyApprover: true,
      maxFileSizeKb: 512,
    });
  });

  it('reads an empty file (or only comments) as {}', () => {
    assert.deepEqual(parseConfigText(''), { config: {}, problems: [] });
    assert.deepEqual(parseConfigText('# nothing configured yet\n'), { config: {}, problems: [] });
  });

  it('reports an unknown key at the key, with a suggestion, and keeps the valid settings', () => {
    const { config, problems } = parseConfigText('decisionFolder: [docs/adr]\ndecisionPrefix: DEC\n');
    assert.deepEqual(
      problems.map((p) => [p.code, p.message, p.range]),
      [['record.schema', 'Unknown setting `decisionFolder` in .alignment.yaml; did you mean `decisionFolders`?', r(0, 0, 0, 14)]],
    );
    assert.deepEqual(config, { decisionPrefix: 'DEC' });
  });

  it('suggests across case and separators, and not for unrelated keys', () => {
    const { problems } = parseConfigText('decision-prefix: DEC\ncolour: blue\n');
    assert.deepEqual(
      problems.map((p) => [p.message, p.range]),
      [
        ['Unknown setting `decision-prefix` in .alignment.yaml; did you mean `decisionPrefix`?', r(0, 0, 0, 15)],
        ['Unknown setting `colour` in .alignment.yaml.', r(1, 0, 1, 6)],
      ],
    );
  });

  it('reports wrong values at the value', () => {
    const text = 'approvalOverdueDays: soon\ndecisionPrefix: ADR-\nallowAnyApprover: yes please\nexclude: [1]\n';
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(
      problems.map((p) => [p.message, p.range]),
      [
        ['`approvalOverdueDays` must be a whole number of days (0 or more), not "soon".', r(0, 21, 0, 25)],
        ['`decisionPrefix` must be letters only (such as ADR), not "ADR-".', r(1, 16, 1, 20)],
        ['`allowAnyApprover` must be true or false, not "yes please".', r(2, 18, 2, 28)],
        ['`exclude` item 1 must be text, not 1 (`exclude` must be a list of globs).', r(3, 10, 3, 11)],
      ],
    );
    assert.deepEqual(config, {});
  });

  it('reports unknown finding codes and bad severities under severity, keeping the good entries', () => {
    const text = 'severity:\n  ref.unknwn: error\n  ref.pending: loud\n  ref.expired: hint\n';
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(
      problems.map((p) => [p.message, p.range]),
      [
        ['Unknown finding code `ref.unknwn` under `severity`; did you mean `ref.unknown`?', r(1, 2, 1, 12)],
        ['`severity.ref.pending` must be error, warning, information, hint or off, not "loud".', r(2, 15, 2, 19)],
      ],
    );
    assert.deepEqual(config, { severity: { 'ref.expired': 'hint' } });
  });

  it('reports YAML syntax errors at their position and no config', () => {
    const result = parseConfigText('decisionFolders: [docs/adr\nexclude: []\n');
    assert.equal(result.config, undefined);
    assert.equal(result.problems[0].code, 'record.yaml');
    assert.deepEqual(result.problems[0].range, r(1, 0, 1, 1));
  });

  it('reports a file that is not a mapping', () => {
    for (const text of ['- docs/adr\n', 'just text\n']) {
      const result = parseConfigText(text);
      assert.equal(result.config, undefined);
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0].code, 'record.schema');
      assert.equal(result.problems[0].range.start.line, 0);
    }
  });

  it('never throws', () => {
    for (const text of ['\u0000\u0001', '[', 'a: &a [*a]', 'severity: 5', 'severity:\n  - error', `exclude: [${'"x",'.repeat(10_000)}]`]) {
      assert.doesNotThrow(() => parseConfigText(text));
    }
  });
});

describe('didYouMean', () => {
  it('finds close names only', () => {
    assert.equal(didYouMean('exclud', ['exclude', 'severity']), 'exclude');
    assert.equal(didYouMean('Severity', ['exclude', 'severity']), 'severity');
    assert.equal(didYouMean('zzz', ['exclude', 'severity']), undefined);
  });
});
