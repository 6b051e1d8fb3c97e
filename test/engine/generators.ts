/**
 * The random models of the property tests (fast-check): command sequences over the
 * catalog's charms and a pasted no-op charm, made concrete against the model as it
 * is, and run to a settled state. Shared by the engine's properties and the bundle
 * round trip.
 */
import fc from 'fast-check';
import { CATALOG } from '../../src/engine/catalog/index.ts';
import { allEndpoints } from '../../src/engine/charm.ts';
import type { Command } from '../../src/engine/commands.ts';
import { Timeline } from '../../src/engine/timeline.ts';

export const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 1000);

// guide-postgresql is postgresql plus one deterministic failure, and the `fail` op
// already fails any hook: drawing it too would only thin out the other charms (and
// master's actions below the generator check's floor).
export const CHARMS = [...CATALOG.keys()].filter((name) => name !== 'guide-postgresql');
export const NOOP = { name: 'noop', yaml: 'name: noop\nprovides:\n  thing:\n    interface: exchange\nrequires:\n  want:\n    interface: postgresql\npeers:\n  ring:\n    interface: ring\n' };

export type Op =
  | { k: 'deploy'; charm: number; suffix: number; units: number; bg: boolean }
  | { k: 'add-unit'; app: number; n: number; bg: boolean }
  | { k: 'remove-unit'; unit: number; bg: boolean }
  | { k: 'integrate'; a: number; b: number; bg: boolean }
  | { k: 'remove-relation'; rel: number; bg: boolean }
  | { k: 'remove-application'; app: number; bg: boolean }
  | { k: 'action'; unit: number; bg: boolean }
  | { k: 'fail'; unit: number; hook: number; times: number }
  | { k: 'config'; retry: boolean }
  | { k: 'resolve'; unit: number; noRetry: boolean }
  | { k: 'step'; n: number }
  | { k: 'set'; unit: number; rel: number; key: number; value: number; app: boolean; bg: boolean };

export const pick = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
export const deployArb = fc.record({ k: fc.constant('deploy' as const), charm: fc.nat(CHARMS.length), suffix: fc.nat(1), units: fc.nat(3), bg: fc.boolean() });
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: deployArb },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('add-unit' as const), app: pick, n: fc.integer({ min: 1, max: 2 }), bg: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('remove-unit' as const), unit: pick, bg: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('integrate' as const), a: pick, b: pick, bg: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('remove-relation' as const), rel: pick, bg: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('remove-application' as const), app: pick, bg: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('action' as const), unit: pick, bg: fc.boolean() }) },
  // times: 1 (once), 2, or 0 for every run (--always).
  { weight: 2, arbitrary: fc.record({ k: fc.constant('fail' as const), unit: pick, hook: pick, times: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('config' as const), retry: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('resolve' as const), unit: pick, noRetry: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('step' as const), n: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('set' as const), unit: pick, rel: pick, key: fc.nat(2), value: fc.nat(2), app: fc.boolean(), bg: fc.boolean() }) },
);

export function at<T>(items: readonly T[], p: number): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(p * items.length)];
}

/** Turns an abstract op into a concrete command against the current state. */
export function concretize(t: Timeline, op: Op): { command: Command; run: 'idle' | 'none' | number } | null {
  const s = t.state;
  const apps = [...s.apps.keys()];
  const units = [...s.units.keys()];
  const bg = (b: boolean) => (b ? 'none' : 'idle');
  switch (op.k) {
    case 'deploy': {
      const name = op.charm === CHARMS.length ? NOOP.name : (CHARMS[op.charm] as string);
      const charm = op.charm === CHARMS.length ? { kind: 'files' as const, path: './noop', files: { 'metadata.yaml': NOOP.yaml } } : { kind: 'catalog' as const, name };
      return { command: { type: 'deploy', charm, app: op.suffix ? `${name}-b` : null, units: op.units }, run: bg(op.bg) };
    }
    case 'add-unit': {
      const app = at(apps, op.app);
      return app ? { command: { type: 'add-unit', app, units: op.n }, run: bg(op.bg) } : null;
    }
    case 'remove-unit': {
      const unit = at(units, op.unit);
      return unit ? { command: { type: 'remove-unit', units: [unit] }, run: bg(op.bg) } : null;
    }
    case 'integrate': {
      // Two different applications (relating one to itself is refused anyway).
      const ia = Math.floor(op.a * apps.length);
      const a = apps[ia];
      const b = apps.length > 1 ? apps[(ia + 1 + Math.floor(op.b * (apps.length - 1))) % apps.length] : a;
      if (!a || !b) return null;
      // Name the endpoints when the pair is ambiguous, so integrate mostly succeeds.
      const ea = allEndpoints(s.apps.get(a)?.meta ?? { name: '', summary: '', subordinate: false, endpoints: [], actions: [] });
      const eb = allEndpoints(s.apps.get(b)?.meta ?? { name: '', summary: '', subordinate: false, endpoints: [], actions: [] });
      const pairs = ea.flatMap((x) => eb.filter((y) => y.interface === x.interface && x.role !== y.role && x.role !== 'peers' && y.role !== 'peers').map((y) => [x, y] as const));
      const chosen = at(pairs, op.a);
      const command: Command = chosen
        ? { type: 'integrate', a: { app: a, endpoint: chosen[0].name }, b: { app: b, endpoint: chosen[1].name } }
        : { type: 'integrate', a: { app: a, endpoint: null }, b: { app: b, endpoint: null } };
      return { command, run: bg(op.bg) };
    }
    case 'remove-relation': {
      const rel = at([...s.relations.values()].filter((r) => !r.peer), op.rel);
      if (!rel) return null;
      const [x, y] = rel.endpoints;
      if (!x || !y) return null;
      return { command: { type: 'remove-relation', a: { app: x.app, endpoint: x.endpoint }, b: { app: y.app, endpoint: y.endpoint } }, run: bg(op.bg) };
    }
    case 'remove-application': {
      const app = at(apps, op.app);
      return app ? { command: { type: 'remove-application', app }, run: bg(op.bg) } : null;
    }
    case 'action': {
      const unit = at(units.filter((u) => u.startsWith('master')), op.unit);
      return unit ? { command: { type: 'run-action', unit, action: 'broadcast-message', params: [['message', 'hi']], syntax: '3' }, run: bg(op.bg) } : null;
    }
    case 'fail': {
      const unit = at(units, op.unit);
      if (!unit) return null;
      const u = s.units.get(unit);
      const eps = allEndpoints(s.apps.get(u?.app ?? '')?.meta ?? { name: '', summary: '', subordinate: false, endpoints: [], actions: [] });
      const hooks = ['install', 'start', 'config-changed', 'leader-elected', 'stop', 'remove', ...eps.flatMap((e) => ['created', 'joined', 'changed', 'departed', 'broken'].map((k) => `${e.name}-relation-${k}`))];
      const times = op.times === 0 ? 'always' : op.times;
      return { command: { type: 'fail', unit, hook: at(hooks, op.hook) as string, ...(times === 1 ? {} : { times }) }, run: 'none' };
    }
    case 'config':
      return { command: { type: 'model-config', get: null, settings: [['automatically-retry-hooks', String(op.retry)]] }, run: 'idle' };
    case 'resolve': {
      const unit = at(units, op.unit);
      return unit ? { command: { type: 'resolve', unit, noRetry: op.noRetry }, run: 'idle' } : null;
    }
    case 'step':
      return { command: { type: 'step', count: op.n, unit: null, pick: null }, run: op.n };
    case 'set': {
      const unit = at(units, op.unit);
      const rel = at([...(s.units.get(unit ?? '')?.agent.relations.values() ?? [])].filter((l) => !l.silent), op.rel);
      if (!unit || !rel) return null;
      const line = `relation-set -r ${rel.relationId}${op.app ? ' --app' : ''} k${op.key}=${op.value === 0 ? '' : `v${op.value}`}`;
      return { command: { type: 'exec', unit, commandLine: line, syntax: '3' }, run: bg(op.bg) };
    }
  }
}

export function runOps(seed: number, ops: readonly Op[], juju: '3.6' | '4.0'): Timeline {
  const t = new Timeline({ seed, juju });
  for (const op of ops) {
    const c = concretize(t, op);
    if (c) t.apply(c.command, { run: c.run });
  }
  // Settle: resolve every failed unit (without retry, which may fail again) until idle.
  for (let round = 0; round < 50; round++) {
    t.apply({ type: 'wait' });
    const failed = [...t.state.units.values()].filter((u) => u.agent.failed);
    if (failed.length === 0) break;
    for (const u of failed) t.apply({ type: 'resolve', unit: u.name, noRetry: true }, { run: 'none' });
  }
  return t;
}

