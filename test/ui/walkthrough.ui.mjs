// The first-run walkthrough (Welcome: Open Walkthrough… → "Get Started with Alignment"),
// as a new user follows it: open a decision, link code to it, see
// it in the Problems panel and the Alignment side bar, approve it. Each step must stay
// open until the real thing happened (pressing a button and cancelling does not count)
// and be checked once it did. Screenshots: test-results/walkthrough-*.png.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { activeEditorText, eventually, notification, openProblems, openViewContainer, paneRows, problemRows, quickInput, quickOpen, runCommand, sidebarPane, ui, waitForWorkbench } from './context.mjs';

const shots = join(process.cwd(), 'test-results');
const STEPS = ['decision', 'link', 'problems', 'sidebar', 'approve'];
const RECORD = 'docs/adr/0005-adopt-feature-flags.md';
const CODE = 'cmd/api/main.go';
const WALKTHROUGH = 'Get Started with Alignment';

async function shot(name) {
  await ui.page.mouse.move(700, 14);
  await ui.page.screenshot({ path: join(shots, `walkthrough-${name}.png`) });
}

/** Opens the walkthrough as a user does, from the palette, and keeps its tab (no preview). */
async function openWalkthrough() {
  const { page } = ui;
  await runCommand('Welcome: Open Walkthrough...', page);
  await (await pickByTyping(WALKTHROUGH)).click();
  const tab = page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first();
  await tab.waitFor({ state: 'visible' });
  await runCommand('View: Keep Editor', page); // not a preview: opening a file must not replace it
  await page.locator('.gettingStartedContainer [data-step-id]').first().waitFor({ state: 'visible' });
}

/** Brings the walkthrough's editor to the front (Escape in it goes back to the Welcome page: not pressed here). */
async function showWalkthrough() {
  const { page } = ui;
  const tab = page.locator('.tabs-container .tab', { hasText: /Walkthrough|Welcome/ }).first();
  if (await tab.isVisible()) await tab.click();
  const steps = page.locator('.gettingStartedContainer [data-step-id]').first();
  if (!(await steps.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false))) await openWalkthrough();
}

/** { stepId: checked } of the walkthrough's steps, as the page shows them. */
async function stepStates() {
  await showWalkthrough();
  const steps = await ui.page.locator('.gettingStartedContainer [data-step-id]').evaluateAll((elements) =>
    elements.map((e) => [e.getAttribute('data-step-id'), e.getAttribute('aria-checked') === 'true']),
  );
  const states = {};
  for (const [id, checked] of steps) {
    const step = STEPS.find((s) => id.endsWith(`#${s}`));
    if (step) states[step] = checked;
  }
  return states;
}

async function expectChecked(...checked) {
  await eventually(async () => {
    const states = await stepStates();
    assert.deepEqual(states, Object.fromEntries(STEPS.map((s) => [s, checked.includes(s)])));
  }, 30_000);
}

async function pickByTyping(text) {
  const { page } = ui;
  await page.locator('.quick-input-widget input').first().waitFor({ state: 'visible' });
  await page.keyboard.type(text);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible' });
  return row;
}

describe('first-run walkthrough', () => {
  after(async () => {
    // The record and the code file go back to the fixture as committed, for later UI tests.
    const { page } = ui;
    if (page) {
      await page.keyboard.press('Escape').catch(() => undefined);
      await runCommand('View: Close All Editors', page).catch(() => undefined);
    }
    execFileSync('git', ['checkout', '--', RECORD, CODE], { cwd: ui.workspace });
  });

  it('leads from nothing to a linked, approved decision; each step completes when it happens', async () => {
    const { page } = ui;
    await waitForWorkbench(page);
    await openViewContainer('Explorer', page);
    await runCommand('View: Close Panel', page).catch(() => undefined);
    await runCommand('Developer: Reset Welcome Page Walkthrough Progress', page);
    await openWalkthrough();
    await expectChecked();
    await shot('0-start');

    // ---- 1. Open a decision the repository has (quick open); opening a Markdown file that is not a record does not count.
    await quickOpen('README.md', page);
    await expectChecked();
    await quickOpen('0005-adopt-feature-flags.md', page);
    await expectChecked('decision');
    await shot('1-decision-opened');

    // ---- 2. Link code to it. Running the command and cancelling it does not complete the step.
    await quickOpen('main.go', page);
    await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').first().click({ position: { x: 2, y: 5 } });
    await runCommand('Alignment: Link Code to Decision or Assumption…', page);
    await pickByTyping('ADR-0005');
    await page.keyboard.press('Escape');
    await expectChecked('decision');
    await quickOpen('main.go', page);
    await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').first().click({ position: { x: 2, y: 5 } });
    await runCommand('Alignment: Link Code to Decision or Assumption…', page);
    const row = await pickByTyping('ADR-0005');
    await row.click();
    await eventually(async () => assert.equal(await row.getAttribute('aria-checked'), 'true'));
    await page.keyboard.press('Enter');
    await eventually(async () => assert.match(await activeEditorText(page), /^\/\/ .*ADR-0005.*\npackage main/));
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    await expectChecked('decision', 'link');
    await shot('2-code-linked');

    // ---- 3. The Problems panel shows the code resting on a decision awaiting approval.
    await openProblems(page);
    await eventually(async () => {
      const rows = (await problemRows(page)).filter((r) => /ref\.pending/.test(r) && /ADR-0005/.test(r));
      assert.ok(rows.some((r) => /awaiting approval by dana@example\.com/.test(r)), (await problemRows(page)).join('\n'));
    }, 30_000);
    await shot('3-problems');
    await expectChecked('decision', 'link', 'problems');

    // ---- 4. The Alignment side bar: the Decisions view lists it.
    await page.keyboard.press('Escape');
    await eventually(() => openViewContainer('Alignment', page), 30_000);
    const header = sidebarPane('Decisions').locator('.pane-header');
    await header.waitFor({ state: 'visible' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await eventually(async () => {
      const rows = await paneRows('Decisions');
      if (!rows.some((r) => /ADR-0005/.test(r.label))) {
        const proposed = sidebarPane('Decisions').locator('.monaco-list-row', { hasText: /^Proposed|proposed/ }).first();
        if ((await proposed.getAttribute('aria-expanded')) === 'false') await proposed.click();
      }
      assert.ok((await paneRows('Decisions')).some((r) => /ADR-0005/.test(r.label)), JSON.stringify(await paneRows('Decisions')));
    }, 30_000);
    await shot('4-sidebar');
    await expectChecked('decision', 'link', 'problems', 'sidebar');

    // ---- 5. Approve it (dana, "me" by the fixture's git identity).
    await runCommand('Alignment: Approve Decision…', page);
    await pickByTyping('ADR-0005');
    await page.keyboard.press('Enter');
    await quickInput('Approve ADR-0005: Adopt feature flags');
    await page.keyboard.press('Enter');
    await notification('Approved ADR-0005 as dana@example.com');
    await expectChecked(...STEPS);
    await shot('5-approved');
  });
});
