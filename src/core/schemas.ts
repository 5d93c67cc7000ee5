/**
 * zod schemas: the single source of truth for what a record's front matter, an
 * assumption file and `.alignment.yaml` may hold. `schemas/*.json` are generated from
 * these (`npm run schemas`); a unit test fails when they are stale.
 *
 * Schemas describe the input side and are lenient where real records are untidy
 * (a single string where a list is usual); unknown front matter keys (Docusaurus
 * `slug`, Jekyll `nav_order`) are allowed and ignored.
 */
import { z } from 'zod';
import { ALL_FINDING_CODES } from './findings';

const text = z.string();
/** A date as YAML writes it: `2024-05-01` (kept as text) or a timestamp. */
const dateText = z.union([z.string(), z.date()]).describe('A date, YYYY-MM-DD.');
const oneOrMany = (item: z.ZodTypeAny) => z.union([item, z.array(item)]);
const idText = z.union([z.string(), z.number()]).describe('A record id such as ADR-0005 or ASM-3.');

export const approvalStateSchema = z.enum(['approved', 'rejected', 'pending']);

export const approverSchema = z.union([
  z.string().describe('A name or email; the approval is pending.'),
  z
    .object({
      name: text.describe('Name or email of the approver.'),
      state: approvalStateSchema.optional().describe('Defaults to pending.'),
      date: dateText.optional(),
      comment: text.optional(),
    })
    .loose(),
]);

export const decisionFrontMatterSchema = z
  .object({
    id: idText.optional().describe('Record id; defaults to the number in the file name.'),
    title: text.optional(),
    status: text.optional().describe('proposed, accepted, rejected, deprecated, superseded (free text is normalised).'),
    date: dateText.optional(),
    owner: text.optional().describe('Who owns the decision (name or email).'),
    approvers: z.array(approverSchema).optional(),
    'decision-makers': oneOrMany(text).optional(),
    deciders: oneOrMany(text).optional(),
    consulted: oneOrMany(text).optional(),
    informed: oneOrMany(text).optional(),
    'review-by': dateText.optional(),
    supersedes: oneOrMany(idText).optional(),
    'superseded-by': oneOrMany(idText).optional(),
    assumptions: oneOrMany(idText).optional(),
    tags: oneOrMany(text).optional(),
    'applies-to': oneOrMany(text).optional().describe('Globs of the code this decision governs.'),
  })
  .loose()
  .describe('Front matter of an Execution Alignment / MADR 4 decision record.');

export const assumptionStatusSchema = z.enum(['active', 'validated', 'invalidated', 'superseded', 'retired']);
export const levelSchema = z.enum(['low', 'medium', 'high']);

export const assumptionSchema = z
  .object({
    id: idText,
    statement: text,
    owner: text.optional(),
    status: assumptionStatusSchema.optional().describe('Defaults to active.'),
    confidence: levelSchema.optional(),
    impact: levelSchema.optional(),
    'validate-by': dateText.optional(),
    evidence: text.optional(),
    supersedes: oneOrMany(idText).optional(),
    'superseded-by': oneOrMany(idText).optional(),
    decisions: oneOrMany(idText).optional(),
    tags: oneOrMany(text).optional(),
  })
  .loose();

export const assumptionFileSchema = z
  .union([assumptionSchema, z.object({ assumptions: z.array(assumptionSchema) }).loose()])
  .describe('An assumption, or a list of them under `assumptions:`.');

const severitySetting = z.enum(['error', 'warning', 'information', 'hint', 'off']);

export const configSchema = z
  .object({
    decisionFolders: z
      .array(text)
      .optional()
      .describe('Folders (relative to the workspace folder) holding decision records. Empty: detected.'),
    assumptionFolders: z.array(text).optional().describe('Folders holding assumption YAML files.'),
    decisionPrefix: text.regex(/^[A-Za-z]+$/).optional().describe('Id prefix of decisions (default ADR).'),
    assumptionPrefix: text.regex(/^[A-Za-z]+$/).optional().describe('Id prefix of assumptions (default ASM).'),
    exclude: z.array(text).optional().describe('Globs of files and folders not to scan for references.'),
    severity: z
      .partialRecord(z.enum(ALL_FINDING_CODES as [string, ...string[]]), severitySetting)
      .optional()
      .describe('Severity per finding code, or off.'),
    approvalOverdueDays: z.number().int().min(0).optional().describe('Days after which a pending approval is overdue.'),
    allowAnyApprover: z.boolean().optional().describe('Let anyone approve or reject, not only named approvers.'),
    maxFileSizeKb: z.number().int().min(1).optional().describe('Files larger than this are not scanned for references.'),
  })
  .strict()
  .describe('Execution Alignment repository configuration (.alignment.yaml).');

export type DecisionFrontMatter = z.infer<typeof decisionFrontMatterSchema>;
export type AssumptionInput = z.infer<typeof assumptionSchema>;
export type ConfigInput = z.infer<typeof configSchema>;
