// `npm start` on its demo workspace, as a newcomer runs it: `node scripts/start.mjs` as a
// child process (it packages the extension, installs the .vsix into a fresh code-server
// profile and serves a git copy of test/fixtures/demo in which the current git identity is
// the pending approver), its printed URL opened in the browser. Checks the Alignment
// container, a hover card and a Problems entry, with screenshots (test-results/demo-*.png;
// the README's pictures are these), then that Ctrl+C stops it and removes its folders.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { currentIdentity } from '../../scripts/start.mjs';
import { repoRoot } from '../host/workspace.mjs';
import { eventually, filterProblems, hoverUntil, openProblems, openViewContainer, paneRows, quickOpen, setSideBarWidth, sidebarPane, ui, waitForWorkbench } from './context.mjs';

const shots = join(process.cwd(), 'test-results');

/** Runs `npm start`'s script until it prints the URL; resolves `{ child, url, workspace, output }`. */
function startScript(timeoutMs) {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'start.mjs'), '--no-open'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { child, output: '', exit: new Promise((resolveExit) => child.once('close', (code, signal) => resolveExit({ code, signal }))) };
  child.stdout.on('data', (chunk) => (run.output += chunk));
  child.stderr.on('data', (chunk) => (run.output += chunk));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within ${timeoutMs} ms:\n${run.output}`)), timeoutMs);
    const check = () => {
      const url = /^ {4}(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(run.output)?.[1];
      const workspace = /^Workspace: (\S+), a copy of test\/fixtures\/demo/m.exec(run.output)?.[1];
      if (url && workspace) {
        clearTimeout(timer);
        Object.assign(run, { url, workspace });
        resolveStart(run); // run.output keeps growing
      }
    };
    child.stdout.on('data', check);
    run.exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${signal ?? code}) before printing a URL:\n${run.output}`));
    });
  });
}

describe('npm start: the demo workspace', () => {
  let demo;
  before(async function () {
    this.timeout(240_000);
    demo = await startScript(230_000);
  });
  after(async () => {
    if (demo && demo.child.exitCode === null && demo.child.signalCode === null) {
      demo.child.kill('SIGTERM');
      await demo.exit;
    }
  });

  it('opens VS Code with the Alignment container, a hover card and a Problems entry', async () => {
    const { page } = ui;
    assert.equal(new URL(demo.url).searchParams.get('folder'), demo.workspace);
    await page.goto(demo.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    const me = currentIdentity().email;

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
    // The finding and the record's card, each in the same hover widget.
    const { hover } = await hoverUntil('See ADR-0004', 'ADR-0004', [
      /ADR-0004 "Charge cards with the Charges API" is superseded by ADR-0006/,
      /ADR-0004: Charge cards with the Charges API/,
      /Status: superseded/,
      /Superseded by: ADR-0006 Charge cards with Payment Intents/,
      /Open record/,
    ], page);
    const editor = await page.locator('.editor-group-container.active').boundingBox();
    const box = await hover.boundingBox();
    await page.screenshot({
      path: join(shots, 'demo-hover.png'),
      clip: { x: editor.x, y: editor.y, width: Math.min(editor.width, Math.max(760, box.x + box.width + 24 - editor.x)), height: box.y + box.height + 24 - editor.y },
    });
    await page.keyboard.press('Escape');

    // 3. A Problems entry: the code resting on the invalidated assumption.
    const panel = await openProblems(page);
    const row = panel.locator('.monaco-list-row', { hasText: 'ASM-2 "Every open cart fits in a single Redis node" was invalidated' }).first();
    await eventually(async () => {
      await filterProblems('**/cart-store.ts', page);
      await row.waitFor({ state: 'visible', timeout: 2000 });
    }, 30_000);
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /ref\.invalidated/);
    assert.match(text, /owner: sam@example\.com/);
    await page.screenshot({ path: join(shots, 'demo-problems.png') });
  });

  it('stops on Ctrl+C: code-server gone, the demo copy and profile removed', async function () {
    this.timeout(60_000);
    const base = new URL(demo.url).origin;
    assert.equal((await fetch(`${base}/healthz`)).ok, true);
    assert.ok(existsSync(demo.workspace));
    demo.child.kill('SIGINT');
    const { code, signal } = await demo.exit;
    assert.equal(signal, null);
    assert.equal(code, 130, demo.output);
    assert.match(demo.output, /SIGINT: stopping code-server/);
    assert.equal(existsSync(dirname(demo.workspace)), false, `${dirname(demo.workspace)} is still there`);
    await eventually(async () => {
      const answer = await fetch(`${base}/healthz`).then(() => 'answered', () => 'refused');
      assert.equal(answer, 'refused');
    }, 10_000);
  });
});
