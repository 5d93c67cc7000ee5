// The Alignment Report dashboard in the real editor: the command opens a webview whose
// script reports what it drew; activating a bar opens its record; forged messages are
// refused; the dashboard follows the index; Export writes Markdown and HTML through the
// workspace and asks before replacing a file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import { eventually, exists, getApi, pathOf, readText, restoreWorkspace, track, writeFile, wsUri } from './helpers';

const SECTIONS = ['What waits on whom', 'Who owns what', 'Assumption health', 'Findings by code', 'How decisions evolved', 'Relationships', 'Reviews due'];

let api: AlignmentApi;

async function openReport() {
  await vscode.commands.executeCommand('alignment.openReport');
  const panel = await eventually(() => {
    const open = api.reportPanel();
    assert.ok(open, 'no dashboard open');
    return open;
  });
  // The webview's own script answers with what it found in its DOM.
  await eventually(() => (panel.state.rendered?.generation ?? 0) >= 1 || false, 30_000);
  return panel;
}

function activeEditorPath(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor ? pathOf(editor.document.uri) : undefined;
}

describe('Alignment Report dashboard', function () {
  this.timeout(60_000);

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    api.reportPanel()?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreWorkspace(api);
  });

  it('opens a webview that draws every section and chart of the report', async () => {
    const panel = await openReport();
    const { rendered, report } = panel.state;
    assert.ok(rendered);
    assert.deepEqual(rendered.sections, SECTIONS);
    assert.ok(rendered.charts >= 7, `${rendered.charts} charts drawn`);
    assert.ok(rendered.targets >= 20, `${rendered.targets} links drawn`);
    assert.equal(report.totals.decisions, 8);
    assert.deepEqual(report.unowned.map((r) => r.id), ['ADR-0008']);
    assert.deepEqual(report.assumptions.unsound.map((u) => u.id), ['ASM-2']);
    assert.equal(panel.panel.title, 'Alignment Report');
    assert.equal(panel.panel.webview.options.enableCommandUris, false);
  });

  it('activating a bar opens its record; a bar of several records offers a pick', async () => {
    const panel = await openReport();
    const single = panel.targetKey((t) => t.length === 1 && t[0].kind === 'record' && t[0].id === 'ADR-0005');
    assert.ok(single, 'a link to ADR-0005');
    await panel.receive({ type: 'activate', target: single });
    await eventually(() => activeEditorPath() === 'docs/adr/0005-adopt-feature-flags.md');

    const several = panel.targetKey((t) => t.length > 1 && t.every((x) => x.kind === 'record'));
    assert.ok(several, 'a bar standing for several records');
    const offered: { label: string; path: string }[] = [];
    const restore = api.setPrompts({
      showQuickPick: (async (items: readonly (vscode.QuickPickItem & { target: { path: string } })[]) => {
        offered.push(...items.map((i) => ({ label: i.label, path: i.target.path })));
        return items.find((i) => i.target.path !== 'docs/adr/0005-adopt-feature-flags.md');
      }) as never,
    });
    try {
      await panel.receive({ type: 'activate', target: several });
    } finally {
      restore();
    }
    assert.ok(offered.length > 1, `offered ${offered.map((o) => o.label).join(', ')}`);
    const chosen = offered.find((o) => o.path !== 'docs/adr/0005-adopt-feature-flags.md')!;
    await eventually(() => activeEditorPath() === chosen.path);
  });

  it('a finding bar opens the place in code', async () => {
    const panel = await openReport();
    let path: string | undefined;
    const key = panel.targetKey((t) => {
      if (t.length !== 1 || t[0].kind !== 'location' || t[0].path.startsWith('docs/')) return false;
      path = t[0].path;
      return true;
    });
    assert.ok(key && path, 'a bar of one finding in code');
    await panel.receive({ type: 'activate', target: key });
    await eventually(() => activeEditorPath() === path);
  });

  it('refuses forged or unknown messages and opens nothing', async () => {
    const panel = await openReport();
    const before = panel.state.refused;
    await panel.receive({ type: 'activate', target: 't999999' });
    await panel.receive({ type: 'activate', target: 'docs/adr/0005-adopt-feature-flags.md' });
    await panel.receive({ type: 'open', path: '/etc/passwd' });
    await panel.receive({ type: 'filter', filter: { owner: { toString: 1 } } });
    // A real key, but from an older drawing.
    const key = panel.targetKey((t) => t.length === 1 && t[0].kind === 'record');
    assert.ok(key);
    await panel.receive({ type: 'activate', target: key, generation: panel.state.generation - 1 });
    assert.equal(panel.state.refused, before + 5);
    assert.equal(vscode.window.activeTextEditor, undefined);
  });

  it('filters by owner; values the facets do not offer are ignored', async () => {
    const panel = await openReport();
    const generation = panel.state.rendered!.generation;
    await panel.receive({ type: 'filter', filter: { owner: 'lee@example.com' } });
    assert.deepEqual(panel.state.report.filter, { owner: 'lee@example.com' });
    assert.equal(panel.state.report.owners.length, 1);
    await eventually(() => panel.state.rendered!.generation > generation);
    await panel.receive({ type: 'filter', filter: { owner: 'nobody@example.com' } });
    assert.deepEqual(panel.state.report.filter, {});
  });

  it('follows the index: a record gaining an owner leaves "records with no owner"', async () => {
    const panel = await openReport();
    const generation = panel.state.rendered!.generation;
    await track('docs/adr/0008-deploy-with-helm.md');
    const text = await readText('docs/adr/0008-deploy-with-helm.md');
    await writeFile('docs/adr/0008-deploy-with-helm.md', text.replace('status: accepted', 'status: accepted\nowner: kim@example.com'));
    await eventually(() => panel.state.report.unowned.length === 0 && (panel.state.rendered?.generation ?? 0) > generation, 20_000);
    assert.ok(panel.state.report.owners.some((o) => o.owner === 'kim@example.com'));
  });

  it('exports Markdown and self-contained HTML, and asks before replacing a file', async () => {
    const md = wsUri('alignment-report.md');
    const html = wsUri('alignment-report.html');
    await track('alignment-report.md');
    await track('alignment-report.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('alignment.exportReport', 'md', md);
    assert.equal(written?.toString(), md.toString());
    assert.match(await readText('alignment-report.md'), /^## Alignment report — \d{4}-\d{2}-\d{2}\n/);

    await vscode.commands.executeCommand('alignment.exportReport', 'html', html);
    const page = await readText('alignment-report.html');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.ok(!/<script/i.test(page));
    assert.ok(page.includes('href="./docs/adr/0005-adopt-feature-flags.md"'));

    // The file exists now: declining keeps it, accepting replaces it.
    await writeFile('alignment-report.md', 'keep me\n');
    const asked: string[] = [];
    let restore = api.setPrompts({ showWarningMessage: (async (message: string) => (asked.push(message), undefined)) as never });
    try {
      assert.equal(await vscode.commands.executeCommand('alignment.exportReport', 'md', md), undefined);
    } finally {
      restore();
    }
    assert.match(asked[0], /alignment-report\.md already exists/);
    assert.equal(await readText('alignment-report.md'), 'keep me\n');
    restore = api.setPrompts({ showWarningMessage: (async () => 'Replace') as never });
    try {
      await vscode.commands.executeCommand('alignment.exportReport', 'md', md);
    } finally {
      restore();
    }
    assert.match(await readText('alignment-report.md'), /^## Alignment report/);
    assert.ok(await exists('alignment-report.html'));
  });
});
