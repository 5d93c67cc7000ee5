/**
 * The report as GitHub-flavoured Markdown, fit for a CI job summary ($GITHUB_STEP_SUMMARY):
 * headings, tables and text bars only; no HTML, no images, no links built from workspace
 * text. Every piece of workspace text is escaped so that it renders as the text it is.
 * The command name and this layout are relied on by CI: change them deliberately.
 */
import { DECISION_STATUSES, ASSUMPTION_STATUSES } from '../model';
import { LEVEL_COLUMNS, type AlignmentReport, type RecordRef } from './report-model';
import { clip } from './svg';

const LIMIT = 25;

/**
 * Escapes Markdown and HTML syntax in workspace text, on one line: emphasis, links, code,
 * tables and tags render as the characters they are, and URLs do not become links.
 */
export function escapeMarkdown(text: string): string {
  return clip(String(text), 160)
    .replace(/[\\`*_[\]|~!]/g, (c) => `\\${c}`)
    .replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'))
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200b.`);
}

function code(text: string): string {
  // In a code span only backticks matter; table pipes still need escaping.
  const clean = String(text).replace(/[\r\n]+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|');
  return `\`${clean}\``;
}

function bar(value: number, max: number, width = 20): string {
  if (value <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((value / Math.max(1, max)) * width)));
}

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._\n';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}

function more(total: number): string {
  return total > LIMIT ? `\n_and ${total - LIMIT} more_\n` : '';
}

const who = (r: RecordRef) => (r.owner ? escapeMarkdown(r.owner) : '—');
const rec = (r: RecordRef) => `${escapeMarkdown(r.id)} ${escapeMarkdown(clip(r.title, 70))}`;

export function renderReportMarkdown(r: AlignmentReport): string {
  const t = r.totals;
  const out: string[] = [];
  const filter = Object.entries(r.filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${escapeMarkdown(String(v))}`)
    .join(', ');
  out.push(`## Alignment report — ${r.date}\n`);
  out.push(`${r.folders.map((f) => escapeMarkdown(f.name)).join(', ')}${filter ? ` · filtered by ${filter}` : ''}\n`);
  out.push(
    `**${t.decisions}** decisions · **${t.assumptions}** assumptions · **${t.pending}** waiting for approval · **${t.unowned}** without owner · **${t.findings}** findings · **${t.references}** code references\n`,
  );

  out.push('### What waits on whom\n');
  const ageMax = Math.max(...r.approvals.byAge.map((b) => b.decisions.length));
  out.push(table(['Waiting', 'Decisions', ''], r.approvals.byAge.map((b) => [b.label, String(b.decisions.length), bar(b.decisions.length, ageMax)])));
  const apMax = Math.max(0, ...r.approvals.byApprover.map((a) => a.decisions.length));
  out.push(
    table(
      ['Approver', 'Waiting', 'Oldest', ''],
      r.approvals.byApprover.slice(0, LIMIT).map((a) => [escapeMarkdown(a.approver), String(a.decisions.length), a.oldestDays === null ? '—' : `${a.oldestDays} d`, bar(a.decisions.length, apMax)]),
    ) + more(r.approvals.byApprover.length),
  );
  out.push('#### Oldest pending decisions\n');
  out.push(
    table(
      ['Decision', 'Waiting', 'On', 'Path'],
      r.oldestPending.map((d) => [rec(d), `${d.ageDays} d${d.overdue ? ' ⚠' : ''}`, d.waitingOn.map(escapeMarkdown).join(', ') || '—', code(d.path)]),
    ),
  );

  out.push('### Who owns what\n');
  out.push(
    table(
      ['Owner', 'Owns', 'Open', 'Awaiting their approval'],
      r.owners.slice(0, LIMIT).map((o) => [escapeMarkdown(o.owner), String(o.owned.length), String(o.open.length), String(o.pendingApproval.length)]),
    ) + more(r.owners.length),
  );
  out.push(`#### Records with no owner (${r.unowned.length})\n`);
  out.push(table(['Record', 'Status', 'Path'], r.unowned.slice(0, LIMIT).map((x) => [rec(x), x.status, code(x.path)])) + more(r.unowned.length));

  out.push('### Assumption health\n');
  const cells = (status: string) => LEVEL_COLUMNS.map((l) => String(r.assumptions.byImpact.find((c) => c.status === status && c.level === l)?.assumptions.length ?? 0));
  out.push(table(['Status \\ impact', ...LEVEL_COLUMNS], ASSUMPTION_STATUSES.map((s) => [s, ...cells(s)])));
  out.push('#### Unsound: invalidated or superseded, still relied on\n');
  out.push(table(['Assumption', 'Status', 'Relied on by', 'References'], r.assumptions.unsound.map((u) => [rec(u), u.status, u.reliedOnBy.map((d) => escapeMarkdown(d.id)).join(', ') || '—', String(u.references)])));
  out.push('#### Past validate-by\n');
  out.push(table(['Assumption', 'Validate by', 'Days past', 'Owner'], r.assumptions.pastValidateBy.map((p) => [rec(p), p.validateBy, String(p.daysPast), who(p)])));

  out.push('### Findings by code\n');
  const fMax = Math.max(0, ...r.findings.map((f) => f.count));
  out.push(table(['Code', 'Severity', 'Count', ''], r.findings.map((f) => [code(f.code), f.severity, String(f.count), bar(f.count, fMax)])));

  out.push('### How decisions evolved\n');
  const tl = r.timeline;
  out.push(
    tl.source === 'history'
      ? '_Status at the end of each period, from version-control history._\n'
      : tl.source === 'mixed'
        ? '_Status at the end of each period, from version-control history where known, else from record dates._\n'
        : '_No version-control history: decisions counted from their record date, with their current status._\n',
  );
  const statuses = DECISION_STATUSES.filter((s) => tl.periods.some((p) => p.counts[s] > 0));
  out.push(table(['Period', ...statuses], tl.periods.map((p) => [p.period, ...statuses.map((s) => String(p.counts[s]))])));
  if (tl.undated) out.push(`_${tl.undated} decisions with no date are not counted._\n`);

  out.push('### Relationships\n');
  const g = r.graph;
  const sup = g.edges.filter((e) => e.kind === 'supersedes');
  const rel = g.edges.filter((e) => e.kind === 'relies-on');
  out.push(`${g.nodes.length} linked records, ${sup.length} supersessions, ${rel.length} relied-on assumptions; ${g.isolated} records without links.\n`);
  const links = [
    ...sup.map((e) => [escapeMarkdown(g.nodes[e.to].id), 'superseded by', escapeMarkdown(g.nodes[e.from].id)]),
    ...rel.map((e) => [escapeMarkdown(g.nodes[e.from].id), 'relies on', `${escapeMarkdown(g.nodes[e.to].id)} (${g.nodes[e.to].status})`]),
  ];
  out.push(table(['Record', 'Link', 'Record'], links.slice(0, LIMIT)) + more(links.length));

  out.push('### Reviews due\n');
  out.push(table(['Record', 'Due', 'When', 'Owner'], r.reviewsDue.slice(0, LIMIT).map((d) => [rec(d), d.due, d.daysLeft < 0 ? `${-d.daysLeft} d overdue` : d.daysLeft === 0 ? 'today' : `in ${d.daysLeft} d`, who(d)])) + more(r.reviewsDue.length));
  return out.join('\n');
}
