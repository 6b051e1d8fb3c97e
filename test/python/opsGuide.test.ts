/**
 * The ops guide's charms as ops charms in Python (src/python/templates): they run on
 * every unit like the catalog's TypeScript charms they mirror; the guide's "spot the
 * bug" write to the remote application's bag fails with ops's own
 * RelationDataAccessError; the smtp provider's `departing_unit` check takes the right
 * branch on remove-unit (on the departing unit itself too) and on remove-relation;
 * the database's credentials reach the web app; a peer charm keeps StoredState
 * between hooks and defers an event until it can act.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine/commands.ts';
import { displayStatus } from '../../src/engine/format.ts';
import { Timeline } from '../../src/engine/timeline.ts';
import type { HookRecord, TraceRecord } from '../../src/engine/trace.ts';
import { parseScript, runAfter } from '../../src/io/script.ts';
import { templateFiles } from '../../src/python/templates/index.ts';
import { cliOutput, deployTemplate, expectSameRun, installNodePython, playTwins, twinScenario, uninstallPython, type Twin } from './helpers.ts';

beforeAll(installNodePython, 120_000);
afterAll(uninstallPython);

/** The catalog charm each template mirrors, by the application name both deploy as. */
const TEMPLATE_OF: Readonly<Record<string, string>> = {
  postgresql: 'database-provider',
  'guide-postgresql': 'database-provider-bug',
  webapp: 'web-app',
  'smtp-server': 'smtp-provider',
};

/**
 * Runs script lines on a model where the charms named in `python` are deployed from
 * their templates (their src/charm.py runs) and every other charm from the catalog.
 */
async function run(script: string, python: readonly string[]): Promise<Timeline> {
  const t = new Timeline({ seed: 1 });
  for (const line of parseScript(script)) {
    let command: Command = line.command;
    if (command.type === 'deploy' && command.charm.kind === 'catalog' && python.includes(command.charm.name)) {
      command = await deployTemplate(TEMPLATE_OF[command.charm.name] as string, command.units ?? 1, command.app);
    }
    t.apply(command, { text: line.text, run: runAfter(line) });
  }
  return t;
}

const hooks = (records: Iterable<TraceRecord>) => [...records].filter((r): r is HookRecord => r.type === 'hook');

/** Random scripts per run of the file (each runs every hook twice: TypeScript, then Python). */
const RUNS = Number(process.env['PYTHON_PROPERTY_RUNS'] ?? 12);

const GUIDE = `
juju deploy postgresql -n 2
juju deploy smtp-server -n 2
juju deploy webapp -n 2
juju integrate webapp postgresql
juju integrate webapp smtp-server
juju remove-unit webapp/1
juju remove-unit smtp-server/1
juju remove-relation webapp smtp-server
juju remove-relation webapp postgresql
`;

describe("the ops guide's charms in Python", () => {
  it("give the catalog charms' trace and model on the guide's script, hook for hook (ops's own DEBUG lines aside)", async () => {
    const py = await run(GUIDE, ['postgresql', 'smtp-server', 'webapp']);
    const ts = await run(GUIDE, []);
    expectSameRun({ ts, py }, { dropDebug: true });
    // ops ran: every Python hook says which ops event it dispatched.
    const created = hooks(py.trace).find((h) => h.unit === 'postgresql/0' && h.hook === 'database-relation-created');
    expect(created?.charm?.events.map((e) => e.event)).toEqual(['database_relation_created']);
  });

  it('give the catalog charms\' trace and model on random seeds and scripts', async () => {
    const twins = (db: number, web: number, smtp: number): Twin[] => [
      { catalog: 'webapp', template: 'web-app', units: web },
      { catalog: 'postgresql', template: 'database-provider', units: db },
      { catalog: 'smtp-server', template: 'smtp-provider', units: smtp },
    ];
    const units = fc.integer({ min: 1, max: 2 });
    await fc.assert(
      fc.asyncProperty(units, units, units, twinScenario, async (db, web, smtp, s) => {
        expectSameRun(await playTwins(twins(db, web, smtp), s), { dropDebug: true });
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  it("publishes the database's credentials in the provider's application bag, where the web app reads them", async () => {
    const t = await run('juju deploy postgresql -n 2\njuju deploy webapp -n 2\njuju integrate webapp postgresql', ['postgresql', 'webapp']);
    const db = [...t.state.relations.values()].find((r) => r.key === 'webapp:db postgresql:database');
    const bag = db?.appBags.get('postgresql')?.data;
    expect(bag?.get('credentials')).toMatch(/^secret:[a-v0-9]{12}$/);
    expect(bag?.get('database')).toBe('webapp');
    for (const u of ['webapp/0', 'webapp/1']) expect(t.state.units.get(u)?.status).toEqual({ workload: 'active', message: 'database ready' });
    // Only the leader created it.
    const created = hooks(t.trace).filter((h) => h.hook === 'database-relation-created' && h.unit.startsWith('postgresql/'));
    expect(created.map((h) => [h.unit, h.logs.filter((l) => !l.startsWith('DEBUG: '))]).sort()).toEqual([
      ['postgresql/0', ['created database webapp']],
      ['postgresql/1', []],
    ]);
  });

  it("fails the guide's snippet as printed with ops's RelationDataAccessError, pointing at the charm's line", async () => {
    const t = await run('juju deploy guide-postgresql -n 2\njuju deploy webapp\njuju integrate webapp guide-postgresql', ['guide-postgresql']);
    const created = hooks(t.trace).filter((h) => h.hook === 'database-relation-created' && h.unit.startsWith('guide-postgresql/'));
    const leader = created.find((h) => h.unit === 'guide-postgresql/0');
    expect(leader?.result).toBe('error');
    // ops/model.py, RelationDataContent._validate_write_access:
    //   f'{self._backend.app_name} cannot write the data of remote application {self._entity.name}'
    expect(leader?.error?.trimEnd().split('\n').at(-1)).toBe('ops.model.RelationDataAccessError: guide-postgresql cannot write the data of remote application webapp');
    const source = (await templateFiles('database-provider-bug'))['src/charm.py'] as string;
    const line = source.split('\n').findIndex((l) => l.includes('event.relation.data[event.app].update(credentials)')) + 1;
    expect(leader?.error).toMatch(new RegExp(`File "(?:.*/)?src/charm\\.py", line ${line}, in _on_database_relation_created`));
    // Nothing the failed hook wrote was committed; the follower returned early and is fine.
    expect(leader?.changes).toEqual([]);
    expect(created.find((h) => h.unit === 'guide-postgresql/1')?.result).toBe('ok');
    const unit = (name: string) => displayStatus(t.state.units.get(name)!);
    expect(unit('guide-postgresql/0')).toEqual({ workload: 'error', message: 'hook failed: "database-relation-created"' });
    expect(unit('webapp/0')).toEqual({ workload: 'waiting', message: 'waiting for database credentials' });
  });

  describe("the smtp provider's departing_unit check", () => {
    const setup = 'juju deploy webapp -n 2\njuju deploy smtp-server -n 2\njuju integrate webapp smtp-server';
    const key = (t: Timeline, smtp: string, web: string) =>
      [...t.state.relations.values()].find((r) => r.key === 'webapp:smtp smtp-server:smtp')?.unitBags.get(smtp)?.data.get(`${web}.smtp_credentials`);
    const departed = (rs: readonly TraceRecord[]) =>
      hooks(rs)
        .filter((h) => h.hook === 'smtp-relation-departed' && h.unit.startsWith('smtp-server/'))
        .map((h) => ({ unit: h.unit, remote: h.remoteUnit, departing: h.departingUnit, result: h.result, logs: h.logs.filter((l) => !l.startsWith('DEBUG: ')), changed: h.changes.length > 0 }));

    it('on remove-unit of a requirer unit: every provider unit removes its user', async () => {
      const t = await run(setup, ['smtp-server']);
      expect(key(t, 'smtp-server/0', 'webapp/1')).toMatch(/^secret:/);
      const from = t.trace.length;
      t.apply({ type: 'remove-unit', units: ['webapp/1'] });
      expect(departed(t.trace.slice(from)).sort((x, y) => x.unit.localeCompare(y.unit))).toEqual([
        { unit: 'smtp-server/0', remote: 'webapp/1', departing: 'webapp/1', result: 'ok', logs: ['removed smtp user for webapp/1'], changed: true },
        { unit: 'smtp-server/1', remote: 'webapp/1', departing: 'webapp/1', result: 'ok', logs: ['removed smtp user for webapp/1'], changed: true },
      ]);
      expect(key(t, 'smtp-server/0', 'webapp/1')).toBeUndefined();
      expect(key(t, 'smtp-server/0', 'webapp/0')).toMatch(/^secret:/);
    });

    it('on remove-unit of a provider unit: the departing unit itself (departing_unit == self.unit) keeps them', async () => {
      const t = await run(setup, ['smtp-server']);
      const from = t.trace.length;
      t.apply({ type: 'remove-unit', units: ['smtp-server/1'] });
      const ran = departed(t.trace.slice(from));
      // smtp-server/1 runs departed for every webapp unit it knew, as the departing unit: the guide's check skips the removal.
      expect(ran).toEqual([
        { unit: 'smtp-server/1', remote: 'webapp/0', departing: 'smtp-server/1', result: 'ok', logs: [], changed: false },
        { unit: 'smtp-server/1', remote: 'webapp/1', departing: 'smtp-server/1', result: 'ok', logs: [], changed: false },
      ]);
      // The remaining provider unit still serves both webapp units.
      expect(key(t, 'smtp-server/0', 'webapp/0')).toMatch(/^secret:/);
      expect(key(t, 'smtp-server/0', 'webapp/1')).toMatch(/^secret:/);
    });

    it('on remove-relation: departing_unit is the remote unit, so every user is removed', async () => {
      const t = await run(setup, ['smtp-server']);
      const from = t.trace.length;
      t.apply({ type: 'remove-relation', a: { app: 'webapp', endpoint: null }, b: { app: 'smtp-server', endpoint: null } });
      const ran = departed(t.trace.slice(from));
      expect(ran).toHaveLength(4);
      for (const d of ran) expect(d).toEqual({ unit: d.unit, remote: d.remote, departing: d.remote, result: 'ok', logs: [`removed smtp user for ${d.remote}`], changed: true });
    });
  });

  it('peers: StoredState lasts from hook to hook; a deferred relation-changed runs again first thing in the next hook', async () => {
    let seen: { deferred: HookRecord; next: HookRecord } | null = null;
    let t: Timeline | null = null;
    for (let seed = 1; seed <= 12 && !seen; seed++) {
      t = new Timeline({ seed });
      t.apply(await deployTemplate('peers', 3));
      const hs = hooks(t.trace);
      const i = hs.findIndex((h) => h.charm?.events.some((e) => e.event === 'replicas_relation_changed' && e.deferred));
      if (i >= 0) {
        const deferred = hs[i] as HookRecord;
        const next = hs.slice(i + 1).find((h) => h.unit === deferred.unit);
        if (next) seen = { deferred, next };
      }
    }
    expect(seen, 'a seed where a unit defers relation-changed before the primary is known').not.toBeNull();
    const { deferred, next } = seen!;
    expect(deferred.status).toEqual({ workload: 'waiting', message: 'waiting for a primary' });
    expect(next.charm?.events[0]).toEqual({ event: 'replicas_relation_changed', reemitted: true, deferred: expect.any(Boolean) });
    const state = t!.state;
    const primary = [...state.relations.values()].find((r) => r.peer)?.appBags.get('peer-cluster')?.data.get('primary');
    expect(primary).toBe(state.apps.get('peer-cluster')?.leader);
    for (const u of ['peer-cluster/0', 'peer-cluster/1', 'peer-cluster/2']) expect(state.units.get(u)?.status).toEqual({ workload: 'active', message: `primary: ${primary}, 2 peer(s)` });
    // Each unit met both others, and counted them in StoredState across two hooks.
    const met = hooks(t!.trace).filter((h) => h.hook === 'replicas-relation-joined');
    for (const u of ['peer-cluster/0', 'peer-cluster/1', 'peer-cluster/2']) {
      expect(met.filter((h) => h.unit === u).flatMap((h) => h.logs.filter((l) => l.startsWith('met ')).map((l) => l.replace(/^met \S+ /, '')))).toEqual(['(1 peers met so far)', '(2 peers met so far)']);
    }
  });

  it('from the CLI: examples/python/ops-guide.juju runs the folders\' code, and prints what the catalog charms print', async () => {
    const example = join(import.meta.dirname, '../../examples/python/ops-guide.juju');
    const py = await cliOutput(example, '--seed', '1', '--verbose');
    expect(py.code).toBe(0);
    // The same script with the catalog's charms of the same names.
    const dir = mkdtempSync(join(tmpdir(), 'relviz-pycharms-'));
    try {
      const catalog = join(dir, 'ops-guide.juju');
      writeFileSync(catalog, readFileSync(example, 'utf8').replace(/^juju deploy \.\.\/\.\.\/src\/python\/templates\/(\S+)/gm, (_, t: string) => `juju deploy ${Object.keys(TEMPLATE_OF).find((k) => TEMPLATE_OF[k] === t)}`));
      const ts = await cliOutput(catalog, '--seed', '1', '--verbose');
      expect(ts.code).toBe(0);
      const lines = (text: string) => text.split('\n').filter((l) => !/^\s*│ DEBUG: /.test(l) && !l.startsWith('$ juju deploy') && !l.startsWith('Deployed '));
      expect(lines(py.out)).toEqual(lines(ts.out));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // What the example is there to show.
    expect(py.out).toContain('created database webapp');
    expect(py.out).toMatch(/credentials: secret:[a-v0-9]{12}/);
    expect(py.out).toContain('removed smtp user for webapp/1');
    expect(py.out).toContain('dropped database webapp');
  });
});
