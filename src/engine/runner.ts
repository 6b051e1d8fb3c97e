/**
 * Runs one operation on one unit as an atomic step: the charm's handler against a
 * HookContext, then either the commit of its buffered writes and the agent's
 * local-state update, or — if it failed — nothing but the unit going into error
 * state, with an automatic retry scheduled when the model retries hooks
 * (JUJU-SEMANTICS §4). Every operation takes one second of logical time.
 */
import { NO_BEHAVIOUR, type CharmBehaviour } from './behaviour.ts';
import { HookContext } from './context.ts';
import { CharmCodeError, FileNotFoundError, HookExit, HookToolError, assertNever } from './errors.ts';
import type { FailInjection, Relation, SimState, Unit } from './model.ts';
import { hookName, relationLabel, type HookOp } from './ops.ts';
import { PythonUnavailableError } from './python.ts';
import type { BagChange, CharmRun, FileChange, HookRecord, TraceRecord } from './trace.ts';
import type { Tx } from './tx.ts';
import { JUJU_STATUS, finishIfDone, getUnit, leaveScope, removeUnitNow, synchronizeScopes } from './world.ts';

export type BehaviourLookup = (state: SimState, app: string) => CharmBehaviour;

/** Runs `op` (one of the unit's candidates) and reports its trace record to `sink`. */
export function runOp(state: SimState, op: HookOp, sink: Tx['sink'], behaviourOf: BehaviourLookup): void {
  const seq = ++state.seq;
  const unit = getUnit(state, op.unit);
  const rel = op.relationId === null ? undefined : state.relations.get(op.relationId);
  const name = hookName(op);
  const agent = unit.agent;
  // A re-run (automatic retry or `juju resolve`) keeps the version it was first chosen with.
  const version = op.version >= 0 ? op.version : chosenVersion(rel, op);
  const rerun = op.rule === 'retry' || op.rule === 'auto-retry';
  agent.failed = null;
  agent.retry = null;

  if (op.kind === 'install') unit.status = { ...JUJU_STATUS.installing };

  const behaviour = behaviourOf(state, unit.app);
  const handler = behaviour.dispatch
    ? behaviour.dispatch(name, op.kind)
    : op.kind === 'action'
      ? behaviour.actions[name]
      : behaviour === NO_BEHAVIOUR
        ? undefined
        : behaviour.hooks[name];
  let error: string | null = null;
  let changes: readonly BagChange[] = NONE;
  let files: readonly FileChange[] = NONE;
  let logs: readonly string[] = NONE;
  let status: HookRecord['status'] = null;
  let charm: CharmRun | null = null;

  const injected = agent.failNext.length === 0 ? -1 : agent.failNext.findIndex((f) => f.hook === name);
  if (injected >= 0) {
    const f = agent.failNext[injected] as FailInjection;
    if (f.left > 0 && --f.left === 0) agent.failNext.splice(injected, 1);
    error = 'exit status 1 (injected failure)';
  } else if (handler) {
    const ctx = new HookContext(state, unit, op);
    try {
      handler(ctx);
    } catch (e) {
      // Not the hook's failure: the run cannot go on here (python.ts).
      if (e instanceof PythonUnavailableError) throw e;
      if (e instanceof HookExit && e.code === 0) error = null;
      else error = describeFailure(e);
    }
    logs = ctx.logs;
    if (ctx.charmEvents !== null) charm = { draws: ctx.draws, events: ctx.charmEvents };
    if (error === null) {
      ({ changes, files } = ctx.commit(seq));
      status = ctx.pendingStatus;
    }
  }

  // Effects of the commit (leaving scope, leaving the model) are reported after the hook itself.
  afterHook.length = 0; // (left over only if an operation threw)
  const afterTx: Tx = { state, seq, sink: sink ? holdAfter : null };
  if (error === null) {
    if (agent.failures > 0) clearFailure(state, unit);
    advance(afterTx, unit, op, version);
    // Relations added while the unit was in error are entered now (§2 rule 1).
    if (rerun) synchronizeScopes(afterTx, unit);
  } else if (op.kind === 'action') {
    agent.actions.shift(); // A failed action fails alone; the unit carries on.
  } else {
    agent.failed = version === op.version ? op : { ...op, version };
    agent.failures += 1;
    if (rerun) agent.refailedSeq = seq;
    if (state.config.automaticallyRetryHooks) scheduleRetry(state, unit);
  }
  state.touched.add(unit.name);
  passTime(state);

  if (!sink) return;
  const record: HookRecord = {
    type: 'hook',
    seq,
    unit: unit.name,
    hook: name,
    kind: op.kind,
    relationId: op.relationId,
    relation: op.relationId === null ? null : relationLabel(op.endpoint, op.relationId),
    remoteUnit: op.remoteUnit,
    remoteApp: op.remoteApp,
    departingUnit: op.departingUnit,
    result: error === null ? 'ok' : 'error',
    rule: op.rule,
    cause: op.cause,
    changes,
    files,
    logs,
    status,
    error,
  };
  // Taken out before any record goes: a sink may run the engine again.
  const after = afterHook.length > 0 ? afterHook.splice(0) : null;
  sink(charm === null ? record : { ...record, charm });
  if (after) for (const r of after) sink(r);
}

/** Records a commit's effects, held until the hook's own record is out (one list for every hook, not a list and a closure each). */
const afterHook: TraceRecord[] = [];
const holdAfter = (r: TraceRecord): void => {
  afterHook.push(r);
};

/** What a hook that commits nothing, writes no file and logs nothing reports: one shared empty list, not three new ones per hook. */
const NONE: readonly never[] = Object.freeze([]);

function describeFailure(e: unknown): string {
  if (e instanceof HookToolError) return `ERROR ${e.message}`;
  if (e instanceof FileNotFoundError) return `FileNotFoundError: ${e.message}`;
  if (e instanceof HookExit || e instanceof CharmCodeError) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** The bag version a joined or changed hook reports: its remote unit's bag, or for app-level changed the remote application's. */
function chosenVersion(rel: Relation | undefined, op: HookOp): number {
  if (!rel || (op.kind !== 'relation-joined' && op.kind !== 'relation-changed')) return -1;
  const bag = op.remoteUnit === null ? rel.appBags.get(op.remoteApp ?? '') : rel.unitBags.get(op.remoteUnit);
  return bag?.version ?? 0;
}

/** Juju's hook retry back-off (retrystrategy): 5 s, doubling, at most 5 minutes. relviz adds no jitter. */
export function retryDelay(failures: number): number {
  return Math.min(5 * 2 ** Math.max(0, failures - 1), 300);
}

/** Schedules the automatic retry of the unit's failed hook after the back-off for its failures so far. */
export function scheduleRetry(state: SimState, unit: Unit): void {
  const at = state.clock + 1 + retryDelay(unit.agent.failures);
  unit.agent.retryAt = at;
  state.retryDue.set(unit.name, at);
}

/** No automatic retry pending for the unit (its index entry goes too). */
export function cancelRetry(state: SimState, unit: Unit): void {
  unit.agent.retryAt = null;
  state.retryDue.delete(unit.name);
}

/** The unit's failure is over (the hook succeeded, or `juju resolve`): no retry pending, the back-off starts afresh. */
export function clearFailure(state: SimState, unit: Unit): void {
  unit.agent.failures = 0;
  cancelRetry(state, unit);
}

/** One second of logical time passes; retries that come due make their units ready. */
function passTime(state: SimState): void {
  state.clock += 1;
  if (state.retryDue.size === 0) return;
  for (const [name, at] of state.retryDue) if (at <= state.clock) state.touched.add(name);
}

/**
 * The agent records that the hook ran (uniter `CommitHook`): what it has now told
 * the charm — for joined and changed, the data version the hook was chosen with —
 * and the controller-side effects that follow a hook (leaving scope after broken,
 * leaving the model after remove). Also used by `juju resolve --no-retry`.
 */
export function advance(tx: Tx, unit: Unit, op: HookOp, version = op.version): void {
  const agent = unit.agent;
  const rel = op.relationId === null ? undefined : tx.state.relations.get(op.relationId);
  const local = op.relationId === null ? undefined : agent.relations.get(op.relationId);
  switch (op.kind) {
    case 'install':
      agent.installed = true;
      synchronizeScopes(tx, unit);
      return;
    case 'leader-elected':
      agent.leader = true;
      return;
    case 'leader-settings-changed':
      agent.leaderSettingsSeen = true;
      return;
    case 'config-changed':
      agent.configured = true;
      return;
    case 'start':
      agent.started = true;
      // A charm that set no status of its own by now shows "unknown", as in Juju.
      if (unit.status.workload === JUJU_STATUS.installing.workload && unit.status.message === JUJU_STATUS.installing.message) {
        unit.status = { workload: 'unknown', message: '' };
      }
      return;
    case 'action':
      agent.actions.shift();
      return;
    case 'relation-created':
      if (local) local.created = true;
      return;
    case 'relation-joined':
      if (local && op.remoteUnit) {
        local.members.set(op.remoteUnit, seen(rel, op, version));
        local.changedPending = op.remoteUnit;
        // Joined late (a failed joined resolved after the relation started going): it must depart too.
        if (local.tearDown) local.departQueue.push(op.remoteUnit);
      }
      return;
    case 'relation-changed':
      if (!local) return;
      if (op.remoteUnit === null) {
        local.appVersion = seen(rel, op, version);
      } else {
        if (local.members.has(op.remoteUnit)) local.members.set(op.remoteUnit, seen(rel, op, version));
        if (local.changedPending === op.remoteUnit) local.changedPending = null;
        local.changedQueued.delete(op.remoteUnit);
      }
      finishIfDone(tx, unit, local);
      return;
    case 'relation-departed':
      if (local && op.remoteUnit) {
        local.members.delete(op.remoteUnit);
        finishIfDone(tx, unit, local);
      }
      return;
    case 'relation-broken':
      if (rel) leaveScope(tx, unit, rel);
      else if (op.relationId !== null) agent.relations.delete(op.relationId);
      return;
    case 'stop':
      agent.stopped = true;
      return;
    case 'remove':
      agent.removed = true;
      if (unit.subordinates.length === 0) removeUnitNow(tx, unit);
      return;
    default:
      assertNever(op.kind);
  }
}

/** The version a joined or changed hook records: the one it was chosen with, else the current one. */
function seen(rel: Relation | undefined, op: HookOp, version: number): number {
  return version >= 0 ? version : Math.max(0, chosenVersion(rel, op));
}

/**
 * What relation-list returned inside a traced relation hook (null for other hooks),
 * from the state just before it ran: derived when the inspector shows the hook, not
 * stored with every hook (it is as long as the relation's units).
 */
export function relationListBefore(before: SimState, r: HookRecord): string[] | null {
  const unit = before.units.get(r.unit);
  if (r.relationId === null || !unit || !before.relations.has(r.relationId)) return null;
  return new HookContext(before, unit, opOfRecord(r)).relationList();
}

/**
 * The operation a traced hook ran, rebuilt from its record: what a HookContext needs to
 * answer as it did inside that hook (its environment, relation-list's joined and departed
 * units). The record does not keep an action's parameters: pass the action when they matter.
 */
export function opOfRecord(r: HookRecord, action: HookOp['action'] = null): HookOp {
  return {
    kind: r.kind,
    unit: r.unit,
    relationId: r.relationId,
    endpoint: r.relation === null ? null : r.relation.slice(0, r.relation.lastIndexOf(':')),
    remoteUnit: r.remoteUnit,
    remoteApp: r.remoteApp,
    departingUnit: r.departingUnit,
    action,
    rule: r.rule,
    cause: r.cause,
    version: -1,
  };
}

/**
 * The same from the state just after the hook (the cursor's state, when the hook is the
 * last one run): no replay needed. A hook's commit only adds or removes the remote unit
 * it ran for, which relation-list already adds or removes, so the answer is the same as
 * from the state before. Null when the after state cannot say (the unit or its side of
 * the relation is gone): ask `relationListBefore` then.
 */
export function relationListAfter(after: SimState, r: HookRecord): string[] | null {
  if (r.relationId === null || !after.units.get(r.unit)?.agent.relations.has(r.relationId)) return null;
  return relationListBefore(after, r);
}
