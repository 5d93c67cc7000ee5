// `npm run hostile:scale -- [--scale N]`: the adversarial inputs of the unit suite
// (test/unit/hostile: linear-time parsing, bounded findings, deep nesting) made N times
// larger (default 10), each timed step bounded at N × 750 ms; prints every step's time.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--scale');
const scale = Number(at >= 0 && args[at + 1] ? args[at + 1] : '10');
if (!Number.isInteger(scale) || scale < 1) {
  console.error('usage: npm run hostile:scale -- [--scale N]');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mocha = path.join(root, 'node_modules/mocha/bin/mocha.js');
console.log(`hostile inputs ${scale} times larger than in the unit suite`);
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [mocha, '--no-config', '--require', 'test/unit/register-ts.js', '--timeout', '0', 'test/unit/hostile/linear-time.test.ts', 'test/unit/hostile/engine.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, HOSTILE_SCALE: String(scale), HOSTILE_REPORT: '1' } },
);
console.log(`hostile:scale: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
process.exit(result.status ?? 1);
