/**
 * Swimlane geometry, pure (tested in test/ui/swimlanes.test.ts): one lane per unit,
 * an application's lanes together in unit-number order (worker/10 after worker/9),
 * applications in the order their first hook ran; every hook a block on one shared axis, in trace order,
 * so the order across units reads left to right; a `juju exec` that wrote relation
 * data a small marker on its unit's lane; arrows from each commit to the
 * relation-changed hooks it caused (`cause` = the writer's seq, JUJU-SEMANTICS §3).
 * Blocks are as wide as their label, so the axis stays short without truncating.
 */
import type { HookKind } from '../../engine/ops.ts';
import type { ExecRecord, HookRecord, TraceList } from '../../engine/trace.ts';
import type { Finding } from '../../io/trace/check.ts';
import type { ImportedHook } from '../../io/trace/record.ts';

/** A hook of a real history (src/io/trace/) on a lane, with what Juju's guarantees rule out about it (laid out by src/ui/imported/). */
export interface ImportedBlockRecord {
  readonly type: 'imported';
  readonly hook: ImportedHook;
  readonly findings: readonly Finding[];
  /** Its tooltip (one function for every block, kept out of the page's first load). */
  readonly title: (b: Block) => string;
}

export const Geometry = {
  /** The sticky column of unit names. */
  nameWidth: 136,
  /** The sticky seq ruler on top. */
  axisHeight: 22,
  laneHeight: 44,
  blockHeight: 30,
  /** Space between two consecutive blocks (of any lanes). */
  gap: 6,
  /** Monospace label: 14px × 0.6 em per character, plus padding and borders. */
  charWidth: 8.45,
  padding: 18,
  minWidth: 52,
  maxWidth: 190,
  execWidth: 40,
} as const;

/** Colour groups: what a teacher points at (departed / broken / stop and remove stand apart). */
export type Tone = 'lifecycle' | 'leadership' | 'created' | 'joined' | 'changed' | 'departed' | 'broken' | 'ending' | 'action' | 'exec';

export interface Block {
  readonly lane: number;
  /** Left edge and width on the shared axis, in pixels. */
  readonly x: number;
  readonly w: number;
  readonly seq: number;
  /** Index of the record in the full trace. */
  readonly index: number;
  readonly unit: string;
  /** Full hook name (`master-relation-departed`), the action name, or `juju exec …`. */
  readonly hook: string;
  /** `other`: a hook of a real history no rule here is about (update-status, storage, pebble…). */
  readonly kind: HookKind | 'exec' | 'other';
  readonly tone: Tone;
  /** What the block shows: `joined`, `departed`, `install`, the action name, `exec`. */
  readonly label: string;
  readonly failed: boolean;
  /** A hook of a real history that Juju's guarantees rule out. */
  readonly flagged: boolean;
  readonly record: HookRecord | ExecRecord | ImportedBlockRecord;
}

export interface Lane {
  readonly unit: string;
  /** Blocks (indexes into `blocks`) of its first and last operation. */
  readonly first: number;
  readonly last: number;
  /** Trace index of its `remove` hook, if it ran one (the unit is gone after it). */
  readonly removedAt: number | null;
}

/** From the block that committed a write to a relation-changed block that reports it. */
export interface Arrow {
  readonly from: number;
  readonly to: number;
}

export interface SwimlaneLayout {
  readonly lanes: readonly Lane[];
  /** In trace order, so `x` and `index` increase along the array. */
  readonly blocks: readonly Block[];
  readonly arrows: readonly Arrow[];
  /** Length of the axis (all blocks), in pixels. */
  readonly width: number;
  readonly height: number;
  /** How many trace records it has read (`layoutSwimlanes(records, this)` goes on from there). */
  readonly scanned: number;
}

export function toneOf(kind: HookKind | 'exec' | 'other'): Tone {
  switch (kind) {
    case 'install':
    case 'config-changed':
    case 'start':
    case 'other':
      return 'lifecycle';
    case 'leader-elected':
    case 'leader-settings-changed':
      return 'leadership';
    case 'relation-created':
      return 'created';
    case 'relation-joined':
      return 'joined';
    case 'relation-changed':
      return 'changed';
    case 'relation-departed':
      return 'departed';
    case 'relation-broken':
      return 'broken';
    case 'stop':
    case 'remove':
      return 'ending';
    case 'action':
      return 'action';
    case 'exec':
      return 'exec';
  }
}

/** The block's text: relation hooks without their endpoint prefix (`joined`), others as named. */
export function shortLabel(r: HookRecord | ExecRecord): string {
  return r.type === 'exec' ? 'exec' : kindLabel(r.kind, r.hook);
}

/** The block's text for a hook of this kind and name. */
export function kindLabel(kind: string, hook: string): string {
  if (kind.startsWith('relation-')) return kind.slice('relation-'.length);
  if (kind === 'leader-settings-changed') return 'leader-settings';
  return hook;
}

export function labelWidth(label: string): number {
  return Math.min(Geometry.maxWidth, Math.max(Geometry.minWidth, Math.ceil(label.length * Geometry.charWidth + Geometry.padding)));
}

/** The number in a unit's name (`worker/10` → 10). */
export function unitNumber(unit: string): number {
  return Number(unit.slice(unit.lastIndexOf('/') + 1));
}

const appOf = (unit: string): string => unit.slice(0, unit.lastIndexOf('/'));

/** Orders two units of one application by number, as Juju numbers them (worker/9 before worker/10). */
export function compareUnits(a: string, b: string): number {
  return unitNumber(a) - unitNumber(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Puts `unit` in its place in `sorted`, one application's units in number order. */
function insertUnit(sorted: string[], unit: string): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareUnits(sorted[mid] as string, unit) < 0) lo = mid + 1;
    else hi = mid;
  }
  sorted.splice(lo, 0, unit);
}

/**
 * Lanes by unit while reading; their order is settled once at the end: each
 * application's units in number order, applications in the order they came.
 */
export class LaneOrder {
  private readonly byApp = new Map<string, string[]>();

  place(unit: string): void {
    const app = appOf(unit);
    const list = this.byApp.get(app);
    if (list) insertUnit(list, unit);
    else this.byApp.set(app, [unit]);
  }

  /** Every unit in lane order, and each one's row. */
  rows(): { units: string[]; row: Map<string, number> } {
    const units = [...this.byApp.values()].flat();
    return { units, row: new Map(units.map((u, i) => [u, i])) };
  }
}

/**
 * Lays out every hook (and data-writing exec) of `records`. With `prev` (a layout of
 * a prefix of the same records), only the records after `prev.scanned` are read, so
 * a long run computed in slices costs O(new hooks) per slice, not O(history) — but
 * for one pass over the blocks when a new unit's lane goes above older lanes.
 */
export function layoutSwimlanes(records: TraceList, prev?: SwimlaneLayout): SwimlaneLayout {
  const before = (prev?.lanes ?? []).map((l) => l.unit);
  const laneOf = new Map((prev?.lanes ?? []).map((l) => [l.unit, { ...l }]));
  const order = new LaneOrder();
  for (const u of before) order.place(u);
  const old = prev?.blocks ?? [];
  const added: Array<{ -readonly [K in keyof Block]: Block[K] }> = [];
  const arrows: Arrow[] = [];
  const last = old[old.length - 1];
  let x = last ? last.x + last.w + Geometry.gap : 0;
  for (let index = prev?.scanned ?? 0; index < records.length; index++) {
    const r = records.at(index);
    if (!r || !(r.type === 'hook' || (r.type === 'exec' && r.changes.length > 0))) continue;
    const b = old.length + added.length;
    let l = laneOf.get(r.unit);
    if (l === undefined) {
      l = { unit: r.unit, first: b, last: b, removedAt: null };
      laneOf.set(r.unit, l);
      order.place(r.unit);
    }
    l.last = b;
    const kind = r.type === 'exec' ? 'exec' : r.kind;
    if (kind === 'remove') l.removedAt = index;
    const label = shortLabel(r);
    const failed = r.type === 'hook' && r.result === 'error';
    // A failed block also shows "✗ " before its label.
    const w = r.type === 'exec' ? Geometry.execWidth : labelWidth(failed ? `✗ ${label}` : label);
    if (r.type === 'hook' && r.kind === 'relation-changed' && r.cause > 0) {
      const from = blockWithSeq(old, r.cause) ?? blockWithSeq(added, r.cause, old.length);
      if (from !== null) arrows.push({ from, to: b });
    }
    added.push({
      lane: -1, // set below, once the lanes' order is known
      x,
      w,
      seq: r.seq,
      index,
      unit: r.unit,
      hook: r.type === 'exec' ? `juju exec -- ${r.commandLine}` : r.hook,
      kind,
      tone: toneOf(kind),
      label,
      failed,
      flagged: false,
      record: r,
    });
    x += w + Geometry.gap;
  }
  const { units, row } = order.rows();
  for (const block of added) block.lane = row.get(block.unit) as number;
  // A unit slotted above older lanes (one added to an earlier application) moves their blocks down: once per call, not per unit.
  const moved = before.some((u, i) => row.get(u) !== i);
  const kept = moved ? old.map((block) => ({ ...block, lane: row.get(block.unit) as number })) : old;
  const blocks = added.length === 0 ? kept : kept.concat(added);
  const end = blocks[blocks.length - 1];
  return {
    lanes: units.map((u) => laneOf.get(u) as Lane),
    blocks,
    arrows: arrows.length === 0 ? (prev?.arrows ?? []) : (prev?.arrows ?? []).concat(arrows),
    width: end ? end.x + end.w : 0,
    height: units.length * Geometry.laneHeight,
    scanned: records.length,
  };
}

/** Index (plus `offset`) of the block with this seq; seqs rise along the trace, so a binary search. */
function blockWithSeq(blocks: readonly Block[], seq: number, offset = 0): number | null {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = (blocks[mid] as Block).seq;
    if (s === seq) return mid + offset;
    if (s < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** The last block whose record is before trace index `end` (the hook at the cursor), or -1. */
export function blockBefore(layout: SwimlaneLayout, end: number): number {
  let found = -1;
  for (let lo = 0, hi = layout.blocks.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if ((layout.blocks[mid] as Block).index < end) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Blocks `[from, to)` that overlap the axis range [x0, x1]: the only ones worth drawing. */
export function blocksInRange(layout: SwimlaneLayout, x0: number, x1: number): { from: number; to: number } {
  const { blocks } = layout;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid] as Block;
    if (b.x + b.w < x0) lo = mid + 1;
    else hi = mid;
  }
  const from = lo;
  hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((blocks[mid] as Block).x <= x1) lo = mid + 1;
    else hi = mid;
  }
  return { from, to: lo };
}

/**
 * The arrows worth drawing for the visible blocks `range` on lanes [lane0, lane1]:
 * those with an end on screen (an arrow whose both ends are off screen is a line
 * through the view that leads nowhere visible). At most `limit`, the ones of block
 * `hot` (the hook at the cursor) first, then the shortest: in a big model one write
 * can cause hundreds of relation-changed hooks.
 */
export function arrowsInRange(layout: SwimlaneLayout, range: { from: number; to: number }, lane0: number, lane1: number, hot = -1, limit = 200): Arrow[] {
  const shown = (i: number) => {
    if (i < range.from || i >= range.to) return false;
    const lane = (layout.blocks[i] as Block).lane;
    return lane >= lane0 && lane <= lane1;
  };
  const out: Arrow[] = [];
  // Arrows are in order of their target, and a target follows its writer.
  let lo = 0;
  let hi = layout.arrows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((layout.arrows[mid] as Arrow).to < range.from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < layout.arrows.length; k++) {
    const a = layout.arrows[k] as Arrow;
    if (shown(a.from) || shown(a.to)) out.push(a);
  }
  if (out.length <= limit) return out;
  const rank = (a: Arrow) => (a.from === hot || a.to === hot ? -1 : a.to - a.from);
  return out.sort((a, b) => rank(a) - rank(b)).slice(0, limit);
}

export type Step = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

/**
 * Where the arrow keys go from block `from`: the previous / next hook on the same
 * lane, the nearest hook in time on the lane above / below, or the lane's first /
 * last hook. Null when there is none.
 */
export function neighbour(layout: SwimlaneLayout, from: number, step: Step): number | null {
  const { blocks, lanes } = layout;
  const b = blocks[from];
  if (!b) return null;
  const lane = lanes[b.lane] as Lane;
  const onLane = (i: number, l: number) => (blocks[i] as Block).lane === l;
  switch (step) {
    case 'home':
      return lane.first;
    case 'end':
      return lane.last;
    case 'left':
      for (let i = from - 1; i >= lane.first; i--) if (onLane(i, b.lane)) return i;
      return null;
    case 'right':
      for (let i = from + 1; i <= lane.last; i++) if (onLane(i, b.lane)) return i;
      return null;
    case 'up':
    case 'down': {
      const target = b.lane + (step === 'up' ? -1 : 1);
      const t = lanes[target];
      if (!t) return null;
      // Search outwards from `from`: the nearest hook of that lane in time.
      for (let d = 1; from - d >= t.first || from + d <= t.last; d++) {
        if (from - d >= t.first && onLane(from - d, target)) return from - d;
        if (from + d <= t.last && onLane(from + d, target)) return from + d;
      }
      return null;
    }
  }
}
