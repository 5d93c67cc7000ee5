import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'execution-alignment.execution-alignment';

describe('activation', () => {
  it('runs in VS Code 1.100', () => {
    assert.ok(vscode.version.startsWith('1.100'), `unexpected VS Code version ${vscode.version}`);
  });

  it('finds the extension and activates it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    const api = extension.exports as { activationMs?: unknown; whenIdle?: unknown };
    assert.equal(typeof api.whenIdle, 'function');
    assert.equal(typeof api.activationMs, 'number', 'activate() reports how long it took');
  });

  it('opens the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
  });
});
