/**
 * Deploying the fixture bundles: charms found beside the bundle, in the catalog, or
 * inferred from the relations; the whole plan tried before anything is applied; and
 * the model it makes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesLookup, readBundle } from '../../src/engine/bundleFiles.ts';
import { planBundle } from '../../src/engine/bundlePlan.ts';
import type { Command } from '../../src/engine/commands.ts';
import { loadBundleFiles } from '../../src/cli/charmFiles.ts';
import { Timeline } from '../../src/engine/timeline.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/bundles');

/** `juju deploy <fixture bundle> --overlay …` with the files the CLI reads beside it (or only the bundle files, with `bare`). */
function bundleCommand(path: string, overlays: string[] = [], opts: { bare?: boolean; only?: (file: string) => boolean } = {}): Extract<Command, { type: 'deploy-bundle' }> {
  const all = loadBundleFiles(path, overlays, FIXTURES);
  const keep = (f: string) => (opts.bare ? f === path || overlays.includes(f) : (opts.only?.(f) ?? true));
  return { type: 'deploy-bundle', path, overlays, files: Object.fromEntries(Object.entries(all).filter(([f]) => keep(f))) };
}

function deploy(cmd: Command): Timeline {
  const t = new Timeline({ seed: 1 });
  const result = t.apply(cmd, { run: 'idle' });
  expect(result.exitCode, result.stderr).toBe(0);
  return t;
}

function plan(cmd: Extract<Command, { type: 'deploy-bundle' }>) {
  return planBundle(readBundle(cmd), filesLookup(cmd.path, cmd.files));
}

describe('deploying a bundle', () => {
  it('masterworker: the charms beside the bundle, 3 units, the relation — and it settles', () => {
    const cmd = bundleCommand('masterworker/bundle.yaml');
    expect(plan(cmd).apps.map((a) => [a.name, a.source])).toEqual([
      ['master', 'files'],
      ['worker', 'files'],
    ]);
    const t = deploy(cmd);
    expect([...t.state.units.keys()]).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(t.state.relations.size).toBe(1);
    expect(t.state.ready).toEqual([]);
  });

  it('is one command: Juju\'s change list, then every hook of every application', () => {
    const t = new Timeline({ seed: 1 });
    const result = t.apply(bundleCommand('masterworker/bundle.yaml'), { run: 'idle' });
    expect(result.stderr).toBe(
      [
        'Executing changes:',
        '- deploy application master from charms/master',
        '- add unit master/0 to new machine 0',
        '- deploy application worker from charms/worker',
        '- add unit worker/0 to new machine 1',
        '- add unit worker/1 to new machine 2',
        '- add relation master:master-application worker:master',
        'Deploy of bundle completed.',
        '',
      ].join('\n'),
    );
    expect(t.trace.filter((r) => r.type === 'command')).toHaveLength(1);
  });

  it('COS Lite with the TLS overlay: every charm from its metadata, relations without endpoint names resolved as Juju does', () => {
    const cmd = bundleCommand('cos-lite/bundle.yaml', ['cos-lite/overlays/tls-overlay.yaml']);
    expect(plan(cmd).apps.filter((a) => a.source === 'inferred')).toEqual([]);
    const t = deploy(cmd);
    const bundle = readBundle(cmd);
    expect(t.state.apps.size).toBe(bundle.applications.size);
    expect([...t.state.relations.values()].filter((r) => !r.peer)).toHaveLength(bundle.relations.length);
  });

  it('with no charm files and charms the catalog does not know, infers every charm from the relations and says which — and still deploys', () => {
    // The same bundle naming forks of its charms, which neither the disk nor the catalog has.
    const cmd = bundleCommand('cos-lite/bundle.yaml', [], { bare: true });
    const forked = { ...cmd, files: { [cmd.path]: (cmd.files[cmd.path] as string).replace(/^(\s+charm: )([\w-]+)$/gm, '$1$2-fork') } };
    expect(plan(forked).warnings[0]).toMatch(/^charms not found, endpoints inferred from the bundle's relations: traefik, alertmanager/);
    const t = new Timeline({ seed: 1 });
    const result = t.apply(forked, { run: 'idle' });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^relviz: charms not found, endpoints inferred/m);
    expect(t.state.apps.size).toBe(readBundle(forked).applications.size);
    expect([...t.state.apps.values()].every((a) => a.inferred)).toBe(true);
    // juju status says so, where Juju would have the charm.
    expect(t.apply({ type: 'status', relations: false }).stdout).toMatch(/^traefik .*\(relviz: charm not found, endpoints inferred\)/m);
  });

  it('with no charm files at all, takes every charm of COS Lite and of Charmed Kubernetes with the Vault overlay from the real charms catalog', () => {
    for (const [main, overlay] of [
      ['cos-lite/bundle.yaml', 'cos-lite/overlays/tls-overlay.yaml'],
      ['charmed-kubernetes/bundle.yaml', 'charmed-kubernetes/overlays/vault-pki-overlay.yaml'],
    ] as const) {
      const cmd = bundleCommand(main, [overlay], { bare: true });
      expect(plan(cmd).apps.filter((a) => a.source !== 'catalog'), main).toEqual([]);
      const t = deploy(cmd);
      expect([...t.state.apps.values()].every((a) => a.real), main).toBe(true);
      expect([...t.state.relations.values()].filter((r) => !r.peer)).toHaveLength(readBundle(cmd).relations.length);
    }
  });

  it('a bundle naming postgresql gets the real charm (deployed as ch:postgresql), not the teaching charm of that name', () => {
    const text = ['applications:', '  db:', '    charm: postgresql', '    num_units: 1', '  app:', '    charm: ch:data-integrator', '    num_units: 1', 'relations:', '- [db:database, app:postgresql]', ''].join('\n');
    const cmd: Command = { type: 'deploy-bundle', path: 'mine.yaml', overlays: [], files: { 'mine.yaml': text } };
    expect(plan(cmd).apps.map((a) => a.charm)).toEqual([
      { kind: 'catalog', name: 'ch:postgresql' },
      { kind: 'catalog', name: 'data-integrator' },
    ]);
    const t = deploy(cmd);
    expect(t.state.apps.get('db')).toMatchObject({ charmName: 'ch:postgresql', real: true });
  });

  it('refuses an endpoint a known charm does not have, naming the file, line, application and charm — and deploys nothing', () => {
    const text = ['applications:', '  master:', '    charm: ./master', '    num_units: 1', '  worker:', '    charm: ./worker', 'relations:', '- [master:nope, worker:master]', ''].join('\n');
    const files = { ...bundleCommand('masterworker/bundle.yaml').files, 'masterworker/mine.yaml': text };
    const t = new Timeline({ seed: 1 });
    const result = t.apply({ type: 'deploy-bundle', path: 'masterworker/mine.yaml', overlays: [], files }, { run: 'idle' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('ERROR cannot deploy bundle: masterworker/mine.yaml:8: relation "master:nope worker:master": no endpoint "nope" on application "master" (charm master)\n');
    expect(t.state.apps.size).toBe(0);
  });

  it('refuses an application that already exists in the model, and names every problem at once', () => {
    const t = new Timeline({ seed: 1 });
    t.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 1 }, { run: 'idle' });
    const text = ['applications:', '  worker:', '    charm: worker', '    num_units: 1', '  other:', '    charm: ubuntu', 'relations:', '- [worker, other]', ''].join('\n');
    const result = t.apply({ type: 'deploy-bundle', path: 'b.yaml', overlays: [], files: { 'b.yaml': text } }, { run: 'idle' });
    expect(result.stderr).toBe(
      [
        'ERROR cannot deploy bundle: 2 problems',
        '  b.yaml:2: application "worker": cannot add application "worker": application already exists',
        '  b.yaml:8: relation "worker other": no relations found',
        '',
      ].join('\n'),
    );
    expect([...t.state.apps.keys()]).toEqual(['worker']);
  });

  it('says which file is missing', () => {
    const result = new Timeline({ seed: 1 }).apply({ type: 'deploy-bundle', path: './b.yaml', overlays: [], files: {} }, { run: 'idle' });
    expect(result.stderr).toBe('ERROR cannot deploy bundle: ./b.yaml:1: file "./b.yaml" not found\n');
  });
});

describe('placement (to:)', () => {
  it('units placed on a bundle machine or beside another unit share its machine; lxd and new get their own', () => {
    const text = [
      'machines:',
      '  "0": {}',
      'applications:',
      '  a:',
      '    charm: ubuntu',
      '    num_units: 3',
      '    to: ["0", "lxd:0", new]',
      '  b:',
      '    charm: ubuntu',
      '    num_units: 2',
      '    to: [a]',
      '  c:',
      '    charm: ubuntu',
      '    num_units: 1',
      '    to: [b/1]',
      '',
    ].join('\n');
    const t = deploy({ type: 'deploy-bundle', path: 'p.yaml', overlays: [], files: { 'p.yaml': text } });
    const machine = (u: string) => t.state.units.get(u)?.machine;
    expect(machine('b/0')).toBe(machine('a/0'));
    expect(machine('b/1')).toBe(machine('a/1'));
    expect(machine('c/0')).toBe(machine('a/1'));
    expect(new Set([machine('a/0'), machine('a/1'), machine('a/2')]).size).toBe(3);
  });

  it('two principals on one machine each get their own subordinate unit, related only to it (container scope is per principal unit)', () => {
    const text = [
      'applications:',
      '  a:',
      '    charm: ubuntu',
      '    num_units: 1',
      '  b:',
      '    charm: ubuntu',
      '    num_units: 1',
      '    to: [a/0]',
      '  tel:',
      '    charm: telegraf',
      'relations:',
      '- [tel:juju-info, a:juju-info]',
      '- [tel:juju-info, b:juju-info]',
      '',
    ].join('\n');
    const t = deploy({ type: 'deploy-bundle', path: 'p.yaml', overlays: [], files: { 'p.yaml': text } });
    const subs = [...t.state.units.values()].filter((u) => u.app === 'tel');
    expect(subs.map((u) => [u.name, u.principal, u.machine])).toEqual([
      ['tel/0', 'a/0', t.state.units.get('a/0')?.machine],
      ['tel/1', 'b/0', t.state.units.get('a/0')?.machine],
    ]);
    // Each subordinate unit joined its own principal only.
    const joined = t.trace.filter((r) => r.type === 'hook' && r.unit.startsWith('tel/') && r.hook.endsWith('relation-joined')).map((r) => (r.type === 'hook' ? `${r.unit}<-${r.remoteUnit}` : ''));
    expect(joined.sort()).toEqual(['tel/0<-a/0', 'tel/1<-b/0']);
  });
});

describe('inferring what is unknown', () => {
  it('a charm with no units facing a principal’s container endpoint is inferred a subordinate, and gets a unit per principal unit', () => {
    // Only the principals' charms are given, and the bundle names forks of containerd and calico, which the catalog does not have: they must be inferred.
    const given = bundleCommand('charmed-kubernetes/bundle.yaml', [], { only: (f) => !/charms\/(containerd|calico)\//.test(f) });
    const cmd = { ...given, files: { ...given.files, [given.path]: (given.files[given.path] as string).replace(/^(\s+charm: )(containerd|calico)$/gm, '$1$2-fork') } };
    const p = plan(cmd);
    expect(p.apps.find((a) => a.name === 'containerd')).toMatchObject({ source: 'inferred', meta: { subordinate: true } });
    expect(p.warnings[0]).toContain('calico');
    const t = deploy(cmd);
    const principals = [...t.state.units.values()].filter((u) => u.app === 'kubernetes-worker' || u.app === 'kubernetes-control-plane').length;
    expect([...t.state.units.values()].filter((u) => u.app === 'containerd')).toHaveLength(principals);
  });
});

describe('cross-model relations', () => {
  it('keeps offers and relations to saas on each application, shown and not simulated, and gone with the application', () => {
    const cmd = bundleCommand('cos-lite/bundle.yaml', ['cos-lite/overlays/offers-overlay.yaml']);
    const text = ['applications:', '  db:', '    charm: ubuntu', '    num_units: 1', 'saas:', '  remote-db:', '    url: other:admin/db.db', 'relations:', '- [db:juju-info, remote-db]', ''].join('\n');
    const t = deploy(cmd);
    expect(t.state.crossModel.get('prometheus')).toEqual([{ kind: 'offer', name: 'prometheus-receive-remote-write', endpoints: ['receive-remote-write'] }]);
    const u = new Timeline({ seed: 1 });
    const result = u.apply({ type: 'deploy-bundle', path: 's.yaml', overlays: [], files: { 's.yaml': text } }, { run: 'idle' });
    expect(result.stderr).toMatch(/^relviz: cross-model relations are not simulated: remote-db shown only$/m);
    expect(u.state.crossModel.get('db')).toEqual([{ kind: 'consumes', name: 'remote-db', endpoints: ['juju-info'] }]);
    u.apply({ type: 'remove-application', app: 'db' }, { run: 'idle' });
    expect(u.state.crossModel.has('db')).toBe(false);
  });
});
