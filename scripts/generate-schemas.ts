// Writes schemas/*.json from the zod schemas (`npm run schemas`). The committed files
// are checked by a unit test, which fails when they are stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateJsonSchemas } from '../src/core/json-schemas';

// Bundled to dist/generate-schemas.js; run directly from scripts/ as well: the root is one up.
const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'schemas');
mkdirSync(outDir, { recursive: true });
for (const { fileName, json } of generateJsonSchemas()) {
  const file = path.join(outDir, fileName);
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === json) {
    console.log(`schemas/${fileName} is up to date`);
  } else {
    writeFileSync(file, json);
    console.log(`wrote schemas/${fileName}`);
  }
}
