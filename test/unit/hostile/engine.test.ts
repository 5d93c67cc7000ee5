// The engine on hostile records: no throw, wrong answers fixed (ids beyond 2^53,
// impossible dates, lone-CR line endings), invalid globs as findings at their field.
import * as assert from 'node:assert/strict';
import { parseConfigText } from '../../../src/core/config-file';
import { idKey } from '../../../src/core/ids';
import { inert } from '../../../src/core/inert-text';
import { WorkspaceModel } from '../../../src/core/workspace-model';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { detectLayout } from '../../../src/core/layout';
import { codes, load, NOW, quickly, scaled } from './helpers';

describe('hostile input: the engine', () => {
  it('compares ids as exact digit strings, beyond 2^53', () => {
    assert.notEqual(idKey('ADR-9007199254740993'), idKey('ADR-9007199254740992'));
    assert.notEqual(idKey('ADR-100000000000000000000'), idKey('ADR-99999999999999999999'));
    assert.equal(idKey('ADR-0009'), idKey('adr_9'));
    assert.equal(idKey('ADR-000'), idKey('ADR-0'));
    const { findings, model } = load({
      'docs/adr/0001-a.md': '---\nid: ADR-9007199254740993\nstatus: accepted\nowner: a\n---\n# A\n',
      'docs/adr/0002-b.md': '---\nid: ADR-9007199254740992\nstatus: accepted\nowner: b\n---\n# B\n',
      'src/a.ts': '// See ADR-100000000000000000000\n',
      'docs/adr/0003-c.md': '---\nid: ADR-99999999999999999999\nstatus: accepted\nowner: c\n---\n# C\n',
    });
    assert.ok(!codes(findings).includes('record.duplicate-id'));
    assert.deepEqual(model.index.referencesIn('src/a.ts').map((r) => r.target), [null]);
    assert.ok(codes(findings).includes('ref.unknown'));
  });

  it('reports impossible dates as record.schema at the field, and never as overdue', () => {
    const { findings } = load({
      'docs/adr/0001-a.md': '---\nstatus: accepted\nowner: a\ndate: 99999-99-99\nreview-by: 2024-13-45\n---\n# A\n',
      'docs/adr/0002-b.md': '---\nstatus: accepted\nowner: b\nreview-by: 2023-02-29\n---\n# B\n',
      'docs/adr/0003-c.md': '---\nstatus: accepted\nowner: c\nreview-by: 2024-02-29\n---\n# C\n',
    });
    const schema = findings.filter((f) => f.code === 'record.schema');
    assert.deepEqual(schema.map((f) => [f.path, f.range.start.line]), [
      ['docs/adr/0001-a.md', 3],
      ['docs/adr/0001-a.md', 4],
      ['docs/adr/0002-b.md', 3],
    ]);
    assert.ok(schema.every((f) => /calendar date/.test(f.message)));
    // Only the real leap day drives an overdue review.
    assert.deepEqual(findings.filter((f) => f.code === 'record.review-overdue').map((f) => f.path), ['docs/adr/0003-c.md']);
  });

  it('an invalid applies-to glob is a record.schema finding at its item; the record and its other globs still work', () => {
    const { findings, model } = load({
      'docs/adr/0001-a.md': '---\nstatus: superseded\nowner: a\napplies-to:\n  - "[z-a]"\n  - src/**\n---\n# A\n',
      'src/x.ts': '',
    });
    const schema = findings.find((f) => f.code === 'record.schema')!;
    assert.equal(schema.range.start.line, 4);
    assert.match(schema.message, /not a usable glob.*out of order/);
    assert.equal(model.index.decisions.length, 1);
    assert.deepEqual(findings.filter((f) => f.code === 'file.governed-by-superseded').map((f) => f.path), ['src/x.ts']);
  });

  it('an invalid exclude glob and folders outside the workspace are config problems at their item', () => {
    const { problems } = parseConfigText('exclude:\n  - "[z-a]"\ndecisionFolders:\n  - ../x\n  - /etc\n  - docs/../../y\n  - docs/adr\n');
    assert.deepEqual(
      problems.map((p) => p.range.start.line),
      [1, 3, 4, 5],
    );
    assert.match(problems[0].message, /`exclude` item 1 .*not a usable glob/);
    assert.match(problems[1].message, /`decisionFolders` item 1 \("\.\.\/x"\) must be a folder inside the workspace folder/);
  });

  it('a deeply nested config or front matter is one problem at the level too deep, the same on every run', () => {
    const deep = `${'['.repeat(scaled(50_000))}`;
    const config = quickly('config', () => parseConfigText(`exclude: ${deep}\n`).problems);
    assert.deepEqual(config.map((p) => [p.message, p.range.start.line, p.range.start.column]), [['YAML syntax error: nested more than 64 levels deep', 0, 73]]);
    for (let run = 0; run < 3; run++) {
      const { findings } = quickly('front matter', () => load({ 'docs/adr/0001-a.md': `---\nowner: ${deep}\n---\n# A\n` }));
      const yaml = findings.filter((f) => f.code === 'record.yaml');
      assert.deepEqual(yaml.map((f) => [f.path, f.range.start.line, f.range.start.column]), [['docs/adr/0001-a.md', 1, 71]]);
    }
    // Brackets in quotes and comments do not count; ordinary nesting parses.
    assert.deepEqual(parseConfigText(`exclude: ["${'['.repeat(100)}x"]  # ${'{'.repeat(100)}\n`).problems, []);
  });

  it('lone-CR line endings put references and record fields on the right lines', () => {
    const { model, findings } = load({
      'docs/adr/0001-a.md': '---\rstatus: accepted\rowner: a\rreview-by: 2024-13-45\r---\r# A\r',
      'src/a.ts': 'const a = 1;\r// See ADR-0001\r\r// ADR-0002\r',
    });
    assert.deepEqual(model.index.referencesIn('src/a.ts').map((r) => [r.line, r.column]), [
      [1, 7],
      [3, 3],
    ]);
    assert.equal(findings.find((f) => f.code === 'record.schema')?.range.start.line, 3);
    assert.equal(model.index.decisions[0].owner, 'a');
  });

  it('an empty record file is a finding on that file', () => {
    const { findings, model } = load({ 'docs/adr/0001-a.md': '# A\n\nStatus: accepted\n', 'docs/adr/0002-empty.md': ' \n', 'docs/assumptions/a.yaml': '' });
    const onFiles = findings.filter((f) => f.code === 'record.schema').map((f) => [f.path, /is empty/.test(f.message)]);
    assert.deepEqual(onFiles, [
      ['docs/adr/0002-empty.md', true],
      ['docs/assumptions/a.yaml', true],
    ]);
    assert.equal(model.index.decisions.length, 1);
  });

  it('a parser failing on one file becomes a finding on that file; the run goes on', () => {
    const paths = ['docs/adr/0001-a.md', 'docs/adr/0002-b.md', 'docs/assumptions/a.yaml', 'docs/assumptions/b.yaml'];
    const model = new WorkspaceModel(DEFAULT_CONFIG, detectLayout(paths, DEFAULT_CONFIG, { toolFolders: [] }));
    // An unforeseen defect: every String method call on these two files' text throws.
    const marker = 'EXPLODES-WHEN-READ';
    const methods = ['split', 'slice', 'indexOf', 'match', 'replace', 'charCodeAt', 'startsWith'] as const;
    const originals = methods.map((m) => String.prototype[m] as (...a: unknown[]) => unknown);
    const head = String.prototype.slice;
    methods.forEach((m, i) => {
      (String.prototype as unknown as Record<string, unknown>)[m] = function (this: string, ...args: unknown[]) {
        if (head.call(this, 0, 4096).includes(marker)) throw new Error('unreadable text');
        return originals[i].apply(this, args);
      };
    });
    try {
      model.update('docs/adr/0001-a.md', '# A\n\nStatus: accepted\n');
      model.update('docs/adr/0002-b.md', `# B ${marker}\n`);
      model.update('docs/assumptions/a.yaml', 'id: ASM-1\nstatement: Holds\n');
      model.update('docs/assumptions/b.yaml', `id: ASM-2\nstatement: ${marker}\n`);
    } finally {
      methods.forEach((m, i) => ((String.prototype as unknown as Record<string, unknown>)[m] = originals[i]));
    }
    const findings = model.findings(NOW);
    for (const path of ['docs/adr/0002-b.md', 'docs/assumptions/b.yaml']) {
      const on = findings.filter((f) => f.path === path && (f.code === 'record.schema' || f.code === 'record.yaml'));
      assert.equal(on.length, 1, path);
      assert.match(on[0].message, /unreadable text/);
    }
    assert.deepEqual(model.index.assumptions.map((a) => a.id), ['ASM-1']);
    assert.ok(model.index.decisions.some((d) => d.id === 'ADR-0001' && d.status === 'accepted'));
  });

  it('a record with a NUL after its first 8 KB, or mostly control characters, is a finding on that file', () => {
    const { findings, model } = load({
      'docs/adr/0001-a.md': `# A\n\nStatus: accepted\n${'x'.repeat(9000)}\u0000\n`,
      'docs/adr/0002-b.md': '\u0001\u0002\u0003\u0004'.repeat(100),
    });
    assert.deepEqual(
      findings.filter((f) => f.code === 'record.schema').map((f) => [f.path, /not a text file/.test(f.message)]),
      [
        ['docs/adr/0001-a.md', true],
        ['docs/adr/0002-b.md', true],
      ],
    );
    assert.equal(model.index.decisions.length, 0);
  });

  it('YAML keys that are collections print nothing on stderr (the YAML library would warn with the key text)', () => {
    const warned: unknown[] = [];
    const emitWarning = process.emitWarning;
    const consoleWarn = console.warn;
    process.emitWarning = ((warning: unknown) => void warned.push(warning)) as typeof process.emitWarning;
    console.warn = (...args: unknown[]) => void warned.push(args);
    try {
      const key = '? ["\\e]0;pwned\\a \u202e"]\n: x\n';
      load({
        'docs/adr/0001-a.md': `---\n${key}status: accepted\n---\n# A\n`,
        'docs/assumptions/a.yaml': `id: ASM-1\nstatement: S\n${key}`,
        'src/a.ts': '// ADR-0001\n',
      });
      parseConfigText(`exclude: []\n${key}`);
    } finally {
      process.emitWarning = emitWarning;
      console.warn = consoleWarn;
    }
    assert.deepEqual(warned, []);
  });

  it('makes terminal escapes, line breaks and bidi overrides inert', () => {
    assert.equal(inert('a\x1b[2Jb\x07c\rd\ne\u202ef\u009bg\th'), 'a\\u001b[2Jb\\u0007c\\u000dd\\u000ae\\u202ef\\u009bg\\u0009h');
    assert.equal(inert('Use PostgreSQL — “quoted” é'), 'Use PostgreSQL — “quoted” é');
  });
});

describe('hostile input: configurable limits', () => {
  it('maxRecords, maxReferencesPerFile and maxFindings stop growth and say so', () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) files[`docs/adr/${String(i).padStart(4, '0')}-r.md`] = `# ${i}. R\n\nStatus: accepted\n`;
    files['src/a.ts'] = Array.from({ length: 50 }, (_, i) => `// ADR-${9000 + i}`).join('\n');
    const { model, findings } = load(files, { maxRecords: 10, maxReferencesPerFile: 20, maxFindings: 15 });
    assert.equal(model.index.decisions.length, 10);
    assert.equal(model.index.referencesIn('src/a.ts').length, 20);
    assert.equal(findings.length, 15);
    const notices = model.limitNotices();
    assert.equal(notices.length, 3);
    assert.match(notices[0], /^2 record file\(s\) were left out after 10 \(maxRecords\): docs\/adr\/0011-r\.md, docs\/adr\/0012-r\.md/);
    assert.match(notices[1], /^1 code file\(s\) have more than 20 references \(maxReferencesPerFile\).*src\/a\.ts/);
    assert.match(notices[2], /more finding\(s\) were not reported after 15 \(maxFindings\)/);
    const unlimited = load(files);
    assert.deepEqual(unlimited.model.limitNotices(), []);
    assert.equal(unlimited.model.index.decisions.length, 12);
  });

  it('a removed record makes room under maxRecords', () => {
    const { model } = load({ 'docs/adr/0001-a.md': '# 1. A\n', 'docs/adr/0002-b.md': '# 2. B\n' }, { maxRecords: 1 });
    assert.deepEqual(model.index.decisions.map((d) => d.id), ['ADR-0001']);
    model.remove('docs/adr/0001-a.md');
    model.update('docs/adr/0002-b.md', '# 2. B\n');
    assert.deepEqual(model.index.decisions.map((d) => d.id), ['ADR-0002']);
    assert.deepEqual(model.limitNotices(), []);
  });
});
