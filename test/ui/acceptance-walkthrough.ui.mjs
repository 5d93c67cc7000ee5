// The acceptance walk-through of the palette, as a new user does it in the browser:
// record a decision that two people must approve and cite it from code, approve it as
// one approver (dana, "me" by the fixture's git identity), become the other (lee) in
// the Settings editor and approve it again, accept it, supersede it, and undo it all
// with Ctrl+Z. After each step the Pending Approvals view, the record text and the
// Problems panel are checked, and the screen goes to test-results/acceptance-*.png.
// Only the UI is used (palette, quick inputs typed, side bar, Problems, editor keys);
// the file system is read to check and, at the very end, to remove what is left, so
// the later UI tests see the fixture as committed.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  activeEditorText,
  eventually,
  filterProblems,
  notification,
  openProblems,
  openViewContainer,
  paneRows,
  problemRows,
  problemsFilter,
  quickInput,
  quickOpen,
  runCommand,
  setSideBarWidth,
  sidebarPane,
  ui,
  waitForWorkbench,
} from './context.mjs';

const shots = join(process.cwd(), 'test-results');
const TITLE = 'Split orders by region';
const SUCCESSOR = 'Split orders by region and tenant';
const RECORD = 'docs/adr/0009-split-orders-by-region.md';
const SUCCESSOR_RECORD = 'docs/adr/0010-split-orders-by-region-and-tenant.md';
const CODE = 'deploy/schema.sql';
const SCHEMA_BEFORE = '-- Orders schema for PostgreSQL, see ADR-0007.\nCREATE TABLE orders (id bigserial primary key, body jsonb);\n';

async function shot(name) {
  await ui.page.mouse.move(700, 14); // off the side bar and the editor, so no hover card covers them
  await ui.page.screenshot({ path: join(shots, `acceptance-${name}.png`) });
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const onDisk = (path) => readFileSync(join(ui.workspace, path), 'utf8');

/** The extension's commands are in the palette once its host has loaded it. */
async function waitForExtension() {
  const { page } = ui;
  await eventually(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').first().fill('>Alignment: Approve Decision');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Approve Decision' }).first().waitFor({ state: 'visible', timeout: 2000 });
    await page.keyboard.press('Escape');
  }, 30_000);
}

/** Picks the row holding `text` of the open quick pick by typing it into the filter. */
async function pickByTyping(text) {
  const { page } = ui;
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(text);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible' });
  return row;
}

/** Pending Approvals as { "group label — count": ["ADR-… title", …] }. */
async function pendingGroups() {
  const rows = await paneRows('Pending Approvals');
  const groups = {};
  let current;
  for (const row of rows) {
    if (row.level === 1) {
      current = row.description ? `${row.label} — ${row.description}` : row.label;
      groups[current] = [];
    } else if (row.level === 2 && current) {
      groups[current].push(row.label);
    }
  }
  return groups;
}

async function expectPending(check) {
  return eventually(async () => {
    const groups = await pendingGroups();
    check(groups);
    return groups;
  }, 30_000);
}

/** Shows the Alignment side bar with only Pending Approvals expanded. */
async function showPendingApprovals() {
  const { page } = ui;
  await openViewContainer('Alignment', page);
  await sidebarPane('Pending Approvals').locator('.pane-header').waitFor({ state: 'visible' });
  await setSideBarWidth(ui.page, 560);
  for (const title of ['Pending Approvals', 'Owners', 'Decisions', 'Assumptions', 'Needs Attention']) {
    const header = sidebarPane(title).locator('.pane-header');
    const expanded = (await header.getAttribute('aria-expanded')) === 'true';
    if (expanded !== (title === 'Pending Approvals')) await header.click();
  }
}

/** Problems rows of alignment findings on the schema file (the panel is filtered to it). */
async function expectProblems(check) {
  return eventually(async () => {
    await filterProblems(`**/${CODE}`);
    const rows = (await problemRows()).filter((r) => /alignment/.test(r));
    check(rows);
    return rows;
  }, 30_000);
}

/** Brings the editor of `fileName` to the front (its tab) and puts the cursor in its text. */
async function focusEditor(fileName, line = 1) {
  const { page } = ui;
  const tab = page.locator('.tabs-container .tab', { hasText: fileName }).first();
  if (await tab.isVisible()) await tab.click();
  else await quickOpen(fileName, page);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
  const target = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').nth(line - 1);
  await target.click({ position: { x: 2, y: 5 } });
}

async function saveActiveEditor() {
  const { page } = ui;
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
}

/** Sets (or, with '', clears) `alignment.identity` in the Settings editor, typed as a person does. */
async function setIdentityInSettings(value) {
  const { page } = ui;
  await runCommand('Preferences: Open Settings (UI)', page);
  const editor = page.locator('.settings-editor');
  await editor.waitFor({ state: 'visible' });
  await page.locator('.settings-editor .search-container .monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('alignment.identity');
  const item = editor.locator('.setting-item-contents', { hasText: 'Your name or email as approvers' }).first();
  await item.waitFor({ state: 'visible', timeout: 20_000 });
  const input = item.locator('input').first();
  await input.click();
  await page.keyboard.press('Control+A');
  if (value) await page.keyboard.type(value);
  else await page.keyboard.press('Delete');
  await page.keyboard.press('Tab');
  return { input, item };
}

async function closeSettingsEditor() {
  const { page } = ui;
  const tab = page.locator('.tabs-container .tab', { hasText: 'Settings' }).first();
  await tab.hover();
  await tab.locator('.tab-actions .action-label').first().click();
  await tab.waitFor({ state: 'detached' });
}

describe('acceptance walk-through', () => {
  const schemaPath = () => join(ui.workspace, CODE);
  /** The workbench as found: side bar width, panes expanded in the Alignment container, Problems shown. */
  const found = { sideBarWidth: 0, expanded: {}, problemsVisible: false };

  after(async () => {
    // What the walk-through created goes, and the workbench is left as found, so later
    // UI tests see the fixture as committed.
    const { page } = ui;
    if (page) {
      await page.keyboard.press('Escape').catch(() => undefined);
      const filter = problemsFilter(page);
      if (await filter.isVisible().catch(() => false)) await filter.fill('');
      await runCommand('View: Revert and Close Editor', page).catch(() => undefined);
      await runCommand('View: Close All Editors', page).catch(() => undefined);
    }
    for (const path of [RECORD, SUCCESSOR_RECORD]) rmSync(join(ui.workspace, path), { force: true });
    if (readFileSync(schemaPath(), 'utf8') !== SCHEMA_BEFORE) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(schemaPath(), SCHEMA_BEFORE);
    }
    if (page) {
      // The index has settled when the sidebar shows the fixture's pending approvals again.
      await showPendingApprovals().catch(() => undefined);
      await expectPending((g) => assert.deepEqual(Object.keys(g).filter((k) => /Waiting on me/.test(k)), ['Waiting on me (dana@example.com) — 1'])).catch(() => undefined);
      // Side bar and panel as found.
      for (const [title, wasExpanded] of Object.entries(found.expanded)) {
        const header = sidebarPane(title).locator('.pane-header');
        if (((await header.getAttribute('aria-expanded').catch(() => null)) === 'true') !== wasExpanded) await header.click().catch(() => undefined);
      }
      if (found.sideBarWidth) await setSideBarWidth(ui.page, found.sideBarWidth).catch(() => undefined);
      if (!found.problemsVisible && (await page.locator('.markers-panel').isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
      await openViewContainer('Explorer', page).catch(() => undefined);
      await runCommand('Collapse Folders in Explorer', page).catch(() => undefined);
      // An orderly reload stores the workbench state now (closing the page would keep an older snapshot).
      await runCommand('Developer: Reload Window', page).catch(() => undefined);
      await page.waitForLoadState('load').catch(() => undefined);
      await waitForWorkbench(page).catch(() => undefined);
    }
  });

  it('record, approve as dana then as lee, accept, supersede, and undo each step', async function () {
    this.timeout(300_000);
    const { page } = ui;
    // A wider window than the default, so the side bar rows and the Problems messages show in full.
    await page.setViewportSize({ width: 1680, height: 1000 });
    await waitForWorkbench(page);
    await quickOpen('schema.sql', page);
    await waitForExtension();
    found.problemsVisible = await page.locator('.markers-panel').isVisible();
    // Nothing left over the activity bar (a closing quick input or a hover) takes the click.
    await page.keyboard.press('Escape');
    await page.mouse.move(700, 14);
    await eventually(() => openViewContainer('Alignment', page), 30_000);
    await sidebarPane('Pending Approvals').locator('.pane-header').waitFor({ state: 'visible' });
    found.sideBarWidth = (await page.locator('.part.sidebar').boundingBox())?.width ?? 0;
    for (const title of ['Pending Approvals', 'Owners', 'Decisions', 'Assumptions', 'Needs Attention']) {
      found.expanded[title] = (await sidebarPane(title).locator('.pane-header').getAttribute('aria-expanded')) === 'true';
    }
    await showPendingApprovals();
    const panel = await openProblems(page);
    await panel.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    await filterProblems(`**/${CODE}`);
    await expectPending((g) => assert.deepEqual(g['Waiting on me (dana@example.com) — 1'], ['ADR-0005 Adopt feature flags']));

    // ---- 1. Record Decision… with two approvers, then cite it from the schema file.
    await focusEditor('schema.sql', 1);
    await runCommand('Alignment: Record Decision…', page);
    let input = await quickInput('Record Decision (1/5)');
    await page.keyboard.type(TITLE);
    await page.keyboard.press('Enter');
    input = await quickInput('Record Decision (2/5)');
    assert.equal(await input.inputValue(), 'dana@example.com', 'the owner defaults to me');
    await page.keyboard.press('Enter');
    await quickInput('Record Decision (3/5)');
    // lee is known to the index; dana, the owner, is not offered: "Someone else…" lets me type her.
    for (const who of ['lee@example.com', 'Someone else…']) {
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: who }).first();
      await row.click();
      await eventually(async () => assert.equal(await row.getAttribute('aria-checked'), 'true'));
    }
    await shot('1a-approvers');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Other approvers' }).waitFor({ state: 'visible' });
    await page.keyboard.type('dana@example.com');
    await page.keyboard.press('Enter');
    await quickInput('Record Decision (4/5)');
    await page.keyboard.press('Enter'); // relies on no assumption
    await quickInput('Record Decision (5/5)');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'No applies-to' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');

    const created = await notification(`Created ${RECORD} (ADR-0009).`);
    await page.locator('.tabs-container .tab.active', { hasText: '0009-split-orders-by-region.md' }).waitFor({ state: 'visible' });
    await eventually(async () =>
      assert.match(await activeEditorText(page), new RegExp(`^---\\nstatus: proposed\\ndate: ${today()}\\nowner: dana@example\\.com\\napprovers:\\n  - lee@example\\.com\\n  - dana@example\\.com\\n---\\n# ${TITLE}\\n`)),
    );
    // The new decision waits on me, and on lee.
    await expectPending((g) => {
      assert.deepEqual(g['Waiting on me (dana@example.com) — 2'], ['ADR-0005 Adopt feature flags', `ADR-0009 ${TITLE}`]);
      assert.deepEqual(g['lee@example.com — 1'], [`ADR-0009 ${TITLE}`]);
    });
    // The toast offers to cite it from the file I came from.
    await created.locator('.monaco-button', { hasText: `Link ${CODE} to ADR-0009` }).click();
    await focusEditor('schema.sql', 1);
    await eventually(async () => assert.match(await activeEditorText(page), /^-- @decision ADR-0009\n-- Orders schema/));
    await saveActiveEditor();
    await eventually(() => assert.match(readFileSync(schemaPath(), 'utf8'), /^-- @decision ADR-0009\n/));
    await expectProblems((rows) => {
      const pending = rows.filter((r) => /ref\.pending/.test(r));
      assert.equal(pending.length, 1, rows.join('\n'));
      assert.match(pending[0], new RegExp(`ADR-0009 "${TITLE}" is still proposed, awaiting approval by lee@example\\.com, dana@example\\.com\\.`));
      assert.match(pending[0], /\[Ln 1, Col \d+\]/);
    });
    await shot('1b-recorded-and-cited');

    // ---- 2. Approve Decision… as dana (me).
    await runCommand('Alignment: Approve Decision…', page);
    let pick = await pickByTyping('ADR-0009');
    assert.match(await pick.innerText(), /waiting on you · pending: lee@example\.com, dana@example\.com/);
    await shot('2a-approve-pick');
    await page.keyboard.press('Enter');
    await quickInput(`Approve ADR-0009: ${TITLE}`);
    await page.keyboard.type('Regions first, tenants later');
    await page.keyboard.press('Enter');
    await notification(`Approved ADR-0009 as dana@example.com on ${today()}.`);
    await focusEditor('0009-split-orders-by-region.md', 1);
    const danaApproved = `approvers:\n  - lee@example.com\n  - name: dana@example.com\n    state: approved\n    date: ${today()}\n    comment: Regions first, tenants later\n---`;
    await eventually(async () => assert.ok((await activeEditorText(page)).includes(danaApproved), await activeEditorText(page)));
    await eventually(() => assert.ok(onDisk(RECORD).includes(danaApproved)));
    await expectPending((g) => {
      assert.deepEqual(g['Waiting on me (dana@example.com) — 1'], ['ADR-0005 Adopt feature flags']);
      assert.deepEqual(g['lee@example.com — 1'], [`ADR-0009 ${TITLE}`]);
    });
    await expectProblems((rows) => {
      const pending = rows.filter((r) => /ref\.pending/.test(r));
      assert.equal(pending.length, 1, rows.join('\n'));
      assert.match(pending[0], /is still proposed, awaiting approval by lee@example\.com\./);
    });
    await shot('2b-approved-by-dana');

    // ---- 3. Become lee in the Settings editor, approve as lee, accept.
    const { input: identityBox } = await setIdentityInSettings('lee@example.com');
    await eventually(async () => assert.equal(await identityBox.inputValue(), 'lee@example.com'));
    await expectPending((g) => {
      assert.deepEqual(g['Waiting on me (lee@example.com) — 1'], [`ADR-0009 ${TITLE}`]);
      assert.deepEqual(g['dana@example.com — 1'], ['ADR-0005 Adopt feature flags']);
    });
    await shot('3a-identity-lee');
    await closeSettingsEditor();

    await runCommand('Alignment: Approve Decision…', page);
    pick = await pickByTyping('ADR-0009');
    assert.match(await pick.innerText(), /waiting on you · pending: lee@example\.com/);
    await page.keyboard.press('Enter');
    await quickInput(`Approve ADR-0009: ${TITLE}`);
    await page.keyboard.press('Enter'); // no comment
    const offer = await notification('Every approver has approved ADR-0009. Set its status to accepted?');
    await shot('3b-accept-offer');
    await offer.locator('.monaco-button', { hasText: 'Set status accepted' }).click();
    await notification('ADR-0009 is now accepted.');
    await focusEditor('0009-split-orders-by-region.md', 1);
    await eventually(async () => {
      const text = await activeEditorText(page);
      assert.match(text, /^---\nstatus: accepted\n/);
      assert.ok(text.includes(`approvers:\n  - name: lee@example.com\n    state: approved\n    date: ${today()}\n  - name: dana@example.com\n    state: approved`), text);
    });
    await eventually(() => assert.match(onDisk(RECORD), /^---\nstatus: accepted\n/));
    await expectPending((g) => {
      assert.ok(!JSON.stringify(g).includes('ADR-0009'), JSON.stringify(g));
      assert.deepEqual(g['dana@example.com — 1'], ['ADR-0005 Adopt feature flags']);
    });
    await expectProblems((rows) => assert.deepEqual(rows.filter((r) => /ADR-0009/.test(r)), []));
    await shot('3c-accepted');

    // ---- 4. Supersede Decision…: the successor opens, the old record is marked.
    await runCommand('Alignment: Supersede Decision…', page);
    await pickByTyping('ADR-0009');
    await page.keyboard.press('Enter');
    input = await quickInput(`Supersede ADR-0009: ${TITLE}`);
    assert.equal(await input.inputValue(), TITLE, 'the title is prefilled from the old record');
    await page.keyboard.press('End');
    await page.keyboard.type(' and tenant');
    await page.keyboard.press('Enter');
    await notification(`Created ${SUCCESSOR_RECORD} (ADR-0010), superseding ADR-0009, which is now marked superseded.`);
    await page.locator('.tabs-container .tab.active', { hasText: '0010-split-orders-by-region-and-tenant.md' }).waitFor({ state: 'visible' });
    await eventually(async () => {
      const text = await activeEditorText(page);
      assert.match(text, /^---\nstatus: proposed\n/);
      assert.match(text, /supersedes:/);
      assert.match(text, new RegExp(`# ${SUCCESSOR}`));
      // lee and dana must approve the successor again.
      assert.match(text, /approvers:\n  - lee@example\.com\n  - dana@example\.com\n/);
    });
    const referenceOffer = await notification('1 comment in 1 file name ADR-0009. Point them at ADR-0010?');
    await focusEditor('0009-split-orders-by-region.md', 1);
    await eventually(async () => {
      const text = await activeEditorText(page);
      assert.match(text, /^---\nstatus: superseded\n/);
      assert.match(text, /superseded-by:[\s\S]*ADR-0010/);
    });
    await eventually(() => assert.match(onDisk(RECORD), /^---\nstatus: superseded\n/));
    assert.ok(existsSync(join(ui.workspace, SUCCESSOR_RECORD)));
    await expectProblems((rows) => {
      const superseded = rows.filter((r) => /ref\.superseded/.test(r));
      assert.equal(superseded.length, 1, rows.join('\n'));
      assert.match(superseded[0], /ADR-0009 "Split orders by region" is superseded by ADR-0010/);
      assert.match(superseded[0], /\[Ln 1, Col \d+\]/);
    });
    // The successor now waits on lee (me): it is proposed.
    await expectPending((g) => assert.deepEqual(g['Waiting on me (lee@example.com) — 1'], [`ADR-0010 ${SUCCESSOR}`]));
    await shot('4-superseded');
    await referenceOffer.locator('.codicon-notifications-clear, .action-label.codicon-close, .codicon-close').first().click().catch(() => undefined);

    // ---- 5. Undo, step by step, with Ctrl+Z in the record's editor.
    // 5a. The supersession: one undo takes back the successor and the old record's marks.
    await focusEditor('0009-split-orders-by-region.md', 1);
    await page.keyboard.press('Control+Z');
    const dialog = page.locator('.monaco-dialog-box');
    if (await dialog.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) {
      await shot('5a-undo-dialog');
      await dialog.locator('.monaco-button', { hasText: /Undo/ }).first().click();
    }
    await eventually(async () => assert.match(await activeEditorText(page), /^---\nstatus: accepted\n/));
    await eventually(() => assert.ok(!existsSync(join(ui.workspace, SUCCESSOR_RECORD)), 'the successor is gone'));
    await saveActiveEditor();
    await eventually(() => assert.doesNotMatch(onDisk(RECORD), /superseded/));
    await expectProblems((rows) => assert.deepEqual(rows.filter((r) => /ADR-0009|ADR-0010/.test(r)), []));
    await expectPending((g) => assert.ok(!JSON.stringify(g).includes('ADR-0010'), JSON.stringify(g)));
    await shot('5a-supersession-undone');

    // 5b. Lee's approval and the acceptance: two undos; proposed again, waiting on lee (me).
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await eventually(async () => {
      const text = await activeEditorText(page);
      assert.ok(text.includes(`status: proposed\n`), text);
      assert.ok(text.includes(danaApproved), text);
    });
    await saveActiveEditor();
    await expectPending((g) => assert.deepEqual(g['Waiting on me (lee@example.com) — 1'], [`ADR-0009 ${TITLE}`]));
    await expectProblems((rows) => {
      const pending = rows.filter((r) => /ref\.pending/.test(r));
      assert.equal(pending.length, 1, rows.join('\n'));
      assert.match(pending[0], /awaiting approval by lee@example\.com\./);
    });
    await shot('5b-lee-approval-undone');

    // 5c. Back to being dana: clear the setting in the Settings editor.
    const { input: clearedBox } = await setIdentityInSettings('');
    await eventually(async () => assert.equal(await clearedBox.inputValue(), ''));
    await expectPending((g) => {
      assert.deepEqual(g['Waiting on me (dana@example.com) — 1'], ['ADR-0005 Adopt feature flags']);
      assert.deepEqual(g['lee@example.com — 1'], [`ADR-0009 ${TITLE}`]);
    });
    await closeSettingsEditor();

    // 5d. Dana's approval: one undo; both approvers pending again.
    await focusEditor('0009-split-orders-by-region.md', 1);
    await page.keyboard.press('Control+Z');
    await eventually(async () => assert.match(await activeEditorText(page), /approvers:\n  - lee@example\.com\n  - dana@example\.com\n---/));
    await saveActiveEditor();
    await expectPending((g) => assert.deepEqual(g['Waiting on me (dana@example.com) — 2'], ['ADR-0005 Adopt feature flags', `ADR-0009 ${TITLE}`]));
    await expectProblems((rows) => {
      const pending = rows.filter((r) => /ref\.pending/.test(r));
      assert.equal(pending.length, 1, rows.join('\n'));
      assert.match(pending[0], /awaiting approval by lee@example\.com, dana@example\.com\./);
    });
    await shot('5d-dana-approval-undone');

    // 5e. The citation: one undo in the schema file.
    await focusEditor('schema.sql', 2);
    await page.keyboard.press('Control+Z');
    await eventually(async () => assert.match(await activeEditorText(page), /^-- Orders schema for PostgreSQL/));
    await saveActiveEditor();
    await eventually(() => assert.equal(readFileSync(schemaPath(), 'utf8'), SCHEMA_BEFORE));
    await expectProblems((rows) => assert.deepEqual(rows, []));
    await shot('5e-citation-undone');
  });
});
