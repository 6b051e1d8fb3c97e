/**
 * The controller side of the model: scope entry and exit, departures, teardown,
 * unit and relation removal, subordinates and leader election. These are the
 * changes that run no hook themselves but decide which hooks every unit agent will
 * run next (JUJU-SEMANTICS §5, §7).
 */
import { allEndpoints } from './charm.ts';
import { MemberTable, UnitHeap } from './heap.ts';
import type { Command } from './command.ts';
import { JujuError } from './errors.ts';
import { checkDeployLimits } from './limits.ts';
import {
  APP_NAME,
  counterpartApp,
  endpointOf,
  getBag,
  newAgent,
  type Application,
  type LocalRelation,
  type Relation,
  type RelationEndpoint,
  type SimState,
  type Unit,
  machineAddress,
} from './model.ts';
import { emitEvent, touch, type Tx } from './tx.ts';

/** Workload statuses Juju itself sets around startup (not the charm). */
export const JUJU_STATUS = {
  allocating: { workload: 'waiting', message: 'waiting for machine' },
  installing: { workload: 'maintenance', message: 'installing charm software' },
} as const;

export function getUnit(state: SimState, name: string): Unit {
  const u = state.units.get(name);
  if (!u) throw new Error(`internal: no unit ${name}`);
  return u;
}

export function getApp(state: SimState, name: string): Application {
  const a = state.apps.get(name);
  if (!a) throw new Error(`internal: no application ${name}`);
  return a;
}

/**
 * Whether `other` is in `unit`'s remote state for `rel`: in scope and not departing,
 * on the other side (or a fellow peer), and beside the same principal unit for container scope.
 */
export function visibleTo(unit: Unit, other: string, rel: Relation): boolean {
  if (other === unit.name) return false;
  const entry = rel.scope.get(other);
  if (!entry || entry.departing) return false;
  if (rel.peer ? entry.app !== unit.app : entry.app === unit.app) return false;
  return !rel.container || entry.container === (unit.principal ?? unit.name);
}

/** Whether a unit takes part in a relation at all (container scope pairs a subordinate with its own principal). */
export function eligible(state: SimState, unit: Unit, rel: Relation): boolean {
  if (!endpointOf(rel, unit.app)) return false;
  if (!rel.container || rel.peer) return true;
  const other = counterpartApp(rel, unit.app);
  if (unit.principal !== null) return getUnit(state, unit.principal).app === other;
  const otherApp = state.apps.get(other);
  return otherApp !== undefined && otherApp.meta.subordinate;
}

function newLocal(rel: Relation, unit: Unit, silent: boolean): LocalRelation {
  const remoteApp = counterpartApp(rel, unit.app);
  return {
    relationId: rel.id,
    endpoint: endpointOf(rel, unit.app)?.endpoint ?? '',
    remoteApp,
    created: silent,
    members: new MemberTable(remoteApp),
    appVersion: 0,
    changedPending: null,
    tearDown: false,
    silent,
    joinQueue: new UnitHeap(remoteApp),
    changedQueue: new UnitHeap(remoteApp),
    changedQueued: new Set(),
    departQueue: new UnitHeap(remoteApp),
  };
}

/**
 * The unit enters the relation's scope (with every other relation it is not yet in,
 * by `synchronizeScopes`; silently for an implicit juju-info relation on the principal
 * side): Juju writes its addresses into its unit bag in the same transaction, and from
 * now on the other side sees it join — possibly before the unit has run this
 * relation's relation-created (§2 rule 1). A principal entering a container relation
 * gets its subordinate.
 */
export function enterScope(tx: Tx, unit: Unit, rel: Relation, silent: boolean): void {
  const { state } = tx;
  if (rel.scope.has(unit.name)) return;
  rel.scope.set(unit.name, { departing: false, app: unit.app, container: unit.principal ?? unit.name });
  const bag = getBag(rel.unitBags, unit.name);
  const egress = `${unit.address}/32`;
  if (
    bag.data.get('private-address') !== unit.address ||
    bag.data.get('ingress-address') !== unit.address ||
    bag.data.get('egress-subnets') !== egress
  ) {
    bag.data.set('egress-subnets', egress);
    bag.data.set('ingress-address', unit.address);
    bag.data.set('private-address', unit.address);
    bag.version += 1;
    bag.writtenBy = tx.seq;
  }
  const local = newLocal(rel, unit, silent);
  unit.agent.relations.set(rel.id, local);
  emitEvent(tx, 'scope-entered', { unit: unit.name, relationId: rel.id });
  for (const other of rel.scope.keys()) {
    if (!visibleTo(unit, other, rel)) continue;
    if (!silent) local.joinQueue.push(other);
    const otherLocal = getUnit(state, other).agent.relations.get(rel.id);
    if (otherLocal && !otherLocal.silent && !otherLocal.tearDown) {
      otherLocal.joinQueue.push(unit.name);
      touch(state, other);
    }
  }
  touch(state, unit.name);
  if (rel.container && unit.principal === null) ensureSubordinate(tx, unit, rel);
}

function ensureSubordinate(tx: Tx, principal: Unit, rel: Relation): void {
  const subApp = tx.state.apps.get(counterpartApp(rel, principal.app));
  if (!subApp || !subApp.meta.subordinate || subApp.life !== 'alive') return;
  const exists = principal.subordinates.some((s) => tx.state.units.get(s)?.app === subApp.name);
  if (!exists) addUnit(tx, subApp, principal);
}

/**
 * Adds one unit to an application; subordinates live on their principal's machine,
 * others on `at.machine` or a new one. Its number is the application's next (or
 * `at.number`, or the one a loaded model reserved for this principal's subordinate).
 */
export function addUnit(tx: Tx, app: Application, principal: Unit | null, at: { machine?: number; number?: number } = {}): Unit {
  const { state } = tx;
  const reservation = principal ? `${principal.name}>${app.name}` : '';
  const reserved = principal ? state.reservedUnits.get(reservation) : undefined;
  if (reserved !== undefined) state.reservedUnits.delete(reservation);
  // Unit numbers are never reused, not even by a later application of the same name.
  const next = state.unitSequence.get(app.name) ?? 0;
  const number = at.number ?? reserved ?? next;
  state.unitSequence.set(app.name, Math.max(next, number + 1));
  const machine = principal ? principal.machine : (at.machine ?? state.nextMachine++);
  if (machine >= state.nextMachine) state.nextMachine = machine + 1;
  const unit: Unit = {
    name: `${app.name}/${number}`,
    app: app.name,
    number,
    machine,
    address: machineAddress(machine),
    principal: principal ? principal.name : null,
    subordinates: [],
    life: 'alive',
    status: { ...JUJU_STATUS.allocating },
    files: new Map(),
    agent: newAgent(),
  };
  state.units.set(unit.name, unit);
  app.units.push(unit.name);
  if (principal) principal.subordinates.push(unit.name);
  if (app.leader === null) setLeader(tx, app, unit.name);
  emitEvent(tx, 'unit-added', { unit: unit.name, app: app.name, detail: `machine ${machine}` });
  touch(state, unit.name);
  return unit;
}

/** Whether the unit's agent takes part in scope synchronisation now: installed, alive, and not stuck on a failed hook. */
function canEnterScopes(unit: Unit): boolean {
  return unit.agent.installed && unit.life === 'alive' && unit.agent.failed === null;
}

/**
 * The uniter's SynchronizeScopes (`relation/statetracker.go`): once installed, and
 * whenever the set of relations changes, the unit enters the scope of every alive
 * relation it is not yet in, all in one pass; its relation-created hooks run after,
 * one by one (§2 rule 1). Implicit juju-info relations are entered silently. A unit
 * in error does not resolve anything until its failed hook is done, so it catches up
 * then.
 */
export function synchronizeScopes(tx: Tx, unit: Unit): void {
  if (!canEnterScopes(unit)) return;
  for (const rel of tx.state.relations.values()) {
    if (rel.life !== 'alive' || rel.scope.has(unit.name)) continue;
    const ep = endpointOf(rel, unit.app);
    if (ep && eligible(tx.state, unit, rel)) enterScope(tx, unit, rel, ep.implicit);
  }
}

/** The unit left (or is leaving) the others' remote state: knowers depart it, and a pending join of it is off. */
function notifyDeparture(tx: Tx, unitName: string, rel: Relation): void {
  for (const other of rel.scope.keys()) {
    if (other === unitName) continue;
    touch(tx.state, other);
    const local = getUnit(tx.state, other).agent.relations.get(rel.id);
    if (local && !local.silent && !local.tearDown && local.members.has(unitName)) local.departQueue.push(unitName);
  }
}

/**
 * Remote state becomes empty for this unit in this relation: it will depart every
 * unit it knew (sorted) and then, unless it is a peer relation, run broken.
 */
export function startTearDown(tx: Tx, unit: Unit, local: LocalRelation): void {
  if (local.tearDown) return;
  local.tearDown = true;
  local.departQueue = UnitHeap.of(local.remoteApp, local.members.names());
  touch(tx.state, unit.name);
  finishIfDone(tx, unit, local);
}

/** A torn-down relation with nothing left to run (silent, or a peer relation all departed) is left at once. */
export function finishIfDone(tx: Tx, unit: Unit, local: LocalRelation): void {
  if (!local.tearDown) return;
  const rel = tx.state.relations.get(local.relationId);
  if (!rel) return;
  if (local.silent || (rel.peer && local.members.size === 0 && local.changedPending === null)) leaveScope(tx, unit, rel);
}

/** The unit leaves scope (after its relation-broken): the relation goes once its scope is empty. */
export function leaveScope(tx: Tx, unit: Unit, rel: Relation): void {
  const entry = rel.scope.get(unit.name);
  unit.agent.relations.delete(rel.id);
  if (!entry) return;
  rel.scope.delete(unit.name);
  emitEvent(tx, 'scope-left', { unit: unit.name, relationId: rel.id });
  if (!entry.departing) notifyDeparture(tx, unit.name, rel);
  touch(tx.state, unit.name);
  if (rel.life === 'dying' && rel.scope.size === 0) removeRelation(tx, rel);
  // A subordinate with no container relation left to its principal removes itself (§7).
  if (rel.container && unit.principal !== null && unit.life === 'alive' && !hasContainerRelation(tx.state, unit)) {
    destroyUnit(tx, unit);
  }
}

function hasContainerRelation(state: SimState, unit: Unit): boolean {
  for (const rel of state.relations.values()) {
    if (rel.container && rel.life === 'alive' && eligible(state, unit, rel)) return true;
  }
  return false;
}

/** remove-relation (or its application going): every unit in scope tears it down. */
export function killRelation(tx: Tx, rel: Relation): void {
  if (rel.life === 'dying') return;
  rel.life = 'dying';
  emitEvent(tx, 'relation-dying', { relationId: rel.id, detail: rel.key });
  for (const ep of rel.endpoints) for (const u of tx.state.apps.get(ep.app)?.units ?? []) touch(tx.state, u);
  // A unit in scope that has not run relation-created yet still tears down: Juju keeps
  // its relation state from scope entry on, so it runs relation-broken without ever
  // having run relation-created (relation/resolver.go: broken needs only StateFound).
  for (const name of [...rel.scope.keys()]) {
    const unit = getUnit(tx.state, name);
    const local = unit.agent.relations.get(rel.id);
    if (local) startTearDown(tx, unit, local);
    else leaveScope(tx, unit, rel);
  }
  if (rel.container) destroyOrphanedSubordinates(tx, rel);
  if (rel.scope.size === 0 && tx.state.relations.has(rel.id)) removeRelation(tx, rel);
}

/**
 * A subordinate with no alive container relation left to its principal's application
 * becomes dying at once, before its own departed hooks are chosen (statetracker.go
 * `maybeSetSubordinateDying`): so in those hooks JUJU_DEPARTING_UNIT is the
 * subordinate itself, not its principal (§7).
 */
function destroyOrphanedSubordinates(tx: Tx, rel: Relation): void {
  for (const ep of rel.endpoints) {
    const app = tx.state.apps.get(ep.app);
    if (!app || !app.meta.subordinate) continue;
    for (const name of [...app.units]) {
      const unit = tx.state.units.get(name);
      if (!unit || unit.life !== 'alive' || !eligible(tx.state, unit, rel) || hasContainerRelation(tx.state, unit)) continue;
      destroyUnit(tx, unit);
    }
  }
}

function removeRelation(tx: Tx, rel: Relation): void {
  tx.state.relations.delete(rel.id);
  emitEvent(tx, 'relation-removed', { relationId: rel.id, detail: rel.key });
  for (const ep of rel.endpoints) {
    const app = tx.state.apps.get(ep.app);
    if (app) {
      for (const u of app.units) touch(tx.state, u);
      maybeRemoveApp(tx, app);
    }
  }
  // Subordinates whose last container relation just went remove themselves.
  if (rel.container) {
    for (const ep of rel.endpoints) {
      const app = tx.state.apps.get(ep.app);
      if (!app || !app.meta.subordinate) continue;
      for (const name of [...app.units]) {
        const unit = tx.state.units.get(name);
        if (unit && unit.life === 'alive' && !hasContainerRelation(tx.state, unit)) destroyUnit(tx, unit);
      }
    }
  }
}

/**
 * The unit becomes dying: the other side sees it depart at once (PrepareLeaveScope),
 * it tears down each relation itself, and its subordinates go with it. A unit that
 * never installed never entered any scope and simply goes.
 */
export function destroyUnit(tx: Tx, unit: Unit): void {
  if (unit.life === 'dying') return;
  const { state } = tx;
  if (!unit.agent.installed) {
    removeUnitNow(tx, unit);
    return;
  }
  unit.life = 'dying';
  emitEvent(tx, 'unit-dying', { unit: unit.name, app: unit.app });
  for (const rel of state.relations.values()) {
    const entry = rel.scope.get(unit.name);
    if (!entry) continue;
    if (!entry.departing) {
      entry.departing = true;
      notifyDeparture(tx, unit.name, rel);
    }
  }
  for (const local of [...unit.agent.relations.values()]) startTearDown(tx, unit, local);
  for (const sub of [...unit.subordinates]) {
    const s = state.units.get(sub);
    if (s) destroyUnit(tx, s);
  }
  touch(state, unit.name);
}

/** After its remove hook (or at once if it never installed) the unit leaves the model. */
export function removeUnitNow(tx: Tx, unit: Unit): void {
  const { state } = tx;
  for (const rel of [...state.relations.values()]) {
    if (rel.scope.has(unit.name)) leaveScope(tx, unit, rel);
  }
  state.units.delete(unit.name);
  state.retryDue.delete(unit.name);
  const app = getApp(state, unit.app);
  app.units = app.units.filter((u) => u !== unit.name);
  const principal = unit.principal ? state.units.get(unit.principal) : undefined;
  if (principal) principal.subordinates = principal.subordinates.filter((s) => s !== unit.name);
  for (const sub of unit.subordinates) {
    const s = state.units.get(sub);
    if (s) destroyUnit(tx, s);
  }
  touch(state, unit.name);
  emitEvent(tx, 'unit-removed', { unit: unit.name, app: app.name });
  if (app.leader === unit.name) electLeader(tx, app);
  maybeRemoveApp(tx, app);
  // A principal that ran remove while this subordinate was still there dies now.
  if (principal?.agent.removed && principal.subordinates.length === 0) removeUnitNow(tx, principal);
}

/**
 * Leader election once the leader is gone. `is-leader` comes from the leadership
 * lease, which a dying leader holds through its whole teardown and loses only when
 * it is dead, after its remove hook (§5, G11, G12; juju/juju#11593, #20924): so this
 * runs from `removeUnitNow`, never as the leader starts dying. The lowest-numbered
 * alive unit wins: Juju promises no particular unit, relviz picks this one so runs
 * are reproducible. Only the new leader runs a hook (leader-elected); the followers
 * get none, not even leader-settings-changed in 3.6 (juju/juju#13834).
 */
export function electLeader(tx: Tx, app: Application): void {
  const { state } = tx;
  const old = app.leader;
  if (old) {
    const u = state.units.get(old);
    if (u) u.agent.leader = false;
  }
  let next: string | null = null;
  for (const name of app.units) {
    const u = getUnit(state, name);
    if (u.life === 'alive' && name !== old) {
      next = name;
      break;
    }
  }
  setLeader(tx, app, next);
}

/** Makes `leader` the application's leader (a loaded model's, which need not be its first unit). */
export function setLeader(tx: Tx, app: Application, leader: string | null): void {
  app.leader = leader;
  if (leader) emitEvent(tx, 'leader-changed', { unit: leader, app: app.name });
  for (const u of app.units) touch(tx.state, u);
}

export function maybeRemoveApp(tx: Tx, app: Application): void {
  if (app.life !== 'dying' || app.units.length > 0) return;
  for (const rel of tx.state.relations.values()) if (endpointOf(rel, app.name)) return;
  tx.state.apps.delete(app.name);
  tx.state.annotations.delete(app.name);
  tx.state.crossModel.delete(app.name);
  emitEvent(tx, 'application-removed', { app: app.name });
}

/** Peer relations take their ids at deploy time, in endpoint order (§1). */
export function createPeerRelations(tx: Tx, app: Application): void {
  for (const ep of allEndpoints(app.meta)) {
    if (ep.role !== 'peers') continue;
    addRelation(tx, [{ app: app.name, endpoint: ep.name, role: 'peers', interface: ep.interface, implicit: false }], ep.scope === 'container');
  }
}

const ROLE_ORDER = { requires: 0, provides: 1, peers: 2 } as const;

/**
 * Juju's relation key: the endpoints as `app:endpoint`, requirer first (state
 * `epSlice.Less`: role order requirer, provider, peer; then by name), as every
 * `juju integrate` message quotes it (§7).
 */
export function relationKey(endpoints: readonly Pick<RelationEndpoint, 'app' | 'endpoint' | 'role'>[]): string {
  return [...endpoints]
    .sort((x, y) => ROLE_ORDER[x.role] - ROLE_ORDER[y.role] || (`${x.app}:${x.endpoint}` < `${y.app}:${y.endpoint}` ? -1 : 1))
    .map((e) => `${e.app}:${e.endpoint}`)
    .join(' ');
}

export function addRelation(tx: Tx, endpoints: Relation['endpoints'], container: boolean): Relation {
  const { state } = tx;
  const peer = endpoints.length === 1;
  const key = relationKey(endpoints);
  const rel: Relation = {
    id: state.nextRelationId++,
    key,
    endpoints,
    peer,
    container,
    life: 'alive',
    scope: new Map(),
    unitBags: new Map(),
    appBags: new Map(),
  };
  state.relations.set(rel.id, rel);
  emitEvent(tx, 'relation-added', { relationId: rel.id, detail: key });
  // Every installed unit of both applications enters the new relation's scope at once
  // (its next SynchronizeScopes); a unit still installing enters after its install.
  for (const ep of endpoints) {
    const app = getApp(state, ep.app);
    for (const name of [...app.units]) {
      const unit = getUnit(state, name);
      touch(state, name);
      if (canEnterScopes(unit) && eligible(state, unit, rel)) enterScope(tx, unit, rel, ep.implicit);
    }
  }
  return rel;
}

/** A new application (its peer relations too), checked as `juju deploy` checks it; its units are the caller's. */
export function addApplication(tx: Tx, charm: Pick<Application, 'name' | 'charmName' | 'catalog' | 'real' | 'inferred' | 'meta' | 'code'>, cmd: Extract<Command, { type: 'deploy' }>, units: number): Application {
  const { state } = tx;
  const { name } = charm;
  if (!APP_NAME.test(name)) throw new JujuError(`invalid application name "${name}"`);
  if (state.apps.has(name)) throw new JujuError(`cannot add application "${name}": application already exists`);
  if (units < 0) throw new JujuError(`--num-units must be a positive integer`);
  checkDeployLimits(state, cmd, units);
  const app: Application = { ...charm, units: [], life: 'alive', leader: null };
  state.apps.set(name, app);
  createPeerRelations(tx, app);
  return app;
}
