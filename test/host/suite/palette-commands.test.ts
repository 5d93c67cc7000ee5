// The command palette actions, driven through vscode.commands.executeCommand with
// their quick inputs answered by a script (the extension's setPrompts hook). Each
// test checks the resulting text byte for byte, comments included, and that undo
// puts it back; the workspace is restored after every test.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlignmentApi } from '../../../src/extension/extension';
import { writeFileSync } from 'node:fs';
import { answerPrompts, eventually, folderIndex, folderUri, getApi, openEditor, readText, restoreWorkspace, track, writeFile, wsUri } from './helpers';

type Matcher = string | RegExp;
type Answer =
  | { input: string | typeof DEFAULT | undefined; before?: () => void }
  | { pick: Matcher | Matcher[] | undefined; seen?: (labels: string[]) => void }
  | { button: Matcher | undefined };
const DEFAULT = Symbol('keep the prefilled value');

interface Script {
  /** Every message shown, information and warning, in order. */
  messages: string[];
  /** Answers not used by the end of the test (a test fails on leftovers). */
  remaining(): Answer[];
}

function matches(label: string, m: Matcher): boolean {
  return typeof m === 'string' ? label === m || label.startsWith(m) : m.test(label);
}

/** Replaces the prompts with a script of answers, consumed in order; a prompt that gets the wrong kind of answer fails loudly. */
function answer(api: AlignmentApi, answers: Answer[]): Script {
  const queue = [...answers];
  const messages: string[] = [];
  const take = <K extends 'input' | 'pick' | 'button'>(kind: K, what: string): Extract<Answer, Record<K, unknown>> => {
    const next = queue.shift();
    if (!next || !(kind in next)) throw new Error(`unexpected ${kind} prompt: ${what} (next answer: ${JSON.stringify(next)})`);
    return next as Extract<Answer, Record<K, unknown>>;
  };
  const message = async (text: string, ...rest: unknown[]) => {
    messages.push(text);
    const items = rest.filter((r): r is string => typeof r === 'string');
    if (items.length === 0) return undefined;
    const { button } = take('button', text);
    return button === undefined ? undefined : items.find((i) => matches(i, button));
  };
  api.setPrompts({
    showInputBox: (async (options?: vscode.InputBoxOptions) => {
      const { input, before } = take('input', options?.prompt ?? options?.title ?? '');
      before?.();
      const value = input === DEFAULT ? (options?.value ?? '') : input;
      if (value !== undefined && options?.validateInput) {
        const problem = await options.validateInput(value);
        if (problem) throw new Error(`input "${value}" rejected: ${JSON.stringify(problem)}`);
      }
      return value;
    }) as never,
    showQuickPick: (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
      const list = (await items).filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
      const next = take('pick', options?.placeHolder ?? options?.title ?? '');
      next.seen?.(list.map((i) => i.label));
      if (next.pick === undefined) return undefined;
      const wanted = Array.isArray(next.pick) ? next.pick : [next.pick];
      const chosen = wanted.map((m) => {
        const found = list.find((i) => matches(i.label, m));
        if (!found) throw new Error(`no pick item ${String(m)} in: ${list.map((i) => i.label).join(' | ')}`);
        return found;
      });
      return options?.canPickMany ? chosen : chosen[0];
    }) as never,
    showInformationMessage: message as never,
    showWarningMessage: message as never,
  });
  return { messages, remaining: () => queue };
}

const lines = (...l: string[]) => l.join('\n');
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function undoIn(path: string, times = 1): Promise<string> {
  const editor = await openEditor(path);
  for (let i = 0; i < times; i++) await vscode.commands.executeCommand('undo');
  return editor.document.getText();
}

const ADR5 = 'docs/adr/0005-adopt-feature-flags.md';
const ADR5_COMMENTED = lines(
  '---',
  '# Reviewed in the weekly architecture sync',
  'status: proposed # until both approve',
  'date: 2026-11-01',
  "owner: 'sam@example.com'",
  'approvers:',
  '  - dana@example.com   # security',
  '  - name: lee@example.com',
  '    state: approved',
  '    date: 2026-11-03',
  'tags: [flags, release]',
  '---',
  '# Adopt feature flags',
  '',
  '## Context and Problem Statement',
  '',
  'Releases are risky because every change ships to everyone at once.',
  '',
);

describe('palette commands', function () {
  this.timeout(60_000);
  let api: AlignmentApi;
  let script: Script | undefined;

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    const left = script?.remaining() ?? [];
    script = undefined;
    await restoreWorkspace(api);
    assert.deepEqual(left, [], 'answers left unused');
  });

  it('Record Decision: full flow creates the record and links the code it started from; undo removes the link', async () => {
    await track('docs/adr/0009-use-openfeature-for-flags.md');
    await track('web/src/flags.ts');
    const flagsBefore = await readText('web/src/flags.ts');
    const editor = await openEditor('web/src/flags.ts');
    editor.selection = new vscode.Selection(1, 5, 1, 5);
    script = answer(api, [
      { input: 'Use OpenFeature for flags' },
      { input: DEFAULT },
      { pick: ['lee@example.com', /Someone else/] },
      { input: 'kim@example.com' },
      { pick: ['ASM-3'] },
      { pick: 'web/src/**' },
      { button: /^Link web\/src\/flags\.ts to ADR-0009$/ },
    ]);
    const uri = (await vscode.commands.executeCommand(COMMAND.recordDecision)) as vscode.Uri;
    assert.equal(uri.toString(), wsUri('docs/adr/0009-use-openfeature-for-flags.md').toString());
    assert.equal(
      await readText('docs/adr/0009-use-openfeature-for-flags.md'),
      lines(
        '---',
        'status: proposed',
        `date: ${today()}`,
        'owner: dana@example.com',
        'approvers:',
        '  - lee@example.com',
        '  - kim@example.com',
        'assumptions:',
        '  - ASM-3',
        'applies-to:',
        '  - "web/src/**"',
        '---',
        '# Use OpenFeature for flags',
        '',
        '## Context and Problem Statement',
        '',
        'Describe the context and the problem in two or three sentences.',
        '',
        '## Considered Options',
        '',
        '* Option 1',
        '* Option 2',
        '',
        '## Decision Outcome',
        '',
        'Chosen option: "Option 1", because …',
        '',
        '### Consequences',
        '',
        '* Good, because …',
        '* Bad, because …',
        '',
      ),
    );
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new record is open');
    const flags = vscode.workspace.textDocuments.find((d) => d.uri.toString() === wsUri('web/src/flags.ts').toString())!;
    const expected = flagsBefore.split('\n');
    expected.splice(1, 0, '// @decision ADR-0009');
    assert.equal(flags.getText(), expected.join('\n'));
    assert.equal(await undoIn('web/src/flags.ts'), flagsBefore);
    await eventually(async () => {
      await api.whenIdle();
      assert.equal(folderIndex(api).index?.lookup('ADR-0009')?.kind, 'decision');
    });
  });

  it('Record Decision: a quick fix prefill keeps its free id, with the folder padding', async () => {
    await track('docs/adr/0042-trace-every-request.md');
    script = answer(api, [{ input: DEFAULT }, { input: DEFAULT }, { pick: [] }, { pick: [] }]);
    await vscode.commands.executeCommand(COMMAND.recordDecision, { id: 'ADR-42', title: 'Trace every request', folder: folderUri().toString() });
    const text = await readText('docs/adr/0042-trace-every-request.md');
    assert.ok(text.startsWith(lines('---', 'status: proposed', `date: ${today()}`, 'owner: dana@example.com', '---', '# Trace every request', '')), text);
    assert.ok(script.messages.some((m) => m.includes('ADR-0042')), script.messages.join(' | '));
  });

  // Another window, a terminal or a pull creates a record between the command's prompts
  // and its write: the file is written synchronously during the last prompt, before the
  // index can learn of it (its file events are debounced), so the command picks the same
  // number and must find it taken on disk.
  const RIVAL = '# Taken meanwhile\n\nWritten by someone else; must stay as it is.\n';
  const takeOnDisk = (path: string) => () => writeFileSync(wsUri(path).fsPath, RIVAL);

  it('Record Decision: a number taken on disk between the prompts and the write gets the next one; the file there is untouched', async () => {
    const taken = 'docs/adr/0009-use-openfeature-for-flags.md';
    const mine = 'docs/adr/0010-use-openfeature-for-flags.md';
    await track(taken);
    await track(mine);
    script = answer(api, [{ input: 'Use OpenFeature for flags' }, { input: DEFAULT }, { pick: [] }, { pick: [], seen: takeOnDisk(taken) }]);
    const uri = (await vscode.commands.executeCommand(COMMAND.recordDecision)) as vscode.Uri | undefined;
    assert.equal(uri?.toString(), wsUri(mine).toString(), script.messages.join(' | '));
    assert.equal(await readText(taken), RIVAL, 'the file that took the number is byte-identical');
    assert.match(await readText(mine), /^---\nstatus: proposed\n[\s\S]*\n# Use OpenFeature for flags\n/);
    assert.deepEqual(script.messages, [`Created ${mine} (ADR-0010) (ADR-0009 was taken meanwhile).`]);
  });

  it('Record Decision: a number another file took meanwhile (another name) is given up for the next one', async () => {
    const rival = 'docs/adr/0009-rival-title.md';
    const mine = 'docs/adr/0010-trace-every-request.md';
    await track(rival);
    await track(mine);
    await track('docs/adr/0009-trace-every-request.md');
    script = answer(api, [{ input: 'Trace every request' }, { input: DEFAULT }, { pick: [] }, { pick: [], seen: takeOnDisk(rival) }]);
    await vscode.commands.executeCommand(COMMAND.recordDecision);
    assert.equal(await readText(rival), RIVAL);
    assert.match(await readText(mine), /\n# Trace every request\n/);
    const adr = (await vscode.workspace.fs.readDirectory(wsUri('docs/adr'))).map(([n]) => n);
    assert.deepEqual(adr.filter((n) => n.startsWith('0009-') || n.startsWith('0010-')).sort(), ['0009-rival-title.md', '0010-trace-every-request.md']);
    assert.deepEqual(script.messages, [`Created ${mine} (ADR-0010) (ADR-0009 was taken meanwhile).`]);
  });

  it('Record Decision: two commands racing each get their own number, and both records exist', async () => {
    const candidates = ['0009-race-one', '0009-race-two', '0010-race-one', '0010-race-two'].map((n) => `docs/adr/${n}.md`);
    for (const p of candidates) await track(p);
    let titles = 0;
    const asked = answerPrompts(api, (options) => (options.prompt === 'Title of the decision' ? (titles++ === 0 ? 'Race one' : 'Race two') : undefined));
    const uris = (await Promise.all([vscode.commands.executeCommand(COMMAND.recordDecision), vscode.commands.executeCommand(COMMAND.recordDecision)])) as (vscode.Uri | undefined)[];
    const told = asked.filter((a) => a.kind === 'message').map((a) => a.text ?? '');
    assert.ok(uris.every((u) => u), told.join(' | '));
    const names = (await vscode.workspace.fs.readDirectory(wsUri('docs/adr'))).map(([n]) => n).filter((n) => /^00(09|10)-race-/.test(n));
    assert.equal(names.length, 2, names.join(', '));
    assert.deepEqual(names.map((n) => n.slice(0, 4)).sort(), ['0009', '0010'], names.join(', '));
    for (const name of names) {
      const title = name.endsWith('race-one.md') ? 'Race one' : 'Race two';
      assert.match(await readText(`docs/adr/${name}`), new RegExp(`\\n# ${title}\\n`), name);
    }
    assert.equal(told.filter((t) => /^Created docs\/adr\/00(09|10)-race-/.test(t)).length, 2, told.join(' | '));
  });

  it('Record Assumption: an id taken on disk meanwhile gets the next one; the file there is untouched', async () => {
    const taken = 'docs/assumptions/asm-4-checkout-latency-stays-under-300-ms.yaml';
    const mine = 'docs/assumptions/asm-5-checkout-latency-stays-under-300-ms.yaml';
    await track(taken);
    await track(mine);
    script = answer(api, [{ input: 'Checkout latency stays under 300 ms' }, { input: DEFAULT }, { pick: /A new file/, seen: takeOnDisk(taken) }]);
    await vscode.commands.executeCommand(COMMAND.recordAssumption);
    assert.equal(await readText(taken), RIVAL);
    assert.match(await readText(mine), /^id: ASM-5\nstatement: Checkout latency stays under 300 ms\n/);
    assert.deepEqual(script.messages, [`Created ${mine} (ASM-5) (ASM-4 was taken meanwhile).`]);
  });

  it('Supersede Decision: a number taken on disk meanwhile gets the next one, in the successor and in the old record', async () => {
    const old = 'docs/adr/0004-cache-sessions-in-redis.md';
    const taken = 'docs/adr/0009-cache-sessions-in-valkey.md';
    const successor = 'docs/adr/0010-cache-sessions-in-valkey.md';
    for (const p of [old, taken, successor]) await track(p);
    const oldBefore = await readText(old);
    script = answer(api, [{ input: 'Cache sessions in Valkey', before: takeOnDisk(taken) }, { button: undefined }]);
    const uri = (await vscode.commands.executeCommand(COMMAND.supersedeDecision, folderUri().toString(), 'ADR-0004')) as vscode.Uri | undefined;
    assert.equal(uri?.toString(), wsUri(successor).toString(), script.messages.join(' | '));
    assert.equal(await readText(taken), RIVAL);
    assert.match(await readText(successor), /\nsupersedes: ADR-0004\n---\n# Cache sessions in Valkey\n/);
    assert.equal(await readText(old), oldBefore.replace('status: accepted', 'status: superseded').replace('  - ASM-2\n---', '  - ASM-2\nsuperseded-by: ADR-0010\n---'));
    assert.equal(script.messages[0], `Created ${successor} (ADR-0010) (ADR-0009 was taken meanwhile), superseding ADR-0004, which is now marked superseded.`);
  });

  it('Approve Decision on a record changed on disk meanwhile: what was written on disk is never replaced', async () => {
    await track(ADR5);
    const editor = await openEditor(ADR5); // open and not dirty: the editor's text is what it read
    const external = `${editor.document.getText()}\nAdded on disk by someone else.\n`;
    const asked = answerPrompts(api, (options) => {
      if (options.prompt === 'Comment (optional)') writeFileSync(wsUri(ADR5).fsPath, external);
      return 'ok';
    });
    await vscode.commands.executeCommand(COMMAND.approveDecision, folderUri().toString(), 'ADR-0005');
    const told = asked.filter((a) => a.kind === 'message').map((a) => a.text ?? '');
    const onDisk = await readText(ADR5);
    assert.ok(onDisk.includes('Added on disk by someone else.'), `the change on disk was replaced: ${told.join(' | ')}`);
    if (/name: dana@example\.com\n\s+state: approved/.test(onDisk)) {
      // The editor had read the new text before the command changed it: both are saved.
      assert.ok(told.some((t) => t.startsWith('Approved ADR-0005 as dana@example.com')), told.join(' | '));
    } else {
      assert.ok(told.some((t) => /^ADR-0005 was not changed: .*0005-adopt-feature-flags\.md changed on disk meanwhile, so it was not saved: the change is kept, unsaved, in the editor/.test(t)), told.join(' | '));
      assert.ok(!told.some((t) => t.startsWith('Approved')), told.join(' | '));
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === wsUri(ADR5).toString())!;
      assert.match(document.getText(), /name: dana@example\.com\n\s+state: approved/, 'the approval waits in the editor');
    }
  });

  it('Record Assumption appends to the list file, keeping its comment; undo restores it', async () => {
    const path = 'docs/assumptions/platform.yaml';
    await track(path);
    const before = await readText(path);
    script = answer(api, [{ input: 'Checkout latency stays under 300 ms' }, { input: DEFAULT }, { pick: path }]);
    await vscode.commands.executeCommand(COMMAND.recordAssumption);
    const after = await readText(path);
    assert.equal(
      after,
      before +
        lines('  - id: ASM-4', '    statement: Checkout latency stays under 300 ms', '    status: active', '    owner: dana@example.com', '    confidence: medium', '    impact: medium', ''),
    );
    assert.ok(after.includes('  # Capacity planning\n'));
    assert.deepEqual(script.messages, [`Added ASM-4 to ${path}.`]);
    assert.equal(await undoIn(path), before);
  });

  it('Approve Decision from the pick list: records my approval, keeps comments, offers accepted; undo restores', async () => {
    await writeFile(ADR5, ADR5_COMMENTED);
    await eventually(async () => {
      await api.whenIdle();
      assert.equal((folderIndex(api).index?.lookup('ADR-0005') as { approvers: unknown[] }).approvers.length, 2);
      assert.ok(vscode.workspace.textDocuments.every((d) => !d.uri.path.endsWith('0005-adopt-feature-flags.md') || d.getText() === ADR5_COMMENTED));
    });
    let offered: string[] = [];
    script = answer(api, [
      { pick: 'ADR-0005', seen: (labels) => (offered = labels) },
      { input: 'Ship it behind a kill switch' },
      { button: 'Set status accepted' },
    ]);
    assert.equal(await vscode.commands.executeCommand(COMMAND.approveDecision), true);
    assert.deepEqual(offered, ['ADR-0005']);
    const approved = lines(
      '---',
      '# Reviewed in the weekly architecture sync',
      'status: accepted # until both approve',
      'date: 2026-11-01',
      "owner: 'sam@example.com'",
      'approvers:',
      '  - name: dana@example.com',
      '    state: approved',
      `    date: ${today()}`,
      '    comment: Ship it behind a kill switch   # security',
      '  - name: lee@example.com',
      '    state: approved',
      '    date: 2026-11-03',
      'tags: [flags, release]',
      '---',
      ...ADR5_COMMENTED.split('\n').slice(12),
    );
    assert.equal(await readText(ADR5), approved);
    assert.ok(script.messages.some((m) => m.startsWith('Approved ADR-0005 as dana@example.com')), script.messages.join(' | '));
    assert.equal(await undoIn(ADR5, 2), ADR5_COMMENTED);
  });

  it('Reject Decision from a tree element and from hover arguments; an unsaved buffer is edited, not overwritten', async () => {
    await track(ADR5);
    const original = await readText(ADR5);
    const editor = await openEditor(ADR5);
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Unsaved note.\n'));
    script = answer(api, [{ input: 'Too risky this quarter' }]);
    assert.equal(await vscode.commands.executeCommand(COMMAND.rejectDecision, { folder: folderUri().toString(), id: 'ADR-0005', label: 'tree element' }), true);
    const expected = lines(
      '---',
      'status: proposed',
      'date: 2026-11-01',
      'owner: sam@example.com',
      'approvers:',
      '  - name: dana@example.com',
      '    state: rejected',
      `    date: ${today()}`,
      '    comment: Too risky this quarter',
      '  - name: lee@example.com',
      '    state: approved',
      '    date: 2026-11-03',
      '---',
      '# Adopt feature flags',
      '',
      '## Context and Problem Statement',
      '',
      'Releases are risky because every change ships to everyone at once.',
      'Unsaved note.',
      '',
    );
    assert.equal(editor.document.getText(), expected);
    assert.equal(editor.document.isDirty, true, 'a buffer with unsaved changes stays unsaved');
    assert.equal(await readText(ADR5), original, 'the file on disk is untouched');

    // Hover links pass (folder uri string, id); an empty comment records no comment key.
    script = answer(api, [{ input: '' }, { button: undefined }]);
    assert.equal(await vscode.commands.executeCommand(COMMAND.approveDecision, folderUri().toString(), 'ADR-5'), true);
    assert.ok(editor.document.getText().includes(lines('  - name: dana@example.com', '    state: approved', `    date: ${today()}`, '    comment: Too risky this quarter', '')));
  });

  it('refuses a non-approver clearly; with allowAnyApprover, approves and asks before adding front matter to a Nygard record', async () => {
    const adr8 = 'docs/adr/0008-deploy-with-helm.md';
    await track(adr8);
    await track('.vscode/settings.json');
    const before = await readText(adr8);
    script = answer(api, []);
    assert.equal(await vscode.commands.executeCommand(COMMAND.approveDecision, folderUri().toString(), 'ADR-0008'), false);
    assert.match(script.messages.join(' | '), /You \(dana@example\.com\) are not an approver of ADR-0008 "Deploy with Helm"; its approvers are nobody\..*alignment\.allowAnyApprover/);
    assert.equal(await readText(adr8), before);

    const nygard = 'docs/adr/0010-use-make.md';
    const nygardText = lines('# 10. Use Make', '', 'Date: 2024-01-01', '', '## Status', '', 'Proposed', '', '## Context', '', 'Builds differ.', '');
    await writeFile(nygard, nygardText);
    await vscode.workspace.getConfiguration('alignment').update('allowAnyApprover', true, vscode.ConfigurationTarget.Workspace);
    try {
      await eventually(async () => {
        await api.whenIdle();
        assert.equal(folderIndex(api).config?.config.allowAnyApprover, true);
        assert.ok(folderIndex(api).index?.lookup('ADR-0010'));
      });
      script = answer(api, [{ input: '' }]);
      assert.equal(await vscode.commands.executeCommand(COMMAND.approveDecision, folderUri().toString(), 'ADR-0008'), true);
      assert.equal(
        await readText(adr8),
        before.replace('review-by: 2025-06-01\n', `review-by: 2025-06-01\napprovers:\n  - name: dana@example.com\n    state: approved\n    date: ${today()}\n`),
      );

      script = answer(api, [{ input: 'ok' }, { button: 'Add front matter' }, { button: undefined }]);
      assert.equal(await vscode.commands.executeCommand(COMMAND.approveDecision, folderUri().toString(), 'ADR-0010'), true);
      assert.equal(await readText(nygard), lines('---', 'approvers:', '  - name: dana@example.com', '    state: approved', `    date: ${today()}`, '    comment: ok', '---', nygardText));

      const declined = 'docs/adr/0011-use-bazel.md';
      const declinedText = nygardText.replace('10. Use Make', '11. Use Bazel');
      await writeFile(declined, declinedText);
      await eventually(async () => {
        await api.whenIdle();
        assert.ok(folderIndex(api).index?.lookup('ADR-0011'));
      });
      script = answer(api, [{ input: '' }, { button: undefined }]);
      assert.equal(await vscode.commands.executeCommand(COMMAND.approveDecision, folderUri().toString(), 'ADR-0011'), false);
      assert.equal(await readText(declined), declinedText, 'no front matter without asking');
    } finally {
      await vscode.workspace.getConfiguration('alignment').update('allowAnyApprover', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Supersede Decision: successor and old record in one edit, then the code references updated', async () => {
    const old = 'docs/adr/0004-cache-sessions-in-redis.md';
    const successor = 'docs/adr/0009-cache-sessions-in-valkey.md';
    for (const p of [old, successor, 'web/src/session.py', 'internal/store/orders.go']) await track(p);
    const oldBefore = await readText(old);
    script = answer(api, [{ input: 'Cache sessions in Valkey' }, { button: 'Update now' }]);
    const uri = (await vscode.commands.executeCommand(COMMAND.supersedeDecision, folderUri().toString(), 'ADR-0004')) as vscode.Uri;
    assert.equal(uri.toString(), wsUri(successor).toString());
    assert.equal(
      await readText(successor),
      lines(
        '---',
        'status: proposed',
        `date: ${today()}`,
        'owner: sam@example.com',
        'assumptions:',
        '  - ASM-2',
        'supersedes: ADR-0004',
        '---',
        '# Cache sessions in Valkey',
        '',
        '## Context and Problem Statement',
        '',
        'Describe the context and the problem in two or three sentences.',
        '',
        '## Considered Options',
        '',
        '* Option 1',
        '* Option 2',
        '',
        '## Decision Outcome',
        '',
        'Chosen option: "Option 1", because …',
        '',
        '### Consequences',
        '',
        '* Good, because …',
        '* Bad, because …',
        '',
      ),
    );
    assert.equal(await readText(old), oldBefore.replace('status: accepted', 'status: superseded').replace('  - ASM-2\n---', '  - ASM-2\nsuperseded-by: ADR-0009\n---'));
    const session = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('web/src/session.py'))!;
    assert.ok(session.getText().includes('Sizing follows ADR-0009 and assumes ASM-2.'), session.getText());
    const orders = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('internal/store/orders.go'))!;
    assert.ok(orders.getText().includes('Sessions are cached per ADR-0009;'), orders.getText());
    assert.ok(script.messages.some((m) => /^2 comments in 2 files name ADR-0004\. Point them at ADR-0009\?$/.test(m)), script.messages.join(' | '));
  });

  it('Set Assumption Status: invalidation keeps the file comment, shows what is now unsound; undo restores', async () => {
    const path = 'docs/assumptions/platform.yaml';
    await track(path);
    const before = await readText(path);
    let unsound: string[] = [];
    script = answer(api, [
      { pick: 'ASM-1' },
      { pick: 'invalidated' },
      { input: 'Black Friday 2026 peaked at 3,400 rps' },
      { pick: undefined, seen: (labels) => (unsound = labels) },
    ]);
    assert.equal(await vscode.commands.executeCommand(COMMAND.setAssumptionStatus), true);
    assert.equal(
      await readText(path),
      before.replace('    status: validated\n', '    status: invalidated\n').replace('    evidence: Load test of 2024-01\n', '    evidence: Black Friday 2026 peaked at 3,400 rps\n'),
    );
    assert.ok((await readText(path)).startsWith('assumptions:\n  # Capacity planning\n'));
    assert.ok(unsound.some((l) => l.includes('ADR-0002')), unsound.join(' | '));
    assert.ok(unsound.some((l) => l.includes('cmd/api/main.go:8')), unsound.join(' | '));
    assert.equal(await undoIn(path), before);
  });

  it('Link Code: inserts a comment in the language syntax above the selection, indented; undo removes it', async () => {
    const path = 'web/src/session.py';
    await track(path);
    const before = await readText(path);
    const editor = await openEditor(path);
    editor.selection = new vscode.Selection(7, 8, 6, 4);
    script = answer(api, [{ pick: ['ADR-0004', 'ASM-2'] }]);
    assert.equal(await vscode.commands.executeCommand(COMMAND.linkSelection), true);
    const expected = before.split('\n');
    expected.splice(6, 0, '    # @decision ADR-0004 @assumes ASM-2');
    assert.equal(editor.document.getText(), expected.join('\n'));
    assert.equal(await undoIn(path), before);
  });
});

const COMMAND = {
  recordDecision: 'alignment.recordDecision',
  recordAssumption: 'alignment.recordAssumption',
  approveDecision: 'alignment.approveDecision',
  rejectDecision: 'alignment.rejectDecision',
  supersedeDecision: 'alignment.supersedeDecision',
  setAssumptionStatus: 'alignment.setAssumptionStatus',
  linkSelection: 'alignment.linkSelection',
} as const;
