/**
 * The `alignment` CLI: the same engine as the extension, for CI and terminals.
 * Exit codes: 0 nothing at or over --fail-on, 1 findings at or over it, 2 usage or
 * configuration error.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { atOrAbove } from '../core/findings';
import { governingRecords } from '../core/governance/governing';
import { applyBranches, applyHistory } from '../node/git-facts';
import { readBranchRefs, type BranchRefs } from '../node/git-branches';
import { inert } from '../core/inert-text';
import { unreadableFolders, whyUnreadable } from '../node/readable-folders';
import { loadWorkspace, type LoadedWorkspace } from '../node/load-workspace';
import { parseArgs, USAGE, UsageError, type Command } from './args';
import { formatGithub, formatGitlab } from './ci-formats';
import { explainJson, explainText } from './format-explain';
import { formatJson, formatText, summarise, summaryLine } from './format-findings';
import { formatSarif } from './sarif';
import { listJson, listText } from './format-list';
import { ExistsError, newAssumption, newDecision } from './new-record';
import { reportOutput } from './report';
import { toOneBased } from './positions';

declare const PACKAGE_VERSION: string;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0';

class ConfigError extends Error {}

export async function main(argv: readonly string[], out = process.stdout, err = process.stderr): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`alignment: ${inert(error.message)}\nRun 'alignment --help' for usage.\n`);
      return 2;
    }
    throw error;
  }
  try {
    switch (command.name) {
      case 'help':
        out.write(USAGE + '\n');
        return 0;
      case 'version':
        out.write(VERSION + '\n');
        return 0;
      case 'check': {
        // The refs are read by git while the scan runs (they need no listing), started
        // once the scanner is running so that git does not delay it.
        let refs: Promise<BranchRefs> | undefined;
        const readRefs = () => (refs ??= readBranchRefs(nodePath.resolve(command.dir), command.base));
        const ws = await load(command.dir, readRefs);
        const now = clock(command.now);
        const branches = await applyBranches(ws, command.base, readRefs());
        if (command.base !== undefined && !branches.available && branches.reason !== 'unknown-ref') {
          throw new ConfigError(`--base ${command.base}: ${branches.reason === 'no-git' ? 'git was not found' : 'this folder is not in a git repository'}`);
        }
        if (!branches.available && branches.reason === 'unknown-ref') throw new ConfigError(`--base ${command.base}: no such branch or commit here (fetch it first, e.g. git fetch origin ${(command.base ?? "").replace(/^origin\//, '')})`);
        // The review cadence counts from when a decision was accepted: ask git.
        if (ws.config.reviewEvery || ws.config.validateEvery) await applyHistory(ws);
        const findings = ws.model.findings(now, ws.files);
        for (const notice of ws.model.limitNotices()) err.write(`alignment: ${inert(notice)}\n`);
        if (command.format === 'json') out.write(formatJson(findings) + '\n');
        else if (command.format === 'sarif') out.write(formatSarif(findings, VERSION, ws.root) + '\n');
        else if (command.format === 'gitlab') out.write(formatGitlab(findings) + '\n');
        else if (command.format === 'github') {
          if (findings.length) out.write(formatGithub(findings) + '\n');
          err.write(summaryLine(summarise(findings)) + '\n');
        } else {
          if (findings.length) out.write(formatText(findings) + '\n');
          err.write(summaryLine(summarise(findings)) + '\n');
        }
        const failOn = command.failOn;
        return failOn !== 'none' && findings.some((f) => atOrAbove(f.severity, failOn)) ? 1 : 0;
      }
      case 'list': {
        const ws = await load(command.dir);
        const history = await applyHistory(ws);
        out.write((command.format === 'json' ? listJson(ws.model.index, history) : listText(ws.model.index, history)) + '\n');
        return 0;
      }
      case 'explain': {
        const ws = await load(command.dir);
        const path = workspacePath(ws.root, command.path);
        await applyHistory(ws);
        const governing = governingRecords(ws.model.index, path, ws.config, clock(command.now));
        out.write((command.format === 'json' ? explainJson(path, governing) : explainText(path, governing, ws.files.includes(path))) + '\n');
        return 0;
      }
      case 'report': {
        const ws = await load(command.dir);
        // Decisions by status over time and waiting times come from git history when there is one.
        await applyHistory(ws);
        const now = command.now ? new Date(`${command.now}T12:00:00Z`) : new Date();
        const outFile = command.out ? nodePath.resolve(command.out) : undefined;
        const text = reportOutput(ws, command.format, now, { tag: command.tag, owner: command.owner }, outFile);
        if (outFile) {
          const temp = `${outFile}.${process.pid}.tmp`;
          await fs.writeFile(temp, text);
          await fs.rename(temp, outFile);
          err.write(`Wrote the alignment report to ${command.out}\n`);
        } else out.write(text);
        return 0;
      }
      case 'new': {
        const ws = await load(command.dir);
        const created = command.kind === 'decision' ? await newDecision(ws, command.title, new Date().toISOString().slice(0, 10)) : await newAssumption(ws, command.title);
        out.write(`Created ${inert(created.id)}: ${inert(created.path)}\n`);
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ExistsError) {
      err.write(`alignment: ${error.message.split('\n').map(inert).join('\n')}\n`);
      return 2;
    }
    throw error;
  }
}

function clock(now: string | undefined): Date {
  return now ? new Date(`${now}T12:00:00Z`) : new Date();
}

/** A path as given (relative to the current directory, or to the workspace folder) → workspace-relative. */
function workspacePath(root: string, given: string): string {
  const absolute = nodePath.resolve(given);
  const relative = nodePath.relative(root, absolute);
  const inside = relative && !relative.startsWith('..') && !nodePath.isAbsolute(relative);
  return (inside ? relative : given).split(nodePath.sep).join('/').replace(/^\.\//, '');
}

async function load(dir: string, onScanStarted?: () => void): Promise<LoadedWorkspace> {
  const root = nodePath.resolve(dir);
  const unreadableRoot = await whyUnreadable(root);
  if (unreadableRoot) throw new ConfigError(`cannot read ${dir} (${unreadableRoot}): nothing can be checked`);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat) throw new ConfigError(`no such directory: ${dir}`);
  if (!stat.isDirectory()) throw new ConfigError(`not a directory: ${dir}`);
  const ws = await loadWorkspace(root, { onScanStarted });
  if (ws.configProblems.length) {
    const file = ws.configFile ?? ".alignment.yaml";
    const lines = ws.configProblems.map((p) => {
      const r = toOneBased(p.range);
      return `${file}:${r.startLine}:${r.startColumn}: error ${p.code} ${p.message}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const unreadable = await unreadableFolders(root, ws);
  if (unreadable.length) {
    throw new ConfigError(unreadable.map((u) => `cannot read the record folder ${u.folder} (${u.reason}): its records would be missing from the result`).join('\n'));
  }
  return ws;
}

if (require.main === module) {
  // A reader that stops early (`alignment check | head`) closes the pipe: the rest of the
  // output goes nowhere, and the run still ends with its own exit code (for pipefail).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`alignment: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
