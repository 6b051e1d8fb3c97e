/** Commits and failures (JUJU-SEMANTICS §4): atomic hooks, error state, resolve, automatic retry. */
import { describe, expect, it } from 'vitest';
import { displayStatus } from '../../src/engine/format.ts';
import { retryDelay } from '../../src/engine/runner.ts';
import { hookRecords, NO_RETRY, sim } from '../helpers.ts';

const masterworker = 'juju deploy master\njuju deploy worker\njuju relate master worker';

describe('hook failure', () => {
  it('discards the writes of a failed hook and puts the unit in error with Juju\'s message', () => {
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker\nfail master/0 master-application-relation-joined\njuju relate master worker`);
    const joined = hookRecords(s.timeline.trace).find((r) => r.unit === 'master/0' && r.kind === 'relation-joined');
    expect(joined?.result).toBe('error');
    expect(joined?.changes).toEqual([]);
    const master = s.timeline.state.units.get('master/0');
    expect(master && displayStatus(master)).toEqual({ workload: 'error', message: 'hook failed: "master-application-relation-joined"' });
    s.run("juju exec --unit worker/0 -- relation-get -r master:0 worker/0-worker-key master/0");
    expect(s.lastOutput()).toBe('');
  });

  it('runs nothing else on the failed unit until resolved, while other units carry on', () => {
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker -n 2\nfail master/0 master-application-relation-joined\njuju relate master worker`);
    const from = s.timeline.trace.length;
    s.run('juju add-unit worker');
    const after = hookRecords(s.timeline.trace.slice(from));
    expect(after.filter((r) => r.unit === 'master/0')).toEqual([]);
    expect(s.hooksOf('worker/2', from)).toContain('master-relation-joined:master/0');
  });

  it('re-runs the same hook against current data on juju resolve, and commits it', () => {
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker\nfail master/0 master-application-relation-joined\njuju relate master worker`);
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
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker\nfail master/0 master-application-relation-joined\njuju relate master worker`);
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
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker -n 2\nfail worker/0 master-relation-changed\njuju relate master worker`);
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
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker\nfail master/0 master-application-relation-joined\njuju relate master worker`);
    s.run('juju remove-relation master worker');
    const broken = hookRecords(s.timeline.trace).find((r) => r.unit === 'worker/0' && r.kind === 'relation-broken');
    expect(broken?.result).toBe('error');
    expect(broken?.error).toBe("FileNotFoundError: [Errno 2] No such file or directory: 'WORKERKEY.file'");
  });
});

describe('failures during teardown', () => {
  it('departs a unit whose failed joined is resolved after the relation started going, before broken', () => {
    const s = sim(`${NO_RETRY}juju deploy smtp-server\njuju deploy webapp\nfail smtp-server/0 smtp-relation-joined\njuju integrate webapp:smtp smtp-server:smtp`);
    s.run('juju remove-relation webapp:smtp smtp-server:smtp');
    const from = s.timeline.trace.length;
    s.run('juju resolve --no-retry smtp-server/0');
    expect(s.hooksOf('smtp-server/0', from)).toEqual(['smtp-relation-changed:webapp/0', 'smtp-relation-departed:webapp/0', 'smtp-relation-broken']);
  });
});

describe('a retried hook keeps the data version it was chosen with (§4, issue point 5)', () => {
  // Arrange: worker/0's first relation-changed about master/0 fails; then the master
  // writes again while worker/0 is in error.
  const arrange = () => {
    const s = sim(`${NO_RETRY}juju deploy master\njuju deploy worker\nfail worker/0 master-relation-changed\njuju relate master worker`);
    const failed = hookRecords(s.timeline.trace).find((r) => r.unit === 'worker/0' && r.result === 'error');
    expect(failed?.hook).toBe('master-relation-changed');
    s.run('juju exec --unit master/0 -- relation-set -r master-application:0 message=again');
    return s;
  };

  it('gives one more relation-changed after a successful juju resolve', () => {
    const s = arrange();
    const from = s.timeline.trace.length;
    s.run('juju resolve worker/0');
    const after = hookRecords(s.timeline.trace.slice(from)).filter((r) => r.unit === 'worker/0');
    expect(after.map((r) => `${r.hook}:${r.remoteUnit}:${r.rule}`)).toEqual([
      'master-relation-changed:master/0:retry',
      'master-relation-changed:master/0:changed',
    ]);
    // The re-run read current data (the new message), yet recorded the old version.
    expect(after[0]?.logs.join('\n')).toContain('MASTER message: again');
  });

  it('gives one more relation-changed after juju resolve --no-retry too', () => {
    const s = arrange();
    const from = s.timeline.trace.length;
    s.run('juju resolve --no-retry worker/0');
    expect(s.hooksOf('worker/0', from)).toEqual(['master-relation-changed:master/0']);
  });

  it('gives one more relation-changed after an automatic retry', () => {
    const s = sim('juju deploy master\njuju deploy worker\nfail worker/0 master-relation-changed\njuju relate master worker &');
    // Run until worker/0 fails, then let the master write while it waits for its retry.
    while (!s.timeline.state.units.get('worker/0')?.agent.failed) s.run('step');
    s.run('juju exec --unit master/0 -- relation-set -r master-application:0 message=again');
    const after = hookRecords(s.timeline.trace).filter((r) => r.unit === 'worker/0' && r.hook === 'master-relation-changed' && r.remoteUnit === 'master/0');
    expect(after.map((r) => `${r.result}:${r.rule}`).slice(-3)).toEqual(['error:changed-after-joined', 'ok:auto-retry', 'ok:changed']);
  });
});

describe('automatic retry (automatically-retry-hooks, §4, issue point 5)', () => {
  it('is on by default: a one-off failure clears itself after the back-off, and the trace says why the hook ran again', () => {
    const s = sim(`juju deploy master\njuju deploy worker\nfail worker/0 master-relation-changed\njuju relate master worker`);
    s.run('juju model-config automatically-retry-hooks');
    expect(s.lastOutput()).toBe('true\n');
    const runs = hookRecords(s.timeline.trace).filter((r) => r.unit === 'worker/0' && r.hook === 'master-relation-changed');
    expect(runs[0]?.result).toBe('error');
    expect(runs[1]?.result).toBe('ok');
    expect(runs[1]?.rule).toBe('auto-retry');
    const worker = s.timeline.state.units.get('worker/0');
    expect(worker && displayStatus(worker).workload).not.toBe('error');
    expect(s.timeline.endNote).toBe('');
  });

  it('retries after Juju\'s back-off in logical time: 5 s, doubling, at most 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelay)).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300]);
    const s = sim('juju deploy ubuntu &\nfail ubuntu/0 start --always\nwait');
    const unit = s.timeline.state.units.get('ubuntu/0');
    // Failed on start, retried once 5 s later, failed again: the next retry is 10 s away.
    expect(unit?.agent.failures).toBe(2);
    expect((unit?.agent.retryAt ?? 0) - s.timeline.state.clock).toBe(10);
  });

  it('keeps a hook that always fails blocked, and wait stops, saying so, once it has failed again since the last command', () => {
    const s = sim('juju deploy ubuntu &\nfail ubuntu/0 start --always\nwait');
    const starts = () => hookRecords(s.timeline.trace).filter((r) => r.unit === 'ubuntu/0' && r.kind === 'start');
    expect(starts().map((r) => `${r.result}:${r.rule}`)).toEqual(['error:start', 'error:auto-retry']);
    expect(s.timeline.endNote).toMatch(/waiting stopped: .*ubuntu\/0 "start" \(failed 2 times, next automatic retry in 10 s\)/);
    const unit = s.timeline.state.units.get('ubuntu/0');
    expect(unit && displayStatus(unit)).toEqual({ workload: 'error', message: 'hook failed: "start"' });
    // Each wait gives it one more try.
    s.run('wait');
    expect(starts().map((r) => r.result)).toEqual(['error', 'error', 'error']);
    s.run('juju resolve ubuntu/0');
    expect(starts().at(-1)?.rule).toBe('retry');
  });

  it('fails a hook a given number of times with --times', () => {
    const s = sim('juju deploy ubuntu &\nfail ubuntu/0 start --times 2\nwait');
    s.run('wait');
    const starts = hookRecords(s.timeline.trace).filter((r) => r.unit === 'ubuntu/0' && r.kind === 'start');
    expect(starts.map((r) => r.result)).toEqual(['error', 'error', 'ok']);
  });

  it('leaves a failed hook to juju resolve when automatically-retry-hooks=false, and schedules it again when turned back on', () => {
    const s = sim(`${NO_RETRY}juju deploy ubuntu &\nfail ubuntu/0 start\nwait`);
    expect(s.timeline.state.units.get('ubuntu/0')?.agent.retryAt).toBeNull();
    expect(s.timeline.endHasWork).toBe(false);
    s.run('juju model-config');
    expect(s.lastOutput()).toBe('Attribute                  From   Value\nautomatically-retry-hooks  model  false\n');
    s.run('juju model-config automatically-retry-hooks=true');
    const starts = hookRecords(s.timeline.trace).filter((r) => r.unit === 'ubuntu/0' && r.kind === 'start');
    expect(starts.map((r) => `${r.result}:${r.rule}`)).toEqual(['error:start', 'ok:auto-retry']);
  });

  it('refuses model settings it does not simulate and values that are not booleans, as Juju words it', () => {
    const s = sim('juju deploy ubuntu');
    s.run('juju model-config automatically-retry-hooks=maybe');
    expect(s.lastOutput()).toBe('ERROR automatically-retry-hooks: expected bool, got string("maybe")\n');
    s.run('juju model-config no-such-key');
    expect(s.lastOutput()).toBe('ERROR key "no-such-key" not found in "relviz" model.\n');
  });
});
