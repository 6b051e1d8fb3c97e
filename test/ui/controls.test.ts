/** The model controls' logic: deploy form → command, pasted metadata checks, plausible hooks, the selection at the cursor. */
import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../src/engine/commands.ts';
import { createRelvizStore } from '../../src/store/store.ts';
import type { ModelView } from '../../src/store/view.ts';
import { CHARM_CHOICES, searchCharms, sourceUrl } from '../../src/ui/controls/charmSearch.ts';
import { EXAMPLE_METADATA, PASTED_PATH, checkMetadata, deployCommand } from '../../src/ui/controls/deployForm.ts';
import { LIFECYCLE_HOOKS, plausibleHooks } from '../../src/ui/controls/plausibleHooks.ts';
import { selectionTarget } from '../../src/ui/controls/selection.ts';

function storeAfter(script: string, opts: { juju?: '3.6' | '4.0' } = {}) {
  const store = createRelvizStore({ script, ...opts });
  store.getState().seek(store.getState().length);
  return store;
}

const viewAfter = (script: string, opts: { juju?: '3.6' | '4.0' } = {}): ModelView => storeAfter(script, opts).getState().view;

describe('checkMetadata', () => {
  it('accepts both example files', () => {
    for (const file of ['metadata.yaml', 'charmcraft.yaml'] as const) {
      const c = checkMetadata(file, EXAMPLE_METADATA[file]);
      expect(c.ok, file).toBe(true);
      if (c.ok) expect(c.meta.endpoints.map((e) => e.name)).toEqual(['report', 'db', 'cluster']);
    }
    const cc = checkMetadata('charmcraft.yaml', EXAMPLE_METADATA['charmcraft.yaml']);
    expect(cc.ok && cc.meta.actions.map((a) => [a.name, a.params])).toEqual([['snapshot', ['label']]]);
  });

  it('reports the problem with file and line', () => {
    const c = checkMetadata('metadata.yaml', 'name: x\nsummary: y\nrequires:\n  db:\n    limit: 1\n');
    expect(c).toEqual({ ok: false, empty: false, message: 'metadata.yaml:4: endpoint "db" has no interface', line: 4 });
    const yaml = checkMetadata('charmcraft.yaml', 'name: x\nprovides: [\n');
    expect(yaml.ok).toBe(false);
    expect(!yaml.ok && yaml.message).toMatch(/^charmcraft\.yaml:\d+: /);
  });

  it('treats an empty text as not yet pasted, not as an error', () => {
    expect(checkMetadata('metadata.yaml', '  \n')).toMatchObject({ ok: false, empty: true, line: null });
  });
});

describe('deployCommand', () => {
  it('writes the command as a user would type it', () => {
    expect(formatCommand(deployCommand({ charm: { kind: 'catalog', name: 'master' }, app: 'master', units: 1 }))).toBe('juju deploy master');
    expect(formatCommand(deployCommand({ charm: { kind: 'catalog', name: 'master' }, app: '', units: 1 }))).toBe('juju deploy master');
    expect(formatCommand(deployCommand({ charm: { kind: 'catalog', name: 'worker' }, app: 'w2', units: 3 }))).toBe('juju deploy worker w2 -n 3');
    // A subordinate is deployed without units, whatever the form says.
    expect(deployCommand({ charm: { kind: 'catalog', name: 'telegraf' }, app: 'telegraf', units: 0 })).toEqual({
      type: 'deploy',
      charm: { kind: 'catalog', name: 'telegraf' },
      app: null,
      units: null,
    });
  });

  it('deploys pasted metadata as local files that the engine accepts', () => {
    const cmd = deployCommand({ charm: { kind: 'files', file: 'charmcraft.yaml', text: EXAMPLE_METADATA['charmcraft.yaml'] }, app: 'rep', units: 2 });
    expect(cmd).toEqual({ type: 'deploy', charm: { kind: 'files', path: PASTED_PATH, files: { 'charmcraft.yaml': EXAMPLE_METADATA['charmcraft.yaml'] } }, app: 'rep', units: 2 });
    const store = storeAfter('');
    expect(store.getState().apply(cmd).exitCode).toBe(0);
    store.getState().seek(store.getState().length);
    expect(store.getState().view.apps.map((a) => [a.name, a.units])).toEqual([['rep', ['rep/0', 'rep/1']]]);
    expect(store.getState().inputs.map((i) => i.text)).toEqual(['juju deploy ./pasted rep -n 2']);
  });

  it('lets Juju refuse what Juju refuses', () => {
    const store = storeAfter('juju deploy master');
    const result = store.getState().apply(deployCommand({ charm: { kind: 'catalog', name: 'master' }, app: '', units: 1 }));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('ERROR cannot add application "master": application already exists\n');
    expect(store.getState().error).toBe('ERROR cannot add application "master": application already exists');
  });
});

describe('searchCharms', () => {
  it('offers the teaching charms first, then every real charm by name', () => {
    const names = CHARM_CHOICES.map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(['master', 'worker', 'ubuntu']);
    expect(names).toContain('ch:postgresql');
    const real = CHARM_CHOICES.filter((c) => c.source !== null).map((c) => c.name);
    expect(real).toEqual([...real].sort());
    expect(names.indexOf(real[0] as string)).toBe(names.length - real.length);
  });

  it('matches names first, then summaries, endpoints and interfaces; every word must match', () => {
    expect(searchCharms('traefik').map((c) => c.name)).toEqual(['traefik-k8s', 'grafana-k8s']); // grafana-k8s: ingress is traefik_route
    const pg = searchCharms('POSTGRESQL').map((c) => c.name);
    expect(pg.slice(0, 4).sort()).toEqual(['ch:postgresql', 'guide-postgresql', 'postgresql', 'postgresql-k8s']);
    expect(pg).toContain('data-integrator'); // requires postgresql_client
    expect(searchCharms('ingress k8s').map((c) => c.name)).toContain('traefik-k8s');
    expect(searchCharms('no such charm')).toEqual([]);
    expect(searchCharms('  ')).toHaveLength(CHARM_CHOICES.length);
  });

  it('links a real charm to the file it was read from, at its commit', () => {
    const t = CHARM_CHOICES.find((c) => c.name === 'traefik-k8s');
    expect(t?.source && sourceUrl(t.source)).toBe('https://github.com/canonical/traefik-k8s-operator/blob/9b354b6e5f49/metadata.yaml');
  });

  it('deploys a real charm by its catalog name', () => {
    expect(formatCommand(deployCommand({ charm: { kind: 'catalog', name: 'ch:postgresql' }, app: 'postgresql', units: 1 }))).toBe('juju deploy ch:postgresql');
  });
});

describe('plausibleHooks', () => {
  const view = viewAfter('juju deploy master\njuju deploy worker\njuju deploy ubuntu\njuju deploy telegraf\njuju integrate telegraf ubuntu\n');

  it('lists lifecycle hooks, then five relation hooks per declared endpoint', () => {
    expect(plausibleHooks(view, 'worker/0')).toEqual([
      ...LIFECYCLE_HOOKS,
      'leader-settings-changed',
      'master-relation-created',
      'master-relation-joined',
      'master-relation-changed',
      'master-relation-departed',
      'master-relation-broken',
    ]);
  });

  it('leaves out the implicit juju-info provider, but not a declared juju-info requirer', () => {
    expect(plausibleHooks(view, 'ubuntu/0').filter((h) => h.includes('relation'))).toEqual([]);
    expect(plausibleHooks(view, 'telegraf/0')).toContain('juju-info-relation-joined');
  });

  it('has no leader-settings-changed on Juju 4.0, and nothing for an unknown unit', () => {
    expect(plausibleHooks(viewAfter('juju deploy ubuntu', { juju: '4.0' }), 'ubuntu/0')).toEqual([...LIFECYCLE_HOOKS]);
    expect(plausibleHooks(view, 'nosuch/0')).toEqual([]);
  });

  it('offers relation hooks that really fail when they run', () => {
    const store = storeAfter('juju model-config automatically-retry-hooks=false\njuju deploy master\njuju deploy worker\n');
    const hook = plausibleHooks(store.getState().view, 'worker/0').find((h) => h === 'master-relation-joined');
    expect(hook).toBeDefined();
    store.getState().apply({ type: 'fail', unit: 'worker/0', hook: hook as string });
    store.getState().runLine('juju integrate master worker');
    store.getState().seek(store.getState().length);
    expect(store.getState().view.units['worker/0']?.failedHook).toBe('master-relation-joined');
  });
});

describe('selectionTarget', () => {
  const view = viewAfter('juju deploy master\njuju deploy worker -n 2\njuju relate master worker\n');

  it('finds the selected unit, application or relation at the cursor', () => {
    expect(selectionTarget(view, { kind: 'unit', name: 'worker/1' })).toMatchObject({ kind: 'unit', unit: { name: 'worker/1' }, life: 'alive' });
    expect(selectionTarget(view, { kind: 'app', name: 'master' })).toMatchObject({ kind: 'app', app: { name: 'master' } });
    expect(selectionTarget(view, { kind: 'relation', id: 0 })).toMatchObject({ kind: 'relation', relation: { id: 0 } });
  });

  it('is null for nothing selected, or for something that does not exist at the cursor', () => {
    expect(selectionTarget(view, null)).toBeNull();
    expect(selectionTarget(view, { kind: 'unit', name: 'worker/7' })).toBeNull();
    expect(selectionTarget(view, { kind: 'relation', id: 9 })).toBeNull();
    expect(selectionTarget(view, { kind: 'app', name: 'nosuch' })).toBeNull();
  });
});
