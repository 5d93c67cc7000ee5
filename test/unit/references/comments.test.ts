import * as assert from 'node:assert/strict';
import { commentOffsets, commentSyntaxFor, findComments, isInComment } from '../../../src/core/references';
import { comments } from './helpers';

describe('references: comment lexer', () => {
  describe('C-family', () => {
    it('finds line and block comments and skips strings with escapes', () => {
      const text = 'a = "x // no \\" /* no */"; // yes 1\nb = \'/* no\'; /* yes\n2 */ c';
      assert.deepEqual(comments('a.js', text), ['yes 1', 'yes\n2']);
    });

    it('skips template literals but lexes code inside ${ }', () => {
      const text = 'const t = `// no ${ /* yes */ x + `/* no ${y} */` } // no`; // after';
      assert.deepEqual(comments('a.ts', text), ['yes', 'after']);
    });

    it('skips regex literals holding quotes or slashes', () => {
      assert.deepEqual(comments('a.js', "x = s.replace(/'/g, ''); // one\ny = a / b; // two"), ['one', 'two']);
      assert.deepEqual(comments('a.js', 'if (/["\\/]/.test(s)) return; // three'), ['three']);
      assert.deepEqual(comments('a.js', 'return /[/]"/.source; // four'), ['four']);
    });

    it('does not nest C block comments where the language does not', () => {
      assert.deepEqual(comments('a.c', '/* a /* b */ c */'), ['a /* b']);
      assert.deepEqual(comments('a.java', '/* a /* b */ x'), ['a /* b']);
    });

    it('nests block comments in Rust, Swift, Kotlin, Scala and Dart', () => {
      for (const path of ['a.rs', 'a.swift', 'a.kt', 'a.scala', 'a.dart']) {
        assert.deepEqual(comments(path, 'x /* a /* b */ c */ y'), ['a /* b */ c'], path);
      }
    });

    it('tells Rust lifetimes from character literals, and skips raw strings', () => {
      const text = "fn f<'a>(x: &'a str) -> char { let q = '\"'; let e = '\\''; let r = r#\"// \"no\"#; x } // yes";
      assert.deepEqual(comments('a.rs', text), ['yes']);
      assert.deepEqual(comments('a.rs', 'let b = br##"/* "# */"##; /* yes */'), ['yes']);
    });

    it('skips Go raw strings and rune literals', () => {
      assert.deepEqual(comments('a.go', "s := `// no\n/* no */`; r := '\"' // yes"), ['yes']);
    });

    it('skips C++ raw strings and digit separators', () => {
      assert.deepEqual(comments('a.cpp', 'auto s = R"d(// ")d"; int n = 1\'000; // yes'), ['yes']);
    });

    it('skips C# verbatim and raw strings, Java text blocks and Kotlin raw strings', () => {
      assert.deepEqual(comments('a.cs', 'var p = @"C:\\dir\\""// no"; // yes'), ['yes']);
      assert.deepEqual(comments('a.cs', 'var r = """\n// no\n"""; // yes'), ['yes']);
      assert.deepEqual(comments('a.java', 'String s = """\n  // no "quoted"\n  """; // yes'), ['yes']);
      assert.deepEqual(comments('a.kt', 'val s = """\\"// no"""  // yes'), ['yes']);
    });

    it('skips Swift raw strings', () => {
      assert.deepEqual(comments('a.swift', 'let s = #"// " no"# // yes'), ['yes']);
    });

    it('handles Dart raw strings', () => {
      assert.deepEqual(comments('a.dart', "var s = r'C:\\'; // yes"), ['yes']);
    });
  });

  describe('Python and other hash languages', () => {
    it('treats docstrings as comments but not other triple-quoted strings', () => {
      const text = [
        '"""Module doc."""',
        'X = """not a doc"""',
        'def f():',
        '    """Function doc."""',
        '    y = f(',
        '        """argument"""',
        '    )',
        '    return "# no"  # yes',
      ].join('\n');
      assert.deepEqual(comments('a.py', text), ['Module doc.', 'Function doc.', 'yes']);
    });

    it("treats a docstring after a comment line as a docstring", () => {
      assert.deepEqual(comments('a.py', 'class A:\n    # c\n    r"""Doc."""\n'), ['c', 'Doc.']);
    });

    it('lexes shell: `#` only at a word start, quotes, heredocs', () => {
      const text = ['echo a#b "# no" \'# no\' $# ${#x} # yes', 'cat <<-EOF', '  # inside heredoc', '\tEOF', "cat << 'X'", "don't # inside", 'X', 'echo ok # end'].join('\n');
      assert.deepEqual(comments('a.sh', text), ['yes', 'end']);
    });

    it('treats `1 << N` without a terminator as code, not a heredoc', () => {
      assert.deepEqual(comments('a.sh', 'echo $(( 1 << BITS )) # one\n# two'), ['one', 'two']);
    });

    it('lexes Ruby: =begin/=end at column 0, ?x characters, heredocs', () => {
      const text = ['x = ?" # yes 1', '=begin', 'block', '=end', 'sql = <<~SQL', '  # not a comment', 'SQL', 'y = a ? "#b" : c # yes 2'].join('\n');
      assert.deepEqual(comments('a.rb', text), ['yes 1', 'block', 'yes 2']);
    });

    it('lexes Perl: `$#array` is code, POD is a comment', () => {
      assert.deepEqual(comments('a.pl', 'print $#ARGV; # yes\n=pod\n\nDocs.\n\n=cut\nprint 1;'), ['yes', 'Docs.']);
    });

    it('lexes YAML: `#` needs a space before it; apostrophes in plain scalars are not quotes', () => {
      const text = "a: b#c\nd: it's fine # yes\ne: 'x # no'\nf: \"y # no\" # yes 2";
      assert.deepEqual(comments('a.yaml', text), ['yes', 'yes 2']);
    });

    it('lexes TOML, INI, Dockerfile and Makefile comments', () => {
      assert.deepEqual(comments('a.toml', 'a = "# no" # yes\nb = \'\'\'\n# no\n\'\'\''), ['yes']);
      assert.deepEqual(comments('a.ini', '; one\nkey = value ; two\n# three'), ['one', 'two', 'three']);
      assert.deepEqual(comments('Dockerfile', '# one\nRUN echo # not a comment\n  # two'), ['one', 'two']);
      assert.deepEqual(comments('Makefile', 'x = a\\#b # yes'), ['yes']);
    });

    it('lexes PHP `#` comments but not `#[attributes]`', () => {
      assert.deepEqual(comments('a.php', "<?php\n#[Attr('x')]\n# yes\n$a = \"# no\"; // two"), ['yes', 'two']);
    });

    it('lexes PowerShell: backtick escapes, here-strings, <# #> blocks', () => {
      const text = '$a = "x `" # no" # yes\n$b = @"\n# no\n"@\n<# block #>';
      assert.deepEqual(comments('a.ps1', text), ['yes', 'block']);
    });

    it('lexes R, Nix, Elixir and Julia', () => {
      assert.deepEqual(comments('a.R', 'x <- "# no" # yes'), ['yes']);
      assert.deepEqual(comments('a.nix', "s = ''\n # no '''quoted'' ''${x}\n''; # yes"), ['yes']);
      assert.deepEqual(comments('a.ex', '@moduledoc """\nDoc.\n"""\nx = """\nno\n""" # yes'), ['Doc.', 'yes']);
      assert.deepEqual(comments('a.jl', "y = x' # yes\n#= a #= b =# c =#"), ['yes', 'a #= b =# c']);
    });
  });

  describe('other comment syntaxes', () => {
    it('lexes SQL: `--`, `/* */`, doubled quotes', () => {
      assert.deepEqual(comments('a.sql', "SELECT 'it''s -- no' -- yes\n/* two */"), ['yes', 'two']);
    });

    it('lexes Lua long comments and long strings', () => {
      assert.deepEqual(comments('a.lua', 's = [==[ -- no ]] ]==] --[[ one ]] --[=[ two ]=] -- three'), ['one', 'two', 'three']);
    });

    it('lexes Haskell and Elm: nested {- -}, `-->` is an operator', () => {
      assert.deepEqual(comments('a.hs', "x' = a --> b -- yes\n{- a {- b -} c -}"), ['yes', 'a {- b -} c']);
      assert.deepEqual(comments('a.elm', '--- doc\n{- x -}'), ['- doc', 'x']);
    });

    it('lexes Erlang, Clojure and Lisp character literals', () => {
      assert.deepEqual(comments('a.erl', 'q() -> $". % yes'), ['yes']);
      assert.deepEqual(comments('a.clj', '(def c \\;) ; yes'), ['yes']);
      assert.deepEqual(comments('a.lisp', '#| a #| b |# |# (x) ; c'), ['a #| b |#', 'c']);
    });

    it('lexes OCaml and F# nested (* *) comments and type variables', () => {
      assert.deepEqual(comments('a.ml', "let f (x : 'a) = x (* a (* b *) *)"), ['a (* b *)']);
      assert.deepEqual(comments('a.fs', 'let s = @"a\\"" (* x *)"\n// yes'), ['yes']);
      assert.deepEqual(comments('a.fs', 'let s = @"C:\\" (* yes *)'), ['yes']);
    });

    it('lexes VB, Fortran and MATLAB', () => {
      assert.deepEqual(comments('a.vb', 'Dim s = "a "" \' no" \' yes\nREM two'), ['yes', 'two']);
      assert.deepEqual(comments('a.f90', "s = 'a '' ! no' ! yes"), ['yes']);
      assert.deepEqual(comments('a.f', 'C     fixed form\n      X = 1 ! two'), ['fixed form', 'two']);
      assert.deepEqual(comments('a.m', "% one\nx = y'; s = 'a % no';\n%{\nblock\n%}"), ['one', 'block']);
    });

    it('lexes Zig line strings', () => {
      assert.deepEqual(comments('a.zig', 'const s =\n    \\\\ // no\n;\n// yes'), ['yes']);
    });

    it('lexes CSS (block only), SCSS (`//` but not in url(http://…))', () => {
      assert.deepEqual(comments('a.css', 'a { b: "/* no */"; } /* yes */'), ['yes']);
      assert.deepEqual(comments('a.scss', 'a { b: url(http://x/y); } // yes'), ['yes']);
    });

    it('lexes GraphQL descriptions as comments', () => {
      assert.deepEqual(comments('a.graphql', '"""\nDesc.\n"""\ntype A { f: String @d(r: "# no") } # yes'), ['Desc.', 'yes']);
    });

    it('lexes markup: <!-- --> and the comments of <script> and <style>', () => {
      const text = '<p>// no</p><!-- one --><script type="module">\n// two\nconst s = "</p><!-- no -->";\n</SCRIPT><style>/* three */</style><!-- four';
      assert.deepEqual(comments('a.html', text), ['one', 'two', 'three', 'four']);
    });

    it('lexes Markdown HTML comments only', () => {
      assert.deepEqual(comments('a.md', '# Title\n// no\n<!-- yes -->'), ['yes']);
    });

    it('lexes unknown files with // and # (at a word start)', () => {
      assert.deepEqual(comments('notes.xyz', 'a // one\nb#c # two'), ['one', 'two']);
    });
  });

  describe('robustness', () => {
    it('handles CRLF: line comments end before the \\r', () => {
      const text = '// one\r\nx = 1 // two\r\n';
      assert.deepEqual(
        findComments(text, commentSyntaxFor('a.ts')).map((s) => JSON.stringify(text.slice(s.start, s.end))),
        ['" one"', '" two"'],
      );
    });

    it('skips a BOM and a shebang line', () => {
      assert.deepEqual(comments('a.js', '\uFEFF#!/usr/bin/env node\n// yes'), ['yes']);
      assert.deepEqual(comments('a.rs', '#![allow(dead_code)] // yes'), ['yes']);
    });

    it('does not crash on unterminated strings and comments', () => {
      assert.deepEqual(comments('a.js', 'x = "open\n// yes'), ['yes']);
      assert.deepEqual(comments('a.js', '/* open'), ['open']);
      assert.deepEqual(comments('a.rs', '/* a /* b */'), ['a /* b */']);
      assert.deepEqual(comments('a.py', 'x = """open\n# no'), []);
      assert.deepEqual(comments('a.rb', '=begin\nopen'), ['open']);
      assert.deepEqual(comments('a.lua', '--[[ open'), ['open']);
      assert.deepEqual(comments('a.ts', 'x = `a ${ y'), []);
      assert.deepEqual(comments('a.ts', '}}} `'), []);
      assert.deepEqual(comments('a.cpp', 'R"abc(never closed'), []);
      assert.deepEqual(comments('a.sh', 'cat <<EOF\nnever terminated # c'), ['c']);
    });

    it('handles very long lines and large inputs in linear time', () => {
      const line = 'x = "a" + b; '.repeat(200_000) + '// end';
      assert.deepEqual(comments('a.js', line), ['end']);
      const nested = '/*'.repeat(50_000) + '*/'.repeat(50_000) + ' // end';
      assert.deepEqual(comments('a.rs', nested).length, 2);
    });

    it('does not hang on binary-ish text in any language', () => {
      let seed = 7;
      const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
      let text = '';
      for (let i = 0; i < 200_000; i++) text += String.fromCharCode(random() % 256);
      for (const path of ['a.js', 'a.py', 'a.rs', 'a.sh', 'a.rb', 'a.lua', 'a.html', 'a.hs', 'a.pl', 'a.ps1', 'a.nix', 'a.cpp', 'x.unknown']) {
        const spans = commentOffsets(text, commentSyntaxFor(path));
        for (let k = 0; k < spans.length; k += 2) {
          assert.ok(spans[k] <= spans[k + 1], path);
          if (k > 0) assert.ok(spans[k] >= spans[k - 1], path);
        }
      }
    });
  });
});

describe('isInComment', () => {
  const text = 'const a = "ADR-1"; // see ADR-2\n/* block ADR-3 */ ADR-4\n';
  const at = (needle: string) => text.indexOf(needle);
  it('is true inside line and block comments, false in strings and code', () => {
    assert.equal(isInComment('a.ts', text, at('ADR-2')), true);
    assert.equal(isInComment('a.ts', text, at('ADR-3')), true);
    assert.equal(isInComment('a.ts', text, at('ADR-1')), false);
    assert.equal(isInComment('a.ts', text, at('ADR-4')), false);
    assert.equal(isInComment('a.ts', text, 0), false);
  });
  it('follows the language: # is a comment in Python, not in TypeScript', () => {
    assert.equal(isInComment('a.py', 'x = 1  # ADR-5\n', 9), true);
    assert.equal(isInComment('a.ts', 'x = 1;  # ADR-5\n', 10), false);
  });
});
