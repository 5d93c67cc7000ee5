// The first-run walkthrough (Welcome: Open Walkthrough… → "Get started with Execution
// Alignment"), as a new user follows it: open a decision from the step's button, link
// code to it, see it in the Problems panel and the Alignment side bar, approve it. Each
// step must stay open until the real thing happened (pressing a button and cancelling
// does not count) and be checked once it did. Screenshots: test-results/walkthrough-*.png.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { activeEditorText, eventually, notification, openProblems, openViewContainer, paneRows, problemRows, quickInput, quickOpen, runCommand, sidebarPane, ui, waitForWorkbench } from './context.mjs';

const shots = join(process.cwd(), 'test-results');
const STEPS = ['decision', 'link', 'problems', 'sidebar', 'approve'];
const RECORD = 'docs/adr/0005-adopt-feature-flags.md';
const CODE = 'cmd/api/main.go';

async function shot(name) {
  await ui.page.mouse.move(700, 14);
  await ui.page.screenshot({ path: join(shots, `walkthrough-${name}.png`) });
}

/** Brings the walkthrough's editor to the front. */
async function showWalkthrough() {
  const { page } = ui;
  const tab = page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first();
  await tab.click();
  await page.locator('.gettingStartedContainer [data-step-id]').first().waitFor({ state: 'visible' });
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
    await runCommand('Welcome: Open Walkthrough...', page);
    await (await pickByTyping('Get started with Execution Alignment')).click();
    await expectChecked();
    await shot('0-start');

    // ---- 1. The step's own button: Open a Decision → pick ADR-0005.
    await page.locator('.gettingStartedContainer [data-step-id$="#decision"]').click();
    await page.locator('.gettingStartedContainer .getting-started-step.expanded a, .gettingStartedContainer .getting-started-step.expanded .monaco-button', { hasText: 'Open a Decision' }).first().click();
    await (await pickByTyping('ADR-0005')).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: '0005-adopt-feature-flags.md' }).waitFor({ state: 'visible' });
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
