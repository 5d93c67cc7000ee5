/**
 * Glob matching for `applies-to`, `exclude` and ignore files: `*`, `**`, `?`, `[...]`,
 * `[!...]`, `{a,b}`. A pattern without `/` matches a name at any depth (gitignore style);
 * a trailing `/` matches a folder and everything under it.
 *
 * Globs come from workspace text, so they are compiled to a small NFA and matched by
 * simulating all its states at once: time is (path length × pattern length), never
 * exponential, whatever the pattern (`**` and `*x` parts repeated many times). A pattern
 * that cannot be compiled (`[z-a]`, an unclosed `{`, a huge one) raises GlobError, which
 * callers turn into a finding or a configuration error; matching with one never throws.
 */

export class GlobError extends Error {}

/** Longest pattern compiled; longer ones are a GlobError (no real glob is this long). */
export const MAX_GLOB_LENGTH = 1000;
/** Most alternatives a pattern's `{a,b}` groups may expand to. */
const MAX_ALTERNATIVES = 64;

export interface GlobMatcher {
  /** True when the workspace-relative path matches (or lies under a matching folder). */
  test(path: string): boolean;
}

/** Many globs compiled into one automaton: each path is read once, whatever their number. */
export interface GlobSet extends GlobMatcher {
  /** The index of the last glob (in the order given) that matches the path, or -1. */
  lastMatch(path: string): number;
}

/** What a state consumes: one given character, any, any but `/`, a class, or nothing (a join point, or the end of one glob). */
const enum Kind {
  Char,
  Any,
  NotSlash,
  Class,
  Join,
  Accept,
}

/** One NFA state: what it consumes, and where an empty step or a consumed character leads. */
interface State {
  kind: Kind;
  /** Kind.Char: the character. Kind.Accept: the index of the glob that matched. */
  code: number;
  /** Kind.Class: inclusive ranges, and whether the class is negated. */
  ranges: readonly number[];
  negated: boolean;
  /** State after consuming a character (for loops: itself). */
  next: number;
  /** States reachable without consuming. */
  skip: number[];
}

const SLASH = 0x2f;

function consumes(state: State, c: number): boolean {
  switch (state.kind) {
    case Kind.Char:
      return c === state.code;
    case Kind.Any:
      return true;
    case Kind.NotSlash:
      return c !== SLASH;
    case Kind.Class: {
      if (c === SLASH) return false;
      const r = state.ranges;
      let inside = false;
      for (let k = 0; k < r.length && !inside; k += 2) inside = c >= r[k] && c <= r[k + 1];
      return inside !== state.negated;
    }
    default:
      return false;
  }
}

/** A set of NFA states reached after some prefix of the path, with its transitions as found. */
interface DfaNode {
  states: Int32Array;
  /** The highest glob index among the accepting states in the set, or -1. */
  accept: number;
  /** Transitions found so far, by character. */
  next: Map<number, DfaNode>;
}

/** Distinct state sets kept per automaton before the cache starts over (bounds memory). */
const MAX_DFA_NODES = 4000;

/**
 * The NFA of one or more globs (each glob's states end in its own Accept state), simulated
 * as a lazily built DFA: each set of states reached is a node, and its transition on a
 * character is computed once (O(states)) and then looked up, so a match costs one lookup
 * per character of the path however many globs there are.
 */
class Automaton implements GlobSet {
  /** For each state, the consuming (or accepting) states reachable from it without consuming. */
  private readonly closures: Int32Array[];
  private readonly mark: Uint32Array;
  private generation = 0;
  private nodes = new Map<string, DfaNode>();
  private start: DfaNode;

  constructor(private readonly states: State[]) {
    const n = states.length;
    this.closures = [];
    for (let s = 0; s < n; s++) {
      const seen = new Set<number>();
      const stack = [s];
      while (stack.length) {
        const t = stack.pop()!;
        if (seen.has(t)) continue;
        seen.add(t);
        stack.push(...states[t].skip);
      }
      this.closures.push(Int32Array.from([...seen].filter((t) => states[t].kind !== Kind.Join).sort((a, b) => a - b)));
    }
    this.mark = new Uint32Array(n);
    this.start = this.node(this.closures[0]);
  }

  test(path: string): boolean {
    return this.lastMatch(path) >= 0;
  }

  lastMatch(path: string): number {
    let node = this.start;
    for (let i = 0; i < path.length; i++) {
      const c = path.charCodeAt(i);
      node = node.next.get(c) ?? this.step(node, c);
      if (node.states.length === 0) return -1;
    }
    return node.accept;
  }

  private step(from: DfaNode, c: number): DfaNode {
    if (this.nodes.size > MAX_DFA_NODES) {
      this.nodes = new Map();
      this.start = this.node(this.closures[0]);
    }
    const generation = ++this.generation;
    if (generation > 0xfffffff0) {
      this.generation = 1;
      this.mark.fill(0);
    }
    const reached: number[] = [];
    for (const s of from.states) {
      const state = this.states[s];
      if (state.kind === Kind.Accept || !consumes(state, c)) continue;
      for (const t of this.closures[state.next]) {
        if (this.mark[t] === this.generation) continue;
        this.mark[t] = this.generation;
        reached.push(t);
      }
    }
    reached.sort((a, b) => a - b);
    const node = this.node(Int32Array.from(reached));
    from.next.set(c, node);
    return node;
  }

  private node(states: Int32Array): DfaNode {
    const key = states.join(',');
    let node = this.nodes.get(key);
    if (!node) {
      let accept = -1;
      for (const s of states) if (this.states[s].kind === Kind.Accept && this.states[s].code > accept) accept = this.states[s].code;
      node = { states, accept, next: new Map() };
      this.nodes.set(key, node);
    }
    return node;
  }
}

/**
 * Joins the globs' state lists into one automaton: state 0 leads to each glob's first
 * state, and each glob's end (one past its last state) becomes its Accept state. A glob
 * given as several lists (its `{a,b}` alternatives) accepts with the same index.
 */
function automaton(globs: ReadonlyArray<readonly State[][]>): Automaton {
  const all: State[] = [{ kind: Kind.Join, code: 0, ranges: [], negated: false, next: -1, skip: [] }];
  globs.forEach((alternatives, index) => {
    for (const states of alternatives) {
      const base = all.length;
      all[0].skip.push(base);
      for (const state of states) all.push({ ...state, next: state.next + base, skip: state.skip.map((t) => t + base) });
      all.push({ kind: Kind.Accept, code: index, ranges: [], negated: false, next: -1, skip: [] });
    }
  });
  return new Automaton(all);
}

type Consumer = Pick<State, 'kind'> & Partial<Pick<State, 'code' | 'ranges' | 'negated'>>;
const ANY: Consumer = { kind: Kind.Any };
const NOT_SLASH: Consumer = { kind: Kind.NotSlash };
const char = (code: number): Consumer => ({ kind: Kind.Char, code });

/** Builds states in order; each method appends states that continue at the next one. */
class Builder {
  readonly states: State[] = [];

  private push(consumer: Consumer, skip: number[], next = this.states.length + 1): void {
    this.states.push({ code: 0, ranges: [], negated: false, ...consumer, next, skip });
  }

  one(consumer: Consumer): void {
    this.push(consumer, []);
  }

  /** Zero or more characters. */
  loop(consumer: Consumer): void {
    const at = this.states.length;
    this.push(consumer, [at + 1], at);
  }

  /** `(?:.*\/)?`: nothing, or anything that ends with a slash. */
  anyFolders(): void {
    const at = this.states.length;
    this.push({ kind: Kind.Join }, [at + 1, at + 3]); // into the loop, or past the whole group
    this.push(ANY, [at + 2], at + 1);
    this.push(char(SLASH), []);
  }

  /** `(?:\/.*)?` at the end: nothing more (when optional), or a slash and anything. */
  anySubpath(optional: boolean): void {
    const at = this.states.length;
    this.push({ kind: Kind.Join }, optional ? [at + 1, at + 3] : [at + 1]);
    this.push(char(SLASH), []);
    this.push(ANY, [at + 3], at + 2);
  }
}

const cache = new Map<string, GlobMatcher | GlobError>();
const statesCache = new Map<string, State[][] | GlobError>();

/** Compiles a glob; throws GlobError when it is not a usable pattern. */
export function compileGlob(glob: string): GlobMatcher {
  return cached(cache, glob, () => automaton([globStates(glob)]));
}

/**
 * Compiles many globs into one matcher (ignore files, `exclude`): one pass over a path
 * tells which of them match, in time linear in the path whatever their number. A glob
 * that is not usable matches nothing (its index is never returned).
 */
export function compileGlobSet(globs: readonly string[]): GlobSet {
  return automaton(
    globs.map((glob) => {
      try {
        return globStates(glob);
      } catch {
        return [];
      }
    }),
  );
}

/** The state lists of a glob, one per `{a,b}` alternative (cached); throws GlobError. */
function globStates(glob: string): State[][] {
  return cached(statesCache, glob, () => compileUncached(glob));
}

/**
 * What `build` gives for `glob`, kept in `store` (at most 4096 globs, then it starts
 * over); a GlobError is kept too and thrown again on every later call.
 */
function cached<T>(store: Map<string, T | GlobError>, glob: string, build: () => T): T {
  let value = store.get(glob);
  if (value === undefined) {
    try {
      value = build();
    } catch (error) {
      value = error instanceof GlobError ? error : new GlobError(String(error));
    }
    if (store.size > 4096) store.clear();
    store.set(glob, value);
  }
  if (value instanceof GlobError) throw value;
  return value;
}

/** Why a glob cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function compileUncached(glob: string): State[][] {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`the pattern is longer than ${MAX_GLOB_LENGTH} characters`);
  let pattern = glob.trim().replace(/\\/g, '/');
  let directoryOnly = false;
  if (pattern.endsWith('/')) {
    directoryOnly = true;
    pattern = pattern.slice(0, -1);
  }
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  else if (pattern.startsWith('/')) pattern = pattern.slice(1);
  return expandBraces(pattern).map((p) => compileOne(p, anchored, directoryOnly));
}

/** `a{b,c}d` → `abd`, `acd` (groups do not nest; each alternative is literal text). */
function expandBraces(pattern: string): string[] {
  let results = [''];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close >= 0) {
        const part = pattern.slice(i, close + 1);
        results = results.map((r) => r + part);
        i = close;
        continue;
      }
    }
    if (c !== '{') {
      results = results.map((r) => r + c);
      continue;
    }
    const close = pattern.indexOf('}', i + 1);
    if (close < 0) throw new GlobError('a `{` has no closing `}`');
    const options = pattern.slice(i + 1, close).split(',');
    if (results.length * options.length > MAX_ALTERNATIVES) throw new GlobError(`its \`{…}\` groups expand to more than ${MAX_ALTERNATIVES} patterns`);
    results = results.flatMap((r) => options.map((o) => r + escapeGlob(o)));
    i = close;
  }
  return results;
}

/** Alternatives are literal: their glob characters are escaped with a marker the compiler knows. */
const LITERAL = '\u0000';
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]{}]/g, (c) => LITERAL + c);
}

function compileOne(pattern: string, anchored: boolean, directoryOnly: boolean): State[] {
  const b = new Builder();
  if (!anchored) b.anyFolders();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === LITERAL) {
      b.one(char(pattern.charCodeAt(++i)));
    } else if (c === '*') {
      if (pattern[i + 1] === '*') {
        while (pattern[i + 1] === '*') i++;
        if (pattern[i + 1] === '/') {
          b.anyFolders();
          i++;
        } else {
          b.loop(ANY);
        }
      } else {
        b.loop(NOT_SLASH);
      }
    } else if (c === '?') {
      b.one(NOT_SLASH);
    } else if (c === '[' && pattern.indexOf(']', i + 2) >= 0) {
      const close = pattern.indexOf(']', i + 2);
      b.one(characterClass(pattern.slice(i + 1, close)));
      i = close;
    } else {
      b.one(char(pattern.charCodeAt(i)));
    }
  }
  b.anySubpath(!directoryOnly);
  return b.states;
}

/** `a-z0-9_`, `!abc` / `^abc` (negated). Never matches `/`. */
function characterClass(body: string): Consumer {
  const negated = body.startsWith('!') || body.startsWith('^');
  const text = negated ? body.slice(1) : body;
  const ranges: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const from = text.charCodeAt(i);
    if (text[i + 1] === '-' && i + 2 < text.length) {
      const to = text.charCodeAt(i + 2);
      if (to < from) throw new GlobError(`the range \`${text.slice(i, i + 3)}\` is out of order`);
      ranges.push(from, to);
      i += 2;
    } else {
      ranges.push(from, from);
    }
  }
  if (ranges.length === 0 && !negated) throw new GlobError('`[]` matches nothing');
  return { kind: Kind.Class, ranges, negated };
}

/** True when the workspace-relative path matches the glob (or lies under a matching folder); an invalid glob matches nothing. */
export function matchesGlob(path: string, glob: string): boolean {
  try {
    return compileGlob(glob).test(path);
  } catch {
    return false;
  }
}

export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => matchesGlob(path, g));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
