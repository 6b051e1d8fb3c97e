/**
 * The simulation's front door: create a state, apply commands, run hooks one step at
 * a time. Which unit runs next is drawn from the state's seeded PRNG, or chosen by
 * the caller (manual mode); `nextHooks` shows every unit's possible next hooks and
 * the rule behind each, so a UI can show queues and explain them.
 */
import { findCharm } from './catalog/index.ts';
import { NO_BEHAVIOUR, type CharmBehaviour } from './behaviour.ts';
import { JujuError } from './errors.ts';
import type { JujuVersion, SimState } from './model.ts';
import { pythonBehaviour } from './python.ts';
import { hookName, type HookOp } from './ops.ts';
import { nextInt, seedRng } from './prng.ts';
import { cachedCandidates, candidates, settleReadiness } from './resolver.ts';
import { runOp, type BehaviourLookup } from './runner.ts';
import type { TraceSink } from './trace.ts';

export interface CreateOptions {
  readonly seed?: number;
  readonly juju?: JujuVersion;
}

export const DEFAULT_SEED = 1;

export function createState(opts: CreateOptions = {}): SimState {
  return {
    options: { juju: opts.juju ?? '3.6' },
    config: { automaticallyRetryHooks: true },
    rng: seedRng(opts.seed ?? DEFAULT_SEED),
    clock: 0,
    retryDue: new Map(),
    apps: new Map(),
    units: new Map(),
    relations: new Map(),
    nextRelationId: 0,
    unitSequence: new Map(),
    nextMachine: 0,
    annotations: new Map(),
    crossModel: new Map(),
    reservedUnits: new Map(),
    nextActionId: 0,
    seq: 0,
    ready: [],
    readyIndex: new Map(),
    touched: new Set(),
    nextOps: new Map(),
  };
}

/** Teaching charms have behaviour; real charms and charms deployed from metadata run every hook as a no-op. */
export function behaviourOf(state: SimState, app: string): CharmBehaviour {
  const a = state.apps.get(app);
  // (Made per hook: two small objects beside a Python hook's milliseconds.)
  if (a?.code) return pythonBehaviour(a.name, a.code, a.meta);
  if (!a || !a.catalog || a.real) return NO_BEHAVIOUR;
  return findCharm(a.charmName)?.behaviour ?? NO_BEHAVIOUR;
}

/** Whether some application runs code of its own: its hooks need Python (python.ts). */
export function runsCode(state: SimState): boolean {
  for (const a of state.apps.values()) if (a.code) return true;
  return false;
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

/** Whether some unit has a hook to run now, or an automatic retry is scheduled. */
export function hasWork(state: SimState): boolean {
  return state.ready.length > 0 || state.retryDue.size > 0;
}

/**
 * Whether a run that started at seq `since` (its command's) should go on waiting: some
 * unit has a hook to run now, or an automatic retry is scheduled for a hook that has
 * not failed again since. A hook that fails every time would otherwise keep `wait`
 * going for ever; this way each wait gives it one more try (§4).
 */
export function worthWaiting(state: SimState, since: number): boolean {
  settleReadiness(state);
  if (state.ready.length > 0) return true;
  for (const name of state.retryDue.keys()) {
    if ((state.units.get(name)?.agent.refailedSeq ?? 0) <= since) return true;
  }
  return false;
}

/** The automatic retries a run stopped waiting for, to say why it stopped. */
export interface StalledRetry {
  readonly unit: string;
  readonly hook: string;
  /** Seconds of logical time until the retry. */
  readonly inSeconds: number;
  /** Failed runs so far. */
  readonly failures: number;
}

export function stalledRetries(state: SimState): StalledRetry[] {
  const out: StalledRetry[] = [];
  for (const [name, at] of state.retryDue) {
    const failed = state.units.get(name)?.agent;
    if (!failed?.failed) continue;
    out.push({ unit: name, hook: hookName(failed.failed), inSeconds: Math.max(0, at - state.clock), failures: failed.failures });
  }
  return out.sort((a, b) => (a.unit < b.unit ? -1 : 1));
}

/** What a run says when it stops with only failing hooks' retries left (empty if none). */
export function stalledNote(state: SimState): string {
  const stalled = stalledRetries(state);
  if (stalled.length === 0) return '';
  const list = stalled
    .map((r) => `${r.unit} "${r.hook}" (failed ${r.failures} time${r.failures === 1 ? '' : 's'}, next automatic retry in ${r.inSeconds} s)`)
    .join(', ');
  return `waiting stopped: what is left is the automatic retry of hooks that failed again: ${list}; "wait" gives them another try, "juju resolve" retries at once\n`;
}

/** Nothing can run now: time passes until the next automatic retry comes due. */
function awaitRetry(state: SimState): boolean {
  let next = Number.POSITIVE_INFINITY;
  for (const [name, at] of state.retryDue) if (at < next && state.units.get(name)?.agent.failed) next = at;
  if (next === Number.POSITIVE_INFINITY) return false;
  state.clock = Math.max(state.clock, next);
  for (const [name, at] of state.retryDue) if (at <= state.clock) state.touched.add(name);
  settleReadiness(state);
  return state.ready.length > 0;
}

export interface StepChoice {
  /** The unit to run (manual mode); must have work. */
  readonly unit?: string | null;
  /** Which of its candidate operations (index into nextHooks' ops). */
  readonly pick?: number | null;
}

/** Runs one hook (or action) on one unit, reporting it to `sink`; false when no unit has work. */
export function step(state: SimState, sink: TraceSink | null, choice?: StepChoice, behaviours: BehaviourLookup = behaviourOf): boolean {
  settleReadiness(state);
  const ready = state.ready;
  let unit: string;
  if (choice?.unit) {
    if (!state.readyIndex.has(choice.unit)) throw new JujuError(`unit "${choice.unit}" has no hook to run`);
    unit = choice.unit;
  } else if (ready.length === 0 && !awaitRetry(state)) {
    return false;
  } else {
    unit = ready.length === 1 ? (ready[0] as string) : (ready[nextInt(state.rng, ready.length)] as string);
  }
  const ops = cachedCandidates(state, unit);
  let op: HookOp | undefined;
  if (choice?.pick !== undefined && choice.pick !== null) {
    op = ops[choice.pick];
    if (!op) throw new JujuError(`unit "${unit}" has no candidate hook #${choice.pick}`);
  } else {
    op = ops.length === 1 ? ops[0] : ops[nextInt(state.rng, ops.length)];
  }
  if (!op) throw new Error(`internal: ready unit ${unit} has no operation`);
  runOp(state, op, sink, behaviours);
  settleReadiness(state);
  return true;
}

/**
 * Runs hooks until nothing is worth waiting for (or `limit` hooks ran): no unit has
 * work, and every scheduled retry is of a hook that already failed again during this
 * run. Returns how many ran.
 */
export function runUntilIdle(state: SimState, sink: TraceSink | null, limit = Number.POSITIVE_INFINITY): number {
  const since = state.seq;
  let n = 0;
  while (n < limit && worthWaiting(state, since) && step(state, sink)) n++;
  return n;
}
