/**
 * "Export this hook as an ops.testing test": the state each hook's unit saw, the event
 * and the assertions, on the catalog examples; valid Python for every hook of every
 * example; and, over random scripts, that the exported state is what the unit could
 * read through its hook tools at that moment — as exported, and as Python reads the
 * module back.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allEndpoints, findEndpoint } from '../../src/engine/charm.ts';
import { HookContext } from '../../src/engine/context.ts';
import { runToolLine } from '../../src/engine/hooktools.ts';
import { opOfRecord } from '../../src/engine/runner.ts';
import type { Timeline } from '../../src/engine/timeline.ts';
import type { HookRecord } from '../../src/engine/trace.ts';
import { ExportError, exportHook, findHook, unitHooks, type Bag, type ExportedHook, type FoundHook } from '../../src/io/exportState.ts';
import { RELVIZ_VERSION, STORY_LIMIT, hookTestModule, testFileName, unitStoryModule } from '../../src/io/exportTest.ts';
import { deployArb, opArb, runOps, RUNS } from '../engine/generators.ts';
import { sim } from '../helpers.ts';
import { NO_PYTHON, bagOf, dictOf, pyCompile, readBack, type PyJson, type ReadTest } from './python.ts';

const SOURCE = { from: 'test' };

function example(name: string): Timeline {
  return sim(readFileSync(`examples/${name}.juju`, 'utf8'), { seed: 1 }).timeline;
}

/** The nth hook of `unit` matching `test` (in history order). */
function nthHook(t: Timeline, unit: string, test: (r: HookRecord) => boolean, nth = 0): FoundHook {
  const found = unitHooks(t, unit).filter((h) => test(h.record))[nth];
  if (!found) throw new Error(`no such hook of ${unit}`);
  return found;
}

const kind = (k: HookRecord['kind'], remote?: string) => (r: HookRecord) => r.kind === k && (remote === undefined || r.remoteUnit === remote);

describe('what a hook looked like from inside (masterworker)', () => {
  const t = example('masterworker');

  it("a follower worker's master-relation-joined: the master's unit bag (Juju's addresses), no leadership, its own app bag refused", () => {
    const h = exportHook(t, nthHook(t, 'worker/1', kind('relation-joined')));
    expect(h.state).toMatchObject({ unit: 'worker/1', app: 'worker', unitId: 1, leader: false });
    expect(h.state.relations).toHaveLength(1);
    const [rel] = h.state.relations;
    expect(rel).toMatchObject({ type: 'Relation', id: 0, endpoint: 'master', interface: 'exchange', remoteApp: 'master', listed: true, localAppData: null, remoteAppData: {} });
    expect(rel?.units).toEqual([{ id: 0, name: 'master/0', data: { 'egress-subnets': '10.0.0.10/32', 'ingress-address': '10.0.0.10', 'private-address': '10.0.0.10' } }]);
    expect(rel?.localUnitData).toEqual({ 'egress-subnets': '10.0.0.12/32', 'ingress-address': '10.0.0.12', 'private-address': '10.0.0.12' });
    expect(h.event).toEqual({ method: 'relation_joined', relationId: 0, remoteUnit: 0, departingUnit: null, action: null });
    const text = hookTestModule(t, 'worker/1', h.seq, SOURCE);
    expect(text).toContain('event = ctx.on.relation_joined(master_0, remote_unit=0)');
    expect(text).toContain("local_app_data={},  # relation-get refuses it: worker/1 is not the leader");
    expect(text).toContain("ctx = testing.Context(MyCharm, meta=META, actions=ACTIONS, app_name='worker', unit_id=1)");
    expect(text).toContain('leader=False,');
  });

  it("the leader worker's joined: its application bag is readable, and the unchanged bags are asserted", () => {
    const h = exportHook(t, nthHook(t, 'worker/0', kind('relation-joined')));
    expect(h.state.leader).toBe(true);
    expect(h.state.relations[0]?.localAppData).toEqual({});
    const text = hookTestModule(t, 'worker/0', h.seq, SOURCE);
    expect(text).toContain('assert out_master_0.local_app_data == master_0.local_app_data');
  });

  it("the master's relation-changed: what it committed before (its keys) is in its own bag, and the status it set is asserted", () => {
    const found = nthHook(t, 'master/0', (r) => r.kind === 'relation-changed' && r.remoteUnit === 'worker/1');
    const h = exportHook(t, found);
    expect(h.state.leader).toBe(true);
    const rel = h.state.relations[0];
    expect(rel?.localAppData).toEqual({});
    expect(Object.keys(rel?.localUnitData ?? {})).toEqual(expect.arrayContaining(['worker/0-worker-key', 'worker/1-worker-key']));
    expect(rel?.units.map((u) => u.name)).toEqual(['worker/0', 'worker/1']);
    const text = hookTestModule(t, 'master/0', h.seq, SOURCE);
    expect(text).toContain("assert state_out.unit_status == testing.ActiveStatus('Related Workers: 2')");
    expect(text).toContain('assert out_master_application_0.local_unit_data == master_application_0.local_unit_data');
  });

  it("the master's departed for worker/1: worker/1 is out of relation-list, the event names it departing, the key removal is asserted", () => {
    const h = exportHook(t, nthHook(t, 'master/0', kind('relation-departed', 'worker/1')));
    expect(h.state.relations[0]?.units.map((u) => u.name)).toEqual(['worker/0']);
    expect(h.event).toMatchObject({ method: 'relation_departed', remoteUnit: 1, departingUnit: 1 });
    const text = hookTestModule(t, 'master/0', h.seq, SOURCE);
    expect(text).toContain('event = ctx.on.relation_departed(master_application_0, remote_unit=1, departing_unit=1)');
    expect(text).toMatch(/assert 'worker\/1-worker-key' not in out_master_application_0\.local_unit_data {2}# was '[0-9A-F]{4}'/);
    expect(text).toContain("Juju still lets this hook read worker/1's bag");
  });

  it("worker/1's own departed: JUJU_DEPARTING_UNIT is itself, which ops.testing cannot name, and the test says so", () => {
    const h = exportHook(t, nthHook(t, 'worker/1', kind('relation-departed')));
    expect(h.departingUnit).toBe('worker/1');
    expect(h.event).toMatchObject({ remoteUnit: 0, departingUnit: 1 });
    expect(hookTestModule(t, 'worker/1', h.seq, SOURCE)).toContain('JUJU_DEPARTING_UNIT is worker/1, the unit itself');
  });

  it("the master's broken after remove-relation: relation-ids no longer lists it, relation-list is empty, it is still the event's relation", () => {
    const h = exportHook(t, nthHook(t, 'master/0', kind('relation-broken')));
    expect(h.state.relations).toHaveLength(1);
    expect(h.state.relations[0]).toMatchObject({ id: 0, listed: false, units: [] });
    expect(h.event).toMatchObject({ method: 'relation_broken', relationId: 0, remoteUnit: null });
    const text = hookTestModule(t, 'master/0', h.seq, SOURCE);
    expect(text).toContain('event = ctx.on.relation_broken(master_application_0)');
    expect(text).toContain('relation-ids no longer lists relation 0');
  });

  it('an action: its parameters as the unit got them, and the key it wrote', () => {
    const h = exportHook(t, nthHook(t, 'master/0', kind('action')));
    expect(h.event).toEqual({ method: 'action', relationId: null, remoteUnit: null, departingUnit: null, action: { name: 'broadcast-message', params: { message: 'Hello there' } } });
    const text = hookTestModule(t, 'master/0', h.seq, SOURCE);
    expect(text).toContain("event = ctx.on.action('broadcast-message', params={'message': 'Hello there'})");
    expect(text).toContain("assert out_master_application_0.local_unit_data['message'] == 'Hello there'");
    expect(text).toContain("'broadcast-message': {\n        'description': 'The message to broadcast via relations.',\n        'params': {'message': {'type': 'string'}},\n    },");
  });

  it('install: the status Juju sets as it begins, and no relation', () => {
    const h = exportHook(t, nthHook(t, 'worker/0', kind('install')));
    expect(h.state).toMatchObject({ status: { workload: 'maintenance', message: 'installing charm software' }, relations: [] });
    expect(hookTestModule(t, 'worker/0', h.seq, SOURCE)).toContain("unit_status=testing.MaintenanceStatus('installing charm software'),");
  });

  it("leader-settings-changed, which ops.testing cannot run: the test is there, skipped, saying why", () => {
    const h = exportHook(t, nthHook(t, 'worker/1', kind('leader-settings-changed')));
    const text = hookTestModule(t, 'worker/1', h.seq, SOURCE);
    expect(text).toContain("@pytest.mark.skip(reason='ops.testing has no leader_settings_changed event to run (Juju 3.6 ran it here)')\ndef test_worker_1_");
    expect(text).toMatch(/^import pytest$/m);
  });

  it('a module names its source, seed, hook and charm, and imports a placeholder charm class', () => {
    const h = exportHook(t, nthHook(t, 'worker/0', kind('relation-joined')));
    const text = hookTestModule(t, 'worker/0', h.seq, { from: 'examples/masterworker.juju', regenerate: 'npm run --silent sim -- x' });
    expect(text.split('\n').slice(0, 3)).toEqual([
      `# Generated by relviz ${RELVIZ_VERSION} from examples/masterworker.juju (seed 1, Juju 3.6).`,
      `# worker/0's master-relation-joined: seq ${h.seq}, tick ${h.tick}, after \`juju relate master worker\`.`,
      '# Regenerate: npm run --silent sim -- x',
    ]);
    expect(text).toContain('from charm import MyCharm  # TODO: your charm class');
    expect(text).toContain('relviz ran its "worker" charm, not your code');
    expect(text).toContain(`def test_worker_0_${h.seq}_master_relation_joined():`);
    expect(text).toContain("META = {'name': 'worker', 'requires': {'master': {'interface': 'exchange'}}}");
    expect(text).not.toMatch(/^import pytest$/m);
  });

  it("a unit's story: one test per hook it ran, in order, with one META", () => {
    const text = unitStoryModule(t, 'worker/1', SOURCE);
    const names = [...text.matchAll(/^def (test_\w+)\(\):$/gm)].map((m) => m[1]);
    expect(names).toEqual(unitHooks(t, 'worker/1').map((h) => `test_worker_1_${h.record.seq}_${h.record.hook.replaceAll('-', '_')}`));
    expect(text.match(/^META = /gm)).toHaveLength(1);
    expect(text).toContain(`# worker/1's story: its ${names.length} hooks`);
  });
});

describe('the other catalog examples', () => {
  it('peers: a PeerRelation with the other units in peers_data (never the unit itself) and the leader app bag readable', () => {
    const t = example('peers-leader');
    const found = nthHook(t, 'postgresql/1', (r) => r.kind === 'relation-changed' && r.remoteUnit === 'postgresql/0');
    const h = exportHook(t, found);
    const rel = h.state.relations.find((r) => r.endpoint === 'replicas');
    expect(rel).toMatchObject({ type: 'PeerRelation', remoteApp: 'postgresql' });
    expect(rel?.units.map((u) => u.name)).not.toContain('postgresql/1');
    expect(rel?.localAppData).not.toBeNull();
    expect(hookTestModule(t, 'postgresql/1', h.seq, SOURCE)).toMatch(/replicas_\d+ = testing\.PeerRelation\(\n(?:.*\n)*? {8}peers_data=\{/);
  });

  it("peers: the leader's app-level relation-changed for its own write says ops.testing cannot leave the remote unit empty", () => {
    const t = example('peers-leader');
    const h = exportHook(t, nthHook(t, 'postgresql/0', (r) => r.kind === 'relation-changed' && r.remoteUnit === null));
    expect(h.event).toMatchObject({ method: 'relation_changed', remoteUnit: null });
    const text = hookTestModule(t, 'postgresql/0', h.seq, SOURCE);
    expect(text).toMatch(/event = ctx\.on\.relation_changed\(replicas_\d+\)\n/);
    expect(text).toContain("Juju ran this with JUJU_REMOTE_UNIT empty: the application's peer bag changed");
  });

  it('subordinates: a SubordinateRelation to the principal unit; before joined, relation-list is empty and the test says ops lists it anyway', () => {
    const t = example('subordinates');
    const joined = exportHook(t, nthHook(t, 'telegraf/0', kind('relation-joined')));
    expect(joined.state.relations[0]).toMatchObject({ type: 'SubordinateRelation', remoteApp: 'ubuntu', units: [{ id: 0, name: 'ubuntu/0' }], attached: null });
    const joinedText = hookTestModule(t, 'telegraf/0', joined.seq, SOURCE);
    expect(joinedText).toContain('event = ctx.on.relation_joined(juju_info_0, remote_unit=0)');
    expect(joinedText).toMatch(/ {8}remote_unit_id=0,\n/);
    expect(joinedText).toContain("'subordinate': True,");
    const created = exportHook(t, nthHook(t, 'telegraf/0', kind('relation-created')));
    expect(created.state.relations[0]).toMatchObject({ units: [], attached: { id: 0, name: 'ubuntu/0' } });
    expect(hookTestModule(t, 'telegraf/0', created.seq, SOURCE)).toContain('relation-list is empty in this hook; a SubordinateRelation always has its one remote unit');
  });

  it('a failed hook: a test that expects the charm to raise', () => {
    const t = example('failures');
    const failed = [...t.fullTrace].find((r): r is HookRecord => r.type === 'hook' && r.result === 'error');
    if (!failed) throw new Error('failures.juju has no failed hook');
    const text = hookTestModule(t, failed.unit, failed.seq, SOURCE);
    expect(text).toContain('with pytest.raises(testing.errors.UncaughtCharmError):\n        ctx.run(event, state_in)');
    expect(text).toContain('relviz injected that failure');
    expect(text).not.toContain('state_out');
  });
});

describe('asking for a hook there is not', () => {
  const t = example('masterworker');

  it('names the units there are, the hooks of the unit, or whose the seq is', () => {
    expect(() => unitHooks(t, 'worker/9')).toThrow(new ExportError('no hook of unit "worker/9" in this history (units that ran hooks: master/0, worker/0, worker/1)'));
    const masters = unitHooks(t, 'master/0');
    const mine = masters[0] as FoundHook;
    expect(() => findHook(t, 'worker/0', mine.record.seq)).toThrow(`seq ${mine.record.seq} is master/0's install, not a hook of worker/0`);
    expect(() => findHook(t, 'worker/0', 9999)).toThrow(/^no seq 9999 in this history; worker\/0's hooks are seq \d+, /);
    const exec = [...t.fullTrace].find((r) => r.type === 'exec');
    if (exec?.type === 'exec') expect(() => findHook(t, 'worker/0', exec.seq)).toThrow(`seq ${exec.seq} is a juju exec on ${exec.unit}, not a hook`);
  });

  it('an empty history has no unit to export', () => {
    expect(() => unitHooks(sim('').timeline, 'a/0')).toThrow(/no unit has run a hook/);
  });
});

describe('module facts', () => {
  it("RELVIZ_VERSION is package.json's version", () => {
    expect(RELVIZ_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('file names: test_<unit>_<seq>.py, or _story for a whole unit', () => {
    expect(testFileName('master/0', 17)).toBe('test_master_0_17.py');
    expect(testFileName('guide-postgresql/12')).toBe('test_guide_postgresql_12_story.py');
  });

  it(`a story stops at ${STORY_LIMIT} hooks and says so`, () => {
    const t = sim(`juju deploy postgresql -n 3\n${'juju add-unit postgresql\njuju remove-unit postgresql/3\n'.repeat(0)}`).timeline;
    for (let i = 3; i < 70; i++) {
      t.apply({ type: 'add-unit', app: 'postgresql', units: 1 });
      t.apply({ type: 'remove-unit', units: [`postgresql/${i}`] });
    }
    const all = unitHooks(t, 'postgresql/0').length;
    expect(all).toBeGreaterThan(STORY_LIMIT);
    const text = unitStoryModule(t, 'postgresql/0', SOURCE);
    expect(text.match(/^def test_/gm)).toHaveLength(STORY_LIMIT);
    expect(text).toContain(`It ran ${all} hooks; this module stops at the first ${STORY_LIMIT}`);
  });
});

describe.skipIf(NO_PYTHON)('valid Python (python3 compiles it)', () => {
  it("every unit's story of every example", () => {
    const modules: Record<string, string> = {};
    for (const name of ['masterworker', 'peers-leader', 'subordinates', 'failures', 'ops-guide']) {
      const t = example(name);
      const units = new Set([...t.fullTrace].flatMap((r) => (r.type === 'hook' ? [r.unit] : [])));
      for (const unit of units) modules[`${name}_${testFileName(unit)}`] = unitStoryModule(t, unit, SOURCE);
    }
    expect(Object.keys(modules).length).toBeGreaterThan(20);
    pyCompile(modules);
  });
});

// ---------------------------------------------------------------------------------
// The property: the exported state is what the unit could read through its hook tools.

interface ToolsView {
  leader: boolean;
  /** relation-ids over every endpoint of the charm. */
  ids: number[];
  relations: Map<number, { list: string[]; app: string; get: (target: string, app?: boolean) => Bag | null }>;
}

/** What the unit's hook tools answer just before the hook, as command lines in a context built like the hook's. */
function toolsBefore(t: Timeline, found: FoundHook): ToolsView {
  const r = found.record;
  const before = t.stateAt(t.tickOfRecord(found.index));
  const unit = before.units.get(r.unit);
  const meta = unit && before.apps.get(unit.app)?.meta;
  if (!unit || !meta) throw new Error(`no ${r.unit} before seq ${r.seq}`);
  const queued = unit.agent.actions[0];
  const ctx = new HookContext(before, unit, opOfRecord(r, r.kind === 'action' && queued ? queued : null));
  const sh = (line: string): unknown => {
    const out = runToolLine(ctx, line);
    return out.exitCode === 0 ? (JSON.parse(out.stdout) as unknown) : null;
  };
  const ids = allEndpoints(meta).flatMap((ep) => (sh(`relation-ids --format json ${ep.name}`) as string[]).map((n) => Number(n.slice(n.lastIndexOf(':') + 1))));
  const relations = new Map<number, { list: string[]; app: string; get: (target: string, app?: boolean) => Bag | null }>();
  for (const id of new Set([...ids, ...(r.relationId === null ? [] : [r.relationId])])) {
    relations.set(id, {
      list: (sh(`relation-list --format json -r ${id}`) as string[] | null) ?? [],
      app: runToolLine(ctx, `relation-list --app -r ${id}`).stdout.trim(),
      get: (target, app = false) => sh(`relation-get --format json -r ${id}${app ? ' --app' : ''} - ${target}`) as Bag | null,
    });
  }
  return { leader: sh('is-leader --format json') as boolean, ids: [...ids].sort((a, b) => a - b), relations };
}

/** A relation as ops.testing gets it: the units it will list (a SubordinateRelation's one unit, listed or not) and the bags. */
interface ScenarioRelation {
  type: string;
  id: number;
  endpoint: string;
  remoteApp: string | null;
  localAppData: Bag;
  localUnitData: Bag;
  remoteAppData: Bag | null;
  units: Array<{ id: number; data: Bag }>;
}

function fromExport(h: ExportedHook): { leader: boolean; relations: ScenarioRelation[] } {
  return {
    leader: h.state.leader,
    relations: h.state.relations.map((r) => {
      const sub = r.units[0] ?? r.attached;
      return {
        type: r.type,
        id: r.id,
        endpoint: r.endpoint,
        remoteApp: r.type === 'PeerRelation' ? null : r.remoteApp,
        localAppData: r.localAppData ?? {},
        localUnitData: r.localUnitData,
        remoteAppData: r.type === 'PeerRelation' ? null : r.remoteAppData,
        units: r.type === 'SubordinateRelation' ? (sub ? [{ id: sub.id, data: sub.data }] : []) : r.units.map((u) => ({ id: u.id, data: u.data })),
      };
    }),
  };
}

function fromPython(test: ReadTest): { leader: boolean; relations: ScenarioRelation[] } {
  const names = ((test.state?.['relations'] ?? []) as Array<{ name: string }>).map((n) => n.name);
  return {
    leader: test.state?.['leader'] as boolean,
    relations: names.map((name) => {
      const rel = test.relations[name];
      if (!rel) throw new Error(`State names ${name}, which the test does not build`);
      const kw = rel.kw;
      const unitsOf = (v: PyJson | undefined) => dictOf(v).map(([id, data]) => ({ id: id as number, data: bagOf(data) }));
      return {
        type: rel.type,
        id: kw['id'] as number,
        endpoint: kw['endpoint'] as string,
        remoteApp: rel.type === 'PeerRelation' ? null : (kw['remote_app_name'] as string),
        localAppData: bagOf(kw['local_app_data']),
        localUnitData: bagOf(kw['local_unit_data']),
        remoteAppData: rel.type === 'PeerRelation' ? null : bagOf(kw['remote_app_data']),
        units:
          rel.type === 'PeerRelation'
            ? unitsOf(kw['peers_data'])
            : rel.type === 'Relation'
              ? unitsOf(kw['remote_units_data'])
              : kw['remote_unit_id'] === undefined
                ? []
                : [{ id: kw['remote_unit_id'] as number, data: bagOf(kw['remote_unit_data']) }],
      };
    }),
  };
}

/** The state ops.testing will get agrees with the hook tools (module: the Python text, for the notes it must carry). */
function expectAsTools(view: { leader: boolean; relations: ScenarioRelation[] }, tools: ToolsView, h: ExportedHook, module: string | null): void {
  const where = `${h.unit} seq ${h.seq} ${h.hook}`;
  expect(view.leader, where).toBe(tools.leader);
  const listed = h.state.relations.filter((r) => r.listed).map((r) => r.id);
  expect(listed, `${where}: relation-ids`).toEqual(tools.ids);
  expect(view.relations.map((r) => r.id), where).toEqual([...tools.relations.keys()].sort((a, b) => a - b));
  for (const rel of view.relations) {
    const t = tools.relations.get(rel.id);
    if (!t) throw new Error(`${where}: relation ${rel.id} is not the unit's`);
    const at = `${where}, relation ${rel.id}`;
    if (!tools.ids.includes(rel.id)) expect(h.kind, `${at}: only the relation being broken is out of relation-ids`).toBe('relation-broken');
    const ep = findEndpoint(h.meta, rel.endpoint);
    expect(rel.type, at).toBe(ep?.role === 'peers' ? 'PeerRelation' : ep?.scope === 'container' ? 'SubordinateRelation' : 'Relation');
    if (rel.remoteApp !== null) expect(rel.remoteApp, at).toBe(t.app);
    expect(rel.localUnitData, `${at}: own unit bag`).toEqual(t.get(h.unit) ?? {});
    expect(rel.localAppData, `${at}: own app bag`).toEqual(t.get(h.state.app, true) ?? {});
    if (rel.remoteAppData !== null) expect(rel.remoteAppData, `${at}: remote app bag`).toEqual(t.get(rel.remoteApp ?? '', true) ?? {});
    const unitName = (id: number) => `${rel.type === 'PeerRelation' ? h.state.app : (rel.remoteApp ?? '')}/${id}`;
    if (rel.type === 'SubordinateRelation' && t.list.length === 0) {
      // ops.testing's SubordinateRelation always lists its one unit: the test must say relation-list is empty.
      expect(rel.units.length, at).toBeLessThanOrEqual(1);
      if (module !== null) expect(module, at).toContain('relation-list is empty in this hook');
    } else {
      expect(rel.units.map((u) => unitName(u.id)), `${at}: relation-list`).toEqual(t.list);
    }
    for (const u of rel.units) expect(u.data, `${at}: ${unitName(u.id)}'s bag`).toEqual(t.get(unitName(u.id)) ?? {});
  }
}

const randomHistory = fc.record({
  seed: fc.nat(),
  ops: fc.tuple(fc.array(deployArb, { minLength: 2, maxLength: 4 }), fc.array(opArb, { minLength: 2, maxLength: 20 })).map(([d, o]) => [...d, ...o]),
  juju: fc.constantFrom('3.6' as const, '4.0' as const),
  // Uniform over the hooks: fast-check's doubles lean to 0, which picks the first hook (an install, with no relation).
  picks: fc.array(
    fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000),
    { minLength: 1, maxLength: 10 },
  ),
});

function pickedHooks(t: Timeline, picks: readonly number[]): FoundHook[] {
  const hooks: FoundHook[] = [];
  const trace = t.fullTrace;
  for (let i = 0; i < trace.length; i++) {
    const r = trace.at(i);
    if (r?.type === 'hook') hooks.push({ record: r, index: i });
  }
  return hooks.length === 0 ? [] : picks.map((p) => hooks[Math.floor(p * hooks.length)] as FoundHook);
}

const EXPORT_RUNS = Math.max(300, Math.floor(RUNS / 3));

describe('the exported state is what the unit could read through its hook tools', () => {
  it(`for random scripts and hooks (${EXPORT_RUNS} histories)`, () => {
    let checked = 0;
    // What the random hooks reached, so that the property is not vacuous.
    const seen = { remoteUnits: 0, peer: 0, subordinate: 0, attached: 0, unlisted: 0, refusedAppBag: 0, appData: 0 };
    fc.assert(
      fc.property(randomHistory, ({ seed, ops, juju, picks }) => {
        const t = runOps(seed, ops, juju);
        for (const found of pickedHooks(t, picks)) {
          const h = exportHook(t, found);
          expectAsTools(fromExport(h), toolsBefore(t, found), h, null);
          checked++;
          for (const r of h.state.relations) {
            if (r.units.length > 0) seen.remoteUnits++;
            if (r.type === 'PeerRelation') seen.peer++;
            if (r.type === 'SubordinateRelation') seen.subordinate++;
            if (r.attached) seen.attached++;
            if (!r.listed) seen.unlisted++;
            if (r.localAppData === null) seen.refusedAppBag++;
            if (Object.keys(r.remoteAppData).length > 0 || Object.keys(r.localAppData ?? {}).length > 0) seen.appData++;
          }
        }
      }),
      { numRuns: EXPORT_RUNS },
    );
    expect(checked).toBeGreaterThan(EXPORT_RUNS);
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  }, 120_000);

  it.skipIf(NO_PYTHON)('as python3 reads the module back', () => {
    const cases: Array<{ h: ExportedHook; tools: ToolsView; module: string }> = [];
    fc.assert(
      fc.property(randomHistory, ({ seed, ops, juju, picks }) => {
        const t = runOps(seed, ops, juju);
        for (const found of pickedHooks(t, picks.slice(0, 3))) {
          cases.push({ h: exportHook(t, found), tools: toolsBefore(t, found), module: hookTestModule(t, found.record.unit, found.record.seq, SOURCE) });
        }
      }),
      { numRuns: Math.max(40, Math.floor(EXPORT_RUNS / 3)) },
    );
    const read = readBack(cases.map((c) => c.module));
    cases.forEach(({ h, tools, module }, i) => {
      const [test] = read[i] as ReadTest[];
      if (!test) throw new Error(`no test read back from seq ${h.seq}`);
      expect(test.name).toMatch(new RegExp(`^test_\\w+_${h.seq}_\\w+$`));
      expectAsTools(fromPython(test), tools, h, module);
      // The event is the hook's, with the units it names.
      const e = test.event;
      expect(e?.method, `${h.unit} seq ${h.seq}`).toBe(`ctx.on.${h.event.method}`);
      if (h.event.remoteUnit !== null) expect(e?.kw['remote_unit']).toBe(h.event.remoteUnit);
      if (h.event.departingUnit !== null) expect(e?.kw['departing_unit']).toBe(h.event.departingUnit);
      if (h.event.action) expect(e?.args[0]).toBe(h.event.action.name);
    });
    expect(cases.length).toBeGreaterThan(40);
  }, 120_000);
});
