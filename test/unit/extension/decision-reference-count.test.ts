// The walkthrough's count of references to decisions, kept current from each change's
// files: after any sequence of code edits, deletions and record changes it equals a
// count made from scratch.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { detectLayout } from '../../../src/core/layout';
import { WorkspaceModel } from '../../../src/core/workspace-model';
import { DecisionReferenceCount, type CountedFolder } from '../../../src/extension/decision-reference-count';
import { seededRandom } from '../../shared/seeded-random';

const RECORDS = ['docs/adr/0001-a.md', 'docs/adr/0002-b.md', 'docs/adr/0003-c.md'];
const record = (title: string) => `---\nstatus: accepted\n---\n# ${title}\n`;

/** A folder as the count sees it: the model's index and the files the latest change named. */
class Folder implements CountedFolder {
  lastChange: readonly string[] | undefined;
  constructor(readonly model: WorkspaceModel) {}
  get index() {
    return this.model.index;
  }
}

function fromScratch(folder: Folder): number {
  return new DecisionReferenceCount().total([folder]);
}

describe('DecisionReferenceCount', () => {
  it('equals a count from scratch after 300 seeded edits, deletions and record changes, counted between bursts', () => {
    const paths = [...RECORDS, ...Array.from({ length: 12 }, (_, i) => `src/f${i}.ts`)];
    const model = new WorkspaceModel(DEFAULT_CONFIG, detectLayout(paths, DEFAULT_CONFIG, { toolFolders: [] }));
    model.update(RECORDS[0], record('A'));
    model.update(RECORDS[1], record('B'));
    const folder = new Folder(model);
    const count = new DecisionReferenceCount();
    assert.equal(count.total([folder]), 0);
    const random = seededRandom(17);
    for (let step = 0; step < 300; step++) {
      const roll = random();
      if (roll < 0.1) {
        // A record added or removed: references to it resolve, or stop resolving, in files no change names.
        const path = RECORDS[2];
        if (model.has(path)) model.remove(path);
        else model.update(path, record('C'));
        folder.lastChange = undefined;
      } else {
        const path = `src/f${Math.floor(random() * 12)}.ts`;
        if (roll < 0.25) model.remove(path);
        else {
          const ids = Array.from({ length: Math.floor(random() * 4) }, () => `ADR-000${1 + Math.floor(random() * 4)}`);
          model.update(path, ids.map((id) => `// See ${id}.\n`).join('') + 'export {};\n');
        }
        folder.lastChange = [path];
      }
      count.note(folder);
      if (random() < 0.3) assert.equal(count.total([folder]), fromScratch(folder), `step ${step} (seed 17)`);
    }
    assert.ok(fromScratch(folder) > 0, 'the sequence left references to decisions');
  });

  it('forgets a folder that is gone', () => {
    const model = new WorkspaceModel(DEFAULT_CONFIG, detectLayout([RECORDS[0], 'a.ts'], DEFAULT_CONFIG, { toolFolders: [] }));
    model.update(RECORDS[0], record('A'));
    model.update('a.ts', '// See ADR-0001.\n');
    const folder = new Folder(model);
    const count = new DecisionReferenceCount();
    assert.equal(count.total([folder]), 1);
    assert.equal(count.total([]), 0);
  });
});
