/**
 * Deploying the fixture bundles: charms found beside the bundle, in the catalog, or
 * inferred from the relations; the whole plan tried before anything is applied; and
 * the model it makes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, parseBundle, type BundleApplication, type BundleFile } from '../../src/io/bundle.ts';
import { planBundle, type CharmLookup } from '../../src/io/bundlePlan.ts';
import { Timeline } from '../../src/engine/timeline.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/bundles');
const file = (path: string): BundleFile => ({ name: path, text: readFileSync(join(FIXTURES, path), 'utf8') });

/** Juju's places for a charm's files: the local path, then <bundle dir>/charms/<name>/, then <bundle dir>/<name>/. */
const beside =
  (dir: string): CharmLookup =>
  (app: BundleApplication) => {
    const candidates = app.charm.kind === 'path' ? [join(FIXTURES, dir, app.charm.raw), join(FIXTURES, dir, 'charms', app.charm.name)] : [join(FIXTURES, dir, 'charms', app.charm.name), join(FIXTURES, dir, app.charm.name)];
    for (const c of candidates) {
      if (!existsSync(c)) continue;
      const files = Object.fromEntries(readdirSync(c).filter((f) => /^(metadata|charmcraft|actions)\.yaml$|^included-layer-.*\.metadata\.yaml$/.test(f)).map((f) => [f, readFileSync(join(c, f), 'utf8')]));
      if (Object.keys(files).length > 0) return { path: c, files };
    }
    return null;
  };
const nowhere: CharmLookup = () => null;

function deploy(plan: ReturnType<typeof planBundle>): Timeline {
  const t = new Timeline({ seed: 1 });
  for (const { command, text } of plan.commands) {
    const result = t.apply(command, { text, run: 'idle' });
    expect(result.exitCode, `${text}: ${result.stderr}`).toBe(0);
  }
  return t;
}

describe('planning a bundle', () => {
  it('masterworker: the charms beside the bundle, 3 units, the relation — and it settles', () => {
    const plan = planBundle(parseBundle(file('masterworker/bundle.yaml')), beside('masterworker'));
    expect(plan.charms.map((c) => [c.app, c.source])).toEqual([
      ['master', 'files'],
      ['worker', 'files'],
    ]);
    const t = deploy(plan);
    expect([...t.state.units.keys()]).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(t.state.relations.size).toBe(1);
    expect(t.state.ready).toEqual([]);
  });

  it('COS Lite with the TLS overlay: every charm from its metadata, relations without endpoint names resolved as Juju does', () => {
    const bundle = parseBundle(file('cos-lite/bundle.yaml'), [file('cos-lite/overlays/tls-overlay.yaml')]);
    const plan = planBundle(bundle, beside('cos-lite'));
    expect(plan.charms.filter((c) => c.source === 'inferred')).toEqual([]);
    const t = deploy(plan);
    expect(t.state.apps.size).toBe(bundle.applications.size);
    expect([...t.state.relations.values()].filter((r) => !r.peer)).toHaveLength(bundle.relations.length);
  });

  it('with no charm files and charms the catalog does not know, infers every charm from the relations and says which — and still deploys', () => {
    // The same bundle naming forks of its charms, which neither the disk nor the catalog has.
    const forked = file('cos-lite/bundle.yaml');
    const bundle = parseBundle({ ...forked, text: forked.text.replace(/^(\s+charm: )([\w-]+)$/gm, '$1$2-fork') });
    const plan = planBundle(bundle, nowhere);
    expect(plan.warnings[0]).toMatch(/^charms not found, endpoints inferred from the bundle's relations: traefik, alertmanager/);
    const t = deploy(plan);
    expect(t.state.apps.size).toBe(bundle.applications.size);
  });

  it('with no charm files at all, takes every charm of COS Lite and of Charmed Kubernetes with the Vault overlay from the real charms catalog', () => {
    for (const [main, overlay] of [
      ['cos-lite/bundle.yaml', 'cos-lite/overlays/tls-overlay.yaml'],
      ['charmed-kubernetes/bundle.yaml', 'charmed-kubernetes/overlays/vault-pki-overlay.yaml'],
    ] as const) {
      const bundle = parseBundle(file(main), [file(overlay)]);
      const plan = planBundle(bundle, nowhere);
      expect(plan.charms.filter((c) => c.source !== 'catalog'), main).toEqual([]);
      const t = deploy(plan);
      expect([...t.state.apps.values()].every((a) => a.real), main).toBe(true);
      expect([...t.state.relations.values()].filter((r) => !r.peer)).toHaveLength(bundle.relations.length);
    }
  });

  it('a bundle naming postgresql gets the real charm (deployed as ch:postgresql), not the teaching charm of that name', () => {
    const text = ['applications:', '  db:', '    charm: postgresql', '    num_units: 1', '  app:', '    charm: ch:data-integrator', '    num_units: 1', 'relations:', '- [db:database, app:postgresql]', ''].join('\n');
    const plan = planBundle(parseBundle({ name: 'mine.yaml', text }), nowhere);
    expect(plan.commands.map((c) => c.text)).toEqual(['juju deploy ch:postgresql db -n 1', 'juju deploy data-integrator app -n 1', 'juju integrate db:database app:postgresql']);
    const t = deploy(plan);
    expect(t.state.apps.get('db')).toMatchObject({ charmName: 'ch:postgresql', real: true });
  });

  it('refuses an endpoint a known charm does not have, naming the file, line, application and charm — and plans nothing', () => {
    const text = ['applications:', '  master:', '    charm: ./master', '    num_units: 1', '  worker:', '    charm: ./worker', 'relations:', '- [master:nope, worker:master]', ''].join('\n');
    try {
      planBundle(parseBundle({ name: 'mine.yaml', text }), beside('masterworker'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BundleError);
      expect((e as BundleError).message).toBe('mine.yaml:8: relation "master:nope worker:master": no endpoint "nope" on application "master" (charm master)');
    }
  });
});

describe('inferring what is unknown', () => {
  it('a charm with no units facing a principal’s container endpoint is inferred a subordinate, and gets a unit per principal unit', () => {
    // Forks of containerd and calico, which neither the disk nor the catalog has.
    const ck = file('charmed-kubernetes/bundle.yaml');
    const bundle = parseBundle({ ...ck, text: ck.text.replace(/^(\s+charm: )(containerd|calico)$/gm, '$1$2-fork') });
    const known = beside('charmed-kubernetes');
    // Only the principals' charms are given: containerd and calico must be inferred.
    const plan = planBundle(bundle, (app) => (['containerd', 'calico'].includes(app.name) ? null : known(app)));
    const containerd = plan.charms.find((c) => c.app === 'containerd');
    expect(containerd).toMatchObject({ source: 'inferred', meta: { subordinate: true } });
    expect(plan.warnings[0]).toContain('calico');
    const t = deploy(plan);
    const principals = [...t.state.units.values()].filter((u) => u.app === 'kubernetes-worker' || u.app === 'kubernetes-control-plane').length;
    expect([...t.state.units.values()].filter((u) => u.app === 'containerd')).toHaveLength(principals);
  });
});
