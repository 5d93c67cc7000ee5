// `npm run fuzz -- [--cases N] [--seed S]`: the seeded property test of the unit suite
// (test/unit/hostile/fuzz.test.ts) with more cases; prints the case count and failures.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const cases = Number(option('cases', '20000'));
const seed = Number(option('seed', String(Date.now() % 2147483647)));
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--cases N] [--seed S]');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mocha = path.join(root, 'node_modules/mocha/bin/mocha.js');
console.log(`fuzz: ${cases} cases, seed ${seed} (rerun a failure with --seed ${seed})`);
const result = spawnSync(
  process.execPath,
  [mocha, '--no-config', '--require', 'test/unit/register-ts.js', '--timeout', '0', 'test/unit/hostile/fuzz.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_CASES: String(cases), FUZZ_SEED: String(seed), FUZZ_REPORT: '1' } },
);
process.exit(result.status ?? 1);
