/**
 * The hook context: exactly the hook tools Juju gives a charm (relation-ids,
 * relation-list, relation-get, relation-set, is-leader, status-set, juju-log,
 * action-get) plus the unit's little file system and a deterministic random().
 * Reads see committed data plus the caller's own buffered writes; writes are
 * buffered and committed together only if the hook succeeds (uniter
 * `runner/context/context.go` Flush, JUJU-SEMANTICS §4). The same context serves
 * hooks, actions and `juju exec`.
 */
import { CharmCodeError, FileNotFoundError, HookExit, HookToolError } from './errors.ts';
import { counterpartApp, endpointOf, getBag, relationName, type Relation, type SimState, type Unit, type WorkloadStatus } from './model.ts';
import { hookName, relationLabel, type HookOp } from './ops.ts';
import { nextFloat } from './prng.ts';
import type { BagChange, BagDiff, CharmEvent, FileChange, HookRecord } from './trace.ts';
import { emptyDiff, diffIsEmpty } from './trace.ts';
import { touch } from './tx.ts';
import { getApp } from './world.ts';

export const MODEL_NAME = 'relviz';

export interface RelationGetArgs {
  relation?: string;
  key?: string;
  /** A unit name, or with `app` an application (or one of its units). */
  target?: string;
  app?: boolean;
}

export interface RelationSetArgs {
  relation?: string;
  app?: boolean;
  settings: Record<string, string>;
}

export class HookContext {
  readonly env: Readonly<Record<string, string>>;
  readonly logs: string[] = [];
  private readonly unitWrites = new Map<number, Map<string, string>>();
  private readonly appWrites = new Map<number, Map<string, string>>();
  private readonly fileWrites = new Map<string, string | null>();
  private statusWrite: { workload: WorkloadStatus; message: string } | null = null;
  private drawn = 0;
  /** Set by a charm's own code (python.ts): what it did beyond its writes, for the trace and replays. */
  charmEvents: readonly CharmEvent[] | null = null;

  constructor(
    private readonly state: SimState,
    readonly unit: Unit,
    /** The hook or action running, or null for `juju exec`. */
    readonly op: HookOp | null,
  ) {
    this.env = hookEnv(state, unit, op);
  }

  /**
   * relation-ids: `<endpoint>:<id>` of this unit's relations on an endpoint, sorted as
   * strings (`db:10` before `db:2`, §9). A relation that is not a peer relation, is
   * dying and has no members left counts as broken and is left out, in hooks and
   * `juju exec` alike (juju/juju#17464, §5); a unit removed while the relation stays
   * alive still lists it in its own relation-broken.
   */
  relationIds(endpoint?: string): string[] {
    const ep = endpoint ?? this.env['JUJU_RELATION'];
    if (ep === undefined) throw new HookToolError('no endpoint name specified', 2);
    const names: string[] = [];
    for (const local of this.unit.agent.relations.values()) {
      if (local.silent || local.endpoint !== ep) continue;
      const rel = this.state.relations.get(local.relationId);
      if (rel && !rel.peer && rel.life === 'dying' && local.members.size === 0) continue;
      names.push(`${ep}:${local.relationId}`);
    }
    return names.sort();
  }

  /** relation-list: the remote units the charm knows in a relation, sorted (never the caller). */
  relationList(relation?: string): string[] {
    const rel = this.relation(relation);
    const local = this.unit.agent.relations.get(rel.id);
    const names = new Set(local ? local.members.names() : []);
    const op = this.op;
    if (op && op.relationId === rel.id && op.remoteUnit) {
      if (op.kind === 'relation-joined') names.add(op.remoteUnit);
      if (op.kind === 'relation-departed') names.delete(op.remoteUnit);
    }
    if (op && op.relationId === rel.id && op.kind === 'relation-broken') names.clear();
    return [...names].sort();
  }

  /** relation-list --app: the remote application's name. */
  relationListApp(relation?: string): string {
    return counterpartApp(this.relation(relation), this.unit.app);
  }

  /** relation-get: a whole bag (no key) or one value ('' when unset). */
  relationGet(args: RelationGetArgs = {}): Map<string, string> {
    const { data, writes } = this.readable(args);
    const out = new Map(data);
    overlay(out, writes);
    return sorted(out);
  }

  /** relation-get with a key: the value, or '' when the key is not set (one lookup, not a copy of the bag). */
  relationGetValue(key: string, args: Omit<RelationGetArgs, 'key'> = {}): string {
    const { data, writes } = this.readable(args);
    const pending = writes?.get(key);
    if (pending !== undefined) return pending;
    return data.get(key) ?? '';
  }

  /**
   * The bag relation-get reads, after the permission checks (§6): its committed data
   * (not to be mutated) and, for the caller's own bags, the hook's pending writes.
   */
  private readable(args: Omit<RelationGetArgs, 'key'>): { data: ReadonlyMap<string, string>; writes: Map<string, string> | undefined } {
    const rel = this.relation(args.relation);
    if (args.app) return this.readAppBag(rel, args.target);
    const target = args.target || this.env['JUJU_REMOTE_UNIT'] || '';
    if (target === '') throw new HookToolError('no unit id specified', 2);
    if (!target.includes('/')) throw new HookToolError(`expected unit name, got application name "${target}"`, 2);
    const targetApp = target.includes('/') ? target.slice(0, target.lastIndexOf('/')) : target;
    if (!endpointOf(rel, targetApp)) throw new HookToolError('permission denied');
    const bag = rel.unitBags.get(target);
    if (!bag && target !== this.unit.name) {
      throw new HookToolError(
        `cannot read settings for unit "${target}" in relation "${relationName(rel, this.unit.app)}": unit "${target}": settings not found`,
      );
    }
    return { data: bag ? bag.data : EMPTY, writes: target === this.unit.name ? this.unitWrites.get(rel.id) : undefined };
  }

  /** relation-set: this unit's own bag, or with `app` (leader only) its application's bag. '' deletes. */
  relationSet(args: RelationSetArgs): void {
    const rel = this.relation(args.relation);
    if (args.app && !this.isLeader()) throw new HookToolError('cannot write relation settings');
    const writes = args.app ? this.appWrites : this.unitWrites;
    let buffer = writes.get(rel.id);
    if (!buffer) {
      buffer = new Map();
      writes.set(rel.id, buffer);
    }
    for (const [k, v] of Object.entries(args.settings)) {
      if (typeof v !== 'string') throw new HookToolError(`relation data values must be strings, not ${typeof v}`);
      buffer.set(k, v);
    }
  }

  /** is-leader: the controller's truth at this moment. */
  isLeader(): boolean {
    return getApp(this.state, this.unit.app).leader === this.unit.name;
  }

  statusSet(workload: WorkloadStatus, message = ''): void {
    this.statusWrite = { workload, message };
  }

  jujuLog(message: string, level = 'INFO'): void {
    this.logs.push(level === 'INFO' ? message : `${level}: ${message}`);
  }

  /** action-get: one parameter ('' when unset), or all of them. */
  actionGet(): Map<string, string>;
  actionGet(key: string): string;
  actionGet(key?: string): string | Map<string, string> {
    const action = this.op?.action;
    if (!action) throw new HookToolError('not running an action');
    if (key === undefined) return new Map(action.params);
    return action.params.get(key) ?? '';
  }

  readFile(path: string): string | null {
    if (this.fileWrites.has(path)) return this.fileWrites.get(path) ?? null;
    return this.unit.files.get(path) ?? null;
  }

  writeFile(path: string, content: string): void {
    this.fileWrites.set(path, content);
  }

  /** Removes a file; like os.remove, raises FileNotFoundError when there is none. */
  removeFile(path: string): void {
    if (this.readFile(path) === null) throw new FileNotFoundError(`[Errno 2] No such file or directory: '${path}'`);
    this.fileWrites.set(path, null);
  }

  /** A deterministic random float in [0, 1), drawn from the simulation's seeded PRNG. */
  random(): number {
    this.drawn++;
    return nextFloat(this.state.rng);
  }

  /** How many numbers `random()` has drawn in this hook (a replay draws as many: python.ts). */
  get draws(): number {
    return this.drawn;
  }

  /** The unit's files as they were before the hook (its own writes are not in it). */
  get unitFiles(): ReadonlyMap<string, string> {
    return this.unit.files;
  }

  /** The model's logical clock, in seconds. */
  get clock(): number {
    return this.state.clock;
  }

  /**
   * Does again what a charm's code did in this hook when it ran (its trace record), with
   * no code: draws as many numbers, logs the same lines, buffers the same writes,
   * files and status, or fails with the same error. The state before is the same, so
   * the commit after is the same (python.ts).
   */
  replayCharm(r: HookRecord): void {
    const run = r.charm;
    if (!run) throw new Error(`replay: hook ${r.seq} (${r.unit} ${r.hook}) ran no charm code`);
    for (let i = 0; i < run.draws; i++) this.random();
    this.charmEvents = run.events;
    for (const line of r.logs) this.logs.push(line);
    if (r.error !== null) throw new CharmCodeError(r.error);
    for (const c of r.changes) {
      const writes = c.scope === 'unit' ? this.unitWrites : this.appWrites;
      let buffer = writes.get(c.relationId);
      if (!buffer) writes.set(c.relationId, (buffer = new Map()));
      for (const [k, v] of Object.entries(c.diff.added)) buffer.set(k, v);
      for (const [k, [, v]] of Object.entries(c.diff.updated)) buffer.set(k, v);
      for (const k of Object.keys(c.diff.removed)) buffer.set(k, '');
    }
    for (const f of r.files) this.fileWrites.set(f.path, f.content);
    if (r.status) this.statusWrite = { workload: r.status.workload as WorkloadStatus, message: r.status.message };
  }

  /** Ends the hook with an exit code; non-zero fails it. */
  exit(code: number): never {
    throw new HookExit(code);
  }

  /** The relation named by `-r` (`master:1` or `1`), or the hook's own relation. */
  relation(name?: string): Relation {
    let id: number;
    if (name === undefined || name === '') {
      const own = this.op?.relationId;
      if (own === null || own === undefined) throw new HookToolError('no relation id specified', 2);
      id = own;
    } else {
      const m = /^(?:([\w-]+):)?(\d+)$/.exec(name);
      if (!m) throw new HookToolError(`invalid value "${name}" for option -r: invalid relation id`, 2);
      id = Number(m[2]);
      const local = this.unit.agent.relations.get(id);
      if (!local || local.silent || (m[1] !== undefined && m[1] !== local.endpoint)) {
        throw new HookToolError(`invalid value "${name}" for option -r: relation not found`, 2);
      }
    }
    const rel = this.state.relations.get(id);
    if (!rel) throw new HookToolError(`invalid value "${name ?? id}" for option -r: relation not found`, 2);
    return rel;
  }

  private readAppBag(rel: Relation, target?: string): { data: ReadonlyMap<string, string>; writes: Map<string, string> | undefined } {
    const app = target ? (target.includes('/') ? target.slice(0, target.lastIndexOf('/')) : target) : counterpartApp(rel, this.unit.app);
    if (!endpointOf(rel, app)) throw new HookToolError('permission denied');
    // A non-leader may not read its own application's bag in a regular relation (§6).
    if (app === this.unit.app && !rel.peer && !this.isLeader()) throw new HookToolError('permission denied');
    return { data: rel.appBags.get(app)?.data ?? EMPTY, writes: app === this.unit.app ? this.appWrites.get(rel.id) : undefined };
  }

  /**
   * Commits the buffered writes (after a successful hook): bag versions move only
   * when content changes, and each change queues relation-changed on the units that
   * see it (§3). Returns what changed.
   */
  commit(seq: number): { changes: BagChange[]; files: FileChange[] } {
    const changes: BagChange[] = [];
    for (const [relId, writes] of this.unitWrites) {
      const rel = this.state.relations.get(relId);
      if (!rel) continue;
      const change = applyWrites(rel, 'unit', this.unit.name, writes, seq);
      if (change) {
        changes.push(change);
        notifyUnitBagChange(this.state, rel, this.unit.name);
      }
    }
    for (const [relId, writes] of this.appWrites) {
      const rel = this.state.relations.get(relId);
      if (!rel) continue;
      const change = applyWrites(rel, 'app', this.unit.app, writes, seq);
      if (change) {
        changes.push(change);
        notifyAppBagChange(this.state, rel, this.unit.app);
      }
    }
    const files: FileChange[] = [];
    for (const [path, content] of this.fileWrites) {
      const before = this.unit.files.get(path) ?? null;
      if (before === content) continue;
      if (content === null) this.unit.files.delete(path);
      else this.unit.files.set(path, content);
      files.push({ path, content });
    }
    if (this.statusWrite) this.unit.status = this.statusWrite;
    return { changes, files };
  }

  /** Whether anything would be committed (relation data, files or status). */
  get hasWrites(): boolean {
    return this.unitWrites.size > 0 || this.appWrites.size > 0 || this.fileWrites.size > 0 || this.statusWrite !== null;
  }

  get pendingStatus(): { workload: WorkloadStatus; message: string } | null {
    return this.statusWrite;
  }
}

const EMPTY: ReadonlyMap<string, string> = new Map();

function overlay(data: Map<string, string>, writes: Map<string, string> | undefined): void {
  if (!writes) return;
  for (const [k, v] of writes) {
    if (v === '') data.delete(k);
    else data.set(k, v);
  }
}

function sorted(data: Map<string, string>): Map<string, string> {
  return new Map([...data].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function applyWrites(rel: Relation, scope: 'unit' | 'app', owner: string, writes: Map<string, string>, seq: number): BagChange | null {
  const bag = getBag(scope === 'unit' ? rel.unitBags : rel.appBags, owner);
  const diff: BagDiff = emptyDiff();
  for (const [k, v] of writes) {
    const old = bag.data.get(k);
    if (v === '') {
      if (old !== undefined) {
        diff.removed[k] = old;
        bag.data.delete(k);
      }
    } else if (old === undefined) {
      diff.added[k] = v;
      bag.data.set(k, v);
    } else if (old !== v) {
      diff.updated[k] = [old, v];
      bag.data.set(k, v);
    }
  }
  if (diffIsEmpty(diff)) return null;
  bag.version += 1;
  bag.writtenBy = seq;
  return { relationId: rel.id, owner, scope, diff, version: bag.version };
}

/** A unit bag moved: relation-changed on every unit that has joined the writer (never the writer). */
function notifyUnitBagChange(state: SimState, rel: Relation, writer: string): void {
  for (const name of rel.scope.keys()) {
    if (name === writer) continue;
    const local = state.units.get(name)?.agent.relations.get(rel.id);
    if (!local || local.silent || local.tearDown || !local.members.has(writer)) continue;
    if (!local.changedQueued.has(writer)) {
      local.changedQueued.add(writer);
      local.changedQueue.push(writer);
    }
    touch(state, name);
  }
}

/** An app bag moved: app-level changed on the remote application's units; for peers on every unit, the leader included (juju#20178). */
function notifyAppBagChange(state: SimState, rel: Relation, writerApp: string): void {
  for (const name of rel.scope.keys()) {
    const unit = state.units.get(name);
    if (!unit) continue;
    if (rel.peer || unit.app !== writerApp) touch(state, name);
  }
}

/** The environment a traced hook ran with (JUJU-SEMANTICS §8), rebuilt from its record. */
export function recordEnv(r: HookRecord): Record<string, string> {
  const env: Record<string, string> = { JUJU_UNIT_NAME: r.unit, JUJU_MODEL_NAME: MODEL_NAME, JUJU_HOOK_NAME: r.hook };
  if (r.kind === 'action') {
    env['JUJU_ACTION_NAME'] = r.hook;
    return env;
  }
  if (r.relationId === null || r.relation === null) return env;
  env['JUJU_RELATION'] = r.relation.slice(0, r.relation.lastIndexOf(':'));
  env['JUJU_RELATION_ID'] = r.relation;
  env['JUJU_REMOTE_UNIT'] = r.remoteUnit ?? '';
  env['JUJU_REMOTE_APP'] = r.remoteApp ?? '';
  if (r.departingUnit) env['JUJU_DEPARTING_UNIT'] = r.departingUnit;
  return env;
}

/** The hook environment (JUJU-SEMANTICS §8). */
export function hookEnv(state: SimState, unit: Unit, op: HookOp | null): Record<string, string> {
  const env: Record<string, string> = { JUJU_UNIT_NAME: unit.name, JUJU_MODEL_NAME: MODEL_NAME };
  if (!op) return env;
  env['JUJU_HOOK_NAME'] = hookName(op);
  if (op.kind === 'action') {
    env['JUJU_ACTION_NAME'] = op.action?.name ?? '';
    env['JUJU_ACTION_UUID'] = String(op.action?.id ?? '');
    return env;
  }
  if (op.relationId === null) return env;
  env['JUJU_RELATION'] = op.endpoint ?? '';
  env['JUJU_RELATION_ID'] = relationLabel(op.endpoint, op.relationId);
  env['JUJU_REMOTE_UNIT'] = op.remoteUnit ?? '';
  env['JUJU_REMOTE_APP'] = op.remoteApp ?? '';
  if (op.departingUnit) env['JUJU_DEPARTING_UNIT'] = op.departingUnit;
  return env;
}
