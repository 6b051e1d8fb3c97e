/**
 * Automatic layout with dagre (left to right: requirers before providers), used for
 * applications the user has not placed by hand; dragged positions are remembered.
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
function layoutKey(view: ModelView): string {
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

function computeLayout(view: ModelView, saved: Readonly<Record<string, { x: number; y: number }>>): Record<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 240, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const depth = subordinateDepth(view);
  for (const app of view.apps) {
    const eps = app.endpoints.filter((e) => !e.implicit).length + 1;
    g.setNode(app.name, { width: NODE_WIDTH, height: nodeHeight(eps, app.subordinate ? 0 : app.units.length, depth.get(app.name) ?? 0) });
  }
  for (const rel of view.relations) {
    if (rel.peer) continue;
    const [provider, requirer] = rel.endpoints;
    if (provider && requirer) g.setEdge(requirer.app, provider.app);
  }
  dagre.layout(g);
  const out: Record<string, { x: number; y: number }> = {};
  for (const app of view.apps) {
    const saved_ = saved[app.name];
    if (saved_) {
      out[app.name] = saved_;
      continue;
    }
    const n = g.node(app.name);
    out[app.name] = { x: n.x - n.width / 2, y: n.y - n.height / 2 };
  }
  return out;
}
