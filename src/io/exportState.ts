/**
 * What one hook of a relviz history looked like from inside, as plain data: the state
 * its unit could read through its hook tools just before it ran (relation-ids,
 * relation-list, relation-get, is-leader, its workload status), the event, and what
 * the hook did (the databag diff it committed, the status it set, or its failure).
 * exportTest.ts writes it as an ops.testing test. The unit's view is asked of a
 * HookContext built as the hook's own — the same hook tools the charm got — so it is
 * what that unit saw, not the controller's whole truth: no relation it has left, no
 * unit it has not joined yet, no bag it may not read. Pure.
 */
import { allEndpoints, findEndpoint, type CharmMeta } from '../engine/charm.ts';
import { HookContext } from '../engine/context.ts';
import { HookToolError } from '../engine/errors.ts';
import { counterpartApp, unitAppName, type SimState, type Unit } from '../engine/model.ts';
import type { HookKind, RuleId } from '../engine/ops.ts';
import { opOfRecord } from '../engine/runner.ts';
import type { Timeline } from '../engine/timeline.ts';
import type { BagChange, FileChange, HookRecord } from '../engine/trace.ts';
import { JUJU_STATUS } from '../engine/world.ts';

/** Thrown for a unit or seq that names no hook of the history; the message says what there is. */
export class ExportError extends Error {
  override name = 'ExportError';
}

export type Bag = Readonly<Record<string, string>>;

export interface ExportedUnit {
  /** The unit number (ops.testing's unit id). */
  readonly id: number;
  readonly name: string;
  /** Its bag, as relation-get reads it. */
  readonly data: Bag;
}

/** ops.testing's class for the relation: peers, a container-scoped endpoint, or any other. */
export type RelationType = 'Relation' | 'PeerRelation' | 'SubordinateRelation';

export interface ExportedRelation {
  readonly type: RelationType;
  readonly id: number;
  readonly endpoint: string;
  readonly interface: string;
  /** The application on the other side (a peer relation's is the unit's own). */
  readonly remoteApp: string;
  /** relation-ids lists it. Only the hook's own relation can be unlisted: one being broken. */
  readonly listed: boolean;
  /** The unit's application bag; null when relation-get refuses it (a non-leader, not a peer relation, §6). */
  readonly localAppData: Bag | null;
  readonly localUnitData: Bag;
  /** The remote application's bag ({} for a peer relation: there it is localAppData). */
  readonly remoteAppData: Bag;
  /** What relation-list returns, each unit with its bag. */
  readonly units: readonly ExportedUnit[];
  /**
   * A subordinate relation whose relation-list is empty (before joined, in departed or
   * broken): the unit it is attached to, which ops.testing's SubordinateRelation always
   * names. Null otherwise, or when there is none to name.
   */
  readonly attached: ExportedUnit | null;
}

export interface ExportedState {
  readonly unit: string;
  readonly app: string;
  readonly unitId: number;
  /** is-leader. */
  readonly leader: boolean;
  /** The unit's workload status as the hook found it. */
  readonly status: { readonly workload: string; readonly message: string };
  /** By relation id. */
  readonly relations: readonly ExportedRelation[];
}

/** The ops event: `ctx.on.<method>(…)`. */
export interface ExportedEvent {
  readonly method: string;
  readonly relationId: number | null;
  /** JUJU_REMOTE_UNIT's number, or null (relation-created, broken, app-level changed). */
  readonly remoteUnit: number | null;
  /** JUJU_DEPARTING_UNIT's number (relation-departed). */
  readonly departingUnit: number | null;
  readonly action: { readonly name: string; readonly params: Bag } | null;
}

export interface ExportedHook {
  readonly unit: string;
  readonly seq: number;
  /** The tick the hook is; the state is the one after `tick` ticks, just before it. */
  readonly tick: number;
  readonly hook: string;
  readonly kind: HookKind;
  readonly rule: RuleId;
  /** The relation as the unit names it (`master:0`), or null. */
  readonly relation: string | null;
  readonly remoteUnit: string | null;
  readonly departingUnit: string | null;
  /** The command whose run the hook is part of, as the user wrote it. */
  readonly command: string;
  readonly meta: CharmMeta;
  /** Which charm relviz ran (its catalog name or path). */
  readonly charmName: string;
  readonly state: ExportedState;
  readonly event: ExportedEvent;
  readonly result: 'ok' | 'error';
  readonly error: string | null;
  /** What it committed (empty when it failed). */
  readonly changes: readonly BagChange[];
  readonly status: { readonly workload: string; readonly message: string } | null;
  readonly files: readonly FileChange[];
  readonly logs: readonly string[];
}

export interface FoundHook {
  readonly record: HookRecord;
  /** Its index in the Timeline's full trace. */
  readonly index: number;
}

/** The unit number of `app/N`. */
export function unitNumber(name: string): number {
  return Number(name.slice(name.lastIndexOf('/') + 1));
}

/** Every hook a unit ran in the history, in order; an ExportError when it ran none. */
export function unitHooks(timeline: Timeline, unit: string): FoundHook[] {
  const found: FoundHook[] = [];
  const units = new Set<string>();
  const trace = timeline.fullTrace;
  for (let i = 0; i < trace.length; i++) {
    const r = trace.at(i);
    if (r?.type !== 'hook') continue;
    if (r.unit === unit) found.push({ record: r, index: i });
    else units.add(r.unit);
  }
  if (found.length === 0) throw new ExportError(units.size === 0 ? `no unit has run a hook in this history, so there is no "${unit}" to export` : `no hook of unit "${unit}" in this history (units that ran hooks: ${listed([...units])})`);
  return found;
}

/** The hook `seq` of `unit`; an ExportError that says why when there is none. */
export function findHook(timeline: Timeline, unit: string, seq: number): FoundHook {
  const hooks = unitHooks(timeline, unit);
  const hit = hooks.find((h) => h.record.seq === seq);
  if (hit) return hit;
  const trace = timeline.fullTrace;
  for (let i = 0; i < trace.length; i++) {
    const r = trace.at(i);
    if ((r?.type === 'hook' || r?.type === 'exec') && r.seq === seq) {
      throw new ExportError(r.type === 'exec' ? `seq ${seq} is a juju exec on ${r.unit}, not a hook` : `seq ${seq} is ${r.unit}'s ${r.hook}, not a hook of ${unit}`);
    }
  }
  throw new ExportError(`no seq ${seq} in this history; ${unit}'s hooks are seq ${listed(hooks.map((h) => String(h.record.seq)))}`);
}

function listed(items: readonly string[], max = 12): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} … (${items.length} in all)`;
}

/** One hook as plain data, from the state just before it (read from the Timeline, the cursor left where it is). */
export function exportHook(timeline: Timeline, found: FoundHook): ExportedHook {
  const tick = timeline.tickOfRecord(found.index);
  return hookAt(timeline, found, tick, timeline.stateAt(tick));
}

/** Several hooks (in history order) as plain data: one replay forward through the history for all of them. */
export function exportHooks(timeline: Timeline, hooks: readonly FoundHook[]): ExportedHook[] {
  const ticks = hooks.map((h) => timeline.tickOfRecord(h.index));
  const out: ExportedHook[] = [];
  let i = 0;
  timeline.visitStates(ticks, (tick, state) => {
    out.push(hookAt(timeline, hooks[i++] as FoundHook, tick, state));
  });
  return out;
}

function hookAt(timeline: Timeline, found: FoundHook, tick: number, before: SimState): ExportedHook {
  const r = found.record;
  const unit = before.units.get(r.unit);
  const app = unit && before.apps.get(unit.app);
  if (!unit || !app) throw new Error(`internal: ${r.unit} is not in the state before its seq ${r.seq}`);
  const queued = r.kind === 'action' ? unit.agent.actions[0] : undefined;
  const action = queued && queued.name === r.hook ? { id: queued.id, name: queued.name, params: queued.params } : null;
  const ctx = new HookContext(before, unit, opOfRecord(r, action));
  const entry = timeline.log.entries[timeline.entryAt(tick)];
  return {
    unit: r.unit,
    seq: r.seq,
    tick,
    hook: r.hook,
    kind: r.kind,
    rule: r.rule,
    relation: r.relation,
    remoteUnit: r.remoteUnit,
    departingUnit: r.departingUnit,
    command: entry?.text ?? '',
    meta: app.meta,
    charmName: app.charmName,
    state: unitView(before, unit, app.meta, ctx, r),
    event: eventOf(r, action ? sortedBag(action.params) : {}),
    result: r.result,
    error: r.error,
    changes: r.changes,
    status: r.status,
    files: r.files,
    logs: r.logs,
  };
}

/** What the unit could read through its hook tools, as the hook began. */
function unitView(state: SimState, unit: Unit, meta: CharmMeta, ctx: HookContext, r: HookRecord): ExportedState {
  const listedIds = new Set<number>();
  for (const ep of allEndpoints(meta)) {
    for (const name of ctx.relationIds(ep.name)) listedIds.add(Number(name.slice(name.lastIndexOf(':') + 1)));
  }
  // A relation being broken is not in relation-ids any more, but it is the event's relation.
  const ids = new Set(listedIds);
  if (r.relationId !== null) ids.add(r.relationId);
  return {
    unit: unit.name,
    app: unit.app,
    unitId: unit.number,
    leader: ctx.isLeader(),
    // Juju sets "installing charm software" as install begins (the runner's pre-effect).
    status: r.kind === 'install' ? { ...JUJU_STATUS.installing } : { ...unit.status },
    relations: [...ids].sort((a, b) => a - b).map((id) => relationView(state, unit, meta, ctx, id, listedIds.has(id), r)),
  };
}

function relationView(state: SimState, unit: Unit, meta: CharmMeta, ctx: HookContext, id: number, listed: boolean, r: HookRecord): ExportedRelation {
  const rel = state.relations.get(id);
  const local = unit.agent.relations.get(id);
  const endpoint = local?.endpoint ?? (r.relation ?? '').slice(0, (r.relation ?? '').lastIndexOf(':'));
  const ep = findEndpoint(meta, endpoint);
  const remoteApp = rel ? counterpartApp(rel, unit.app) : (local?.remoteApp ?? r.remoteApp ?? '');
  const type: RelationType = rel?.peer ? 'PeerRelation' : ep?.scope === 'container' ? 'SubordinateRelation' : 'Relation';
  const relation = String(id);
  // relation-get as the charm would call it; null where Juju answers with an error.
  const get = (args: { target: string; app?: boolean }): Bag | null => {
    try {
      return Object.fromEntries(ctx.relationGet({ relation, ...args }));
    } catch (e) {
      if (e instanceof HookToolError) return null;
      throw e;
    }
  };
  let names: string[];
  try {
    names = ctx.relationList(relation);
  } catch (e) {
    if (!(e instanceof HookToolError)) throw e;
    names = [];
  }
  const units = names.map((name) => ({ id: unitNumber(name), name, data: get({ target: name }) ?? {} }));
  let attached: ExportedUnit | null = null;
  if (type === 'SubordinateRelation' && units.length === 0) {
    const principal = unit.principal !== null && unitAppName(unit.principal) === remoteApp ? unit.principal : null;
    const name = principal ?? unit.subordinates.find((s) => unitAppName(s) === remoteApp) ?? null;
    if (name !== null) attached = { id: unitNumber(name), name, data: get({ target: name }) ?? {} };
  }
  return {
    type,
    id,
    endpoint,
    interface: ep?.interface ?? rel?.endpoints.find((e) => e.app === unit.app)?.interface ?? '',
    remoteApp,
    listed,
    localAppData: get({ target: unit.app, app: true }),
    localUnitData: get({ target: unit.name }) ?? {},
    remoteAppData: type === 'PeerRelation' ? {} : (get({ target: remoteApp, app: true }) ?? {}),
    units,
    attached,
  };
}

const RELATION_EVENTS: Partial<Record<HookKind, string>> = {
  'relation-created': 'relation_created',
  'relation-joined': 'relation_joined',
  'relation-changed': 'relation_changed',
  'relation-departed': 'relation_departed',
  'relation-broken': 'relation_broken',
};

function eventOf(r: HookRecord, params: Bag): ExportedEvent {
  if (r.kind === 'action') return { method: 'action', relationId: null, remoteUnit: null, departingUnit: null, action: { name: r.hook, params } };
  const relational = RELATION_EVENTS[r.kind];
  return {
    method: relational ?? r.kind.replaceAll('-', '_'),
    relationId: relational ? r.relationId : null,
    remoteUnit: relational && r.remoteUnit ? unitNumber(r.remoteUnit) : null,
    departingUnit: r.kind === 'relation-departed' && r.departingUnit ? unitNumber(r.departingUnit) : null,
    action: null,
  };
}

function sortedBag(data: ReadonlyMap<string, string>): Bag {
  return Object.fromEntries([...data].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
