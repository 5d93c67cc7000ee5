/**
 * The conformance corpus: one small workspace per convention teams write their records
 * in (test/fixtures/conventions/<name>), each with the `list --format json` result it
 * must give (expected.json), compared field by field, and the record findings it must
 * raise (and no others).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { listJson } from '../../../src/cli/format-list';
import { loadWorkspace } from '../../../src/node/load-workspace';

const corpus = path.join(__dirname, '../../fixtures/conventions');
const FIELDS = ['id', 'number', 'title', 'status', 'statusText', 'statusSource', 'date', 'owner', 'supersedes', 'supersededBy'] as const;
/** Findings about records as such (not about their owners, reviews or approvals). */
const RECORD_CODES = /^record\.(?:duplicate-id|dangling|conflict|cycle|yaml|schema)$/;

interface Expected {
  decisions: Record<(typeof FIELDS)[number] | 'path', unknown>[];
  findings: { code: string; path: string; line: number }[];
}

describe('the conventions corpus', () => {
  for (const name of readdirSync(corpus).sort()) {
    it(`reads ${name} as expected`, async () => {
      const root = path.join(corpus, name);
      const expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected;
      const loaded = await loadWorkspace(root, { allowProcesses: false });
      const actual = JSON.parse(listJson(loaded.model.index)) as { decisions: Record<string, unknown>[] };

      assert.deepEqual(
        actual.decisions.map((d) => d.path).sort(),
        expected.decisions.map((d) => d.path).sort(),
        `${name}: which files are records`,
      );
      for (const want of expected.decisions) {
        const got = actual.decisions.find((d) => d.path === want.path)!;
        for (const field of FIELDS) assert.deepEqual(got[field], want[field], `${name}: ${want.path}: ${field}`);
      }
      const findings = loaded.model
        .findings(new Date('2025-01-01T00:00:00Z'))
        .filter((f) => RECORD_CODES.test(f.code))
        .map((f) => ({ code: f.code, path: f.path, line: f.range.start.line + 1 }))
        .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
      assert.deepEqual(findings, expected.findings, `${name}: record findings`);
    });
  }
});
