// A batch of file events is read against the disk: a delete reported for a file that
// exists again (a checkout unlinks and recreates what it writes; a delete can arrive after
// the create that followed it) is a change, and a file reported but missing is applied as
// deleted and looked at once more.
import * as assert from 'node:assert/strict';
import { resolveBatch, type PathStat } from '../../../src/extension/event-batch';

const file = (mtimeMs: number): PathStat => ({ directory: false, mtimeMs });
const folder: PathStat = { directory: true, mtimeMs: 1 };

describe('resolveBatch', () => {
  it('lets the disk decide what exists, and names the folders and write times', () => {
    const reported = new Map([
      ['a.ts', true],
      ['recreated.ts', false],
      ['gone.ts', false],
      ['src/new', true],
    ]);
    const stats = new Map<string, PathStat>([
      ['a.ts', file(10)],
      ['recreated.ts', file(20)],
      ['gone.ts', undefined],
      ['src/new', folder],
    ]);
    const resolved = resolveBatch(reported, stats, new Set());
    assert.deepEqual([...resolved.events], [
      ['a.ts', true],
      ['recreated.ts', true],
      ['gone.ts', false],
      ['src/new', true],
    ]);
    assert.deepEqual([...resolved.directories], ['src/new']);
    assert.deepEqual([...resolved.modified], [
      ['a.ts', 10],
      ['recreated.ts', 20],
    ]);
    assert.deepEqual(resolved.recheck, [], 'a reported delete that is missing is final');
  });

  it('applies a reported file that is missing as deleted, and asks for one more look only the first time', () => {
    const reported = new Map([['between-unlink-and-create.ts', true]]);
    const stats = new Map<string, PathStat>([['between-unlink-and-create.ts', undefined]]);
    const first = resolveBatch(reported, stats, new Set());
    assert.deepEqual([...first.events], [['between-unlink-and-create.ts', false]]);
    assert.deepEqual(first.recheck, ['between-unlink-and-create.ts']);
    const second = resolveBatch(reported, stats, new Set(first.recheck));
    assert.deepEqual(second.recheck, [], 'the second miss is final');
  });
});
