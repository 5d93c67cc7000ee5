// The control for the untrusted run's "no process" check: in a trusted workspace
// the same recorder does see the extension's processes (ripgrep lists the files).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import { type Call, extensionCode, getApi, recordProcesses, restoreWorkspace } from './helpers';

describe('processes (trusted workspace)', function () {
  this.timeout(60_000);
  let api: AlignmentApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await restoreWorkspace(api);
  });

  it('the recorder sees the processes the extension starts when trusted', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const calls: Call[] = [];
    const restore = recordProcesses(calls);
    try {
      await vscode.commands.executeCommand('alignment.refresh');
      await api.service.whenGitReady();
    } finally {
      restore();
    }
    const fromExtension = calls.filter((c) => extensionCode(c.stack));
    assert.ok(fromExtension.length > 0, `no process seen from the extension; all calls: ${calls.map((c) => `${c.name}(${c.command})`).join(', ') || 'none'}`);
    // Histories and other branches come from git (what the untrusted run must never start).
    assert.ok(fromExtension.some((c) => /(^|\/)git$/.test(c.command)), `no git process seen: ${fromExtension.map((c) => c.command).join(', ')}`);
    // The rebuild ran VS Code's own rg once: one streaming pass, not a listing plus a search.
    const rg = fromExtension.filter((c) => c.args.includes('--count'));
    assert.equal(rg.length, 1, fromExtension.map((c) => `${c.command} ${c.args.join(' ')}`).join(' | '));
    assert.ok(rg[0].command.startsWith(vscode.env.appRoot), `${rg[0].command} is under ${vscode.env.appRoot}`);
    assert.ok(rg[0].args.includes('--no-config') && rg[0].args.includes('--no-ignore-parent'));
    assert.equal(api.service.all()[0].scanner, "VS Code's rg");
  });
});
