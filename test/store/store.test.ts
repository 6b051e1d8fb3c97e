/** The store over the engine timeline: forking, reseeding, sessions, read-only commands. */
import { describe, expect, it } from 'vitest';
import { SessionError, restoreSession } from '../../src/store/session.ts';
import { fingerprint } from '../../src/engine/clone.ts';
import { HookRun, type RunStart } from '../../src/engine/hookrun.ts';
import { IN_PLACE_HOOKS, type HookRunner, type RunListener } from '../../src/store/runner.ts';
import { createRelvizStore, type StoreOptions } from '../../src/store/store.ts';

const script = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker\n';

describe('store', () => {
  it('loads a script with the whole history computed and the cursor at the start', () => {
    const store = createRelvizStore({ script });
    const s = store.getState();
    expect(s.cursor).toBe(0);
    expect(s.length).toBeGreaterThan(20);
    expect(s.view.apps).toEqual([]);
    s.seek(s.length);
    expect(store.getState().view.apps.map((a) => a.name)).toEqual(['master', 'worker']);
  });

  it('forks when a command is applied in the past, keeping the inputs before the cursor', () => {
    const store = createRelvizStore({ script });
    store.getState().seek(14); // both deployed, not related
    store.getState().runLine('juju deploy ubuntu');
    const s = store.getState();
    expect(s.inputs.map((i) => i.text)).toEqual(['juju deploy master', 'juju deploy worker -n 2', 'juju deploy ubuntu']);
    s.seek(s.length);
    expect(store.getState().view.relations).toEqual([]);
    expect(store.getState().view.apps.map((a) => a.name)).toContain('ubuntu');
  });

  it('keeps only the hooks already run of an input cut in the middle', () => {
    const store = createRelvizStore({ script });
    store.getState().seek(3); // deploy master ran two of its hooks
    store.getState().runLine('juju deploy ubuntu &');
    const [first] = store.getState().inputs;
    expect(first?.run).toBe(2);
  });

  it('drops a hook-less step at the cursor when forking there, as the timeline does', () => {
    const store = createRelvizStore();
    store.getState().runLine('step'); // nothing to run: an entry with no ticks at tick 0
    store.getState().runLine('juju deploy ubuntu');
    store.getState().seek(0);
    store.getState().runLine('juju deploy master');
    const s = store.getState();
    expect(s.inputs.map((i) => i.text)).toEqual(['juju deploy master']);
    expect(s.timeline.log.entries.map((e) => e.text)).toEqual(['juju deploy master']);
  });

  it('leaves the cursor where it was after a refusal while the last hooks play', () => {
    const store = createRelvizStore();
    store.getState().runLine('juju deploy master'); // cursor on the deploy, its hooks to play
    store.getState().runLine('juju integrate master nosuch');
    expect(store.getState().timeline.cursor).toBe(1);
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(2);
  });

  it('answers juju status without adding to the history', () => {
    const store = createRelvizStore({ script });
    store.getState().seek(store.getState().length);
    const before = store.getState().length;
    const out = store.getState().runLine('juju status');
    expect(out.stdout).toContain('master/0*');
    expect(store.getState().length).toBe(before);
    expect(store.getState().consoleLog.at(-1)?.input).toBe('juju status');
  });

  it('shows a refused command as the error and changes nothing', () => {
    const store = createRelvizStore({ script });
    store.getState().seek(store.getState().length);
    const out = store.getState().runLine('juju integrate master nosuch');
    expect(out.exitCode).toBe(1);
    expect(store.getState().error).toBe('ERROR application "nosuch" not found');
  });

  it('round-trips a session through export and restore', () => {
    const store = createRelvizStore({ script, seed: 7 });
    store.getState().seek(10);
    store.getState().setPosition('master', { x: 1, y: 2 });
    const saved = JSON.parse(JSON.stringify(store.getState().exportSession()));
    const again = createRelvizStore({ session: restoreSession(saved) });
    expect(again.getState().cursor).toBe(10);
    expect(again.getState().seed).toBe(7);
    expect(again.getState().positions).toEqual({ master: { x: 1, y: 2 } });
    expect(again.getState().length).toBe(store.getState().length);
  });

  it('rejects broken sessions with a reason', () => {
    expect(() => restoreSession({ kind: 'other' })).toThrow(SessionError);
    expect(() => restoreSession({ kind: 'relviz-session', version: 9 })).toThrow('made by a newer relviz (session version 9)');
    expect(() => restoreSession({ kind: 'relviz-session', version: 1, seed: -1 })).toThrow('bad seed');
  });

  it('rebuilds the history with another seed, same commands', () => {
    const store = createRelvizStore({ script });
    const order = (st: typeof store) => [...st.getState().timeline.fullTrace].filter((r) => r.type === 'hook').map((r) => (r.type === 'hook' ? `${r.unit} ${r.hook}` : ''));
    const before = order(store);
    store.getState().setSeed(2);
    expect(store.getState().inputs.length).toBe(3);
    expect(order(store)).not.toEqual(before);
    store.getState().seek(store.getState().length);
    expect(Object.keys(store.getState().view.units).sort()).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(store.getState().view.relations.map((r) => r.key)).toEqual(['worker:master master:master-application']);
  });
});

describe('refusals', () => {
  it('keep a refused command out of the history, even when rewound', () => {
    const store = createRelvizStore({ script });
    store.getState().seek(20);
    const length = store.getState().length;
    store.getState().runLine('juju deploy nosuchcharm');
    expect(store.getState().length).toBe(length);
    expect(store.getState().cursor).toBe(20);
    expect(store.getState().inputs).toHaveLength(3);
    expect(store.getState().error).toBe('ERROR cannot resolve charm or bundle "nosuchcharm": charm or bundle not found');
  });

  it('record a partly refused command that changed the model', () => {
    const store = createRelvizStore({ script });
    store.getState().seek(store.getState().length);
    store.getState().runLine('juju remove-unit worker/1 worker/9');
    expect(store.getState().inputs).toHaveLength(4);
    expect(store.getState().error).toContain('worker/9');
  });
});

describe('after a command', () => {
  it('plays the hooks an accepted command caused, and not after a refusal', () => {
    const store = createRelvizStore({ script });
    store.getState().seek(store.getState().length);
    store.getState().runLine('juju deploy nosuchcharm');
    expect(store.getState().playing).toBe(false);
    store.getState().runLine('juju add-unit worker');
    expect(store.getState().playing).toBe(true);
    expect(store.getState().cursor).toBeLessThan(store.getState().length);
  });
});

describe('long runs', () => {
  const big = 'juju deploy master -n 60\njuju deploy worker -n 60\n';

  it('computes a long run in slices between frames, publishing progress, to the same end', async () => {
    const store = createRelvizStore({ script: big });
    store.getState().seek(store.getState().length);
    store.getState().runLine('juju relate master worker');
    expect(store.getState().busy).not.toBeNull();
    const lengths: number[] = [store.getState().length];
    await new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        lengths.push(s.length);
        if (s.busy === null) {
          stop();
          resolve();
        }
      });
    });
    expect(new Set(lengths).size).toBeGreaterThan(2);
    const reference = settled({ script: `${big}juju relate master worker\n` });
    expect(store.getState().length).toBe(reference.getState().length);
  });

  it('refuses the next command while the hooks are still being computed, and Stop keeps what was computed', async () => {
    const store = createRelvizStore({ script: big });
    store.getState().seek(store.getState().length);
    store.getState().runLine('juju relate master worker');
    expect(store.getState().busy).toMatchObject({ stoppable: true });
    const before = store.getState().inputs;
    const refused = store.getState().runLine('juju add-unit worker');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/^ERROR the hooks of "juju relate master worker" are still being computed/);
    expect(store.getState().inputs).toBe(before);

    await new Promise((r) => setTimeout(r, 0)); // one chunk more
    store.getState().stop();
    const s = store.getState();
    expect(s.busy).toBeNull();
    const hooks = s.timeline.lastEntryHooks;
    expect(hooks).toBeGreaterThan(IN_PLACE_HOOKS);
    expect(s.inputs.at(-1)?.run).toBe(hooks);
    expect(s.length).toBe(s.timeline.length);
    // The cut history is the session: a reload rebuilds exactly it.
    const reloaded = settled({ session: s.exportSession() });
    expect(reloaded.getState().length).toBe(s.length);
    expect(fingerprint(reloaded.getState().timeline.state)).toBe(fingerprint(s.timeline.state));
    // And the model can be changed again.
    s.seek(s.length);
    expect(store.getState().runLine('juju add-unit worker &').exitCode).toBe(0);
  });

  it('adopts chunks from the runner as they come, with the cursor left where the user is', () => {
    const runner = manualRunner();
    const store = createRelvizStore({ script: big, runner });
    store.getState().seek(store.getState().length);
    store.getState().runLine('juju relate master worker');
    const cursor = store.getState().cursor;
    expect(runner.pending).toHaveLength(1);
    const lengths = [store.getState().length];
    while (runner.pending.length > 0) {
      runner.deliver(1000);
      lengths.push(store.getState().timeline.length);
    }
    expect(store.getState().busy).toBeNull();
    expect(store.getState().cursor).toBe(cursor);
    expect(new Set(lengths).size).toBeGreaterThan(3);
    const reference = settled({ script: `${big}juju relate master worker\n` });
    expect(store.getState().length).toBe(reference.getState().length);
    store.getState().seek(store.getState().length);
    reference.getState().seek(reference.getState().length);
    expect(fingerprint(store.getState().timeline.state)).toBe(fingerprint(reference.getState().timeline.state));
  });

  it('rebuilds a long session through the runner (on reload, a new seed or another Juju), then restores the cursor', () => {
    const first = settled({ script: `${big}juju relate master worker\n` });
    first.getState().seek(4321);
    const session = first.getState().exportSession();
    const runner = manualRunner();
    const store = createRelvizStore({ session, runner });
    expect(store.getState().busy).toMatchObject({ stoppable: false });
    expect(store.getState().runLine('juju add-unit worker').exitCode).toBe(1);
    store.getState().stop(); // A rebuild cannot be stopped: the session would be lost.
    expect(store.getState().busy).not.toBeNull();
    while (runner.pending.length > 0) runner.deliver(2500);
    expect(store.getState().busy).toBeNull();
    expect(store.getState().cursor).toBe(4321);
    expect(store.getState().length).toBe(first.getState().length);
    expect(fingerprint(store.getState().timeline.state)).toBe(fingerprint(first.getState().timeline.state));

    store.getState().setSeed(99);
    expect(runner.pending).toHaveLength(1);
    while (runner.pending.length > 0) runner.deliver(100_000);
    expect(store.getState().seed).toBe(99);
    expect(store.getState().cursor).toBe(4321);
  });

  it('keeps what was computed and says so when the runner fails', () => {
    const runner = manualRunner();
    const store = createRelvizStore({ script: big, runner });
    store.getState().seek(store.getState().length);
    store.getState().runLine('juju relate master worker');
    runner.deliver(700);
    runner.failNext('worker crashed');
    const s = store.getState();
    expect(s.busy).toBeNull();
    expect(s.error).toMatch(/^ERROR computing hooks failed after 700: worker crashed/);
    expect(s.inputs.at(-1)?.run).toBe(IN_PLACE_HOOKS + 700);
    expect(s.timeline.lastEntryHooks).toBe(IN_PLACE_HOOKS + 700);
  });
});

/** A store whose long runs are all computed before it is returned. */
function settled(opts: StoreOptions) {
  const runner = manualRunner();
  const store = createRelvizStore({ ...opts, runner });
  while (runner.pending.length > 0) runner.deliver(1_000_000);
  return store;
}

/** A runner the test drives: each `deliver(n)` computes and hands over one chunk of n hooks. */
function manualRunner() {
  const pending: { run: HookRun; listener: RunListener }[] = [];
  return {
    pending,
    start(start: RunStart, listener: RunListener) {
      const job = { run: new HookRun(start), listener };
      pending.push(job);
      return () => pending.splice(pending.indexOf(job), 1);
    },
    deliver(n: number) {
      const job = pending[0];
      if (!job) throw new Error('nothing to deliver');
      const chunk = job.run.next(n);
      if (chunk.done) pending.shift();
      job.listener.chunk(chunk);
    },
    failNext(message: string) {
      const job = pending.shift();
      job?.listener.fail(message);
    },
  } satisfies HookRunner & Record<string, unknown>;
}

describe('manual mode', () => {
  it('runs no hooks after a command; the user steps each unit by hand', () => {
    const store = createRelvizStore({ script });
    store.getState().seek(store.getState().length);
    store.getState().setManual(true);
    const before = store.getState().length;
    store.getState().runLine('juju add-unit worker');
    expect(store.getState().length).toBe(before + 1);
    expect(store.getState().view.next.map((q) => q.unit)).toEqual(['worker/2']);
    store.getState().stepUnit('worker/2');
    // (After the hook come its effects: worker/2 entering the relation's scope.)
    expect([...store.getState().timeline.fullTrace].filter((r) => r.type === 'hook').at(-1)).toMatchObject({ unit: 'worker/2', hook: 'install' });
  });
});

describe('automatic retry in the console', () => {
  const stalled = 'juju deploy ubuntu &\nfail ubuntu/0 start --always\n';

  it('notes, after the output of a wait, that it stopped with only failing hooks\' retries left', () => {
    const store = createRelvizStore({ script: stalled });
    store.getState().seek(store.getState().length);
    const result = store.getState().runLine('wait');
    expect(result.exitCode).toBe(0);
    const entry = store.getState().consoleLog.at(-1);
    expect(entry?.stderr).toBe('');
    expect(entry?.note).toMatch(/^waiting stopped: .*ubuntu\/0 "start" \(failed 2 times, next automatic retry in 10 s\)/);
    expect(entry?.note).not.toMatch(/\n$/);
  });

  it('has no note when the wait ran to the end, or when the command did not wait', () => {
    const store = createRelvizStore({ script: 'juju deploy ubuntu &\nfail ubuntu/0 start\n' });
    store.getState().seek(store.getState().length);
    store.getState().runLine('wait'); // fails once, the retry succeeds
    expect(store.getState().consoleLog.at(-1)).not.toHaveProperty('note');
    const again = createRelvizStore({ script: stalled });
    again.getState().seek(again.getState().length);
    again.getState().runLine('juju add-unit ubuntu &');
    expect(again.getState().consoleLog.at(-1)).not.toHaveProperty('note');
  });

  it('notes it when a long run computed by the runner finishes', () => {
    const runner = manualRunner();
    const store = createRelvizStore({ script: 'juju deploy master -n 60\njuju deploy worker -n 60\nfail worker/7 master-relation-changed --always\n', runner });
    while (runner.pending.length > 0) runner.deliver(1_000_000);
    store.getState().seek(store.getState().length);
    store.getState().runLine('juju relate master worker');
    expect(runner.pending).toHaveLength(1);
    // Not yet: the run is not complete.
    expect(store.getState().consoleLog.at(-1)).not.toHaveProperty('note');
    while (runner.pending.length > 0) runner.deliver(5000);
    expect(store.getState().timeline.lastEntryHooks).toBeGreaterThan(IN_PLACE_HOOKS);
    expect(store.getState().consoleLog.at(-1)?.input).toBe('juju relate master worker');
    expect(store.getState().consoleLog.at(-1)?.note).toMatch(/worker\/7 "master-relation-changed" \(failed \d+ times, next automatic retry in \d+ s\)/);
  });

  it('saves and restores a session with model-config and fail --always (localStorage JSON)', () => {
    const store = createRelvizStore({ script: `${stalled}wait\njuju model-config automatically-retry-hooks=false\n` });
    store.getState().seek(store.getState().length);
    const saved = JSON.parse(JSON.stringify(store.getState().exportSession())) as unknown;
    const again = createRelvizStore({ session: restoreSession(saved) });
    expect(again.getState().inputs).toEqual(store.getState().inputs);
    expect(fingerprint(again.getState().timeline.state)).toBe(fingerprint(store.getState().timeline.state));
    expect(again.getState().view.units['ubuntu/0']).toMatchObject({ failedHook: 'start', retryInSeconds: null, failures: 2 });
  });

  it('reads the model settings without entering the history; setting one is a command', () => {
    const store = createRelvizStore({ script: 'juju deploy ubuntu\n' });
    store.getState().seek(store.getState().length);
    const inputs = store.getState().inputs;
    expect(store.getState().runLine('juju model-config automatically-retry-hooks').stdout).toBe('true\n');
    expect(store.getState().runLine('juju model-config').stdout).toMatch(/^Attribute +From +Value\nautomatically-retry-hooks +default +true\n$/);
    expect(store.getState().inputs).toBe(inputs);
    expect(store.getState().runLine('juju model-config automatically-retry-hooks=false').exitCode).toBe(0);
    expect(store.getState().inputs.at(-1)?.text).toBe('juju model-config automatically-retry-hooks=false');
    store.getState().seek(store.getState().length);
    expect(store.getState().view.autoRetry).toBe(false);
  });
});
