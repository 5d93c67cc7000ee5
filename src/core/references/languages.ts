/**
 * The languages table: which comment and string syntax a file has, chosen by file
 * extension, by well-known file name, and by the shebang of extension-less scripts.
 * Unknown types fall back to `//` and `#` line comments.
 */
import type { BlockCommentSyntax, CommentSyntax, LineCommentSyntax, StringSyntax } from './comment-syntax';

// --- building blocks ---------------------------------------------------------------

const SLASH: LineCommentSyntax = { marker: '//' };
const HASH: LineCommentSyntax = { marker: '#' };
const DASHES: LineCommentSyntax = { marker: '--' };
const C_BLOCK: BlockCommentSyntax = { open: '/*', close: '*/' };
const C_BLOCK_NESTED: BlockCommentSyntax = { open: '/*', close: '*/', nested: true };

const DQ: StringSyntax = { open: '"', close: '"', escape: 'backslash', multiline: false };
const SQ: StringSyntax = { open: "'", close: "'", escape: 'backslash', multiline: false };
const DQ_MULTI: StringSyntax = { ...DQ, multiline: true };
const SQ_MULTI: StringSyntax = { ...SQ, multiline: true };
const CHAR: StringSyntax = { open: "'", close: "'", escape: 'backslash', multiline: false, charLiteral: true };
const CHAR_AFTER_SPACE: StringSyntax = { ...CHAR, notAfterWord: true };
const TRIPLE_DQ: StringSyntax = { open: '"""', close: '"""', escape: 'backslash', multiline: true };
const TRIPLE_SQ: StringSyntax = { open: "'''", close: "'''", escape: 'backslash', multiline: true };
const TRIPLE_DQ_RAW: StringSyntax = { ...TRIPLE_DQ, escape: 'none' };
const BACKTICK_RAW: StringSyntax = { open: '`', close: '`', escape: 'none', multiline: true };
const BACKTICK: StringSyntax = { open: '`', close: '`', escape: 'backslash', multiline: true };
const SQL_SQ: StringSyntax = { open: "'", close: "'", escape: 'double', multiline: true };
const SQL_DQ: StringSyntax = { open: '"', close: '"', escape: 'double', multiline: true };

function syntax(language: string, parts: Omit<CommentSyntax, 'language' | 'lineComments' | 'blockComments' | 'strings'> & Partial<CommentSyntax>): CommentSyntax {
  return { language, lineComments: [], blockComments: [], strings: [], ...parts };
}

const cLike = (language: string, extra: Partial<CommentSyntax> = {}): CommentSyntax =>
  syntax(language, { lineComments: [SLASH], blockComments: [C_BLOCK], strings: [DQ, CHAR], ...extra });

// --- the languages -------------------------------------------------------------------

const JAVASCRIPT = syntax('javascript', {
  lineComments: [SLASH],
  blockComments: [C_BLOCK],
  strings: [DQ, SQ],
  regexLiterals: true,
  templateLiterals: true,
});
const PYTHON = syntax('python', {
  lineComments: [HASH],
  strings: [{ ...TRIPLE_DQ, doc: 'statement' }, { ...TRIPLE_SQ, doc: 'statement' }, DQ, SQ],
});
const GO = cLike('go', { strings: [DQ, CHAR, BACKTICK_RAW] });
const RUST = syntax('rust', { lineComments: [SLASH], blockComments: [C_BLOCK_NESTED], strings: [DQ_MULTI, CHAR], rustRawStrings: true });
const JAVA = cLike('java', { strings: [TRIPLE_DQ, DQ, CHAR] });
const KOTLIN = syntax('kotlin', { lineComments: [SLASH], blockComments: [C_BLOCK_NESTED], strings: [TRIPLE_DQ_RAW, DQ, CHAR] });
const CSHARP = cLike('csharp', {
  strings: [TRIPLE_DQ_RAW, { open: '@"', close: '"', escape: 'double', multiline: true }, DQ, CHAR],
});
const C = cLike('c', { cppRawStrings: true });
const OBJECTIVE_C = cLike('objective-c');
const SWIFT = syntax('swift', {
  lineComments: [SLASH],
  blockComments: [C_BLOCK_NESTED],
  strings: [
    { open: '#"""', close: '"""#', escape: 'none', multiline: true },
    { open: '#"', close: '"#', escape: 'none', multiline: false },
    TRIPLE_DQ,
    DQ,
  ],
});
const RUBY = syntax('ruby', {
  lineComments: [HASH],
  blockComments: [{ open: '=begin', close: '=end', column0: true }],
  strings: [DQ_MULTI, SQ_MULTI, BACKTICK],
  heredoc: '<<',
  charPrefix: { marker: '?', notAfterWord: true },
});
const PHP = syntax('php', {
  lineComments: [SLASH, { marker: '#', notFollowedBy: '[' }],
  blockComments: [C_BLOCK],
  strings: [DQ_MULTI, SQ_MULTI, BACKTICK],
  heredoc: '<<<',
});
const SHELL = syntax('shell', {
  lineComments: [{ marker: '#', wordStart: true }],
  strings: [DQ_MULTI, { open: "'", close: "'", escape: 'none', multiline: true }, BACKTICK],
  heredoc: '<<',
  heredocSpace: true,
});
const POWERSHELL = syntax('powershell', {
  lineComments: [{ marker: '#', wordStart: true }],
  blockComments: [{ open: '<#', close: '#>' }],
  strings: [
    { open: '@"', close: '"@', escape: 'none', multiline: true },
    { open: "@'", close: "'@", escape: 'none', multiline: true },
    { open: '"', close: '"', escape: 'backtick', multiline: true },
    { open: "'", close: "'", escape: 'double', multiline: true },
  ],
});
const YAML = syntax('yaml', {
  lineComments: [{ marker: '#', wordStart: true }],
  strings: [{ ...DQ, notAfterWord: true }, { open: "'", close: "'", escape: 'double', multiline: false, notAfterWord: true }],
});
const TOML = syntax('toml', {
  lineComments: [HASH],
  strings: [TRIPLE_DQ, { ...TRIPLE_SQ, escape: 'none' }, DQ, { ...SQ, escape: 'none' }],
});
const INI = syntax('ini', {
  lineComments: [
    { marker: ';', wordStart: true },
    { marker: '#', wordStart: true },
  ],
  strings: [DQ],
});
const PROPERTIES = syntax('properties', { lineComments: [{ marker: '#', atLineStart: true }, { marker: '!', atLineStart: true }] });
const SQL = syntax('sql', { lineComments: [DASHES], blockComments: [C_BLOCK], strings: [SQL_SQ, SQL_DQ, { ...BACKTICK_RAW, escape: 'double' }] });
const LUA = syntax('lua', { lineComments: [DASHES], strings: [DQ, SQ], longBrackets: { commentPrefix: '--' } });
const HASKELL = syntax('haskell', {
  lineComments: [{ marker: '--', operatorAware: true }],
  blockComments: [{ open: '{-', close: '-}', nested: true }],
  strings: [DQ, CHAR_AFTER_SPACE],
});
const ELM = { ...HASKELL, language: 'elm', strings: [TRIPLE_DQ, DQ, CHAR_AFTER_SPACE] };
const ELIXIR = syntax('elixir', {
  lineComments: [HASH],
  strings: [{ ...TRIPLE_DQ, doc: 'doc-attribute' }, { ...TRIPLE_SQ, doc: 'doc-attribute' }, DQ_MULTI, SQ_MULTI],
  charPrefix: { marker: '?', notAfterWord: true },
});
const ERLANG = syntax('erlang', { lineComments: [{ marker: '%' }], strings: [DQ_MULTI, SQ], charPrefix: { marker: '$' } });
const CLOJURE = syntax('clojure', { lineComments: [{ marker: ';' }], strings: [DQ_MULTI], charPrefix: { marker: '\\' } });
const LISP = syntax('lisp', {
  lineComments: [{ marker: ';' }],
  blockComments: [{ open: '#|', close: '|#', nested: true }],
  strings: [DQ_MULTI],
  charPrefix: { marker: '\\' },
});
const SCALA = syntax('scala', { lineComments: [SLASH], blockComments: [C_BLOCK_NESTED], strings: [TRIPLE_DQ_RAW, DQ, CHAR_AFTER_SPACE] });
const DART = syntax('dart', {
  lineComments: [SLASH],
  blockComments: [C_BLOCK_NESTED],
  strings: [
    { open: 'r"""', close: '"""', escape: 'none', multiline: true, notAfterWord: true },
    { open: "r'''", close: "'''", escape: 'none', multiline: true, notAfterWord: true },
    { open: 'r"', close: '"', escape: 'none', multiline: false, notAfterWord: true },
    { open: "r'", close: "'", escape: 'none', multiline: false, notAfterWord: true },
    TRIPLE_DQ,
    TRIPLE_SQ,
    DQ,
    SQ,
  ],
});
const R = syntax('r', { lineComments: [HASH], strings: [DQ_MULTI, SQ_MULTI, BACKTICK_RAW] });
const HCL = syntax('hcl', { lineComments: [HASH, SLASH], blockComments: [C_BLOCK], strings: [DQ], heredoc: '<<' });
const DOCKERFILE = syntax('dockerfile', { lineComments: [{ marker: '#', atLineStart: true }] });
const MAKEFILE = syntax('makefile', { lineComments: [{ marker: '#', notAfter: '\\' }] });
const CMAKE = syntax('cmake', { lineComments: [HASH], strings: [DQ_MULTI], longBrackets: { commentPrefix: '#' } });
const HTML = syntax('html', { markup: true, blockComments: [{ open: '<!--', close: '-->' }] });
const MARKDOWN = syntax('markdown', { blockComments: [{ open: '<!--', close: '-->' }] });
const CSS = syntax('css', { blockComments: [C_BLOCK], strings: [DQ, SQ] });
const SCSS = syntax('scss', { lineComments: [{ marker: '//', notAfter: ':' }], blockComments: [C_BLOCK], strings: [DQ, SQ] });
const PROTOBUF = syntax('protobuf', { lineComments: [SLASH], blockComments: [C_BLOCK], strings: [DQ, SQ] });
const GRAPHQL = syntax('graphql', { lineComments: [HASH], strings: [{ ...TRIPLE_DQ, doc: 'always' }, DQ] });
const PERL = syntax('perl', {
  lineComments: [{ marker: '#', notAfter: '$' }],
  blockComments: ['=pod', '=head1', '=head2', '=head3', '=head4', '=over', '=item', '=begin', '=for', '=encoding'].map(
    (open): BlockCommentSyntax => ({ open, close: '=cut', column0: true }),
  ),
  strings: [DQ_MULTI, SQ_MULTI, BACKTICK],
  heredoc: '<<',
});
const GROOVY = syntax('groovy', { lineComments: [SLASH], blockComments: [C_BLOCK], strings: [TRIPLE_DQ, TRIPLE_SQ, DQ, SQ] });
const FSHARP = syntax('fsharp', {
  lineComments: [SLASH],
  blockComments: [{ open: '(*', close: '*)', nested: true }],
  strings: [TRIPLE_DQ_RAW, { open: '@"', close: '"', escape: 'double', multiline: true }, DQ_MULTI, CHAR_AFTER_SPACE],
});
const OCAML = syntax('ocaml', { blockComments: [{ open: '(*', close: '*)', nested: true }], strings: [DQ_MULTI, CHAR_AFTER_SPACE] });
const VISUAL_BASIC = syntax('vb', {
  lineComments: [{ marker: "'" }, { marker: 'REM ', atLineStart: true }, { marker: 'Rem ', atLineStart: true }],
  strings: [{ open: '"', close: '"', escape: 'double', multiline: false }],
});
const FORTRAN_STRINGS: StringSyntax[] = [
  { open: '"', close: '"', escape: 'double', multiline: false },
  { open: "'", close: "'", escape: 'double', multiline: false },
];
const FORTRAN = syntax('fortran', { lineComments: [{ marker: '!' }], strings: FORTRAN_STRINGS });
const FORTRAN_FIXED = syntax('fortran-fixed', {
  lineComments: [{ marker: '!' }, { marker: 'C', column0: true }, { marker: 'c', column0: true }, { marker: '*', column0: true }],
  strings: FORTRAN_STRINGS,
});
const MATLAB = syntax('matlab', {
  lineComments: [{ marker: '%' }],
  blockComments: [{ open: '%{', close: '%}', atLineStart: true }],
  strings: [
    { open: '"', close: '"', escape: 'double', multiline: false },
    { open: "'", close: "'", escape: 'double', multiline: false, notAfterWord: true },
  ],
});
const NIX = syntax('nix', {
  lineComments: [HASH],
  blockComments: [C_BLOCK],
  strings: [{ open: "''", close: "''", escape: 'none', multiline: true, closeNotFollowedBy: "'$\\" }, DQ_MULTI],
});
const ZIG = syntax('zig', {
  lineComments: [SLASH],
  strings: [{ open: '\\\\', close: '', escape: 'none', multiline: false, toLineEnd: true }, DQ, CHAR],
});
const JULIA = syntax('julia', {
  lineComments: [HASH],
  blockComments: [{ open: '#=', close: '=#', nested: true }],
  strings: [{ ...TRIPLE_DQ, doc: 'statement' }, DQ_MULTI, CHAR_AFTER_SPACE, BACKTICK],
});
const LATEX = syntax('latex', { lineComments: [{ marker: '%', notAfter: '\\' }] });
const JSONC = syntax('jsonc', { lineComments: [SLASH], blockComments: [C_BLOCK], strings: [DQ] });
const VIML = syntax('vim', { lineComments: [{ marker: '"', atLineStart: true }], strings: [SQ] });
const ASSEMBLY = syntax('assembly', { lineComments: [{ marker: ';' }, { marker: '#', atLineStart: true }, SLASH], blockComments: [C_BLOCK], strings: [DQ] });
const BATCH = syntax('batch', {
  lineComments: [
    { marker: 'REM ', atLineStart: true },
    { marker: 'rem ', atLineStart: true },
    { marker: '::', atLineStart: true },
  ],
});
const PLAIN_HASH = syntax('hash-comments', { lineComments: [{ marker: '#', atLineStart: true }] });

/** Unknown file types: `//` and `#` line comments, common quotes as strings. */
export const FALLBACK_SYNTAX: CommentSyntax = syntax('fallback', { lineComments: [SLASH, { marker: '#', wordStart: true }], strings: [DQ] });

/** The syntaxes `<script>` and `<style>` contents are lexed with, inside markup. */
export const EMBEDDED_SCRIPT_SYNTAX = JAVASCRIPT;
export const EMBEDDED_STYLE_SYNTAX = SCSS;

const BY_EXTENSION: Record<string, CommentSyntax> = {};
function extensions(target: CommentSyntax, list: string): void {
  for (const ext of list.split(' ')) BY_EXTENSION[ext] = target;
}
extensions(JAVASCRIPT, 'js jsx mjs cjs ts tsx mts cts es6 gs');
extensions(PYTHON, 'py pyw pyi pyx pxd bzl star sconstruct gyp');
extensions(GO, 'go');
extensions(RUST, 'rs');
extensions(JAVA, 'java');
extensions(KOTLIN, 'kt kts');
extensions(CSHARP, 'cs csx cake');
extensions(C, 'c h cc cpp cxx c++ hh hpp hxx h++ ino cu cuh ipp tpp inl');
extensions(OBJECTIVE_C, 'mm');
extensions(SWIFT, 'swift');
extensions(RUBY, 'rb rake gemspec ru podspec jbuilder thor');
extensions(PHP, 'php phtml php3 php4 php5 php7 php8');
extensions(SHELL, 'sh bash zsh ksh fish dash ash bats command');
extensions(POWERSHELL, 'ps1 psm1 psd1');
extensions(YAML, 'yaml yml');
extensions(TOML, 'toml');
extensions(INI, 'ini cfg conf cnf editorconfig gitconfig npmrc inf desktop service');
extensions(PROPERTIES, 'properties env');
extensions(SQL, 'sql psql pgsql mysql ddl dml hql');
extensions(LUA, 'lua luau rockspec');
extensions(HASKELL, 'hs hsc');
extensions(ELM, 'elm');
extensions(ELIXIR, 'ex exs');
extensions(ERLANG, 'erl hrl escript app.src');
extensions(CLOJURE, 'clj cljs cljc edn bb');
extensions(LISP, 'lisp lsp cl el scm ss rkt fnl');
extensions(SCALA, 'scala sc sbt');
extensions(DART, 'dart');
extensions(R, 'r rmd');
extensions(HCL, 'tf tfvars hcl nomad');
extensions(DOCKERFILE, 'dockerfile containerfile');
extensions(MAKEFILE, 'mk mak make');
extensions(CMAKE, 'cmake');
extensions(HTML, 'html htm xhtml xml xsd xsl xslt svg vue svelte astro csproj fsproj vbproj props targets plist config resx xaml jsp erb hbs handlebars cshtml razor');
extensions(MARKDOWN, 'md markdown mdx rst');
extensions(CSS, 'css');
extensions(SCSS, 'scss sass less styl');
extensions(PROTOBUF, 'proto');
extensions(GRAPHQL, 'graphql gql graphqls');
extensions(PERL, 'pl pm t psgi pod');
extensions(GROOVY, 'groovy gvy gradle jenkinsfile');
extensions(FSHARP, 'fs fsi fsx');
extensions(OCAML, 'ml mli mll mly');
extensions(VISUAL_BASIC, 'vb vbs bas vba frm');
extensions(FORTRAN, 'f90 f95 f03 f08 f18');
extensions(FORTRAN_FIXED, 'f for f77 ftn');
extensions(NIX, 'nix');
extensions(ZIG, 'zig');
extensions(JULIA, 'jl');
extensions(LATEX, 'tex sty cls bib');
extensions(JSONC, 'json jsonc json5 code-workspace');
extensions(VIML, 'vim');
extensions(ASSEMBLY, 'asm s nasm');
extensions(BATCH, 'bat cmd');
extensions(PLAIN_HASH, 'gitignore dockerignore gitattributes npmignore eslintignore prettierignore');
BY_EXTENSION['m'] = OBJECTIVE_C; // or MATLAB: decided by the first line (see below)

/** Exact file names (compared case-insensitively). */
const BY_NAME: Record<string, CommentSyntax> = {
  dockerfile: DOCKERFILE,
  containerfile: DOCKERFILE,
  earthfile: DOCKERFILE,
  makefile: MAKEFILE,
  gnumakefile: MAKEFILE,
  jenkinsfile: GROOVY,
  gemfile: RUBY,
  rakefile: RUBY,
  podfile: RUBY,
  fastfile: RUBY,
  appfile: RUBY,
  vagrantfile: RUBY,
  brewfile: RUBY,
  guardfile: RUBY,
  capfile: RUBY,
  berksfile: RUBY,
  dangerfile: RUBY,
  'gemfile.lock': PLAIN_HASH,
  'cmakelists.txt': CMAKE,
  'requirements.txt': PLAIN_HASH,
  'constraints.txt': PLAIN_HASH,
  '.bashrc': SHELL,
  '.bash_profile': SHELL,
  '.bash_login': SHELL,
  '.bash_logout': SHELL,
  '.bash_aliases': SHELL,
  '.profile': SHELL,
  '.zshrc': SHELL,
  '.zshenv': SHELL,
  '.zprofile': SHELL,
  '.zlogin': SHELL,
  '.kshrc': SHELL,
  '.envrc': SHELL,
  pkgbuild: SHELL,
  apkbuild: SHELL,
  '.env': PROPERTIES,
  '.gitconfig': INI,
  '.editorconfig': INI,
  '.npmrc': INI,
  '.yarnrc': PLAIN_HASH,
  '.gitignore': PLAIN_HASH,
  '.gitattributes': PLAIN_HASH,
  '.gitmodules': INI,
  '.dockerignore': PLAIN_HASH,
  '.htaccess': PLAIN_HASH,
  codeowners: PLAIN_HASH,
  procfile: PLAIN_HASH,
  'caddyfile': PLAIN_HASH,
  '.eslintrc': JSONC,
  '.babelrc': JSONC,
  '.jshintrc': JSONC,
  '.swcrc': JSONC,
  '.prettierrc': YAML,
  '.clang-format': YAML,
  '.clang-tidy': YAML,
  'pipfile': TOML,
  'cargo.lock': TOML,
  build: PYTHON,
  'build.bazel': PYTHON,
  workspace: PYTHON,
  'workspace.bazel': PYTHON,
  'module.bazel': PYTHON,
  tiltfile: PYTHON,
  snakefile: PYTHON,
  sconstruct: PYTHON,
  sconscript: PYTHON,
  justfile: SHELL,
  '.vimrc': VIML,
  'go.mod': GO,
  'go.work': GO,
  'meson.build': PLAIN_HASH,
  'nginx.conf': INI,
};

/** Interpreters named in shebang lines (`#!/usr/bin/env python3` → `python`). */
const BY_INTERPRETER: Record<string, CommentSyntax> = {
  sh: SHELL,
  bash: SHELL,
  zsh: SHELL,
  ksh: SHELL,
  mksh: SHELL,
  dash: SHELL,
  ash: SHELL,
  fish: SHELL,
  busybox: SHELL,
  python: PYTHON,
  pypy: PYTHON,
  node: JAVASCRIPT,
  nodejs: JAVASCRIPT,
  deno: JAVASCRIPT,
  bun: JAVASCRIPT,
  'ts-node': JAVASCRIPT,
  tsx: JAVASCRIPT,
  zx: JAVASCRIPT,
  ruby: RUBY,
  jruby: RUBY,
  perl: PERL,
  php: PHP,
  lua: LUA,
  luajit: LUA,
  rscript: R,
  julia: JULIA,
  pwsh: POWERSHELL,
  powershell: POWERSHELL,
  elixir: ELIXIR,
  escript: ERLANG,
  groovy: GROOVY,
  kotlin: KOTLIN,
  scala: SCALA,
  swift: SWIFT,
  make: MAKEFILE,
  awk: SHELL,
  gawk: SHELL,
  tclsh: SHELL,
  runhaskell: HASKELL,
  runghc: HASKELL,
  stack: HASKELL,
  bb: CLOJURE,
  clojure: CLOJURE,
  guile: LISP,
  racket: LISP,
  sbcl: LISP,
  nix: NIX,
  'nix-shell': NIX,
  ocaml: OCAML,
  dotnet: FSHARP,
  dart: DART,
  osascript: SHELL,
};

/** How many distinct languages the table knows (fallback excluded). */
export function knownLanguages(): string[] {
  const names = new Set<string>();
  for (const table of [BY_EXTENSION, BY_NAME, BY_INTERPRETER]) for (const s of Object.values(table)) names.add(s.language);
  names.add(MATLAB.language);
  return [...names].sort();
}

/**
 * The comment syntax of a file: by well-known name, then by extension (longest
 * compound first: `app.src`), then by the shebang in `firstLine`; else `//` and `#`.
 * `.m` is Objective-C unless the first line looks like MATLAB.
 */
export function commentSyntaxFor(path: string, firstLine?: string): CommentSyntax {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const byName = BY_NAME[name] ?? byNamePattern(name);
  if (byName) return byName;

  const firstDot = name.indexOf('.', 1);
  if (firstDot > 0) {
    // `foo.app.src` → try `app.src`, then `src`; a leading dot (`.eslintrc.js`) is part of the name.
    for (let dot = firstDot; dot > 0; dot = name.indexOf('.', dot + 1)) {
      const ext = name.slice(dot + 1);
      const found = BY_EXTENSION[ext];
      if (found) return ext === 'm' ? objectiveCOrMatlab(firstLine) : found;
    }
  }
  if (firstLine !== undefined) {
    const interpreter = shebangInterpreter(firstLine);
    if (interpreter) {
      const found = BY_INTERPRETER[interpreter];
      if (found) return found;
    }
  }
  return FALLBACK_SYNTAX;
}

function byNamePattern(name: string): CommentSyntax | undefined {
  if (name.startsWith('dockerfile.') || name.startsWith('containerfile.') || name.endsWith('.dockerfile')) return DOCKERFILE;
  if (name.startsWith('makefile.') || name.endsWith('.makefile')) return MAKEFILE;
  if (name.startsWith('jenkinsfile')) return GROOVY;
  if (name.startsWith('.env.')) return PROPERTIES;
  if (name.startsWith('requirements') && name.endsWith('.txt')) return PLAIN_HASH;
  return undefined;
}

function objectiveCOrMatlab(firstLine: string | undefined): CommentSyntax {
  const line = (firstLine ?? '').replace(/^\uFEFF/, '').trimStart();
  if (/^(?:%|function\b|classdef\b|clc\b|clear\b|close\b)/.test(line)) return MATLAB;
  return OBJECTIVE_C;
}

/**
 * The interpreter a shebang line names, without path and version:
 * `#!/usr/bin/env -S python3.11 -u` → `python`, `#!/bin/bash -e` → `bash`.
 */
export function shebangInterpreter(firstLine: string): string | undefined {
  const line = firstLine.replace(/^\uFEFF/, '');
  if (!line.startsWith('#!')) return undefined;
  const words = line.slice(2).trim().split(/\s+/);
  let index = 0;
  if (baseNameOf(words[0] ?? '') === 'env') {
    index = 1;
    while (index < words.length && (words[index].startsWith('-') || words[index].includes('='))) index++;
  }
  const program = baseNameOf(words[index] ?? '').toLowerCase();
  if (!program) return undefined;
  return program.replace(/[0-9.]+$/, '').replace(/-?[0-9.]+$/, '') || program;
}

function baseNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
