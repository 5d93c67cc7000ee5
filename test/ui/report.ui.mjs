// The Alignment Report dashboard in a real workbench with the packaged extension: opened
// from the command palette, its charts drawn inside the webview, a bar clicked and a graph
// node activated from the keyboard to open their records, screenshots in a light and a
// dark theme, and an axe-core accessibility check inside the webview frame in both.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { testResultsDir } from '../host/server.mjs';
import { eventually, listRow, openViewContainer, runCommand, ui, waitForWorkbench } from './context.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The dashboard's content frame: VS Code nests it in the webview's outer frame. */
async function reportFrame(page = ui.page) {
  return eventually(async () => {
    for (const outer of await page.locator('iframe.webview.ready').elementHandles()) {
      const outerFrame = await outer.contentFrame();
      const inner = await outerFrame?.$('iframe#active-frame');
      const frame = await inner?.contentFrame();
      if (frame && (await frame.$('#report svg.chart'))) return frame;
    }
    throw new Error('no webview with the report yet');
  }, 30_000);
}

/**
 * Shows the dashboard in a light or dark theme (`vscode-light` / `vscode-dark` on the
 * webview's body), switching with "Preferences: Toggle between Light/Dark Themes" when it
 * is not. A webview that is the active editor takes the focus back and closes quick
 * inputs, so the palette is used with another editor in front (README.md, opened from the
 * Explorer), then the dashboard is brought back.
 */
async function useTheme(bodyClass, page = ui.page) {
  let frame = await reportFrame(page);
  const has = (f) => f.evaluate((cls) => document.body.classList.contains(cls), bodyClass);
  if (!(await has(frame))) {
    await openViewContainer('Explorer', page);
    await listRow('README.md', page).click();
    await activeTab('README.md', page);
    await runCommand('Preferences: Toggle between Light/Dark Themes', page);
    await page.locator('.tabs-container .tab', { hasText: 'Alignment Report' }).click();
    frame = await reportFrame(page);
    await eventually(async () => assert.ok(await has(frame), `webview body is not ${bodyClass}`));
  }
  return frame;
}

/** Runs axe-core in the frame; returns the violations as short lines. */
async function axeViolations(frame) {
  if (!(await frame.evaluate(() => typeof window.axe === 'object'))) await frame.evaluate(`${AXE_SOURCE}\n;true`);
  return frame.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

function serious(violations) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Runs one of the extension's commands from the palette. The palette lists an extension's
 * commands once its host has loaded it: reopen until it does.
 */
async function runExtensionCommand(title, page = ui.page) {
  await eventually(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input').first();
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 2000 });
  }, 30_000);
  await page.keyboard.press('Enter');
}

async function activeTab(name, page = ui.page) {
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 20_000 });
}

describe('Alignment Report dashboard', () => {
  it('shows the charts, opens a record from a bar and from the keyboard, in light and dark themes with no serious axe violations', async () => {
    const { page } = ui;
    await waitForWorkbench(page);
    const startedDark = await page.locator('.monaco-workbench.vs-dark').count().then((n) => n > 0);

    await runExtensionCommand('Alignment: Open Alignment Report', page);
    let frame = await reportFrame(page);
    await page.locator('.tabs-container .tab.active', { hasText: 'Alignment Report' }).waitFor({ state: 'visible' });
    const sections = await frame.locator('#report section h2').allTextContents();
    assert.deepEqual(sections, ['What waits on whom', 'Who owns what', 'Assumption health', 'Findings by code', 'How decisions evolved', 'Relationships', 'Reviews due']);
    assert.ok((await frame.locator('#report svg.chart').count()) >= 7);
    // Every chart is a labelled group.
    const unlabelled = await frame.locator('#report svg.chart:not([aria-labelledby])').count();
    assert.equal(unlabelled, 0);

    const report = [];
    const themes = [
      ['light', 'vscode-light', 'ui-report-light.png'],
      ['dark', 'vscode-dark', 'ui-report-dark.png'],
    ];
    // The theme in use first, then the other: one toggle there, one back at the end.
    if (startedDark) themes.reverse();
    for (const [label, bodyClass, file] of themes) {
      frame = await useTheme(bodyClass, page);
      await page.mouse.move(5, 5);
      await page.screenshot({ path: join(testResultsDir, file) });
      const violations = await axeViolations(frame);
      report.push(`${label}: ${violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'no violations'}`);
      assert.deepEqual(serious(violations), [], `${label}: serious accessibility violations`);
    }
    console.log(`      axe-core: ${report.join('; ')}`);

    // A bar: the approvals waiting on dana stand for ADR-0005 only; clicking it opens the record.
    const bar = frame.locator('#report svg [data-target][aria-label^="Dana"], #report svg [data-target][aria-label^="dana@example.com"]').first();
    await bar.click();
    await activeTab('0005-adopt-feature-flags.md', page);

    // A graph node, from the keyboard: focus it and press Enter.
    await page.locator('.tabs-container .tab', { hasText: 'Alignment Report' }).click();
    frame = await reportFrame(page);
    const node = frame.locator('#report svg.graph [data-target][aria-label^="ADR-0007 "]').first();
    await node.focus();
    await page.keyboard.press('Enter');
    await activeTab('0007-use-postgresql-for-orders.md', page);

    // Leave the theme as found (the record's editor is in front now).
    await runCommand('Preferences: Toggle between Light/Dark Themes', page);
    await eventually(async () => assert.equal((await page.locator('.monaco-workbench.vs-dark').count()) > 0, startedDark));
  });
});
