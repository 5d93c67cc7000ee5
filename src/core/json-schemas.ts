/**
 * JSON Schemas (draft-07) generated from the zod schemas, for editor validation of
 * decision front matter, assumption files and `.alignment.yaml`. `npm run schemas`
 * writes them to `schemas/`; a unit test fails when the committed files are stale.
 */
import { z } from 'zod';
import { reportSchema } from './report/report-schema';
import { assumptionFileSchema, configSchema, decisionFrontMatterSchema } from './schemas';

export interface GeneratedSchema {
  /** File name inside `schemas/`. */
  fileName: string;
  /** The file's full text: pretty-printed JSON with a trailing newline. */
  json: string;
}

const ID_BASE = 'urn:execution-alignment:schema:';

const TARGETS: { fileName: string; schema: z.core.$ZodType; title: string; description: string }[] = [
  {
    fileName: 'decision-frontmatter.schema.json',
    schema: decisionFrontMatterSchema,
    title: 'Decision record front matter',
    description: 'YAML front matter of an Execution Alignment / MADR 4 decision record. Other keys are allowed and ignored.',
  },
  {
    fileName: 'assumption.schema.json',
    schema: assumptionFileSchema,
    title: 'Assumption file',
    description: 'An Execution Alignment assumption, or a list of them under `assumptions:`.',
  },
  {
    fileName: 'alignment-config.schema.json',
    schema: configSchema,
    title: 'Execution Alignment configuration',
    description: 'Repository configuration for Execution Alignment (.alignment.yaml at a workspace folder root).',
  },
  {
    fileName: 'alignment-report.schema.json',
    schema: reportSchema,
    title: 'Alignment report',
    description: 'The output of `alignment report --format json`: what waits on whom, who owns what, assumption health, findings and how decisions evolved.',
  },
];

/** Generates the text of every schema file, in a stable order. Pure. */
export function generateJsonSchemas(): GeneratedSchema[] {
  return TARGETS.map(({ fileName, schema, title, description }) => {
    const generated = z.toJSONSchema(schema, {
      target: 'draft-7',
      io: 'input',
      unrepresentable: 'any',
      override: overrideDates,
    }) as Record<string, unknown>;
    delete generated.$schema;
    delete generated.description;
    const root = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `${ID_BASE}${fileName.replace(/\.schema\.json$/, '')}`,
      title,
      description,
      ...generated,
    };
    return { fileName, json: `${JSON.stringify(canonical(root), null, 2)}\n` };
  });
}

/**
 * Dates: YAML gives `2024-05-01` as text (or a timestamp under YAML 1.1), which zod
 * models as `string | Date`. JSON has no dates, so both become a `date`-formatted string.
 * Integers: zod bounds them by the safe-integer range; that bound says nothing to a user.
 */
function overrideDates(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const def = (ctx.zodSchema as { _zod?: { def?: { type?: string; options?: unknown[] } } })._zod?.def;
  const isDate = (s: unknown) => (s as { _zod?: { def?: { type?: string } } })._zod?.def?.type === 'date';
  const json = ctx.jsonSchema;
  if (def?.type === 'date' || (def?.type === 'union' && def.options?.some(isDate))) {
    const description = json.description;
    for (const key of Object.keys(json)) delete json[key];
    json.type = 'string';
    json.format = 'date';
    if (description !== undefined) json.description = description;
  }
  if (json.type === 'integer') {
    if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
    if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  }
}

/** The order keywords are written in; others follow alphabetically. Names under `properties` keep their order. */
const KEYWORD_ORDER = [
  '$schema', '$id', '$ref', 'title', 'description', 'type', 'format', 'pattern', 'enum', 'const',
  'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'anyOf', 'oneOf', 'allOf', 'not', 'items', 'properties', 'required', 'propertyNames', 'additionalProperties',
  'definitions', '$defs', 'default', 'examples',
];
const NAME_MAPS = new Set(['properties', 'definitions', '$defs', 'patternProperties']);

function canonical(value: unknown, namesOnly = false): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (namesOnly) return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  const rank = (k: string) => {
    const i = KEYWORD_ORDER.indexOf(k);
    return i < 0 ? KEYWORD_ORDER.length : i;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v, NAME_MAPS.has(k))]));
}
