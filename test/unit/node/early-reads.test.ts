// Candidates named by rg are read while its listing still streams. One parsed slice of
// the listing can name thousands of them: in the editor (earlyReadSliceMs) the reads
// stop for the rest of an event-loop turn once they took that long, and the files left
// are read afterwards, in slices. The index is the same either way.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { provisionalLayout } from '../../../src/core/layout';
import { EarlyReads } from '../../../src/node/early-reads';
import { loadWorkspace, type LoadedWorkspace } from '../../../src/node/load-workspace';
import { PooledReader } from '../../../src/node/read-text';
import { bundledRipgrep, scanWithRipgrep } from '../../../src/node/ripgrep';

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

// Records are parsed as rg names them too, where the role they will have is already
// known (configured, a tool's or a conventional folder); a parse counts only when the
// detected layout gives that role, so the index is the one the Node walk builds.
describe('records parsed while the listing streams', () => {
  let root: string;
  const RECORDS = 40;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'alignment-early-records-'));
    mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
    for (let n = 1; n <= RECORDS; n++) {
      const id = String(n).padStart(4, '0');
      writeFileSync(path.join(root, `docs/adr/${id}-choice-${n}.md`), `---\nstatus: ${n === 1 ? 'superseded' : 'accepted'}\n---\n# Choice ${n}\n\nNo ids here.\n`);
    }
    // docs/architecture is a conventional folder, but with docs/adr there it holds code:
    // a numbered document in it is guessed a record and must end up scanned as code.
    mkdirSync(path.join(root, 'docs/architecture'), { recursive: true });
    writeFileSync(path.join(root, 'docs/architecture/0001-overview.md'), '# Overview\n\n<!-- Rests on ADR-0001. -->\n');
    // A folder named like a decision folder elsewhere is found by the layout, not guessed.
    mkdirSync(path.join(root, 'services/billing/decisions'), { recursive: true });
    writeFileSync(path.join(root, 'services/billing/decisions/0001-bill-monthly.md'), '---\nstatus: proposed\n---\n# Bill monthly\n');
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'src/orders.ts'), '// See ADR-0001.\nexport const orders = 1;\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('keep the parses the layout confirms, and give the index the Node walk gives', async () => {
    assert.ok(rg, 'the bundled rg is installed');
    const scanned = await loadWorkspace(root, { scanners: [{ kind: 'rg' as const, command: rg!, label: 'bundled rg' }] });
    assert.equal(scanned.stats.scanner, 'bundled rg');
    assert.equal(scanned.stats.parsedEarly, RECORDS, 'the records of docs/adr are parsed while rg lists');
    const walked = await loadWorkspace(root, { allowProcesses: false });
    assert.equal(walked.stats.parsedEarly, 0);
    const records = (loaded: LoadedWorkspace) => loaded.model.index.decisions.map((d) => `${d.path} ${d.id} ${d.status} ${d.title}`).sort();
    assert.equal(records(scanned).length, RECORDS + 1);
    assert.deepEqual(records(scanned), records(walked));
    assert.deepEqual(summary(scanned).sort(), summary(walked).sort());
    // The wrongly guessed document is code, with its reference.
    assert.deepEqual(
      scanned.model.index.references.filter((r) => r.path.startsWith('docs/')).map((r) => `${r.path} ${r.id}`),
      ['docs/architecture/0001-overview.md ADR-0001'],
    );
  });
});

// What the turn limit leaves is queued, and taken up while the scanner prints nothing new:
// in turns of their own, each within the limit, until the queue is empty.
describe('early reads left by the turn limit', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'alignment-early-queue-'));
    mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
    mkdirSync(path.join(root, 'src'), { recursive: true });
    for (let n = 1; n <= 50; n++) writeFileSync(path.join(root, `docs/adr/${String(n).padStart(4, '0')}-choice.md`), `# Choice ${n}\n\nStatus: accepted\n`);
    for (let n = 0; n < 200; n++) writeFileSync(path.join(root, `src/f${n}.ts`), `// See ADR-0001.\nexport const x = ${n};\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('are queued past the limit and read, and parsed, while the scanner is quiet', async () => {
    const config = { ...DEFAULT_CONFIG };
    const early = new EarlyReads({ root, config, reader: new PooledReader(1 << 20), guess: provisionalLayout(config, { toolFolders: [] }), sliceMs: 0 });
    // All offered in one turn, as one slice of a listing would name them.
    for (let n = 1; n <= 50; n++) early.offer(`docs/adr/${String(n).padStart(4, '0')}-choice.md`, false, true);
    for (let n = 0; n < 200; n++) early.offer(`src/f${n}.ts`, true, false);
    early.offer('src/not-a-candidate.ts', false, false);
    assert.ok(early.count <= 2, `${early.count} read in the offering turn`);
    let turns = 0;
    for (;;) {
      await nextTurn();
      turns++;
      const before = early.count;
      const more = early.whileWaiting();
      assert.ok(early.count - before <= 2, `a limit of 0 ms reads about one file per turn, not ${early.count - before}`);
      if (!more) break;
    }
    assert.equal(early.count, 250, 'every record and candidate was read; nothing else');
    assert.ok(turns >= 100, `${turns} turns`);
    assert.equal(early.takeParse('docs/adr/0007-choice.md')?.parsed.entry.decision?.title, 'Choice 7');
    assert.equal(early.takeParse('docs/adr/0007-choice.md'), undefined, 'handed over once');
    assert.ok(early.takeRead('src/f3.ts'));
    assert.equal(early.whileWaiting(), false);
  });

  it('are taken up by the scan while rg is quiet, and the listing is whole', async function () {
    if (process.platform === 'win32') this.skip(); // a shell script stands in for rg
    // A stand-in for rg: two records, a pause, one more record.
    const script = path.join(root, 'slow-rg.sh');
    writeFileSync(script, "#!/bin/sh\nprintf './a.ts\\0001\\n./b.ts\\0000\\n'\nsleep 0.3\nprintf './c.ts\\0001\\n'\n", { mode: 0o755 });
    let waits = 0;
    const listing = await scanWithRipgrep(script, root, 'x', [], undefined, { spool: true, whileWaiting: () => (++waits, waits < 20) });
    assert.deepEqual(listing && { files: listing.files, candidates: [...listing.candidates] }, { files: ['a.ts', 'b.ts', 'c.ts'], candidates: ['a.ts', 'c.ts'] });
    assert.ok(waits >= 20, `whileWaiting was called ${waits} times during the pause (true keeps it called each turn)`);
  });
});
