// Runs only in the editor benchmark (HOST_BENCH_TREE, see test/host/run.mjs): a large
// tree opened in place. Measures, in this extension host: activation to the first
// findings published; then rounds alternating VS Code's own rg over the tree (same
// pattern and ignore rules) with a full re-index (`alignment.refresh` until the findings
// are published), and the event-loop delay (perf_hooks.monitorEventLoopDelay, p99)
// during each re-index. The figures go to HOST_BENCH_OUT as JSON.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { DEFAULT_DECISION_FOLDERS } from '../../../src/core/layout';
import { referencePrefilter } from '../../../src/core/references';
import { ripgrepIgnoreArgs, vscodeRipgrep } from '../../../src/node/ripgrep';
import { getApi } from './helpers';

const ROUNDS = Number(process.env.HOST_BENCH_ROUNDS ?? 3);

function timeRipgrep(rg: string, cwd: string, pattern: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(rg, ['-n', '-i', ...ripgrepIgnoreArgs([]), '-e', pattern, '.'], { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - start));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('editor benchmark on a large tree', function () {
  this.timeout(900_000);

  it('publishes findings, and measures them against rg', async () => {
    const api = await getApi();
    await api.whenIdle();
    const folder = api.service.all()[0];
    const root = folder.folder.uri.fsPath;
    const rg = vscodeRipgrep(vscode.env.appRoot);
    assert.ok(rg, `VS Code's rg under ${vscode.env.appRoot}`);
    assert.equal(folder.scanner, "VS Code's rg");
    const firstFindingsMs = folder.firstFindingsMs!;
    const firstBuild = folder.firstBuild;
    const pattern = referencePrefilter({ decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: DEFAULT_DECISION_FOLDERS }).regex;
    const rounds: Array<{ rgMs: number; editorMs: number; ratio: number; loopP99Ms: number; loopMaxMs: number; steps?: unknown }> = [];
    await timeRipgrep(rg, root, pattern); // warm the file cache
    for (let r = 0; r < ROUNDS; r++) {
      const rgMs = await timeRipgrep(rg, root, pattern);
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const start = performance.now();
      await vscode.commands.executeCommand('alignment.refresh');
      await api.whenIdle();
      const editorMs = performance.now() - start;
      delay.disable();
      rounds.push({ rgMs, editorMs, ratio: editorMs / rgMs, loopP99Ms: delay.percentile(99) / 1e6, loopMaxMs: delay.max / 1e6, steps: folder.lastBuildSteps });
    }
    const findings = vscode.languages.getDiagnostics().reduce((n, [, list]) => n + list.filter((d) => d.source === 'alignment').length, 0);
    const summary = {
      files: folder.allFiles.size,
      findings,
      firstFindingsMs,
      firstBuild,
      rounds,
      medianRatio: median(rounds.map((r) => r.ratio)),
      medianLoopP99Ms: median(rounds.map((r) => r.loopP99Ms)),
    };
    if (process.env.HOST_BENCH_OUT) writeFileSync(process.env.HOST_BENCH_OUT, JSON.stringify(summary, null, 2) + '\n');
    assert.ok(findings > 0, 'the findings of the tree are in the Problems panel');
  });
});
