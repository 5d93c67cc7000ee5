import * as assert from 'node:assert/strict';
import { parsePerson, PeopleDirectory, samePerson } from '../../../src/core/governance/people';

describe('people: one person however records spell them', () => {
  it('parses name, email and both forms', () => {
    assert.deepEqual(parsePerson(' dana@example.com '), { text: 'dana@example.com', email: 'dana@example.com' });
    assert.deepEqual(parsePerson('Dana'), { text: 'Dana', name: 'Dana' });
    assert.deepEqual(parsePerson('Dana Scully <dana@example.com>'), { text: 'Dana Scully <dana@example.com>', name: 'Dana Scully', email: 'dana@example.com' });
    assert.deepEqual(parsePerson('Dana (dana@example.com)'), { text: 'Dana (dana@example.com)', name: 'Dana', email: 'dana@example.com' });
    assert.deepEqual(parsePerson('<dana@example.com>'), { text: '<dana@example.com>', name: undefined, email: 'dana@example.com' });
  });

  it('matches on email or name, case-insensitively', () => {
    assert.ok(samePerson('Dana <dana@example.com>', 'dana@example.com'));
    assert.ok(samePerson('DANA@Example.com', 'dana@example.com'));
    assert.ok(samePerson('Dana <dana@example.com>', 'dana'));
    assert.ok(samePerson('Dana Scully', 'dana  scully'));
    assert.ok(!samePerson('Dana <dana@example.com>', 'lee@example.com'));
    assert.ok(!samePerson('dana@example.com', 'Dana'), 'a bare email and a bare name share nothing');
    assert.ok(!samePerson(undefined, 'dana@example.com'));
  });

  it('groups mentions transitively into one person with the fullest label', () => {
    const people = new PeopleDirectory();
    for (const m of ['dana@example.com', 'Lee', 'Dana', 'Dana <DANA@example.com>', 'lee@example.com']) people.add(m);
    const groups = people.groups();
    assert.equal(groups.length, 3);
    const dana = people.groupOf('Dana');
    assert.equal(dana.label, 'Dana <dana@example.com>');
    assert.equal(dana.key, 'email:dana@example.com');
    assert.deepEqual(dana.mentions.sort(), ['Dana', 'Dana <DANA@example.com>', 'dana@example.com']);
    assert.equal(people.groupOf('dana@example.com'), dana);
    assert.notEqual(people.groupOf('Lee'), people.groupOf('lee@example.com'));
    assert.equal(people.groupOf('someone@else').label, 'someone@else', 'an unknown mention is a person of its own');
  });
});
