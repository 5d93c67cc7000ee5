// The history walk parses every past version of every record on the caller's thread (in
// the editor, the extension host's): a long history must not hold that thread. The walk
// yields between versions once its slice has run its time, and gives the same histories
// as the one-pass walk. The versions parsed are remembered: the walk after a new commit
// (HEAD moves with each one) parses only what that commit added.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { HistoryBuilder, LOG_FORMAT, parseGitLog, type FileHistories } from '../../../src/core/governance/history';
import { isHistoryPath, statusesOf } from '../../../src/core/governance/record-statuses';
import { forgetGitHistory, readGitHistory } from '../../../src/node/git-history';

const options = { decisionPrefix: 'ADR', assumptionPrefix: 'ASM' };
const RECORDS = 60;
const VERSIONS = 25;
const STATUSES = ['proposed', 'accepted', 'deprecated', 'superseded'];

/** One version of record `r`: front matter, a heading and a body that grows with `v`. */
function recordText(r: number, v: number): string {
  const status = STATUSES[Math.min(STATUSES.length - 1, Math.floor((v * STATUSES.length) / VERSIONS))];
  return [
    '---',
    `status: ${status}`,
    'date: 2026-01-02',
    `owner: owner${r}@example.com`,
    'approvers:',
    `  - name: approver${r}@example.com`,
    '    state: approved',
    '---',
    `# Decision ${r}`,
    '',
    '## Context',
    'Some context. '.repeat(10 + v),
    '',
  ].join('\n');
}

/** A repository whose 60 records changed 25 times each: 1,500 commits, built with fast-import. */
function repositoryWithLongHistory(): string {
  const repo = mkdtempSync(path.join(tmpdir(), 'alignment-history-'));
  execFileSync('git', ['init', '-q', '--initial-branch=main'], { cwd: repo });
  const parts: string[] = [];
  for (let c = 0; c < RECORDS * VERSIONS; c++) {
    const r = c % RECORDS;
    const body = recordText(r, Math.floor(c / RECORDS));
    const message = `edit ${c}`;
    parts.push(`commit refs/heads/main\ncommitter Dana <dana@example.com> ${1767225600 + c * 60} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    parts.push(`M 100644 inline docs/adr/${String(r + 1).padStart(4, '0')}-decision-${r}.md\ndata ${Buffer.byteLength(body)}\n${body}\n`);
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: parts.join('') });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: repo });
  return repo;
}

/** Every blob of the repository by id, read in one `git cat-file --batch-all-objects --batch`. */
function allBlobs(repo: string): Map<string, string> {
  const out = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: repo, maxBuffer: 256 << 20 });
  const blobs = new Map<string, string>();
  for (let at = 0; at < out.length; ) {
    const headerEnd = out.indexOf(10, at);
    const [id, type, size] = out.toString('utf8', at, headerEnd).split(' ');
    const start = headerEnd + 1;
    const end = start + Number(size);
    if (type === 'blob') blobs.set(id, out.toString('utf8', start, end));
    at = end + 1;
  }
  return blobs;
}

const LOG = ['log', '-z', '--raw', '-M', '--no-abbrev', '--reverse', `--format=${LOG_FORMAT}`, 'HEAD'];

function summary(histories: FileHistories): string[] {
  return [...histories].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([file, byKey]) => [...byKey.values()].flat().map((e) => `${file} ${e.status} ${e.commit}`));
}

describe('history walk in slices', () => {
  let repo: string;
  before(() => {
    repo = repositoryWithLongHistory();
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('applyInSlices yields whenever the slice is due and builds what apply builds', async () => {
    const commits = parseGitLog(execFileSync('git', LOG, { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 }));
    assert.equal(commits.length, RECORDS * VERSIONS);
    const texts = allBlobs(repo);
    const blobText = (blob: string) => texts.get(blob);
    const whole = new HistoryBuilder(statusesOf(options));
    whole.apply(commits, blobText, isHistoryPath);
    let yields = 0;
    const sliced = new HistoryBuilder(statusesOf(options));
    await sliced.applyInSlices(commits, blobText, isHistoryPath, { due: true, next: async () => void (yields += 1) });
    assert.equal(yields, RECORDS * VERSIONS, 'one yield after each change when the slice is always due');
    assert.deepEqual(summary(sliced.result()), summary(whole.result()));
    // Each record went through its four statuses.
    assert.equal(summary(whole.result()).length, RECORDS * STATUSES.length);
  });

  it('readGitHistory never holds the event loop for long while it parses 1,500 versions', async () => {
    forgetGitHistory();
    // What parsing them all in one go takes on this machine.
    const commits = parseGitLog(execFileSync('git', LOG, { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 }));
    const texts = allBlobs(repo);
    const onePassStart = performance.now();
    new HistoryBuilder(statusesOf(options)).apply(commits, (blob) => texts.get(blob), isHistoryPath);
    const onePassMs = performance.now() - onePassStart;
    assert.ok(onePassMs > 60, `parsing ${RECORDS * VERSIONS} versions in one pass took ${onePassMs.toFixed(0)} ms: too little to tell a held loop`);

    // The longest gap between two turns of the event loop while the walk runs.
    let longestGap = 0;
    let last = performance.now();
    let running = true;
    const turn = () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      if (running) setImmediate(turn);
    };
    setImmediate(turn);
    const result = await readGitHistory(repo, ['docs/adr'], options);
    // Work done just before it resolved shows in the next turn.
    await new Promise((next) => setImmediate(next));
    running = false;
    assert.ok(result.available, JSON.stringify(result));
    assert.equal(result.commits, RECORDS * VERSIONS);
    assert.equal(result.histories.size, RECORDS);
    assert.ok(longestGap < onePassMs / 4, `the event loop was held ${longestGap.toFixed(0)} ms at once; parsing in one pass takes ${onePassMs.toFixed(0)} ms`);
  });

  it('a walk after a new commit parses only the versions it adds', async () => {
    forgetGitHistory();
    const first = await readGitHistory(repo, ['docs/adr'], options);
    assert.ok(first.available);
    assert.equal(first.parsed, RECORDS * VERSIONS);

    // One more commit: record 1 is proposed again, by lee.
    const body = `${recordText(0, 0)}Reopened.\n`;
    const message = 'reopen';
    const input = `commit refs/heads/main\ncommitter Lee <lee@example.com> 1900000000 +0000\ndata ${message.length}\n${message}\nfrom refs/heads/main^0\nM 100644 inline docs/adr/0001-decision-0.md\ndata ${Buffer.byteLength(body)}\n${body}\n`;
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input });
    execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: repo });

    const second = await readGitHistory(repo, ['docs/adr'], options);
    assert.ok(second.available);
    assert.equal(second.commits, RECORDS * VERSIONS + 1);
    assert.equal(second.parsed, 1, 'only the new version is parsed');
    const entries = second.histories.get('docs/adr/0001-decision-0.md')?.get('') ?? [];
    assert.deepEqual(entries.slice(-2).map((e) => `${e.status} ${e.author}`), ['superseded Dana', 'proposed Lee']);
    // The same histories as a walk that parses everything.
    forgetGitHistory();
    const fresh = await readGitHistory(repo, ['docs/adr'], options);
    assert.ok(fresh.available);
    assert.deepEqual(summary(second.histories), summary(fresh.histories));
  });
});
