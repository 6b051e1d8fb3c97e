/** Which endpoint rows an application card draws: all for a teaching charm, the related ones for a big real charm. */
import { describe, expect, it } from 'vitest';
import type { EndpointMeta } from '../../src/engine/charm.ts';
import type { AppView } from '../../src/store/view.ts';
import { FOLD_OVER, endpointRows, shownEndpoints } from '../../src/ui/graph/endpoints.ts';

const ep = (name: string, role: EndpointMeta['role'] = 'requires', implicit = false): EndpointMeta => ({ name, role, interface: name, limit: null, scope: 'global', implicit });

function app(endpoints: EndpointMeta[], o: Partial<AppView> = {}): AppView {
  return { name: 'a', charm: 'a', real: false, inferred: false, crossModel: [], subordinate: false, life: 'alive', endpoints, units: [], leader: null, actions: [], peerRelations: [], ...o };
}

const many = [ep('db'), ep('cache'), ep('logs', 'provides'), ep('metrics', 'provides'), ep('ingress'), ep('certs'), ep('replicas', 'peers'), ep('juju-info', 'provides', true)];

describe('shownEndpoints', () => {
  it(`shows every endpoint of a charm with at most ${FOLD_OVER}, related or not`, () => {
    const small = app([ep('db'), ep('website', 'provides'), ep('peers', 'peers'), ep('juju-info', 'provides', true)]);
    expect(shownEndpoints(small, new Set(), false, false)).toEqual({ shown: [ep('db'), ep('website', 'provides')], folded: 0 });
  });

  it('folds the unrelated endpoints of a bigger charm, keeping the charm order of the rest', () => {
    const out = shownEndpoints(app(many), new Set(['metrics', 'db']), false, false);
    expect(out.shown.map((e) => e.name)).toEqual(['db', 'metrics']);
    expect(out.folded).toBe(4);
  });

  it('shows them all when expanded', () => {
    const out = shownEndpoints(app(many), new Set(['db']), false, true);
    expect(out.shown.map((e) => e.name)).toEqual(['db', 'cache', 'logs', 'metrics', 'ingress', 'certs']);
    expect(out.folded).toBe(0);
  });

  it('counts juju-info as an endpoint only where the model shows it', () => {
    expect(shownEndpoints(app(many), new Set(), true, false).folded).toBe(7);
    expect(shownEndpoints(app(many), new Set(['juju-info']), true, false).shown.map((e) => e.name)).toEqual(['juju-info']);
  });
});

describe('endpointRows', () => {
  it('counts the strip, the rows, the fold line, peers and padding', () => {
    const shown = shownEndpoints(app(many), new Set(['db']), false, false);
    expect(endpointRows(app(many), shown)).toBe(1 + 1 + 1 + 1);
    expect(endpointRows(app(many, { real: true }), shown)).toBe(5);
    expect(endpointRows(app(many, { inferred: true }), shown)).toBe(6);
  });
});
