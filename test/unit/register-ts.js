// Lets mocha load TypeScript tests directly: each .ts file is transpiled by esbuild
// (no type-checking here; `npm run typecheck` does that once for the whole tree).
const { transformSync } = require('esbuild');
const fs = require('node:fs');
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: filename,
    sourcemap: 'inline',
  });
  module._compile(code, filename);
};
