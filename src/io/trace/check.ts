/**
 * The conformance check: a real hook history replayed against Juju's guarantees
 * (JUJU-SEMANTICS §10, G1–G12, and the per-relation rules of §2 where the input
 * carries enough to decide). A hook is flagged only when the guarantees rule it out
 * whatever happened outside the input:
 *
 * - a unit's history counts from its `install` only: before a unit's first record
 *   anything may have happened, so "relation-created must come first" is judged only
 *   for units whose install is in the input;
 * - rules about one relation need its id (or the remote unit) when they compare two
 *   hooks: without them the check says "cannot tell" and counts it;
 * - rules across units (leadership) need times a second apart: the order of two
 *   units' lines within one second is not known.
 *
 * A failed hook counts where it ran: `juju resolved --no-retry` marks it done. When
 * the unit's next hook is the same one, that is its retry, and is not counted twice.
 * Storage hooks are outside these guarantees (Kubernetes units attach storage after
 * install, machine units before it).
 */
import { appOf, isRelationKind, type ImportedHook, type Source } from './record.ts';

export type RuleId = 'G1' | 'G2' | 'G3' | 'G4' | 'G5' | 'G6' | 'G7' | 'G8' | 'G9' | 'G10' | 'G11' | 'G12' | 'G13' | 'S1' | 'S2';

/** Each rule in a line, as the report names it (JUJU-SEMANTICS §10; S1, S2 from §2). */
export const RULES: Readonly<Record<RuleId, string>> = {
  G1: 'install runs first on a unit, exactly once',
  G2: 'config-changed comes after install, and start right after the first config-changed',
  G3: "a peer relation's relation-created comes before leader-elected, config-changed and start",
  G4: 'relation-created comes before any other hook of its relation, and nothing comes after relation-broken',
  G5: 'relation-joined is followed by relation-changed for the same unit, as the next hook of that relation',
  G6: 'at most one relation-joined per remote unit and relation; relation-departed only for a unit that joined',
  G7: 'after relation-departed for a unit, no more hooks about that unit in that relation',
  G8: 'relation-broken comes after relation-departed for every unit that joined, at most once',
  G9: 'a dying unit runs every relation-departed and relation-broken before stop; remove is its last hook',
  G10: 'relation-changed runs again whenever the remote data changes (coalesced)',
  G11: 'after the leader is gone, exactly one remaining unit runs leader-elected',
  G12: 'a dying leader stays leader until it is dead: no other unit runs leader-elected before its remove',
  G13: 'leader-settings-changed runs only on non-leaders, at startup or after a leader-set (Juju 3.6)',
  S1: "a unit's relation-joined never runs before its own start (§2)",
  S2: 'relation-changed for a remote unit comes only after its relation-joined (§2, rule 6)',
};

export interface Finding {
  readonly rule: RuleId;
  /** Index of the hook in the history. */
  readonly index: number;
  readonly hook: ImportedHook;
  /** What is wrong, in a sentence. */
  readonly message: string;
  /** What Juju (and relviz) would allow here instead. */
  readonly allowed: string;
}

export interface CannotTell {
  readonly rule: RuleId;
  readonly why: string;
  readonly count: number;
  /** The first hook it was about. */
  readonly first: Source | undefined;
}

export interface CheckReport {
  readonly hooks: number;
  readonly units: number;
  readonly findings: readonly Finding[];
  readonly cannotTell: readonly CannotTell[];
  /** Units whose history starts after their install: their earlier life is unknown. */
  readonly partialUnits: readonly string[];
}

interface RelState {
  created: boolean;
  broken: boolean;
  /** Hooks of this relation (successful ones) that left a unit's relation-changed owed. */
  owedChanged: { remote: string | null | undefined; hook: ImportedHook } | null;
  joined: Set<string>;
  departed: Set<string>;
  /** Every joined/departed of it named the remote unit, so `joined` is exact. */
  remotesKnown: boolean;
  endpoint: string | undefined;
  peer: boolean;
}

interface UnitState {
  seen: number;
  complete: boolean;
  installed: boolean;
  configChanged: boolean;
  expectStart: ImportedHook | null;
  /** Hooks seen between the first config-changed and start: wrong if start does come. */
  betweenConfigAndStart: { i: number; h: ImportedHook; config: ImportedHook }[];
  started: boolean;
  leaderish: boolean;
  removed: boolean;
  /** Its last hook, if that failed (the next may be its retry). */
  lastFailed: ImportedHook | null;
  relations: Map<string, RelState>;
  /** From a first pass: where the unit runs remove, and its last stop before that. */
  removeAt: number | undefined;
  finalStop: number | undefined;
}

const isStorage = (h: ImportedHook) => h.kind === 'storage-attached' || h.kind === 'storage-detaching';

function relationName(h: ImportedHook): string {
  if (h.relationId !== undefined) return h.endpoint ? `${h.endpoint}:${h.relationId}` : `relation ${h.relationId}`;
  return h.endpoint ? `a relation on "${h.endpoint}"` : 'its relation';
}

export function checkHistory(hooks: readonly ImportedHook[]): CheckReport {
  const findings: Finding[] = [];
  const cannot = new Map<string, { rule: RuleId; why: string; count: number; first: Source | undefined }>();
  const cannotTell = (rule: RuleId, why: string, h: ImportedHook | undefined) => {
    const key = `${rule}\u0000${why}`;
    const c = cannot.get(key) ?? { rule, why, count: 0, first: h?.source };
    c.count++;
    cannot.set(key, c);
  };
  const flag = (rule: RuleId, index: number, hook: ImportedHook, message: string, allowed: string) => findings.push({ rule, index, hook, message, allowed });

  // Peer endpoints: a relation whose remote units (or app) are of the unit's own application.
  const peerEndpoints = new Set<string>();
  const peerIds = new Set<string>();
  for (const h of hooks) {
    const remoteApp = h.remoteApp ?? (h.remoteUnit ? appOf(h.remoteUnit) : undefined);
    if (remoteApp !== undefined && remoteApp === appOf(h.unit)) {
      if (h.endpoint) peerEndpoints.add(`${appOf(h.unit)}\u0000${h.endpoint}`);
      if (h.relationId !== undefined) peerIds.add(`${h.unit}\u0000${h.relationId}`);
    }
  }

  const units = new Map<string, UnitState>();
  const unitState = (name: string): UnitState => {
    let u = units.get(name);
    if (!u) {
      u = { seen: 0, complete: false, installed: false, configChanged: false, expectStart: null, betweenConfigAndStart: [], started: false, leaderish: false, removed: false, lastFailed: null, relations: new Map(), removeAt: undefined, finalStop: undefined };
      units.set(name, u);
    }
    return u;
  };
  // First pass: each unit's remove, and the stop before it.
  hooks.forEach((h, i) => {
    const u = unitState(h.unit);
    if (u.removeAt !== undefined) return;
    if (h.kind === 'stop') u.finalStop = i;
    if (h.kind === 'remove') u.removeAt = i;
  });
  for (const u of units.values()) if (u.removeAt === undefined) u.finalStop = undefined;

  const relationOf = (u: UnitState, h: ImportedHook): { key: string; rel: RelState; exact: boolean } => {
    let key: string;
    if (h.relationId !== undefined) key = `#${h.relationId}`;
    else {
      // No id: the one open relation of that endpoint the unit has, if there is exactly one.
      const open = [...u.relations].filter(([k, r]) => k.startsWith('#') && r.endpoint === h.endpoint && !r.broken);
      key = open.length === 1 ? (open[0] as [string, RelState])[0] : `${h.endpoint ?? '?'}#?`;
    }
    let rel = u.relations.get(key);
    if (!rel) {
      const peer = peerEndpoints.has(`${appOf(h.unit)}\u0000${h.endpoint}`) || (h.relationId !== undefined && peerIds.has(`${h.unit}\u0000${h.relationId}`));
      rel = { created: false, broken: false, owedChanged: null, joined: new Set(), departed: new Set(), remotesKnown: true, endpoint: h.endpoint, peer };
      u.relations.set(key, rel);
    }
    if (rel.endpoint === undefined && h.endpoint !== undefined) rel.endpoint = h.endpoint;
    return { key, rel, exact: key.startsWith('#') };
  };

  const leaders = new Map<string, { unit: string; hook: ImportedHook }>();

  hooks.forEach((h, i) => {
    const u = unitState(h.unit);
    // The same hook again right after it failed is its retry: counted once, where it first ran.
    const failed = u.lastFailed;
    u.lastFailed = h.outcome === 'failed' ? h : null;
    if (failed && failed.hook === h.hook && failed.remoteUnit === h.remoteUnit && failed.relationId === h.relationId) return;
    if (u.removed) flag('G9', i, h, `${h.unit} ran ${h.hook} after its remove`, 'remove is the last hook of a unit: nothing after it');
    else if (u.finalStop !== undefined && i > u.finalStop && h.kind !== 'remove' && !isStorage(h)) {
      flag('G9', i, h, `${h.unit} ran ${h.hook} after its last stop, before its remove`, 'a dying unit runs only remove after its stop');
    }
    if (isStorage(h)) return;
    // Between the first config-changed and start only what outranks start may run: a new
    // relation's relation-created, leadership (§2). A unit that dies first never starts.
    if (u.expectStart && h.kind !== 'start' && h.kind !== 'relation-created' && h.kind !== 'leader-elected' && h.kind !== 'leader-settings-changed') {
      u.betweenConfigAndStart.push({ i, h, config: u.expectStart });
    }
    u.seen++;

    if (isRelationKind(h.kind)) {
      checkRelationHook(h, i, u);
      return;
    }
    switch (h.kind) {
      case 'install':
        if (u.installed) flag('G1', i, h, `${h.unit} ran install again`, 'install runs once; a restarted Kubernetes unit runs upgrade-charm instead');
        else if (u.seen > 1) flag('G1', i, h, `${h.unit} ran install after other hooks`, 'install first');
        if (!u.installed && u.seen === 1) u.complete = true;
        u.installed = true;
        return;
      case 'config-changed':
        if (u.complete && !u.configChanged) u.expectStart = h;
        u.configChanged = true;
        u.leaderish = true;
        return;
      case 'start':
        if (u.complete && !u.configChanged) flag('G2', i, h, `${h.unit} ran start before any config-changed`, 'config-changed first, then start right after it');
        for (const b of u.betweenConfigAndStart) {
          flag('G2', b.i, b.h, `${b.h.unit} ran ${b.h.hook} between its first config-changed (${b.config.source.file}:${b.config.source.line}) and start`, 'start right after the first config-changed (only a new relation-created or leadership hook may come between)');
        }
        u.betweenConfigAndStart = [];
        u.started = true;
        u.expectStart = null;
        u.leaderish = true;
        return;
      case 'leader-elected': {
        u.leaderish = true;
        const app = appOf(h.unit);
        const old = leaders.get(app);
        const oldState = old ? units.get(old.unit) : undefined;
        if (old && old.unit !== h.unit && oldState?.removeAt !== undefined && oldState.finalStop !== undefined && i > oldState.finalStop && i < oldState.removeAt) {
          const removed = hooks[oldState.removeAt] as ImportedHook;
          // relviz's JSON lines are in one exact order; real logs only order lines a second apart.
          const exactOrder = h.format === 'relviz-json' && removed.format === 'relviz-json' && h.source.file === removed.source.file;
          if (exactOrder || (h.time !== undefined && removed.time !== undefined && Math.floor(h.time / 1000) < Math.floor(removed.time / 1000))) {
            flag('G12', i, h, `${h.unit} ran leader-elected while ${old.unit}, the leader, was dying (after its stop, before its remove at ${removed.source.file}:${removed.source.line})`, `leader-elected on one remaining unit only after ${old.unit} ran remove`);
          } else cannotTell('G12', 'leader-elected and the old leader\'s remove are within the same second, or have no times', h);
        }
        leaders.set(app, { unit: h.unit, hook: h });
        return;
      }
      case 'leader-settings-changed':
        u.leaderish = true;
        cannotTell('G13', 'the input does not show leader-set, nor every unit of the application', h);
        return;
      case 'stop':
        if (i === u.finalStop) {
          for (const [key, rel] of u.relations) {
            if (!key.startsWith('#') || rel.broken || rel.peer) continue;
            flag('G9', i, h, `${h.unit} ran its last stop while ${rel.endpoint ? `${rel.endpoint}:` : 'relation '}${key.slice(1)} was not broken`, `relation-broken for ${rel.endpoint ? `${rel.endpoint}:` : 'relation '}${key.slice(1)} before stop`);
          }
        }
        return;
      case 'remove':
        u.removed = true;
        return;
      default:
        return;
    }
  });

  function checkRelationHook(h: ImportedHook, i: number, u: UnitState): void {
    const { rel, exact } = relationOf(u, h);
    const name = relationName(h);
    const remote = h.kind === 'relation-departed' ? (h.remoteUnit ?? h.departingUnit) : h.remoteUnit;
    // G5: a joined is answered by changed for the same unit before any other hook of the relation.
    if (rel.owedChanged) {
      const owed = rel.owedChanged;
      const answers = h.kind === 'relation-changed' && (owed.remote === undefined || remote === undefined || remote === owed.remote);
      if (!answers) {
        flag('G5', i, h, `${h.unit} ran ${h.hook}${remote ? ` (${remote})` : ''} on ${name} after ${owed.hook.hook}${owed.remote ? ` for ${owed.remote}` : ''} (${owed.hook.source.file}:${owed.hook.source.line}) and before its relation-changed`, `relation-changed${owed.remote ? ` for ${owed.remote}` : ''} on ${name} next`);
        rel.owedChanged = null;
      }
    }
    if (h.kind === 'relation-created') {
      if (exact && rel.created && !rel.broken) flag('G4', i, h, `${h.unit} ran relation-created again on ${name}`, 'relation-created once per relation');
      if (exact && rel.broken) flag('G4', i, h, `${h.unit} ran relation-created on ${name} after its relation-broken`, 'nothing on a relation after its relation-broken');
      if (u.complete && u.leaderish && rel.peer) flag('G3', i, h, `${h.unit} ran the peer relation-created of ${name} after its leadership hooks, config-changed or start`, 'a peer relation-created right after install, before leader-elected, config-changed and start');
      else if (u.complete && u.leaderish && !rel.peer) cannotTell('G3', 'whether the relation is a peer relation (or existed at install) is not in the input', h);
      rel.created = true;
      rel.broken = false;
      return;
    }
    // Any other relation hook: its relation must have been created (G4). One exception,
    // after Juju's code: a unit enters every relation's scope at once (§2), so a relation
    // that starts dying before the unit ran its relation-created is still broken on it
    // (relation/resolver.go needs only the relation's state): relation-broken may be
    // the first and only hook of a relation, if no unit joined.
    const brokenUnseen = h.kind === 'relation-broken' && rel.joined.size === 0;
    if (!rel.created && !brokenUnseen) {
      const anyCreated = [...u.relations.values()].some((r) => r.created && r.endpoint === h.endpoint);
      if (u.complete && (exact || !anyCreated)) flag('G4', i, h, `${h.unit} ran ${h.hook} on ${name}, whose relation-created it never ran`, `relation-created on ${name} first`);
      else if (u.complete) cannotTell('G4', 'the input has no relation ids, and the endpoint has several relations', h);
      else cannotTell('G4', "the unit's history starts after its install", h);
    } else if (exact && rel.broken) flag('G4', i, h, `${h.unit} ran ${h.hook} on ${name} after its relation-broken`, 'nothing on a relation after its relation-broken');
    if (!exact && h.kind !== 'relation-changed') cannotTell(h.kind === 'relation-broken' ? 'G8' : 'G6', 'the input has no relation ids', h);

    switch (h.kind) {
      case 'relation-joined':
        if (u.complete && !u.started) flag('S1', i, h, `${h.unit} ran ${h.hook} before its own start`, 'install, relation-created, leadership, config-changed and start first; joined after');
        if (remote === undefined) {
          rel.remotesKnown = false;
          cannotTell('G6', 'the input does not name the remote unit of relation-joined', h);
        } else if (remote !== null && exact) {
          if (rel.joined.has(remote)) flag('G6', i, h, `${h.unit} ran ${h.hook} for ${remote} twice on ${name}`, `relation-changed or relation-departed for ${remote}, not another joined`);
          if (rel.departed.has(remote)) flag('G7', i, h, `${h.unit} ran ${h.hook} for ${remote} on ${name} after its relation-departed`, `no more hooks about ${remote} on ${name}`);
        }
        if (remote) rel.joined.add(remote);
        // Which hook comes next on the same relation is known only with relation ids.
        if (exact) rel.owedChanged = { remote, hook: h };
        else cannotTell('G5', 'the input has no relation ids', h);
        return;
      case 'relation-changed':
        if (remote && exact) {
          if (rel.departed.has(remote)) flag('G7', i, h, `${h.unit} ran ${h.hook} for ${remote} on ${name} after its relation-departed`, `no more hooks about ${remote} on ${name}`);
          else if (rel.created && rel.remotesKnown && !rel.joined.has(remote)) flag('S2', i, h, `${h.unit} ran ${h.hook} for ${remote} on ${name} before ${remote} joined`, `relation-joined for ${remote} first`);
        }
        if (rel.owedChanged && (rel.owedChanged.remote === undefined || remote === undefined || remote === rel.owedChanged.remote)) rel.owedChanged = null;
        return;
      case 'relation-departed':
        if (remote === undefined) {
          rel.remotesKnown = false;
          cannotTell('G6', 'the input does not name the departing remote unit', h);
        } else if (remote !== null && exact) {
          if (rel.departed.has(remote)) flag('G7', i, h, `${h.unit} ran ${h.hook} for ${remote} twice on ${name}`, `no more hooks about ${remote} on ${name}`);
          else if (rel.created && rel.remotesKnown && !rel.joined.has(remote)) flag('G6', i, h, `${h.unit} ran ${h.hook} for ${remote} on ${name}, which never joined`, 'relation-departed only for a unit that joined');
        }
        if (remote) {
          rel.joined.delete(remote);
          rel.departed.add(remote);
        }
        return;
      case 'relation-broken':
        if (exact && rel.broken) flag('G8', i, h, `${h.unit} ran relation-broken twice on ${name}`, 'relation-broken once, last on its relation');
        else if (exact && rel.created && rel.remotesKnown && rel.joined.size > 0) {
          flag('G8', i, h, `${h.unit} ran relation-broken on ${name} while ${[...rel.joined].sort().join(', ')} had not departed`, `relation-departed for ${[...rel.joined].sort().join(', ')} first`);
        } else if (exact && !rel.remotesKnown) cannotTell('G8', 'the input does not name remote units, so who had departed is unknown', h);
        rel.broken = true;
        rel.owedChanged = null;
        return;
      default:
        return;
    }
  }

  const partialUnits = [...units].filter(([, u]) => !u.complete && u.seen > 0).map(([name]) => name).sort();
  if (hooks.some((h) => h.kind === 'relation-changed')) cannotTell('G10', 'the input has no databag versions', undefined);
  if ([...leaders.keys()].length > 0) cannotTell('G11', 'the input does not show which units of an application are alive', undefined);
  findings.sort((a, b) => a.index - b.index);
  return {
    hooks: hooks.length,
    units: units.size,
    findings,
    cannotTell: [...cannot.values()].sort((a, b) => ruleOrder(a.rule) - ruleOrder(b.rule) || b.count - a.count),
    partialUnits,
  };
}

function ruleOrder(rule: RuleId): number {
  return Object.keys(RULES).indexOf(rule);
}
