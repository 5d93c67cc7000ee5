import * as assert from 'node:assert/strict';
import { commentSyntaxFor, knownLanguages, shebangInterpreter } from '../../../src/core/references';

const lang = (path: string, firstLine?: string): string => commentSyntaxFor(path, firstLine).language;

describe('references: languages table', () => {
  it('chooses by file extension', () => {
    const cases: Record<string, string> = {
      'src/a.ts': 'javascript',
      'src/a.tsx': 'javascript',
      'src/a.jsx': 'javascript',
      'src/a.mjs': 'javascript',
      'src/a.cjs': 'javascript',
      'a.py': 'python',
      'a.go': 'go',
      'a.rs': 'rust',
      'A.java': 'java',
      'a.kt': 'kotlin',
      'build.gradle.kts': 'kotlin',
      'A.cs': 'csharp',
      'a.h': 'c',
      'a.hpp': 'c',
      'a.cc': 'c',
      'a.swift': 'swift',
      'a.rb': 'ruby',
      'a.php': 'php',
      'a.sh': 'shell',
      'a.bash': 'shell',
      'a.zsh': 'shell',
      'a.ps1': 'powershell',
      'a.yml': 'yaml',
      'a.yaml': 'yaml',
      'a.toml': 'toml',
      'a.ini': 'ini',
      'a.sql': 'sql',
      'a.lua': 'lua',
      'a.hs': 'haskell',
      'a.ex': 'elixir',
      'a.exs': 'elixir',
      'a.erl': 'erlang',
      'a.clj': 'clojure',
      'a.lisp': 'lisp',
      'a.el': 'lisp',
      'a.scala': 'scala',
      'a.dart': 'dart',
      'a.R': 'r',
      'main.tf': 'hcl',
      'a.hcl': 'hcl',
      'web.dockerfile': 'dockerfile',
      'rules.mk': 'makefile',
      'a.html': 'html',
      'a.xml': 'html',
      'a.vue': 'html',
      'a.svelte': 'html',
      'README.md': 'markdown',
      'a.css': 'css',
      'a.scss': 'scss',
      'a.less': 'scss',
      'a.proto': 'protobuf',
      'a.graphql': 'graphql',
      'a.pl': 'perl',
      'a.pm': 'perl',
      'a.groovy': 'groovy',
      'build.gradle': 'groovy',
      'a.mm': 'objective-c',
      'a.fs': 'fsharp',
      'a.ml': 'ocaml',
      'a.vb': 'vb',
      'a.f90': 'fortran',
      'a.f': 'fortran-fixed',
      'a.nix': 'nix',
      'a.zig': 'zig',
      'a.jl': 'julia',
      'Main.elm': 'elm',
      'tsconfig.json': 'jsonc',
      'src/app.component.spec.ts': 'javascript',
      'C:\\repo\\src\\a.py': 'python',
    };
    for (const [path, expected] of Object.entries(cases)) assert.equal(lang(path), expected, path);
  });

  it('chooses by well-known file name, case-insensitively', () => {
    const cases: Record<string, string> = {
      Dockerfile: 'dockerfile',
      'build/Dockerfile.prod': 'dockerfile',
      Containerfile: 'dockerfile',
      Makefile: 'makefile',
      GNUmakefile: 'makefile',
      makefile: 'makefile',
      Jenkinsfile: 'groovy',
      Gemfile: 'ruby',
      Rakefile: 'ruby',
      Vagrantfile: 'ruby',
      'CMakeLists.txt': 'cmake',
      '.bashrc': 'shell',
      '.zshrc': 'shell',
      '.profile': 'shell',
      '.envrc': 'shell',
      '.env': 'properties',
      '.env.local': 'properties',
      '.gitignore': 'hash-comments',
      'BUILD.bazel': 'python',
      '.editorconfig': 'ini',
      '.eslintrc': 'jsonc',
      'go.mod': 'go',
    };
    for (const [path, expected] of Object.entries(cases)) assert.equal(lang(path), expected, path);
  });

  it('treats a leading dot as part of the name: `.eslintrc.js` is JavaScript', () => {
    assert.equal(lang('.eslintrc.js'), 'javascript');
    assert.equal(lang('config/.eslintrc.cjs'), 'javascript');
    assert.equal(lang('.prettierrc.yaml'), 'yaml');
  });

  it('chooses extension-less scripts by their shebang', () => {
    assert.equal(lang('bin/tool', '#!/usr/bin/env python3'), 'python');
    assert.equal(lang('bin/tool', '#!/usr/bin/python3.11 -u'), 'python');
    assert.equal(lang('bin/tool', '#!/bin/bash'), 'shell');
    assert.equal(lang('bin/tool', '#!/bin/sh -e'), 'shell');
    assert.equal(lang('bin/tool', '#!/usr/bin/env node'), 'javascript');
    assert.equal(lang('bin/tool', '#!/usr/bin/env -S deno run --allow-read'), 'javascript');
    assert.equal(lang('bin/tool', '#!/usr/bin/env ruby'), 'ruby');
    assert.equal(lang('bin/tool', '#!/usr/bin/perl -w'), 'perl');
    assert.equal(lang('bin/tool', '#!/usr/bin/env pwsh'), 'powershell');
    assert.equal(lang('bin/tool', '\uFEFF#!/usr/bin/env lua'), 'lua');
    assert.equal(lang('bin/tool', '#!/usr/bin/env Rscript'), 'r');
  });

  it('lets an extension win over a shebang', () => {
    assert.equal(lang('deploy.py', '#!/bin/bash'), 'python');
  });

  it('falls back to `//` and `#` for unknown types', () => {
    const fallback = commentSyntaxFor('notes.xyz');
    assert.equal(fallback.language, 'fallback');
    assert.deepEqual(
      fallback.lineComments.map((c) => c.marker),
      ['//', '#'],
    );
    assert.equal(lang('LICENSE'), 'fallback');
    assert.equal(lang('bin/tool', '#!/usr/bin/env some-unknown-interpreter'), 'fallback');
    assert.equal(lang('bin/tool', 'no shebang here'), 'fallback');
  });

  it('tells MATLAB from Objective-C for `.m` by the first line', () => {
    assert.equal(lang('fit.m', '% fit the curve'), 'matlab');
    assert.equal(lang('fit.m', 'function y = f(x)'), 'matlab');
    assert.equal(lang('View.m', '#import "View.h"'), 'objective-c');
    assert.equal(lang('View.m'), 'objective-c');
  });

  it('reads the interpreter of a shebang line', () => {
    assert.equal(shebangInterpreter('#!/usr/bin/env python3'), 'python');
    assert.equal(shebangInterpreter('#!/usr/bin/env FOO=1 node'), 'node');
    assert.equal(shebangInterpreter('#! /bin/zsh'), 'zsh');
    assert.equal(shebangInterpreter('// not a shebang'), undefined);
  });

  it('knows well over forty languages', () => {
    const known = knownLanguages();
    assert.ok(known.length >= 45, `${known.length}: ${known.join(' ')}`);
    for (const required of ['javascript', 'python', 'go', 'rust', 'java', 'kotlin', 'csharp', 'c', 'swift', 'ruby', 'php', 'shell', 'powershell', 'yaml', 'toml', 'ini', 'sql', 'lua', 'haskell', 'elixir', 'erlang', 'clojure', 'lisp', 'scala', 'dart', 'r', 'hcl', 'dockerfile', 'makefile', 'html', 'markdown', 'css', 'scss', 'protobuf', 'graphql', 'perl', 'groovy', 'objective-c', 'fsharp', 'ocaml', 'vb', 'fortran', 'matlab', 'nix', 'zig', 'julia', 'elm']) {
      assert.ok(known.includes(required), required);
    }
  });
});
