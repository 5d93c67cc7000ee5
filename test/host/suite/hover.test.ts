// Hover cards on ids in comments and in records' link fields; workspace text is
// escaped and the only command links are the extension's own.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import { eventually, getApi, positionOf, restoreWorkspace, writeFile, plain, wsUri } from './helpers';

const ALLOWED_COMMANDS = new Set(['alignment.openRecord', 'alignment.showReferences']);

async function hoverText(uri: vscode.Uri, needle: string, occurrence = 0, offset = 1): Promise<{ value: string; markdown: vscode.MarkdownString[]; hover: vscode.Hover }> {
  const document = await vscode.workspace.openTextDocument(uri);
  const position = positionOf(document, needle, occurrence, offset);
  return eventually(async () => {
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
    const markdown = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    const hover = hovers.find((h) => h.contents.some((c) => /\bStatus\b|no record/.test(typeof c === 'string' ? c : c.value)));
    assert.ok(hover, `no alignment hover at ${needle}; got ${hovers.length} hover(s)`);
    return { value: markdown.map((m) => m.value).join('\n'), markdown, hover };
  });
}

/** Every command link target in a Markdown string. */
function commandLinks(value: string): string[] {
  return [...value.matchAll(/(?<!\\)\]\((command:[^)\s]*)/g)].map((m) => m[1]);
}

/** Plain text of a card: Markdown escapes removed, for content checks. */

describe('hover cards', function () {
  this.timeout(60_000);
  let api: AlignmentApi;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await restoreWorkspace(api);
  });

  it('show a decision: title, status, owner, assumptions relied on and their status, reference count', async () => {
    const { value, hover } = await hoverText(wsUri('internal/store/orders.go'), 'ADR-0004');
    const text = plain(value);
    assert.match(text, /ADR-0004: Cache sessions in Redis/);
    assert.match(text, /Status: accepted/);
    assert.match(text, /Owner: sam@example\.com/);
    assert.match(text, /Date: 2023-05-20/);
    assert.match(text, /Relies on: ASM-2 Sessions fit in a single Redis node \(invalidated\)/);
    assert.match(text, /Session lookups dominate API latency/, 'one-paragraph summary');
    assert.match(text, /2 references in code/);
    assert.ok(hover.range, 'the hover covers the id');
    assert.equal(hover.range.end.character - hover.range.start.character, 'ADR-0004'.length);
  });

  it('show the supersession chain of a superseded decision', async () => {
    const { value } = await hoverText(wsUri('cmd/api/main.go'), 'ADR-0003');
    const text = plain(value);
    assert.match(text, /ADR-0003: Use MySQL for orders/);
    assert.match(text, /Status: superseded/);
    assert.match(text, /Owner: lee@example\.com/);
    assert.match(text, /Superseded by: ADR-0007 Use PostgreSQL for orders \(accepted\)/);
    assert.match(text, /1 reference in code/);
  });

  it('show approvers and their state', async () => {
    const { value } = await hoverText(wsUri('web/src/flags.ts'), 'ADR-0005');
    const text = plain(value);
    assert.match(text, /Status: proposed/);
    assert.match(text, /Approvers: dana@example\.com: pending, lee@example\.com: approved 2026-11-03/);
  });

  it('show an assumption and the decisions relying on it', async () => {
    const { value } = await hoverText(wsUri('web/src/session.py'), 'ASM-2');
    const text = plain(value);
    assert.match(text, /ASM-2: Sessions fit in a single Redis node/);
    assert.match(text, /Status: invalidated/);
    assert.match(text, /Decisions relying on it: ADR-0004 Cache sessions in Redis \(accepted\)/);
    assert.match(text, /Session memory doubled after the SSO launch/);
  });

  it('work on ids in a record\'s supersedes and assumptions fields', async () => {
    const supersedes = await hoverText(wsUri('docs/adr/0007-use-postgresql-for-orders.md'), 'supersedes: ADR-0003', 0, 'supersedes: '.length + 1);
    assert.match(plain(supersedes.value), /ADR-0003: Use MySQL for orders/);
    const relies = await hoverText(wsUri('docs/adr/0004-cache-sessions-in-redis.md'), '- ASM-2', 0, 3);
    assert.match(plain(relies.value), /ASM-2: Sessions fit in a single Redis node/);
  });

  it('link only to the extension\'s allow-listed commands, with trust limited to them', async () => {
    const { value, markdown } = await hoverText(wsUri('cmd/api/main.go'), 'ADR-0003');
    const links = commandLinks(value);
    assert.ok(links.length >= 2, `the card has Open record / Show references links: ${value}`);
    for (const link of links) {
      const command = link.slice('command:'.length).split('?')[0];
      assert.ok(ALLOWED_COMMANDS.has(command), `unexpected command link ${link}`);
      const args = JSON.parse(decodeURIComponent(link.split('?')[1] ?? '[]')) as unknown[];
      assert.deepEqual(args.slice(1), ['ADR-0003']);
    }
    for (const md of markdown) {
      assert.notEqual(md.isTrusted, true, 'never fully trusted');
      if (typeof md.isTrusted === 'object') {
        for (const command of md.isTrusted.enabledCommands) assert.ok(ALLOWED_COMMANDS.has(command), `trusted command ${command}`);
      }
      assert.ok(!md.supportHtml, 'HTML is off');
    }
  });

  it('escape Markdown, HTML and command links in workspace text', async () => {
    const hostile = 'Evil [click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold** $(zap)';
    await writeFile(
      'docs/adr/0011-hostile-title.md',
      `---\ntitle: ${JSON.stringify(hostile)}\nstatus: accepted\nowner: "[me](command:workbench.action.terminal.new)"\ndate: 2025-01-01\n---\n# Hostile\n\nSee [here](command:workbench.action.terminal.new), <b>this</b> and <script>alert(1)</script>.\n`,
    );
    await writeFile('web/src/hostile.ts', '// Built per ADR-0011.\nexport {};\n');
    const { value, markdown } = await eventually(async () => {
      const result = await hoverText(wsUri('web/src/hostile.ts'), 'ADR-0011');
      assert.match(result.value, /Evil/);
      return result;
    });
    // No link, image or HTML tag from the workspace survives unescaped.
    assert.deepEqual(
      commandLinks(value).filter((l) => !ALLOWED_COMMANDS.has(l.slice('command:'.length).split('?')[0])),
      [],
      `workspace command links are escaped: ${value}`,
    );
    assert.doesNotMatch(value, /(?<!\\)\[click(?<!\\)\]\(command:/);
    assert.doesNotMatch(value, /(?<!\\)<img/, `the <img> tag is escaped: ${value}`);
    assert.doesNotMatch(value, /(?<!\\)<script/, `the <script> tag is escaped: ${value}`);
    assert.doesNotMatch(value, /(?<!\\)\*\*bold/, 'emphasis from the workspace is escaped');
    assert.doesNotMatch(value, /(?<!\\)\$\(zap\)/, 'theme icons from the workspace are escaped');
    // The text itself is still shown.
    const text = plain(value);
    assert.match(text, /Evil \[click\]\(command:workbench\.action\.terminal\.new\) <img src=x onerror=alert\(1\)> \*\*bold\*\*/);
    assert.match(text, /Owner: \[me\]\(command:workbench\.action\.terminal\.new\)/);
    for (const md of markdown) assert.ok(!md.supportHtml);
  });
});
