/**
 * The schema of `alignment report --format json` (schemas/alignment-report.schema.json is
 * generated from it). The type check at the bottom keeps it and AlignmentReport in step.
 */
import * as z from 'zod/mini';
import { ALL_FINDING_CODES } from '../findings';
import { ASSUMPTION_STATUSES, DECISION_STATUSES } from '../model';
import type { AlignmentReport } from './report-model';

const describe = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

const assumptionStatus = z.enum(ASSUMPTION_STATUSES as [string, ...string[]]);
const level = z.enum(['high', 'medium', 'low', 'unset']);
const date = describe(z.string(), 'A date, YYYY-MM-DD.');
const nullableInt = z.nullable(z.int());
const perStatus = <T extends z.ZodMiniType>(value: T) => z.object(Object.fromEntries(DECISION_STATUSES.map((s) => [s, value])) as Record<string, T>);

const recordShape = {
  folder: describe(z.string(), 'Key of the workspace folder the record belongs to (see `folders`).'),
  id: z.string(),
  kind: z.enum(['decision', 'assumption']),
  title: describe(z.string(), "The decision's title or the assumption's statement."),
  status: z.string(),
  path: describe(z.string(), 'Path relative to the workspace folder, with / separators.'),
  line: describe(z.int(), '0-based line of the record definition.'),
  owner: z.nullable(z.string()),
};
const record = z.object(recordShape);
const waiting = z.object({
  ...recordShape,
  since: describe(z.nullable(date), 'The date the wait is counted from.'),
  ageDays: nullableInt,
  overdue: z.boolean(),
  waitingOn: describe(z.array(z.string()), 'Approvers who have not answered, as written.'),
});
const cell = z.object({ status: assumptionStatus, level, assumptions: z.array(record) });

export const reportSchema = describe(
  z.object({
    version: z.literal(1),
    date,
    folders: z.array(z.object({ key: z.string(), name: z.string() })),
    filter: z.object({ folder: z.optional(z.string()), tag: z.optional(z.string()), owner: z.optional(z.string()) }),
    facets: z.object({ folders: z.array(z.string()), tags: z.array(z.string()), owners: z.array(z.string()) }),
    totals: z.object({ decisions: z.int(), assumptions: z.int(), references: z.int(), findings: z.int(), pending: z.int(), unowned: z.int() }),
    decisionsByStatus: perStatus(z.int()),
    approvals: z.object({
      byAge: z.array(z.object({ label: z.string(), minDays: nullableInt, maxDays: nullableInt, decisions: z.array(waiting) })),
      byApprover: z.array(z.object({ approver: z.string(), decisions: z.array(waiting), oldestDays: nullableInt })),
    }),
    owners: z.array(z.object({ owner: z.string(), owned: z.array(record), open: z.array(record), pendingApproval: z.array(record) })),
    assumptions: z.object({
      byImpact: z.array(cell),
      byConfidence: z.array(cell),
      pastValidateBy: z.array(z.object({ ...recordShape, validateBy: date, daysPast: z.int() })),
      unsound: z.array(z.object({ ...recordShape, reliedOnBy: z.array(record), references: z.int() })),
    }),
    findings: z.array(
      z.object({
        code: z.enum(ALL_FINDING_CODES as [string, ...string[]]),
        severity: z.enum(['error', 'warning', 'information', 'hint']),
        summary: z.string(),
        count: z.int(),
        locations: z.array(z.object({ folder: z.string(), path: z.string(), line: describe(z.int(), '0-based line.'), message: z.string(), recordId: z.nullable(z.string()) })),
      }),
    ),
    timeline: z.object({
      source: z.enum(['history', 'dates', 'mixed']),
      granularity: z.enum(['year', 'month']),
      periods: z.array(z.object({ period: z.string(), counts: perStatus(z.int()), members: describe(perStatus(z.array(z.int())), 'Indexes into timeline.decisions.') })),
      decisions: z.array(record),
      undated: z.int(),
    }),
    graph: z.object({
      nodes: z.array(record),
      edges: z.array(
        z.object({
          from: describe(z.int(), 'Index into nodes: the newer record (supersedes) or the decision (relies-on).'),
          to: describe(z.int(), 'Index into nodes: the older record or the assumption.'),
          kind: z.enum(['supersedes', 'relies-on']),
        }),
      ),
      isolated: z.int(),
    }),
    oldestPending: z.array(waiting),
    unowned: z.array(record),
    reviewsDue: z.array(z.object({ ...recordShape, due: date, daysLeft: describe(z.int(), 'Negative when overdue.') })),
  }),
  'The alignment report (alignment report --format json).',
);

// Compile-time check: every report the model builds fits the schema.
type Fits<T extends z.output<typeof reportSchema>> = T;
export type ReportFitsSchema = Fits<AlignmentReport>;
