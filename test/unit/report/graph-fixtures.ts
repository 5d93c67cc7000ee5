/**
 * Inputs and measures for tests of the relationship graph's layout: a seeded synthetic
 * graph shaped like a long-lived decision log, and the number of line crossings (and lines
 * through boxes) in the picture the chart draws from a layout.
 */
import type { GraphLayout } from '../../../src/core/report/graph-layout';
import type { GraphEdge, RecordRef, RelationshipGraph } from '../../../src/core/report/report-model';
import { seededRandom } from '../../shared/seeded-random';

/**
 * `records` records of a decision log: about one in six an assumption, the decisions in
 * supersession chains of one to five, and each assumption relied on by one to four
 * decisions anywhere in the log (as teams reuse assumptions across topics).
 */
export function syntheticGraph(records: number, seed: number): RelationshipGraph {
  const next = seededRandom(seed);
  const nodes: RecordRef[] = [];
  const edges: GraphEdge[] = [];
  const assumptions: number[] = [];
  const decisions: number[] = [];
  for (let i = 0; i < records; i++) {
    const assumption = next() < 1 / 6;
    const id = assumption ? `ASM-${assumptions.length + 1}` : `ADR-${String(decisions.length + 1).padStart(4, '0')}`;
    nodes.push({ folder: 'f', id, kind: assumption ? 'assumption' : 'decision', title: `Record ${i + 1}`, status: assumption ? 'active' : 'accepted', path: `docs/${id}.md`, line: 0, owner: null });
    (assumption ? assumptions : decisions).push(i);
  }
  // Supersession chains over the decisions in record order.
  let at = 0;
  while (at < decisions.length) {
    const length = 1 + Math.floor(next() * 5);
    for (let k = 1; k < length && at + k < decisions.length; k++) edges.push({ from: decisions[at + k], to: decisions[at + k - 1], kind: 'supersedes' });
    at += length;
  }
  for (const a of assumptions) {
    const users = 1 + Math.floor(next() * 4);
    const chosen = new Set<number>();
    for (let k = 0; k < users; k++) chosen.add(decisions[Math.floor(next() * decisions.length)]);
    for (const d of chosen) edges.push({ from: d, to: a, kind: 'relies-on' });
  }
  return { nodes, edges, isolated: 0 };
}

type Point = { x: number; y: number };

/** The drawn line of an edge as points (the chart's curves, sampled), as svg.ts draws it. */
export function edgePolyline(layout: GraphLayout, edge: { from: number; to: number }, index: number, samples = 24): Point[] {
  const at = new Map(layout.nodes.map((p) => [p.node, p]));
  const a = at.get(edge.to)!;
  const b = at.get(edge.from)!;
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  const curves: [Point, Point, Point, Point][] = [];
  if (b.x > a.x + w) {
    const points = [{ x: a.x + w, y: a.y + h / 2 }, ...(layout.routes?.get(index) ?? []), { x: b.x, y: b.y + h / 2 }];
    for (let i = 1; i < points.length; i++) {
      const [p, q] = [points[i - 1], points[i]];
      const mid = (p.x + q.x) / 2;
      curves.push([p, { x: mid, y: p.y }, { x: mid, y: q.y }, q]);
    }
  } else {
    curves.push([{ x: a.x + w / 2, y: a.y + h }, { x: a.x + w / 2, y: a.y + h + 20 }, { x: b.x + w / 2, y: b.y + h + 20 }, { x: b.x + w / 2, y: b.y + h }]);
  }
  const points: Point[] = [];
  for (const [p0, p1, p2, p3] of curves) {
    for (let i = points.length === 0 ? 0 : 1; i <= samples; i++) {
      const t = i / samples;
      const u = 1 - t;
      points.push({
        x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
        y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
      });
    }
  }
  return points;
}

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const cross = (o: Point, p: Point, q: Point) => (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function segmentInBox(a: Point, b: Point, box: { x1: number; y1: number; x2: number; y2: number }): boolean {
  // Sampled finely enough that a point inside the box is what counts.
  for (let i = 0; i <= 4; i++) {
    const x = a.x + ((b.x - a.x) * i) / 4;
    const y = a.y + ((b.y - a.y) * i) / 4;
    if (x > box.x1 + 1 && x < box.x2 - 1 && y > box.y1 + 1 && y < box.y2 - 1) return true;
  }
  return false;
}

/**
 * What a reader sees of a layout: `crossings`, the pairs of lines (not sharing a record)
 * that cross; `throughNodes`, the lines drawn across a box that is neither of their ends.
 */
export function graphCrossings(graph: RelationshipGraph, layout: GraphLayout): { crossings: number; throughNodes: number } {
  const lines = graph.edges.map((e, i) => edgePolyline(layout, e, i));
  const bounds = lines.map((pts) => ({ x1: Math.min(...pts.map((p) => p.x)), x2: Math.max(...pts.map((p) => p.x)), y1: Math.min(...pts.map((p) => p.y)), y2: Math.max(...pts.map((p) => p.y)) }));
  let crossings = 0;
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const [e, f] = [graph.edges[i], graph.edges[j]];
      if (e.from === f.from || e.from === f.to || e.to === f.from || e.to === f.to) continue;
      const [p, q] = [bounds[i], bounds[j]];
      if (p.x2 < q.x1 || q.x2 < p.x1 || p.y2 < q.y1 || q.y2 < p.y1) continue;
      let found = false;
      for (let s = 0; s + 1 < lines[i].length && !found; s++) {
        for (let t = 0; t + 1 < lines[j].length && !found; t++) if (segmentsCross(lines[i][s], lines[i][s + 1], lines[j][t], lines[j][t + 1])) found = true;
      }
      if (found) crossings++;
    }
  }
  let throughNodes = 0;
  const boxes = layout.nodes.map((p) => ({ node: p.node, x1: p.x, y1: p.y, x2: p.x + layout.nodeWidth, y2: p.y + layout.nodeHeight }));
  graph.edges.forEach((e, i) => {
    for (const box of boxes) {
      if (box.node === e.from || box.node === e.to) continue;
      if (box.x2 < bounds[i].x1 || box.x1 > bounds[i].x2 || box.y2 < bounds[i].y1 || box.y1 > bounds[i].y2) continue;
      if (lines[i].some((pt, k) => k + 1 < lines[i].length && segmentInBox(pt, lines[i][k + 1], box))) throughNodes++;
    }
  });
  return { crossings, throughNodes };
}
