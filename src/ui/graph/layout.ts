/**
 * Automatic layout with dagre (left to right: requirers before providers), used for
 * applications the user has not placed by hand; dragged positions are remembered.
 * Applications not related to each other are set side by side rather than stacked
 * (dagre would put them all in one column), so the graph fits a wide screen at a
 * readable zoom.
 */
import dagre from '@dagrejs/dagre';
import type { ModelView } from '../../store/view.ts';

export const NODE_WIDTH = 320;

/**
 * Unit chips an application shows at most: a big application (hundreds of units)
 * would cost the page seconds to draw and no one reads that many chips; the
 * swimlanes and `juju status` list them all.
 */
export const MAX_CHIPS = 24;

/** The chips shown: the first MAX_CHIPS, then the selected unit and units in error wherever they are. */
export function shownUnits<U extends { readonly name: string; readonly failedHook: string | null }>(units: readonly U[], selected: string | null): readonly U[] {
  if (units.length <= MAX_CHIPS) return units;
  const more = units.slice(MAX_CHIPS).filter((u) => u.name === selected || u.failedHook !== null);
  return [...units.slice(0, MAX_CHIPS), ...more.slice(0, MAX_CHIPS)];
}

/**
 * Height of an application node: header, endpoints, and one row of unit chips per two
 * units, each chip as tall as the unit plus the subordinate chips under it.
 */
export function nodeHeight(endpoints: number, units: number, subordinatesPerUnit = 0): number {
  // (At most MAX_CHIPS chips are drawn, then a line saying how many more.)
  const chips = Math.min(units, MAX_CHIPS);
  return 70 + endpoints * 30 + Math.max(1, Math.ceil(chips / 2)) * 56 * (1 + subordinatesPerUnit) + (units > chips ? 28 : 0);
}

/** The most subordinates any unit of each principal application carries. */
function subordinateDepth(view: ModelView): Map<string, number> {
  const perUnit = new Map<string, number>();
  for (const u of Object.values(view.units)) if (u.principal) perUnit.set(u.principal, (perUnit.get(u.principal) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const [unit, n] of perUnit) {
    const app = view.units[unit]?.app;
    if (app) out.set(app, Math.max(out.get(app) ?? 0, n));
  }
  return out;
}

/** What the layout depends on: applications, their sizes, and the relations between them. */
export function layoutKey(view: ModelView): string {
  const depth = subordinateDepth(view);
  const apps = view.apps.map((a) => `${a.name}:${a.endpoints.length}:${a.subordinate ? 0 : a.units.length}:${depth.get(a.name) ?? 0}`);
  const rels = view.relations.filter((r) => !r.peer).map((r) => r.endpoints.map((e) => e.app).join('>'));
  return `${apps.join(',')}|${rels.join(',')}`;
}

let cache: { key: string; saved: Readonly<Record<string, { x: number; y: number }>>; out: Record<string, { x: number; y: number }> } | null = null;

/** Positions for every application: saved ones as they are, the rest laid out by dagre (recomputed only when the graph's shape changes). */
export function autoLayout(view: ModelView, saved: Readonly<Record<string, { x: number; y: number }>>): Record<string, { x: number; y: number }> {
  const key = layoutKey(view);
  if (cache && cache.key === key && cache.saved === saved) return cache.out;
  const out = computeLayout(view, saved);
  cache = { key, saved, out };
  return out;
}

/** The width : height of the box the graph is usually shown in (a wide panel). */
const SCREEN_ASPECT = 3;
/** Space between applications that are not related (dagre's own spacing is for related ones). */
const GAP = 80;

interface Box {
  readonly apps: readonly string[];
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Groups of applications joined by relations (peers aside), in the order their first application comes. */
function components(view: ModelView): string[][] {
  const parent = new Map(view.apps.map((a) => [a.name, a.name]));
  const root = (a: string): string => {
    const p = parent.get(a) ?? a;
    return p === a ? a : root(p);
  };
  for (const rel of view.relations) {
    const [a, b] = rel.endpoints;
    if (!rel.peer && a && b) parent.set(root(a.app), root(b.app));
  }
  const groups = new Map<string, string[]>();
  for (const app of view.apps) {
    const r = root(app.name);
    const g = groups.get(r);
    if (g) g.push(app.name);
    else groups.set(r, [app.name]);
  }
  return [...groups.values()];
}

/** Left-to-right rows of `boxes`, each row at most `width` wide: where each box goes, and the size of the whole. */
function shelves(boxes: readonly Box[], width: number): { at: { x: number; y: number }[]; w: number; h: number } {
  const at: { x: number; y: number }[] = [];
  let [x, y, rowH, w] = [0, 0, 0, 0];
  for (const b of boxes) {
    if (x > 0 && x + b.w > width) [x, y, rowH] = [0, y + rowH + GAP, 0];
    at.push({ x, y });
    x += b.w + GAP;
    rowH = Math.max(rowH, b.h);
    w = Math.max(w, x - GAP);
  }
  return { at, w, h: y + rowH };
}

/** The rows that show `boxes` largest in a SCREEN_ASPECT box (each row's width tried in turn). */
function pack(boxes: readonly Box[]): { x: number; y: number }[] {
  let best = shelves(boxes, Infinity);
  let zoom = Math.min(SCREEN_ASPECT / best.w, 1 / best.h);
  for (let k = 1, width = 0; k < boxes.length; k++) {
    width += (boxes[k - 1]?.w ?? 0) + (k > 1 ? GAP : 0);
    const next = shelves(boxes, Math.max(width, ...boxes.map((b) => b.w)));
    const z = Math.min(SCREEN_ASPECT / next.w, 1 / next.h);
    if (z > zoom) [best, zoom] = [next, z];
  }
  return best.at;
}

function computeLayout(view: ModelView, saved: Readonly<Record<string, { x: number; y: number }>>): Record<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 240, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const depth = subordinateDepth(view);
  for (const app of view.apps) {
    // One row more for a real charm's no-behaviour strip.
    const eps = app.endpoints.filter((e) => !e.implicit).length + 1 + (app.real ? 1 : 0);
    g.setNode(app.name, { width: NODE_WIDTH, height: nodeHeight(eps, app.subordinate ? 0 : app.units.length, depth.get(app.name) ?? 0) });
  }
  for (const rel of view.relations) {
    if (rel.peer) continue;
    const [provider, requirer] = rel.endpoints;
    if (provider && requirer) g.setEdge(requirer.app, provider.app);
  }
  dagre.layout(g);
  // dagre's top-left corners; then each group of related applications moved as a whole into its place.
  const corner = (app: string) => {
    const n = g.node(app);
    return { x: n.x - n.width / 2, y: n.y - n.height / 2, w: n.width, h: n.height };
  };
  const boxes: Box[] = components(view).map((apps) => {
    const cs = apps.map(corner);
    const x = Math.min(...cs.map((c) => c.x));
    const y = Math.min(...cs.map((c) => c.y));
    return { apps, x, y, w: Math.max(...cs.map((c) => c.x + c.w)) - x, h: Math.max(...cs.map((c) => c.y + c.h)) - y };
  });
  const places = pack(boxes);
  const out: Record<string, { x: number; y: number }> = {};
  boxes.forEach((box, i) => {
    const place = places[i] ?? { x: box.x, y: box.y };
    for (const app of box.apps) {
      const c = corner(app);
      out[app] = saved[app] ?? { x: c.x - box.x + place.x + 20, y: c.y - box.y + place.y + 20 };
    }
  });
  return out;
}
