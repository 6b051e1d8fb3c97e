/**
 * The real charms as the engine sees them: their declared endpoints and no behaviour
 * (every hook runs and does nothing, as a charm without that hook file would).
 */
import { endpoint, type EndpointMeta, type Role } from '../../charm.ts';
import { NO_BEHAVIOUR, type Charm } from '../../behaviour.ts';
import { REAL_CHARM_FACTS, type EndpointFacts, type RealCharmFacts } from './facts.ts';

function endpoints(role: Role, facts: EndpointFacts | undefined): EndpointMeta[] {
  return Object.entries(facts ?? {}).map(([name, f]) =>
    typeof f === 'string' ? endpoint(name, role, f) : endpoint(name, role, f.interface, { ...(f.limit !== undefined ? { limit: f.limit } : {}), ...(f.scope ? { scope: f.scope } : {}) }),
  );
}

/** The Charm for one catalog entry. */
export function realCharm(facts: RealCharmFacts): Charm {
  return {
    meta: {
      name: facts.name,
      summary: facts.summary,
      subordinate: facts.subordinate === true,
      endpoints: [...endpoints('provides', facts.provides), ...endpoints('requires', facts.requires), ...endpoints('peers', facts.peers)],
      actions: [],
    },
    behaviour: NO_BEHAVIOUR,
    real: { source: facts.source, layers: facts.layers ?? [] },
  };
}

/** Real charms by Charmhub name. */
export const REAL_CHARMS: ReadonlyMap<string, Charm> = new Map(REAL_CHARM_FACTS.map((f) => [f.name, realCharm(f)]));
