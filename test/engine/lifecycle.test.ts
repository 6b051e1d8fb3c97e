/**
 * The unit agent's startup and relation-hook rules (JUJU-SEMANTICS §2, §3):
 * arrange a model, act with commands, assert on the hooks each unit ran.
 */
import { describe, expect, it } from 'vitest';
import { nextHooks } from '../../src/engine/sim.ts';
import { deployMeta, hookRecords, PEERED, PROVIDER, REQUIRER, sim } from '../helpers.ts';

describe('startup', () => {
  it('runs install, leader-elected, config-changed, start on a lone new unit', () => {
    const s = sim('juju deploy ubuntu');
    expect(s.hooksOf('ubuntu/0')).toEqual(['install', 'leader-elected', 'config-changed', 'start']);
  });

  it('runs relation-created for the peer relation right after install, before leadership, config-changed and start', () => {
    const s = sim();
    deployMeta(s, 'peered', PEERED, 2);
    expect(s.hooksOf('peered/0').slice(0, 5)).toEqual(['install', 'cluster-relation-created', 'leader-elected', 'config-changed', 'start']);
    expect(s.hooksOf('peered/1').slice(0, 5)).toEqual(['install', 'cluster-relation-created', 'leader-settings-changed', 'config-changed', 'start']);
  });

  it('runs relation-created for every relation the application already has before the new unit starts', () => {
    const s = sim();
    deployMeta(s, 'prov', PROVIDER, 1);
    deployMeta(s, 'req', REQUIRER, 1);
    s.run('juju integrate prov req');
    s.run('juju add-unit req');
    const hooks = s.hooksOf('req/1');
    expect(hooks.slice(0, 5)).toEqual(['install', 'db-relation-created', 'leader-settings-changed', 'config-changed', 'start']);
  });

  it('never runs a unit\'s own relation-joined before its start', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = sim('', { seed });
      deployMeta(s, 'prov', PROVIDER, 2);
      deployMeta(s, 'req', REQUIRER, 0);
      s.run('juju integrate prov req\njuju add-unit req -n 2');
      for (const unit of ['req/0', 'req/1']) {
        const hooks = s.hooksOf(unit);
        const start = hooks.indexOf('start');
        const firstJoin = hooks.findIndex((h) => h.startsWith('db-relation-joined'));
        expect(start).toBeGreaterThan(0);
        expect(firstJoin).toBeGreaterThan(start);
      }
    }
  });

  it('lets other units see a new unit join right after its install, possibly before its start', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const s = sim('', { seed });
      deployMeta(s, 'prov', PROVIDER, 1);
      deployMeta(s, 'req', REQUIRER, 0);
      s.run('juju integrate prov req\njuju add-unit req');
      const order = hookRecords(s.timeline.trace).map((r) => `${r.unit} ${r.hook}`);
      const joined = order.indexOf('prov/0 db-relation-joined');
      const installed = order.indexOf('req/0 install');
      const started = order.indexOf('req/0 start');
      expect(joined).toBeGreaterThan(installed);
      seen.add(joined < started ? 'before-start' : 'after-start');
    }
    expect(seen).toContain('before-start');
  });
});

describe('relation hooks', () => {
  it('follows every relation-joined with relation-changed for the same unit as the next hook of that relation', () => {
    const s = sim('juju deploy master\njuju deploy worker -n 3\njuju relate master worker');
    const master = hookRecords(s.timeline.trace).filter((r) => r.unit === 'master/0' && r.relationId === 0);
    master.forEach((r, i) => {
      if (r.kind === 'relation-joined') {
        expect(master[i + 1]?.kind).toBe('relation-changed');
        expect(master[i + 1]?.remoteUnit).toBe(r.remoteUnit);
      }
    });
    expect(master.filter((r) => r.kind === 'relation-joined')).toHaveLength(3);
  });

  it('joins remote units in string order (worker/10 before worker/2)', () => {
    const s = sim('juju deploy worker -n 11\njuju deploy master');
    s.run('juju relate master worker');
    const joins = s.hooksOf('master/0').filter((h) => h.startsWith('master-application-relation-joined'));
    const names = joins.map((h) => h.split(':')[1]);
    expect(names).toEqual([...names].sort());
    expect(names.indexOf('worker/10')).toBeLessThan(names.indexOf('worker/2'));
  });

  it('gives the relation id to each side under its own endpoint name', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    const rec = hookRecords(s.timeline.trace);
    expect(rec.find((r) => r.unit === 'master/0' && r.kind === 'relation-joined')?.relation).toBe('master-application:0');
    expect(rec.find((r) => r.unit === 'worker/0' && r.kind === 'relation-joined')?.relation).toBe('master:0');
  });

  it('takes relation ids from one model-wide counter: peers at deploy time, re-relating gives a new id', () => {
    const s = sim('juju deploy postgresql\njuju deploy webapp\njuju integrate webapp postgresql');
    expect([...s.timeline.state.relations.keys()]).toEqual([0, 1]);
    s.run('juju remove-relation webapp postgresql\njuju integrate webapp postgresql');
    expect([...s.timeline.state.relations.keys()]).toEqual([0, 2]);
  });

  it('coalesces several writes before the receiver runs into one relation-changed that reads the latest data', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    const before = s.hooksOf('worker/0').length;
    s.run(
      [
        "juju exec --unit master/0 -- relation-set -r master-application:0 a=1 &",
        "juju exec --unit master/0 -- relation-set -r master-application:0 a=2 &",
        "juju exec --unit master/0 -- relation-set -r master-application:0 a=3",
      ].join('\n'),
    );
    const after = s.hooksOf('worker/0').slice(before);
    expect(after).toEqual(['master-relation-changed:master/0']);
    s.run("juju exec --unit worker/0 -- relation-get -r master:0 a master/0");
    expect(s.lastOutput()).toBe('3\n');
  });

  it('runs no relation-changed when a unit writes the value a key already has', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run("juju exec --unit master/0 -- relation-set -r master-application:0 a=1");
    const before = s.hooksOf('worker/0').length;
    s.run("juju exec --unit master/0 -- relation-set -r master-application:0 a=1");
    expect(s.hooksOf('worker/0').length).toBe(before);
  });

  it('never runs relation-changed on the writer of a unit bag', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    const before = s.hooksOf('master/0').length;
    s.run("juju exec --unit master/0 -- relation-set -r master-application:0 a=1");
    expect(s.hooksOf('master/0').length).toBe(before);
    expect(s.hooksOf('worker/0').at(-1)).toBe('master-relation-changed:master/0');
  });

  it('fires app-level relation-changed on the remote units only when the leader writes its app bag', () => {
    const s = sim('juju deploy master\njuju deploy worker -n 2\njuju relate master worker');
    const from = s.timeline.trace.length;
    s.run("juju exec --unit master/0 -- relation-set -r master-application:0 --app k=v");
    // (The worker's handler fails on an app-level changed, so Juju retries it: count the first runs.)
    const hooks = hookRecords(s.timeline.trace.slice(from)).filter((h) => h.rule !== 'auto-retry');
    expect(hooks.map((h) => `${h.unit} ${h.hook} ${h.remoteUnit ?? ''}`).sort()).toEqual([
      'worker/0 master-relation-changed ',
      'worker/1 master-relation-changed ',
    ]);
    expect(hooks.every((h) => h.remoteApp === 'master')).toBe(true);
  });

  it('fires app-level relation-changed on every peer, the leader included, for a peer app-bag write (juju#20178)', () => {
    const s = sim();
    deployMeta(s, 'peered', PEERED, 3);
    const from = s.timeline.trace.length;
    s.run("juju exec --unit peered/0 -- relation-set -r cluster:0 --app k=v");
    const units = hookRecords(s.timeline.trace.slice(from))
      .filter((h) => h.kind === 'relation-changed' && h.remoteUnit === null)
      .map((h) => h.unit)
      .sort();
    expect(units).toEqual(['peered/0', 'peered/1', 'peered/2']);
  });

  it('can run app-level relation-changed before any relation-joined when the remote leader wrote in relation-created', () => {
    let sawEarly = false;
    for (let seed = 1; seed <= 20 && !sawEarly; seed++) {
      const s = sim('juju deploy postgresql\njuju deploy webapp -n 2', { seed });
      s.run('juju integrate webapp postgresql');
      for (const unit of ['webapp/0', 'webapp/1']) {
        const hooks = hookRecords(s.timeline.trace).filter((r) => r.unit === unit && r.relationId === 1);
        const appChanged = hooks.findIndex((r) => r.kind === 'relation-changed' && r.remoteUnit === null);
        const joined = hooks.findIndex((r) => r.kind === 'relation-joined');
        expect(appChanged).toBeGreaterThan(0);
        if (appChanged < joined) sawEarly = true;
      }
    }
    expect(sawEarly).toBe(true);
  });

  it('writes private-address, ingress-address and egress-subnets on scope entry, visible already in relation-joined', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    const joined = hookRecords(s.timeline.trace).find((r) => r.unit === 'master/0' && r.kind === 'relation-joined');
    expect(joined?.logs).toContain('Joined with WORKER at private-address: 10.0.0.11');
    s.run("juju exec --unit master/0 -- relation-get -r 0 - worker/0");
    expect(s.lastOutput()).toBe('egress-subnets: 10.0.0.11/32\ningress-address: 10.0.0.11\nprivate-address: 10.0.0.11\n');
  });

  it('reports the commit that caused a relation-changed', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    const writes = hookRecords(s.timeline.trace).filter((r) => r.changes.length > 0);
    const changed = hookRecords(s.timeline.trace).filter((r) => r.unit === 'worker/0' && r.kind === 'relation-changed');
    const last = changed.at(-1);
    expect(last?.cause).toBeGreaterThan(0);
    expect(writes.map((w) => w.seq)).toContain(last?.cause);
  });
});

describe('nextHooks', () => {
  it('lists each busy unit with its possible next hooks and the rule that queued them', () => {
    const s = sim('juju deploy master &\njuju deploy worker &');
    const queues = nextHooks(s.timeline.state);
    expect(queues.map((q) => q.unit)).toEqual(['master/0', 'worker/0']);
    expect(queues[0]?.ops[0]?.kind).toBe('install');
    expect(queues[0]?.ops[0]?.rule).toBe('install');
  });

  it('offers one candidate per relation where Juju leaves the order across relations open', () => {
    const s = sim('juju deploy webapp\njuju deploy postgresql &\njuju deploy smtp-server &\nstep 20');
    s.run('juju integrate webapp postgresql &\njuju integrate webapp smtp-server &');
    const webapp = nextHooks(s.timeline.state).find((q) => q.unit === 'webapp/0');
    expect(webapp?.ops.map((o) => o.relationId).sort()).toEqual([1, 2]);
    expect(webapp?.ops.every((o) => o.kind === 'relation-created')).toBe(true);
  });

  it('lets a manual step choose the unit and the candidate', () => {
    const s = sim('juju deploy master &\njuju deploy worker &');
    s.run('step --unit worker/0');
    expect(s.hooksOf('worker/0')).toEqual(['install']);
    expect(s.hooksOf('master/0')).toEqual([]);
  });

  it('refuses a manual step of a unit with nothing to run', () => {
    const s = sim('juju deploy master');
    s.run('step --unit master/0');
    expect(s.lastOutput()).toBe('ERROR unit "master/0" has no hook to run\n');
  });
});
