/** Commits and failures (JUJU-SEMANTICS §4): atomic hooks, error state, resolve. */
import { describe, expect, it } from 'vitest';
import { displayStatus } from '../../src/engine/format.ts';
import { hookRecords, sim } from '../helpers.ts';

const masterworker = 'juju deploy master\njuju deploy worker\njuju relate master worker';

describe('hook failure', () => {
  it('discards the writes of a failed hook and puts the unit in error with Juju\'s message', () => {
    const s = sim('juju deploy master\njuju deploy worker\nfail master/0 master-application-relation-joined\njuju relate master worker');
    const joined = hookRecords(s.timeline.trace).find((r) => r.unit === 'master/0' && r.kind === 'relation-joined');
    expect(joined?.result).toBe('error');
    expect(joined?.changes).toEqual([]);
    const master = s.timeline.state.units.get('master/0');
    expect(master && displayStatus(master)).toEqual({ workload: 'error', message: 'hook failed: "master-application-relation-joined"' });
    s.run("juju exec --unit worker/0 -- relation-get -r master:0 worker/0-worker-key master/0");
    expect(s.lastOutput()).toBe('');
  });

  it('runs nothing else on the failed unit until resolved, while other units carry on', () => {
    const s = sim('juju deploy master\njuju deploy worker -n 2\nfail master/0 master-application-relation-joined\njuju relate master worker');
    const afterFailure = hookRecords(s.timeline.trace);
    const failedAt = afterFailure.findIndex((r) => r.result === 'error');
    expect(afterFailure.slice(failedAt + 1).filter((r) => r.unit === 'master/0')).toEqual([]);
    expect(afterFailure.slice(failedAt + 1).some((r) => r.unit.startsWith('worker/'))).toBe(true);
  });

  it('re-runs the same hook against current data on juju resolve, and commits it', () => {
    const s = sim('juju deploy master\njuju deploy worker\nfail master/0 master-application-relation-joined\njuju relate master worker');
    const from = s.timeline.trace.length;
    s.run('juju resolve master/0');
    const retried = hookRecords(s.timeline.trace.slice(from)).filter((r) => r.unit === 'master/0');
    expect(retried[0]?.hook).toBe('master-application-relation-joined');
    expect(retried[0]?.rule).toBe('retry');
    expect(retried[0]?.result).toBe('ok');
    expect(retried[0]?.changes[0]?.diff.added).toHaveProperty('worker/0-worker-key');
    expect(retried[1]?.hook).toBe('master-application-relation-changed');
  });

  it('marks the hook done without its writes on juju resolve --no-retry', () => {
    const s = sim('juju deploy master\njuju deploy worker\nfail master/0 master-application-relation-joined\njuju relate master worker');
    const from = s.timeline.trace.length;
    s.run('juju resolve --no-retry master/0');
    const next = hookRecords(s.timeline.trace.slice(from)).filter((r) => r.unit === 'master/0');
    expect(next.map((r) => r.hook)).toEqual(['master-application-relation-changed']);
    s.run("juju exec --unit worker/0 -- relation-get -r master:0 - master/0");
    expect(s.lastOutput()).not.toContain('worker-key');
  });

  it('refuses to resolve a unit that is not in error', () => {
    const s = sim('juju deploy master');
    s.run('juju resolve master/0');
    expect(s.lastOutput()).toBe('ERROR unit "master/0" is not in an error state\n');
  });

  it('fails only the next run of the named hook', () => {
    const s = sim('juju deploy master\njuju deploy worker -n 2\nfail worker/0 master-relation-changed\njuju relate master worker');
    const changed = hookRecords(s.timeline.trace).filter((r) => r.unit === 'worker/0' && r.kind === 'relation-changed');
    expect(changed.map((r) => r.result)).toEqual(['error']);
    s.run('juju resolve worker/0');
    const again = hookRecords(s.timeline.trace).filter((r) => r.unit === 'worker/0' && r.kind === 'relation-changed');
    expect(again.slice(1).every((r) => r.result === 'ok')).toBe(true);
  });

  it('commits a juju exec only when the command succeeds', () => {
    const s = sim(masterworker);
    const before = s.hooksOf('worker/0').length;
    s.run("juju exec --unit master/0 -- relation-set -r master-application:0 a=1 && relation-get -r 9 - worker/0");
    expect(s.lastOutput()).toContain('ERROR');
    expect(s.hooksOf('worker/0').length).toBe(before);
  });
});

describe('masterworker failure mode', () => {
  it('fails master-relation-broken with FileNotFoundError when the worker never received a key', () => {
    const s = sim('juju deploy master\njuju deploy worker\nfail master/0 master-application-relation-joined\njuju relate master worker');
    s.run('juju remove-relation master worker');
    const broken = hookRecords(s.timeline.trace).find((r) => r.unit === 'worker/0' && r.kind === 'relation-broken');
    expect(broken?.result).toBe('error');
    expect(broken?.error).toBe("FileNotFoundError: [Errno 2] No such file or directory: 'WORKERKEY.file'");
  });
});

describe('failures during teardown', () => {
  it('departs a unit whose failed joined is resolved after the relation started going, before broken', () => {
    const s = sim('juju deploy smtp-server\njuju deploy webapp\nfail smtp-server/0 smtp-relation-joined\njuju integrate webapp:smtp smtp-server:smtp');
    s.run('juju remove-relation webapp:smtp smtp-server:smtp');
    const from = s.timeline.trace.length;
    s.run('juju resolve --no-retry smtp-server/0');
    expect(s.hooksOf('smtp-server/0', from)).toEqual(['smtp-relation-changed:webapp/0', 'smtp-relation-departed:webapp/0', 'smtp-relation-broken']);
  });
});
