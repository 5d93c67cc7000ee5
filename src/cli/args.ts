/**
 * Command-line parsing for `alignment` (DESIGN §5). Errors are UsageError: exit code 2
 * with a message that says what was wrong and how to get help.
 */
import { isCalendarDate } from '../core/decisions/dates';
import type { Severity } from '../core/findings';

export class UsageError extends Error {}

export type CheckFormat = (typeof CHECK_FORMATS)[number];
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;
export type ListFormat = 'text' | 'json';
export type ReportFormat = 'md' | 'html' | 'json';

export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'check'; dir: string; format: CheckFormat; failOn: Severity | 'none'; now?: string; base?: string }
  | { name: 'list'; dir: string; format: ListFormat }
  | { name: 'report'; dir: string; format: ReportFormat; out?: string; now?: string; tag?: string; owner?: string }
  | { name: 'explain'; path: string; dir: string; format: ListFormat; now?: string }
  | { name: 'new'; kind: 'decision' | 'assumption'; title: string; dir: string };

export const USAGE = `Usage:
  alignment check [dir] [--format text|json|sarif|github|gitlab] [--fail-on error|warning|information|none] [--base REF]
  alignment list  [dir] [--format text|json]
  alignment report [dir] [--format md|html|json] [--out FILE] [--tag TAG] [--owner WHO]
  alignment explain PATH [dir] [--format text|json]
  alignment new decision|assumption "Title" [dir]
  alignment --help | --version

Checks that code cites live decisions and valid assumptions.
  check   report findings; exit 1 when any is at or over --fail-on (default error)
  list    print the decisions, assumptions and code references found (with
          each record's status history from git, when there is one)
  report  the alignment report: approvals waiting, owners, assumption health, findings,
          how decisions evolved (md fits a CI job summary; html is one self-contained file)
  explain list what governs a file: decisions whose applies-to match it and the
          records its comments cite, with status, owner and what to do
  new     create the next decision record or a new assumption file (never overwrites)

Options:
  --format    output format (check: text, json, sarif, github, gitlab; list: text, json; report: md, html, json)
  --out       report: write to FILE instead of standard output (an existing FILE is replaced)
  --tag, --owner  report: only records with this tag / owned by this person
  --fail-on   lowest severity that fails the check (default: error)
  --now       the date to check against, YYYY-MM-DD (default: today)
  --base      check: report record numbers this branch shares with REF only
              (default: with every other local and remote-tracking branch)
  -h, --help  show this help

Exit codes: 0 nothing at or over --fail-on, 1 findings at or over it, 2 usage or configuration error.`;

const FAIL_ON = ['error', 'warning', 'information', 'none'] as const;

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { name: 'help', topic: positional[0] };
    if (arg === '-v' || arg === '--version') return { name: 'version' };
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (!['format', 'fail-on', 'now', 'base', 'out', 'tag', 'owner'].includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else if (arg.startsWith('-') && arg.length > 1) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  const [name, ...rest] = positional;
  if (!name) return { name: 'help' };
  const allowFlags = (...allowed: string[]) => {
    for (const flag of flags.keys()) if (!allowed.includes(flag)) throw new UsageError(`--${flag} does not apply to '${name}'`);
  };
  const oneDir = (args: string[]) => {
    if (args.length > 1) throw new UsageError(`unexpected argument '${args[1]}'`);
    return args[0] ?? '.';
  };
  switch (name) {
    case 'check': {
      allowFlags('format', 'fail-on', 'now', 'base');
      const format = choice(flags.get('format') ?? 'text', CHECK_FORMATS, 'format');
      const failOn = choice(flags.get('fail-on') ?? 'error', FAIL_ON, 'fail-on');
      return { name, dir: oneDir(rest), format, failOn, now: nowFlag(flags), base: flags.get('base') };
    }
    case 'report': {
      allowFlags('format', 'out', 'now', 'tag', 'owner');
      const format = choice(flags.get('format') ?? 'md', ['md', 'html', 'json'] as const, 'format');
      return { name, dir: oneDir(rest), format, out: flags.get('out'), now: nowFlag(flags), tag: flags.get('tag'), owner: flags.get('owner') };
    }
    case 'list': {
      allowFlags('format');
      return { name, dir: oneDir(rest), format: choice(flags.get('format') ?? 'text', ['text', 'json'] as const, 'format') };
    }
    case 'explain': {
      allowFlags('format', 'now');
      const [file, ...more] = rest;
      if (!file) throw new UsageError(`'explain' needs the path of a file, e.g. alignment explain src/db/pool.ts`);
      return { name, path: file, dir: oneDir(more), format: choice(flags.get('format') ?? 'text', ['text', 'json'] as const, 'format'), now: nowFlag(flags) };
    }
    case 'new': {
      allowFlags();
      const [kind, title, ...more] = rest;
      if (kind !== 'decision' && kind !== 'assumption') throw new UsageError(`'new' takes 'decision' or 'assumption', not '${kind ?? ''}'`);
      if (!title || !title.trim()) throw new UsageError(`'new ${kind}' needs a title, e.g. alignment new ${kind} "Use PostgreSQL"`);
      return { name, kind, title: title.trim(), dir: oneDir(more) };
    }
    case 'help':
      return { name: 'help', topic: rest[0] };
    default:
      throw new UsageError(`unknown command '${name}'`);
  }
}

function nowFlag(flags: ReadonlyMap<string, string>): string | undefined {
  const now = flags.get('now');
  if (now !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(now) && isCalendarDate(now))) throw new UsageError(`--now must be a calendar date YYYY-MM-DD, not '${now}'`);
  return now;
}

function choice<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
}
