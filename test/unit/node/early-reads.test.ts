// Candidates named by rg are read while its listing still streams. One parsed slice of
// the listing can name thousands of them: in the editor (earlyReadSliceMs) the reads
// stop for the rest of an event-loop turn once they took that long, and the files left
// are read afterwards, in slices. The index is the same either way.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadWorkspace, type LoadedWorkspace } from '../../../src/node/load-workspace';
import { bundledRipgrep } from '../../../src/node/ripgrep';

const NOW = new Date('2026-12-01T12:00:00Z');
const CANDIDATES = 3000;
const rg = bundledRipgrep(path.resolve(__dirname, '../../..'));

function summary(loaded: LoadedWorkspace): string[] {
  return loaded.model.findings(NOW, loaded.files).map((f) => `${f.path}:${f.range.start.line}:${f.code}`);
}

describe('early reads of candidates', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'alignment-early-'));
    mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
    writeFileSync(path.join(root, 'docs/adr/0001-use-mysql.md'), '---\nstatus: superseded\nsuperseded-by: ADR-0002\n---\n# Use MySQL\n');
    writeFileSync(path.join(root, 'docs/adr/0002-use-postgres.md'), '---\nstatus: accepted\nsupersedes: ADR-0001\n---\n# Use PostgreSQL\n');
    for (let d = 0; d < CANDIDATES / 100; d++) {
      mkdirSync(path.join(root, `src/m${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(path.join(root, `src/m${d}/f${f}.ts`), `export const x = ${f};\n// Orders live in MySQL (ADR-0001).\n`);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('stop for the turn once they took their time, and the rest are read after the listing', async () => {
    assert.ok(rg, 'the bundled rg is installed');
    const scanners = [{ kind: 'rg' as const, command: rg!, label: 'bundled rg' }];
    const unbounded = await loadWorkspace(root, { scanners });
    assert.equal(unbounded.stats.scanner, 'bundled rg');
    // The code files and both records (they cite each other) match the prefilter.
    assert.equal(unbounded.stats.readEarly, CANDIDATES + 2, 'without a limit, every candidate is read as rg names it');

    // A limit of 0 ms: one read per turn of the event loop while the listing streams.
    const bounded = await loadWorkspace(root, { scanners, earlyReadSliceMs: 0 });
    assert.ok(bounded.stats.readEarly < CANDIDATES / 2, `${bounded.stats.readEarly} of ${CANDIDATES} candidates read while the listing streamed`);
    assert.equal(bounded.stats.read, unbounded.stats.read, 'every candidate is read all the same');
    const findings = summary(bounded);
    assert.equal(findings.filter((f) => f.endsWith(':ref.superseded')).length, CANDIDATES);
    assert.deepEqual(findings, summary(unbounded));
  });
});
