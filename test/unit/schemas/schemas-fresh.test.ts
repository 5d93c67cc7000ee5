import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateJsonSchemas } from '../../../src/core/json-schemas';

const schemasDir = path.join(__dirname, '../../../schemas');

describe('JSON Schemas in schemas/', () => {
  const generated = generateJsonSchemas();

  it('generates the schema files', () => {
    assert.deepEqual(
      generated.map((g) => g.fileName),
      ['decision-frontmatter.schema.json', 'assumption.schema.json', 'alignment-config.schema.json', 'alignment-report.schema.json'],
    );
  });

  for (const { fileName, json } of generated) {
    it(`schemas/${fileName} is up to date`, () => {
      let committed: string | undefined;
      try {
        committed = readFileSync(path.join(schemasDir, fileName), 'utf8');
      } catch {
        committed = undefined;
      }
      assert.ok(committed !== undefined, `schemas/${fileName} is missing: run npm run schemas`);
      assert.ok(committed === json, `schemas/${fileName} is stale: run npm run schemas`);
    });
  }

  it('has no schema files that are no longer generated', () => {
    const names = new Set(generated.map((g) => g.fileName));
    const extra = readdirSync(schemasDir).filter((f) => f.endsWith('.json') && !names.has(f));
    assert.deepEqual(extra, [], 'schemas/ holds files that are no longer generated: remove them and run npm run schemas');
  });

  it('is deterministic and well-formed', () => {
    assert.deepEqual(generateJsonSchemas(), generated);
    for (const { fileName, json } of generated) {
      assert.ok(json.endsWith('}\n'), `${fileName} ends with a newline`);
      const schema = JSON.parse(json) as Record<string, unknown>;
      assert.deepEqual(Object.keys(schema).slice(0, 4), ['$schema', '$id', 'title', 'description']);
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
      // Dates are date-formatted strings; nothing is left unconstrained by an unrepresentable type.
      assert.ok(!json.includes('"anyOf": [\n        {\n          "type": "string"\n        },\n        {}'), `${fileName} has an empty date branch`);
    }
  });

  it('describes dates as date-formatted strings and keeps the strictness of the config', () => {
    const byName = Object.fromEntries(generated.map((g) => [g.fileName, JSON.parse(g.json)]));
    const assumption = byName['assumption.schema.json'].anyOf[0];
    assert.deepEqual(assumption.properties['validate-by'], { description: 'A date, YYYY-MM-DD.', type: 'string', format: 'date' });
    assert.deepEqual(assumption.required, ['id', 'statement']);
    const config = byName['alignment-config.schema.json'];
    assert.equal(config.additionalProperties, false);
    assert.deepEqual(config.properties.approvalOverdueDays, {
      description: 'Days after which a pending approval is overdue.',
      type: 'integer',
      minimum: 0,
    });
    assert.ok(config.properties.severity.propertyNames.enum.includes('ref.superseded'));
    assert.equal(byName['decision-frontmatter.schema.json'].properties.date.format, 'date');
  });
});
