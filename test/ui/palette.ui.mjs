// Record Decision and Approve Decision run through the command palette in the
// browser, typed into the quick input like a user would. Each step's screen goes to
// test-results/palette-*.png; what the tests change is undone (Ctrl+Z) or removed at
// the end so later UI tests see the fixture as it was.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditorText, eventually, quickOpen, runCommand, ui, waitForWorkbench } from './context.mjs';

const shots = join(process.cwd(), 'test-results');

async function shot(name) {
  await ui.page.screenshot({ path: join(shots, `palette-${name}.png`) });
}

/** Waits for the quick input showing `title` (its title bar) and returns its text box. */
async function quickInput(title) {
  const widget = ui.page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  return widget.locator('input.input, .quick-input-box input').first();
}

/** Waits for a notification toast holding `text` and returns it. */
async function notification(text) {
  const toast = ui.page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: 20_000 });
  return toast;
}

async function waitForIndex() {
  // The extension activates on the workspace's docs/adr folder; its index is built in the background.
  // The palette lists an extension's commands once its host has loaded it: reopen until it does.
  await eventually(async () => {
    await ui.page.keyboard.press('Escape');
    await ui.page.keyboard.press('F1');
    const input = ui.page.locator('.quick-input-widget input').first();
    await input.fill('>Alignment: Approve Decision');
    await ui.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Approve Decision' }).first().waitFor({ state: 'visible', timeout: 2000 });
    await ui.page.keyboard.press('Escape');
  }, 30_000);
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describe('palette', () => {
  it('Record Decision: typed in the quick input, creates the record and links the current file', async () => {
    const { page } = ui;
    await waitForWorkbench(page);
    await quickOpen('flags.ts', page);
    await waitForIndex();
    const created = join(ui.workspace, 'docs/adr/0009-use-openfeature-for-flags.md');

    await runCommand('Alignment: Record Decision…', page);
    let input = await quickInput('Record Decision (1/5)');
    await input.fill('Use OpenFeature for flags');
    await shot('record-1-title');
    await page.keyboard.press('Enter');

    input = await quickInput('Record Decision (2/5)');
    assert.equal(await input.inputValue(), 'dana@example.com', 'owner defaults to me');
    await page.keyboard.press('Enter');

    await quickInput('Record Decision (3/5)');
    const lee = page.locator('.quick-input-list .monaco-list-row', { hasText: 'lee@example.com' }).first();
    await lee.waitFor({ state: 'visible' });
    await lee.click();
    await eventually(async () => assert.equal(await lee.getAttribute('aria-checked'), 'true'));
    await shot('record-3-approvers');
    await page.keyboard.press('Enter');

    await quickInput('Record Decision (4/5)');
    const asm3 = page.locator('.quick-input-list .monaco-list-row', { hasText: 'ASM-3' }).first();
    await asm3.click();
    await eventually(async () => assert.equal(await asm3.getAttribute('aria-checked'), 'true'));
    await page.keyboard.press('Enter');

    input = await quickInput('Record Decision (5/5)');
    await input.fill('web/src/**');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'web/src/**' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');

    const toast = await notification('Created docs/adr/0009-use-openfeature-for-flags.md (ADR-0009).');
    await eventually(async () => assert.match(await activeEditorText(page), /# Use OpenFeature for flags/));
    await shot('record-4-created');
    await toast.locator('.monaco-button', { hasText: 'Link web/src/flags.ts to ADR-0009' }).click();

    assert.ok(existsSync(created));
    const text = readFileSync(created, 'utf8');
    assert.ok(
      text.startsWith(
        ['---', 'status: proposed', `date: ${today()}`, 'owner: dana@example.com', 'approvers:', '  - lee@example.com', 'assumptions:', '  - ASM-3', 'applies-to:', '  - "web/src/**"', '---', '# Use OpenFeature for flags', ''].join('\n'),
      ),
      text,
    );

    await page.locator('.tabs-container .tab', { hasText: 'flags.ts' }).first().click();
    await eventually(async () => assert.match(await activeEditorText(page), /^\/\/ @decision ADR-0009\n\/\/ Feature flags/));
    await shot('record-5-linked');

    // Undo the link, and remove the new record, so later tests see the fixture.
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Z');
    await eventually(async () => assert.doesNotMatch(await activeEditorText(page), /@decision ADR-0009/));
  });

  after(() => {
    // The new record goes, so later tests see the fixture's records.
    rmSync(join(ui.workspace, 'docs/adr/0009-use-openfeature-for-flags.md'), { force: true });
  });

  it('Approve Decision: picked from what waits on me, comment typed, status accepted, then undone', async () => {
    const { page } = ui;
    await waitForWorkbench(page);
    const record = join(ui.workspace, 'docs/adr/0005-adopt-feature-flags.md');
    const before = readFileSync(record, 'utf8');
    await waitForIndex();

    await runCommand('Alignment: Approve Decision…', page);
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'ADR-0005' }).first();
    await pick.waitFor({ state: 'visible' });
    assert.match(await pick.innerText(), /Adopt feature flags/);
    await shot('approve-1-pick');
    await page.keyboard.press('Enter');

    const input = await quickInput('Approve ADR-0005: Adopt feature flags');
    await input.fill('Ship it behind a kill switch');
    await page.keyboard.press('Enter');

    const offer = await notification('Every approver has approved ADR-0005. Set its status to accepted?');
    await shot('approve-2-offer');
    await offer.locator('.monaco-button', { hasText: 'Set status accepted' }).click();
    await notification('ADR-0005 is now accepted.');

    const approved = [
      '---',
      'status: accepted',
      'date: 2026-11-01',
      'owner: sam@example.com',
      'approvers:',
      '  - name: dana@example.com',
      '    state: approved',
      `    date: ${today()}`,
      '    comment: Ship it behind a kill switch',
      '  - name: lee@example.com',
      '    state: approved',
      '    date: 2026-11-03',
      '---',
    ].join('\n');
    await eventually(() => assert.ok(readFileSync(record, 'utf8').startsWith(approved), readFileSync(record, 'utf8')));

    await quickOpen('0005-adopt-feature-flags.md', page);
    await eventually(async () => assert.match(await activeEditorText(page), /state: approved\n\s*date: \d{4}-\d\d-\d\d\n\s*comment: Ship it/));
    await shot('approve-3-record');

    // Both steps undo in the editor; saving puts the file back as it was.
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await eventually(async () => assert.match(await activeEditorText(page), /status: proposed\n[\s\S]*- dana@example\.com\n/));
    await page.keyboard.press('Control+S');
    await eventually(() => assert.equal(readFileSync(record, 'utf8'), before));
    await shot('approve-4-undone');
  });
});
