/**
 * The unit agent's "what next?" (uniter `resolver.go` and `relation/resolver.go`):
 * compares the controller's state with what the agent has told its charm and lists
 * the operations it may run next. Usually there is one; where Juju leaves the order
 * open (hooks of different relations on one unit, which relation-created first)
 * there are several, and the scheduler (or the user, in manual mode) picks.
 */
import { counterpartApp, type LocalRelation, type Relation, type SimState, type Unit } from './model.ts';
import { makeOp, makeRelationOp, type HookKind, type HookOp, type RuleId } from './ops.ts';
import { getApp, visibleTo } from './world.ts';

/** The unit's candidates, from the readiness cache when it is fresh. */
export function cachedCandidates(state: SimState, unitName: string): HookOp[] {
  return state.nextOps.get(unitName) ?? candidates(state, unitName);
}

/** Every operation the unit could legally run next; empty when it has nothing to do. */
export function candidates(state: SimState, unitName: string): HookOp[] {
  const unit = state.units.get(unitName);
  if (!unit) return [];
  const agent = unit.agent;
  if (agent.removed) return [];
  if (agent.failed) {
    // Waiting for `juju resolve`, or for its automatic retry to come due (§4).
    return agent.retryAt !== null && agent.retryAt <= state.clock ? [{ ...agent.failed, rule: 'auto-retry' }] : [];
  }
  if (agent.retry) return [agent.retry];
  if (!agent.installed) return unit.life === 'alive' ? [makeOp(unit.name, 'install', 'install')] : [];
  const dying = unit.life === 'dying';
  if (!dying) {
    const created = createdOps(state, unit);
    if (created) return created;
    const leadership = leadershipOp(state, unit);
    if (leadership) return [leadership];
    const action = agent.actions[0];
    if (action) return [makeOp(unit.name, 'action', 'action', action)];
    if (!agent.configured) return [makeOp(unit.name, 'config-changed', 'config-changed')];
    if (!agent.started) return [makeOp(unit.name, 'start', 'start')];
  }
  const ops: HookOp[] = [];
  for (const local of agent.relations.values()) {
    if (local.silent) continue;
    const rel = state.relations.get(local.relationId);
    if (!rel) continue;
    const op = nextRelationHook(state, unit, rel, local);
    if (op) ops.push(op);
  }
  if (ops.length > 0 || !dying) return ops;
  for (const local of agent.relations.values()) if (!local.silent) return [];
  // "The stop hook will not run while relations remain to be broken" (hooks.go).
  return [makeOp(unit.name, agent.stopped ? 'remove' : 'stop', agent.stopped ? 'remove' : 'stop')];
}

/** relation-created for every alive relation whose scope the unit entered but whose hook has not run (any order); null if none. */
function createdOps(state: SimState, unit: Unit): HookOp[] | null {
  let ops: HookOp[] | null = null; // asked on every hook of a started unit, and almost always none: no array then
  for (const local of unit.agent.relations.values()) {
    if (local.created) continue;
    const rel = state.relations.get(local.relationId);
    if (!rel || rel.life !== 'alive') continue;
    (ops ??= []).push(makeRelationOp(unit.name, 'relation-created', 'relation-created', rel.id, local.endpoint, null, local.remoteApp, null, 0));
  }
  return ops;
}

/**
 * The uniter's leadership resolver: the leader runs leader-elected once; in 3.6 a
 * follower runs leader-settings-changed once at startup (its leader-settings version
 * starts behind). Leadership moving is no leader-settings change, so followers run
 * nothing when a leader goes (§5, G13); a dying unit is never asked (candidates).
 */
function leadershipOp(state: SimState, unit: Unit): HookOp | null {
  const app = getApp(state, unit.app);
  const agent = unit.agent;
  if (app.leader === unit.name) return agent.leader ? null : makeOp(unit.name, 'leader-elected', 'leader-elected');
  if (state.options.juju === '3.6' && !agent.leader && !agent.leaderSettingsSeen) {
    return makeOp(unit.name, 'leader-settings-changed', 'leader-settings-changed');
  }
  return null;
}

function bagVersion(rel: Relation, owner: string, unitBag: boolean): number {
  return (unitBag ? rel.unitBags : rel.appBags).get(owner)?.version ?? 0;
}

function bagWriter(rel: Relation, owner: string, unitBag: boolean): number {
  return (unitBag ? rel.unitBags : rel.appBags).get(owner)?.writtenBy ?? 0;
}

function relationOp(state: SimState, unit: Unit, local: LocalRelation, kind: HookKind, rule: RuleId, remote: string | null, remoteApp: string, cause = 0): HookOp {
  // JUJU_DEPARTING_UNIT: the remote unit, or the local unit itself when it or its
  // application is not alive (relation/resolver.go; a subordinate that lost its last
  // container relation is dying by now, §7, §8).
  const departing = kind === 'relation-departed' ? (unit.life !== 'alive' || getApp(state, unit.app).life !== 'alive' ? unit.name : remote) : null;
  return makeRelationOp(unit.name, kind, rule, local.relationId, local.endpoint, remote, remoteApp, departing, cause);
}

/** The next hook of one relation on one unit: the uniter's six rules, first match wins. */
export function nextRelationHook(state: SimState, unit: Unit, rel: Relation, local: LocalRelation): HookOp | null {
  // Every remote unit below (pending, queued, member) is one of local.remoteApp's: the queues and members are per application.
  // 1. A joined is always followed by changed for the same unit.
  const pending = local.changedPending;
  if (pending !== null) {
    return relationOp(state, unit, local, 'relation-changed', 'changed-after-joined', pending, local.remoteApp, bagWriter(rel, pending, true));
  }
  if (local.tearDown) {
    // Remote state is empty: depart every known unit (sorted), then break.
    const q = local.departQueue;
    while (q.size > 0 && !local.members.has(q.peek() as string)) q.pop();
    const departing = q.peek();
    if (departing !== undefined) return relationOp(state, unit, local, 'relation-departed', 'departed', departing, local.remoteApp);
    if (rel.peer) return null;
    return relationOp(state, unit, local, 'relation-broken', 'broken', null, counterpartApp(rel, unit.app));
  }
  // 2. A known member no longer in remote state departs.
  const dq = local.departQueue;
  while (dq.size > 0) {
    const v = dq.peek() as string;
    if (local.members.has(v) && !visibleTo(unit, v, rel)) {
      return relationOp(state, unit, local, 'relation-departed', 'departed', v, local.remoteApp);
    }
    dq.pop();
  }
  // 4. The counterpart application bag moved (the application's own bag for peers).
  const remoteApp = counterpartApp(rel, unit.app);
  if (bagVersion(rel, remoteApp, false) !== local.appVersion) {
    return relationOp(state, unit, local, 'relation-changed', 'app-changed', null, remoteApp, bagWriter(rel, remoteApp, false));
  }
  // 5. A remote unit in scope that the charm has not seen joins.
  const jq = local.joinQueue;
  while (jq.size > 0) {
    const v = jq.peek() as string;
    if (!local.members.has(v) && visibleTo(unit, v, rel)) {
      return relationOp(state, unit, local, 'relation-joined', 'joined', v, local.remoteApp);
    }
    jq.pop();
  }
  // 6. A known unit whose bag version moved.
  const cq = local.changedQueue;
  while (cq.size > 0) {
    const v = cq.peek() as string;
    const seen = local.members.get(v);
    if (seen !== undefined && seen !== bagVersion(rel, v, true) && visibleTo(unit, v, rel)) {
      return relationOp(state, unit, local, 'relation-changed', 'changed', v, local.remoteApp, bagWriter(rel, v, true));
    }
    cq.pop();
    local.changedQueued.delete(v);
  }
  return null;
}

/** Keeps the ready list (units with a next operation) in step with the touched units. */
export function settleReadiness(state: SimState): void {
  if (state.touched.size === 0) return;
  // The resolver never touches, so the set can be walked in place.
  for (const name of state.touched) {
    const ops = candidates(state, name);
    const ready = ops.length > 0;
    if (ready) state.nextOps.set(name, ops);
    else state.nextOps.delete(name);
    const at = state.readyIndex.get(name);
    if (ready && at === undefined) {
      state.readyIndex.set(name, state.ready.length);
      state.ready.push(name);
    } else if (!ready && at !== undefined) {
      const last = state.ready.pop() as string;
      if (last !== name) {
        state.ready[at] = last;
        state.readyIndex.set(last, at);
      }
      state.readyIndex.delete(name);
    }
  }
  // A new set, not clear(): V8 gives a cleared set's fresh table the old set's generation,
  // so clearing a long-lived set on every hook filled the old space with dead tables
  // (most of the CLI's peak memory); a new one dies young.
  state.touched = new Set();
}
