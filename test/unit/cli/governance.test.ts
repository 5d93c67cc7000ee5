// The CLI on git repositories the tests build: status history with authors and dates,
// record numbers taken on other branches (and `--base`), `new` picking a number free on
// every branch, record.ready, the review cadence, `explain`, and a shallow clone.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gitAs } from '../../shared/git-as';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const git = gitAs;

function write(dir: string, file: string, text: string) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const adr = (status: string, title: string, extra = '') => `---\nstatus: ${status}\nowner: alice@example.com\n${extra}---\n# ${title}\n\n## Context\n\nWhy it matters.\n`;

/** A repository: ADR-0001 proposed by alice then accepted by bob; ADR-0002 accepted; code citing both. */
function makeRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'alignment-git-'));
  git(dir, ['init', '-q', '-b', 'main']);
  write(dir, 'docs/adr/0001-use-postgres.md', adr('proposed', 'Use PostgreSQL'));
  write(dir, 'docs/adr/0002-use-redis.md', adr('accepted', 'Use Redis', 'date: 2026-10-02\n'));
  write(dir, 'src/db.ts', '// See ADR-0001 and ADR-0002.\nexport const db = 1;\n');
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', 'Propose ADR-1'], 'alice', '2026-10-02');
  write(dir, 'docs/adr/0001-use-postgres.md', adr('accepted', 'Use PostgreSQL'));
  git(dir, ['commit', '-q', '-am', 'Accept ADR-1'], 'bob', '2026-10-09');
  return dir;
}

type Json = Record<string, any>;

before(() => {
  assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
});

describe('alignment CLI with git', () => {
  const dirs: string[] = [];
  const repo = () => {
    const dir = makeRepo();
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('list --format json gives each record its status history: commit, date, author, oldest first', () => {
    const dir = repo();
    const r = run(['list', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json.git, { history: 'available', note: null });
    const d1 = json.decisions.find((d: Json) => d.id === 'ADR-0001');
    assert.deepEqual(
      d1.history.map((h: Json) => [h.status, h.date, h.author]),
      [
        ['proposed', '2026-10-02', 'alice'],
        ['accepted', '2026-10-09', 'bob'],
      ],
    );
    assert.equal(d1.history[1].commit, git(dir, ['rev-parse', 'HEAD']).trim());
    const text = run(['list'], dir);
    assert.match(text.stdout, /proposed 2026-10-02 by alice · accepted 2026-10-09 by bob/);
  });

  it('history follows records moved in from another folder, and a record deleted and added again', () => {
    const dir = repo();
    git(dir, ['mv', 'docs/adr', 'docs/architecture']);
    write(dir, '.alignment.yaml', 'decisionFolders: [docs/architecture]\n');
    git(dir, ['add', '.']);
    git(dir, ['commit', '-q', '-m', 'Move the records'], 'carol', '2026-11-01');
    git(dir, ['rm', '-q', 'docs/architecture/0002-use-redis.md']);
    git(dir, ['commit', '-q', '-m', 'Drop ADR-2'], 'dave', '2026-11-02');
    write(dir, 'docs/architecture/0002-use-redis.md', adr('deprecated', 'Use Redis', 'date: 2026-10-02\n'));
    git(dir, ['add', '.']);
    git(dir, ['commit', '-q', '-m', 'Restore ADR-2, deprecated'], 'dave', '2026-11-03');
    const json = JSON.parse(run(['list', '--format', 'json'], dir).stdout);
    const history = (id: string) => json.decisions.find((d: Json) => d.id === id).history.map((h: Json) => `${h.status} ${h.date} ${h.author}`);
    assert.deepEqual(history('ADR-0001'), ['proposed 2026-10-02 alice', 'accepted 2026-10-09 bob']);
    assert.deepEqual(history('ADR-0002'), ['accepted 2026-10-02 alice', 'deprecated 2026-11-03 dave']);
  });

  it('history of records at the repository root, and of records moved from the root into a folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alignment-git-root-'));
    dirs.push(dir);
    git(dir, ['init', '-q', '-b', 'main']);
    // A repository of records, as arachne-framework/architecture is: adr-NNN-*.md at its root.
    write(dir, 'adr-001-use-adrs.md', '# 1. Use ADRs\n\n## Status\n\nProposed\n');
    write(dir, 'adr-002-config.md', '# 2. Configuration\n\n## Status\n\nProposed\n');
    write(dir, 'adr-003-modules.md', '# 3. Modules\n\n## Status\n\nProposed\n');
    git(dir, ['add', '.']);
    git(dir, ['commit', '-q', '-m', 'Propose'], 'alice', '2026-10-02');
    write(dir, 'adr-001-use-adrs.md', '# 1. Use ADRs\n\n## Status\n\nAccepted\n');
    git(dir, ['commit', '-q', '-am', 'Accept'], 'bob', '2026-10-09');
    const atRoot = JSON.parse(run(['list', '--format', 'json'], dir).stdout).decisions;
    assert.deepEqual(atRoot[0].history?.map((h: Json) => `${h.status} ${h.author}`), ['proposed alice', 'accepted bob'], JSON.stringify(atRoot[0]));
    assert.deepEqual(atRoot.map((d: Json) => d.history?.length), [2, 1, 1]);
    mkdirSync(path.join(dir, 'docs/adr'), { recursive: true });
    for (const [from, to] of [['adr-001-use-adrs.md', '0001-use-adrs.md'], ['adr-002-config.md', '0002-config.md'], ['adr-003-modules.md', '0003-modules.md']]) git(dir, ['mv', from, `docs/adr/${to}`]);
    git(dir, ['commit', '-q', '-m', 'Move'], 'carol', '2026-11-01');
    const moved = JSON.parse(run(['list', '--format', 'json'], dir).stdout).decisions;
    assert.equal(moved[0].path, 'docs/adr/0001-use-adrs.md');
    assert.deepEqual(moved[0].history?.map((h: Json) => `${h.status} ${h.author}`), ['proposed alice', 'accepted bob'], 'followed out of the root');
  });

  it('a shallow clone falls back to the records’ dates and says so', () => {
    const dir = repo();
    const clone = mkdtempSync(path.join(tmpdir(), 'alignment-shallow-'));
    dirs.push(clone);
    git(clone, ['clone', '-q', '--depth', '1', `file://${dir}`, 'c']);
    const r = run(['list', '--format', 'json', 'c'], clone);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.git.history, 'shallow');
    assert.match(json.git.note, /shallow clone.*dates are from the records/);
    assert.ok(json.decisions.every((d: Json) => d.history === undefined));
    assert.equal(json.decisions.find((d: Json) => d.id === 'ADR-0002').date, '2026-10-02');
    assert.match(run(['list', 'c'], clone).stdout, /History: shallow clone/);
  });

  it('a folder outside any repository lists without history and says why', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alignment-nogit-'));
    dirs.push(dir);
    write(dir, 'docs/adr/0001-a.md', adr('accepted', 'A'));
    const json = JSON.parse(run(['list', '--format', 'json'], dir).stdout);
    assert.equal(json.git.history, 'not-a-repository');
    assert.equal(json.decisions[0].history, undefined);
    const base = run(['check', '--base', 'main'], dir);
    assert.equal(base.code, 2);
    assert.match(base.stderr, /--base main: this folder is not in a git repository/);
  });

  describe('record numbers across branches', () => {
    /** Two branches, each made as a new user would: branch off main, add the next record, commit. */
    function twoBranches(): string {
      const dir = repo();
      git(dir, ['checkout', '-q', '-b', 'feature/search']);
      write(dir, 'docs/adr/0003-use-elasticsearch.md', adr('proposed', 'Use Elasticsearch'));
      git(dir, ['add', '.']);
      git(dir, ['commit', '-q', '-m', 'ADR-3 search'], 'carol', '2026-10-20');
      git(dir, ['checkout', '-q', 'main']);
      git(dir, ['checkout', '-q', '-b', 'feature/queue']);
      write(dir, 'docs/adr/0003-use-kafka.md', adr('proposed', 'Use Kafka'));
      git(dir, ['add', '.']);
      git(dir, ['commit', '-q', '-m', 'ADR-3 queue'], 'dave', '2026-10-21');
      return dir;
    }

    it('record.number-taken is reported on both branches, naming the branch and the file and the next free number', () => {
      const dir = twoBranches();
      const onQueue = JSON.parse(run(['check', '--format', 'json', '--fail-on', 'none'], dir).stdout);
      const taken = onQueue.findings.filter((f: Json) => f.code === 'record.number-taken');
      assert.equal(taken.length, 1);
      assert.equal(taken[0].severity, 'warning');
      assert.equal(taken[0].path, 'docs/adr/0003-use-kafka.md');
      assert.match(taken[0].message, /branch feature\/search has a different record with number 3, docs\/adr\/0003-use-elasticsearch\.md/);
      assert.match(taken[0].message, /renumber one of them to 0004 \(the next number free on every branch\) before merging, or ask alice@example\.com \(owner\) to agree which keeps it\.$/);

      git(dir, ['checkout', '-q', 'feature/search']);
      const onSearch = run(['check', '--fail-on', 'warning'], dir);
      assert.equal(onSearch.code, 1);
      assert.match(onSearch.stdout, /docs\/adr\/0003-use-elasticsearch\.md:\d+:\d+: warning record\.number-taken .*branch feature\/queue .*docs\/adr\/0003-use-kafka\.md.* 0004/);
      // main has no ADR-3: nothing to report there.
      git(dir, ['checkout', '-q', 'main']);
      assert.doesNotMatch(run(['check', '--fail-on', 'none'], dir).stdout, /record\.number-taken/);
    });

    it('a branch merged into HEAD is no collision, though a record it holds was renamed since', () => {
      const dir = twoBranches();
      git(dir, ['checkout', '-q', 'main']);
      git(dir, ['merge', '-q', '--no-edit', 'feature/search'], 'carol', '2026-10-22');
      // After the merge, main renames the record it brought: the merged branch still has the old name.
      git(dir, ['mv', 'docs/adr/0003-use-elasticsearch.md', 'docs/adr/0003-use-opensearch.md']);
      git(dir, ['commit', '-q', '-m', 'Rename ADR-3'], 'carol', '2026-10-23');
      const onMain = JSON.parse(run(['check', '--format', 'json', '--fail-on', 'none'], dir).stdout);
      const taken = onMain.findings.filter((f: Json) => f.code === 'record.number-taken');
      // feature/queue is not merged: its ADR-3 still collides; merged feature/search is left out.
      assert.deepEqual(taken.map((f: Json) => f.path), ['docs/adr/0003-use-opensearch.md']);
      assert.match(taken[0].message, /branch feature\/queue has a different record with number 3, docs\/adr\/0003-use-kafka\.md/);
      assert.doesNotMatch(taken[0].message, /elasticsearch/);
      // A record naming nobody: the advice ends at renumbering, no "or no owner is named" tacked on.
      write(dir, 'docs/adr/0003-use-opensearch.md', '---\nstatus: proposed\n---\n# Use OpenSearch\n');
      const nobody = JSON.parse(run(['check', '--format', 'json', '--fail-on', 'none'], dir).stdout).findings.find((f: Json) => f.code === 'record.number-taken');
      assert.match(nobody.message, /renumber one of them to 0004 \(the next number free on every branch\) before merging\.$/);
    });

    it('check starts the scanner before any git process, and still reads the other branches', () => {
      const dir = twoBranches();
      // A preload that records the order in which the CLI starts processes.
      const log = path.join(dir, '.git', 'spawned.log');
      const preload = path.join(dir, '.git', 'record-spawns.js');
      writeFileSync(
        preload,
        `const cp = require('child_process'); const fs = require('fs'); const spawn = cp.spawn;
cp.spawn = function (command, ...rest) { fs.appendFileSync(${JSON.stringify(log)}, require('path').basename(String(command)) + '\\n'); return spawn.call(this, command, ...rest); };`,
      );
      const result = spawnSync(process.execPath, ['-r', preload, cli, 'check', '--format', 'json', '--fail-on', 'none'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ALIGNMENT_SCANNER: 'bundled' },
      });
      assert.equal(result.status, 0, result.stderr);
      const spawned = readFileSync(log, 'utf8').trim().split('\n');
      assert.match(spawned[0], /^rg(\.exe)?$/, `first process: ${spawned.join(', ')}`);
      assert.ok(spawned.includes('git'), `git was never started: ${spawned.join(', ')}`);
      const taken = JSON.parse(result.stdout).findings.filter((f: Json) => f.code === 'record.number-taken');
      assert.equal(taken.length, 1);
    });

    it('remote-tracking branches count, and --base REF compares with that ref only', () => {
      const dir = twoBranches();
      const clone = mkdtempSync(path.join(tmpdir(), 'alignment-clone-'));
      dirs.push(clone);
      git(clone, ['clone', '-q', dir, 'c']);
      const work = path.join(clone, 'c');
      git(work, ['checkout', '-q', '-b', 'mine', 'origin/main']);
      write(work, 'docs/adr/0003-use-rabbitmq.md', adr('proposed', 'Use RabbitMQ'));
      git(work, ['add', '.']);
      git(work, ['commit', '-q', '-m', 'ADR-3 rabbit'], 'erin', '2026-10-22');
      const all = run(['check', '--fail-on', 'none'], work).stdout;
      assert.match(all, /branch feature\/queue \(also origin\/feature\/queue\) has a different record with number 3, docs\/adr\/0003-use-kafka\.md \(and 1 more: docs\/adr\/0003-use-elasticsearch\.md on origin\/feature\/search\)/);
      const base = run(['check', '--fail-on', 'none', '--base', 'origin/main'], work).stdout;
      assert.doesNotMatch(base, /record\.number-taken/, 'origin/main has no ADR-3');
      const againstSearch = run(['check', '--fail-on', 'none', '--base', 'origin/feature/search'], work).stdout;
      assert.match(againstSearch, /branch origin\/feature\/search has a different record with number 3/);
      assert.doesNotMatch(againstSearch, /kafka/);
      const unknown = run(['check', '--base', 'origin/nope'], work);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /--base origin\/nope: no such branch or commit/);
    });

    it('alignment new picks a number no branch uses, on either branch', () => {
      const dir = twoBranches();
      for (const branch of ['feature/queue', 'feature/search']) {
        git(dir, ['checkout', '-q', branch]);
        const r = run(['new', 'decision', 'Use gRPC'], dir);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /Created ADR-0004: docs\/adr\/0004-use-grpc\.md/);
        rmSync(path.join(dir, 'docs/adr/0004-use-grpc.md'));
      }
      assert.deepEqual(readdirSync(path.join(dir, 'docs/adr')).sort(), ['0001-use-postgres.md', '0002-use-redis.md', '0003-use-elasticsearch.md']);
    });
  });

  it('record.ready: every named approver approved but the status is still proposed', () => {
    const dir = repo();
    write(dir, 'docs/adr/0003-ready.md', adr('proposed', 'Ready one', 'approvers:\n  - name: bob@example.com\n    state: approved\n  - name: carol@example.com\n    state: approved\n'));
    write(dir, 'docs/adr/0004-waiting.md', adr('proposed', 'Waiting one', 'approvers:\n  - name: bob@example.com\n    state: approved\n  - carol@example.com\n'));
    const json = JSON.parse(run(['check', '--format', 'json', '--fail-on', 'none'], dir).stdout);
    const ready = json.findings.filter((f: Json) => f.code === 'record.ready');
    assert.deepEqual(ready.map((f: Json) => [f.path, f.severity]), [['docs/adr/0003-ready.md', 'information']]);
    assert.match(ready[0].message, /ADR-0003 "Ready one" is approved by every named approver \(bob@example.com, carol@example.com\) but still proposed; ask alice@example.com \(owner\) to set its status to accepted/);
  });

  it('reviewEvery: a decision accepted longer ago (by git history) is overdue, and code citing it is expired', () => {
    const dir = repo();
    write(dir, '.alignment.yaml', 'reviewEvery: 6m\n');
    write(dir, 'docs/adr/0003-reviewed.md', adr('accepted', 'Reviewed lately', 'reviewed: 2027-01-10\n'));
    const json = JSON.parse(run(['check', '--format', 'json', '--fail-on', 'none', '--now', '2027-05-01'], dir).stdout);
    const overdue = json.findings.filter((f: Json) => f.code === 'record.review-overdue').map((f: Json) => [f.path, f.message]);
    assert.deepEqual(overdue.map((o: string[]) => o[0]), ['docs/adr/0001-use-postgres.md', 'docs/adr/0002-use-redis.md']);
    assert.match(overdue[0][1], /ADR-0001 "Use PostgreSQL" is due for review since 2027-04-09 \(accepted 2026-10-09, every 6m\); ask alice@example.com \(owner\) to review it/);
    assert.match(overdue[1][1], /since 2027-04-02 \(accepted 2026-10-02, every 6m\)/);
    const expired = json.findings.filter((f: Json) => f.code === 'ref.expired');
    assert.deepEqual(expired.map((f: Json) => [f.path, f.line, f.recordId]), [['src/db.ts', 1, 'ADR-0001'], ['src/db.ts', 1, 'ADR-0002']]);
    // Before the cadence runs out there is nothing to report; a bad cadence is a configuration error.
    const early = JSON.parse(run(['check', '--format', 'json', '--fail-on', 'none', '--now', '2027-03-01'], dir).stdout);
    assert.ok(!early.findings.some((f: Json) => f.code === 'record.review-overdue' || f.code === 'ref.expired'));
    write(dir, '.alignment.yaml', 'reviewEvery: six months\n');
    const bad = run(['check'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /`reviewEvery` must be a duration such as 180d, 12w, 6m or 1y, not "six months"/);
  });

  it('explain lists what governs a file: applies-to matches and cited records, with status, owner and what to do', () => {
    const dir = repo();
    write(dir, 'docs/adr/0003-db-layer.md', adr('superseded', 'Old DB layer', 'applies-to:\n  - src/**\nsuperseded-by: ADR-0002\n'));
    const r = run(['explain', 'src/db.ts', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.path, 'src/db.ts');
    assert.deepEqual(
      json.governing.map((g: Json) => [g.id, g.status, g.owner, g.appliesTo, g.lines, g.stale]),
      [
        ['ADR-0003', 'superseded', 'alice@example.com', ['src/**'], [], true],
        ['ADR-0001', 'accepted', 'alice@example.com', [], [1], false],
        ['ADR-0002', 'accepted', 'alice@example.com', [], [1], false],
      ],
    );
    assert.match(json.governing[0].advice, /superseded by ADR-0002 "Use Redis": follow it/);
    assert.deepEqual(json.governing[1].history.map((h: Json) => h.author), ['alice', 'bob']);
    const text = run(['explain', path.join(dir, 'src/db.ts'), dir], root);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^src\/db\.ts is governed by 3 records:/);
    assert.match(text.stdout, /ADR-0003 superseded: Old DB layer .*\n\s+via applies-to src\/\*\*\n\s+! superseded by ADR-0002/);
    assert.match(text.stdout, /ADR-0001 accepted: Use PostgreSQL .*\n\s+via cited on line 1\n\s+history: proposed 2026-10-02 by alice · accepted 2026-10-09 by bob\n\s+✓ current/);
    assert.match(run(['explain', 'README.md'], dir).stdout, /README\.md: not a file of this workspace folder/);
    assert.equal(run(['explain'], dir).code, 2);
  });

  it('explain marks a decider standing in for the owner, as list does, and prints workspace text inert', () => {
    const dir = repo();
    write(dir, 'docs/adr/0004-queue.md', '---\nstatus: accepted\ndeciders: [Jörg Steffens, Ann]\napplies-to:\n  - src/**\n---\n# Use a queue\x1b[2J\n');
    const text = run(['explain', 'src/db.ts'], dir);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /ADR-0004 accepted: Use a queue\\u001b\[2J {2}\[Jörg Steffens \(decider\)\]/);
    assert.doesNotMatch(text.stdout, /\x1b/);
    assert.match(run(['list', dir], root).stdout, /ADR-0004 .*\[Jörg Steffens \(decider\);/);
    const json = JSON.parse(run(['explain', 'src/db.ts', '--format', 'json'], dir).stdout);
    const queue = json.governing.find((g: Json) => g.id === 'ADR-0004');
    assert.deepEqual([queue.owner, queue.deciders], ['Jörg Steffens', ['Jörg Steffens', 'Ann']]);
  });
});
