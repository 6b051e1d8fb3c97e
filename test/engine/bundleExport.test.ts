/**
 * `juju export-bundle` as a round trip: deploying the exported bundle into an empty
 * model gives the same applications (charm, unit count), relations (both endpoints)
 * and positions — for the fixture bundles with their overlays and for random models
 * from the property generators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadBundleFiles } from '../../src/cli/charmFiles.ts';
import { exportBundle } from '../../src/engine/bundleExport.ts';
import { joinPath } from '../../src/engine/paths.ts';
import type { SimState } from '../../src/engine/model.ts';
import { Timeline } from '../../src/engine/timeline.ts';
import { parseLine, type ScriptLine } from '../../src/io/script.ts';
import { deployArb, opArb, pick, runOps } from './generators.ts';

/** Applies a script line and lets its hooks run. */
function run(t: Timeline, text: string) {
  return t.apply((parseLine(text) as ScriptLine).command, { text, run: 'idle' });
}

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/bundles');

/** What a bundle says about a model: applications with charm and units, relations, positions. */
function described(state: SimState) {
  const alive = [...state.apps.values()].filter((a) => a.life === 'alive');
  return {
    apps: alive.map((a) => ({ name: a.name, charm: a.charmName, units: a.units.filter((u) => state.units.get(u)?.life === 'alive').length, subordinate: a.meta.subordinate })).sort((x, y) => (x.name < y.name ? -1 : 1)),
    relations: [...state.relations.values()].filter((r) => !r.peer && r.life === 'alive').map((r) => r.key).sort(),
    positions: Object.fromEntries([...state.annotations].filter(([app]) => alive.some((a) => a.name === app)).sort(([x], [y]) => (x < y ? -1 : 1))),
  };
}

/** Deploys `yaml` as `<dir>/exported.yaml` into an empty model, with the charm files the original model was deployed from beside it. */
function redeploy(yaml: string, dir: string, charmFiles: Record<string, string>): Timeline {
  const t = new Timeline({ seed: 1 });
  const path = joinPath(dir, 'exported.yaml');
  const result = t.apply({ type: 'deploy-bundle', path, overlays: [], files: { ...charmFiles, [path]: yaml } }, { run: 'idle' });
  expect(result.exitCode, `${result.stderr}\n${yaml}`).toBe(0);
  return t;
}

describe('juju export-bundle', () => {
  it('writes a bundle Juju would accept: charm and units, relations with both endpoints, positions as gui-x/gui-y strings', () => {
    const t = new Timeline({ seed: 1 });
    for (const line of ['juju deploy master', 'juju deploy worker -n 2', 'juju integrate master worker', 'juju deploy ubuntu', 'juju deploy telegraf', 'juju integrate telegraf ubuntu']) {
      run(t, line);
    }
    expect(exportBundle(t.state, { master: { x: 100.4, y: -20 } })).toBe(
      [
        'applications:',
        '  master:',
        '    charm: master',
        '    num_units: 1',
        '    annotations:',
        '      gui-x: "100"',
        '      gui-y: "-20"',
        '  worker:',
        '    charm: worker',
        '    num_units: 2',
        '  ubuntu:',
        '    charm: ubuntu',
        '    num_units: 1',
        '  telegraf:',
        '    charm: telegraf',
        'relations:',
        '- - master:master-application',
        '  - worker:master',
        '- - ubuntu:juju-info',
        '  - telegraf:juju-info',
        '',
      ].join('\n'),
    );
  });

  it('is what the console prints for juju export-bundle', () => {
    const t = new Timeline({ seed: 1 });
    run(t, 'juju deploy master');
    expect(run(t, 'juju export-bundle').stdout).toBe('applications:\n  master:\n    charm: master\n    num_units: 1\n');
  });

  it('keeps units that share a machine together (machines and to:)', () => {
    const text = 'applications:\n  a:\n    charm: ubuntu\n    num_units: 2\n  b:\n    charm: ubuntu\n    num_units: 1\n    to: [a/1]\n';
    const t = new Timeline({ seed: 1 });
    t.apply({ type: 'deploy-bundle', path: 'p.yaml', overlays: [], files: { 'p.yaml': text } }, { run: 'idle' });
    const yaml = exportBundle(t.state);
    expect(yaml).toContain('machines:\n  "0": {}\n');
    expect(yaml).toContain('    to:\n    - new\n    - "0"\n');
    const again = redeploy(yaml, '.', {});
    expect(again.state.units.get('b/0')?.machine).toBe(again.state.units.get('a/1')?.machine);
  });

  for (const [bundle, overlays] of [
    ['masterworker/bundle.yaml', []],
    ['cos-lite/bundle.yaml', ['cos-lite/overlays/tls-overlay.yaml', 'cos-lite/overlays/testing-overlay.yaml']],
    ['charmed-kubernetes/bundle.yaml', ['charmed-kubernetes/overlays/vault-pki-overlay.yaml']],
  ] as const) {
    it(`round trip: ${bundle}${overlays.length ? ` with ${overlays.join(', ')}` : ''}`, () => {
      const files = loadBundleFiles(bundle, overlays, FIXTURES);
      const t = new Timeline({ seed: 1 });
      expect(t.apply({ type: 'deploy-bundle', path: bundle, overlays: [...overlays], files }, { run: 'idle' }).exitCode).toBe(0);
      const again = redeploy(exportBundle(t.state), bundle.split('/')[0] as string, files);
      expect(described(again.state)).toEqual(described(t.state));
    });
  }

  it('round trip: random models from the property generators, with random positions', () => {
    const scenario = fc.record({
      seed: fc.nat(),
      ops: fc.tuple(fc.array(deployArb, { minLength: 1, maxLength: 4 }), fc.array(opArb, { maxLength: 16 })).map(([d, o]) => [...d, ...o]),
      places: fc.array(fc.tuple(pick, fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 })), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(scenario, ({ seed, ops, places }) => {
        const t = runOps(seed, ops, '3.6');
        const apps = [...t.state.apps.keys()];
        const positions = Object.fromEntries(places.flatMap(([p, x, y]) => (apps.length ? [[apps[Math.floor(p * apps.length)] as string, { x, y }]] : [])));
        const yaml = exportBundle(t.state, positions);
        // The pasted no-op charm travels beside the bundle, as a user's own charm would.
        const again = redeploy(yaml, '.', { 'noop/metadata.yaml': 'name: noop\nprovides:\n  thing:\n    interface: exchange\nrequires:\n  want:\n    interface: postgresql\npeers:\n  ring:\n    interface: ring\n' });
        const want = described(t.state);
        expect(described(again.state)).toEqual({ ...want, positions: Object.fromEntries(Object.entries(positions).filter(([app]) => want.apps.some((a) => a.name === app)).sort(([x], [y]) => (x < y ? -1 : 1))) });
      }),
      { numRuns: 60 },
    );
  });
});

