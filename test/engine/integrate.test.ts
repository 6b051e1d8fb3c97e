/** `juju integrate` and the model errors Juju gives (JUJU-SEMANTICS §7). */
import { describe, expect, it } from 'vitest';
import { deployMeta, sim } from '../helpers.ts';

describe('juju integrate', () => {
  it('refuses endpoints with no compatible pair', () => {
    const s = sim('juju deploy master\njuju deploy postgresql');
    s.run('juju integrate master postgresql');
    expect(s.lastOutput()).toBe('ERROR no relations found\n');
  });

  it('refuses two requirers', () => {
    const s = sim('juju deploy worker\njuju deploy worker other');
    s.run('juju integrate worker other');
    expect(s.lastOutput()).toBe('ERROR no relations found\n');
  });

  it('lists the candidates when the request is ambiguous', () => {
    const s = sim();
    deployMeta(s, 'multi', 'name: multi\nprovides:\n  a:\n    interface: thing\n  b:\n    interface: thing\n', 1);
    deployMeta(s, 'req', 'name: req\nrequires:\n  db:\n    interface: thing\n', 1);
    s.run('juju integrate multi req');
    // Juju's keys put the requirer first (state epSlice order, §7), sorted.
    expect(s.lastOutput()).toBe('ERROR ambiguous relation: "multi req" could refer to "req:db multi:a"; "req:db multi:b"\n');
    s.run('juju integrate multi:b req');
    expect(s.lastOutput()).toBe('');
    expect([...s.timeline.state.relations.values()].map((r) => r.key)).toEqual(['req:db multi:b']);
  });

  it('enforces the endpoint limit at integrate time', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju deploy worker worker2\njuju relate master worker');
    s.run('juju relate master worker2');
    expect(s.lastOutput()).toBe(
      'ERROR cannot add relation "worker2:master master:master-application": establishing a new relation for master:master-application would exceed its maximum relation limit of 1 (quota limit exceeded)\n',
    );
  });

  it('refuses a relation that already exists, in Juju 3\'s words (featuretest cmd_relation_test.go)', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run('juju relate worker master');
    expect(s.lastOutput()).toBe(
      'ERROR cannot add relation "worker:master master:master-application"\n' +
        'relation worker:master master:master-application (already exists): \n\n' +
        "Use 'juju status --relations' to view the current relations.\n",
    );
  });

  it('refuses unknown applications and endpoints', () => {
    const s = sim('juju deploy master');
    s.run('juju integrate master nosuch');
    expect(s.lastOutput()).toBe('ERROR application "nosuch" not found\n');
    s.run('juju deploy worker\njuju integrate master:nope worker');
    expect(s.lastOutput()).toBe('ERROR application "master" has no "nope" relation\n');
  });

  it('finds no relation for a peer endpoint or an application with itself: peer endpoints are filtered out first (InferEndpoints)', () => {
    const s = sim('juju deploy postgresql');
    for (const line of ['juju integrate postgresql:replicas postgresql:replicas', 'juju integrate postgresql postgresql']) {
      s.run(line);
      expect(s.lastOutput()).toBe('ERROR no relations found\n');
    }
  });

  it('finds no relation for a container-scoped pair without a subordinate (containerScopeOk)', () => {
    const s = sim();
    deployMeta(s, 'a', 'name: a\nprovides:\n  logs:\n    interface: syslog\n    scope: container\n', 1);
    deployMeta(s, 'b', 'name: b\nrequires:\n  logs:\n    interface: syslog\n', 1);
    s.run('juju integrate a b');
    expect(s.lastOutput()).toBe('ERROR no relations found\n');
  });

  it('prefers an explicit endpoint over the implicit juju-info', () => {
    const s = sim('juju deploy webapp\njuju deploy rsyslog-forwarder\njuju integrate webapp rsyslog-forwarder');
    expect([...s.timeline.state.relations.values()].map((r) => r.key)).toEqual(['webapp:log-forwarder rsyslog-forwarder:syslog']);
  });

  it('changes nothing when refused', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju deploy worker w2\njuju relate master worker');
    const before = s.timeline.state.nextRelationId;
    s.run('juju relate master w2');
    expect(s.timeline.state.nextRelationId).toBe(before);
    expect(s.timeline.state.relations.size).toBe(1);
  });
});

describe('deploy and other refusals', () => {
  it('refuses unknown charms and duplicate application names', () => {
    const s = sim('juju deploy nosuchcharm');
    expect(s.lastOutput()).toBe('ERROR cannot resolve charm or bundle "nosuchcharm": charm or bundle not found\n');
    s.run('juju deploy master\njuju deploy master');
    expect(s.lastOutput()).toBe('ERROR cannot add application "master": application already exists\n');
  });

  it('refuses unknown units and applications', () => {
    const s = sim('juju deploy master');
    s.run('juju remove-unit master/5');
    expect(s.lastOutput()).toBe('ERROR removing unit master/5 failed: unit "master/5" does not exist\n');
    s.run('juju add-unit nope');
    expect(s.lastOutput()).toBe('ERROR application "nope" not found\n');
    s.run('juju run master/3 broadcast-message message=x');
    expect(s.lastOutput()).toBe('ERROR unit "master/3" not found\n');
    s.run('juju run master/0 nope');
    expect(s.lastOutput()).toBe('ERROR action "nope" not defined on unit "master/0"\n');
  });

  it('never reuses unit numbers', () => {
    const s = sim('juju deploy ubuntu -n 2\njuju remove-unit ubuntu/1\njuju add-unit ubuntu');
    expect(s.timeline.state.apps.get('ubuntu')?.units).toEqual(['ubuntu/0', 'ubuntu/2']);
  });
});
