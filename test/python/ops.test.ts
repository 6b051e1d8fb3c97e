/**
 * relviz's own ops, run by the Python host in a real engine model: events and their data,
 * Relation.data's access rules with ops' exact error texts, defer and re-emission,
 * StoredState kept across hooks and dropped with a failed hook, departing_unit, and
 * NotImplementedError for what is not implemented.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PythonHost } from '../../src/engine/python.ts';
import type { HookRecord } from '../../src/engine/trace.ts';
import { loadPythonHost } from '../../src/python/load.ts';
import { runtimeSources } from '../../src/python/sources.ts';
import { observing, opsCharm, PROVIDES_DB, REQUIRES_DB } from './fixtures.ts';
import { pyModel, type PyRun } from './harness.ts';

let host: PythonHost;
beforeAll(async () => {
  host = await loadPythonHost({ sources: runtimeSources });
}, 120_000);

const logsOf = (m: PyRun, unit: string, hook: string): string[] =>
  m.hooks().filter((h) => h.unit === unit && h.hook === hook).flatMap((h) => h.logs);
const only = (m: PyRun, unit: string, hook: string): HookRecord => {
  const found = m.hooks().filter((h) => h.unit === unit && h.hook === hook);
  if (found.length !== 1) throw new Error(`${found.length} ${hook} on ${unit}`);
  return found[0] as HookRecord;
};

/** Observes every named event with one handler that logs `detail` (a Python expression). */
const observeAll = (events: string[], detail: string) =>
  observing(Object.fromEntries(events.map((e) => [e, '_log'])), ['    def _log(self, event):', `        logger.info(${detail})`]);

/** `db` (with this class body, `units` units) integrated with a `web` whose charm does nothing. */
function dbWithWeb(body: string, units = 1, extra: Record<string, string> = {}): PyRun {
  const m = pyModel(host);
  m.deploy('db', opsCharm(PROVIDES_DB, body, extra), units);
  m.deploy('web', opsCharm(REQUIRES_DB, '    pass'));
  m.run('juju integrate db web');
  return m;
}

describe('ops events', () => {
  it('dispatches lifecycle and relation events with .relation, .app, .unit, and reports them', () => {
    const detail = "f'{type(event).__name__} rel={getattr(event, \"relation\", None)} app={getattr(event, \"app\", None) and event.app.name} unit={getattr(event, \"unit\", None) and event.unit.name}'";
    const m = dbWithWeb(observeAll(['install', 'leader_elected', 'config_changed', 'start', 'db_relation_created', 'db_relation_joined', 'db_relation_changed'], detail));
    expect(logsOf(m, 'db/0', 'install')).toEqual(['InstallEvent rel=None app=None unit=None']);
    expect(logsOf(m, 'db/0', 'db-relation-created')).toEqual(['RelationCreatedEvent rel=<ops.model.Relation db:0> app=web unit=None']);
    expect(logsOf(m, 'db/0', 'db-relation-joined')).toEqual(['RelationJoinedEvent rel=<ops.model.Relation db:0> app=web unit=web/0']);
    const start = m.outcomes.find((o) => o.unit === 'db/0' && o.hook === 'start');
    expect(start?.events).toEqual([{ event: 'start', reemitted: false, deferred: false }]);
    const webJoined = m.outcomes.find((o) => o.unit === 'web/0' && o.hook === 'db-relation-joined');
    expect(webJoined?.events).toEqual([{ event: 'db_relation_joined', reemitted: false, deferred: false }]);
  });

  it('runs actions as <name>_action with params, results and failure', () => {
    const body = observing({ do_it_action: '_do' }, [
      '    def _do(self, event):',
      "        event.log(f\"params {event.params}\")",
      "        event.set_results({'answer': 42, 'nested': {'k': 'v'}})",
      "        event.fail('not really')",
    ]);
    const m = pyModel(host);
    m.deploy('db', opsCharm(PROVIDES_DB, body, { 'actions.yaml': 'do-it:\n  params:\n    level:\n      type: string\n' }));
    m.run('juju run db/0 do-it level=high');
    expect(logsOf(m, 'db/0', 'do-it')).toEqual([
      "action-log params {'level': 'high'}",
      'action-set answer=42',
      'action-set nested.k=v',
      'ERROR: action-fail not really',
    ]);
  });
});

describe('Relation.data access rules (ops.model, JUJU-SEMANTICS §6)', () => {
  const probe = observing({ db_relation_joined: '_joined' }, [
    '    def _try(self, what, fn):',
    '        try:',
    '            fn()',
    "            logger.info(f'{what}: ok')",
    '        except ops.RelationDataError as e:',
    "            logger.info(f'{what}: {type(e).__name__}: {e}')",
    '',
    '    def _joined(self, event):',
    '        rel = event.relation',
    "        self._try('write remote app', lambda: rel.data[event.app].update({'a': 'b'}))",
    "        self._try('write own app', lambda: rel.data[self.app].__setitem__('a', 'b'))",
    "        self._try('read own app', lambda: rel.data[self.app]['a'])",
    "        self._try('write remote unit', lambda: rel.data[event.unit].__setitem__('a', 'b'))",
    "        self._try('write an int', lambda: rel.data[self.unit].__setitem__('n', 1))",
    "        self._try('write own unit', lambda: rel.data[self.unit].__setitem__('n', '1'))",
    "        self._try('read remote unit', lambda: rel.data[event.unit]['private-address'])",
  ]);

  it('raises RelationDataAccessError and RelationDataTypeError with ops’ texts, leader and follower', () => {
    const m = dbWithWeb(probe, 2);
    const leader = m.state.apps.get('db')?.leader ?? '';
    const follower = leader === 'db/0' ? 'db/1' : 'db/0';
    expect(logsOf(m, follower, 'db-relation-joined')).toEqual([
      'write remote app: RelationDataAccessError: db cannot write the data of remote application web',
      `write own app: RelationDataAccessError: ${follower} is not leader and cannot write application data.`,
      `read own app: RelationDataAccessError: ${follower} is not leader and cannot read its own application databag`,
      `write remote unit: RelationDataAccessError: ${follower} cannot write databag of web/0: not the same unit.`,
      "write an int: RelationDataTypeError: relation data values must be strings, not <class 'int'>",
      'write own unit: ok',
      'read remote unit: ok',
    ]);
    expect(logsOf(m, leader, 'db-relation-joined').slice(1, 3)).toEqual(['write own app: ok', "read own app: ok"]);
    expect(m.state.relations.get(0)?.appBags.get('db')?.data.get('a')).toBe('b');
  });

  it('fails the hook with the traceback of the guide’s bug: writing the remote application’s bag', () => {
    const body = observing({ db_relation_changed: '_on_changed' }, [
      '    def _on_changed(self, event):',
      "        event.relation.data[event.app]['ready'] = 'true'",
    ]);
    const m = dbWithWeb(body);
    const failed = m.hooks().find((h) => h.unit === 'db/0' && h.result === 'error');
    expect(failed?.error).toBe(
      [
        'Traceback (most recent call last):',
        '  File "src/charm.py", line 18, in <module>',
        '    ops.main(Charm)',
        '  File "src/charm.py", line 15, in _on_changed',
        "    event.relation.data[event.app]['ready'] = 'true'",
        'ops.model.RelationDataAccessError: db cannot write the data of remote application web',
      ].join('\n'),
    );
    // Juju discards a failed hook's writes; the event it failed in is still reported.
    expect(m.state.relations.get(0)?.appBags.get('web')?.data.size ?? 0).toBe(0);
    expect(failed?.charm?.events).toEqual([{ event: 'db_relation_changed', reemitted: false, deferred: false }]);
  });

  it('lets a follower read its own application bag in a peer relation', () => {
    const body = observing({ cluster_relation_changed: '_changed', leader_elected: '_elected' }, [
      '    def _elected(self, event):',
      "        self.model.get_relation('cluster').data[self.app]['seed'] = 'x'",
      '',
      '    def _changed(self, event):',
      "        logger.info(f\"seed={event.relation.data[self.app].get('seed')} peers={sorted(u.name for u in event.relation.units)} app={event.relation.app.name}\")",
    ]);
    const m = pyModel(host);
    m.deploy('peered', opsCharm('name: peered\npeers:\n  cluster:\n    interface: gossip\n', body), 2);
    const leader = m.state.apps.get('peered')?.leader ?? '';
    const follower = leader === 'peered/0' ? 'peered/1' : 'peered/0';
    expect(logsOf(m, follower, 'cluster-relation-changed')).toContain(`seed=x peers=['${leader}'] app=peered`);
  });
});

describe('defer and StoredState', () => {
  it('re-emits a deferred event before the next event on that unit; a re-deferred event stays', () => {
    const body = observing({ db_relation_joined: '_joined' }, [
      '    def _joined(self, event):',
      '        self._stored.tries += 1',
      "        logger.info(f'try {self._stored.tries} for {event.unit.name} on {event.relation.id}')",
      '        if self._stored.tries < 3:',
      '            event.defer()',
    ], 'tries=0');
    const m = dbWithWeb(body, 1, { 'actions.yaml': 'poke:\n  description: any hook will do\n' });
    m.run('juju run db/0 poke\njuju run db/0 poke');
    const db = m.outcomes.filter((o) => o.unit === 'db/0').map((o) => ({ hook: o.hook, events: o.events }));
    const joinedAt = db.findIndex((o) => o.hook === 'db-relation-joined');
    expect(db.slice(joinedAt)).toEqual([
      { hook: 'db-relation-joined', events: [{ event: 'db_relation_joined', reemitted: false, deferred: true }] },
      { hook: 'db-relation-changed', events: [{ event: 'db_relation_joined', reemitted: true, deferred: true }, { event: 'db_relation_changed', reemitted: false, deferred: false }] },
      { hook: 'poke', events: [{ event: 'db_relation_joined', reemitted: true, deferred: false }, { event: 'poke_action', reemitted: false, deferred: false }] },
      { hook: 'poke', events: [{ event: 'poke_action', reemitted: false, deferred: false }] },
    ]);
    const logs = m.hooks().filter((h) => h.unit === 'db/0').flatMap((h) => h.logs);
    expect(logs).toEqual(['try 1 for web/0 on 0', 'try 2 for web/0 on 0', 'try 3 for web/0 on 0']);
  });

  it('keeps StoredState across hooks and drops what a failed hook stored', () => {
    const body = observing({ install: '_count', leader_elected: '_count', config_changed: '_count', start: '_count' }, [
      '    def _count(self, event):',
      '        self._stored.n += 1',
      '        self._stored.seen.append(type(event).__name__)',
      "        logger.info(f'n={self._stored.n} seen={self._stored.seen}')",
      '        if isinstance(event, ops.ConfigChangedEvent):',
      "            raise RuntimeError('config')",
    ], 'n=0, seen=[]');
    const m = pyModel(host);
    m.deploy('db', opsCharm(PROVIDES_DB, body));
    expect(only(m, 'db/0', 'config-changed').result).toBe('error');
    m.run('juju resolve db/0 --no-retry');
    const logs = m.hooks().flatMap((h) => h.logs);
    expect(logs).toEqual([
      "n=1 seen=['InstallEvent']",
      "n=2 seen=['InstallEvent', 'LeaderElectedEvent']",
      "n=3 seen=['InstallEvent', 'LeaderElectedEvent', 'ConfigChangedEvent']",
      "n=3 seen=['InstallEvent', 'LeaderElectedEvent', 'StartEvent']",
    ]);
    expect(JSON.parse(m.state.units.get('db/0')?.files.get('.relviz-ops-state.json') ?? '{}').stored).toEqual({
      'Charm/StoredState[_stored]': { n: 3, seen: ['InstallEvent', 'LeaderElectedEvent', 'StartEvent'] },
    });
  });
});

describe('departing_unit, get_relation and what is not implemented', () => {
  it('tells the departing unit from the others on remove-unit', () => {
    const body = observing({ db_relation_departed: '_departed', db_relation_broken: '_broken' }, [
      '    def _departed(self, event):',
      '        if event.departing_unit == self.unit:',
      "            logger.info('I am leaving')",
      '        else:',
      "            logger.info(f'{event.departing_unit.name} left')",
      '',
      '    def _broken(self, event):',
      "        logger.info(f'broken active={event.relation.active} units={event.relation.units}')",
    ]);
    const m = pyModel(host);
    m.deploy('db', opsCharm(PROVIDES_DB, body));
    m.deploy('web', opsCharm(REQUIRES_DB, body.replace(/db_relation/g, 'db_relation')), 2);
    m.run('juju integrate db web');
    m.run('juju remove-unit web/1');
    expect(logsOf(m, 'web/1', 'db-relation-departed')).toEqual(['I am leaving']);
    expect(logsOf(m, 'db/0', 'db-relation-departed')).toEqual(['web/1 left']);
    expect(logsOf(m, 'web/1', 'db-relation-broken')).toEqual(['broken active=False units=set()']);
  });

  it('raises TooManyRelatedAppsError when get_relation is ambiguous', () => {
    const body = observing({ db_relation_changed: '_changed' }, [
      '    def _changed(self, event):',
      "        rels = self.model.relations['db']",
      "        logger.info(f'{len(rels)} {self.model.get_relation(\"db\", event.relation.id).id == event.relation.id}')",
      "        self.model.get_relation('db')",
    ]);
    const m = dbWithWeb(body);
    m.deploy('api', opsCharm(REQUIRES_DB.replace('web', 'api'), '    pass'));
    m.run('juju integrate db:db api:db');
    const failed = m.hooks().filter((h) => h.unit === 'db/0' && h.result === 'error');
    expect(failed.at(-1)?.logs).toEqual(['2 True']);
    expect(failed.at(-1)?.error).toMatch(/\nops\.model\.TooManyRelatedAppsError: Too many remote applications on db \(2 > 1\)$/);
  });

  it('raises NotImplementedError naming what relviz’s ops does not implement', () => {
    const body = observing({ install: '_install' }, [
      '    def _install(self, event):',
      "        for what in (lambda: ops.Container, lambda: self.model.storages, lambda: self.unit.get_container('x'),",
      '                     lambda: self.on.secret_changed, lambda: ops.main.dispatch):',
      '            try:',
      '                what()',
      '            except NotImplementedError as e:',
      '                logger.warning(str(e))',
    ]);
    const m = pyModel(host);
    m.deploy('db', opsCharm(PROVIDES_DB, body));
    const say = (name: string) => `WARNING: relviz's ops does not implement ${name}; see docs/python-charms.md`;
    expect(logsOf(m, 'db/0', 'install')).toEqual([say('ops.Container'), say('ops.Model.storages'), say('ops.Unit.get_container'), say('CharmEvents.secret_changed'), say('ops.main.dispatch')]);
  });

  it('sets unit status and refuses application status from a follower', () => {
    const body = observing({ start: '_start' }, [
      '    def _start(self, event):',
      "        self.unit.status = ops.ActiveStatus('up')",
      "        logger.info(f'{self.unit.status!r} leader={self.unit.is_leader()}')",
      '        try:',
      "            self.app.status = ops.BlockedStatus('app')",
      "            logger.info(f'app {self.app.status!r}')",
      '        except RuntimeError as e:',
      '            logger.info(str(e))',
    ]);
    const m = pyModel(host);
    m.deploy('db', opsCharm(PROVIDES_DB, body), 2);
    const leader = m.state.apps.get('db')?.leader ?? '';
    const follower = leader === 'db/0' ? 'db/1' : 'db/0';
    expect(logsOf(m, leader, 'start')).toEqual(["ActiveStatus('up') leader=True", "DEBUG: application status: blocked: app", "app BlockedStatus('app')"]);
    expect(logsOf(m, follower, 'start')).toEqual(["ActiveStatus('up') leader=False", 'cannot set application status as a non-leader unit']);
    expect(m.state.units.get(follower)?.status).toEqual({ workload: 'active', message: 'up' });
  });
});
