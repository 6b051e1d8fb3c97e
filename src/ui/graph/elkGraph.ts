/**
 * The graph elk lays out for a big model, and where its answer puts each application.
 *
 * - Layered, left to right as the cards are drawn: a relation leaves the requirer's
 *   right edge (its requires handles) for the provider's left edge (its provides
 *   handles), so requirers come before providers and edges mostly run one way.
 * - Each endpoint that takes part in a relation is a port at the height of its row on
 *   the card, so elk orders the cards to cross as few edges as the handles allow.
 * - A subordinate sits beside one of its principals: the two (and any other subordinate
 *   given to that principal) are one block for elk, the subordinate on the side its
 *   container relation's handle faces (a subordinate that requires — containerd,
 *   calico, telegraf — to the left of its principal). A subordinate with several
 *   principals goes with the one that has the fewest so far (then the first), and
 *   relates to the others with ordinary edges.
 *
 * Pure and deterministic: the same view gives the same graph.
 */
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { ModelView } from '../../store/view.ts';
import type { ShownEndpoints } from './endpoints.ts';

/** A principal with the subordinates drawn beside it (a block elk places as one node); or an application alone. */
export interface Block {
  readonly id: string;
  readonly principal: string;
  /** Subordinates to the left (they require: their handle faces the principal's provides handle), top to bottom. */
  readonly left: readonly string[];
  /** Subordinates to the right (they provide), top to bottom. */
  readonly right: readonly string[];
}

/** Where each member of a block is, from the block's top-left corner, and the block's size. */
export interface BlockGeometry {
  readonly at: ReadonlyMap<string, { x: number; y: number }>;
  readonly width: number;
  readonly height: number;
}

/** Sizes the card takes, as the layout reserves them (px at zoom 1). */
export interface CardSizes {
  readonly width: number;
  readonly heights: ReadonlyMap<string, number>;
  readonly shown: ReadonlyMap<string, ShownEndpoints>;
  /** Between a principal and a subordinate beside it (room for the edge between them and its label). */
  readonly besideGap: number;
}

/** Between two subordinates stacked on the same side of a principal. */
const STACK_GAP = 24;
/** The card's header, and the strip under it, before the first endpoint row. */
const HEADER = 40;
const STRIP_LINE = 20;
const ROW = 28;

/** Principal and subordinates grouped into blocks, in the order of the view's applications (a block where its principal is). */
export function blocksOf(view: ModelView): Block[] {
  const apps = new Map(view.apps.map((a) => [a.name, a]));
  const given = new Map<string, { principal: string; side: 'left' | 'right' }>();
  const count = new Map<string, number>();
  for (const sub of view.apps) {
    if (!sub.subordinate) continue;
    // Its principals: the non-subordinate applications on the other end of its container relations, in the view's order.
    const links = new Map<string, 'left' | 'right'>();
    for (const rel of view.relations) {
      if (rel.peer || !rel.container) continue;
      const mine = rel.endpoints.find((e) => e.app === sub.name);
      const other = rel.endpoints.find((e) => e.app !== sub.name);
      if (!mine || !other || apps.get(other.app)?.subordinate !== false || links.has(other.app)) continue;
      links.set(other.app, mine.role === 'requires' ? 'left' : 'right');
    }
    const candidates = view.apps.filter((a) => links.has(a.name)).map((a) => a.name);
    let best: string | null = null;
    for (const c of candidates) if (best === null || (count.get(c) ?? 0) < (count.get(best) ?? 0)) best = c;
    if (best === null) continue;
    count.set(best, (count.get(best) ?? 0) + 1);
    given.set(sub.name, { principal: best, side: links.get(best) ?? 'left' });
  }
  const out: Block[] = [];
  for (const app of view.apps) {
    if (given.has(app.name)) continue;
    const mine = view.apps.filter((a) => given.get(a.name)?.principal === app.name);
    out.push({
      id: app.name,
      principal: app.name,
      left: mine.filter((a) => given.get(a.name)?.side === 'left').map((a) => a.name),
      right: mine.filter((a) => given.get(a.name)?.side === 'right').map((a) => a.name),
    });
  }
  return out;
}

/** Members of a block and where they sit in it: the principal at the top, subordinates stacked beside it. */
export function blockGeometry(block: Block, sizes: CardSizes): BlockGeometry {
  const h = (app: string) => sizes.heights.get(app) ?? 100;
  const at = new Map<string, { x: number; y: number }>();
  const column = (apps: readonly string[], x: number) => {
    let y = 0;
    for (const app of apps) {
      at.set(app, { x, y });
      y += h(app) + STACK_GAP;
    }
    return Math.max(0, y - STACK_GAP);
  };
  const px = block.left.length > 0 ? sizes.width + sizes.besideGap : 0;
  const leftH = column(block.left, 0);
  at.set(block.principal, { x: px, y: 0 });
  const rightH = column(block.right, px + sizes.width + sizes.besideGap);
  const width = px + sizes.width + (block.right.length > 0 ? sizes.besideGap + sizes.width : 0);
  return { at, width, height: Math.max(h(block.principal), leftH, rightH) };
}

/** The y of an endpoint's handle on its card, from the card's top (approximately: a hint for elk's ordering). */
function handleY(view: ModelView, app: string, endpoint: string, sizes: CardSizes): number {
  const a = view.apps.find((x) => x.name === app);
  const strip = a?.inferred ? 2 * STRIP_LINE : a?.real ? STRIP_LINE : 0;
  const rows = sizes.shown.get(app)?.shown ?? [];
  const i = rows.findIndex((e) => e.name === endpoint);
  return HEADER + strip + 4 + (i < 0 ? rows.length : i) * ROW + ROW / 2;
}

const LAYOUT = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Orthogonal routing is the quick one (splines cost elk ten times as long); the graph draws its own curves.
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  // Keep the view's order where crossings do not decide: the same model lays out the same.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.randomSeed': '1',
  'elk.spacing.nodeNode': '56',
  'elk.spacing.edgeEdge': '16',
  'elk.spacing.edgeNode': '24',
  // Components are packed afterwards (layout.ts arrange) for a wide screen.
  'elk.separateConnectedComponents': 'true',
} as const;

/**
 * elk's input for `view`: one node per block, a port per related endpoint, an edge per
 * relation between blocks (requirer → provider; a relation inside a block is drawn but
 * not laid out). `betweenLayers`: room between columns for the edges and their labels.
 */
export function elkGraph(view: ModelView, sizes: CardSizes, betweenLayers: number): { graph: ElkNode; blocks: ReadonlyMap<string, BlockGeometry> } {
  const blocks = blocksOf(view);
  const geometry = new Map(blocks.map((b) => [b.id, blockGeometry(b, sizes)]));
  const blockOf = new Map<string, string>();
  for (const b of blocks) for (const app of [b.principal, ...b.left, ...b.right]) blockOf.set(app, b.id);
  const ports = new Map<string, ElkPort[]>();
  const edges: ElkExtendedEdge[] = [];
  const port = (block: string, app: string, endpoint: string, east: boolean): string => {
    const id = `${app}:${endpoint}`;
    const list = ports.get(block) ?? [];
    if (!list.some((p) => p.id === id)) {
      const g = geometry.get(block);
      const y = (g?.at.get(app)?.y ?? 0) + handleY(view, app, endpoint, sizes);
      list.push({ id, width: 1, height: 1, x: east ? (g?.width ?? sizes.width) : -1, y, layoutOptions: { 'elk.port.side': east ? 'EAST' : 'WEST' } });
      ports.set(block, list);
    }
    return id;
  };
  for (const rel of view.relations) {
    if (rel.peer) continue;
    const requirer = rel.endpoints.find((e) => e.role === 'requires') ?? rel.endpoints[1];
    const provider = rel.endpoints.find((e) => e !== requirer);
    if (!requirer || !provider) continue;
    const from = blockOf.get(requirer.app);
    const to = blockOf.get(provider.app);
    if (!from || !to || from === to) continue;
    edges.push({ id: `relation-${rel.id}`, sources: [port(from, requirer.app, requirer.endpoint, true)], targets: [port(to, provider.app, provider.endpoint, false)] });
  }
  const children: ElkNode[] = blocks.map((b) => {
    const g = geometry.get(b.id);
    const list = [...(ports.get(b.id) ?? [])].sort((p, q) => (p.y ?? 0) - (q.y ?? 0));
    return { id: b.id, width: g?.width ?? sizes.width, height: g?.height ?? 100, ports: list, layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } };
  });
  const layoutOptions = { ...LAYOUT, 'elk.layered.spacing.nodeNodeBetweenLayers': String(betweenLayers), 'elk.spacing.componentComponent': '80' };
  return { graph: { id: 'model', layoutOptions, children, edges }, blocks: geometry };
}

/** Each application's box from elk's answer: its block's corner plus where it sits in the block. */
export function boxesFromElk(answer: ElkNode, blocks: ReadonlyMap<string, BlockGeometry>, sizes: CardSizes): Map<string, { x: number; y: number; w: number; h: number }> {
  const out = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const child of answer.children ?? []) {
    const g = blocks.get(child.id);
    if (!g) continue;
    for (const [app, at] of g.at) out.set(app, { x: (child.x ?? 0) + at.x, y: (child.y ?? 0) + at.y, w: sizes.width, h: sizes.heights.get(app) ?? 100 });
  }
  return out;
}
