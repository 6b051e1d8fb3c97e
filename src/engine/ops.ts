/**
 * What a unit agent runs next: a hook (or an action), with the hook environment
 * and the rule that queued it, so the UI can say *why* it fired.
 */
export const HookKinds = [
  'install',
  'leader-elected',
  'leader-settings-changed',
  'config-changed',
  'start',
  'relation-created',
  'relation-joined',
  'relation-changed',
  'relation-departed',
  'relation-broken',
  'stop',
  'remove',
  'action',
] as const;
export type HookKind = (typeof HookKinds)[number];

/** The resolver rule that queued an operation (JUJU-SEMANTICS §2). */
export const Rules = {
  retry: 'juju resolve: re-run the hook that failed, against current data, keeping the data version it was chosen with (§4)',
  'auto-retry': 'automatically-retry-hooks: the unit re-runs its failed hook after a back-off (5 s, doubling, at most 5 min), keeping the data version it was chosen with (§4)',
  install: 'a new unit installs first, exactly once (§2, G1)',
  'relation-created': 'the unit entered the scope of every alive relation at once (after install, or when the relation was added) and runs relation-created for each before anything else (§2 rule 1)',
  'leader-elected': 'the controller made this unit leader (the old leader is gone: a dying leader leads until it is dead) and the charm has not been told (§2 rule 2, §5)',
  'leader-settings-changed': 'Juju 3.6 runs it once on a follower at startup (and after a leader-set), never because the leader changed (§2 rule 2, §5, G13)',
  action: 'an action queued with juju run runs between hooks (§2 rule 3)',
  'config-changed': 'after install, config-changed runs once at startup (§2 rule 4)',
  start: 'the first config-changed queues start, which runs right after it (§2 rule 4, G2)',
  'changed-after-joined': 'a relation-joined is always followed by relation-changed for the same unit (relation rule 1, G5)',
  departed: 'a unit the charm knew is no longer in scope (relation rule 2)',
  broken: 'the relation is ending for this unit and every known unit has departed (relation rule 3)',
  'app-changed': "the remote application's databag version moved (relation rule 4)",
  joined: 'a remote unit entered scope that the charm has not seen yet (relation rule 5)',
  changed: "a known remote unit's databag version moved (relation rule 6)",
  stop: 'a dying unit stops once every relation is departed and broken (§2 rule 5, G9)',
  remove: 'remove is the last hook of a dying unit (§2 rule 5, G9)',
} as const;
export type RuleId = keyof typeof Rules;

export interface ActionRun {
  readonly id: number;
  readonly name: string;
  readonly params: ReadonlyMap<string, string>;
}

export interface HookOp {
  readonly kind: HookKind;
  readonly unit: string;
  readonly relationId: number | null;
  /** The unit's own endpoint for relation hooks. */
  readonly endpoint: string | null;
  readonly remoteUnit: string | null;
  readonly remoteApp: string | null;
  readonly departingUnit: string | null;
  readonly action: ActionRun | null;
  readonly rule: RuleId;
  /** seq of the commit that moved the version this hook reports (changed hooks), else 0. */
  readonly cause: number;
  /**
   * The data version the hook was chosen with (joined / changed), recorded when it
   * first runs so a re-run after a failure keeps it (relation/state.go
   * UpdateStateForHook, §4); -1 until then.
   */
  readonly version: number;
}

/** The hook name as Juju reports it: `install`, `master-relation-joined`, or the action name. */
export function hookName(op: HookOp): string {
  if (op.kind === 'action') return op.action?.name ?? 'action';
  if (!op.kind.startsWith('relation-')) return op.kind;
  const endpoint = op.endpoint ?? '';
  return relationHookNames.get(endpoint)?.get(op.kind) ?? intern(relationHookNames, endpoint, op.kind, `${endpoint}-${op.kind}`);
}

/** The relation as a unit's hooks name it (JUJU_RELATION_ID): `master:0`. */
export function relationLabel(endpoint: string | null, relationId: number): string {
  const e = String(endpoint);
  return relationLabels.get(e)?.get(relationId) ?? intern(relationLabels, e, relationId, `${e}:${relationId}`);
}

// Every hook carries its name and relation: made once, not one new string per hook
// (millions of them on big models). Bounded by the model's endpoints and relations.
const relationHookNames = new Map<string, Map<HookKind, string>>();
const relationLabels = new Map<string, Map<number, string>>();
const MAX_INTERNED = 1 << 12;

function intern<K>(table: Map<string, Map<K, string>>, endpoint: string, key: K, s: string): string {
  let byKey = table.get(endpoint);
  if (byKey === undefined) {
    if (table.size >= MAX_INTERNED) table.clear();
    byKey = new Map();
    table.set(endpoint, byKey);
  }
  if (byKey.size >= MAX_INTERNED) byKey.clear();
  byKey.set(key, s);
  return s;
}

/** A non-relation operation (install, leadership, config-changed, start, stop, remove, action). */
export function makeOp(unit: string, kind: HookKind, rule: RuleId, action: ActionRun | null = null): HookOp {
  return { kind, unit, relationId: null, endpoint: null, remoteUnit: null, remoteApp: null, departingUnit: null, action, rule, cause: 0, version: -1 };
}

/**
 * A relation hook. Built as one literal, without spreads: this runs for every hook
 * and V8 takes a slow path for properties written after a spread.
 */
export function makeRelationOp(
  unit: string,
  kind: HookKind,
  rule: RuleId,
  relationId: number,
  endpoint: string,
  remoteUnit: string | null,
  remoteApp: string,
  departingUnit: string | null,
  cause: number,
): HookOp {
  return { kind, unit, relationId, endpoint, remoteUnit, remoteApp, departingUnit, action: null, rule, cause, version: -1 };
}
