// The GitHub Action (action.yml at the repository root), run locally the way the runner
// runs a composite action: each `run` step in bash with the environment GitHub sets
// (GITHUB_WORKSPACE, GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP,
// the step's env with its ${{ }} expressions evaluated), `if:` conditions evaluated, and
// `uses` steps recorded with their inputs (the upload's SARIF file is then validated).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { validateSarif } from './sarif-validator';

const root = path.resolve(__dirname, '../../..');
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));

interface Step {
  id?: string;
  name: string;
  if?: string;
  run?: string;
  uses?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface ActionRun {
  failed: boolean;
  stdout: string;
  summary: string;
  outputs: Record<string, Record<string, string>>;
  uses: { uses: string; with: Record<string, string> }[];
  ran: string[];
}

/** Runs action.yml's steps with `inputs` (defaults from action.yml) on `workspace`. */
function runAction(workspace: string, inputs: Record<string, string>, temp: string): ActionRun {
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries<{ default?: string }>(action.inputs)) values[name] = inputs[name] ?? String(spec.default ?? '');
  const outputs: Record<string, Record<string, string>> = {};
  const summaryFile = path.join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const expression = (text: string): string => {
    const ref = text.trim();
    let m: RegExpMatchArray | null;
    if ((m = ref.match(/^inputs\.([\w-]+)$/))) return values[m[1]] ?? '';
    if ((m = ref.match(/^steps\.([\w-]+)\.outputs\.([\w-]+)$/))) return outputs[m[1]]?.[m[2]] ?? '';
    if (ref === 'github.action_path') return root;
    throw new Error(`this local runner does not evaluate \${{ ${ref} }}`);
  };
  const substitute = (text: string) => text.replace(/\$\{\{([^}]+)\}\}/g, (_, e: string) => expression(e));
  const condition = (text: string): boolean => {
    const m = text.trim().match(/^([\w.-]+) == '([^']*)'$/);
    if (!m) throw new Error(`this local runner does not evaluate if: ${text}`);
    return expression(m[1]) === m[2];
  };
  const result: ActionRun = { failed: false, stdout: '', summary: '', outputs, uses: [], ran: [] };
  for (const step of action.runs.steps as Step[]) {
    if (step.if && !condition(step.if)) continue;
    result.ran.push(step.name);
    if (step.uses) {
      result.uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v))])) });
      continue;
    }
    assert.equal(step.shell, 'bash', `${step.name} names its shell`);
    assert.ok(!/\$\{\{/.test(step.run!), `${step.name}: no expressions inside run (inputs go through env)`);
    const outputFile = path.join(temp, `output-${result.ran.length}`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: root,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: temp,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v))])),
    };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: workspace, env, encoding: 'utf8' });
    result.stdout += r.stdout;
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
    }
    if (r.status !== 0) {
      result.failed = true;
      break;
    }
  }
  result.summary = readFileSync(summaryFile, 'utf8');
  return result;
}

describe('the GitHub Action (action.yml), run locally', function () {
  this.timeout(10 * 60_000);
  let temp: string;
  let workspace: string;
  beforeEach(() => {
    assert.ok(existsSync(path.join(root, 'dist/action.js')), 'dist/action.js is missing: run `npm run build` first');
    temp = mkdtempSync(path.join(tmpdir(), 'alignment-action-'));
    workspace = path.join(temp, 'checkout');
    cpSync(path.join(root, 'test/fixtures/service'), workspace, { recursive: true });
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  it('annotates, writes SARIF and the job summary, uploads when asked, and fails on errors', () => {
    const run = runAction(workspace, { 'upload-sarif': 'true' }, temp);
    assert.equal(run.failed, true, 'the fixture has errors: the job fails');
    assert.deepEqual(run.ran, ['Build the alignment CLI (branch checkouts only)', 'Check decisions and assumptions', 'Upload SARIF to code scanning', 'Fail on findings at or over fail-on'], 'the upload runs before the job fails');
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
    assert.ok(annotations.includes('::warning file=cmd/api/main.go,line=10,col=27,endLine=10,endColumn=35,title=Reference to a superseded record (ref.superseded)::ADR-0003 "Use MySQL for orders" is superseded by ADR-0007 "Use PostgreSQL for orders"; update the reference to ADR-0007.'), run.stdout);
    assert.ok(annotations.some((l) => l.startsWith('::error file=internal/store/orders.go,line=8,')));
    const outputs = run.outputs.check;
    assert.equal(Number(outputs.findings), annotations.length);
    assert.equal(outputs.errors, '2');
    assert.equal(outputs.failed, 'true');
    assert.equal(outputs['sarif-file'], path.join(temp, 'alignment.sarif'));

    const [upload] = run.uses;
    assert.match(upload.uses, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(upload.with.sarif_file, outputs['sarif-file']);
    assert.equal(upload.with.category, 'execution-alignment');
    const sarif = readFileSync(upload.with.sarif_file, 'utf8');
    assert.equal(JSON.parse(sarif).runs[0].results.length, annotations.length);
    assert.deepEqual(validateSarif(sarif).filter((x) => x.level === 'error'), []);

    // The job summary: the check's headline, then the report `alignment report --format md` prints.
    assert.match(run.summary, /^\*\*Execution Alignment check:\*\* 2 errors, \d+ warnings, \d+ information in \d+ files; fails on error\.\n\n## Alignment report — \d{4}-\d\d-\d\d\n/);
    for (const section of ['What waits on whom', 'Who owns what', 'Assumption health', 'Findings by code', 'How decisions evolved', 'Relationships', 'Reviews due']) {
      assert.match(run.summary, new RegExp(`^### ${section}$`, 'm'), section);
    }
    assert.match(run.summary, /^\| `ref\.invalidated` \| error \| 2 \| █+ \|$/m, 'findings by code');
    assert.match(run.summary, /^\| ADR-0004 \| relies on \| ASM-2 \(invalidated\) \|$/m, 'relationships');
    const report = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'report', '--format', 'md', workspace], { encoding: 'utf8' });
    assert.equal(report.status, 0, report.stderr);
    assert.equal(run.summary.slice(run.summary.indexOf('## Alignment report')), report.stdout + '\n', 'the summary holds the report as the CLI prints it');
    assert.match(run.stdout, /::error title=Execution Alignment::findings at or over 'error'/);
  });

  it('does not upload unless asked, and passes with fail-on none', () => {
    const run = runAction(workspace, { 'fail-on': 'none' }, temp);
    assert.equal(run.failed, false);
    assert.deepEqual(run.uses, []);
    assert.equal(run.outputs.check.failed, 'false');
    assert.ok(existsSync(run.outputs.check['sarif-file']), 'the SARIF file is written for a later step anyway');
  });

  it('checks a sub-folder with paths relative to the repository root, and can skip annotations and summary', () => {
    const repo = path.join(temp, 'repo');
    mkdirSync(repo);
    cpSync(workspace, path.join(repo, 'services/orders'), { recursive: true });
    const run = runAction(repo, { path: 'services/orders', annotations: 'false', summary: 'false', 'sarif-file': 'out/alignment.sarif' }, temp);
    assert.ok(!/^::(warning|notice) /m.test(run.stdout), 'no annotations');
    assert.equal(run.summary, '');
    const sarifFile = path.join(repo, 'out/alignment.sarif');
    assert.equal(run.outputs.check['sarif-file'], sarifFile);
    const uris = JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.includes('services/orders/cmd/api/main.go'), uris.join(', '));
  });

  it('reports bad inputs and a bad configuration as errors of the step', () => {
    const bad = runAction(workspace, { 'fail-on': 'sometimes' }, temp);
    assert.equal(bad.failed, true);
    assert.match(bad.stdout, /::error title=Execution Alignment::input fail-on must be one of error, warning, information, none, not 'sometimes'/);
    writeFileSync(path.join(workspace, '.alignment.yaml'), 'severity:\n  ref.unknown: loud\n');
    const config = runAction(workspace, {}, temp);
    assert.equal(config.failed, true);
    assert.match(config.stdout, /^::error title=Invalid configuration,file=\.alignment\.yaml,line=2,col=\d+::/m);
  });

  it('the README workflow example uses this action with the inputs it declares', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const workflow = readme.match(/```yaml\n(# \.github\/workflows\/alignment\.yml\n[^]*?)```/);
    assert.ok(workflow, 'README.md has the workflow example');
    const steps = parse(workflow[1]).jobs.alignment.steps as { uses?: string; with?: Record<string, string> }[];
    // Not published: the example names the repository holding action.yml as a placeholder.
    const ours = steps.find((s) => s.uses === '<owner>/<repo>@<ref>');
    assert.ok(ours, 'the example uses the action from the repository that holds it');
    assert.deepEqual(steps.map((s) => s.uses), ['actions/checkout@v4', 'actions/setup-node@v4', '<owner>/<repo>@<ref>']);
    for (const name of Object.keys(ours.with ?? {})) assert.ok(name in action.inputs, `the example's input ${name} is declared in action.yml`);
    assert.equal(parse(workflow[1]).permissions['security-events'], 'write');
  });
});
