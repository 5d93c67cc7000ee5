// Rewrites the README's findings reference from src/core/finding-docs.ts (`npm run docs`).
// A unit test fails when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FINDINGS_REFERENCE_END, FINDINGS_REFERENCE_START, renderFindingsReference } from '../src/core/finding-docs';

const readme = path.resolve(__dirname, '..', 'README.md');
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(FINDINGS_REFERENCE_START);
const end = text.indexOf(FINDINGS_REFERENCE_END);
if (start < 0 || end < start) {
  console.error(`README.md has no findings reference markers (${FINDINGS_REFERENCE_START} … ${FINDINGS_REFERENCE_END})`);
  process.exit(1);
}
const next = text.slice(0, start) + renderFindingsReference() + text.slice(end + FINDINGS_REFERENCE_END.length);
if (next === text) console.log('README.md findings reference is up to date');
else {
  writeFileSync(readme, next);
  console.log('wrote the findings reference in README.md');
}
