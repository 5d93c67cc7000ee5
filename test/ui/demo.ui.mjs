// `npm start` on its demo workspace: what scripts/start.mjs runs (the run's packaged .vsix
// installed into a fresh code-server profile serving a git copy of test/fixtures/demo in
// which the current git identity is the pending approver), opened in the browser as a
// newcomer would. Checks the Alignment container, a hover card and a Problems entry, with
// screenshots (test-results/demo-*.png; the README's pictures are these).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startDemo } from '../../scripts/start.mjs';
import { eventually, openProblems, openViewContainer, paneRows, pointOverText, quickOpen, setSideBarWidth, sidebarPane, ui, waitForWorkbench } from './context.mjs';

const shots = join(process.cwd(), 'test-results');

describe('npm start: the demo workspace', () => {
  let demo;
  before(async function () {
    this.timeout(180_000);
    demo = await startDemo({ vsix: ui.vsix });
  });
  after(async () => demo?.stop());

  it('opens VS Code with the Alignment container, a hover card and a Problems entry', async () => {
    const { page } = ui;
    await page.goto(demo.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    const me = demo.identity.email;

    // 1. The Alignment container: approvals waiting on the current git identity come first.
    await openViewContainer('Alignment', page);
    await sidebarPane('Pending Approvals', page).waitFor({ state: 'visible' });
    await setSideBarWidth(page, 520);
    await page.mouse.move(1100, 700);
    await eventually(async () => {
      const rows = await paneRows('Pending Approvals', page);
      assert.equal(rows[0]?.label, `Waiting on me (${me})`, JSON.stringify(rows));
      assert.match(rows[1]?.label ?? '', /^ADR-0005 Roll out checkout changes behind feature flags/);
      assert.match(rows[2]?.label ?? '', /^ADR-0008 Retry payments with idempotency keys/);
    }, 60_000);
    await eventually(async () => {
      const labels = (await paneRows('Decisions', page)).map((row) => row.label);
      assert.deepEqual(labels.slice(0, 4), ['Proposed', 'ADR-0005 Roll out checkout changes behind feature flags', 'ADR-0008 Retry payments with idempotency keys', 'Accepted']);
    }, 30_000);
    await page.locator('.part.sidebar').screenshot({ path: join(shots, 'demo-sidebar.png') });

    // 2. A hover card on a citation of a superseded decision (a Nygard record).
    await quickOpen('charge.ts', page);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Charge cards with the Charges API' }).first();
    await eventually(async () => {
      const point = await pointOverText('See ADR-0004', 'ADR-0004', page);
      await page.mouse.move(point.x - 30, point.y + 40);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await hover.waitFor({ state: 'visible', timeout: 3000 });
    }, 30_000);
    const card = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(card, /ADR-0004: Charge cards with the Charges API/);
    assert.match(card, /superseded/);
    assert.match(card, /ADR-0006 Charge cards with Payment Intents/);
    assert.match(card, /Open record/);
    const editor = await page.locator('.editor-group-container.active').boundingBox();
    const box = await hover.boundingBox();
    await page.screenshot({
      path: join(shots, 'demo-hover.png'),
      clip: { x: editor.x, y: editor.y, width: Math.min(editor.width, Math.max(760, box.x + box.width + 24 - editor.x)), height: box.y + box.height + 24 - editor.y },
    });
    await page.keyboard.press('Escape');

    // 3. A Problems entry: the code resting on the invalidated assumption.
    const panel = await openProblems(page);
    await page.locator('.viewpane-filter input, .markers-panel-action-filter input').first().fill('**/cart-store.ts');
    const row = panel.locator('.monaco-list-row', { hasText: 'ASM-2 "Every open cart fits in a single Redis node" was invalidated' }).first();
    await eventually(() => row.waitFor({ state: 'visible', timeout: 2000 }), 30_000);
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /ref\.invalidated/);
    assert.match(text, /owner: sam@example\.com/);
    await page.screenshot({ path: join(shots, 'demo-problems.png') });
  });
});
