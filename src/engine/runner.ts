/**
 * Runs one operation on one unit as an atomic step: the hook's pre-effects (scope
 * entry before relation-created), the charm's handler against a HookContext, then
 * either the commit of its buffered writes and the agent's local-state update, or —
 * if it failed — nothing but the unit going into error state (JUJU-SEMANTICS §4).
 */
import { NO_BEHAVIOUR, type CharmBehaviour } from './charm.ts';
import { HookContext } from './context.ts';
import { FileNotFoundError, HookExit, HookToolError, assertNever } from './errors.ts';
import type { Relation, SimState, Unit } from './model.ts';
import { hookName, type HookOp } from './ops.ts';
import type { BagChange, FileChange, HookRecord, TraceRecord } from './trace.ts';
import type { Tx } from './tx.ts';
import { JUJU_STATUS, enterImplicitScopes, enterScope, finishIfDone, getUnit, leaveScope, removeUnitNow, resignIfDyingLeader } from './world.ts';

export type BehaviourLookup = (state: SimState, app: string) => CharmBehaviour;

/** Runs `op` (one of the unit's candidates) and reports its trace record to `sink`. */
export function runOp(state: SimState, op: HookOp, sink: Tx['sink'], behaviourOf: BehaviourLookup): void {
  const seq = ++state.seq;
  const tx: Tx = { state, sink, seq };
  const unit = getUnit(state, op.unit);
  const rel = op.relationId === null ? undefined : state.relations.get(op.relationId);
  const name = hookName(op);

  resignIfDyingLeader(tx, unit);
  if (op.kind === 'install') unit.status = { ...JUJU_STATUS.installing };
  // Juju enters scope as it prepares relation-created: it stays entered even if the hook fails.
  if (op.kind === 'relation-created' && rel) enterScope(tx, unit, rel, false);
  // What relation-list shows inside the hook, for the inspector (only when someone is listening).
  const listed = sink && rel && op.relationId !== null ? new HookContext(state, unit, op).relationList() : null;
  unit.agent.retry = null;

  const behaviour = behaviourOf(state, unit.app);
  const handler = op.kind === 'action' ? behaviour.actions[name] : behaviour === NO_BEHAVIOUR ? undefined : behaviour.hooks[name];
  let error: string | null = null;
  let changes: BagChange[] = [];
  let files: FileChange[] = [];
  let logs: readonly string[] = [];
  let status: HookRecord['status'] = null;

  const injected = unit.agent.failNext.length === 0 ? -1 : unit.agent.failNext.indexOf(name);
  if (injected >= 0) {
    unit.agent.failNext.splice(injected, 1);
    error = 'exit status 1 (injected failure)';
  } else if (handler) {
    const ctx = new HookContext(state, unit, op);
    try {
      handler(ctx);
    } catch (e) {
      if (e instanceof HookExit && e.code === 0) error = null;
      else error = describeFailure(e);
    }
    logs = ctx.logs;
    if (error === null) {
      ({ changes, files } = ctx.commit(seq));
      status = ctx.pendingStatus;
    }
  }

  // Effects of the commit (leaving scope, leaving the model) are reported after the hook itself.
  const after: TraceRecord[] = [];
  if (error === null) {
    advance({ state, seq, sink: sink ? (r) => after.push(r) : null }, unit, op);
  } else if (op.kind === 'action') {
    unit.agent.actions.shift(); // A failed action fails alone; the unit carries on.
  } else {
    unit.agent.failed = op;
  }
  unit.agent.retry = null;
  tx.state.touched.add(unit.name);

  if (!sink) return;
  const record: HookRecord = {
    relationList: listed,
    type: 'hook',
    seq,
    unit: unit.name,
    hook: name,
    kind: op.kind,
    relationId: op.relationId,
    relation: op.relationId === null ? null : `${op.endpoint}:${op.relationId}`,
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
  sink(record);
  for (const r of after) sink(r);
}

function describeFailure(e: unknown): string {
  if (e instanceof HookToolError) return `ERROR ${e.message}`;
  if (e instanceof FileNotFoundError) return `FileNotFoundError: ${e.message}`;
  if (e instanceof HookExit) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function unitBagVersion(rel: Relation | undefined, owner: string): number {
  return rel?.unitBags.get(owner)?.version ?? 0;
}

/**
 * The agent records that the hook ran (uniter `CommitHook`): what it has now told
 * the charm, and the controller-side effects that follow a hook (leaving scope after
 * broken, leaving the model after remove). Also used by `juju resolve --no-retry`.
 */
export function advance(tx: Tx, unit: Unit, op: HookOp): void {
  const agent = unit.agent;
  const rel = op.relationId === null ? undefined : tx.state.relations.get(op.relationId);
  const local = op.relationId === null ? undefined : agent.relations.get(op.relationId);
  switch (op.kind) {
    case 'install':
      agent.installed = true;
      enterImplicitScopes(tx, unit);
      return;
    case 'leader-elected':
      agent.leader = true;
      agent.leaderSeen = unit.name;
      return;
    case 'leader-settings-changed':
      agent.leaderSeen = tx.state.apps.get(unit.app)?.leader ?? null;
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
        local.members.set(op.remoteUnit, unitBagVersion(rel, op.remoteUnit));
        local.changedPending = op.remoteUnit;
        // Joined late (a failed joined resolved after the relation started going): it must depart too.
        if (local.tearDown) local.departQueue.push(op.remoteUnit);
      }
      return;
    case 'relation-changed':
      if (!local) return;
      if (op.remoteUnit === null) {
        local.appVersion = rel?.appBags.get(op.remoteApp ?? '')?.version ?? 0;
      } else {
        if (local.members.has(op.remoteUnit)) local.members.set(op.remoteUnit, unitBagVersion(rel, op.remoteUnit));
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
      removeUnitNow(tx, unit);
      return;
    default:
      assertNever(op.kind);
  }
}
