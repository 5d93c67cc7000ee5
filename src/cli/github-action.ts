/**
 * The GitHub Action's check step (action.yml runs it as dist/action.js): one check of
 * the checkout, then
 * - workflow annotations on stdout (the runner shows them on the pull request),
 * - SARIF written for github/codeql-action/upload-sarif (the next step, when asked),
 * - the job summary appended to $GITHUB_STEP_SUMMARY: a headline with the finding counts,
 *   then the report `alignment report --format md` prints for the folder,
 * - outputs in $GITHUB_OUTPUT: findings, errors, warnings, notes, sarif-file, failed.
 * It exits 0 when the check ran, so the upload still happens; action.yml's last step
 * fails the job when `failed` is true. Exit 2: bad inputs or configuration.
 */
import { appendFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { atOrAbove, type Finding, type Severity } from '../core/findings';
import { applyBranches, applyHistory } from '../node/git-facts';
import { loadWorkspace } from '../node/load-workspace';
import { formatGithub, workflowCommand } from './ci-formats';
import { summarise, summaryLine } from './format-findings';
import { toOneBased } from './positions';
import { reportOutput } from './report';
import { formatSarif } from './sarif';

declare const PACKAGE_VERSION: string;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0';

const FAIL_ON = ['error', 'warning', 'information', 'none'] as const;

class InputError extends Error {}

/** An input as the runner passes it (`INPUT_FAIL-ON`), or as a composite step's env maps it (`INPUT_FAIL_ON`). */
function input(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  const value = (env[key] ?? env[key.replace(/-/g, '_')])?.trim();
  return value ? value : fallback;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = input(env, name, String(fallback)).toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(`input ${name} must be true or false, not '${value}'`);
}

function log(out: NodeJS.WritableStream, line: string): void {
  out.write(line + '\n');
}

/** An error annotation (a workflow command), inert and escaped. */
function errorCommand(message: string, properties: Record<string, string | number> = {}): string {
  return workflowCommand('error', Object.entries({ title: 'Execution Alignment', ...properties }), message);
}

export async function runAction(env: NodeJS.ProcessEnv = process.env, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  try {
    const workspace = env.GITHUB_WORKSPACE;
    if (!workspace) throw new InputError('GITHUB_WORKSPACE is not set: this runs as a step of a GitHub Actions job');
    const dir = nodePath.resolve(workspace, input(env, 'path', '.'));
    const failOn = input(env, 'fail-on', 'error');
    if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new InputError(`input fail-on must be one of ${FAIL_ON.join(', ')}, not '${failOn}'`);
    const annotate = flag(env, 'annotations', true);
    const summary = flag(env, 'summary', true);
    const sarifFile = nodePath.resolve(workspace, input(env, 'sarif-file', nodePath.join(env.RUNNER_TEMP || workspace, 'alignment.sarif')));

    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`input path names ${dir}, which is not a directory of the checkout`);
    const ws = await loadWorkspace(dir);
    if (ws.configProblems.length) {
      const file = ws.configFile ?? '.alignment.yaml';
      for (const p of ws.configProblems) {
        const r = toOneBased(p.range);
        log(out, errorCommand(p.message, { title: 'Invalid configuration', file: nodePath.relative(workspace, nodePath.join(dir, file)).split(nodePath.sep).join('/'), line: r.startLine, col: r.startColumn }));
      }
      return 2;
    }
    // As `alignment check` does: other branches' record numbers, and git history for review cadences.
    await applyBranches(ws, undefined);
    if (ws.config.reviewEvery || ws.config.validateEvery) await applyHistory(ws);
    // Code scanning and annotations want paths relative to the repository root.
    const prefix = nodePath.relative(workspace, dir).split(nodePath.sep).join('/');
    const rebase = (path: string) => (prefix ? `${prefix}/${path}` : path);
    const findings: Finding[] = ws.model
      .findings(new Date(), ws.files)
      .map((f) => ({ ...f, path: rebase(f.path), related: f.related.map((r) => ({ ...r, path: rebase(r.path) })) }));

    mkdirSync(nodePath.dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, formatSarif(findings, VERSION, workspace) + '\n');
    if (annotate && findings.length) log(out, formatGithub(findings));
    const counts = summarise(findings);
    const failed = failOn !== 'none' && findings.some((f) => atOrAbove(f.severity, failOn as Severity));
    if (summary && env.GITHUB_STEP_SUMMARY) {
      // The report as `alignment report --format md` prints it, which reads git history for its timeline.
      if (!(ws.config.reviewEvery || ws.config.validateEvery)) await applyHistory(ws);
      const headline = `**Execution Alignment check:** ${summaryLine(counts)}; ${failed ? `fails on ${failOn}` : 'passes'}.\n\n`;
      appendFileSync(env.GITHUB_STEP_SUMMARY, headline + reportOutput(ws, 'md', new Date(), {}) + '\n');
    }
    const outputs = {
      findings: findings.length,
      errors: counts.error,
      warnings: counts.warning,
      notes: counts.information + counts.hint,
      'sarif-file': sarifFile,
      failed,
    };
    if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
    log(out, `Execution Alignment: ${findings.length} findings (${counts.error} errors, ${counts.warning} warnings); ${failed ? `fails on ${failOn}` : 'passes'}.`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      log(out, errorCommand(error.message));
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  runAction().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      log(process.stdout, errorCommand(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      process.exitCode = 2;
    },
  );
}
