/**
 * The simulation's front door: create a state, apply commands, run hooks one step at
 * a time. Which unit runs next is drawn from the state's seeded PRNG, or chosen by
 * the caller (manual mode); `nextHooks` shows every unit's possible next hooks and
 * the rule behind each, so a UI can show queues and explain them.
 */
import { CATALOG } from './catalog/index.ts';
import { NO_BEHAVIOUR, type CharmBehaviour } from './charm.ts';
import { JujuError } from './errors.ts';
import type { JujuVersion, SimState } from './model.ts';
import type { HookOp } from './ops.ts';
import { nextInt, seedRng } from './prng.ts';
import { cachedCandidates, candidates, settleReadiness } from './resolver.ts';
import { runOp } from './runner.ts';
import type { TraceSink } from './trace.ts';

export interface CreateOptions {
  readonly seed?: number;
  readonly juju?: JujuVersion;
}

export const DEFAULT_SEED = 1;

export function createState(opts: CreateOptions = {}): SimState {
  return {
    options: { juju: opts.juju ?? '3.6' },
    rng: seedRng(opts.seed ?? DEFAULT_SEED),
    apps: new Map(),
    units: new Map(),
    relations: new Map(),
    nextRelationId: 0,
    unitSequence: new Map(),
    nextMachine: 0,
    nextActionId: 0,
    seq: 0,
    ready: [],
    readyIndex: new Map(),
    touched: new Set(),
    nextOps: new Map(),
  };
}

/** Catalog charms have behaviour; charms deployed from metadata run every hook as a no-op. */
export function behaviourOf(state: SimState, app: string): CharmBehaviour {
  const a = state.apps.get(app);
  if (!a || !a.catalog) return NO_BEHAVIOUR;
  return CATALOG.get(a.charmName)?.behaviour ?? NO_BEHAVIOUR;
}

export interface UnitQueue {
  readonly unit: string;
  /** Every operation Juju could run next on this unit (usually one). */
  readonly ops: readonly HookOp[];
}

/** For every unit with work: the hooks it may run next and why (sorted by unit name). */
export function nextHooks(state: SimState): UnitQueue[] {
  return [...state.ready].sort().map((unit) => ({ unit, ops: candidates(state, unit) }));
}

export function hasWork(state: SimState): boolean {
  return state.ready.length > 0;
}

export interface StepChoice {
  /** The unit to run (manual mode); must have work. */
  readonly unit?: string | null;
  /** Which of its candidate operations (index into nextHooks' ops). */
  readonly pick?: number | null;
}

/** Runs one hook (or action) on one unit, reporting it to `sink`; false when no unit has work. */
export function step(state: SimState, sink: TraceSink | null, choice: StepChoice = {}): boolean {
  settleReadiness(state);
  const ready = state.ready;
  let unit: string;
  if (choice.unit) {
    if (!state.readyIndex.has(choice.unit)) throw new JujuError(`unit "${choice.unit}" has no hook to run`);
    unit = choice.unit;
  } else if (ready.length === 0) {
    return false;
  } else {
    unit = ready.length === 1 ? (ready[0] as string) : (ready[nextInt(state.rng, ready.length)] as string);
  }
  const ops = cachedCandidates(state, unit);
  let op: HookOp | undefined;
  if (choice.pick !== undefined && choice.pick !== null) {
    op = ops[choice.pick];
    if (!op) throw new JujuError(`unit "${unit}" has no candidate hook #${choice.pick}`);
  } else {
    op = ops.length === 1 ? ops[0] : ops[nextInt(state.rng, ops.length)];
  }
  if (!op) throw new Error(`internal: ready unit ${unit} has no operation`);
  runOp(state, op, sink, behaviourOf);
  settleReadiness(state);
  return true;
}

/** Runs hooks until no unit has work (or `limit` hooks ran); returns how many ran. */
export function runUntilIdle(state: SimState, sink: TraceSink | null, limit = Number.POSITIVE_INFINITY): number {
  let n = 0;
  while (n < limit && step(state, sink)) n++;
  return n;
}
