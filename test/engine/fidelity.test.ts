/**
 * Regression scenarios for the rules the audit against Juju's source corrected
 * (JUJU-SEMANTICS §2, §5, §7, §9; issue 8 points 3, 4, 6 and 7), written from the
 * reference as arrange / act / assert. Points 1, 2 and 5 live in leadership.test.ts
 * and failures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { HookContext } from '../../src/engine/context.ts';
import { makeRelationOp } from '../../src/engine/ops.ts';
import type { JujuVersion } from '../../src/engine/model.ts';
import { nextHooks } from '../../src/engine/sim.ts';
import { deployMeta, hookRecords, NO_RETRY, PROVIDER, REQUIRER, sim } from '../helpers.ts';

const VERSIONS: JujuVersion[] = ['3.6', '4.0'];

describe("point 3: a subordinate's departing unit is itself (§7)", () => {
  const model = 'juju deploy webapp -n 2\njuju deploy rsyslog-forwarder\njuju integrate webapp rsyslog-forwarder';
  const ways = [
    ['the container relation is removed', 'juju remove-relation webapp rsyslog-forwarder'],
    ['its principal unit is removed', 'juju remove-unit webapp/0'],
    ['the principal application is removed', 'juju remove-application webapp'],
  ] as const;
  for (const juju of VERSIONS) {
    for (const [why, command] of ways) {
      it(`carries JUJU_DEPARTING_UNIT=<the subordinate> when ${why} (Juju ${juju})`, () => {
        // Arrange: webapp/0 with its rsyslog-forwarder/0 on machine 0.
        const s = sim(model, { juju });
        expect(s.timeline.state.units.get('rsyslog-forwarder/0')?.principal).toBe('webapp/0');
        // Act
        const from = s.timeline.trace.length;
        s.run(command);
        // Assert: the subordinate's departed names itself, so the ops idiom takes the "I am leaving" branch.
        const departed = hookRecords(s.timeline.trace.slice(from)).filter((r) => r.unit === 'rsyslog-forwarder/0' && r.kind === 'relation-departed');
        expect(departed.map((r) => [r.remoteUnit, r.departingUnit])).toEqual([['webapp/0', 'rsyslog-forwarder/0']]);
        expect(departed[0]?.logs).toEqual(['I am leaving: stop forwarding']);
        expect(s.hooksOf('rsyslog-forwarder/0', from)).toEqual(['syslog-relation-departed:webapp/0', 'syslog-relation-broken', 'stop', 'remove']);
        // The principal, alive or not, sees the subordinate depart.
        const principal = hookRecords(s.timeline.trace.slice(from)).find((r) => r.unit === 'webapp/0' && r.kind === 'relation-departed');
        expect(principal?.remoteUnit).toBe('rsyslog-forwarder/0');
      });
    }
  }

  it('keeps the principal as the departing unit while the subordinate has another container relation to it', () => {
    const s = sim();
    deployMeta(s, 'sub', 'name: sub\nsubordinate: true\nrequires:\n  a:\n    interface: syslog-a\n    scope: container\n  b:\n    interface: syslog-b\n    scope: container\n', 0);
    deployMeta(s, 'host', 'name: host\nprovides:\n  a:\n    interface: syslog-a\n  b:\n    interface: syslog-b\n', 1);
    s.run('juju integrate sub:a host:a\njuju integrate sub:b host:b');
    const from = s.timeline.trace.length;
    s.run('juju remove-relation sub:a host:a');
    const departed = hookRecords(s.timeline.trace.slice(from)).filter((r) => r.unit === 'sub/0' && r.kind === 'relation-departed');
    expect(departed.map((r) => r.departingUnit)).toEqual(['host/0']);
    expect(s.timeline.state.units.get('sub/0')?.life).toBe('alive');
  });
});

describe('point 4: scope entry for all relations at once (§2 rule 1)', () => {
  // prov provides db to req; prov/1 joins a model where prov has two relations.
  const arrange = (seed = 1) => {
    const s = sim('', { seed });
    deployMeta(s, 'prov', PROVIDER, 1);
    deployMeta(s, 'req', REQUIRER, 1);
    deployMeta(s, 'req2', REQUIRER, 1);
    s.run('juju integrate prov req\njuju integrate prov req2\njuju add-unit prov &');
    return s;
  };

  it('enters the scope of every alive relation right after install, before any relation-created runs', () => {
    const s = arrange();
    s.run('step --unit prov/1');
    expect(s.hooksOf('prov/1')).toEqual(['install']);
    for (const rel of s.timeline.state.relations.values()) expect(rel.scope.has('prov/1'), rel.key).toBe(true);
    // Its relation-created hooks come next, one per relation, in any order.
    const next = nextHooks(s.timeline.state).find((q) => q.unit === 'prov/1');
    expect(next?.ops.map((o) => o.kind)).toEqual(['relation-created', 'relation-created']);
  });

  it('offers a remote unit relation-joined for the new unit while the new unit still has its relation-created to run', () => {
    const s = arrange();
    s.run('step --unit prov/1');
    // At this moment both are legal: req/0 may join prov/1, prov/1 may run its created hooks.
    const queues = nextHooks(s.timeline.state);
    expect(queues.find((q) => q.unit === 'req/0')?.ops.map((o) => `${o.kind}:${o.remoteUnit}`)).toEqual(['relation-joined:prov/1']);
    expect(queues.find((q) => q.unit === 'prov/1')?.ops.every((o) => o.kind === 'relation-created')).toBe(true);
  });

  it('shows the interleaving that surprises people at seed 1: req/0 joins prov/1 before prov/1 ran that relation-created', () => {
    const s = sim('', { seed: 1 });
    deployMeta(s, 'prov', PROVIDER, 1);
    deployMeta(s, 'req', REQUIRER, 1);
    deployMeta(s, 'req2', REQUIRER, 1);
    s.run('juju integrate prov req\njuju integrate prov req2\njuju add-unit prov');
    const order = hookRecords(s.timeline.trace).map((r) => `${r.unit} ${r.hook}${r.remoteUnit ? `:${r.remoteUnit}` : ''}`);
    expect(order.indexOf('req/0 db-relation-joined:prov/1')).toBeGreaterThan(order.indexOf('prov/1 install'));
    expect(order.indexOf('req/0 db-relation-joined:prov/1')).toBeLessThan(order.indexOf('prov/1 db-relation-created'));
  });

  it('enters a relation added while the unit is already running at once, on both sides', () => {
    const s = sim();
    deployMeta(s, 'prov', PROVIDER, 2);
    deployMeta(s, 'req', REQUIRER, 2);
    s.run('juju integrate prov req &');
    const rel = [...s.timeline.state.relations.values()][0];
    expect([...(rel?.scope.keys() ?? [])].sort()).toEqual(['prov/0', 'prov/1', 'req/0', 'req/1']);
  });

  it('runs relation-broken without relation-created when the relation goes before the unit ran its created hook, as Juju does', () => {
    // relation/resolver.go needs only the relation state Juju keeps from scope entry on.
    const s = arrange();
    s.run('step --unit prov/1');
    s.run('juju remove-relation prov req');
    const hooks = s.hooksOf('prov/1').filter((h) => h.startsWith('db-relation'));
    expect(hooks.filter((h) => h === 'db-relation-created')).toHaveLength(1);
    expect(hooks.filter((h) => h === 'db-relation-broken')).toHaveLength(1);
  });

  it('makes a unit that was in error catch up on the relations added meanwhile once its hook succeeds', () => {
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker &\nfail worker/0 start\nwait`);
    s.run('juju relate master worker');
    expect(s.timeline.state.relations.get(0)?.scope.has('worker/0')).toBe(false);
    s.run('juju resolve worker/0');
    expect(s.hooksOf('worker/0')).toContain('master-relation-created');
    expect(s.hooksOf('worker/0')).toContain('master-relation-joined:master/0');
  });
});

describe('point 6: relation-ids hides exactly what Juju hides (§5, §9)', () => {
  it('sorts ids as strings: db:10 before db:2', () => {
    const s = sim('juju deploy smtp-server\njuju deploy webapp w1\njuju deploy webapp w2\njuju integrate w1:smtp smtp-server');
    // Churn the model-wide counter up to 9 for w1, then relate w2 (id 10).
    while (s.timeline.state.nextRelationId < 10) s.run('juju remove-relation w1:smtp smtp-server\njuju integrate w1:smtp smtp-server');
    s.run('juju integrate w2:smtp smtp-server');
    s.run('juju exec --unit smtp-server/0 -- relation-ids smtp');
    expect(s.lastOutput()).toBe('smtp:10\nsmtp:9\n');
  });

  it('leaves out a dying relation with no members left in juju exec (after a failed relation-broken)', () => {
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker\njuju relate master worker\nfail worker/0 master-relation-broken`);
    s.run('juju remove-relation master worker');
    expect(s.timeline.state.units.get('worker/0')?.agent.failed?.kind).toBe('relation-broken');
    s.run('juju exec --unit worker/0 -- relation-ids master');
    expect(s.lastOutput()).toBe('');
  });

  it('still lists the relation in the broken of a unit removed while the relation stays alive', () => {
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker -n 2\njuju relate master worker\nfail worker/1 master-relation-broken`);
    s.run('juju remove-unit worker/1');
    expect(s.timeline.state.units.get('worker/1')?.agent.failed?.kind).toBe('relation-broken');
    s.run('juju exec --unit worker/1 -- relation-ids master');
    expect(s.lastOutput()).toBe('master:0\n');
  });

  it('hides the id from relation-ids inside relation-broken of a removed relation, and not of a peer relation', () => {
    const s = sim('juju deploy postgresql -n 2\njuju deploy webapp\njuju integrate webapp:db postgresql:database');
    s.run('juju remove-relation webapp postgresql &');
    const unit = s.timeline.state.units.get('webapp/0');
    if (!unit) throw new Error('no webapp/0');
    const broken = makeRelationOp('webapp/0', 'relation-broken', 'broken', 1, 'db', null, 'postgresql', null, 0);
    // Once webapp/0 departed postgresql's units, the relation is dying with no members: hidden.
    while (unit.agent.relations.get(1)?.members.size) s.run('step --unit webapp/0');
    expect(new HookContext(s.timeline.state, unit, broken).relationIds('db')).toEqual([]);
    const pg = s.timeline.state.units.get('postgresql/0');
    if (!pg) throw new Error('no postgresql/0');
    expect(new HookContext(s.timeline.state, pg, null).relationIds('replicas')).toEqual(['replicas:0']);
  });
});

describe("point 7: Juju's own words (§7, §9)", () => {
  it('refuses an application name where relation-get expects a unit', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run('juju exec --unit master/0 -- relation-get -r master-application:0 - worker');
    expect(s.lastOutput()).toBe('ERROR expected unit name, got application name "worker"\n');
    s.run('juju exec --unit master/0 -- relation-get -r master-application:0 --app - worker');
    expect(s.lastOutput()).toBe('{}\n');
  });

  it('prints juju show-unit with Juju\'s fields in Juju\'s order, local-unit only for a peer relation, and no status or subordinates', () => {
    const s = sim('juju deploy postgresql -n 2\njuju deploy webapp\njuju integrate webapp:db postgresql:database\njuju deploy rsyslog-forwarder\njuju integrate webapp rsyslog-forwarder');
    s.run('juju show-unit postgresql/0');
    const out = s.lastOutput();
    const topKeys = out.split('\n').filter((l) => /^ {2}[a-z-]+:/.test(l)).map((l) => l.trim().split(':')[0]);
    expect(topKeys).toEqual(['machine', 'opened-ports', 'public-address', 'charm', 'leader', 'life', 'relation-info']);
    const entries = out.split('\n  - ').slice(1);
    const peer = entries.find((e) => e.includes('endpoint: replicas'));
    const regular = entries.find((e) => e.includes('endpoint: database'));
    const keysOf = (e: string | undefined) => (e ?? '').split('\n').filter((l) => /^( {4})?[a-z-]+:/.test(l.replace(/^relation-id/, '    relation-id'))).map((l) => l.trim().split(':')[0]);
    expect(keysOf(peer)).toEqual(['relation-id', 'endpoint', 'related-endpoint', 'application-data', 'local-unit', 'related-units']);
    expect(keysOf(regular)).toEqual(['relation-id', 'endpoint', 'related-endpoint', 'application-data', 'related-units']);
    s.run('juju show-unit webapp/0');
    expect(s.lastOutput()).not.toMatch(/workload-status|subordinates|principal/);
  });

  it('keys every relation requirer first in integrate messages and juju status', () => {
    const s = sim('juju deploy postgresql\njuju deploy webapp\njuju integrate postgresql webapp');
    expect([...s.timeline.state.relations.values()].map((r) => r.key)).toEqual(['postgresql:replicas', 'webapp:db postgresql:database']);
    s.run('juju integrate webapp postgresql');
    expect(s.lastOutput().split('\n')[0]).toBe('ERROR cannot add relation "webapp:db postgresql:database"');
  });
});
