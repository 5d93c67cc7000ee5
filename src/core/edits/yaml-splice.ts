/**
 * Minimal edits of YAML text. The `yaml` package's Document API parses the text and
 * says where every node is; the change is then spliced into the text at that node, so
 * comments, key order, quoting, flow style and blank lines of everything else survive
 * byte for byte (a whole-document `toString()` would re-indent and re-quote). New
 * values are rendered by the same package (`stringify`), and each edit re-parses its
 * result and checks that the document now holds what was asked.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { EditError, lineEndOf, lineStartOf, trimmedEnd } from './text';

type Path = readonly (string | number)[];

/** A YAML text being edited; every operation re-parses, so node offsets are always current. */
export class YamlText {
  private current: string;
  private document: Document;

  constructor(text: string, what = 'The YAML') {
    this.current = text;
    this.document = parse(text, what);
  }

  get text(): string {
    return this.current;
  }

  get doc(): Document {
    return this.document;
  }

  /** The node at a path of keys and indexes, or undefined. */
  node(path: Path): Node | undefined {
    let node: unknown = this.document.contents;
    for (const key of path) {
      if (isMap(node)) node = findPair(node, String(key))?.value;
      else if (isSeq(node) && typeof key === 'number') node = node.items[key];
      else return undefined;
    }
    return (node ?? undefined) as Node | undefined;
  }

  /** The mapping at `path`; the root mapping is created when the text holds nothing yet. */
  map(path: Path): YAMLMap {
    const node = this.node(path);
    if (isMap(node)) return node;
    throw new EditError(`Expected a mapping at ${describe(path)}.`);
  }

  /** Sets `key` of the mapping at `mapPath` to a string (or a list of strings), replacing only the value's text. */
  set(mapPath: Path, key: string, value: string | readonly string[], where: 'end' | 'start' = 'end'): void {
    if (mapPath.length === 0 && this.document.contents === null) {
      this.splice(this.current.length, this.current.length, (this.current && !this.current.endsWith('\n') ? '\n' : '') + `${key}:${blockValue(value, '')}\n`);
    } else {
      const map = this.map(mapPath);
      const pair = findPair(map, key);
      if (!pair) this.insertPair(map, key, value, where);
      else this.replaceValue(map, pair, value);
    }
    this.expect([...mapPath, key], value);
  }

  /** Adds strings to the list at `key` (a single string becomes a list), skipping those present. */
  addToList(mapPath: Path, key: string, values: readonly string[]): void {
    const map = this.map(mapPath);
    const pair = findPair(map, key);
    const existing = this.node([...mapPath, key]);
    const have = listValues(existing);
    const missing = values.filter((v) => !have.includes(v));
    if (missing.length === 0) return;
    if (!pair || existing === undefined || (isScalar(existing) && (existing.value === null || existing.value === ''))) {
      this.set(mapPath, key, values.length === 1 && !pair ? values[0] : [...values]);
      return;
    }
    if (isSeq(existing)) {
      for (const value of missing) this.appendItem(this.node([...mapPath, key]) as YAMLSeq, renderScalar(value));
    } else if (isScalar(existing)) {
      this.replaceValue(map, pair, [String(existing.value), ...missing]);
    } else {
      throw new EditError(`\`${key}\` is neither a value nor a list.`);
    }
    this.expectIncludes([...mapPath, key], values);
  }

  /**
   * Appends an item to the sequence at `seqPath`. `render` gets the indentation of the
   * item's content (for block items written over several lines) and returns its text.
   */
  appendToSeq(seqPath: Path, render: (indent: string, flow: boolean) => string): void {
    const seq = this.node(seqPath);
    if (!isSeq(seq)) throw new EditError(`Expected a list at ${describe(seqPath)}.`);
    this.appendItem(seq, render);
  }

  /** Replaces the whole item at `path` (a scalar, say) with new text rendered for its indentation. */
  replaceItem(path: Path, render: (indent: string, flow: boolean) => string): void {
    const node = this.node(path);
    if (!node?.range) throw new EditError(`Nothing at ${describe(path)}.`);
    const parent = this.node(path.slice(0, -1));
    const flow = isSeq(parent) && !!parent.flow;
    const start = node.range[0];
    const end = isScalar(node) ? node.range[1] : trimmedEnd(this.current, node.range[1], start);
    this.splice(start, end, render(' '.repeat(start - lineStartOf(this.current, start)), flow));
  }

  private replaceValue(map: YAMLMap, pair: Pair, value: string | readonly string[]): void {
    const keyNode = pair.key as Node;
    const node = pair.value as Node | null;
    const indent = ' '.repeat(keyNode.range![0] - lineStartOf(this.current, keyNode.range![0]));
    if (typeof value === 'string' && isScalar(node) && node.range && node.value !== null && node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') {
      this.splice(node.range[0], node.range[1], renderScalar(value, node.type));
      return;
    }
    if (map.flow) {
      const rendered = typeof value === 'string' ? renderScalar(value) : `[${value.map((v) => renderScalar(v)).join(', ')}]`;
      if (node?.range && !(isScalar(node) && node.value === null)) this.splice(node.range[0], isScalar(node) ? node.range[1] : trimmedEnd(this.current, node.range[1]), rendered);
      else this.splice(colonAfter(this.current, keyNode), colonAfter(this.current, keyNode), ` ${rendered}`);
      return;
    }
    // Replace everything from just after the colon to the end of the old value.
    const colon = colonAfter(this.current, keyNode);
    let end = colon;
    if (node?.range && !(isScalar(node) && node.value === null)) end = isScalar(node) ? node.range[1] : trimmedEnd(this.current, node.range[1], colon);
    this.splice(colon, end, blockValue(value, indent));
  }

  private insertPair(map: YAMLMap, key: string, value: string | readonly string[], where: 'end' | 'start'): void {
    const renderedKey = renderScalar(key);
    if (map.flow) {
      const close = this.current.lastIndexOf('}', map.range![1]);
      const rendered = typeof value === 'string' ? renderScalar(value) : `[${value.map((v) => renderScalar(v)).join(', ')}]`;
      const empty = map.items.length === 0;
      this.splice(trimmedEnd(this.current, close), trimmedEnd(this.current, close), `${empty ? '' : ','} ${renderedKey}: ${rendered}${empty ? ' ' : ''}`);
      return;
    }
    const first = map.items[0];
    if (!first || !isPair(first)) throw new EditError('Cannot add a field to an empty mapping here.');
    const firstKey = first.key as Node;
    const indent = ' '.repeat(firstKey.range![0] - lineStartOf(this.current, firstKey.range![0]));
    if (where === 'start') {
      this.splice(firstKey.range![0], firstKey.range![0], `${renderedKey}:${blockValue(value, indent)}\n${indent}`);
      return;
    }
    const at = lineEndOf(this.current, contentEnd(this.current, map));
    this.splice(at, at, `\n${indent}${renderedKey}:${blockValue(value, indent)}`);
  }

  private appendItem(seq: YAMLSeq | undefined, render: string | ((indent: string, flow: boolean) => string)): void {
    if (!seq?.range) throw new EditError('Expected a list.');
    const text = this.current;
    if (seq.flow) {
      const close = text.lastIndexOf(']', seq.range[1]);
      const item = typeof render === 'string' ? render : render('', true);
      const at = trimmedEnd(text, close);
      this.splice(at, at, seq.items.length === 0 ? item : `, ${item}`);
      return;
    }
    const first = seq.items[0] as Node | undefined;
    if (!first?.range) throw new EditError('Expected a list with items.');
    const dash = text.lastIndexOf('-', first.range[0]);
    const dashIndent = ' '.repeat(dash - lineStartOf(text, dash));
    const gap = first.range[0] - dash; // `- ` or `-   `
    const item = typeof render === 'string' ? render : render(' '.repeat(dashIndent.length + gap), false);
    const at = lineEndOf(text, contentEnd(text, seq));
    this.splice(at, at, `\n${dashIndent}-${' '.repeat(gap - 1)}${item}`);
  }

  private splice(start: number, end: number, insert: string): void {
    this.current = this.current.slice(0, start) + insert + this.current.slice(end);
    this.document = parse(this.current, 'The edited YAML');
  }

  private expect(path: Path, value: string | readonly string[]): void {
    const actual = toJs(this.node(path));
    const wanted = typeof value === 'string' ? value : [...value];
    if (JSON.stringify(actual) !== JSON.stringify(wanted)) throw new EditError(`Could not set ${describe(path)} without disturbing the rest of the YAML.`);
  }

  private expectIncludes(path: Path, values: readonly string[]): void {
    const have = listValues(this.node(path));
    if (!values.every((v) => have.includes(v))) throw new EditError(`Could not add to ${describe(path)} without disturbing the rest of the YAML.`);
  }
}

function parse(text: string, what: string): Document {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, logLevel: 'error' });
  if (doc.errors.length > 0) throw new EditError(`${what} has a syntax error (${doc.errors[0].message.split('\n')[0]}); fix it before changing the record.`);
  return doc;
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
}

/** A string rendered as a YAML scalar: the given quoting when the old value had one, else plain when that reads back the same. */
export function renderScalar(value: string, type?: Scalar.Type | null): string {
  const defaultStringType = type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? type : 'PLAIN';
  return stringify(value, { lineWidth: 0, defaultStringType, defaultKeyType: 'PLAIN' }).replace(/\n$/, '');
}

/** The text after `key:` for a value written in block style at `indent`. */
function blockValue(value: string | readonly string[], indent: string): string {
  if (typeof value === 'string') return ` ${renderScalar(value)}`;
  return value.map((v) => `\n${indent}  - ${renderScalar(v)}`).join('');
}

function colonAfter(text: string, keyNode: Node): number {
  const at = text.indexOf(':', keyNode.range![1]);
  if (at < 0) throw new EditError('Malformed mapping.');
  return at + 1;
}

/** End of a collection's last content (before trailing blank lines). */
function contentEnd(text: string, node: Node): number {
  return trimmedEnd(text, node.range![1], node.range![0]);
}

function toJs(node: Node | undefined): unknown {
  if (node === undefined) return undefined;
  return (node as { toJSON(): unknown }).toJSON();
}

function listValues(node: Node | undefined): string[] {
  if (node === undefined) return [];
  const value = toJs(node);
  if (Array.isArray(value)) return value.map(String);
  if (value === null || value === undefined || value === '') return [];
  return [String(value)];
}

function describe(path: Path): string {
  return path.length ? `\`${path.join('.')}\`` : 'the top level';
}
