// What a UI test sees: `ui.page` is a fresh Chromium page on the VS Code
// workbench for each test (opened by the runner's root hooks, screenshot taken
// after the test into test-results/), plus helpers that drive the workbench
// the way a user does.

import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';

export const ui = {
  /** @type {import('playwright-core').Page} */
  page: undefined,
  /** @type {import('playwright-core').BrowserContext} */
  context: undefined,
  /** URL that opens the fixture workspace in the workbench. */
  workbenchUrl: '',
  /** Absolute path of the fixture workspace copy on disk. */
  workspace: '',
  /** code-server's user data folder (user settings in User/settings.json). */
  userDataDir: '',
  /** VS Code version bundled with code-server. */
  vscodeVersion: '',
};

/**
 * Retries `check` (which throws or returns false while the UI is not there yet)
 * until it passes or `timeout` ms have passed; then throws its last error.
 */
export async function eventually(check, timeout = 15_000, interval = 200) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return result;
      lastError = new Error('condition still false');
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await delay(interval);
  }
}

/** Waits until the workbench is laid out and the Explorer has the workspace's files. */
export async function waitForWorkbench(page = ui.page, timeout = 60_000) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout });
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout });
}

/** Clicks an activity bar item by (the start of) its aria-label, e.g. 'Explorer'. */
export async function openViewContainer(label, page = ui.page) {
  const item = page.locator(`.part.activitybar .action-item a[aria-label^="${label}"], .part.activitybar .action-item [aria-label^="${label}"]`).first();
  await item.waitFor({ state: 'visible' });
  const container = item.locator('xpath=ancestor-or-self::li[contains(@class,"action-item")]');
  const checked = (await container.getAttribute('aria-selected').catch(() => null)) === 'true'
    || (await container.getAttribute('class').catch(() => ''))?.includes('checked');
  // Click the item itself (the <li>): its badge overlays the icon link and would take
  // the click that was meant for the link.
  if (!checked) await container.click();
}

/** The visible tree/list row whose label is exactly `text`. */
export function listRow(text, page = ui.page) {
  return page.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(text)}$`) }) }).first();
}

/** Opens a file through quick open (Ctrl+P), as a user would. */
export async function quickOpen(fileName, page = ui.page) {
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
}

/** Runs a command from the command palette (F1) by its title. */
export async function runCommand(title, page = ui.page) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Text of the active editor's visible lines (Monaco renders spaces as U+00A0). */
/**
 * The visible lines of the active editor, top to bottom. Monaco positions its line
 * elements absolutely and reuses them, so their DOM order is not the visual order.
 */
export async function activeEditorText(page = ui.page) {
  const lines = await page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .evaluate((root) =>
      [...root.querySelectorAll(':scope > .view-line')]
        .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits for the quick input whose title bar reads `title` and returns its text box. */
export async function quickInput(title, page = ui.page) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  return widget.locator('input.input, .quick-input-box input').first();
}

/** Waits for a notification toast holding `text` and returns it. */
export async function notification(text, page = ui.page, timeout = 20_000) {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout });
  return toast;
}

/** The view pane titled `title` in the side bar. */
export function sidebarPane(title, page = ui.page) {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first();
}

/** The visible rows of a side bar view: { level, label, description } each. */
export async function paneRows(title, page = ui.page) {
  return sidebarPane(title, page)
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        level: Number(row.getAttribute('aria-level') ?? '1'),
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      })),
    );
}

/** Opens the Problems panel (Ctrl+Shift+M) unless it is showing. */
export async function openProblems(page = ui.page) {
  const panel = page.locator('.markers-panel');
  await eventually(async () => {
    if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 2000 });
  }, 20_000);
  return panel;
}

/** The Problems panel's filter box (the visible one: other panel views have their own). */
export function problemsFilter(page = ui.page) {
  return page.locator('.viewpane-filter input:visible, .markers-panel-action-filter input:visible').first();
}

/**
 * Narrows the Problems list to `pattern` and keeps it narrowed: the list renders only the
 * rows in view, so a row outside the filter may not be in the page at all. The workbench
 * can put its stored filter back while the view restores, after the first fill: each call
 * types the filter again when it no longer holds `pattern`. True when it typed.
 */
export async function filterProblems(pattern, page = ui.page) {
  const filter = problemsFilter(page);
  if ((await filter.inputValue({ timeout: 2000 })) === pattern) return false;
  await filter.fill(pattern, { timeout: 2000 });
  return true;
}

/** The text of each visible row of the Problems panel (whitespace collapsed). */
export async function problemRows(page = ui.page) {
  const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  return rows.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The viewport point over the middle of `needle` on the editor line holding `lineText`. */
export async function pointOverText(lineText, needle, page = ui.page) {
  return eventually(async () => {
    const point = await page.evaluate(
      ({ lineText: wanted, needle: word }) => {
        const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')];
        const line = lines.find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(wanted));
        if (!line) return null;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push({ node, start: text.length });
          text += node.textContent.replace(/\u00a0/g, ' ');
        }
        const at = text.indexOf(word);
        if (at < 0) return null;
        const middle = at + Math.floor(word.length / 2);
        const hit = nodes.filter((n) => n.start <= middle).at(-1);
        const range = document.createRange();
        range.setStart(hit.node, middle - hit.start);
        range.setEnd(hit.node, middle - hit.start + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      },
      { lineText, needle },
    );
    assert.ok(point, `no "${needle}" on the line "${lineText}" in the editor`);
    return point;
  });
}

/**
 * Hovers the mouse over `needle` on the editor line holding `lineText` until the hover
 * widget's text matches every pattern of `expected`; returns `{ hover, text }`. The widget
 * is filled in parts (each marker and each provider as it answers) and is not refilled
 * while it stays open, so a hover missing a part is closed and opened again.
 */
export async function hoverUntil(lineText, needle, expected, page = ui.page, timeout = 45_000) {
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  let text = '';
  let opened = 0;
  const lacked = [];
  try {
    const found = await eventually(async () => {
      opened++;
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      await hover.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
      const point = await pointOverText(lineText, needle, page);
      await page.mouse.move(point.x - 30, point.y + 40);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await hover.waitFor({ state: 'visible', timeout: 3000 }).catch((error) => {
        lacked.push('no hover within 3 s');
        throw error;
      });
      try {
        return await eventually(async () => {
          text = (await hover.innerText()).replace(/\s+/g, ' ');
          for (const pattern of expected) assert.match(text, pattern);
          return { hover, text };
        }, 3000);
      } catch (error) {
        lacked.push(expected.filter((pattern) => !pattern.test(text)).join(' ') || 'text read too late');
        throw error;
      }
    }, timeout, 500);
    if (opened > 1) console.log(`      (the hover over ${needle} was opened ${opened} times before it showed every part; it lacked: ${lacked.join('; ')})`);
    return found;
  } catch (error) {
    throw new Error(`the hover over ${needle}, opened ${opened} times, never showed ${expected.join(', ')}; it last read: ${JSON.stringify(text)} (${error.message})`);
  }
}

/** Makes the side bar `width` pixels wide, e.g. for rows with their descriptions (drags its sash). */
export async function setSideBarWidth(page, width = 640) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || Math.abs(box.width - width) < 10) return;
  const right = box.x + box.width;
  await page.mouse.move(right + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(right + 60, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}
