/**
 * Starting from a running model: `load-status` builds what `juju status` shows — the
 * same applications, unit numbers, machines, leaders, subordinates beside their
 * principals and relations — takes endpoint names and databags from `juju show-unit`,
 * says what it inferred, and refuses whole when it cannot.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/cli/charmFiles.ts';
import type { Command } from '../../src/engine/commands.ts';
import { Timeline } from '../../src/engine/timeline.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');

function load(path: string, showUnits: string[] = []): { t: Timeline; stderr: string; exitCode: number } {
  const command: Command = { type: 'load-status', path, showUnits, files: loadFiles([path, ...showUnits], FIXTURES) };
  const t = new Timeline({ seed: 1 });
  const result = t.apply(command, { run: 'idle' });
  return { t, stderr: result.stderr, exitCode: result.exitCode };
}

const units = (t: Timeline, app: string) => [...t.state.units.values()].filter((u) => u.app === app && u.life === 'alive').map((u) => u.name);

describe('load-status', () => {
  it('keeps unit numbers, machines and leaders, and puts each subordinate unit beside its own principal with its own number', () => {
    const { t, exitCode, stderr } = load('status/jubilant-subordinates.status.json');
    expect(exitCode, stderr).toBe(0);
    expect(units(t, 'ubuntu')).toEqual(['ubuntu/1']);
    expect(units(t, 'ubun2')).toEqual(['ubun2/0']);
    expect(t.state.units.get('ubuntu/1')?.machine).toBe(1);
    expect(t.state.units.get('ubun2/0')?.machine).toBe(2);
    // Settled: the subordinate units came with the relations, numbered as status shows them.
    expect(t.state.units.get('nrpe/1')).toMatchObject({ principal: 'ubuntu/1', machine: 1 });
    expect(t.state.units.get('nrpe/2')).toMatchObject({ principal: 'ubun2/0', machine: 2 });
    expect(t.state.apps.get('nrpe')?.leader).toBe('nrpe/1');
    expect(t.state.apps.get('nrpe')?.inferred).toBe(true);
    expect(stderr).toMatch(/^relviz: charms not found, endpoints inferred from the bundle's relations: nrpe$/m);
    // A unit added later takes the next number after status's.
    t.apply({ type: 'add-unit', app: 'ubuntu', units: 1 }, { run: 'idle' });
    expect(units(t, 'ubuntu')).toEqual(['ubuntu/1', 'ubuntu/2']);
    expect(t.state.units.get('ubuntu/2')?.machine).toBe(3);
  });

  it('names relation endpoints from show-unit and puts its databags in place', () => {
    const { t, exitCode, stderr } = load('show-unit/machine-full_status_None.json', ['show-unit/machine-kafka0_None_show.json', 'show-unit/machine-zookeeper0_None_show.json']);
    expect(exitCode, stderr).toBe(0);
    const rel = [...t.state.relations.values()].find((r) => !r.peer);
    expect(rel?.endpoints.map((e) => `${e.app}:${e.endpoint}`).sort()).toEqual(['kafka:zookeeper', 'zookeeper:zookeeper']);
    expect(rel?.appBags.get('zookeeper')?.data.has('uris')).toBe(true);
    expect(rel?.appBags.get('kafka')?.data.has('chroot')).toBe(true);
    expect(stderr).toMatch(/^- set \d+ databags as juju show-unit shows them$/m);
  });

  it('with a Kubernetes COS Lite status and every show-unit, guesses no endpoint', () => {
    const show = ['alertmanager0', 'loki0', 'prometheus0', 'prometheus1', 'traefik0'].map((u) => `show-unit/k8s-${u}_None_show.json`);
    const { t, exitCode, stderr } = load('show-unit/k8s-full_status_None.json', show);
    expect(exitCode, stderr).toBe(0);
    expect(stderr).not.toContain('guessed');
    expect(units(t, 'prometheus')).toEqual(['prometheus/0', 'prometheus/1']);
    expect([...t.state.relations.values()].filter((r) => !r.peer)).toHaveLength(20);
  });

  it('without show-unit, says which endpoints it could not tell', () => {
    const { exitCode, stderr } = load('show-unit/k8s-full_status_None.json');
    expect(exitCode).toBe(0);
    expect(stderr).toMatch(/^relviz: relation "prometheus:ingress traefik": status does not say which endpoint of traefik it is/m);
  });

  it('reads the YAML form too (COS Lite, Juju 3.x objects shape)', () => {
    const { t, exitCode, stderr } = load('status/juju-doctor-cos-lite.status.yaml');
    expect(exitCode, stderr).toBe(0);
    expect(t.state.apps.size).toBe(6);
  });

  it('refuses whole what it cannot build, naming the file', () => {
    const t = new Timeline({ seed: 1 });
    t.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'ubuntu' }, app: null, units: 1 }, { run: 'idle' });
    const result = t.apply({ type: 'load-status', path: 'status/jubilant-subordinates.status.json', showUnits: [], files: loadFiles(['status/jubilant-subordinates.status.json'], FIXTURES) }, { run: 'idle' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^ERROR cannot load the model: status\/jubilant-subordinates\.status\.json:\d+: application "ubuntu": cannot add application "ubuntu": application already exists\n$/);
    expect([...t.state.apps.keys()]).toEqual(['ubuntu']);
    expect(new Timeline({ seed: 1 }).apply({ type: 'load-status', path: 'x.json', showUnits: [], files: { 'x.json': '{"nope": 1' } }, { run: 'idle' }).stderr).toMatch(/^ERROR cannot load the model: x\.json:1: /);
  });
});
