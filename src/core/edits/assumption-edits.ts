/**
 * Changes to assumption files (YAML: one assumption, or a list under `assumptions:`),
 * spliced through YamlText so comments and formatting of the rest survive.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { AssumptionStatus } from '../model';
import { idKey } from '../ids';
import { EditError, withNormalisedText, type EditResult } from './text';
import { findPair, renderScalar, YamlText } from './yaml-splice';

export interface AssumptionStatusChange {
  status: AssumptionStatus;
  /** Why: replaces `evidence` when given. */
  evidence?: string;
  /** With `superseded`: the assumption that replaces it. */
  supersededBy?: string;
}

/** Sets the status (and evidence, successor) of the assumption `id` in its file. */
export function setAssumptionStatus(text: string, id: string, change: AssumptionStatusChange): EditResult {
  return withNormalisedText(text, (lf) => {
    const y = new YamlText(lf, 'The assumption file');
    const path = locate(y, id);
    y.set(path, 'status', change.status);
    if (change.evidence?.trim()) y.set(path, 'evidence', change.evidence.trim());
    if (change.supersededBy?.trim()) y.addToList(path, 'superseded-by', [change.supersededBy.trim()]);
    return y.text;
  });
}

/** The path of the mapping holding assumption `id`: `[]` for a single-assumption file, `['assumptions', i]` in a list. */
function locate(y: YamlText, id: string): (string | number)[] {
  const root = y.node([]);
  if (!isMap(root)) throw new EditError('The file holds no assumption mapping.');
  const list = findPair(root, 'assumptions')?.value;
  if (isSeq(list)) {
    const index = list.items.findIndex((item) => isMap(item) && matches(findPair(item, 'id')?.value, id));
    if (index >= 0) return ['assumptions', index];
  } else if (matches(findPair(root, 'id')?.value, id)) {
    return [];
  }
  throw new EditError(`No assumption ${id} in this file.`);
}

function matches(node: unknown, id: string): boolean {
  return isScalar(node) && node.value !== null && idKey(String(node.value)) === idKey(id);
}

export interface NewAssumptionFields {
  id: string;
  statement: string;
  owner?: string;
  confidence?: string;
  impact?: string;
  validateBy?: string;
  decisions?: string[];
}

/**
 * Appends an assumption to a file holding a list under `assumptions:` (an empty file
 * gets the list). A file holding a single assumption fails: it would have to be
 * restructured, so the caller creates a new file instead.
 */
export function appendAssumption(fileText: string, a: NewAssumptionFields): EditResult {
  return withNormalisedText(fileText, (lf) => {
    const y = new YamlText(lf, 'The assumption file');
    const root = y.node([]);
    const fields = assumptionFields(a);
    if (root === undefined || root === null) {
      const body = fields.map(([k, v]) => `${k}: ${v}`).join('\n    ');
      return `${lf}${lf && !lf.endsWith('\n') ? '\n' : ''}assumptions:\n  - ${body}\n`;
    }
    const list = isMap(root) ? findPair(root, 'assumptions')?.value : undefined;
    if (!isSeq(list)) throw new EditError('This file holds a single assumption, not a list under `assumptions:`.');
    if (list.items.some((item) => isMap(item) && matches(findPair(item, 'id')?.value, a.id))) throw new EditError(`${a.id} is already in this file.`);
    if (list.items.length === 0) {
      y.set([], 'assumptions', ['\u0000']);
      y.replaceItem(['assumptions', 0], (indent, flow) => render(fields, indent, flow));
    } else {
      y.appendToSeq(['assumptions'], (indent, flow) => render(fields, indent, flow));
    }
    return y.text.endsWith('\n') || !lf.endsWith('\n') ? y.text : `${y.text}\n`;
  });
}

function assumptionFields(a: NewAssumptionFields): [string, string][] {
  const fields: [string, string][] = [
    ['id', renderScalar(a.id)],
    ['statement', renderScalar(a.statement)],
    ['status', 'active'],
  ];
  if (a.owner) fields.push(['owner', renderScalar(a.owner)]);
  fields.push(['confidence', a.confidence ?? 'medium'], ['impact', a.impact ?? 'medium']);
  if (a.validateBy) fields.push(['validate-by', a.validateBy]);
  if (a.decisions?.length) fields.push(['decisions', `[${a.decisions.map((d) => renderScalar(d)).join(', ')}]`]);
  return fields;
}

function render(fields: [string, string][], indent: string, flow: boolean): string {
  return flow ? `{ ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : fields.map(([k, v]) => `${k}: ${v}`).join(`\n${indent}`);
}
