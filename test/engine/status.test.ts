/**
 * Reading running models (../shared/fixtures/status and show-unit) from `juju status`
 * and `juju show-unit`: the applications, units with their own numbers, leaders,
 * subordinates on their principals, relations in both shapes of Juju's `relations`
 * (names before 3.1.3, objects after), what show-unit adds, and every problem named by
 * file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BundleError, formatRelation } from '../../src/engine/bundle.ts';
import { isStatusText, parseStatus, type StatusFile, type StatusModel } from '../../src/engine/status.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const file = (path: string): StatusFile => ({ name: path, text: readFileSync(join(FIXTURES, path), 'utf8') });
const rels = (m: StatusModel) => m.bundle.relations.map(formatRelation);
const unitsOf = (m: StatusModel, app: string) => (m.units.get(app) ?? []).map((u) => u.name);
const leaders = (m: StatusModel) => Object.fromEntries([...m.units].map(([app, us]) => [app, us.filter((u) => u.leader).map((u) => u.name)]));
const problems = (f: StatusFile, shows: StatusFile[] = []): string[] => {
  try {
    parseStatus(f, shows);
  } catch (e) {
    if (e instanceof BundleError) return e.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw e;
  }
  return [];
};

const COS = 'status/juju-doctor-cos-lite.status.yaml';
const K8S = 'show-unit/k8s-full_status_None.json';
const MACHINE = 'show-unit/machine-full_status_None.json';
const CMRS = 'show-unit/cmrs-full_status_clite.json';
/** The 20 non-peer relations of the COS Lite models, as `juju status` tabular output lists them (k8s-full_status_None.txt), a-side first in status order. */
const COS_RELATIONS = [
  'alertmanager:alerting loki:alertmanager',
  'alertmanager:alerting prometheus:alertmanager',
  'alertmanager:self-metrics-endpoint prometheus:metrics-endpoint',
  'alertmanager:catalogue catalogue:catalogue',
  'alertmanager:grafana-dashboard grafana:grafana-dashboard',
  'alertmanager:grafana-source grafana:grafana-source',
  'alertmanager:ingress traefik:ingress',
  'catalogue:catalogue grafana:catalogue',
  'catalogue:catalogue prometheus:catalogue',
  'catalogue:ingress traefik:ingress',
  'grafana:grafana-dashboard loki:grafana-dashboard',
  'grafana:grafana-source loki:grafana-source',
  'grafana:grafana-dashboard prometheus:grafana-dashboard',
  'grafana:grafana-source prometheus:grafana-source',
  'grafana:metrics-endpoint prometheus:metrics-endpoint',
  'grafana:ingress traefik:traefik-route',
  'loki:ingress traefik:ingress-per-unit',
  'loki:metrics-endpoint prometheus:metrics-endpoint',
  'prometheus:ingress traefik:ingress-per-unit',
  'prometheus:metrics-endpoint traefik:metrics-endpoint',
];
const COS_APPS = ['alertmanager', 'catalogue', 'grafana', 'loki', 'prometheus', 'traefik'];

describe('the status fixtures (Juju ≥ 3.1.3: relations as objects)', () => {
  it('web app + database: applications, units, leaders, the relation, and the one to an application status lacks', () => {
    const m = parseStatus(file('status/jubilant-database_webapp.status.json'));
    expect(m.model).toEqual({ name: 'tt', type: 'kubernetes', version: '3.6.1' });
    expect(m.bundle.kind).toBe('kubernetes');
    expect([...m.bundle.applications.keys()]).toEqual(['database', 'webapp']);
    expect(m.bundle.applications.get('database')).toMatchObject({ charm: { raw: 'local:database-0', kind: 'name', name: 'database' }, units: 1, line: 17, file: 'status/jubilant-database_webapp.status.json' });
    expect(m.bundle.applications.get('webapp')).toMatchObject({ charm: { name: 'webapp' }, units: 1, line: 74 });
    expect(m.units.get('database')).toEqual([{ name: 'database/0', number: 0, leader: true, machine: null, principal: null }]);
    expect(leaders(m)).toEqual({ database: ['database/0'], webapp: ['webapp/0'] });
    expect(rels(m)).toEqual(['database:db webapp:db']);
    expect(m.relations[0]).toMatchObject({ interface: 'dbi', scope: 'global', source: 'status', candidates: null, line: 37 });
    expect(m.peers).toEqual([]);
    expect(m.databags).toEqual([]);
    expect(m.notes).toEqual(['"database:db" is related to "dummy", which is not in status, so that relation is left out']);
  });

  it('minimal: no applications, and a model type that is neither caas nor iaas', () => {
    const m = parseStatus(file('status/jubilant-minimal.status.json'));
    expect(m.bundle.applications.size).toBe(0);
    expect(m.model).toEqual({ name: 'mdl', type: 'machine', version: '3.0.0' });
    expect(m.notes).toEqual(['the model\'s type is "typ", neither caas nor iaas; taken as a machine model']);
  });

  it('snappass: one application, one leader unit, no relations, nothing to note', () => {
    const m = parseStatus(file('status/jubilant-snappass.status.json'));
    expect([...m.bundle.applications.keys()]).toEqual(['snappass-test']);
    expect(m.bundle.applications.get('snappass-test')).toMatchObject({ charm: { name: 'snappass-test' }, units: 1, notSimulated: { 'charm-channel': 'latest/stable', 'charm-rev': 9 } });
    expect(leaders(m)).toEqual({ 'snappass-test': ['snappass-test/0'] });
    expect(m.bundle.relations).toEqual([]);
    expect(m.notes).toEqual([]);
  });

  it('status errors: what has only an error is left out, and said so', () => {
    const m = parseStatus(file('status/jubilant-status_errors.status.json'));
    expect([...m.bundle.applications.keys()]).toEqual(['unit-failed']);
    expect(m.units.get('unit-failed')).toEqual([{ name: 'unit-failed/0', number: 0, leader: false, machine: null, principal: null }]);
    expect(m.bundle.saas).toEqual([]);
    expect(m.bundle.offers).toEqual([]);
    expect(m.notes).toEqual([
      'application "app-failed": status shows only an error ("app status error!"), so it is left out',
      'unit "unit-failed/0": status shows only an error ("unit status error!"); its leadership and machine are unknown',
      'remote application "remote-app-failed": status shows only an error ("remote app status error!"), so it is left out',
      'offer "offer-failed": status shows only an error ("offer status error!"), so it is left out',
      'application "unit-failed": status marks no unit leader',
    ]);
  });

  it('subordinates: units keep their numbers and sit on their principals; the subordinate has no unit count', () => {
    const m = parseStatus(file('status/jubilant-subordinates.status.json'));
    expect(m.model.type).toBe('machine');
    expect([...m.bundle.applications.keys()]).toEqual(['nrpe', 'ubun2', 'ubuntu']);
    expect(m.bundle.applications.get('nrpe')).toMatchObject({ units: null, charm: { name: 'nrpe' }, line: 100 });
    expect(m.bundle.applications.get('ubun2')).toMatchObject({ units: 1, charm: { name: 'ubuntu' } });
    expect(m.bundle.applications.get('ubuntu')).toMatchObject({ units: 1, charm: { name: 'ubuntu' } });
    expect(m.units.get('ubuntu')).toEqual([{ name: 'ubuntu/1', number: 1, leader: true, machine: '1', principal: null }]);
    expect(m.units.get('nrpe')).toEqual([
      { name: 'nrpe/2', number: 2, leader: false, machine: '2', principal: 'ubun2/0' },
      { name: 'nrpe/1', number: 1, leader: true, machine: '1', principal: 'ubuntu/1' },
    ]);
    expect(m.bundle.machines).toEqual(['1', '2']);
    expect(rels(m)).toEqual(['nrpe:general-info ubun2:juju-info', 'nrpe:general-info ubuntu:juju-info']);
    expect(m.relations.map((r) => [r.interface, r.scope, r.line])).toEqual([
      ['juju-info', 'container', 118],
      ['juju-info', 'container', 123],
    ]);
    expect(m.notes).toEqual([]);
  });

  it('COS Lite (YAML): six applications, all 20 relations with both endpoints, seven peers, four offers', () => {
    const m = parseStatus(file(COS));
    expect(m.model).toEqual({ name: 'cos', type: 'kubernetes', version: '3.6.1' });
    expect([...m.bundle.applications.keys()]).toEqual(COS_APPS);
    expect([...m.bundle.applications.values()].map((a) => [a.charm.name, a.units, a.line])).toEqual([
      ['alertmanager-k8s', 1, 14],
      ['catalogue-k8s', 1, 88],
      ['grafana-k8s', 1, 142],
      ['loki-k8s', 1, 228],
      ['prometheus-k8s', 1, 295],
      ['traefik-k8s', 1, 376],
    ]);
    expect(leaders(m)).toEqual(Object.fromEntries(COS_APPS.map((a) => [a, [`${a}/0`]])));
    expect(rels(m)).toEqual(COS_RELATIONS);
    expect(m.relations.every((r) => r.source === 'status' && r.interface !== null)).toBe(true);
    // The relation's line: where status lists it under its first application.
    expect(m.relations.find((r) => formatRelation(r) === 'grafana:ingress traefik:traefik-route')).toMatchObject({ line: 188, interface: 'traefik_route' });
    expect(m.peers.map((p) => `${p.app}:${p.endpoint}`)).toEqual(['alertmanager:replicas', 'catalogue:replicas', 'grafana:grafana', 'grafana:replicas', 'loki:replicas', 'prometheus:prometheus-peers', 'traefik:peers']);
    expect(m.peers[0]).toMatchObject({ interface: 'alertmanager_replica', line: 55 });
    expect(m.bundle.offers).toEqual(['alertmanager-karma-dashboard', 'grafana-dashboards', 'loki-logging', 'prometheus-receive-remote-write']);
    expect(m.notes).toEqual([]);
  });
  it('machine model: a 3.1.2 model, but relations as objects (status is formatted by the client), peers found', () => {
    const m = parseStatus(file(MACHINE));
    expect(m.model).toEqual({ name: 'foo', type: 'machine', version: '3.1.2' });
    expect(m.units.get('kafka')).toEqual([{ name: 'kafka/0', number: 0, leader: true, machine: '0', principal: null }]);
    expect(m.units.get('zookeeper')).toEqual([{ name: 'zookeeper/0', number: 0, leader: true, machine: '1', principal: null }]);
    expect(rels(m)).toEqual(['kafka:zookeeper zookeeper:zookeeper']);
    expect(m.relations[0]).toMatchObject({ interface: 'zookeeper', scope: 'global', source: 'status' });
    expect(m.peers.map((p) => `${p.app}:${p.endpoint}`)).toEqual(['kafka:cluster', 'kafka:restart', 'zookeeper:cluster', 'zookeeper:restart']);
    expect(m.notes).toEqual([]);
  });
});

describe('status before Juju 3.1.3: relations as names only', () => {
  it('COS Lite on Kubernetes (3.1.2): where several endpoints face each other, the other side is left null and said so', () => {
    const m = parseStatus(file(K8S));
    expect([...m.bundle.applications.keys()]).toEqual(COS_APPS);
    expect(m.bundle.applications.get('prometheus')?.units).toBe(2);
    expect(leaders(m)).toMatchObject({ prometheus: ['prometheus/0'] });
    expect(unitsOf(m, 'prometheus')).toEqual(['prometheus/0', 'prometheus/1']);
    const named = m.relations.filter((r) => r.a.endpoint !== null && r.b.endpoint !== null).map(formatRelation);
    expect(named).toEqual(COS_RELATIONS.filter((r) => named.includes(r)));
    expect(named).toHaveLength(9);
    const open = m.relations.filter((r) => r.b.endpoint === null);
    expect(open.map(formatRelation)).toEqual([
      'alertmanager:alerting prometheus',
      'alertmanager:self-metrics-endpoint prometheus',
      'alertmanager:grafana-dashboard grafana',
      'alertmanager:grafana-source grafana',
      'grafana:grafana-dashboard loki',
      'grafana:grafana-source loki',
      'grafana:grafana-dashboard prometheus',
      'grafana:grafana-source prometheus',
      'grafana:metrics-endpoint prometheus',
      'prometheus:ingress traefik',
      'prometheus:metrics-endpoint traefik',
    ]);
    expect(open[0]?.candidates).toEqual({ a: ['alerting'], b: ['alertmanager', 'metrics-endpoint'] });
    expect(m.notes).toHaveLength(11);
    expect(m.notes[0]).toBe('relation "alertmanager:alerting prometheus": status does not say which endpoint of prometheus it is (alertmanager or metrics-endpoint); give juju show-unit alertmanager/0 to name it');
    // A single-line JSON file: everything is on line 1.
    expect(m.relations.every((r) => r.line === 1)).toBe(true);
  });

  it('COS Lite converted to the old shape: the same applications, units and leaders; interfaces no longer tell endpoints apart', () => {
    const after = parseStatus(file(COS));
    const yamlText = file(COS).text.replace(/^( {6})- related-application: (\S+)\n {8}interface: \S+\n {8}scope: \S+$/gm, '$1- $2');
    expect(yamlText).not.toContain('related-application');
    const before = parseStatus({ name: 'old.yaml', text: yamlText });
    expect([...before.bundle.applications.keys()]).toEqual([...after.bundle.applications.keys()]);
    expect([...before.units]).toEqual([...after.units]);
    expect(before.peers.map((p) => p.endpoint)).toEqual(after.peers.map((p) => p.endpoint));
    // Every relation named is one of the real ones; the others say which endpoints they could be.
    for (const r of before.relations) {
      if (r.b.endpoint !== null) expect(COS_RELATIONS).toContain(formatRelation(r));
      else expect(COS_RELATIONS.some((x) => x.startsWith(`${formatRelation(r)}:`) && (r.candidates?.b ?? []).includes(x.split(':').pop() as string))).toBe(true);
    }
    expect(before.relations.filter((r) => r.b.endpoint === null).length).toBe(before.notes.length);
  });

  it('subordinates converted to the old shape pair up the same', () => {
    const json = JSON.parse(file('status/jubilant-subordinates.status.json').text) as { applications: Record<string, { relations?: Record<string, Array<{ 'related-application': string }>> }> };
    for (const app of Object.values(json.applications)) {
      for (const [ep, list] of Object.entries(app.relations ?? {})) (app.relations as Record<string, unknown>)[ep] = list.map((x) => x['related-application']);
    }
    const m = parseStatus({ name: 'old.json', text: JSON.stringify(json, null, 2) });
    expect(rels(m)).toEqual(['nrpe:general-info ubun2:juju-info', 'nrpe:general-info ubuntu:juju-info']);
    expect(m.relations.map((r) => r.interface)).toEqual([null, null]);
  });
});

describe('show-unit fills in what status lacks', () => {
  it('machine kafka/zookeeper: endpoints confirmed, both sides\' databags, application-data is the remote application\'s', () => {
    const m = parseStatus(file(MACHINE), [file('show-unit/machine-kafka0_None_show.json'), file('show-unit/machine-zookeeper0_None_show.json')]);
    expect(rels(m)).toEqual(['kafka:zookeeper zookeeper:zookeeper']);
    const rel = { a: { app: 'kafka', endpoint: 'zookeeper' }, b: { app: 'zookeeper', endpoint: 'zookeeper' } };
    const of = (owner: string) => m.databags.find((d) => d.owner === owner && d.relation.a.endpoint === 'zookeeper')?.data;
    // kafka/0 sees zookeeper's application bag; zookeeper/0 sees kafka's.
    expect(of('zookeeper')).toMatchObject({ chroot: '/kafka', uris: '10.202.33.167:2181/kafka', username: 'relation-5' });
    expect(of('kafka')).toEqual({ chroot: '/kafka' });
    expect(of('zookeeper/0')).toEqual({ 'egress-subnets': '10.202.33.167/32', 'ingress-address': '10.202.33.167', 'private-address': '10.202.33.167' });
    expect(of('kafka/0')).toEqual({ 'egress-subnets': '10.202.33.94/32', 'ingress-address': '10.202.33.94', 'private-address': '10.202.33.94' });
    expect(m.databags.filter((d) => d.relation.a.endpoint === 'zookeeper').every((d) => JSON.stringify(d.relation) === JSON.stringify(rel))).toBe(true);
    // Peer relations: a = b, the application bag is the application's own.
    const cluster = m.databags.find((d) => d.owner === 'zookeeper' && d.relation.a.endpoint === 'cluster');
    expect(cluster?.relation).toEqual({ a: { app: 'zookeeper', endpoint: 'cluster' }, b: { app: 'zookeeper', endpoint: 'cluster' } });
    expect(cluster?.data).toMatchObject({ quorum: 'default - non-ssl' });
    expect(m.databags.find((d) => d.owner === 'zookeeper' && d.relation.a.endpoint === 'restart')?.data).toEqual({ '<ops.model.Unit zookeeper/0>': 'idle' });
    expect(m.databags).toHaveLength(12);
    expect(m.notes).toEqual([]);
  });

  it('k8s prometheus, traefik, loki, alertmanager: every relation gets both endpoints; what show-unit has that status does not is left out', () => {
    const shows = ['prometheus0', 'prometheus1', 'traefik0', 'loki0', 'alertmanager0'].map((u) => file(`show-unit/k8s-${u}_None_show.json`));
    const m = parseStatus(file(K8S), shows);
    expect(rels(m)).toEqual(COS_RELATIONS);
    expect(m.relations.filter((r) => r.source === 'show-unit').map(formatRelation)).toEqual([
      'alertmanager:alerting prometheus:alertmanager',
      'alertmanager:self-metrics-endpoint prometheus:metrics-endpoint',
      'alertmanager:grafana-dashboard grafana:grafana-dashboard',
      'alertmanager:grafana-source grafana:grafana-source',
      'grafana:grafana-dashboard loki:grafana-dashboard',
      'grafana:grafana-source loki:grafana-source',
      'grafana:grafana-dashboard prometheus:grafana-dashboard',
      'grafana:grafana-source prometheus:grafana-source',
      'grafana:metrics-endpoint prometheus:metrics-endpoint',
      'prometheus:ingress traefik:ingress-per-unit',
      'prometheus:metrics-endpoint traefik:metrics-endpoint',
    ]);
    expect(m.notes).toEqual([
      'show-unit/k8s-alertmanager0_None_show.json: relation 23 of alertmanager/0 (alertmanager:ingress) is with "remote-38811d7f76ad47ac84be46b165e53828" (a cross-model relation to another model), which is not in status, so it is left out',
      'show-unit/k8s-traefik0_None_show.json: relation 25 (grafana:grafana-dashboard traefik:grafana-dashboard) is not in status, so it is left out',
      'show-unit/k8s-traefik0_None_show.json: relation 24 (loki:logging traefik:logging) is not in status, so it is left out',
      'show-unit/k8s-loki0_None_show.json: relation 24 (loki:logging traefik:logging) is not in status, so it is left out',
    ]);
    // traefik/0's view of its route for grafana: grafana's application bag, and grafana/0's.
    const route = m.databags.filter((d) => d.relation.a.app === 'grafana' && d.relation.b.endpoint === 'traefik-route');
    expect(route.map((d) => d.owner)).toEqual(['grafana', 'grafana/0']);
    expect(route[0]?.data['config']).toContain('juju-clite-grafana-router');
    // Both prometheus units show the same remote bags: kept once.
    const keys = m.databags.map((d) => `${formatRelation(d.relation)} ${d.owner}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(m.databags.filter((d) => d.owner === 'prometheus/1').length).toBeGreaterThan(0);
  });

  it('cross-model: the offer is kept, the consumer in another model is noted, not invented', () => {
    const m = parseStatus(file(CMRS), [file('show-unit/cmrs-alertmanager0_clite_show.json')]);
    expect(m.bundle.offers).toEqual(['alertmanager']);
    expect(m.bundle.saas).toEqual([]);
    expect(m.notes[0]).toContain('relation 23 of alertmanager/0 (alertmanager:ingress) is with "remote-38811d7f76ad47ac84be46b165e53828" (a cross-model relation to another model)');
    expect(rels(m)).toContain('alertmanager:alerting prometheus:alertmanager');
    expect(m.relations.filter((r) => r.b.endpoint === null)).toHaveLength(7);
  });

  it('grafana/0 as YAML (with trailing commas): databags for the peer and the regular relations, units status lacks noted', () => {
    const m = parseStatus(file(COS), [file('show-unit/juju-doctor-cos-lite.show-unit.grafana-0.yaml')]);
    expect(rels(m)).toEqual(COS_RELATIONS);
    const peer = m.databags.find((d) => d.owner === 'grafana' && d.relation.a.endpoint === 'grafana');
    expect(peer?.relation).toEqual({ a: { app: 'grafana', endpoint: 'grafana' }, b: { app: 'grafana', endpoint: 'grafana' } });
    expect(Object.keys(peer?.data ?? {})).toEqual(['dashboards', 'replica_primary', 'sources', 'sources_to_delete']);
    const route = m.databags.find((d) => d.owner === 'traefik' && d.relation.b.endpoint === 'traefik-route');
    expect(route?.relation).toEqual({ a: { app: 'grafana', endpoint: 'ingress' }, b: { app: 'traefik', endpoint: 'traefik-route' } });
    expect(Object.keys(route?.data ?? {})).toEqual(['external_host', 'scheme']);
    // The show-unit comes from a model with two units of each; status has one.
    expect(m.notes.every((n) => /has unit "(grafana|loki|prometheus|alertmanager)\/1" on the other side, which is not in status/.test(n))).toBe(true);
    expect(m.databags.some((d) => d.owner.endsWith('/1'))).toBe(false);
  });

  it('show-unit names a relation\'s other side and the leader where status does not', () => {
    const status = JSON.stringify({
      model: { name: 'm', type: 'iaas', version: '3.1.2' },
      applications: {
        a: { charm: 'a', relations: { x: ['b'], y: ['b'] }, units: { 'a/4': { machine: '0' } } },
        b: { charm: 'b', relations: { p: ['a'], q: ['a'] }, units: { 'b/7': { machine: '1', leader: true } } },
      },
    });
    const xq = { endpoint: 'x', 'related-endpoint': 'q', 'application-data': { k: 'v' }, 'related-units': { 'b/7': { 'in-scope': true, data: { n: 1 } } } };
    // No unit of b in scope: b is the only application status lists on a:y, and b:p lists a.
    const yp = { endpoint: 'y', 'related-endpoint': 'p', 'application-data': {} };
    const bare = parseStatus({ name: 's.json', text: status });
    expect(rels(bare)).toEqual(['a:x b', 'a:y b']);
    expect(bare.relations.map((r) => r.candidates)).toEqual([
      { a: ['x'], b: ['p', 'q'] },
      { a: ['y'], b: ['p', 'q'] },
    ]);
    // x–q alone does not settle y: it could be with p or with q too.
    const half = parseStatus({ name: 's.json', text: status }, [{ name: 'a4.yaml', text: stringify({ 'a/4': { 'relation-info': [xq] } }) }]);
    expect(rels(half)).toEqual(['a:x b:q', 'a:y b']);
    const m = parseStatus({ name: 's.json', text: status }, [{ name: 'a4.yaml', text: stringify({ 'a/4': { leader: true, 'relation-info': [xq, yp] } }) }]);
    expect(rels(m)).toEqual(['a:x b:q', 'a:y b:p']);
    expect(m.relations.map((r) => r.source)).toEqual(['show-unit', 'show-unit']);
    expect(leaders(m)).toEqual({ a: ['a/4'], b: ['b/7'] });
    expect(m.notes).toEqual(['application "a": status marks no leader; a4.yaml says a/4 is']);
    expect(m.databags).toEqual([
      { relation: { a: { app: 'a', endpoint: 'x' }, b: { app: 'b', endpoint: 'q' } }, owner: 'b', data: { k: 'v' } },
      { relation: { a: { app: 'a', endpoint: 'x' }, b: { app: 'b', endpoint: 'q' } }, owner: 'b/7', data: { n: '1' } },
      { relation: { a: { app: 'a', endpoint: 'y' }, b: { app: 'b', endpoint: 'p' } }, owner: 'b', data: {} },
    ]);
  });
});

describe('saas and the older names', () => {
  it('remote applications take part in relations; their endpoints give the interface', () => {
    const status = stringify({
      model: { name: 'm', type: 'iaas' },
      machines: { '0': { containers: { '0/lxd/1': {} } } },
      applications: {
        app: { charm: 'ch:amd64/jammy/postgresql-14', relations: { db: ['remote-db'] }, units: { 'app/2': { machine: '0/lxd/1', leader: true } } },
      },
      'application-endpoints': { 'remote-db': { url: 'c:admin/other.db', endpoints: { database: { interface: 'pgsql', role: 'provider' } }, relations: { database: ['app'] } } },
    });
    const m = parseStatus({ name: 's.yaml', text: status });
    expect(m.bundle.saas).toEqual(['remote-db']);
    expect(m.bundle.applications.get('app')?.charm).toEqual({ raw: 'ch:amd64/jammy/postgresql-14', kind: 'name', name: 'postgresql' });
    expect(m.bundle.machines).toEqual(['0', '0/lxd/1']);
    expect(m.units.get('app')?.[0]?.machine).toBe('0/lxd/1');
    expect(rels(m)).toEqual(['app:db remote-db:database']);
    expect(m.relations[0]).toMatchObject({ interface: 'pgsql', line: 13 });
  });
  it('Juju 2.x: remote-applications, a cs: charm URL without charm-name, no model type (taken from scale)', () => {
    const status = JSON.stringify({
      model: { name: 'old', version: '2.9.42' },
      applications: {
        easyrsa: { charm: 'cs:~containers/easyrsa-123', scale: 3, relations: { client: ['vault'] }, units: { 'easyrsa/5': { leader: true }, 'easyrsa/6': { leader: true } } },
      },
      'remote-applications': { vault: { endpoints: { certificates: { interface: 'tls-certificates', role: 'provider' } }, relations: { certificates: ['easyrsa'] } } },
    });
    const m = parseStatus({ name: 'old.json', text: status });
    expect(m.model).toEqual({ name: 'old', type: 'kubernetes', version: '2.9.42' });
    expect(m.bundle.applications.get('easyrsa')).toMatchObject({ charm: { raw: 'cs:~containers/easyrsa-123', kind: 'name', name: 'easyrsa' }, units: 2 });
    expect(m.bundle.saas).toEqual(['vault']);
    expect(rels(m)).toEqual(['easyrsa:client vault:certificates']);
    expect(m.relations[0]?.interface).toBe('tls-certificates');
    expect(leaders(m)).toEqual({ easyrsa: ['easyrsa/5'] });
    expect(m.notes).toEqual([
      "the model's type is not in status; taken as Kubernetes (applications have a scale)",
      'application "easyrsa": scale is 3 but status shows 2 units; the model has the units status shows',
      'application "easyrsa": status marks easyrsa/5 and easyrsa/6 leader; easyrsa/5 is taken',
    ]);
  });
});

describe('problems name the file and the line', () => {
  it('bad JSON', () => {
    expect(problems({ name: 'bad.json', text: '{\n  "model": {},\n  "applications": {\n    "a": { "charm": "x" ,, }\n  }\n}\n' })).toEqual([expect.stringMatching(/^bad\.json:4: bad JSON: /)]);
  });

  it('bad YAML', () => {
    expect(problems({ name: 'bad.yaml', text: 'model:\n  name: m\napplications:\n  a: [unclosed\n  b: {}\n' })[0]).toMatch(/^bad\.yaml:\d: bad YAML: /);
  });

  it('a file without applications', () => {
    expect(problems({ name: 'x.yaml', text: 'model:\n  name: m\n' })).toEqual(['x.yaml:1: no "applications": not the output of juju status --format=json or --format=yaml']);
    expect(problems({ name: 'x.json', text: '[1, 2]' })).toEqual(['x.json:1: no "applications": not the output of juju status --format=json or --format=yaml']);
  });

  it('unit names that are not application/number, or under another application', () => {
    const text = 'model:\n  type: iaas\napplications:\n  a:\n    charm: a\n    units:\n      a/x:\n        leader: true\n      b/0: {}\n      a/1:\n        subordinates:\n          nope: {}\n';
    expect(problems({ name: 's.yaml', text })).toEqual([
      's.yaml:7: unit "a/x": a unit is named application/number',
      's.yaml:9: unit "b/0" is listed under application "a"',
      's.yaml:12: unit "nope": a unit is named application/number',
    ]);
    const json = JSON.stringify({ model: {}, applications: { a: { charm: 'a', units: { 'a/0': {}, 'a-0': {} } } } }, null, 2);
    expect(problems({ name: 's.json', text: json })).toEqual(['s.json:8: unit "a-0": a unit is named application/number']);
  });

  it('a bad show-unit file is named, not the status', () => {
    expect(problems(file(MACHINE), [{ name: 'show.json', text: '{"kafka-0": {}}' }])).toEqual(['show.json:1: "kafka-0" is not a unit name: juju show-unit output is a mapping of unit names']);
    expect(problems(file(MACHINE), [{ name: 'show.yaml', text: 'kafka/0:\n  relation-info:\n    - endpoint: x\n' }])).toEqual(['show.yaml:3: unit "kafka/0": a relation-info entry without "endpoint" and "related-endpoint"']);
  });

  it('refuses more than 8 MB, and more than 5,000 units', () => {
    expect(problems({ name: 'big.json', text: ' '.repeat(8 * 1024 * 1024 + 1) })).toEqual(['big.json:1: more than 8 MB: not a juju status relviz will read']);
    const units = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`a/${i}`, {}]));
    expect(problems({ name: 'many.json', text: JSON.stringify({ model: {}, applications: { a: { charm: 'a', units } } }) })).toEqual(['many.json:1: 5001 units, more than the 5000 relviz simulates']);
  });
});

describe('isStatusText', () => {
  it('knows status from bundles and show-unit output', () => {
    for (const f of ['status/jubilant-database_webapp.status.json', 'status/jubilant-minimal.status.json', COS, K8S, MACHINE]) expect(isStatusText(file(f).text)).toBe(true);
    for (const f of ['bundles/cos-lite/bundle.yaml', 'bundles/masterworker/bundle.yaml', 'show-unit/machine-kafka0_None_show.json']) expect(isStatusText(file(f).text)).toBe(false);
    expect(isStatusText('{"applications": {}, "relations": []}')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------
// Random models rendered as status, in both shapes, read back.

interface Gen {
  apps: Array<{ name: string; endpoints: Array<{ name: string; iface: string }>; peer: boolean; units: number[]; leader: number | null }>;
  relations: Array<[string, string, string, string]>; // appA, epA, appB, epB
}

const genModel: fc.Arbitrary<Gen> = fc
  .uniqueArray(fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'eps'), { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc
      .tuple(
        ...names.map((name) =>
          fc.record({
            name: fc.constant(name),
            endpoints: fc.uniqueArray(fc.record({ name: fc.constantFrom('db', 'web', 'mon', 'logs', 'x-y'), iface: fc.constantFrom('i1', 'i2') }), { selector: (e) => e.name, minLength: 1, maxLength: 4 }),
            peer: fc.boolean(),
            units: fc.uniqueArray(fc.nat(30), { maxLength: 3 }),
            leader: fc.option(fc.nat(2), { nil: null }),
          }),
        ),
      )
      .chain((apps) => {
        const candidates: Array<[string, string, string, string]> = [];
        for (const a of apps) for (const b of apps) if (a.name < b.name) for (const x of a.endpoints) for (const y of b.endpoints) if (x.iface === y.iface) candidates.push([a.name, x.name, b.name, y.name]);
        return fc.subarray(candidates).map((relations) => ({ apps: apps.map((a) => ({ ...a, leader: a.leader !== null && a.leader < a.units.length ? a.leader : null })), relations }));
      }),
  );

function render(g: Gen, shape: 'names' | 'objects', format: 'json' | 'yaml'): string {
  const applications: Record<string, unknown> = {};
  for (const app of g.apps) {
    const relations: Record<string, unknown[]> = {};
    const ifaceOf = (ep: string) => (app.endpoints.find((e) => e.name === ep)?.iface ?? `${app.name}_peers`) as string;
    const add = (ep: string, other: string) => {
      // Juju lists each other application once per endpoint, sorted.
      const names = new Set([...(relations[ep] ?? []).map((x) => (typeof x === 'string' ? x : (x as { 'related-application': string })['related-application'])), other]);
      relations[ep] = [...names].sort().map((n) => (shape === 'names' ? n : { 'related-application': n, interface: ifaceOf(ep), scope: 'global' }));
    };
    for (const [a, x, b, y] of g.relations) {
      if (a === app.name) add(x, b);
      if (b === app.name) add(y, a);
    }
    if (app.peer) add('peers', app.name);
    const units: Record<string, unknown> = {};
    app.units.forEach((n, i) => (units[`${app.name}/${n}`] = { machine: String(i), ...(app.leader === i ? { leader: true } : {}) }));
    applications[app.name] = { charm: app.name, 'charm-name': app.name, ...(Object.keys(relations).length > 0 ? { relations } : {}), units };
  }
  const status = { model: { name: 'gen', type: 'iaas', version: shape === 'names' ? '3.1.2' : '3.6.1' }, machines: {}, applications };
  return format === 'json' ? JSON.stringify(status, null, 2) : stringify(status);
}

const key = (a: string, x: string | null, b: string, y: string | null) => (a < b ? `${a}:${x ?? '?'} ${b}:${y ?? '?'}` : `${b}:${y ?? '?'} ${a}:${x ?? '?'}`);

describe('random models read back from their status', () => {
  const shapes = [
    ['names', 'json'],
    ['objects', 'json'],
    ['names', 'yaml'],
    ['objects', 'yaml'],
  ] as const;
  it.each(shapes)('%s shape as %s: same applications, units, leaders, peers; every relation named is real, every real one is there', (shape, format) => {
    fc.assert(
      fc.property(genModel, (g) => {
        const m = parseStatus({ name: `gen.${format}`, text: render(g, shape, format) });
        expect([...m.bundle.applications.keys()]).toEqual(g.apps.map((a) => a.name));
        for (const app of g.apps) {
          expect(m.units.get(app.name)?.map((u) => [u.number, u.leader])).toEqual(app.units.map((n, i) => [n, app.leader === i]));
          expect(m.bundle.applications.get(app.name)?.units).toBe(app.units.length);
        }
        expect(m.peers.map((p) => p.app)).toEqual(g.apps.filter((a) => a.peer).map((a) => a.name));
        const real = new Set(g.relations.map(([a, x, b, y]) => key(a, x, b, y)));
        for (const r of m.relations) if (r.a.endpoint !== null && r.b.endpoint !== null) expect(real).toContain(key(r.a.app, r.a.endpoint, r.b.app, r.b.endpoint));
        for (const [a, x, b, y] of g.relations) {
          const covered = m.relations.some((r) => key(r.a.app, r.a.endpoint, r.b.app, r.b.endpoint) === key(a, x, b, y) || (r.a.endpoint === null || r.b.endpoint === null ? [key(a, x, b, null), key(a, null, b, y)].includes(key(r.a.app, r.a.endpoint, r.b.app, r.b.endpoint)) : false));
          expect(covered).toBe(true);
        }
        // Unambiguous models come back exactly: one relation per pair of applications (names), or per interface (objects).
        const per = new Map<string, number>();
        for (const [a, x, b] of g.relations) {
          const iface = g.apps.find((p) => p.name === a)?.endpoints.find((e) => e.name === x)?.iface;
          const k = shape === 'names' ? `${a} ${b}` : `${a} ${b} ${iface}`;
          per.set(k, (per.get(k) ?? 0) + 1);
        }
        if ([...per.values()].every((n) => n === 1)) {
          expect(new Set(m.relations.map((r) => key(r.a.app, r.a.endpoint, r.b.app, r.b.endpoint)))).toEqual(real);
          expect(m.notes).toEqual(g.apps.filter((a) => a.units.length > 0 && a.leader === null).map((a) => `application "${a.name}": status marks no unit leader`));
        }
      }),
      { numRuns: 150 },
    );
  });
});
