import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { enteredStatus, HistoryBuilder, historyText, parseGitLog, RECORD_KEY, type FileHistories } from '../../../src/core/governance/history';
import { isHistoryPath, statusesOf } from '../../../src/core/governance/record-statuses';

// Recorded by test/fixtures/git-log/record.sh from a repository with three authors, a
// branch that renames a record, a merge, and a record deleted and added again.
const dir = path.resolve(__dirname, '../../fixtures/git-log');
const recorded = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const blobs: Record<string, string> = JSON.parse(recorded('blobs.json'));
const options = { decisionPrefix: 'ADR', assumptionPrefix: 'ASM' };

function build(...logs: string[]): FileHistories {
  const builder = new HistoryBuilder(statusesOf(options));
  for (const log of logs) builder.apply(parseGitLog(recorded(log)), (blob) => blobs[blob], isHistoryPath);
  return builder.result();
}

const summary = (histories: FileHistories, file: string, key = RECORD_KEY) =>
  (histories.get(file)?.get(key) ?? []).map((e) => `${e.status} ${e.date} ${e.author}`);

describe('history from recorded git log output', () => {
  it('parses commits, parents, authors and raw changes (renames with both paths)', () => {
    const commits = parseGitLog(recorded('log-full.txt'));
    assert.equal(commits.length, 9, 'every commit touching the folders, the merge included');
    const [first] = commits;
    assert.equal(first.author, 'alice');
    assert.equal(first.email, 'alice@example.com');
    assert.equal(first.date.slice(0, 10), '2026-10-02');
    assert.deepEqual(first.parents, []);
    assert.deepEqual(first.changes.map((c) => `${c.kind} ${c.path}`), ['A docs/adr/0001-use-postgres.md', 'A docs/adr/0002-cache.md', 'A docs/assumptions/load.yaml']);
    const rename = commits.flatMap((c) => c.changes).find((c) => c.kind === 'R');
    assert.deepEqual([rename?.from, rename?.path], ['docs/adr/0002-cache.md', 'docs/adr/0002-use-redis-cache.md']);
    const merge = commits.find((c) => c.parents.length === 2);
    assert.ok(merge, 'the merge commit is listed');
    assert.equal(merge.changes.length, 0);
  });

  it('records each status change with commit, date and author, oldest first', () => {
    const histories = build('log-full.txt');
    assert.deepEqual(summary(histories, 'docs/adr/0001-use-postgres.md'), [
      'proposed 2026-10-02 alice',
      'accepted 2026-10-09 bob',
      'deprecated 2026-10-13 bob',
      'superseded 2026-10-14 alice',
    ]);
    const entry = histories.get('docs/adr/0001-use-postgres.md')!.get(RECORD_KEY)![0];
    assert.match(entry.commit, /^[0-9a-f]{40}$/);
    assert.equal(historyText(histories.get('docs/adr/0001-use-postgres.md')!.get(RECORD_KEY)!.slice(0, 2)), 'proposed 2026-10-02 by alice · accepted 2026-10-09 by bob');
  });

  it('follows a rename made on a branch: the history stays with the record at its new path', () => {
    const histories = build('log-full.txt');
    assert.deepEqual(summary(histories, 'docs/adr/0002-use-redis-cache.md'), ['proposed 2026-10-02 alice', 'accepted 2026-10-10 carol']);
    assert.equal(histories.has('docs/adr/0002-cache.md'), false, 'the old path holds no record any more');
  });

  it('keeps assumptions apart by id within one file', () => {
    const histories = build('log-full.txt');
    assert.deepEqual(summary(histories, 'docs/assumptions/load.yaml', 'ASM-1'), ['active 2026-10-02 alice', 'invalidated 2026-10-11 alice']);
    assert.deepEqual(summary(histories, 'docs/assumptions/load.yaml', 'ASM-2'), ['active 2026-10-02 alice']);
  });

  it('a record deleted and added again at its path keeps its history (no second entry for the same status)', () => {
    assert.deepEqual(summary(build('log-full.txt'), 'docs/adr/0003-use-cockroach.md'), ['accepted 2026-10-14 alice']);
  });

  it('merges whose first-parent diff repeats their branch add nothing; the result equals the log without merge diffs', () => {
    const merges = parseGitLog(recorded('log-merges.txt'));
    assert.ok(merges.some((c) => c.parents.length === 2 && c.changes.length > 0), 'the recorded merge repeats the branch changes');
    assert.deepEqual(build('log-merges.txt'), build('log-full.txt'));
  });

  it('a later commit range extends the history: a status changed twice in one range gives two entries', () => {
    const range = parseGitLog(recorded('log-range.txt'));
    assert.equal(range.length, 4);
    const incremental = build('log-base.txt', 'log-range.txt');
    assert.deepEqual(summary(incremental, 'docs/adr/0001-use-postgres.md').slice(2), ['deprecated 2026-10-13 bob', 'superseded 2026-10-14 alice']);
    assert.deepEqual(incremental, build('log-full.txt'), 'base then range equals one full walk');
  });

  it('tells when a record entered a status', () => {
    const entries = build('log-full.txt').get('docs/adr/0001-use-postgres.md')!.get(RECORD_KEY)!;
    assert.equal(enteredStatus(entries, 'proposed'), '2026-10-02');
    assert.equal(enteredStatus(entries, 'accepted'), '2026-10-09');
    assert.equal(enteredStatus(entries, 'rejected'), undefined);
    assert.equal(enteredStatus(undefined, 'accepted'), undefined);
  });

  it('skips what it does not understand and versions it cannot read', () => {
    const commits = parseGitLog('garbage\x1enot-a-sha\x1fx\0\n:bad\0path\0');
    assert.deepEqual(commits, []);
    const builder = new HistoryBuilder(statusesOf(options));
    builder.apply(parseGitLog(recorded('log-full.txt')), () => undefined, isHistoryPath);
    assert.equal(builder.result().size, 0);
  });
});
