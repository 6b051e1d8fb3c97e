/**
 * The simulation state: the controller's view of the model (applications, units,
 * relations, databags) plus one unit agent's local state per unit (what it has
 * already told its charm). The resolver compares the two, exactly as the uniter
 * compares remote state with local state (JUJU-SEMANTICS §2).
 *
 * The state is a plain mutable object owned by whoever holds it; `cloneState`
 * (clone.ts) copies it for checkpoints. All collections are Maps or arrays whose
 * order is deterministic, so replaying a command log gives the identical state.
 */
import type { CharmMeta } from './charm.ts';
import type { CharmCode } from './code.ts';
import type { MemberTable, UnitHeap } from './heap.ts';
import type { RngState } from './prng.ts';
import type { HookOp } from './ops.ts';

export type Life = 'alive' | 'dying';
export type JujuVersion = '3.6' | '4.0';
export type WorkloadStatus = 'unknown' | 'maintenance' | 'waiting' | 'active' | 'blocked' | 'error';

export interface Databag {
  data: Map<string, string>;
  /** Moves only when the content changes (an identical write is not a change). */
  version: number;
  /** seq of the operation that committed the current version (0: none yet). */
  writtenBy: number;
}

/** An application's part in a cross-model relation: an offer it makes, or a saas (another model's offer) it is related to. */
export interface CrossModelNote {
  readonly kind: 'offer' | 'consumes';
  /** The offer's name, or the saas application's. */
  readonly name: string;
  /** The offered endpoints, or this application's endpoints related to the saas. */
  readonly endpoints: readonly string[];
}

/** Juju's application names: lower-case words joined by single hyphens, starting with a letter. */
export const APP_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface Application {
  readonly name: string;
  /** Catalog name, or the path a charm was deployed from. */
  readonly charmName: string;
  /** Built-in charm with behaviour, or metadata only (hooks run and do nothing). */
  readonly catalog: boolean;
  /** Its charm was not found: endpoints inferred from a bundle's relations (shown as such). */
  readonly inferred: boolean;
  /** A real charm's endpoints from the catalog (catalog/real/): no behaviour, hooks do nothing. */
  readonly real: boolean;
  readonly meta: CharmMeta;
  /**
   * The charm's own code, when it was deployed from a folder that has some (python.ts):
   * its hooks run it. Absent for catalog charms and metadata-only charms.
   */
  readonly code?: CharmCode;
  /** Names of the application's units, in unit-number order. */
  units: string[];
  life: Life;
  leader: string | null;
}

export interface QueuedAction {
  readonly id: number;
  readonly name: string;
  readonly params: ReadonlyMap<string, string>;
}

export interface Agent {
  installed: boolean;
  configured: boolean;
  started: boolean;
  stopped: boolean;
  /**
   * Ran its remove hook. The unit is dead once it has no subordinates left: a
   * principal waits for its subordinates before it dies (uniter `terminate`), and
   * keeps its leadership until then.
   */
  removed: boolean;
  /** Leadership as last told to the charm (leader-elected ran). */
  leader: boolean;
  /**
   * Juju 3.6: the follower ran its startup leader-settings-changed. Leader settings
   * change only with `leader-set`, never because the leader changed (§5, G13).
   */
  leaderSettingsSeen: boolean;
  relations: Map<number, LocalRelation>;
  /**
   * The hook that failed, with the data version it was chosen with (a re-run keeps
   * it, §4); the unit runs nothing else until it succeeds or `juju resolve`.
   */
  failed: HookOp | null;
  /** A hook to re-run first (set by `juju resolve`). */
  retry: HookOp | null;
  /** Failed runs of the current failure, retries included (sets the back-off). */
  failures: number;
  /** Logical time (s) of the automatic retry of `failed`, or null (none scheduled). */
  retryAt: number | null;
  /** seq of the last re-run (automatic or `juju resolve`) that failed again; 0 if none. */
  refailedSeq: number;
  /** Injected failures: the next runs of `hook` exit 1; `left` runs to go, -1 for every run. */
  failNext: FailInjection[];
  actions: QueuedAction[];
}

export interface FailInjection {
  readonly hook: string;
  left: number;
}

/** What one unit has told its charm about one relation (uniter relation state). */
export interface LocalRelation {
  readonly relationId: number;
  /** The unit's own endpoint name. */
  readonly endpoint: string;
  /** relation-created has run (or was skipped silently). */
  created: boolean;
  /** The application whose units this relation's remote units are (the own one for peers). */
  readonly remoteApp: string;
  /** Remote units the charm has seen join, with the bag version it last saw. */
  members: MemberTable;
  /** Version of the counterpart application bag last seen (0: never changed). */
  appVersion: number;
  /** A joined just ran for this unit: its changed comes next in this relation. */
  changedPending: string | null;
  /** Unit or relation dying: remote state is treated as empty. */
  tearDown: boolean;
  /** Implicit juju-info relation on the principal side: no hooks ever run. */
  readonly silent: boolean;
  joinQueue: UnitHeap;
  changedQueue: UnitHeap;
  changedQueued: Set<string>;
  departQueue: UnitHeap;
}

export interface Unit {
  readonly name: string;
  readonly app: string;
  readonly number: number;
  readonly machine: number;
  readonly address: string;
  /** For a subordinate unit, the principal unit it lives beside. */
  readonly principal: string | null;
  subordinates: string[];
  life: Life;
  status: { workload: WorkloadStatus; message: string };
  files: Map<string, string>;
  agent: Agent;
}

export interface RelationEndpoint {
  readonly app: string;
  readonly endpoint: string;
  readonly role: 'provides' | 'requires' | 'peers';
  readonly interface: string;
  readonly implicit: boolean;
}

export interface ScopeEntry {
  /** Prepared to leave: the other units already see it as departed. */
  departing: boolean;
  /** The unit's application, copied here so visibility checks stay in one small object. */
  readonly app: string;
  /**
   * Juju's container scope key: the principal unit's name (its own, for a principal).
   * A container-scoped relation pairs units with the same key — per principal unit,
   * not per machine (state/relation.go `Relation.unit`), which differs when `to:`
   * places two principals on one machine.
   */
  readonly container: string;
}

export interface Relation {
  readonly id: number;
  /**
   * `"<requirer app>:<ep> <provider app>:<ep>"` as Juju keys it (requirer first, §7),
   * or `"<app>:<ep>"` for a peer relation.
   */
  readonly key: string;
  /** [provider, requirer], or a single endpoint for a peer relation. */
  readonly endpoints: readonly RelationEndpoint[];
  readonly peer: boolean;
  readonly container: boolean;
  life: Life;
  /** Units in scope, in the order they entered. */
  scope: Map<string, ScopeEntry>;
  unitBags: Map<string, Databag>;
  appBags: Map<string, Databag>;
}

export interface SimOptions {
  readonly juju: JujuVersion;
}

/** The model configuration relviz simulates (`juju model-config`). */
export interface ModelConfig {
  /** Juju's default: a failed hook is re-run by the unit after a back-off (§4). */
  automaticallyRetryHooks: boolean;
}

export interface SimState {
  options: SimOptions;
  config: ModelConfig;
  rng: RngState;
  /**
   * Logical time in seconds: every operation takes one second, and when nothing else
   * is left to run the clock jumps to the next automatic retry (§4 back-off).
   */
  clock: number;
  /** Units with an automatic retry scheduled → its time (an index over `Agent.retryAt`). */
  retryDue: Map<string, number>;
  apps: Map<string, Application>;
  units: Map<string, Unit>;
  relations: Map<number, Relation>;
  nextRelationId: number;
  /** Next unit number per application name (Juju's per-name sequence outlives the application). */
  unitSequence: Map<string, number>;
  nextMachine: number;
  /**
   * Applications' `gui-x`/`gui-y` annotations, as Juju keeps them in the model: set by
   * a bundle, written back by `juju export-bundle` (the app overrides them with where
   * the user put each application).
   */
  annotations: Map<string, { readonly x: number; readonly y: number }>;
  /**
   * What a bundle or status said of cross-model relations, per local application:
   * shown, not simulated (relviz runs one model).
   */
  crossModel: Map<string, readonly CrossModelNote[]>;
  /**
   * Unit numbers a loaded model (juju status) gives the subordinate units still to
   * come: `<principal unit>><subordinate app>` → number, taken when that unit is added.
   */
  reservedUnits: Map<string, number>;
  nextActionId: number;
  /** Operations run so far (hooks, actions, exec): the `seq` of the next one is seq + 1. */
  seq: number;
  /** Units that have a next operation to run, in a deterministic order. */
  ready: string[];
  readyIndex: Map<string, number>;
  /** Units whose readiness must be recomputed at the end of the current operation (empty between operations). */
  touched: Set<string>;
  /**
   * Cache of each ready unit's candidate operations, refreshed with readiness. Derived
   * (a clone starts it empty and recomputes on demand); saves resolving twice per hook.
   */
  nextOps: Map<string, HookOp[]>;
}

export function emptyBag(): Databag {
  return { data: new Map(), version: 0, writtenBy: 0 };
}

export function newAgent(): Agent {
  return {
    installed: false,
    configured: false,
    started: false,
    stopped: false,
    removed: false,
    leader: false,
    leaderSettingsSeen: false,
    relations: new Map(),
    failed: null,
    retry: null,
    failures: 0,
    retryAt: null,
    refailedSeq: 0,
    failNext: [],
    actions: [],
  };
}

export function unitAppName(unit: string): string {
  const i = unit.lastIndexOf('/');
  return i < 0 ? unit : unit.slice(0, i);
}

/** The endpoint of `app` in a relation (for a peer relation, its only endpoint). */
export function endpointOf(rel: Relation, app: string): RelationEndpoint | undefined {
  return rel.endpoints.find((e) => e.app === app);
}

/** The other application in a relation (for a peer relation, the application itself). */
export function counterpartApp(rel: Relation, app: string): string {
  if (rel.peer) return app;
  // A loop, not find(): the resolver asks on every hook, and a callback is a closure each time.
  for (const e of rel.endpoints) if (e.app !== app) return e.app;
  return app;
}

/** `<endpoint>:<id>`, the name a unit of `app` uses for the relation. */
export function relationName(rel: Relation, app: string): string {
  return `${endpointOf(rel, app)?.endpoint ?? '?'}:${rel.id}`;
}

export function getBag(bags: Map<string, Databag>, owner: string): Databag {
  let bag = bags.get(owner);
  if (!bag) {
    bag = emptyBag();
    bags.set(owner, bag);
  }
  return bag;
}

/** A deterministic fake address per machine: 10.0.0.10 for machine 0, and so on. */
export function machineAddress(machine: number): string {
  const n = machine + 10;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
