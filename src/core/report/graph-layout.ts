/**
 * Lays out the relationship graph so that it stays readable at 100+ records: each
 * connected group of records is drawn on its own, older records and relied-on
 * assumptions to the left of what replaced or relies on them (layers by longest path,
 * then each record moved right next to the nearest record that relies on it or replaced
 * it, so lines stay short), rows ordered to cross few lines (barycentre sweeps over the
 * drawn positions, a line spanning several columns counted in each column it passes,
 * then swaps of neighbours while they remove crossings; the best order found is kept),
 * and the groups packed in shelves, largest first. Pure geometry, no drawing.
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
  /**
   * Points a line passes through between its ends (index into the graph's edges), left to
   * right: lines spanning several columns go through room kept for them, not across boxes.
   */
  routes: Map<number, { x: number; y: number }[]>;
}

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 26;
const COLUMN_GAP = 60;
const ROW_GAP = 12;
/** Height of the room kept in a column for a line passing through it. */
const PASS_HEIGHT = 8;
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
  const layer = pullRight(layers(n, out), graph.edges);
  const groups = components(n, neighbours);

  const boxes = groups.map((members) => arrangeGroup(members, layer, graph.edges));
  boxes.sort((a, b) => b.members - a.members || b.height - a.height);

  // Shelf packing: groups left to right until the width is used, then a new shelf.
  const placed: PlacedNode[] = [];
  const routes = new Map<number, { x: number; y: number }[]>();
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
    for (const [edge, points] of box.routes) routes.set(edge, points.map((p) => ({ x: p.x + x, y: p.y + y })));
    x += box.width + GROUP_GAP;
    width = Math.max(width, x - GROUP_GAP + MARGIN);
    shelfHeight = Math.max(shelfHeight, box.height);
  }
  placed.sort((a, b) => a.node - b.node);
  return { width: Math.max(width, 2 * MARGIN), height: n === 0 ? 2 * MARGIN : y + shelfHeight + MARGIN, nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, nodes: placed, routes };
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

/**
 * Moves each record as far right as the records that point at it allow (one column left
 * of the nearest), so that an assumption sits next to the first decision relying on it
 * rather than in the leftmost column. Edges still point right to left.
 */
function pullRight(layer: number[], edges: readonly { from: number; to: number }[]): number[] {
  const result = [...layer];
  const into: number[][] = result.map(() => []);
  for (const e of edges) if (e.from !== e.to) into[e.to].push(e.from);
  // Right to left: a record's pointers are placed before it.
  const order = result.map((_, i) => i).sort((a, b) => result[b] - result[a] || a - b);
  for (const v of order) {
    if (into[v].length === 0) continue;
    const limit = Math.min(...into[v].map((u) => result[u])) - 1;
    if (limit > result[v]) result[v] = limit;
  }
  return result;
}

/** A column's entries: a record, or a point where a longer line passes through. */
type Slot = { node: number } | { edge: number; column: number };

function arrangeGroup(members: number[], layer: number[], edges: readonly { from: number; to: number }[]) {
  const inGroup = new Set(members);
  const layersUsed = [...new Set(members.map((m) => layer[m]))].sort((a, b) => a - b);
  const columnOf = new Map(layersUsed.map((l, i) => [l, i]));
  const columns: Slot[][] = layersUsed.map(() => []);
  for (const node of members) columns[columnOf.get(layer[node])!].push({ node });
  // Each edge as a chain of slots, one per column it spans (its ends are the records).
  const chainIds: number[][] = [];
  const slotIds = new Map<Slot, number>();
  const slots: Slot[] = [];
  const idOf = (slot: Slot) => {
    let id = slotIds.get(slot);
    if (id === undefined) {
      id = slots.length;
      slots.push(slot);
      slotIds.set(slot, id);
    }
    return id;
  };
  const nodeSlot = new Map<number, Slot>();
  for (const column of columns) for (const slot of column) if ('node' in slot) nodeSlot.set(slot.node, slot);
  for (const slot of nodeSlot.values()) idOf(slot);
  edges.forEach((e, index) => {
    if (!inGroup.has(e.from) || e.from === e.to) return;
    const left = columnOf.get(layer[e.to])!;
    const right = columnOf.get(layer[e.from])!;
    if (right <= left) return; // drawn as a loop under the boxes; not ordered
    const chain = [idOf(nodeSlot.get(e.to)!)];
    for (let c = left + 1; c < right; c++) {
      const passing: Slot = { edge: index, column: c };
      columns[c].push(passing);
      chain.push(idOf(passing));
    }
    chain.push(idOf(nodeSlot.get(e.from)!));
    chainIds.push(chain);
  });
  // Neighbours of each slot in the next column to the left and to the right.
  const leftOf: number[][] = slots.map(() => []);
  const rightOf: number[][] = slots.map(() => []);
  for (const chain of chainIds) {
    for (let i = 0; i + 1 < chain.length; i++) {
      rightOf[chain[i]].push(chain[i + 1]);
      leftOf[chain[i + 1]].push(chain[i]);
    }
  }
  const order: number[][] = columns.map((column) => column.map(idOf));
  const height = (id: number) => ('node' in slots[id] ? NODE_HEIGHT : PASS_HEIGHT);
  const columnHeight = (c: number) => order[c].reduce((sum, id) => sum + height(id) + ROW_GAP, -ROW_GAP);
  const position = new Array<number>(slots.length).fill(0);
  // The middle of each slot, columns centred against the tallest.
  const placeColumn = (c: number, tallest: number) => {
    let y = (tallest - columnHeight(c)) / 2;
    for (const id of order[c]) {
      position[id] = y + height(id) / 2;
      y += height(id) + ROW_GAP;
    }
  };
  const tallestNow = () => Math.max(...order.map((_, c) => columnHeight(c)));
  const place = () => {
    const tallest = tallestNow();
    order.forEach((_, c) => placeColumn(c, tallest));
  };
  place();

  const crossingsBetween = (c: number) => {
    // Pairs of lines between column c and c + 1 whose ends are in opposite orders.
    const pairs: [number, number][] = [];
    for (const id of order[c]) for (const r of rightOf[id]) pairs.push([position[id], position[r]]);
    let count = 0;
    for (let i = 0; i < pairs.length; i++) for (let j = i + 1; j < pairs.length; j++) if ((pairs[i][0] - pairs[j][0]) * (pairs[i][1] - pairs[j][1]) < 0) count++;
    return count;
  };
  const totalCrossings = () => {
    let total = 0;
    for (let c = 0; c + 1 < order.length; c++) total += crossingsBetween(c);
    return total;
  };

  const sortColumn = (c: number, towards: number[][]) => {
    const key = (id: number) => {
      const list = towards[id];
      return list.length > 0 ? list.reduce((sum, m) => sum + position[m], 0) / list.length : position[id];
    };
    const keyed = order[c].map((id) => ({ id, key: key(id) }));
    keyed.sort((a, b) => a.key - b.key || position[a.id] - position[b.id]);
    order[c] = keyed.map((k) => k.id);
    placeColumn(c, tallestNow());
  };

  let best = order.map((column) => [...column]);
  let bestCrossings = totalCrossings();
  for (let round = 0; round < 8 && bestCrossings > 0; round++) {
    for (let c = 1; c < order.length; c++) sortColumn(c, leftOf);
    for (let c = order.length - 2; c >= 0; c--) sortColumn(c, rightOf);
    place();
    const now = totalCrossings();
    if (now < bestCrossings) {
      bestCrossings = now;
      best = order.map((column) => [...column]);
    }
  }
  order.splice(0, order.length, ...best);
  place();
  // Swaps of neighbours in a column while a swap removes crossings with the columns beside it.
  for (let pass = 0; pass < 6; pass++) {
    let improved = false;
    for (let c = 0; c < order.length; c++) {
      for (let row = 0; row + 1 < order[c].length; row++) {
        const before = (c > 0 ? crossingsBetween(c - 1) : 0) + (c + 1 < order.length ? crossingsBetween(c) : 0);
        [order[c][row], order[c][row + 1]] = [order[c][row + 1], order[c][row]];
        placeColumn(c, tallestNow());
        const after = (c > 0 ? crossingsBetween(c - 1) : 0) + (c + 1 < order.length ? crossingsBetween(c) : 0);
        if (after < before) improved = true;
        else {
          [order[c][row], order[c][row + 1]] = [order[c][row + 1], order[c][row]];
          placeColumn(c, tallestNow());
        }
      }
    }
    if (!improved) break;
  }

  // Each slot moved towards the middle of what it is linked to, in its column's order and
  // without overlaps (a few rounds over the columns), so short columns spread out beside
  // the records they link to instead of huddling in the middle.
  place();
  const tallest = tallestNow();
  for (let round = 0; round < 4; round++) {
    order.forEach((column) => {
      const wanted = column.map((id) => {
        const linked = [...leftOf[id], ...rightOf[id]];
        return linked.length > 0 ? linked.reduce((sum, m) => sum + position[m], 0) / linked.length : position[id];
      });
      // Top down: no higher than wanted allows, no overlap with the one above.
      let floor = 0;
      const top = column.map((id, i) => {
        const y = Math.max(floor, wanted[i] - height(id) / 2);
        floor = y + height(id) + ROW_GAP;
        return y;
      });
      // Bottom up: inside the group's height.
      let ceiling = tallest;
      for (let i = column.length - 1; i >= 0; i--) {
        top[i] = Math.min(top[i], ceiling - height(column[i]));
        ceiling = top[i] - ROW_GAP;
      }
      column.forEach((id, i) => (position[id] = Math.max(0, top[i]) + height(id) / 2));
    });
  }
  // The records where their slots are; a longer line passes through the room kept for it.
  const nodes: PlacedNode[] = [];
  const routes = new Map<number, { x: number; y: number }[]>();
  order.forEach((column, c) => {
    const x = c * (NODE_WIDTH + COLUMN_GAP);
    for (const id of column) {
      const slot = slots[id];
      if ('node' in slot) nodes.push({ node: slot.node, x, y: position[id] - NODE_HEIGHT / 2 });
      else {
        const route = routes.get(slot.edge) ?? [];
        route.push({ x, y: position[id] }, { x: x + NODE_WIDTH, y: position[id] });
        routes.set(slot.edge, route);
      }
    }
  });
  return {
    members: members.length,
    width: order.length * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP,
    height: tallest,
    nodes,
    routes,
  };
}
