/**
 * The saved session (src/store/persist.ts): a session that cannot be opened is set
 * aside, never lost or overwritten; storage full is caught and saving goes on; saves
 * are throttled, so playing fast still saves.
 */
import { describe, expect, it } from 'vitest';
import { SET_ASIDE_PREFIX, UNDO_KEY, persist, readSaved } from '../../src/store/persist.ts';
import { SESSION_KEY } from '../../src/store/session.ts';
import { FakeStorage } from '../helpers.ts';
import { createRelvizStore } from '../../src/store/store.ts';

const script = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker\n';
const good = () => createRelvizStore({ script }).getState().exportSession();

describe('reading the saved session', () => {
  it('opens a good one with its undo history', () => {
    const storage = new FakeStorage();
    storage.setItem(SESSION_KEY, JSON.stringify(good()));
    const saved = readSaved(storage);
    expect(saved.session?.inputs).toHaveLength(3);
    expect(saved.problem).toBeNull();
  });

  it.each([
    ['an unknown command', (s: ReturnType<typeof good>) => ({ ...s, inputs: [...s.inputs, { command: { type: 'teleport' }, text: 'juju teleport', run: 'idle' }] }), 'command 4 ("juju teleport") is a "teleport" command'],
    ['deploy without charm', (s: ReturnType<typeof good>) => ({ ...s, inputs: [{ command: { type: 'deploy', app: null, units: null }, text: 'juju deploy', run: 'idle' }] }), 'missing "charm"'],
    ['remove-unit with units: null', (s: ReturnType<typeof good>) => ({ ...s, inputs: [{ command: { type: 'remove-unit', units: null }, text: 'juju remove-unit', run: 'idle' }] }), 'fields of the wrong type'],
    ['add-unit -n 99999999999', (s: ReturnType<typeof good>) => ({ ...s, inputs: [{ command: { type: 'add-unit', app: 'worker', units: 99999999999 }, text: 'juju add-unit worker -n 99999999999', run: 'idle' }] }), "limit of 1,000 units per command"],
  ])('sets aside a session with %s, keeps it under another key and says why', (_name, spoil, why) => {
    const storage = new FakeStorage();
    const text = JSON.stringify(spoil(good()));
    storage.setItem(SESSION_KEY, text);
    storage.setItem(UNDO_KEY, '{}');
    const saved = readSaved(storage, new Date('2026-12-03T10:00:00Z'));
    expect(saved.session).toBeNull();
    expect(saved.problem?.text).toContain(why);
    expect(saved.problem?.text).toContain('It was set aside');
    expect(saved.problem?.download?.text).toBe(text);
    expect(storage.getItem(`${SET_ASIDE_PREFIX}2026-12-03T10-00-00-000Z`)).toBe(text);
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  it('with no room to set it aside, leaves it where it is and saves nothing over it', () => {
    const text = JSON.stringify({ ...good(), version: 7 });
    const storage = new FakeStorage(text.length + SESSION_KEY.length + 10);
    storage.setItem(SESSION_KEY, text);
    const saved = readSaved(storage);
    expect(saved.problem).toMatchObject({ holdSaving: true });
    const store = createRelvizStore({ script, saving: saved.problem });
    const save = persist(store, storage, () => {});
    save();
    expect(storage.getItem(SESSION_KEY)).toBe(text);
  });
});

describe('saving', () => {
  it('throttles, so a change every tick (playing fast) is still saved', () => {
    const storage = new FakeStorage();
    const store = createRelvizStore({ script });
    const queue: Array<() => void> = [];
    persist(store, storage, (fn) => queue.push(fn));
    for (let tick = 1; tick <= 30; tick++) {
      store.getState().seek(tick);
      // A timer fires every few ticks, as it would at 128 hooks/s with saves every 250 ms.
      if (tick % 8 === 0) queue.splice(0).forEach((fn) => fn());
    }
    expect(JSON.parse(storage.getItem(SESSION_KEY) ?? '{}').cursor).toBe(24);
  });

  it('when storage is full, drops the undo history, then saves the compact form; if even that cannot fit, says so and keeps trying', () => {
    const big = 'v'.repeat(60_000);
    const store = createRelvizStore({ script });
    store.getState().seek(store.getState().length);
    store.getState().runLine(`juju exec --unit master/0 -- relation-set -r master-application:0 big=${big}`);
    const full = JSON.stringify(store.getState().exportSession()).length;
    // Room for the compact form (the line once) but not the full one (the value twice).
    const storage = new FakeStorage(full - 20_000);
    const save = persist(store, storage, () => {});
    save();
    const saved = storage.getItem(SESSION_KEY) ?? '';
    expect(JSON.parse(saved).kind).toBe('relviz-session-compact');
    expect(readSaved(storage).session?.inputs).toEqual(store.getState().inputs);
    expect(store.getState().saving?.text).toContain('is saved in its compact form, but its undo history is not');

    const tiny = new FakeStorage(1000);
    const save2 = persist(store, tiny, () => {});
    save2();
    expect(store.getState().saving).toMatchObject({ full: true, holdSaving: false });
    expect(store.getState().saving?.text).toContain("storage is full: this session (");
    expect(store.getState().saving?.download?.text).toContain('"kind":"relviz-session"');
    // Back to a small model: the next save succeeds and the note goes.
    store.getState().reset();
    save2();
    expect(store.getState().saving).toBeNull();
    expect(readSaved(tiny).session?.inputs).toEqual([]);
  });
});
