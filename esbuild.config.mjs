// One build script: the CLI and the extension are bundled from src/ into dist/.
// `--production` minifies without source maps (what `npm run package` ships);
// type-checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
// `--outdir DIR`: write the bundles there instead of dist/ (the bundle test builds aside).
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex >= 0 ? process.argv[outdirIndex + 1] : undefined;
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
  // yaml's ES module build (the same code as its CommonJS one) lets esbuild drop the
  // parts never imported: about 16 KB less in dist/extension.js, minified.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

// The report bundle (dist/report.js, loaded by the extension on first use) takes the
// extension's own prompts module (tests replace its members) from the loaded main
// bundle, dist/extension.js, instead of bundling a copy of it.
const sharedPrompts = {
  name: 'shared-prompts',
  setup(build) {
    build.onResolve({ filter: /\/prompts$/ }, (args) => (/src[\\/]extension[\\/]report$/.test(args.resolveDir) ? { path: 'prompts', namespace: 'shared-prompts' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'shared-prompts' }, () => ({
      contents: "const main = require('./extension.js'); module.exports = { prompts: main.prompts, setPrompts: main.setPrompts };",
      loader: 'js',
    }));
  },
};

const builds = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli/github-action.ts'], outfile: 'dist/action.js' },
  { entryPoints: ['scripts/generate-schemas.ts'], outfile: 'dist/generate-schemas.js' },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // File-event batches read and scan code files off the extension host's thread here.
  { entryPoints: ['src/node/reference-worker.ts'], outfile: 'dist/reference-worker.js' },
  { entryPoints: ['src/extension/report/index.ts'], outfile: 'dist/report.js', external: ['vscode', './extension.js'], plugins: [sharedPrompts] },
];
// Test suites that run inside the extension host are bundled too (test/host/suite).
if (existsSync('test/host/suite/index.ts')) {
  builds.push({ entryPoints: ['test/host/suite/index.ts'], outfile: 'dist/test/host/index.js', external: ['vscode', 'mocha'] });
}

const placed = (b) => (outdir ? { ...b, outfile: b.outfile.replace(/^dist\//, `${outdir}/`) } : b);
await Promise.all(builds.map((b) => esbuild.build({ ...common, ...placed(b) })));
