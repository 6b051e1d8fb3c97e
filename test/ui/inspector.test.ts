/** What the hook inspector shows, over the masterworker trace: which hook, its environment, its cause, its writes. */
import { describe, expect, it } from 'vitest';
import type { HookRecord } from '../../src/engine/trace.ts';
import { causeOf, changeLines, envRows, hookBefore, inspectedHook, writerLabel } from '../../src/ui/inspector/inspect.ts';
import { sim } from '../helpers.ts';

const masterworker = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker';

function hook(hooks: readonly HookRecord[], unit: string, kind: HookRecord['kind'], nth = 0): HookRecord {
  const h = hooks.filter((r) => r.unit === unit && r.kind === kind)[nth];
  if (!h) throw new Error(`no ${kind} on ${unit}`);
  return h;
}

const env = (r: HookRecord) => Object.fromEntries(envRows(r).map((e) => [e.name, e.value]));

describe('which hook the inspector shows', () => {
  it('follows the cursor: the last hook at or before it, skipping command and event records', () => {
    const s = sim(masterworker);
    const t = s.timeline;
    const trace = t.fullTrace;
    expect(inspectedHook(trace, t.traceIndexAt(0), null)).toBeNull();
    const last = s.hooks().at(-1);
    expect(inspectedHook(trace, t.traceIndexAt(t.length), null)?.record).toEqual(last);
    // The first tick is the deploy command: no hook yet.
    expect(hookBefore(trace, t.traceIndexAt(1))).toBeNull();
  });

  it('shows the picked hook, and says when it runs after the cursor', () => {
    const s = sim(masterworker);
    const t = s.timeline;
    const install = hook(s.hooks(), 'worker/1', 'install');
    const picked = inspectedHook(t.fullTrace, t.traceIndexAt(t.length), install.seq);
    expect(picked).toMatchObject({ pinned: true, ahead: false });
    expect(picked?.record).toEqual(install);
    expect(inspectedHook(t.fullTrace, t.traceIndexAt(1), install.seq)).toMatchObject({ pinned: true, ahead: true });
  });

  it('follows the cursor when the picked seq is not a hook of this history', () => {
    const s = sim(masterworker);
    const t = s.timeline;
    expect(inspectedHook(t.fullTrace, t.traceIndexAt(t.length), 10_000)).toMatchObject({ pinned: false });
  });
});

describe('the environment (JUJU-SEMANTICS §8)', () => {
  it('lists every relation variable, unset ones as null, for a non-relation hook', () => {
    const s = sim(masterworker);
    const e = env(hook(s.hooks(), 'master/0', 'install'));
    expect(e).toMatchObject({ JUJU_UNIT_NAME: 'master/0', JUJU_HOOK_NAME: 'install', JUJU_RELATION: null, JUJU_REMOTE_UNIT: null, JUJU_DEPARTING_UNIT: null, JUJU_MODEL_NAME: 'relviz' });
    expect(envRows(hook(s.hooks(), 'master/0', 'install')).map((r) => r.name).slice(0, 7)).toEqual([
      'JUJU_UNIT_NAME',
      'JUJU_HOOK_NAME',
      'JUJU_RELATION',
      'JUJU_RELATION_ID',
      'JUJU_REMOTE_UNIT',
      'JUJU_REMOTE_APP',
      'JUJU_DEPARTING_UNIT',
    ]);
  });

  it('gives relation-created an empty JUJU_REMOTE_UNIT and the remote app', () => {
    const s = sim(masterworker);
    expect(env(hook(s.hooks(), 'worker/0', 'relation-created'))).toMatchObject({ JUJU_RELATION: 'master', JUJU_RELATION_ID: 'master:0', JUJU_REMOTE_UNIT: '', JUJU_REMOTE_APP: 'master', JUJU_DEPARTING_UNIT: null });
  });

  it('sets JUJU_DEPARTING_UNIT in departed: the removed unit on the other side, itself on the dying unit', () => {
    const s = sim(masterworker);
    s.run('juju remove-unit worker/1');
    expect(env(hook(s.hooks(), 'master/0', 'relation-departed'))).toMatchObject({ JUJU_REMOTE_UNIT: 'worker/1', JUJU_DEPARTING_UNIT: 'worker/1' });
    expect(env(hook(s.hooks(), 'worker/1', 'relation-departed'))).toMatchObject({ JUJU_REMOTE_UNIT: 'master/0', JUJU_DEPARTING_UNIT: 'worker/1' });
  });

  it('adds JUJU_ACTION_NAME for an action', () => {
    const s = sim(masterworker);
    s.run('juju run-action master/0 broadcast-message message=hi');
    expect(env(hook(s.hooks(), 'master/0', 'action'))).toMatchObject({ JUJU_ACTION_NAME: 'broadcast-message', JUJU_RELATION: null });
  });
});

describe('why a relation-changed fired', () => {
  it("points a worker's changed at the master's commit it reports", () => {
    const s = sim(masterworker);
    const trace = [...s.timeline.fullTrace];
    const changed = s.hooks().filter((h) => h.unit === 'worker/0' && h.kind === 'relation-changed' && h.cause > 0).at(-1);
    if (!changed) throw new Error('no caused changed');
    const cause = causeOf(trace, changed);
    expect(cause?.seq).toBe(changed.cause);
    expect(cause?.label).toBe('master/0 master-application-relation-joined');
    expect(trace[cause?.index ?? -1]).toMatchObject({ type: 'hook', seq: changed.cause });
  });

  it('names an action and a juju exec as writers', () => {
    const s = sim(masterworker);
    s.run('juju run-action master/0 broadcast-message message=hi\njuju exec --unit master/0 -- relation-set -r 0 k=v');
    const trace = [...s.timeline.fullTrace];
    const byAction = s.hooks().find((h) => h.kind === 'relation-changed' && h.cause > 0 && trace.some((r) => r.type === 'hook' && r.seq === h.cause && r.kind === 'action'));
    expect(byAction && causeOf(trace, byAction)?.label).toBe('master/0 broadcast-message (action)');
    const exec = trace.find((r) => r.type === 'exec');
    expect(exec && writerLabel(exec)).toBe('juju exec on master/0');
  });

  it('has no cause for a hook that is not a changed reporting a commit', () => {
    const s = sim(masterworker);
    expect(causeOf(s.timeline.fullTrace, hook(s.hooks(), 'master/0', 'install'))).toBeNull();
  });
});

describe('what a hook did', () => {
  it("lists the master's joined write and its departed delete, bag by bag", () => {
    const s = sim(masterworker);
    s.run('juju remove-unit worker/1');
    const joined = hook(s.hooks(), 'master/0', 'relation-joined');
    expect(changeLines(joined)).toEqual([{ bag: '#0 master/0', change: 'added', key: `${joined.remoteUnit}-worker-key`, value: expect.stringMatching(/^[0-9A-F]{4}$/), old: null }]);
    const departed = hook(s.hooks(), 'master/0', 'relation-departed');
    expect(changeLines(departed)).toMatchObject([{ bag: '#0 master/0', change: 'removed', key: 'worker/1-worker-key' }]);
  });
});
