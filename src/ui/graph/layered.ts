/**
 * A small layered layout, left to right, for the teaching models (a few applications):
 * each application goes in a column (its rank) to the left of the applications it
 * requires, and the columns are ordered to keep relation lines from crossing. It
 * replaces dagre (16 KB gzipped in the first page load) for models elk does not lay out;
 * with a handful of cards, a longest-path ranking and a few barycentre sweeps draw what
 * dagre drew.
 */

/** A card to place: its name and height (all cards are `width` wide). */
export interface LayeredNode {
  readonly id: string;
  readonly height: number;
}

/** Space between two columns' cards, and between two cards of one column. */
const RANK_GAP = 240;
const NODE_GAP = 50;
/** Barycentre sweeps (each one left to right and back): plenty for a few cards. */
const SWEEPS = 4;

/**
 * The top-left corner of each node, given edges `[from, to]` drawn left to right
 * (requirer to provider). Nodes come out in `nodes`' order when nothing else decides.
 */
export function layered(nodes: readonly LayeredNode[], edges: ReadonlyArray<readonly [string, string]>, width: number): Map<string, { x: number; y: number }> {
  const ids = nodes.map((n) => n.id);
  const known = new Set(ids);
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  const into = new Map<string, string[]>(ids.map((id) => [id, []]));
  const seen = new Set<string>();
  for (const [a, b] of edges) {
    const key = `${a}\n${b}`;
    if (a === b || !known.has(a) || !known.has(b) || seen.has(key) || seen.has(`${b}\n${a}`)) continue;
    seen.add(key);
    out.get(a)?.push(b);
    into.get(b)?.push(a);
  }
  const rank = ranks(ids, out, into);
  const columns: string[][] = [];
  for (const id of ids) (columns[rank.get(id) ?? 0] ??= []).push(id);
  const dense = columns.filter((c) => c.length > 0);
  order(dense, out, into);

  const height = new Map(nodes.map((n) => [n.id, n.height]));
  const span = (c: readonly string[]) => c.reduce((h, id) => h + (height.get(id) ?? 0), 0) + NODE_GAP * (c.length - 1);
  const tallest = Math.max(0, ...dense.map(span));
  const at = new Map<string, { x: number; y: number }>();
  dense.forEach((column, i) => {
    // Each column centred on the tallest one, as dagre does.
    let y = (tallest - span(column)) / 2;
    for (const id of column) {
      at.set(id, { x: i * (width + RANK_GAP), y });
      y += (height.get(id) ?? 0) + NODE_GAP;
    }
  });
  return at;
}

/** Longest path from the sources (a cycle's closing edge ignored); then each source moved next to its nearest target. */
function ranks(ids: readonly string[], out: ReadonlyMap<string, readonly string[]>, into: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const rank = new Map<string, number>();
  const onPath = new Set<string>();
  const visit = (id: string): number => {
    const known = rank.get(id);
    if (known !== undefined) return known;
    onPath.add(id);
    let r = 0;
    for (const from of into.get(id) ?? []) if (!onPath.has(from)) r = Math.max(r, visit(from) + 1);
    onPath.delete(id);
    rank.set(id, r);
    return r;
  };
  for (const id of ids) visit(id);
  for (const id of ids) {
    const targets = out.get(id) ?? [];
    if ((into.get(id)?.length ?? 0) === 0 && targets.length > 0) rank.set(id, Math.min(...targets.map((t) => rank.get(t) ?? 1)) - 1);
  }
  return rank;
}

/** Reorders each column by the mean place of its neighbours in the column before (then after), a few times over. */
function order(columns: string[][], out: ReadonlyMap<string, readonly string[]>, into: ReadonlyMap<string, readonly string[]>) {
  const place = new Map<string, number>();
  const remember = () => columns.forEach((c) => c.forEach((id, i) => place.set(id, i)));
  remember();
  const sortBy = (column: string[], neighbours: ReadonlyMap<string, readonly string[]>) => {
    const was = new Map(column.map((id, i) => [id, i]));
    const centre = (id: string) => {
      const ns = (neighbours.get(id) ?? []).map((n) => place.get(n)).filter((p): p is number => p !== undefined);
      return ns.length === 0 ? (was.get(id) ?? 0) : ns.reduce((a, b) => a + b, 0) / ns.length;
    };
    column.sort((a, b) => centre(a) - centre(b) || (was.get(a) ?? 0) - (was.get(b) ?? 0));
    column.forEach((id, i) => place.set(id, i));
  };
  for (let s = 0; s < SWEEPS; s++) {
    for (let i = 1; i < columns.length; i++) sortBy(columns[i] ?? [], into);
    for (let i = columns.length - 2; i >= 0; i--) sortBy(columns[i] ?? [], out);
  }
}
