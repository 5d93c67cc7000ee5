/**
 * Lays out the relationship graph so that it stays readable at 100+ records: each
 * connected group of records is drawn on its own, older records and relied-on
 * assumptions to the left of what replaced or relies on them (layers by longest path),
 * rows ordered to keep lines short (barycentre sweeps), and the groups packed in
 * shelves, largest first. Pure geometry, no drawing.
 */
import type { RelationshipGraph } from './report-model';

export interface PlacedNode {
  /** Index into the graph's nodes. */
  node: number;
  x: number;
  y: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  nodes: PlacedNode[];
}

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 26;
const COLUMN_GAP = 60;
const ROW_GAP = 12;
const GROUP_GAP = 28;
const MARGIN = 8;

export function layoutGraph(graph: RelationshipGraph, maxWidth = 1200): GraphLayout {
  const n = graph.nodes.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const e of graph.edges) {
    out[e.from].push(e.to);
    neighbours[e.from].push(e.to);
    neighbours[e.to].push(e.from);
  }
  const layer = layers(n, out);
  const groups = components(n, neighbours);

  const boxes = groups.map((members) => arrangeGroup(members, layer, neighbours));
  boxes.sort((a, b) => b.members - a.members || b.height - a.height);

  // Shelf packing: groups left to right until the width is used, then a new shelf.
  const placed: PlacedNode[] = [];
  let x = MARGIN;
  let y = MARGIN;
  let shelfHeight = 0;
  let width = 0;
  for (const box of boxes) {
    if (x > MARGIN && x + box.width > maxWidth) {
      x = MARGIN;
      y += shelfHeight + GROUP_GAP;
      shelfHeight = 0;
    }
    for (const p of box.nodes) placed.push({ node: p.node, x: p.x + x, y: p.y + y });
    x += box.width + GROUP_GAP;
    width = Math.max(width, x - GROUP_GAP + MARGIN);
    shelfHeight = Math.max(shelfHeight, box.height);
  }
  placed.sort((a, b) => a.node - b.node);
  return { width: Math.max(width, 2 * MARGIN), height: n === 0 ? 2 * MARGIN : y + shelfHeight + MARGIN, nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, nodes: placed };
}

/** Layer of each node: 0 for nodes with no outgoing edge, else 1 + the deepest target. Cycle-safe. */
function layers(n: number, out: number[][]): number[] {
  const layer = new Array<number>(n).fill(-1);
  const onStack = new Array<boolean>(n).fill(false);
  for (let start = 0; start < n; start++) {
    if (layer[start] >= 0) continue;
    // Iterative DFS (deep supersession chains must not overflow the stack).
    const stack: { node: number; next: number }[] = [{ node: start, next: 0 }];
    onStack[start] = true;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < out[top.node].length) {
        const target = out[top.node][top.next++];
        if (layer[target] < 0 && !onStack[target]) {
          onStack[target] = true;
          stack.push({ node: target, next: 0 });
        }
        continue;
      }
      let depth = 0;
      for (const target of out[top.node]) if (layer[target] >= 0) depth = Math.max(depth, layer[target] + 1);
      layer[top.node] = depth;
      onStack[top.node] = false;
      stack.pop();
    }
  }
  return layer;
}

function components(n: number, neighbours: number[][]): number[][] {
  const seen = new Array<boolean>(n).fill(false);
  const result: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    const members: number[] = [];
    const queue = [start];
    seen[start] = true;
    while (queue.length > 0) {
      const node = queue.pop()!;
      members.push(node);
      for (const next of neighbours[node]) {
        if (!seen[next]) {
          seen[next] = true;
          queue.push(next);
        }
      }
    }
    result.push(members.sort((a, b) => a - b));
  }
  return result;
}

function arrangeGroup(members: number[], layer: number[], neighbours: number[][]) {
  const columns = new Map<number, number[]>();
  for (const node of members) {
    const list = columns.get(layer[node]);
    if (list) list.push(node);
    else columns.set(layer[node], [node]);
  }
  const order = [...columns.keys()].sort((a, b) => a - b);
  const rowOf = new Map<number, number>();
  const assignRows = (list: number[]) => list.forEach((node, i) => rowOf.set(node, i));
  for (const c of order) assignRows(columns.get(c)!);
  // Sweeps each way: sort each column by the mean row of its neighbours (fewer crossings).
  const sweep = (sequence: number[]) => {
    for (const c of sequence) {
      const list = columns.get(c)!;
      const centre = (node: number) => {
        const rows = neighbours[node].filter((m) => rowOf.has(m) && layer[m] !== c).map((m) => rowOf.get(m)!);
        return rows.length > 0 ? rows.reduce((a, b) => a + b, 0) / rows.length : rowOf.get(node)!;
      };
      const keyed = list.map((node) => ({ node, key: centre(node) }));
      keyed.sort((a, b) => a.key - b.key || a.node - b.node);
      const sorted = keyed.map((k) => k.node);
      columns.set(c, sorted);
      assignRows(sorted);
    }
  };
  for (let i = 0; i < 4; i++) {
    sweep(order);
    sweep([...order].reverse());
  }
  const tallest = Math.max(...order.map((c) => columns.get(c)!.length));
  const nodes: PlacedNode[] = [];
  order.forEach((c, columnIndex) => {
    const list = columns.get(c)!;
    // Centre shorter columns against the tallest one.
    const offset = ((tallest - list.length) * (NODE_HEIGHT + ROW_GAP)) / 2;
    list.forEach((node, row) => nodes.push({ node, x: columnIndex * (NODE_WIDTH + COLUMN_GAP), y: offset + row * (NODE_HEIGHT + ROW_GAP) }));
  });
  return {
    members: members.length,
    width: order.length * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP,
    height: tallest * (NODE_HEIGHT + ROW_GAP) - ROW_GAP,
    nodes,
  };
}
