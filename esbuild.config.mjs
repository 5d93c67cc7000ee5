// One build script: the CLI and the extension are bundled from src/ into dist/.
// `--production` minifies without source maps (what `npm run package` ships);
// type-checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
  legalComments: 'none',
  define: { PACKAGE_VERSION: JSON.stringify(version) },
};

const builds = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli/github-action.ts'], outfile: 'dist/action.js' },
  { entryPoints: ['scripts/generate-schemas.ts'], outfile: 'dist/generate-schemas.js' },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
];
// Test suites that run inside the extension host are bundled too (test/host/suite).
if (existsSync('test/host/suite/index.ts')) {
  builds.push({ entryPoints: ['test/host/suite/index.ts'], outfile: 'dist/test/host/index.js', external: ['vscode', 'mocha'] });
}

await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
