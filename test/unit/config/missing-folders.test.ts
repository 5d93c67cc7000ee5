// Folders named in .alignment.yaml that do not exist are reported at their entry.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { configuredFolders } from '../../../src/core/config-file';
import { loadRepoConfig, missingFolderProblems } from '../../../src/node/config';

const TEXT = ['# where records live', 'decisionFolders:', '  - docs/adr', '  - docs/decisions', 'assumptionFolders: [notes/assumptions]', ''].join('\n');

describe('configured folders', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'alignment-folders-'));
    mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists each configured folder with its position', () => {
    assert.deepEqual(
      configuredFolders(TEXT).map((f) => [f.key, f.folder, f.range.start.line, f.range.start.column]),
      [
        ['decisionFolders', 'docs/adr', 2, 4],
        ['decisionFolders', 'docs/decisions', 3, 4],
        ['assumptionFolders', 'notes/assumptions', 4, 20],
      ],
    );
  });

  it('reports the ones that are not there, at their entry, and not the ones that are', async () => {
    const problems = await missingFolderProblems(root, TEXT);
    assert.deepEqual(
      problems.map((p) => [p.code, p.range.start.line, p.range.start.column]),
      [
        ['record.schema', 3, 4],
        ['record.schema', 4, 20],
      ],
    );
    assert.match(problems[0].message, /`decisionFolders` names docs\/decisions, which is not there/);
  });

  it('a file where a folder should be is reported too', async () => {
    writeFileSync(path.join(root, 'docs/decisions'), 'not a folder');
    const problems = await missingFolderProblems(root, TEXT);
    assert.match(problems[0].message, /not a folder/);
  });

  it('loadRepoConfig includes them with the file problems', async () => {
    writeFileSync(path.join(root, '.alignment.yaml'), TEXT);
    const loaded = await loadRepoConfig(root);
    assert.equal(loaded.problems.length, 2);
  });
});
