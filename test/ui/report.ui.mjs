// The Alignment Report dashboard in a real workbench with the packaged extension: opened
// from the command palette, its charts drawn inside the webview, a bar clicked and a graph
// node activated from the keyboard to open their records, screenshots in the light, dark
// and high-contrast themes, and an axe-core accessibility check inside the webview frame
// in each (no serious or critical violation).
//
// What the tests change is put back whatever happens (after hook): every editor closed and
// the user settings file as it was before, so the theme of later tests is the default one.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { testResultsDir } from '../host/server.mjs';
import { eventually, ui, waitForWorkbench } from './context.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const REPORT_TAB = 'Alignment Report';

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
 * Runs a command from the palette (F1). The palette lists an extension's commands once its
 * host has loaded it, and a webview in front takes the focus back and closes the palette:
 * reopen until the command is listed, then run it.
 */
async function paletteCommand(title, page = ui.page) {
  await eventually(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ state: 'visible', timeout: 2000 });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 2000 });
  }, 30_000);
  await page.keyboard.press('Enter');
}

async function activeTab(name, page = ui.page) {
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 20_000 });
}

/** Opens the dashboard (or brings it to the front) and returns its frame. */
async function openReport(page = ui.page) {
  const tab = page.locator('.tabs-container .tab', { hasText: REPORT_TAB });
  if (await tab.count()) await tab.first().click();
  else await paletteCommand('Alignment: Open Alignment Report', page);
  await activeTab(REPORT_TAB, page);
  return reportFrame(page);
}

const THEMES = {
  light: { id: 'Default Light Modern', kind: 'vs', body: 'vscode-light' },
  dark: { id: 'Default Dark Modern', kind: 'vs-dark', body: 'vscode-dark' },
  'high-contrast': { id: 'Default High Contrast', kind: 'hc-black', body: 'vscode-high-contrast' },
  'high-contrast-light': { id: 'Default High Contrast Light', kind: 'hc-light', body: 'vscode-high-contrast-light' },
};

/** Loads the workbench again (it reads the user settings file as it starts). */
async function reloadWorkbench(page = ui.page) {
  await page.reload({ waitUntil: 'domcontentloaded', timeout: 60_000 });
  await waitForWorkbench(page);
}

/** "Clear Editor History" (confirmed when the workbench asks). */
async function clearEditorHistory(page = ui.page) {
  await paletteCommand('Clear Editor History', page);
  const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Clear/ }).first();
  await confirm.waitFor({ state: 'visible', timeout: 3000 }).then(() => confirm.click(), () => undefined);
}

/** "Developer: Reload Window": the workbench stores its state (open editors) and loads again. */
async function storeAndReload(page = ui.page) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: 60_000 }), paletteCommand('Developer: Reload Window', page)]);
  await waitForWorkbench(page);
}

/**
 * Shows the dashboard in a theme: `workbench.colorTheme` set in the user settings file and
 * the workbench loaded again (the theme picker's quick input is closed by a webview in
 * front, so it is not used), then the theme checked on the workbench and on the webview's
 * body.
 */
async function useTheme(name, settingsFile, page = ui.page) {
  const { id, kind, body } = THEMES[name];
  const settings = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
  if (settings['workbench.colorTheme'] !== id || (await workbenchTheme(page)) !== kind) {
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'workbench.colorTheme': id }, null, 2));
    await reloadWorkbench(page);
    await eventually(async () => assert.equal(await workbenchTheme(page), kind), 20_000);
  }
  const frame = await openReport(page);
  await eventually(async () => assert.ok(await frame.evaluate((cls) => document.body.classList.contains(cls), body), `webview body is not ${body}`));
  return frame;
}

/** Runs axe-core in the frame; returns the violations as short records. */
async function axeViolations(frame) {
  if (!(await frame.evaluate(() => typeof window.axe === 'object'))) await frame.evaluate(`${AXE_SOURCE}\n;true`);
  return frame.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

/** The workbench's theme kind: vs, vs-dark, hc-black or hc-light (a class of .monaco-workbench). */
async function workbenchTheme(page = ui.page) {
  const classes = (await page.locator('.monaco-workbench').first().getAttribute('class')) ?? '';
  return classes.split(/\s+/).find((c) => ['vs', 'vs-dark', 'hc-black', 'hc-light'].includes(c));
}

function serious(violations) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Screenshots the workbench with the dashboard in front: as the window is, then with the
 * window as tall as the dashboard so that every chart is in one picture.
 */
async function screenshots(frame, name, page = ui.page) {
  await page.mouse.move(5, 5);
  await page.screenshot({ path: join(testResultsDir, `ui-report-${name}.png`) });
  const viewport = page.viewportSize();
  const size = () => frame.evaluate(() => ({ content: document.documentElement.scrollHeight, shown: window.innerHeight }));
  const { content, shown } = await size();
  // The window grows by what the dashboard does not show (panels around it keep their size).
  await page.setViewportSize({ width: viewport.width, height: Math.min(6000, viewport.height + content - shown + 20) });
  try {
    await eventually(async () => {
      const now = await size();
      assert.ok(now.shown >= Math.min(now.content, 5000), `the webview shows ${now.shown} of ${now.content} px`);
    });
    await page.screenshot({ path: join(testResultsDir, `ui-report-${name}-full.png`) });
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** Closes every editor by its tab's close button (no quick input, which a webview in front would close). */
async function closeAllEditors(page = ui.page) {
  await eventually(async () => {
    const tabs = page.locator('.tabs-container .tab');
    if ((await tabs.count()) === 0) return true;
    await tabs.first().hover();
    await tabs.first().locator('.tab-actions .action-label').first().click({ timeout: 2000 });
    // A changed file would ask to be saved: nothing here should change one, so do not save.
    const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
    if (await dontSave.count()) await dontSave.first().click();
    return false;
  }, 20_000, 100);
}

describe('Alignment Report dashboard', () => {
  let settingsFile;
  let settingsBefore;
  let initialTheme;

  before(() => {
    settingsFile = join(ui.userDataDir, 'User', 'settings.json');
    settingsBefore = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : undefined;
  });

  // Whatever happened: the user settings (the theme) as they were, no editor left open,
  // checked on a workbench loaded again. A page closed or reloaded from outside may not
  // have stored that its editors were closed (the next test's page would open them again),
  // so the workbench is reloaded by its own command, which stores its state first.
  after(async () => {
    const problems = [];
    const now = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : undefined;
    if (now !== settingsBefore) {
      if (settingsBefore === undefined) rmSync(settingsFile, { force: true });
      else writeFileSync(settingsFile, settingsBefore);
    }
    const page = ui.page;
    if (page) {
      for (let attempt = 0; attempt < 2; attempt++) {
        await closeAllEditors(page).catch((error) => problems.push(`editors left open: ${error.message}`));
        // The records opened here leave quick open's history as it was (later tests pick
        // files through quick open).
        await clearEditorHistory(page).catch((error) => problems.push(`editor history not cleared: ${error.message}`));
        // The workbench's own reload stores its state (the closed editors) before it goes.
        await storeAndReload(page).catch((error) => problems.push(`no workbench after reload: ${error.message}`));
        // Editors come back (restored) a moment after the workbench shows.
        await page.locator('.tabs-container .tab').first().waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
        if ((await page.locator('.tabs-container .tab').count()) === 0) break;
        if (attempt === 1) problems.push('editors came back after the reload');
      }
      if (initialTheme) {
        await eventually(async () => assert.equal(await workbenchTheme(page), initialTheme), 20_000).catch((error) => problems.push(`theme not put back: ${error.message}`));
      }
    }
    assert.deepEqual(problems, [], 'the workbench is left as the tests found it');
  });

  /** Each test notes the theme it starts in: the first one's is put back at the end. */
  async function start(page = ui.page) {
    await waitForWorkbench(page);
    initialTheme ??= await workbenchTheme(page);
  }

  it('opens a record from a bar (click) and from a graph node (keyboard)', async () => {
    const { page } = ui;
    await start(page);
    let frame = await openReport(page);
    const sections = await frame.locator('#report section h2').allTextContents();
    assert.deepEqual(sections, ['What waits on whom', 'Who owns what', 'Assumption health', 'Findings by code', 'How decisions evolved', 'Relationships', 'Reviews due']);
    assert.ok((await frame.locator('#report svg.chart').count()) >= 7);
    assert.equal(await frame.locator('#report svg.chart:not([aria-labelledby])').count(), 0, 'every chart is labelled');

    // The approvals waiting on dana stand for ADR-0005 only: clicking the bar opens that record.
    const bar = frame.locator('#report svg [data-target][aria-label^="dana@example.com: 1 waiting on them"]').first();
    await bar.click();
    await activeTab('0005-adopt-feature-flags.md', page);

    // A graph node, from the keyboard: focus it and press Enter.
    frame = await openReport(page);
    const node = frame.locator('#report svg.graph [data-target][aria-label^="ADR-0007 "]').first();
    await node.focus();
    await page.keyboard.press('Enter');
    await activeTab('0007-use-postgresql-for-orders.md', page);
  });

  for (const name of Object.keys(THEMES)) {
    it(`${name} theme: the theme's colours, screenshots, no serious or critical axe-core violation`, async () => {
      const { page } = ui;
      await start(page);
      const frame = await useTheme(name, settingsFile, page);
      // The charts are drawn in the theme's colours (the webview's CSS variables), not the fallbacks.
      const colours = await frame.evaluate(() => {
        const bar = document.querySelector('#report svg rect.bar');
        const style = getComputedStyle(document.body);
        return { bar: getComputedStyle(bar).fill, background: style.backgroundColor, editor: style.getPropertyValue('--vscode-editor-background').trim() };
      });
      assert.ok(colours.editor, 'the webview has the theme variables');
      assert.notEqual(colours.bar, colours.background);
      await screenshots(frame, name, page);
      const violations = await axeViolations(frame);
      console.log(`      axe-core (${name}): ${violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'no violations'}`);
      assert.deepEqual(serious(violations), [], `${name}: serious accessibility violations`);
    });
  }
});
