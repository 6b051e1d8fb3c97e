/**
 * What the UI draws: a plain, immutable projection of the engine state at the cursor.
 * React components and React Flow nodes are derived from this, never from the engine
 * state directly (which the timeline mutates in place).
 */
import { allEndpoints, type EndpointMeta } from '../engine/charm.ts';
import { displayStatus } from '../engine/format.ts';
import type { CrossModelNote, Databag, Relation, RelationEndpoint, SimState } from '../engine/model.ts';
import { hookName, type HookOp } from '../engine/ops.ts';
import { nextHooks } from '../engine/sim.ts';

export interface UnitView {
  readonly name: string;
  readonly app: string;
  readonly number: number;
  readonly leader: boolean;
  readonly life: 'alive' | 'dying';
  /** What `juju status` shows: the charm's status, or error while a failed hook waits. */
  readonly workload: string;
  readonly message: string;
  readonly failedHook: string | null;
  /**
   * While in error: seconds of logical time until the unit re-runs the failed hook by
   * itself (automatically-retry-hooks; 0 when it is due), or null when no automatic
   * retry is scheduled (the unit waits for `juju resolve`). Null when not in error.
   */
  readonly retryInSeconds: number | null;
  /** Failed runs of the current failure, retries included (0 when not in error). */
  readonly failures: number;
  readonly principal: string | null;
  readonly subordinates: readonly string[];
  readonly machine: number;
  readonly address: string;
  readonly installed: boolean;
  readonly files: ReadonlyArray<readonly [string, string]>;
}

export interface AppView {
  readonly name: string;
  readonly charm: string;
  /** A real charm's endpoints from the catalog: it has no behaviour (its hooks run and do nothing). */
  readonly real: boolean;
  /** Its charm was not found: endpoints inferred from a bundle's (or status's) relations; no behaviour either. */
  readonly inferred: boolean;
  /** Offers it makes and saas it is related to (cross-model: shown, not simulated). */
  readonly crossModel: readonly CrossModelNote[];
  readonly subordinate: boolean;
  readonly life: 'alive' | 'dying';
  readonly endpoints: readonly EndpointMeta[];
  readonly units: readonly string[];
  readonly leader: string | null;
  readonly actions: ReadonlyArray<{ readonly name: string; readonly params: readonly string[] }>;
  /** Ids of the application's peer relations. */
  readonly peerRelations: readonly number[];
}

export interface BagView {
  /** Unit name (unit bag) or application name (app bag). */
  readonly owner: string;
  readonly scope: 'unit' | 'app';
  readonly data: ReadonlyArray<readonly [string, string]>;
  readonly version: number;
}

export interface RelationView {
  readonly id: number;
  readonly key: string;
  readonly peer: boolean;
  readonly container: boolean;
  readonly life: 'alive' | 'dying';
  readonly endpoints: readonly RelationEndpoint[];
  /** Units in scope, with whether they are departing. */
  readonly scope: ReadonlyArray<{ readonly unit: string; readonly departing: boolean }>;
  readonly unitBags: readonly BagView[];
  readonly appBags: readonly BagView[];
}

export interface NextHookView {
  readonly unit: string;
  readonly hooks: ReadonlyArray<{ readonly hook: string; readonly op: HookOp }>;
}

export interface ModelView {
  readonly apps: readonly AppView[];
  readonly units: Readonly<Record<string, UnitView>>;
  readonly relations: readonly RelationView[];
  /** Units that have a next hook, with every hook Juju could run next there. */
  readonly next: readonly NextHookView[];
  readonly juju: '3.6' | '4.0';
  /** The model's `automatically-retry-hooks` at the cursor. */
  readonly autoRetry: boolean;
}

const sortedEntries = (m: ReadonlyMap<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function bags(map: Map<string, Databag>, scope: 'unit' | 'app'): BagView[] {
  return [...map]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([owner, b]) => ({ owner, scope, data: sortedEntries(b.data), version: b.version }));
}

function relationView(rel: Relation): RelationView {
  return {
    id: rel.id,
    key: rel.key,
    peer: rel.peer,
    container: rel.container,
    life: rel.life,
    endpoints: rel.endpoints,
    scope: [...rel.scope].map(([unit, e]) => ({ unit, departing: e.departing })),
    unitBags: bags(rel.unitBags, 'unit'),
    appBags: bags(rel.appBags, 'app'),
  };
}

function sameUnit(a: UnitView, b: UnitView): boolean {
  return (
    a.leader === b.leader &&
    a.life === b.life &&
    a.workload === b.workload &&
    a.message === b.message &&
    a.failedHook === b.failedHook &&
    a.retryInSeconds === b.retryInSeconds &&
    a.failures === b.failures &&
    a.installed === b.installed &&
    a.subordinates.length === b.subordinates.length &&
    a.subordinates.every((s, i) => s === b.subordinates[i]) &&
    sameEntries(a.files, b.files)
  );
}

function sameEntries(a: ReadonlyArray<readonly [string, string]>, b: ReadonlyArray<readonly [string, string]>): boolean {
  return a === b || (a.length === b.length && a.every(([k, v], i) => k === b[i]?.[0] && v === b[i]?.[1]));
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const NONE: readonly CrossModelNote[] = [];

function sameApp(a: AppView, b: AppView): boolean {
  return a.life === b.life && a.leader === b.leader && a.charm === b.charm && a.real === b.real && a.inferred === b.inferred && a.crossModel === b.crossModel && sameList(a.units, b.units) && sameList(a.peerRelations, b.peerRelations);
}

function sameBags(a: readonly BagView[], b: readonly BagView[]): boolean {
  return a.length === b.length && a.every((x, i) => x.owner === b[i]?.owner && x.version === b[i]?.version);
}

/** Bags whose contents did not change keep their previous objects, as units and relations do. */
function keepBags(fresh: readonly BagView[], old: readonly BagView[]): BagView[] {
  const before = new Map(old.map((b) => [b.owner, b]));
  return fresh.map((b) => {
    const o = before.get(b.owner);
    return o && o.version === b.version && sameEntries(o.data, b.data) ? o : b;
  });
}

function sameRelation(a: RelationView, b: RelationView): boolean {
  return (
    a.life === b.life &&
    a.scope.length === b.scope.length &&
    a.scope.every((s, i) => s.unit === b.scope[i]?.unit && s.departing === b.scope[i]?.departing) &&
    sameBags(a.unitBags, b.unitBags) &&
    sameBags(a.appBags, b.appBags)
  );
}

/**
 * Projects the engine state for drawing; called once per cursor move (or once per
 * frame while playing). With `prev`, unchanged units and relations keep their
 * previous objects, so memoised components and React Flow nodes skip re-rendering.
 */
export function deriveView(state: SimState, prev?: ModelView): ModelView {
  const units: Record<string, UnitView> = {};
  for (const u of state.units.values()) {
    const s = displayStatus(u);
    const app = state.apps.get(u.app);
    const fresh: UnitView = {
      name: u.name,
      app: u.app,
      number: u.number,
      leader: app?.leader === u.name,
      life: u.life,
      workload: s.workload,
      message: s.message,
      failedHook: u.agent.failed ? hookName(u.agent.failed) : null,
      retryInSeconds: u.agent.failed && u.agent.retryAt !== null ? Math.max(0, u.agent.retryAt - state.clock) : null,
      failures: u.agent.failed ? u.agent.failures : 0,
      principal: u.principal,
      subordinates: [...u.subordinates],
      machine: u.machine,
      address: u.address,
      installed: u.agent.installed,
      files: sortedEntries(u.files),
    };
    const old = prev?.units[u.name];
    units[u.name] = old && sameUnit(old, fresh) ? old : fresh;
  }
  const oldRelations = new Map(prev?.relations.map((r) => [r.id, r]));
  const relations = [...state.relations.values()].map((r) => {
    const fresh = relationView(r);
    const old = oldRelations.get(r.id);
    if (!old) return fresh;
    return sameRelation(old, fresh) ? old : { ...fresh, unitBags: keepBags(fresh.unitBags, old.unitBags), appBags: keepBags(fresh.appBags, old.appBags) };
  });
  const oldApps = new Map(prev?.apps.map((a) => [a.name, a]));
  const apps = [...state.apps.values()].map((a): AppView => {
    const fresh: AppView = {
    name: a.name,
    charm: a.meta.name,
    real: a.real,
    inferred: a.inferred,
    crossModel: state.crossModel.get(a.name) ?? NONE,
    subordinate: a.meta.subordinate,
    life: a.life,
    endpoints: allEndpoints(a.meta),
    units: [...a.units],
    leader: a.leader,
    actions: a.meta.actions.map((x) => ({ name: x.name, params: x.params })),
    peerRelations: relations.filter((r) => r.peer && r.endpoints[0]?.app === a.name).map((r) => r.id),
    };
    const old = oldApps.get(a.name);
    return old && sameApp(old, fresh) ? old : fresh;
  });
  const next = nextHooks(state).map((q) => ({ unit: q.unit, hooks: q.ops.map((op) => ({ hook: hookName(op), op })) }));
  return { apps, units, relations, next, juju: state.options.juju, autoRetry: state.config.automaticallyRetryHooks };
}
