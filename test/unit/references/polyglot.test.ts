import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commentSyntaxFor, scanReferences } from '../../../src/core/references';
import { OPTIONS, POLYGLOT_ROOT, polyglotCodeFiles } from './helpers';

/**
 * What each file cites, in order: `id:line` (0-based line), with `:kind` when not a plain
 * mention. Every file also holds ids in string literals (or other non-comment text); they
 * must not appear here.
 */
const EXPECTED: Record<string, string[]> = {
  'CMakeLists.txt': ['ADR-0001:1', 'ASM-1:4'],
  'Dockerfile': ['ADR-0002:1'],
  'Jenkinsfile': ['ADR-0002:1'],
  'Makefile': ['ADR-0001:0', 'ADR-0002:3'],
  'analysis/model.R': ['ASM-1:0', 'ADR-0002:2'],
  'build.gradle': ['ADR-0002:0', 'ASM-1:2'],
  'config/app.ini': ['ADR-0001:0', 'ASM-1:3'],
  'config/app.yaml': ['ADR-0001:0', 'ASM-1:4'],
  'config/settings.toml': ['ADR-0002:0', 'ADR-0001:3'],
  'db/migrations/001_init.sql': ['ADR-0001:0', 'ASM-1:2'],
  'docs/guide.md': ['ADR-0002:3'],
  'graphql/schema.graphql': ['ADR-0002:1', 'ADR-0001:4'],
  'infra/main.tf': ['ADR-0001:0', 'ASM-1:3', 'ADR-0002:4'],
  'legacy/Module1.vb': ['ADR-0001:1', 'ASM-1:3'],
  'nix/default.nix': ['ADR-0002:0', 'ASM-1:5'],
  'numerics/fit.m': ['ADR-0001:0', 'ASM-1:4'],
  'numerics/solver.f90': ['ADR-0002:1'],
  'proto/ledger.proto': ['ADR-0001:1', 'ADR-0002:3'],
  'scripts/cleanup.pl': ['ADR-0001:1', 'ASM-1:7'],
  'scripts/deploy.sh': ['ADR-0002:1', 'ASM-1:7'],
  'scripts/rotate': ['ADR-0001:1'],
  'scripts/setup.ps1': ['ADR-0001:0', 'ASM-1:3'],
  'src/api/server.py': ['ADR-0001:2', 'ASM-1:11', 'ADR-0002:12'],
  'src/clj/core.clj': ['ADR-0001:1', 'ASM-1:3'],
  'src/core/lib.rs': ['ADR-0001:0', 'ADR-0002:2', 'ADR-0002:6', 'ASM-1:6'],
  'src/dart/cart.dart': ['ADR-0002:0', 'ADR-0001:3'],
  'src/dotnet/Ledger.cs': ['ADR-0001:2', 'ASM-1:6'],
  'src/elm/Main.elm': ['ADR-0002:1', 'ASM-1:3'],
  'src/erl/queue.erl': ['ADR-0002:1', 'ASM-1:4'],
  'src/ex/worker.ex': ['ADR-0002:2', 'ASM-1:5'],
  'src/fs/Domain.fs': ['ADR-0002:1', 'ASM-1:3'],
  'src/hs/Pricing.hs': ['ADR-0002:1', 'ASM-1:3', 'ADR-0001:3', 'ADR-0002:4'],
  'src/ios/Session.swift': ['ADR-0002:2', 'ASM-1:2', 'ADR-0001:5'],
  'src/julia/stats.jl': ['ASM-1:3', 'ADR-0002:5', 'ADR-0001:7'],
  'src/jvm/Billing.java': ['ADR-0001:2:tag', 'ASM-1:6'],
  'src/jvm/Invoice.kt': ['ADR-0002:2', 'ADR-0001:4'],
  'src/lua/plugin.lua': ['ADR-0002:0', 'ADR-0001:4'],
  'src/native/buffer.cpp': ['ADR-0002:2', 'ADR-0001:4'],
  'src/native/buffer.h': ['ASM-1:2'],
  'src/ocaml/rates.ml': ['ADR-0001:0', 'ASM-1:0'],
  'src/php/Controller.php': ['ADR-0001:4', 'ASM-1:6'],
  'src/ruby/report.rb': ['ADR-0001:0', 'ASM-1:3', 'ADR-0002:6'],
  'src/scala/Rates.scala': ['ADR-0002:1', 'ASM-1:3'],
  'src/svc/main.go': ['ADR-0001:4', 'ASM-1:7', 'ADR-0002:8'],
  'src/web/Panel.vue': ['ADR-0002:1', 'ASM-1:5', 'ADR-0001:9'],
  'src/web/app.ts': ['ADR-0001:2', 'ADR-0002:7:tag', 'ASM-1:8:tag', 'ASM-1:11'],
  'src/web/index.html': ['ADR-0002:2', 'ADR-0001:5'],
  'src/web/loader.cjs': ['ADR-0001:2'],
  'src/web/styles.scss': ['ADR-0002:0', 'ASM-1:2'],
  'src/web/widget.jsx': ['ADR-0002:1', 'ASM-1:2'],
  'src/zig/alloc.zig': ['ADR-0001:0', 'ASM-1:5'],
};

describe('references: polyglot fixture workspace', () => {
  const files = polyglotCodeFiles();

  it('has one file per language for at least 25 languages', () => {
    const languages = new Set(files.map((path) => commentSyntaxFor(path, readFileSync(join(POLYGLOT_ROOT, path), 'utf8').split('\n', 1)[0]).language));
    assert.ok(languages.size >= 25, `${languages.size}: ${[...languages].join(' ')}`);
    assert.ok(!languages.has('fallback'));
  });

  it('lists every fixture file in the expected table', () => {
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
  });

  for (const [path, expected] of Object.entries(EXPECTED)) {
    it(`finds exactly the comment references of ${path}`, () => {
      const text = readFileSync(join(POLYGLOT_ROOT, path), 'utf8');
      const refs = scanReferences(path, text, OPTIONS);
      assert.deepEqual(
        refs.map((r) => `${r.id}:${r.line}${r.kind === 'mention' ? '' : `:${r.kind}`}`),
        expected,
      );
      const lines = text.split('\n');
      for (const r of refs) assert.equal(lines[r.line].slice(r.column, r.endColumn), r.text, `${path}:${r.line}`);
      // The same ids also occur outside comments: the file really tests string skipping.
      const total = text.split(/ADR-000[12]|ASM-1/).length - 1;
      assert.ok(total > refs.length, `${path} has no id outside its comments`);
    });
  }
});
