import * as assert from 'node:assert/strict';
import { parseDecision } from '../../../src/core/decisions';
import { decisionOf, lines, options, parse, r } from './helpers';

describe('broken and odd input', () => {
  it('holds no record for empty, blank or binary text, and says so on the file', () => {
    const noRecord = (text: string, why: RegExp) => {
      const result = parse('doc/adr/0001-x.md', text);
      assert.equal(result.decision, undefined);
      assert.deepEqual(result.problems.map((p) => [p.code, p.range.start.line]), [['record.schema', 0]]);
      assert.match(result.problems[0].message, why);
    };
    noRecord('', /is empty/);
    noRecord(' \n\r\n\t', /is empty/);
    noRecord('\uFEFF', /is empty/);
    noRecord('PNG\u0000\u0001\u0002IHDR', /not a text file/);
    const garbage = Array.from({ length: 300 }, (_, i) => String.fromCharCode((i * 7919) % 32)).join('');
    noRecord(garbage, /not a text file/);
  });

  it('reports a YAML syntax error at its position and still reads the body', () => {
    const text = lines(
      '---', //                      0
      'title: Use Redis', //         1
      'status: [accepted', //        2
      'owner: ann', //               3
      '---', //                      4
      '# 4. Use Redis for caching', // 5
    );
    const { decision, problems } = parse('doc/adr/0004-use-redis.md', text);
    assert.ok(decision);
    assert.equal(decision.id, 'ADR-0004');
    assert.equal(decision.title, 'Use Redis');
    // Reported at the unclosed `[`, not where the parser noticed; the field is not reported a
    // second time as mistyped.
    assert.deepEqual(
      problems.map((p) => [p.code, p.range]),
      [['record.yaml', r(2, 8, 2, 17)]],
    );
    assert.match(problems[0].message, /^YAML syntax error: Flow sequence/);
  });

  it('reports a bad indentation at its exact position', () => {
    const text = lines('---', 'title: A', '  status: accepted', '---', '# A');
    const { problems } = parse('doc/adr/0001-a.md', text);
    assert.deepEqual(
      problems.map((p) => [p.code, p.range]),
      [
        ['record.yaml', r(1, 7, 1, 8)],
        ['record.yaml', r(1, 7, 2, 8)],
      ],
    );
  });

  it('reports an unclosed quote at the quote', () => {
    const { problems } = parse('doc/adr/0001-a.md', lines('---', 'title: "Use B', 'status: accepted', '---', '# B'));
    assert.deepEqual(
      problems.map((p) => [p.code, p.range]),
      [['record.yaml', r(1, 7, 1, 13)]],
    );
  });

  it('reports a duplicate key', () => {
    const { problems } = parse('doc/adr/0001-a.md', lines('---', 'status: accepted', 'status: rejected', '---'));
    assert.deepEqual(
      problems.map((p) => [p.code, p.range.start.line]),
      [['record.yaml', 2]],
    );
  });

  it('reports wrong types at the offending field and keeps the usable fields', () => {
    const text = lines(
      '---', //                             0
      'title: Use Redis', //                1
      'status: accepted', //                2
      'tags: {a: 1}', //                    3
      'owner: [ann, bo]', //                4
      'approvers: alice', //                5
      'supersedes: [ADR-1, {x: 1}]', //     6
      'review-by: true', //                 7
      '---', //                             8
      '# Heading', //                       9
    );
    const { decision, problems } = parse('doc/adr/0004-use-redis.md', text);
    assert.ok(decision);
    assert.equal(decision.title, 'Use Redis');
    assert.equal(decision.status, 'accepted');
    assert.deepEqual(decision.tags, []);
    assert.equal(decision.owner, undefined);
    assert.deepEqual(decision.approvers.map((a) => [a.name, a.state]), [['alice', 'pending']]);
    assert.deepEqual(decision.supersedes.map((m) => m.id), ['ADR-1']);
    assert.equal(decision.reviewBy, undefined);
    assert.deepEqual(
      problems.map((p) => [p.code, p.range]),
      [
        ['record.schema', r(3, 6, 3, 12)],
        ['record.schema', r(4, 7, 4, 16)],
        ['record.schema', r(5, 11, 5, 16)],
        ['record.schema', r(6, 12, 6, 27)],
        ['record.schema', r(7, 11, 7, 15)],
      ],
    );
    assert.match(problems[0].message, /`tags`/);
  });

  it('reports front matter that is not a mapping', () => {
    const { decision, problems } = parse('doc/adr/0001-a.md', lines('---', '- a', '- b', '---', '# A'));
    assert.equal(decision?.title, 'A');
    assert.deepEqual(
      problems.map((p) => [p.code, p.range.start]),
      [['record.schema', { line: 1, column: 0 }]],
    );
  });

  it('treats an unclosed front matter fence as body text', () => {
    const { decision, problems } = parse('doc/adr/0001-a.md', lines('---', 'status: accepted', '# A'));
    assert.deepEqual(problems, []);
    assert.equal(decision?.title, 'A');
  });

  it('survives an unclosed code fence', () => {
    const d = decisionOf('doc/adr/0001-a.md', lines('# 1. A', '', '## Status', '', 'Accepted', '', '```', '## Status', 'Rejected'));
    assert.equal(d.status, 'accepted');
  });

  it('survives alias bombs', () => {
    const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    bomb.push('---', '# Bomb');
    const { decision } = parse('doc/adr/0001-a.md', bomb.join('\n'));
    assert.equal(decision?.title, 'Bomb');
  });

  it('never throws, whatever the input', () => {
    const pieces = ['---', '# ', '## Status', 'Superseded by [', '](', ')', '```', '~~~', '<!--', '-->', 'status: ', '* Status:', ':', '[', ']', '{', '}', '&a', '*a', '\t', '\r', '\n', '\uFEFF', '\uD800', 'ADR-', '0005-x.md', '/adr/', '#', '|', '!', '\u0007'];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let n = 0; n < 400; n++) {
      const length = next() % 40;
      let text = '';
      for (let i = 0; i < length; i++) text += pieces[next() % pieces.length] + (next() % 3 === 0 ? '\n' : '');
      assert.doesNotThrow(() => parseDecision('doc/adr/0001-x.md', text, options), JSON.stringify(text));
    }
  });

  it('never throws on inputs of the wrong type', () => {
    assert.deepEqual(parseDecision('x.md', undefined as unknown as string, options), { problems: [] });
    assert.deepEqual(parseDecision('x.md', 42 as unknown as string, options), { problems: [] });
    assert.ok(parseDecision(undefined as unknown as string, '# A', options).decision);
    assert.ok(parseDecision('x.md', '# A', undefined as unknown as typeof options).decision);
  });
});

describe('hostile input stays fast', () => {
  const budgetMs = 1500;
  const timed = (text: string) => {
    const start = Date.now();
    parseDecision('doc/adr/0001-x.md', text, options);
    return Date.now() - start;
  };

  it('long lines of brackets, spaces and hashes in every metadata position', () => {
    const brackets = '['.repeat(50_000);
    const spaces = `# a${' '.repeat(50_000)}x`;
    const text = lines(
      '---',
      `status: "${brackets}"`,
      `supersedes: "superseded by ${'[a](b '.repeat(5000)}"`,
      '---',
      spaces,
      `# 1. ${brackets}`,
      `* Status: ${brackets}`,
      '## Status',
      `Superseded by ${brackets}`,
      `Superseded by ${'[x]('.repeat(20_000)}`,
      '## Context',
      brackets,
    );
    const ms = timed(text);
    assert.ok(ms < budgetMs, `${ms} ms`);
  });

  it('a megabyte of text', () => {
    const ms = timed(`# 1. Big\n\n## Status\n\nAccepted\n\n## Context\n\n${'Lorem ipsum dolor, see ADR-5 and [x](0005-x.md). '.repeat(20_000)}`);
    assert.ok(ms < budgetMs, `${ms} ms`);
  });
});
