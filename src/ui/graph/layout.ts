/**
 * Automatic layout (left to right: requirers before providers), used for applications
 * the user has not placed by hand; dragged positions are remembered. Applications not
 * related to each other are set side by side rather than stacked (dagre would put them
 * all in one column), so the graph fits a wide screen at a readable zoom.
 *
 * Two layouters: layered.ts, small and synchronous, for the teaching models (a few
 * applications); and elk (elkGraph.ts), for a model of ELK_FROM applications or more —
 * a bundle of real charms — where its crossing minimisation with ports, and subordinates
 * set beside their principals, make the difference. elk is big (about 1.6 MB), so it is
 * loaded only when such a model is drawn (a dynamic import), and a plain grid (or its
 * last layout) is drawn until it answers.
 */
import type { ModelView } from '../../store/view.ts';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { CardSizes } from './elkGraph.ts';
import { endpointRows, relatedEndpoints, shownEndpoints, type ShownEndpoints } from './endpoints.ts';
import { layered } from './layered.ts';

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
/** Height of one cross-model line on a card. */
export const CROSS_MODEL_ROW = 20;

export function nodeHeight(endpoints: number, units: number, subordinatesPerUnit = 0): number {
  // (At most MAX_CHIPS chips are drawn, then a line saying how many more.)
  const chips = Math.min(units, MAX_CHIPS);
  return 70 + endpoints * 30 + Math.max(1, Math.ceil(chips / 2)) * 56 * (1 + subordinatesPerUnit) + (units > chips ? 28 : 0);
}

/**
 * The subordinate chips under each unit of a principal application, as the layout
 * reserves them: the most any of its units carries, or — if more — how many
 * subordinate applications it is related to (their units come as the relations settle:
 * reserving the room up front keeps the layout still while a bundle's hooks play).
 */
function subordinateDepth(view: ModelView): Map<string, number> {
  const perUnit = new Map<string, number>();
  for (const u of Object.values(view.units)) if (u.principal) perUnit.set(u.principal, (perUnit.get(u.principal) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const [unit, n] of perUnit) {
    const app = view.units[unit]?.app;
    if (app) out.set(app, Math.max(out.get(app) ?? 0, n));
  }
  const subordinate = new Set(view.apps.filter((a) => a.subordinate).map((a) => a.name));
  const related = new Map<string, Set<string>>();
  for (const rel of view.relations) {
    if (!rel.container || rel.life !== 'alive') continue;
    const sub = rel.endpoints.find((e) => subordinate.has(e.app));
    const principal = rel.endpoints.find((e) => !subordinate.has(e.app));
    if (sub && principal) related.set(principal.app, (related.get(principal.app) ?? new Set()).add(sub.app));
  }
  for (const [app, subs] of related) {
    const units = view.apps.find((a) => a.name === app)?.units.length ?? 0;
    if (units > 0) out.set(app, Math.max(out.get(app) ?? 0, subs.size));
  }
  return out;
}

/** Whether the model shows the implicit juju-info endpoints (something in it requires juju-info). */
export const showsJujuInfo = (view: ModelView): boolean => view.apps.some((a) => a.endpoints.some((e) => e.role === 'requires' && e.interface === 'juju-info'));

/** What each application card draws as endpoint rows (folded as the card folds them, not expanded). */
export function endpointsOf(view: ModelView): Map<string, ShownEndpoints> {
  const related = relatedEndpoints(view);
  const juju = showsJujuInfo(view);
  const none: ReadonlySet<string> = new Set();
  return new Map(view.apps.map((a) => [a.name, shownEndpoints(a, related.get(a.name) ?? none, juju, false)]));
}

/** The height of every application's card, as the layout reserves it. */
export function appHeights(view: ModelView, shown: ReadonlyMap<string, ShownEndpoints> = endpointsOf(view)): Map<string, number> {
  const depth = subordinateDepth(view);
  return new Map(
    view.apps.map((app) => {
      const rows = endpointRows(app, shown.get(app.name) ?? { shown: [], folded: 0 });
      // (A line per cross-model note: an offer, or a saas the application is related to.)
      return [app.name, nodeHeight(rows, app.subordinate ? 0 : app.units.length, depth.get(app.name) ?? 0) + app.crossModel.length * CROSS_MODEL_ROW];
    }),
  );
}

/** What the layout depends on: applications, their sizes, and the relations between them (endpoints included: they are ports). */
export function layoutKey(view: ModelView): string {
  // Asked several times per frame (graph, fit, elk): once per view.
  const known = keys.get(view);
  if (known !== undefined) return known;
  const key = computeKey(view);
  keys.set(view, key);
  return key;
}
const keys = new WeakMap<ModelView, string>();

function computeKey(view: ModelView): string {
  const heights = appHeights(view);
  const apps = view.apps.map((a) => `${a.name}:${heights.get(a.name) ?? 0}`);
  const rels = view.relations.filter((r) => !r.peer).map((r) => r.endpoints.map((e) => `${e.app}:${e.endpoint}`).join('>'));
  return `${apps.join(',')}|${rels.join(',')}`;
}

type Positions = Record<string, { x: number; y: number }>;

/** A model of this many applications or more is laid out by elk. */
export const ELK_FROM = 5;
/** Relations over this many are labelled with their id alone (the full label on selection, and for screen readers): the endpoints are on the cards. */
export const FULL_LABELS_UP_TO = 8;

export const usesElk = (view: ModelView): boolean => view.apps.length >= ELK_FROM;
export const compactLabels = (view: ModelView): boolean => view.relations.filter((r) => !r.peer).length > FULL_LABELS_UP_TO;

/** elk's layout of a model (before saved positions), or 'failed' (the small layered layout stands). */
type ElkAnswer = Positions | 'failed';
/** elk's answers by layoutKey, the latest last (a few kept: undo and redo go back to them). */
const answers = new Map<string, ElkAnswer>();
const asked = new Map<string, Promise<void>>();

function elkAnswer(key: string): ElkAnswer | null {
  return answers.get(key) ?? null;
}

/** Whether `view` waits for elk: a big model it has not laid out yet. */
export function awaitsElk(view: ModelView): boolean {
  return usesElk(view) && !answers.has(layoutKey(view));
}

/** The sizes elk lays out with. */
export function cardSizes(view: ModelView): CardSizes {
  const shown = endpointsOf(view);
  return { width: NODE_WIDTH, heights: appHeights(view, shown), shown, besideGap: compactLabels(view) ? 96 : 300 };
}

/**
 * elk, imported once (a chunk of its own, fetched the first time a big model is drawn or
 * about to be). In the page it runs in a Web Worker of its own: a layout takes 0.1–0.4 s,
 * which on the page's thread would be a long task (the page's budget is none over 200 ms).
 */
let elk: Promise<{ layout: (graph: ElkNode) => Promise<ElkNode> }> | null = null;
function loadElk() {
  elk ??=
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK())
      : Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(([{ default: ELK }, { default: url }]) => new ELK({ workerFactory: () => new Worker(url) }));
  return elk;
}

/**
 * Fetches elk ahead of need (when the user is about to open a bundle), and runs it once on a
 * tiny graph: its first layout is slow (the browser compiles it), which then does not
 * delay the bundle's.
 */
export function preloadElk(): void {
  void loadElk()
    .then((e) => e.layout({ id: 'warm-up', layoutOptions: { 'elk.algorithm': 'layered' }, children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] }))
    .catch(() => undefined);
}

/** Lays `view` out with elk (loading it the first time); resolves once autoLayout returns the result. */
export function layoutWithElk(view: ModelView): Promise<void> {
  const key = layoutKey(view);
  if (answers.has(key)) return Promise.resolve();
  const pending = asked.get(key);
  if (pending) return pending;
  const sizes = cardSizes(view);
  // The graph's translation to elk comes with elk, not with the page.
  const job = Promise.all([loadElk(), import('./elkGraph.ts')])
    .then(async ([e, { elkGraph, boxesFromElk }]) => {
      const { graph, blocks } = elkGraph(view, sizes, compactLabels(view) ? 110 : 240);
      return { answer: await e.layout(graph), boxesFromElk, blocks };
    })
    .then(
      ({ answer, boxesFromElk, blocks }) => {
        const boxes = boxesFromElk(answer, blocks, sizes);
        return arrange(view, (app) => boxes.get(app) ?? { x: 0, y: 0, w: NODE_WIDTH, h: sizes.heights.get(app) ?? 100 });
      },
      (): ElkAnswer => 'failed',
    )
    .then((out) => {
      answers.set(key, out);
      if (answers.size > 16) answers.delete(answers.keys().next().value as string);
      asked.delete(key);
    });
  asked.set(key, job);
  return job;
}
let cache: { key: string; saved: Readonly<Positions>; source: ElkAnswer | null; before: Positions | null; out: Positions } | null = null;
/** The last elk layout drawn: while elk works on a change, the applications stay where it put them. */
let lastElk: Positions | null = null;

/**
 * Positions for every application: saved ones (dragged) as they are, the rest laid out
 * — by elk for a big model once it has answered (layoutWithElk), and for small models
 * by layered.ts. While elk works, applications it placed before stay there (new ones wait
 * to the right), or — the first time — a grid holds them: the graph moves once, when
 * elk answers. Recomputed only when the graph's shape changes. Synchronous:
 * `juju export-bundle` writes what this returns, which is what the graph draws.
 */
export function autoLayout(view: ModelView, saved: Readonly<Positions>): Positions {
  const key = layoutKey(view);
  const source = usesElk(view) ? elkAnswer(key) : null;
  const before = source === null && usesElk(view) && lastElk && view.apps.some((a) => lastElk?.[a.name]) ? lastElk : null;
  if (cache && cache.key === key && cache.saved === saved && cache.source === source && cache.before === before) return cache.out;
  let auto: Positions;
  if (source && source !== 'failed') auto = lastElk = source;
  else if (before) auto = meanwhile(view, before);
  // The first time, a big model waits for elk in a plain grid: a layered layout of it would be a picture shown a moment.
  else if (source === null && usesElk(view)) auto = grid(view);
  else auto = computeLayout(view);
  const out: Positions = {};
  for (const app of view.apps) out[app.name] = saved[app.name] ?? auto[app.name] ?? { x: 20, y: 20 };
  cache = { key, saved, source, before, out };
  return out;
}

/** Until elk first answers for a big model: rows of cards, in the model's order. */
function grid(view: ModelView): Positions {
  const heights = appHeights(view);
  const perRow = Math.max(1, Math.ceil(Math.sqrt(view.apps.length * SCREEN_ASPECT)));
  const out: Positions = {};
  let y = 0;
  for (let i = 0; i < view.apps.length; i += perRow) {
    const row = view.apps.slice(i, i + perRow);
    row.forEach((app, j) => (out[app.name] = { x: j * (NODE_WIDTH + GAP), y }));
    y += Math.max(...row.map((a) => heights.get(a.name) ?? 100)) + GAP;
  }
  return out;
}

/** Until elk answers: the applications `before` has where they were, the others in a column to their right. */
function meanwhile(view: ModelView, before: Positions): Positions {
  const heights = appHeights(view);
  const known = view.apps.filter((a) => before[a.name]);
  const right = Math.max(...known.map((a) => (before[a.name]?.x ?? 0) + NODE_WIDTH));
  let y = Math.min(...known.map((a) => before[a.name]?.y ?? 0));
  const out: Positions = {};
  for (const app of view.apps) {
    const at = before[app.name];
    if (at) out[app.name] = at;
    else {
      out[app.name] = { x: right + GAP, y };
      y += (heights.get(app.name) ?? 100) + GAP;
    }
  }
  return out;
}

/** The width : height of the box the graph is usually shown in (a wide panel). */
const SCREEN_ASPECT = 3;
/** Space between applications that are not related (layered.ts's own spacing is for related ones). */
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

/** The corners of laid out applications, each group of related ones moved as a whole into a wide block (pack). */
export function arrange(view: ModelView, corner: (app: string) => { x: number; y: number; w: number; h: number }): Positions {
  const boxes: Box[] = components(view).map((apps) => {
    const cs = apps.map(corner);
    const x = Math.min(...cs.map((c) => c.x));
    const y = Math.min(...cs.map((c) => c.y));
    return { apps, x, y, w: Math.max(...cs.map((c) => c.x + c.w)) - x, h: Math.max(...cs.map((c) => c.y + c.h)) - y };
  });
  const places = pack(boxes);
  const out: Positions = {};
  boxes.forEach((box, i) => {
    const place = places[i] ?? { x: box.x, y: box.y };
    for (const app of box.apps) {
      const c = corner(app);
      out[app] = { x: c.x - box.x + place.x + 20, y: c.y - box.y + place.y + 20 };
    }
  });
  return out;
}

/** The small layered layout (layered.ts): quick and synchronous, for small models and if elk fails on a big one. */
function computeLayout(view: ModelView): Positions {
  const heights = appHeights(view);
  const edges: Array<readonly [string, string]> = [];
  for (const rel of view.relations) {
    if (rel.peer) continue;
    const [provider, requirer] = rel.endpoints;
    if (provider && requirer) edges.push([requirer.app, provider.app]);
  }
  // Each group of related applications laid out on its own, then moved as a whole into its place.
  const at = new Map<string, { x: number; y: number }>();
  for (const group of components(view)) {
    for (const [app, corner] of layered(group.map((a) => ({ id: a, height: heights.get(a) ?? 100 })), edges, NODE_WIDTH)) at.set(app, corner);
  }
  return arrange(view, (app) => ({ ...(at.get(app) ?? { x: 0, y: 0 }), w: NODE_WIDTH, h: heights.get(app) ?? 100 }));
}
