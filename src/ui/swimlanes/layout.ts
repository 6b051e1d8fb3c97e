/**
 * Swimlane geometry (pure, tested in test/ui/swimlanes.test.ts): one lane per unit in
 * order of first appearance, one column per hook in trace order, so the order across
 * units is visible; arrows from a commit to the relation-changed hooks it caused.
 */
import type { HookKind } from '../../engine/ops.ts';
import type { TraceRecord } from '../../engine/trace.ts';

export const COL = 92;
export const LANE = 40;

export interface Block {
  readonly lane: number;
  readonly col: number;
  readonly seq: number;
  /** Index of the record in the full trace. */
  readonly index: number;
  readonly unit: string;
  readonly hook: string;
  readonly kind: HookKind | 'exec';
  /** Short label: `joined`, `changed`, `install`, the action name… */
  readonly label: string;
  readonly failed: boolean;
  readonly remoteUnit: string | null;
}

export interface Arrow {
  readonly from: number;
  readonly to: number;
}

export interface Swimlanes {
  readonly lanes: readonly string[];
  readonly blocks: readonly Block[];
  readonly arrows: readonly Arrow[];
}

function shortLabel(hook: string, kind: HookKind | 'exec'): string {
  if (kind === 'exec') return 'exec';
  if (kind.startsWith('relation-')) return kind.slice('relation-'.length);
  if (kind === 'leader-settings-changed') return 'leader-settings';
  return hook;
}

export function layoutSwimlanes(records: readonly TraceRecord[]): Swimlanes {
  const laneOf = new Map<string, number>();
  const lanes: string[] = [];
  const blocks: Block[] = [];
  const blockOfSeq = new Map<number, number>();
  const arrows: Arrow[] = [];
  records.forEach((r, index) => {
    if (r.type !== 'hook' && !(r.type === 'exec' && r.changes.length > 0)) return;
    let lane = laneOf.get(r.unit);
    if (lane === undefined) {
      lane = lanes.length;
      laneOf.set(r.unit, lane);
      lanes.push(r.unit);
    }
    const kind = r.type === 'exec' ? 'exec' : r.kind;
    const hook = r.type === 'exec' ? `juju exec: ${r.commandLine}` : r.hook;
    const block: Block = {
      lane,
      col: blocks.length,
      seq: r.seq,
      index,
      unit: r.unit,
      hook,
      kind,
      label: shortLabel(hook, kind),
      failed: r.type === 'hook' && r.result === 'error',
      remoteUnit: r.type === 'hook' ? r.remoteUnit : null,
    };
    blockOfSeq.set(r.seq, blocks.length);
    if (r.type === 'hook' && r.kind === 'relation-changed' && r.cause > 0) {
      const from = blockOfSeq.get(r.cause);
      if (from !== undefined) arrows.push({ from, to: blocks.length });
    }
    blocks.push(block);
  });
  return { lanes, blocks, arrows };
}

/** Tailwind classes per kind: departed, broken, stop and remove stand out. */
export function blockStyle(kind: Block['kind'], failed: boolean): string {
  if (failed) return 'border-red-700 bg-red-600 text-white';
  switch (kind) {
    case 'relation-departed':
      return 'border-amber-700 bg-amber-300 text-amber-950';
    case 'relation-broken':
      return 'border-red-700 border-2 bg-white text-red-800 font-bold';
    case 'stop':
    case 'remove':
      return 'border-slate-900 bg-slate-700 text-white';
    case 'relation-joined':
      return 'border-teal-700 bg-teal-100 text-teal-950';
    case 'relation-changed':
      return 'border-sky-700 bg-sky-100 text-sky-950';
    case 'relation-created':
      return 'border-indigo-700 bg-indigo-100 text-indigo-950';
    case 'leader-elected':
    case 'leader-settings-changed':
      return 'border-yellow-700 bg-yellow-100 text-yellow-950';
    case 'action':
    case 'exec':
      return 'border-fuchsia-700 bg-fuchsia-100 text-fuchsia-950';
    default:
      return 'border-slate-400 bg-slate-100 text-slate-800';
  }
}
