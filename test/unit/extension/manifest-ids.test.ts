// The ids the extension uses are declared once (src/extension/ids.ts); package.json must
// contribute exactly those, and every manifest string must have its package.nls.json entry.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, CONTEXT_KEYS, SETTINGS, SETTINGS_SECTION, VIEWS, VIEW_CONTAINER, EXTENSION_ID, WALKTHROUGH } from '../../../src/extension/ids';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

describe('package.json contributions match src/extension/ids.ts', () => {
  it('extension id is publisher.name', () => {
    assert.equal(`${pkg.publisher}.${pkg.name}`, EXTENSION_ID);
  });

  it('every contributed command is a declared command', () => {
    const declared = new Set<string>(Object.values(COMMANDS));
    for (const c of pkg.contributes.commands) assert.ok(declared.has(c.command), `${c.command} is not in COMMANDS`);
  });

  it('every contributed command is registered by the extension source', () => {
    const sources = listTs(path.join(root, 'src/extension'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const c of pkg.contributes.commands) {
      const key = Object.entries(COMMANDS).find(([, v]) => v === c.command)![0];
      assert.ok(sources.includes(`COMMANDS.${key}`), `${c.command} is contributed but never registered`);
    }
  });

  it('settings and SETTINGS agree both ways', () => {
    const contributed = Object.keys(pkg.contributes.configuration.properties).sort();
    const declared = Object.values(SETTINGS)
      .map((k) => `${SETTINGS_SECTION}.${k}`)
      .sort();
    assert.deepEqual(contributed, declared);
  });

  it('views, when contributed, use the declared ids', () => {
    const declared = new Set<string>(Object.values(VIEWS));
    for (const list of Object.values<{ id: string }[]>(pkg.contributes.views ?? {})) {
      for (const v of list) assert.ok(declared.has(v.id), `${v.id} is not in VIEWS`);
    }
    for (const c of pkg.contributes.viewsContainers?.activitybar ?? []) assert.equal(c.id, VIEW_CONTAINER);
  });

  it('every %key% in the manifest has a package.nls.json entry', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    for (const key of keys) assert.ok(typeof nls[key] === 'string' && nls[key].length > 0, `package.nls.json lacks ${key}`);
  });
});

describe('the first-run walkthrough (contributes.walkthroughs)', () => {
  const [walkthrough] = pkg.contributes.walkthroughs;
  const sources = () =>
    listTs(path.join(root, 'src/extension'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');

  it('has the declared id and steps, each with its image on disk', () => {
    assert.equal(pkg.contributes.walkthroughs.length, 1);
    assert.equal(walkthrough.id, WALKTHROUGH.id);
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), Object.values(WALKTHROUGH.steps));
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(path.join(root, step.media.image)), step.media.image);
      assert.ok(step.media.altText, `${step.id} has alt text`);
    }
  });

  it('completes each step on an event the extension or the workbench really raises', () => {
    const keys = new Map<string, string>(Object.entries(CONTEXT_KEYS).map(([name, key]) => [key, name]));
    const views = new Set<string>([...Object.values(VIEWS), 'workbench.panel.markers.view']);
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents as string[]) {
        const [kind, value] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onContext') {
          assert.ok(keys.has(value), `${value} is not in CONTEXT_KEYS`);
          assert.ok(sources().includes(`CONTEXT_KEYS.${keys.get(value)}`), `${value} is never set`);
        } else if (kind === 'onView') {
          assert.ok(views.has(value), `${value} is not a known view`);
        } else {
          assert.fail(`${step.id}: unexpected completion event ${event}`);
        }
      }
    }
  });

  it("links only to declared commands (or the workbench's own)", () => {
    const declared = new Set<string>([...Object.values(COMMANDS), ...Object.values(VIEWS).map((v) => `${v}.focus`)]);
    const builtIn = new Set(['workbench.actions.view.problems', 'workbench.action.openSettings']);
    for (const step of walkthrough.steps) {
      const description = nls[step.description.replace(/%/g, '')];
      const links = [...description.matchAll(/\]\(command:(toSide:)?([\w.]+)/g)].map((m) => ({ toSide: Boolean(m[1]), command: m[2] }));
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const { command } of links) assert.ok(declared.has(command) || builtIn.has(command), `${step.id} links to ${command}`);
    }
  });

  it('runs its own commands beside the walkthrough (command:toSide:), so their quick inputs and editors do not fight its focus', () => {
    const own = new Set<string>(Object.values(COMMANDS));
    let count = 0;
    for (const step of walkthrough.steps) {
      const description = nls[step.description.replace(/%/g, '')];
      for (const m of description.matchAll(/\]\(command:(toSide:)?([\w.]+)/g)) {
        if (!own.has(m[2])) continue;
        count++;
        assert.ok(m[1], `${step.id}: ${m[2]} is linked as command:toSide:${m[2]}`);
      }
    }
    assert.ok(count >= 4, 'record, open, link and approve are linked');
  });
});

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listTs(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}
