/**
 * Nothing thrown away without a way back (issue 9 §3): undo and redo over every change
 * to the session, the notice said when a future or a model is replaced, the model
 * before a tutorial brought back, and the undo history's stored form.
 */
import { describe, expect, it } from 'vitest';
import { createRelvizStore, deployedTick, type RelvizStore } from '../../src/store/store.ts';
import { EMPTY_HISTORY, MAX_UNDO, loadHistory, pushed, storeHistory } from '../../src/store/undo.ts';

const script = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker\n';
const texts = (store: RelvizStore) => store.getState().inputs.map((i) => i.text);
const idle = (store: RelvizStore) =>
  new Promise<void>((resolve) => {
    if (store.getState().busy === null) return resolve();
    const off = store.subscribe((s) => {
      if (s.busy === null) {
        off();
        resolve();
      }
    });
  });

describe('undo and redo', () => {
  it('undoes a command and redoes it, keeping the history computed so far', () => {
    const store = createRelvizStore({ script });
    const timeline = store.getState().timeline;
    const length = store.getState().length;
    store.getState().seek(length);
    store.getState().runLine('juju add-unit worker');
    expect(store.getState().undoLabel).toBe('juju add-unit worker');
    const longer = store.getState().length;
    expect(longer).toBeGreaterThan(length);
    store.getState().undo();
    expect(texts(store)).toEqual(['juju deploy master', 'juju deploy worker -n 2', 'juju relate master worker']);
    expect(store.getState().length).toBe(length);
    // The same timeline, cut back rather than recomputed.
    expect(store.getState().timeline).toBe(timeline);
    expect(store.getState().notice).toMatchObject({ text: 'Undid juju add-unit worker.', action: 'redo' });
    expect(store.getState().redoLabel).toBe('juju add-unit worker');
    store.getState().redo();
    expect(texts(store).at(-1)).toBe('juju add-unit worker');
    expect(store.getState().length).toBe(longer);
    expect(store.getState().redoLabel).toBeNull();
  });

  it('says when acting in the past replaced the future, and undo brings the future back', () => {
    const store = createRelvizStore({ script, at: 'deployed' });
    const length = store.getState().length;
    const cursor = store.getState().cursor;
    expect(cursor).toBeGreaterThan(0);
    expect(cursor).toBeLessThan(length);
    store.getState().runLine('juju deploy ubuntu');
    expect(texts(store)).toEqual(['juju deploy master', 'juju deploy worker -n 2', 'juju deploy ubuntu']);
    expect(store.getState().notice?.text).toMatch(new RegExp(`^“juju deploy ubuntu” at tick ${cursor} replaced the \\d+ ticks that came after it \\(1 command: “juju relate master worker”\\)\\. Undo brings them back\\.$`));
    store.getState().undo();
    expect(texts(store)).toEqual(['juju deploy master', 'juju deploy worker -n 2', 'juju relate master worker']);
    expect(store.getState().length).toBe(length);
    expect(store.getState().cursor).toBe(cursor);
  });

  it('a refused command changes nothing, so it is no undo step', () => {
    const store = createRelvizStore({ script });
    store.getState().runLine('juju add-unit nosuch');
    expect(store.getState().undoLabel).toBeNull();
  });

  it('keeps a model replaced by New, an example or a tutorial one Undo away, and leaving the tutorial brings it back', () => {
    const store = createRelvizStore({ script });
    store.getState().seek(store.getState().length);
    store.getState().runLine('juju deploy ubuntu');
    const mine = texts(store);
    store.getState().reset();
    expect(texts(store)).toEqual([]);
    expect(store.getState().notice).toMatchObject({ text: 'Started a new, empty model; your model (4 commands) is one Undo away.', action: 'undo' });
    store.getState().undo();
    expect(texts(store)).toEqual(mine);

    store.getState().loadScript('juju deploy ubuntu u -n 3', { label: 'the example “U”', at: 'deployed' });
    expect(store.getState().notice?.text).toBe('Opened the example “U”; your model (4 commands) is one Undo away.');
    store.getState().undo();
    expect(texts(store)).toEqual(mine);

    store.getState().openTutorial('masterworker', 1);
    expect(store.getState().tutorial).toEqual({ id: 'masterworker', step: 1 });
    store.getState().openTutorial('masterworker', 2);
    store.getState().closeTutorial();
    expect(store.getState().tutorial).toBeNull();
    expect(texts(store)).toEqual(mine);
    store.getState().undo();
    expect(store.getState().tutorial).toEqual({ id: 'masterworker', step: 2 });
    store.getState().undo();
    expect(store.getState().tutorial).toEqual({ id: 'masterworker', step: 1 });
  });

  it('replaces the untouched example without a notice — nothing of the user’s is lost — but still one Undo away', () => {
    const store = createRelvizStore({ script, at: 'deployed' });
    store.getState().openTutorial('masterworker', 0);
    expect(store.getState().notice).toBeNull();
    store.getState().undo();
    expect(texts(store)).toEqual(['juju deploy master', 'juju deploy worker -n 2', 'juju relate master worker']);
  });

  it('undoes a new seed, a Juju version and a layout drag', () => {
    const store = createRelvizStore({ script });
    store.getState().setSeed(9);
    store.getState().setJuju('4.0');
    store.getState().setPosition('master', { x: 10, y: 20 });
    expect(store.getState().undoLabel).toBe('moving master');
    store.getState().undo();
    expect(store.getState().positions).toEqual({});
    store.getState().undo();
    expect(store.getState().juju).toBe('3.6');
    store.getState().undo();
    expect(store.getState().seed).toBe(1);
  });

  it('stores its history small — snapshots share their commands — and reads it back through the schema', () => {
    const store = createRelvizStore({ script });
    const big = 'x'.repeat(200_000);
    store.getState().seek(store.getState().length);
    store.getState().runLine(`juju exec --unit master/0 -- relation-set -r master-application:0 big=${big}`);
    for (let i = 0; i < 20; i++) store.getState().runLine('juju add-unit worker');
    const h = store.getState().exportHistory();
    expect(h.past).toHaveLength(21);
    const json = JSON.stringify(storeHistory(h));
    // The big value in one snapshot (its text and its command), not once per snapshot.
    expect(json.length).toBeLessThan(big.length * 2.2);
    const back = loadHistory(JSON.parse(json));
    expect(back.past.map((e) => e.session)).toEqual(h.past.map((e) => e.session));
    expect(() => loadHistory({ ...JSON.parse(json), entries: [{ label: 'x', session: {}, from: -1, keep: 0, add: [] }] })).toThrow();
  });

  it('keeps at most MAX_UNDO steps', () => {
    let h = EMPTY_HISTORY;
    const session = createRelvizStore().getState().exportSession();
    for (let i = 0; i < MAX_UNDO + 5; i++) h = pushed(h, { session, label: `${i}` });
    expect(h.past).toHaveLength(MAX_UNDO);
    expect(h.past[0]?.label).toBe('5');
  });
});

describe('opening where a newcomer sees the model', () => {
  it('opens a script with its applications deployed and settled, just before the first relation', () => {
    const store = createRelvizStore({ script, at: 'deployed' });
    const s = store.getState();
    expect(s.cursor).toBe(deployedTick(s.timeline));
    expect(s.view.apps.map((a) => a.name)).toEqual(['master', 'worker']);
    expect(s.view.relations).toEqual([]);
    expect(s.timeline.state.ready).toEqual([]);
  });
});

describe('bounded work in the store', () => {
  it('with no time budget left, runs every hook in the runner from the first one — and the history is the same', async () => {
    const reference = createRelvizStore({ script });
    const store = createRelvizStore({ budgetMs: 0 });
    store.getState().runLine('juju deploy master');
    expect(store.getState().busy).not.toBeNull();
    await idle(store);
    for (const line of script.split('\n').slice(1)) {
      store.getState().runLine(line);
      await idle(store);
    }
    expect([...store.getState().timeline.fullTrace]).toEqual([...reference.getState().timeline.fullTrace]);
  });

  it('rebuilds a session in tasks within the budget, then lands on its cursor', async () => {
    const session = createRelvizStore({ script }).getState().exportSession();
    const store = createRelvizStore({ session: { ...session, cursor: 12 }, budgetMs: 0 });
    expect(store.getState().busy).toMatchObject({ stoppable: false });
    await idle(store);
    expect(store.getState().cursor).toBe(12);
    expect(texts(store)).toHaveLength(3);
  });

  it('stops a run at the history’s limit, says so, and refuses to grow it further', () => {
    const notes: string[] = [];
    const store = createRelvizStore({ maxTicks: 40 });
    store.getState().runLine('juju deploy master');
    store.getState().runLine('juju deploy worker -n 4');
    store.getState().runLine('juju relate master worker');
    expect(store.getState().length).toBe(40);
    notes.push(store.getState().consoleLog.at(-1)?.note ?? '');
    expect(notes[0]).toContain('its limit of history in the page');
    store.getState().seek(40);
    const refused = store.getState().runLine('juju add-unit worker');
    expect(refused.stderr).toContain('ERROR the history is full: relviz keeps at most 40 ticks in the page');
  });
});
