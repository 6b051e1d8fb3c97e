/** The store over the engine timeline: forking, reseeding, sessions, read-only commands. */
import { describe, expect, it } from 'vitest';
import { SessionError, restoreSession } from '../../src/store/session.ts';
import { createRelvizStore } from '../../src/store/store.ts';

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
    expect(() => restoreSession({ kind: 'relviz-session', version: 9 })).toThrow('unsupported session version 9');
    expect(() => restoreSession({ kind: 'relviz-session', version: 1, seed: -1 })).toThrow('bad seed');
  });

  it('rebuilds the history with another seed, same commands', () => {
    const store = createRelvizStore({ script });
    const order = (st: typeof store) => st.getState().timeline.fullTrace.filter((r) => r.type === 'hook').map((r) => (r.type === 'hook' ? `${r.unit} ${r.hook}` : ''));
    const before = order(store);
    store.getState().setSeed(2);
    expect(store.getState().inputs.length).toBe(3);
    expect(order(store)).not.toEqual(before);
    store.getState().seek(store.getState().length);
    expect(Object.keys(store.getState().view.units).sort()).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(store.getState().view.relations.map((r) => r.key)).toEqual(['master:master-application worker:master']);
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
    const reference = createRelvizStore({ script: `${big}juju relate master worker\n` });
    expect(store.getState().length).toBe(reference.getState().length);
  });

  it('finishes a background run before the next command changes the history', () => {
    const store = createRelvizStore({ script: big });
    store.getState().seek(store.getState().length);
    store.getState().runLine('juju relate master worker');
    expect(store.getState().busy).not.toBeNull();
    store.getState().runLine('juju add-unit worker &');
    const reference = createRelvizStore({ script: `${big}juju relate master worker\n` });
    expect(store.getState().timeline.log.entries[2]?.hooks).toBe(reference.getState().timeline.log.entries[2]?.hooks);
    expect(store.getState().inputs.map((i) => i.run)).toEqual(['idle', 'idle', 'idle', 'none']);
  });
});

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
    expect(store.getState().timeline.fullTrace.at(-1)).toMatchObject({ type: 'hook', unit: 'worker/2', hook: 'install' });
  });
});
