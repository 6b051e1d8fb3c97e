/**
 * The model a real history shows, rebuilt from its hooks alone: which applications
 * and units there were (a unit from its first hook until its remove), their endpoints,
 * the relations between them, and who was leader — at any point of the history. This
 * is what the app draws for an imported history; what the input does not say stays
 * unknown (an endpoint's interface, the other end of a relation seen from one side).
 *
 * Relations are told apart by id where the input has it (ids are model-wide in Juju),
 * else by the two applications and the endpoint.
 */
import { appOf, isRelationKind, type ImportedHook } from './record.ts';

export interface ModelEnd {
  readonly app: string;
  /** The endpoint, when a hook of that side named it. */
  readonly endpoint: string | undefined;
}

export interface ModelRelation {
  /** `#3` with an id; else `app:endpoint>other-app` (or `app:endpoint` when the other side is unknown). */
  readonly key: string;
  readonly id: number | undefined;
  readonly ends: readonly ModelEnd[];
  readonly peer: boolean;
  /** Units that ran a hook of it and have not broken it. */
  readonly units: readonly string[];
}

export interface ModelUnit {
  readonly name: string;
  readonly app: string;
  /** Its last hook so far (index in the history). */
  readonly lastHook: number;
  readonly failed: boolean;
  readonly removed: boolean;
}

export interface ModelApp {
  readonly name: string;
  readonly endpoints: readonly string[];
  readonly units: readonly string[];
  readonly leader: string | null;
}

export interface ImportedModel {
  readonly apps: readonly ModelApp[];
  readonly units: readonly ModelUnit[];
  readonly relations: readonly ModelRelation[];
}

interface RelDraft {
  key: string;
  id: number | undefined;
  ends: Map<string, string | undefined>;
  peer: boolean;
  units: Set<string>;
}

/** Unit names in number order (worker/9 before worker/10); one collator, not one per comparison. */
const NUMERIC = new Intl.Collator('en', { numeric: true });
const PLAIN = new Intl.Collator();

/** Builds the model hook by hook; `snapshot()` is the model after the hooks applied so far. */
export class ModelBuilder {
  private readonly apps = new Map<string, { endpoints: Set<string>; leader: string | null }>();
  private readonly units = new Map<string, { lastHook: number; failed: boolean; removed: boolean }>();
  private readonly relations = new Map<string, RelDraft>();
  private applied = 0;
  /** Nothing leaves the model: no unit is removed, no relation broken (everything a history ever shows). */
  private readonly keepAll: boolean;

  constructor(opts: { keepAll?: boolean } = {}) {
    this.keepAll = opts.keepAll ?? false;
  }

  /** Applies the next hook of the history. */
  apply(h: ImportedHook): void {
    const index = this.applied++;
    const app = appOf(h.unit);
    const a = this.app(app);
    // A failed hook still happened: leadership is the controller's, and a failed remove resolved is a removal.
    this.units.set(h.unit, { lastHook: index, failed: h.outcome === 'failed', removed: h.kind === 'remove' && !this.keepAll });
    if (h.kind === 'leader-elected') a.leader = h.unit;
    if (h.kind === 'remove' && a.leader === h.unit) a.leader = null;
    if (!isRelationKind(h.kind)) return;
    if (h.endpoint) a.endpoints.add(h.endpoint);
    const remoteApp = h.remoteApp ?? (h.remoteUnit ? appOf(h.remoteUnit) : undefined) ?? (h.departingUnit ? appOf(h.departingUnit) : undefined);
    const rel = this.relation(h, app, remoteApp ?? undefined);
    if (h.endpoint !== undefined || !rel.ends.has(app)) rel.ends.set(app, h.endpoint ?? rel.ends.get(app));
    if (remoteApp && !rel.ends.has(remoteApp)) rel.ends.set(remoteApp, undefined);
    if (remoteApp === app) rel.peer = true;
    if (h.kind === 'relation-broken' && !this.keepAll) rel.units.delete(h.unit);
    else rel.units.add(h.unit);
    if (h.remoteUnit && h.kind !== 'relation-departed') rel.units.add(h.remoteUnit);
  }

  /** An independent copy, to go on from (a checkpoint of ModelHistory). */
  clone(): ModelBuilder {
    const b = new ModelBuilder({ keepAll: this.keepAll });
    for (const [name, a] of this.apps) b.apps.set(name, { endpoints: new Set(a.endpoints), leader: a.leader });
    for (const [name, u] of this.units) b.units.set(name, { ...u });
    for (const [key, r] of this.relations) b.relations.set(key, { ...r, ends: new Map(r.ends), units: new Set(r.units) });
    b.applied = this.applied;
    return b;
  }

  snapshot(): ImportedModel {
    const unitsOf = new Map<string, string[]>();
    for (const [name, u] of this.units) {
      if (u.removed) continue;
      const list = unitsOf.get(appOf(name));
      if (list) list.push(name);
      else unitsOf.set(appOf(name), [name]);
    }
    const byName = NUMERIC.compare;
    return {
      apps: [...this.apps]
        .map(([name, a]) => ({ name, endpoints: [...a.endpoints].sort(), units: (unitsOf.get(name) ?? []).sort(byName), leader: a.leader }))
        .sort((x, y) => PLAIN.compare(x.name, y.name)),
      units: [...this.units].map(([name, u]) => ({ name, app: appOf(name), ...u })).sort((x, y) => byName(x.name, y.name)),
      relations: [...this.relations.values()]
        .filter((r) => r.units.size > 0)
        .map((r) => ({ key: r.key, id: r.id, ends: [...r.ends].map(([app, endpoint]) => ({ app, endpoint })), peer: r.peer, units: [...r.units].sort(byName) })),
    };
  }

  private app(name: string) {
    let a = this.apps.get(name);
    if (!a) {
      a = { endpoints: new Set(), leader: null };
      this.apps.set(name, a);
    }
    return a;
  }

  /** The relation a hook is about: by id; else by its endpoint and the other application. */
  private relation(h: ImportedHook, app: string, remoteApp: string | undefined): RelDraft {
    let key: string;
    if (h.relationId !== undefined) key = `#${h.relationId}`;
    else {
      // The other side may have named it already, from its own endpoint towards this app.
      const seen = [...this.relations.values()].find((r) => r.id === undefined && r.ends.has(app) && (r.ends.get(app) === h.endpoint || r.ends.get(app) === undefined) && (remoteApp === undefined || r.ends.has(remoteApp)));
      key = seen?.key ?? `${app}:${h.endpoint ?? '?'}${remoteApp && remoteApp !== app ? `>${remoteApp}` : ''}`;
    }
    let rel = this.relations.get(key);
    if (!rel) {
      rel = { key, id: h.relationId, ends: new Map(), peer: false, units: new Set() };
      this.relations.set(key, rel);
    }
    return rel;
  }
}

/** Hooks between two checkpoints of a ModelHistory: a seek replays fewer than this. */
export const MODEL_CHECKPOINT = 256;

/**
 * The model at every point of a history, for scrubbing: a builder copied every
 * MODEL_CHECKPOINT hooks, so the model after any count replays at most that many
 * hooks. `seen` is every application and relation the whole history shows, for a
 * layout that does not move while the history plays.
 */
export class ModelHistory {
  private readonly checkpoints: ModelBuilder[] = [];
  readonly seen: ImportedModel;

  constructor(private readonly hooks: readonly ImportedHook[]) {
    const b = new ModelBuilder();
    const ever = new ModelBuilder({ keepAll: true });
    hooks.forEach((h, i) => {
      if (i % MODEL_CHECKPOINT === 0) this.checkpoints.push(b.clone());
      b.apply(h);
      ever.apply(h);
    });
    this.seen = ever.snapshot();
  }

  get length(): number {
    return this.hooks.length;
  }

  /** The model after the first `count` hooks. */
  after(count: number): ImportedModel {
    const n = Math.max(0, Math.min(count, this.hooks.length));
    const k = Math.floor(n / MODEL_CHECKPOINT);
    const from = this.checkpoints[k];
    const b = from ? from.clone() : new ModelBuilder();
    for (let i = from ? k * MODEL_CHECKPOINT : 0; i < n; i++) b.apply(this.hooks[i] as ImportedHook);
    return b.snapshot();
  }
}

/** The model after the first `count` hooks of a history. */
export function modelAfter(hooks: readonly ImportedHook[], count: number): ImportedModel {
  const b = new ModelBuilder();
  for (let i = 0; i < Math.min(count, hooks.length); i++) b.apply(hooks[i] as ImportedHook);
  return b.snapshot();
}

/** The model in a few lines (at most `max`), as the CLI and the app's Check dialog say what a history shows. */
export function describeModel(model: ImportedModel, max = 40): string[] {
  const units = (a: ModelApp) => {
    if (a.units.length === 0) return 'no unit left';
    const named = a.units.map((u) => (u === a.leader ? `${u}*` : u));
    return named.length > 8 ? `${named.slice(0, 6).join(', ')}, … (${named.length} units)` : named.join(', ');
  };
  const lines = model.apps.map((a) => `${a.name}: ${units(a)}${a.endpoints.length > 0 ? `; endpoints ${a.endpoints.join(', ')}` : ''}`);
  for (const r of model.relations) {
    const ends = r.ends.map((e) => (e.endpoint ? `${e.app}:${e.endpoint}` : e.app));
    lines.push(`${r.id !== undefined ? `relation ${r.id}` : 'a relation'}${r.peer ? ' (peer)' : ''}: ${ends.length > 1 ? ends.join(' — ') : `${ends[0] ?? '?'} — (the other side is not in the input)`}`);
  }
  return lines.length > max ? [...lines.slice(0, max - 1), `… and ${lines.length - max + 1} more`] : lines;
}
