/**
 * People as records name them: `dana@example.com`, `Dana`, `Dana <dana@example.com>`,
 * `Dana (dana@example.com)`. Two mentions are the same person when they share an email
 * or a name, compared case-insensitively — so "me" (`alignment.identity` or the git
 * email) matches approvers and owners however a record spells them, and the sidebar
 * shows one node per person.
 */

export interface Person {
  /** The mention as written, trimmed. */
  text: string;
  name?: string;
  email?: string;
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+$/;

export function parsePerson(text: string): Person {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const bracketed = /^(.*?)\s*[<(]\s*([^\s<>()]+@[^\s<>()]+)\s*[>)]\s*$/.exec(trimmed);
  if (bracketed) {
    const name = bracketed[1].replace(/^["']|["']$/g, '').trim();
    return { text: trimmed, name: name || undefined, email: bracketed[2] };
  }
  if (EMAIL.test(trimmed)) return { text: trimmed, email: trimmed };
  return { text: trimmed, name: trimmed || undefined };
}

function keysOf(person: Person): string[] {
  const keys: string[] = [];
  if (person.email) keys.push(`email:${person.email.toLowerCase()}`);
  if (person.name) keys.push(`name:${person.name.toLowerCase()}`);
  return keys;
}

/** True when two mentions name the same person (shared email or name, case-insensitive). */
export function samePerson(a: string | Person | undefined, b: string | Person | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const ka = keysOf(typeof a === 'string' ? parsePerson(a) : a);
  const kb = new Set(keysOf(typeof b === 'string' ? parsePerson(b) : b));
  return ka.some((k) => kb.has(k));
}

/** One person and every spelling of them seen so far. */
export interface PersonGroup {
  /** Stable key: the first email seen (lower case), else the first name. */
  key: string;
  /** Best display form: `Name <email>` when both are known, else the email, else the name. */
  label: string;
  name?: string;
  email?: string;
  mentions: string[];
}

/**
 * Groups mentions into people: mentions sharing an email or a name join one group,
 * transitively (`Dana`, `Dana <dana@x>` and `dana@x` are one person).
 */
export class PeopleDirectory {
  private readonly parent = new Map<string, string>();
  private readonly persons = new Map<string, Person>();
  private cache: { groups: PersonGroup[]; byMention: Map<string, PersonGroup> } | undefined;

  add(text: string): void {
    const person = parsePerson(text);
    if (!person.text || this.persons.has(person.text)) return;
    this.cache = undefined;
    this.persons.set(person.text, person);
    const node = `text:${person.text}`;
    this.parent.set(node, this.find(node));
    for (const key of keysOf(person)) this.union(node, key);
  }

  /** The group of a mention (added or not: unknown mentions get a group of their own). */
  groupOf(text: string): PersonGroup {
    const person = parsePerson(text);
    return this.resolved().byMention.get(person.text) ?? toGroup([person]);
  }

  /** Every person, in the order first seen. */
  groups(): PersonGroup[] {
    return this.resolved().groups;
  }

  private resolved(): { groups: PersonGroup[]; byMention: Map<string, PersonGroup> } {
    if (this.cache) return this.cache;
    const byRoot = new Map<string, Person[]>();
    for (const person of this.persons.values()) {
      const root = this.find(`text:${person.text}`);
      const list = byRoot.get(root);
      if (list) list.push(person);
      else byRoot.set(root, [person]);
    }
    const groups = [...byRoot.values()].map(toGroup);
    const byMention = new Map<string, PersonGroup>();
    for (const group of groups) for (const mention of group.mentions) byMention.set(mention, group);
    this.cache = { groups, byMention };
    return this.cache;
  }

  private find(node: string): string {
    let root = node;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function toGroup(persons: Person[]): PersonGroup {
  const email = persons.find((p) => p.email)?.email;
  const name = persons.find((p) => p.name)?.name;
  const label = name && email ? `${name} <${email}>` : (email ?? name ?? persons[0].text);
  return { key: email ? `email:${email.toLowerCase()}` : `name:${(name ?? persons[0].text).toLowerCase()}`, label, name, email, mentions: persons.map((p) => p.text) };
}
