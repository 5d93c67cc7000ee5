// The first-run walkthrough (Welcome: Open Walkthrough… → "Get Started with Alignment"),
// followed as a new user does in a project that has code and no decision record yet
// (test/fixtures/first-run, its own fresh copy): record the first decision, link code to
// it, see it in the Problems panel and the Alignment side bar, approve it, each through
// the step's own button. Each step must stay unchecked until the real thing happened
// (pressing a button and cancelling does not count) and be checked once it did, as the
// walkthrough page shows it. Screenshots: test-results/walkthrough-*.png.
//
// The buttons run their commands beside the walkthrough (command:toSide:): run from the
// walkthrough page itself, Enter in one input let the page take the focus back, which
// closed the next input (Record Decision's approvers never appeared).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { prepareWorkspace, repoRoot } from '../host/workspace.mjs';
import { activeEditorText, eventually, notification, paneRows, pointOverText, problemRows, quickInput, quickOpen, runCommand, ui, waitForWorkbench } from './context.mjs';

const shots = join(repoRoot, 'test-results');
const STEPS = ['decision', 'link', 'problems', 'sidebar', 'approve'];
const WALKTHROUGH = 'Get Started with Alignment';
const TITLE = 'Round invoice totals to cents';
const RECORD = 'docs/adr/0001-round-invoice-totals-to-cents.md';
const CODE_LINE = 'func RoundToCents(amount float64) int64 {';

async function shot(name) {
  await ui.page.mouse.move(700, 14); // no hover card over what the screenshot shows
  await ui.page.screenshot({ path: join(shots, `walkthrough-${name}.png`) });
}

const step = (id) => ui.page.locator(`.gettingStartedContainer [data-step-id$="#${id}"]`);

/** { stepId: checked } of the walkthrough's steps, as the page shows them. */
async function stepStates() {
  const steps = await ui.page.locator('.gettingStartedContainer [data-step-id]').evaluateAll((elements) =>
    elements.map((e) => [e.getAttribute('data-step-id'), e.getAttribute('aria-checked') === 'true']),
  );
  const states = {};
  for (const [id, checked] of steps) {
    const name = STEPS.find((s) => id.endsWith(`#${s}`));
    if (name) states[name] = checked;
  }
  return states;
}

/** Exactly the `checked` steps are checked (waits for a pending completion to show). */
async function expectChecked(...checked) {
  await eventually(async () => assert.deepEqual(await stepStates(), Object.fromEntries(STEPS.map((s) => [s, checked.includes(s)]))), 30_000);
}

/**
 * The page focuses a step after selecting it (at once with reduced motion, which the test
 * settings ask for; 250 ms later with the slide animation): waits until it has, and for
 * that deferred focus, which would close a quick input opened before it.
 */
async function stepFocused(id) {
  await eventually(() => ui.page.evaluate((wanted) => document.activeElement?.getAttribute('data-step-id')?.endsWith(`#${wanted}`) === true, id));
  await delay(400);
}

/** Opens step `id` as a user does (clicks its title, unless it is open) and presses its button `label`. */
async function pressStepButton(id, label) {
  if ((await step(id).getAttribute('aria-expanded')) !== 'true') {
    await step(id).click();
    await stepFocused(id);
  }
  await step(id).locator('.monaco-button', { hasText: label }).first().click();
}

/** The row of the open quick pick holding `text`. */
async function pickRow(text) {
  const row = ui.page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible' });
  return row;
}

async function escapeQuickInput() {
  if (await ui.page.locator('.quick-input-widget').isVisible()) await ui.page.keyboard.press('Escape');
}

describe('first-run walkthrough', () => {
  let ws;

  after(async () => {
    // Leave no walkthrough, editor or progress behind for the next test, passed or not.
    const { page } = ui;
    if (page && ws) {
      await escapeQuickInput().catch(() => undefined);
      await runCommand('View: Close All Editors', page).catch(() => undefined);
      await runCommand('Developer: Reset Welcome Page Walkthrough Progress', page).catch(() => undefined);
    }
    ws?.cleanup();
  });

  it('leads from nothing to a linked, approved decision; each step is checked when it happens', async () => {
    ws = prepareWorkspace({ fixture: join(repoRoot, 'test', 'fixtures', 'first-run'), label: 'ui-first-run' });
    const { page } = ui;
    await page.goto(`${new URL(ui.workbenchUrl).origin}/?folder=${encodeURIComponent(ws.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    await runCommand('Developer: Reset Welcome Page Walkthrough Progress', page);
    await runCommand('Welcome: Open Walkthrough...', page);
    await page.keyboard.type(WALKTHROUGH);
    await (await pickRow(WALKTHROUGH)).click();
    await step('decision').waitFor({ state: 'visible' });
    await stepFocused('decision');
    await expectChecked();
    await shot('0-start');

    // ---- 1. Record the first decision from the step's button. Cancelling does not count.
    await pressStepButton('decision', 'Record Decision');
    await quickInput('Record Decision (1/5)');
    await page.keyboard.press('Escape');
    await expectChecked();
    await pressStepButton('decision', 'Record Decision');
    await quickInput('Record Decision (1/5)');
    await page.keyboard.type(TITLE);
    await page.keyboard.press('Enter');
    await quickInput('Record Decision (2/5)'); // owner: me (git's user.email)
    await page.keyboard.press('Enter');
    await quickInput('Record Decision (3/5)'); // approvers: nobody is known yet, so "Someone else…"
    const other = await pickRow('Someone else');
    await other.click();
    await eventually(async () => assert.equal(await other.getAttribute('aria-checked'), 'true'));
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Other approvers' }).waitFor({ state: 'visible' });
    await page.keyboard.type('dana@example.com');
    await page.keyboard.press('Enter');
    await notification(`Created ${RECORD} (ADR-0001).`);
    await page.locator('.tabs-container .tab.active', { hasText: '0001-round-invoice-totals-to-cents.md' }).waitFor({ state: 'visible' });
    assert.match(readFileSync(join(ws.workspace, RECORD), 'utf8'), /^---\nstatus: proposed\n[^]*owner: dana@example\.com\napprovers:\n {2}- dana@example\.com\n---\n# Round invoice totals to cents\n/);
    await expectChecked('decision');
    await step('decision').waitFor({ state: 'visible' }); // the walkthrough stays beside the record
    await shot('1-decision-recorded');

    // ---- 2. Link code to it: cursor on the function, the step's button, pick ADR-0001. Cancelling does not count.
    await quickOpen('round.go', page);
    const onFunction = async () => {
      await page.locator('.tabs-container .tab', { hasText: 'round.go' }).first().click(); // its group, not the walkthrough's
      const point = await pointOverText(CODE_LINE, 'RoundToCents');
      await page.mouse.click(point.x, point.y);
    };
    await onFunction();
    await pressStepButton('link', 'Link Code to Decision');
    await pickRow('ADR-0001');
    await page.keyboard.press('Escape');
    await expectChecked('decision');
    await onFunction();
    await pressStepButton('link', 'Link Code to Decision');
    const row = await pickRow('ADR-0001');
    await row.click();
    await eventually(async () => assert.equal(await row.getAttribute('aria-checked'), 'true'));
    await page.keyboard.press('Enter');
    await eventually(async () => assert.match(await activeEditorText(page), /\n\/\/ @decision ADR-0001\nfunc RoundToCents/));
    await onFunction();
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    await expectChecked('decision', 'link');
    await shot('2-code-linked');

    // ---- 3. The Problems panel: the code rests on a decision still awaiting approval.
    await pressStepButton('problems', 'Open the Problems Panel');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    await eventually(async () => {
      const rows = await problemRows(page);
      assert.ok(rows.some((r) => /ADR-0001 "Round invoice totals to cents" is still proposed, awaiting approval by dana@example\.com\. alignment ref\.pending \[Ln 11, Col \d+\]/.test(r)), rows.join('\n'));
    }, 30_000);
    await expectChecked('decision', 'link', 'problems');
    await shot('3-problems');

    // ---- 4. The Alignment side bar: the Decisions view lists it as proposed, with its reference.
    await pressStepButton('sidebar', 'Show the Decisions View');
    await eventually(async () => {
      const rows = await paneRows('Decisions');
      assert.ok(rows.some((r) => r.label === `ADR-0001 ${TITLE}` && /awaiting dana@example\.com · 1 ref/.test(r.description)), JSON.stringify(rows));
    }, 30_000);
    await expectChecked('decision', 'link', 'problems', 'sidebar');
    await shot('4-sidebar');

    // ---- 5. Approve it (dana, "me" by the fixture's git identity).
    await pressStepButton('approve', 'Approve Decision');
    assert.match(await (await pickRow('ADR-0001')).innerText(), /waiting on you/);
    await page.keyboard.press('Enter');
    await quickInput('Approve ADR-0001: Round invoice totals to cents');
    await page.keyboard.press('Enter');
    await notification('Approved ADR-0001 as dana@example.com');
    assert.match(readFileSync(join(ws.workspace, RECORD), 'utf8'), /approvers:\n {2}- name: dana@example\.com\n {4}state: approved\n {4}date: \d{4}-\d\d-\d\d\n/);
    await expectChecked(...STEPS);
    await shot('5-approved');
  });
});
