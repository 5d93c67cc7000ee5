// Creating record files exclusively, and who keeps a number two writers took at once.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createExclusive, lostRace, removeIfUnchanged } from '../../../src/node/exclusive-create';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const numberNine = (name: string) => name.startsWith('0009-');

describe('exclusive create', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'alignment-exclusive-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never replaces a file: false when the name is taken, the file untouched', async () => {
    const file = path.join(dir, '0009-a.md');
    assert.equal(await createExclusive(file, 'first\n'), true);
    assert.equal(await createExclusive(file, 'second\n'), false);
    assert.equal(readFileSync(file, 'utf8'), 'first\n');
    await assert.rejects(createExclusive(path.join(dir, 'missing', 'x.md'), 'x'), /ENOENT/);
  });

  it('the file created first keeps the number, even when it was written again after the later one was created', async () => {
    assert.ok(statSync(dir, { bigint: true }).birthtimeNs > 0n, `the file system of ${dir} keeps no birth times: the race check falls back to change times`);
    await createExclusive(path.join(dir, '0009-first.md'), 'first\n');
    await sleep(30);
    await createExclusive(path.join(dir, '0009-second.md'), 'second\n');
    await sleep(30);
    // The editor writes its claimed file once more (the undoable edit): its change time moves.
    writeFileSync(path.join(dir, '0009-first.md'), 'first\n');
    assert.equal(await lostRace(dir, '0009-first.md', numberNine), false);
    assert.equal(await lostRace(dir, '0009-second.md', numberNine), true);
    writeFileSync(path.join(dir, '0010-other.md'), '');
    assert.equal(await lostRace(dir, '0009-first.md', numberNine), false, 'other numbers do not count');
  });

  it('removes its own file only while it holds what was written', async () => {
    const file = path.join(dir, '0009-a.md');
    writeFileSync(file, 'changed by someone\n');
    await removeIfUnchanged(file, 'mine\n');
    assert.equal(readFileSync(file, 'utf8'), 'changed by someone\n');
    await removeIfUnchanged(file, 'changed by someone\n');
    assert.throws(() => statSync(file), /ENOENT/);
  });
});
