import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { detectDecisionFolders, detectLayout, roleOf } from '../../../src/core/layout';

const noHints = { toolFolders: [] };

describe('layout', () => {
  describe('detectDecisionFolders', () => {
    it('takes the first conventional folder that holds record-like files', () => {
      const files = ['docs/architecture/README.md', 'doc/adr/0001-record.md', 'docs/adr/README.md', 'src/a.ts'];
      assert.deepEqual(detectDecisionFolders(files, DEFAULT_CONFIG, noHints), ['doc/adr']);
    });

    it('adds other folders named adr, adrs, decisions or decision-records, outside vendored trees', () => {
      const files = [
        'docs/adr/0001-a.md',
        'services/billing/adrs/0001-b.md',
        'platform/decision-records/adr-001-c.md',
        'node_modules/pkg/docs/adr/0001-x.md',
        'vendor/lib/decisions/0001-y.md',
        'notes/0001-not-a-record-folder.md',
      ];
      assert.deepEqual(detectDecisionFolders(files, DEFAULT_CONFIG, noHints), ['docs/adr', 'platform/decision-records', 'services/billing/adrs']);
    });

    it('puts the folders named by .adr-dir and .log4brains.yml first', () => {
      const files = ['architecture/log/0001-a.md', 'docs/adr/0002-b.md'];
      assert.deepEqual(detectDecisionFolders(files, DEFAULT_CONFIG, { toolFolders: ['architecture/log'] }), ['architecture/log', 'docs/adr']);
    });

    it('uses exactly the configured list when there is one', () => {
      const files = ['docs/adr/0001-a.md', 'rfcs/0001-b.md'];
      assert.deepEqual(detectDecisionFolders(files, { ...DEFAULT_CONFIG, decisionFolders: ['./rfcs/'] }, noHints), ['rfcs']);
    });

    it('ignores folders that hold only non-record files', () => {
      assert.deepEqual(detectDecisionFolders(['docs/adr/README.md', 'docs/adr/template.md', 'adr/index.md'], DEFAULT_CONFIG, noHints), []);
    });
  });

  describe('roleOf', () => {
    const layout = detectLayout(['docs/adr/0001-a.md'], DEFAULT_CONFIG, noHints);

    it('classifies records, assumptions, the register, code and what is skipped', () => {
      assert.equal(roleOf('docs/adr/0001-a.md', layout), 'decision');
      assert.equal(roleOf('docs/adr/20200101-use-x.md', layout), 'decision');
      assert.equal(roleOf('docs/adr/README.md', layout), undefined);
      assert.equal(roleOf('docs/adr/template.md', layout), undefined);
      assert.equal(roleOf('other/adr-template.md', layout), undefined);
      assert.equal(roleOf('docs/assumptions/platform.yaml', layout), 'assumption');
      assert.equal(roleOf('assumptions/x.yml', layout), 'assumption');
      assert.equal(roleOf('ASSUMPTIONS.md', layout), 'assumption-register');
      assert.equal(roleOf('.alignment.yaml', layout), undefined);
      assert.equal(roleOf('src/main.go', layout), 'code');
      assert.equal(roleOf('README.md', layout), 'code');
    });
  });
});
