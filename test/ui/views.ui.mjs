// The Alignment sidebar in a real workbench, with the packaged extension: the
// container and its badge, the status bar summary, and the rows of each view as a
// person sees them (each test leaves one view open for its screenshot).
// The fixture's git identity is dana@example.com; ADR-0005 (proposed, 2026-11-01)
// waits on dana, lee has approved it.
import assert from 'node:assert/strict';
import { eventually, openViewContainer, setSideBarWidth, ui, waitForWorkbench } from './context.mjs';

const VIEW_TITLES = ['Pending Approvals', 'Owners', 'Decisions', 'Assumptions', 'Needs Attention', 'Governing This File'];

/** The view pane titled `title` in the side bar. */
function pane(title, page = ui.page) {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`) }) }).first();
}

/** Opens the Alignment container with only `title` expanded (and any others in `alsoOpen`). */
async function showView(title, { alsoOpen = [] } = {}) {
  const { page } = ui;
  await waitForWorkbench(page);
  await openViewContainer('Alignment', page);
  await pane(title).waitFor({ state: 'visible' });
  await setSideBarWidth(page);
  for (const other of VIEW_TITLES) {
    const header = pane(other).locator('.pane-header');
    const expanded = (await header.getAttribute('aria-expanded')) === 'true';
    const wanted = other === title || alsoOpen.includes(other);
    if (expanded !== wanted) await header.click();
  }
  await restMouse(page);
}

/** Moves the pointer off the side bar so no hover card covers the rows in screenshots. */
async function restMouse(page = ui.page) {
  await page.mouse.move(1100, 700);
}

/** "label — description" of each visible row of a view. */
async function rowsOf(title) {
  return pane(title)
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const label = row.querySelector('.label-name')?.textContent?.trim() ?? '';
        const description = row.querySelector('.label-description')?.textContent?.trim() ?? '';
        return description ? `${label} — ${description}` : label;
      }),
    );
}

/** Waits until the view's rows satisfy `check` (the index is built in the background). */
async function expectRows(title, check) {
  return eventually(async () => {
    const rows = await rowsOf(title);
    check(rows);
    return rows;
  }, 30_000);
}

/** Expands the row whose label starts with `label` (its twistie, so no command runs). */
async function expandRow(title, label) {
  const row = pane(title).locator('.monaco-list-row', { has: ui.page.locator('.label-name', { hasText: label }) }).first();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  await eventually(async () => assert.equal(await row.getAttribute('aria-expanded'), 'true'));
  return row;
}

function statusItem(page = ui.page) {
  return page.locator('.part.statusbar .statusbar-item', { hasText: 'for me' }).first();
}

describe('Alignment sidebar', () => {
  // Leave the workbench as later tests expect it: no editors open (an open editor would
  // be revealed in the Explorer the next time it is shown).
  after(async () => {
    const { page } = ui;
    if (!page) return;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>View: Close All Editors');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Close All Editors' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  });

  it('shows the Alignment container with a badge of what waits on me and the status bar summary', async () => {
    const { page } = ui;
    await showView('Pending Approvals');
    const item = page.locator('.part.activitybar .action-item', { has: page.locator('[aria-label^="Alignment"]') }).first();
    await eventually(async () => assert.equal((await item.locator('.badge .badge-content').innerText()).trim(), '1'), 30_000);
    const status = statusItem();
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    await eventually(async () => assert.match((await status.innerText()).replace(/\s+/g, ' ').trim(), /^1 for me · 2 9$/));
    assert.equal(await status.locator('.codicon-checklist').count(), 1);
    assert.equal(await status.locator('.codicon-error').count(), 1);
    assert.equal(await status.locator('.codicon-warning').count(), 1);
    for (const title of VIEW_TITLES) await pane(title).waitFor({ state: 'visible' });
    await expectRows('Pending Approvals', (rows) => assert.ok(rows.includes('Waiting on me (dana@example.com) — 1'), rows.join('\n')));
    await restMouse(page);
  });

  it('Pending Approvals: who must approve what, and for how long', async () => {
    await showView('Pending Approvals');
    await expectRows('Pending Approvals', (rows) => assert.deepEqual(rows.slice(0, 1), ['Waiting on me (dana@example.com) — 1']));
    await expandRow('Pending Approvals', 'ADR-0005');
    const rows = await expectRows('Pending Approvals', (r) => assert.equal(r.length, 4));
    assert.equal(rows[0], 'Waiting on me (dana@example.com) — 1');
    assert.match(rows[1], /^ADR-0005 Adopt feature flags — sam@example\.com · waiting \d+ d · overdue$/);
    assert.deepEqual(rows.slice(2), ['dana@example.com — pending', 'lee@example.com — approved 2026-11-03']);
    // Inline actions on the pending decision: Approve, Reject, Open.
    const row = pane('Pending Approvals').locator('.monaco-list-row', { has: ui.page.locator('.label-name', { hasText: 'ADR-0005' }) }).first();
    await row.hover();
    const actions = await row.locator('.actions .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.ok(actions.some((a) => /Approve/.test(a)), `inline actions: ${actions.join(', ')}`);
    assert.ok(actions.some((a) => /Reject/.test(a)), `inline actions: ${actions.join(', ')}`);
    assert.ok(actions.some((a) => /Open Record/.test(a)), `inline actions: ${actions.join(', ')}`);
    // The overdue decision is highlighted: its label is drawn in the warning colour.
    const color = (text) =>
      pane('Pending Approvals').locator('.monaco-list-row', { has: ui.page.locator('.label-name', { hasText: text }) }).locator('.label-name').first().evaluate((e) => getComputedStyle(e).color);
    await eventually(async () => assert.notEqual(await color('ADR-0005'), await color('lee@example.com'), 'the overdue row is coloured'));
  });

  it('Owners: who owns each decision and assumption', async () => {
    await showView('Owners');
    const rows = await expectRows('Owners', (r) => assert.ok(r.includes('Unowned — 1 decision'), r.join('\n')));
    assert.deepEqual(rows, [
      'dana@example.com (me) — 3 decisions · 1 assumption',
      'ADR-0001 Record architecture decisions — accepted',
      'ADR-0006 GraphQL gateway for the web client — rejected',
      'ADR-0007 Use PostgreSQL for orders — accepted',
      'ASM-3 Customers accept email-only login — active',
      'lee@example.com — 2 decisions · 1 assumption',
      'ADR-0002 Use Go for the API — accepted',
      'ADR-0003 Use MySQL for orders — superseded',
      'ASM-1 Peak traffic stays under 2,000 requests per second — validated',
      'sam@example.com — 2 decisions · 1 assumption',
      'ADR-0004 Cache sessions in Redis — accepted',
      'ADR-0005 Adopt feature flags — proposed',
      'ASM-2 Sessions fit in a single Redis node — invalidated',
      'Unowned — 1 decision',
      'ADR-0008 Deploy with Helm — accepted',
    ]);
  });

  it('Decisions: by status with reference counts; a superseded one shows its successor and the code citing it', async () => {
    const { page } = ui;
    await showView('Decisions');
    await expectRows('Decisions', (r) => assert.ok(r.includes('Superseded — 1'), r.join('\n')));
    await expandRow('Decisions', 'ADR-0003');
    const rows = await expectRows('Decisions', (r) => assert.ok(r.includes('main.go:10 — cmd/api'), r.join('\n')));
    assert.deepEqual(rows, [
      'Proposed — 1',
      'ADR-0005 Adopt feature flags — awaiting dana@example.com · 1 ref',
      'Accepted — 5',
      'ADR-0001 Record architecture decisions — 2 refs',
      'ADR-0002 Use Go for the API — 2 refs',
      'ADR-0004 Cache sessions in Redis — 2 refs',
      'ADR-0007 Use PostgreSQL for orders — 2 refs',
      'ADR-0008 Deploy with Helm — 1 ref',
      'Rejected — 1',
      'ADR-0006 GraphQL gateway for the web client — 1 ref',
      'Superseded — 1',
      'ADR-0003 Use MySQL for orders — → ADR-0007 · 1 ref',
      'Superseded by ADR-0007 Use PostgreSQL for orders — successor · accepted',
      'main.go:10 — cmd/api',
    ]);
    // Clicking a code location opens the file at the citing line.
    await pane('Decisions').locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: 'main.go:10' }) }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'main.go' }).waitFor({ state: 'visible' });
    await eventually(async () => assert.match(await page.locator('.part.statusbar').innerText(), /Ln 10, Col \d+/));
  });

  it('Assumptions: by status, with validate-by and what depends on each', async () => {
    await showView('Assumptions');
    await expectRows('Assumptions', (r) => assert.ok(r.includes('Invalidated — 1'), r.join('\n')));
    await expandRow('Assumptions', 'ASM-2');
    const rows = await expectRows('Assumptions', (r) => assert.ok(r.includes('session.py:3 — web/src'), r.join('\n')));
    assert.deepEqual(rows, [
      'Active — 1',
      'ASM-3 Customers accept email-only login — validate by 2025-01-31 (overdue) · 0 decisions · 1 ref',
      'Validated — 1',
      'ASM-1 Peak traffic stays under 2,000 requests per second — validate by 2030-01-01 · 1 decision · 0 refs',
      'Invalidated — 1',
      'ASM-2 Sessions fit in a single Redis node — 1 decision · 2 refs',
      'ADR-0004 Cache sessions in Redis — decision · accepted',
      'orders.go:8 — internal/store',
      'session.py:3 — web/src',
    ]);
  });

  it('Needs Attention: what is superseded or invalidated but in use, and what is overdue', async () => {
    await showView('Needs Attention');
    const rows = await expectRows('Needs Attention', (r) => assert.ok(r.some((x) => x.startsWith('Approvals waiting too long')), r.join('\n')));
    assert.equal(rows.length, 9, rows.join('\n'));
    assert.deepEqual(rows.slice(0, 7), [
      'Superseded but still referenced — 1',
      'ADR-0003 Use MySQL for orders — → ADR-0007 · 1 reference',
      'Invalidated but relied on — 1',
      'ASM-2 Sessions fit in a single Redis node — relied on by ADR-0004 · 2 references',
      'Overdue reviews — 2',
      'ADR-0008 Deploy with Helm — review by 2025-06-01 · no owner',
      'ASM-3 Customers accept email-only login — validate by 2025-01-31 · owner dana@example.com',
    ]);
    assert.equal(rows[7], 'Approvals waiting too long — 1');
    assert.match(rows[8], /^ADR-0005 Adopt feature flags — waiting \d+ d on dana@example\.com$/);
  });

  it('reveals the id under the cursor in the Decisions view', async () => {
    const { page } = ui;
    await showView('Decisions');
    await expectRows('Decisions', (r) => assert.ok(r.includes('Superseded — 1')));
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.fill('main.go:10:30');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'main.go' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'main.go' }).waitFor({ state: 'visible' });
    await eventually(async () => assert.match(await page.locator('.part.statusbar').innerText(), /Ln 10, Col \d+/));
    await page.keyboard.press('F1');
    await input.fill('>Reveal in Decisions View');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reveal in Decisions View' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const selected = pane('Decisions').locator('.monaco-list-row.selected .label-name');
    await eventually(async () => assert.equal((await selected.innerText()).trim(), 'ADR-0003 Use MySQL for orders'));
    await restMouse(page);
  });

  it('the status bar item opens Pending Approvals', async () => {
    const { page } = ui;
    await waitForWorkbench(page);
    await openViewContainer('Search', page);
    const status = statusItem();
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    await status.click();
    await pane('Pending Approvals').waitFor({ state: 'visible' });
    await expectRows('Pending Approvals', (rows) => assert.ok(rows.includes('Waiting on me (dana@example.com) — 1'), rows.join('\n')));
  });
});
