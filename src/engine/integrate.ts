/**
 * `juju integrate` / `juju remove-relation` endpoint inference and the refusals
 * Juju gives (JUJU-SEMANTICS §7): no relations found, ambiguous, quota limit
 * exceeded, already exists, unknown application; peer endpoints never match.
 */
import { allEndpoints, type EndpointMeta } from './charm.ts';
import type { EndpointRef } from './command.ts';
import { JujuError } from './errors.ts';
import { checkSubordinateLimits } from './limits.ts';
import type { Relation, RelationEndpoint, SimState } from './model.ts';
import type { Tx } from './tx.ts';
import { addRelation, relationKey } from './world.ts';

export function formatRef(ref: EndpointRef): string {
  return ref.endpoint === null ? ref.app : `${ref.app}:${ref.endpoint}`;
}

/** Parses `app` or `app:endpoint`. */
export function parseRef(text: string): EndpointRef {
  const i = text.indexOf(':');
  return i < 0 ? { app: text, endpoint: null } : { app: text.slice(0, i), endpoint: text.slice(i + 1) };
}

interface Pair {
  provider: RelationEndpoint;
  requirer: RelationEndpoint;
  container: boolean;
}

function toRelEndpoint(app: string, ep: EndpointMeta): RelationEndpoint {
  return { app, endpoint: ep.name, role: ep.role, interface: ep.interface, implicit: ep.implicit };
}

/** The key Juju gives the relation a pair would make: requirer first (§7). */
export function pairKey(pair: { provider: RelationEndpoint; requirer: RelationEndpoint }): string {
  return relationKey([pair.provider, pair.requirer]);
}

function endpointsOf(state: SimState, ref: EndpointRef): EndpointMeta[] {
  const app = state.apps.get(ref.app);
  if (!app) throw new JujuError(`application "${ref.app}" not found`);
  const eps = allEndpoints(app.meta);
  if (ref.endpoint === null) return [...eps];
  const ep = eps.find((e) => e.name === ref.endpoint);
  if (!ep) throw new JujuError(`application "${ref.app}" has no "${ref.endpoint}" relation`);
  return [ep];
}

function isSubordinate(state: SimState, app: string): boolean {
  return state.apps.get(app)?.meta.subordinate ?? false;
}

/**
 * Juju's InferEndpoints candidates (state.go): peer endpoints filtered out first, then
 * every pair of two different applications with the same interface and counterpart
 * roles, where a container-scoped pair needs a subordinate on one side.
 */
export function inferPairs(state: SimState, a: EndpointRef, b: EndpointRef): Pair[] {
  const as = endpointsOf(state, a).filter((e) => e.role !== 'peers');
  const bs = endpointsOf(state, b).filter((e) => e.role !== 'peers');
  const pairs: Pair[] = [];
  if (a.app === b.app) return pairs;
  for (const x of as) {
    for (const y of bs) {
      if (x.interface !== y.interface) continue;
      let provider: RelationEndpoint, requirer: RelationEndpoint;
      if (x.role === 'provides' && y.role === 'requires') {
        provider = toRelEndpoint(a.app, x);
        requirer = toRelEndpoint(b.app, y);
      } else if (x.role === 'requires' && y.role === 'provides') {
        provider = toRelEndpoint(b.app, y);
        requirer = toRelEndpoint(a.app, x);
      } else continue;
      const container = x.scope === 'container' || y.scope === 'container';
      if (container && !isSubordinate(state, a.app) && !isSubordinate(state, b.app)) continue;
      pairs.push({ provider, requirer, container });
    }
  }
  return pairs;
}

function ambiguous(a: EndpointRef, b: EndpointRef, keys: readonly string[]): JujuError {
  return new JujuError(`ambiguous relation: "${formatRef(a)} ${formatRef(b)}" could refer to ${keys.map((k) => `"${k}"`).join('; ')}`);
}

function countOn(state: SimState, app: string, endpoint: string): number {
  let n = 0;
  for (const rel of state.relations.values()) {
    if (rel.endpoints.some((e) => e.app === app && e.endpoint === endpoint)) n++;
  }
  return n;
}

/** Chooses the one relation `juju integrate a b` means, or throws Juju's refusal. */
export function chooseNewRelation(state: SimState, a: EndpointRef, b: EndpointRef): Pair {
  const pairs = inferPairs(state, a, b);
  if (pairs.length === 0) throw new JujuError('no relations found');
  // Several: implicit juju-info pairs are dropped; still several, and Juju lists them all (sorted).
  const explicit = pairs.length === 1 ? pairs : pairs.filter((p) => !p.provider.implicit && !p.requirer.implicit);
  if (explicit.length !== 1) throw ambiguous(a, b, pairs.map(pairKey).sort());
  const pair = explicit[0] as Pair;
  const key = pairKey(pair);
  for (const rel of state.relations.values()) {
    if (rel.key !== key) continue;
    if (rel.life === 'dying') throw new JujuError(`cannot add relation "${key}": relation is dying, but not yet removed`);
    // Juju 3's text (featuretest cmd_relation_test.go), blank line and all.
    throw new JujuError(`cannot add relation "${key}"\nrelation ${key} (already exists): \n\nUse 'juju status --relations' to view the current relations.`);
  }
  for (const side of [pair.provider, pair.requirer]) {
    const app = state.apps.get(side.app);
    if (app && app.life !== 'alive') throw new JujuError(`cannot add relation "${key}": application "${side.app}" is not alive`);
    const meta = app ? allEndpoints(app.meta).find((e) => e.name === side.endpoint) : undefined;
    if (meta?.limit != null && countOn(state, side.app, side.endpoint) >= meta.limit) {
      throw new JujuError(
        `cannot add relation "${key}": establishing a new relation for ${side.app}:${side.endpoint} would exceed its maximum relation limit of ${meta.limit} (quota limit exceeded)`,
      );
    }
  }
  return pair;
}

/** Finds the existing relation `juju remove-relation a b` means. */
export function findRelation(state: SimState, a: EndpointRef, b: EndpointRef): Relation {
  for (const ref of [a, b]) if (!state.apps.has(ref.app)) throw new JujuError(`application "${ref.app}" not found`);
  const matches = (rel: Relation, ref: EndpointRef) =>
    rel.endpoints.some((e) => e.app === ref.app && (ref.endpoint === null || e.endpoint === ref.endpoint));
  const found = [...state.relations.values()].filter((rel) => {
    if (rel.peer) return false;
    const [x, y] = rel.endpoints as [RelationEndpoint, RelationEndpoint];
    return (matches(rel, a) && matches(rel, b) && x.app !== y.app && (a.app !== b.app));
  });
  // InferActiveRelation (state.go): NotFoundf("relation matching %q").
  if (found.length === 0) throw new JujuError(`relation matching "${formatRef(a)} ${formatRef(b)}" not found`);
  if (found.length > 1) throw ambiguous(a, b, found.map((r) => r.key));
  return found[0] as Relation;
}

/** What `juju integrate a b` refuses before anything changes: no (or an ambiguous) pair, a limit. */
export function checkIntegrate(state: SimState, a: EndpointRef, b: EndpointRef): void {
  const pair = chooseNewRelation(state, a, b);
  if (!pair.container) return;
  const [x, y] = [state.apps.get(pair.provider.app), state.apps.get(pair.requirer.app)];
  const sub = x?.meta.subordinate ? x : y?.meta.subordinate ? y : undefined;
  const principal = sub === x ? y : x;
  if (sub && principal && !principal.meta.subordinate) checkSubordinateLimits(state, sub, principal, pairKey(pair));
}

/** `juju integrate a b`, once checked. */
export function integrate(tx: Tx, a: EndpointRef, b: EndpointRef): Relation {
  const pair = chooseNewRelation(tx.state, a, b);
  return addRelation(tx, [pair.provider, pair.requirer], pair.container);
}
