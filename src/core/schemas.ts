/**
 * zod schemas: the single source of truth for what a record's front matter, an
 * assumption file and `.alignment.yaml` may hold. `schemas/*.json` are generated from
 * these (`npm run schemas`); a unit test fails when they are stale.
 *
 * Schemas describe the input side and are lenient where real records are untidy
 * (a single string where a list is usual); unknown front matter keys (Docusaurus
 * `slug`, Jekyll `nav_order`) are allowed and ignored.
 *
 * Written with `zod/mini` (tree-shakable) and only the English messages, so the editor
 * bundle stays small.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { isCalendarDateText } from './decisions/dates';
import { ALL_FINDING_CODES } from './findings';
import { CADENCE_PATTERN } from './governance/cadence';
import { globProblem } from './glob';

z.config(en());

const describe = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

const text = z.string();
/** A date as YAML writes it: `2024-05-01` (kept as text) or a timestamp; a day that no calendar has (`2024-13-45`) is wrong. */
const dateText = describe(
  z.union([z.string().check(z.refine(isCalendarDateText, { message: 'is not a calendar date (YYYY-MM-DD)' })), z.date()]),
  'A date, YYYY-MM-DD.',
);
/**
 * A folder inside the workspace folder, written relative to it: absolute paths, drive
 * letters and paths climbing out with `..` are wrong (nothing is read or written outside).
 */
export function isWorkspaceRelativeFolder(folder: string): boolean {
  const text = folder.trim().replace(/\\/g, '/');
  if (text === '' || text.startsWith('/') || /^[A-Za-z]:/.test(text) || text.includes('\u0000')) return false;
  let depth = 0;
  for (const part of text.split('/')) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) return false;
  }
  return true;
}
const folderText = describe(
  z.string().check(z.refine(isWorkspaceRelativeFolder, { message: 'must be a folder inside the workspace folder, written relative to it' })),
  'A folder relative to the workspace folder, such as docs/adr.',
);
/** A glob (`src/**\/*.ts`) that compiles; `[z-a]` is reported at the field, not fatal. */
const globText = describe(
  z.string().check(z.superRefine((value, ctx) => {
    const problem = globProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `is not a usable glob: ${problem}`, input: value });
  })),
  'A glob such as src/payments/**.',
);
const oneOrMany = <T extends z.ZodMiniType>(item: T) => z.union([item, z.array(item)]);
const idText = describe(z.union([z.string(), z.number()]), 'A record id such as ADR-0005 or ASM-3.');

export const approvalStateSchema = z.enum(['approved', 'rejected', 'pending']);

export const approverSchema = z.union([
  describe(z.string(), 'A name or email; the approval is pending.'),
  z.looseObject({
    name: describe(z.string(), 'Name or email of the approver.'),
    state: describe(z.optional(approvalStateSchema), 'Defaults to pending.'),
    date: z.optional(dateText),
    comment: z.optional(text),
  }),
]);

export const decisionFrontMatterSchema = describe(
  z.looseObject({
    id: describe(z.optional(idText), 'Record id; defaults to the number in the file name.'),
    title: z.optional(text),
    status: describe(z.optional(text), 'proposed, accepted, rejected, deprecated, superseded (free text is normalised).'),
    date: z.optional(dateText),
    owner: describe(z.optional(text), 'Who owns the decision (name or email).'),
    approvers: z.optional(z.array(approverSchema)),
    'decision-makers': z.optional(oneOrMany(text)),
    deciders: z.optional(oneOrMany(text)),
    consulted: z.optional(oneOrMany(text)),
    informed: z.optional(oneOrMany(text)),
    'review-by': z.optional(dateText),
    reviewed: describe(z.optional(dateText), 'When the decision was last reviewed; reviewEvery counts from here.'),
    supersedes: z.optional(oneOrMany(idText)),
    'superseded-by': z.optional(oneOrMany(idText)),
    assumptions: z.optional(oneOrMany(idText)),
    tags: z.optional(oneOrMany(text)),
    'applies-to': describe(z.optional(oneOrMany(globText)), 'Globs of the code this decision governs.'),
  }),
  'Front matter of an Execution Alignment / MADR 4 decision record.',
);

export const assumptionStatusSchema = z.enum(['active', 'validated', 'invalidated', 'superseded', 'retired']);
export const levelSchema = z.enum(['low', 'medium', 'high']);

export const assumptionSchema = z.looseObject({
  id: idText,
  statement: text,
  owner: z.optional(text),
  status: describe(z.optional(assumptionStatusSchema), 'Defaults to active.'),
  confidence: z.optional(levelSchema),
  impact: z.optional(levelSchema),
  'validate-by': z.optional(dateText),
  evidence: z.optional(text),
  supersedes: z.optional(oneOrMany(idText)),
  'superseded-by': z.optional(oneOrMany(idText)),
  decisions: z.optional(oneOrMany(idText)),
  tags: z.optional(oneOrMany(text)),
});

export const assumptionFileSchema = describe(
  z.union([assumptionSchema, z.looseObject({ assumptions: z.array(assumptionSchema) })]),
  'An assumption, or a list of them under `assumptions:`.',
);

const severitySetting = z.enum(['error', 'warning', 'information', 'hint', 'off']);

export const configSchema = describe(
  z.strictObject({
    decisionFolders: describe(z.optional(z.array(folderText)), 'Folders (relative to the workspace folder) holding decision records. Empty: detected.'),
    assumptionFolders: describe(z.optional(z.array(folderText)), 'Folders holding assumption YAML files.'),
    decisionPrefix: describe(z.optional(z.string().check(z.regex(/^[A-Za-z]+$/))), 'Id prefix of decisions (default ADR).'),
    assumptionPrefix: describe(z.optional(z.string().check(z.regex(/^[A-Za-z]+$/))), 'Id prefix of assumptions (default ASM).'),
    exclude: describe(z.optional(z.array(globText)), 'Globs of files and folders not to scan for references.'),
    severity: describe(
      z.optional(z.partialRecord(z.enum(ALL_FINDING_CODES as [string, ...string[]]), severitySetting)),
      'Severity per finding code, or off.',
    ),
    approvalOverdueDays: describe(z.optional(z.int().check(z.minimum(0))), 'Days after which a pending approval is overdue.'),
    allowAnyApprover: describe(z.optional(z.boolean()), 'Let anyone approve or reject, not only named approvers.'),
    maxFileSizeKb: describe(z.optional(z.int().check(z.minimum(1))), 'Files larger than this are not scanned for references.'),
    reviewEvery: describe(
      z.optional(z.string().check(z.regex(CADENCE_PATTERN))),
      'Review cadence: an accepted decision without review-by is due this long after it was accepted or last reviewed (180d, 12w, 6m, 1y).',
    ),
    validateEvery: describe(
      z.optional(z.string().check(z.regex(CADENCE_PATTERN))),
      'Validation cadence: an active assumption without validate-by is due this long after it was recorded or validated (90d, 6m).',
    ),
    maxRecords: describe(z.optional(z.int().check(z.minimum(1))), 'Record files indexed at most (default 20000); more are left out with a message.'),
    maxReferencesPerFile: describe(z.optional(z.int().check(z.minimum(1))), 'References kept per code file (default 2000); more are dropped with a message.'),
    maxFindings: describe(z.optional(z.int().check(z.minimum(1))), 'Findings reported at most (default 20000); more are counted with a message.'),
  }),
  'Execution Alignment repository configuration (.alignment.yaml).',
);

export type DecisionFrontMatter = z.infer<typeof decisionFrontMatterSchema>;
export type AssumptionInput = z.infer<typeof assumptionSchema>;
export type ConfigInput = z.infer<typeof configSchema>;
