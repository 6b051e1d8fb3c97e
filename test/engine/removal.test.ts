/** Removal (JUJU-SEMANTICS §5): remove-unit, remove-relation, remove-application. */
import { describe, expect, it } from 'vitest';
import { deployMeta, hookRecords, PEERED, PROVIDER, REQUIRER, sim } from '../helpers.ts';

const masterworker = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker';

describe('juju remove-unit', () => {
  it('runs departed for every remote unit, then broken, stop and remove on the departing unit', () => {
    // The limit of 1 on master's endpoint counts relations, not units: two master units relate to worker.
    const s = sim('juju deploy master -n 2\njuju deploy worker\njuju relate master worker');
    const from = s.timeline.trace.length;
    s.run('juju remove-unit worker/0');
    expect(s.hooksOf('worker/0', from)).toEqual([
      'master-relation-departed:master/0',
      'master-relation-departed:master/1',
      'master-relation-broken',
      'stop',
      'remove',
    ]);
  });

  it('sets JUJU_DEPARTING_UNIT to the departing unit on both sides', () => {
    const s = sim(masterworker);
    const from = s.timeline.trace.length;
    s.run('juju remove-unit worker/1');
    const departed = hookRecords(s.timeline.trace.slice(from)).filter((r) => r.kind === 'relation-departed');
    expect(departed.map((r) => [r.unit, r.remoteUnit, r.departingUnit]).sort()).toEqual([
      ['master/0', 'worker/1', 'worker/1'],
      ['worker/1', 'master/0', 'worker/1'],
    ]);
  });

  it('runs nothing more about the departed unit on the units that stay', () => {
    const s = sim(masterworker);
    const from = s.timeline.trace.length;
    s.run('juju remove-unit worker/1');
    const about = hookRecords(s.timeline.trace.slice(from)).filter((r) => r.unit === 'master/0' && r.remoteUnit === 'worker/1');
    expect(about.map((r) => r.kind)).toEqual(['relation-departed']);
  });

  it('does not break the relation on the other side when the last remote unit goes', () => {
    const s = sim(masterworker);
    const from = s.timeline.trace.length;
    s.run('juju remove-unit worker/0 worker/1');
    const master = s.hooksOf('master/0', from);
    expect(master.filter((h) => h.includes('departed'))).toHaveLength(2);
    expect(master.some((h) => h.includes('broken'))).toBe(false);
    expect(s.timeline.state.relations.has(0)).toBe(true);
  });

  it('keeps the departing unit readable by relation-get during departed, though relation-list no longer shows it', () => {
    const s = sim();
    deployMeta(s, 'prov', PROVIDER, 1);
    deployMeta(s, 'req', REQUIRER, 2);
    s.run('juju integrate prov req');
    s.run('juju remove-unit req/1 &');
    // Drive prov/0 to its departed hook, then look from inside the model.
    while (!hookRecords(s.timeline.trace).some((r) => r.unit === 'prov/0' && r.kind === 'relation-departed')) s.run('step');
    s.run("juju exec --unit prov/0 -- relation-get -r db:0 private-address req/1");
    expect(s.lastOutput()).toBe('10.0.0.12\n');
    s.run("juju exec --unit prov/0 -- relation-list -r db:0");
    expect(s.lastOutput()).toBe('req/0\n');
  });

  it('removes a unit that never installed at once, with no hooks', () => {
    const s = sim('juju deploy master\njuju deploy worker &');
    s.run('juju remove-unit worker/0');
    expect(s.hooksOf('worker/0')).toEqual([]);
    expect(s.timeline.state.units.has('worker/0')).toBe(false);
  });
});

describe('juju remove-relation', () => {
  it('runs departed for every remote unit and then broken once, on every unit of both sides', () => {
    const s = sim(masterworker);
    const from = s.timeline.trace.length;
    s.run('juju remove-relation master worker');
    expect(s.hooksOf('master/0', from)).toEqual([
      'master-application-relation-departed:worker/0',
      'master-application-relation-departed:worker/1',
      'master-application-relation-broken',
    ]);
    for (const w of ['worker/0', 'worker/1']) expect(s.hooksOf(w, from)).toEqual(['master-relation-departed:master/0', 'master-relation-broken']);
    expect(s.timeline.state.relations.size).toBe(0);
  });

  it('sets JUJU_DEPARTING_UNIT to the remote unit', () => {
    const s = sim(masterworker);
    const from = s.timeline.trace.length;
    s.run('juju remove-relation master worker');
    for (const r of hookRecords(s.timeline.trace.slice(from)).filter((h) => h.kind === 'relation-departed')) {
      expect(r.departingUnit).toBe(r.remoteUnit);
    }
  });

  it('in relation-broken: empty relation-list, no JUJU_REMOTE_UNIT, JUJU_REMOTE_APP set, the id gone from relation-ids', () => {
    const s = sim(masterworker);
    const from = s.timeline.trace.length;
    s.run('juju remove-relation master worker');
    const broken = hookRecords(s.timeline.trace.slice(from)).find((r) => r.unit === 'master/0' && r.kind === 'relation-broken');
    expect(broken?.remoteUnit).toBeNull();
    expect(broken?.remoteApp).toBe('worker');
    expect(broken?.departingUnit).toBeNull();
  });

  it('runs broken even when the remote application never had a unit', () => {
    const s = sim('juju deploy master\njuju deploy worker -n 1\njuju remove-unit worker/0\njuju relate master worker');
    const from = s.timeline.trace.length;
    s.run('juju remove-relation master worker');
    expect(s.hooksOf('master/0', from)).toEqual(['master-application-relation-broken']);
  });

  it('refuses to remove a relation that does not exist', () => {
    const s = sim('juju deploy master\njuju deploy worker');
    s.run('juju remove-relation master worker');
    // state InferActiveRelation: NotFoundf("relation matching %q").
    expect(s.lastOutput()).toBe('ERROR relation matching "master worker" not found\n');
  });
});

describe('juju remove-application', () => {
  it('tears down every unit of the application and breaks the relation on the other side', () => {
    const s = sim(masterworker);
    const from = s.timeline.trace.length;
    s.run('juju remove-application worker');
    expect(s.hooksOf('master/0', from)).toEqual([
      'master-application-relation-departed:worker/0',
      'master-application-relation-departed:worker/1',
      'master-application-relation-broken',
    ]);
    for (const w of ['worker/0', 'worker/1']) {
      expect(s.hooksOf(w, from)).toEqual(['master-relation-departed:master/0', 'master-relation-broken', 'stop', 'remove']);
    }
    expect(s.timeline.state.apps.has('worker')).toBe(false);
    expect(s.timeline.state.relations.size).toBe(0);
  });

  it('never runs relation-broken for a peer relation, not even in teardown', () => {
    const s = sim();
    deployMeta(s, 'peered', PEERED, 3);
    const from = s.timeline.trace.length;
    s.run('juju remove-application peered');
    const hooks = hookRecords(s.timeline.trace.slice(from));
    expect(hooks.some((h) => h.kind === 'relation-broken')).toBe(false);
    for (const u of ['peered/0', 'peered/1', 'peered/2']) {
      const own = hooks.filter((h) => h.unit === u).map((h) => h.kind);
      expect(own).toEqual(['relation-departed', 'relation-departed', 'stop', 'remove']);
    }
  });
});
