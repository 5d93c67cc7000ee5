// `check --format sarif` as GitHub code scanning sees it: Microsoft's SARIF validator with
// GitHub's rules finds no error, every rule documents itself, and fingerprints are stable.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findingAnchor } from '../../../src/core/finding-docs';
import { ALL_FINDING_CODES } from '../../../src/core/findings';
import { FINGERPRINT_KEY, FINDINGS_REFERENCE_URL, PROJECT_URL } from '../../../src/cli/sarif';
import { validateSarif } from './sarif-validator';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const fixture = (name: string) => path.join(root, 'test/fixtures', name);

function sarifOf(dir: string): any {
  const r = spawnSync(process.execPath, [cli, 'check', '--now', '2026-11-24', '--format', 'sarif', dir], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  return JSON.parse(r.stdout);
}

/** GitHub's heading anchors: lower-cased, punctuation other than - and _ dropped, spaces to -. */
function githubSlug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

describe('SARIF for code scanning', function () {
  // The first run installs the validator (about 100 MB from the npm registry).
  this.timeout(10 * 60_000);

  for (const name of ['service', 'broken', 'dialects', 'polyglot']) {
    it(`the SARIF validator with GitHub's rules finds no error and no warning (${name})`, () => {
      const r = spawnSync(process.execPath, [cli, 'check', '--now', '2026-11-24', '--format', 'sarif', fixture(name)], { encoding: 'utf8' });
      const results = validateSarif(r.stdout);
      assert.deepEqual(results.map((x) => `${x.level} ${x.ruleId}: ${x.message}`), []);
    });
  }

  it('the validator does report what code scanning rejects (rules without help, a relative base URI)', () => {
    const sarif = sarifOf(fixture('service'));
    delete sarif.runs[0].tool.driver.rules[0].help;
    delete sarif.runs[0].tool.driver.rules[0].fullDescription;
    sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri = './';
    const errors = validateSarif(JSON.stringify(sarif)).filter((x) => x.level === 'error').map((x) => x.ruleId);
    assert.ok(errors.includes('GH2012'), `expected GH2012 among ${errors.join(', ')}`);
    assert.ok(errors.includes('SARIF1004'), `expected SARIF1004 among ${errors.join(', ')}`);
  });

  it('every rule has short and full descriptions, Markdown help with an example and the fix, and a helpUri into the README', () => {
    const driver = sarifOf(fixture('service')).runs[0].tool.driver;
    assert.equal(driver.informationUri, PROJECT_URL);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''), PROJECT_URL);
    const anchors = new Set(
      readFileSync(path.join(root, 'README.md'), 'utf8')
        .split('\n')
        .filter((line) => /^#{1,6} /.test(line))
        .map((line) => githubSlug(line.replace(/^#+ /, ''))),
    );
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), ALL_FINDING_CODES);
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text.length > 10, rule.id);
      assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length / 2, rule.id);
      assert.notEqual(rule.fullDescription.text, rule.shortDescription.text, rule.id);
      assert.match(rule.help.markdown, /\*\*Example\*\*\n\n```\w+\n[^]+\n```/, rule.id);
      assert.match(rule.help.markdown, /\*\*Fix\*\*: \S/, rule.id);
      assert.match(rule.help.text, /Fix: \S/, rule.id);
      const [base, anchor] = rule.helpUri.split('#');
      assert.equal(base, FINDINGS_REFERENCE_URL);
      assert.equal(anchor, findingAnchor(rule.id));
      assert.ok(anchors.has(anchor), `README.md has no heading with the anchor #${anchor} (${rule.id})`);
    }
  });

  it('partialFingerprints are stable across runs and survive lines added above a finding', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'alignment-fingerprints-'));
    try {
      cpSync(fixture('service'), work, { recursive: true });
      const key = (result: any) => `${result.ruleId} ${result.locations[0].physicalLocation.artifactLocation.uri}`;
      const prints = (sarif: any) => sarif.runs[0].results.map((result: any) => [key(result), result.partialFingerprints[FINGERPRINT_KEY]]);
      const first = prints(sarifOf(work));
      assert.ok(first.length > 5);
      assert.ok(first.every(([, print]: string[]) => /^[0-9a-f]{32}$/.test(print)));
      assert.equal(new Set(first.map(([, print]: string[]) => print)).size, first.length, 'one fingerprint per finding');
      assert.deepEqual(prints(sarifOf(work)), first);

      const file = path.join(work, 'web/src/flags.ts');
      writeFileSync(file, '// a new header line\n\n' + readFileSync(file, 'utf8'));
      const moved = sarifOf(work);
      const flags = moved.runs[0].results.filter((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === 'web/src/flags.ts');
      assert.ok(flags.length >= 2);
      assert.ok(flags.every((r: any) => r.locations[0].physicalLocation.region.startLine > 2), 'the findings moved down');
      assert.deepEqual(prints(moved).sort(), [...first].sort());
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('the source root is an absolute file URI ending in a slash; result URIs are relative and percent-encoded', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'alignment sarif #'));
    try {
      cpSync(fixture('service'), work, { recursive: true });
      const spaced = path.join(work, 'web/src/flags and 100%.ts');
      writeFileSync(spaced, readFileSync(path.join(work, 'web/src/flags.ts'), 'utf8'));
      const sarif = sarifOf(work);
      const base = sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
      assert.match(base, /^file:\/\/\/.*\/$/);
      assert.equal(decodeURIComponent(new URL(base).pathname), work + '/');
      const uris = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
      assert.ok(uris.includes('web/src/flags%20and%20100%25.ts'), uris.join(', '));
      assert.deepEqual(validateSarif(JSON.stringify(sarif)).filter((x) => x.level === 'error'), []);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
