/** The store following a tutorial: exact step states, stops that pause playback, sessions that remember the step. */
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/clone.ts';
import { createRelvizStore } from '../../src/store/store.ts';
import { shippedTutorial } from '../../src/teaching/tutorials/index.ts';

const masterworker = shippedTutorial('masterworker');

const relate = masterworker.steps.findIndex((s) => s.title === 'Relate them');

describe('openTutorial', () => {
  it('opens a step at the start of its own commands, with its stops and selection', () => {
    const store = createRelvizStore();
    store.getState().openTutorial('masterworker', relate);
    const s = store.getState();
    expect(s.tutorial).toEqual({ id: 'masterworker', step: relate });
    expect(s.cursor).toBe(s.stepStart);
    expect(s.timeline.entryStartTick(s.inputs.length - 1)).toBe(s.stepStart);
    expect(s.inputs.at(-1)?.text).toBe('juju relate master worker');
    // The steps before have played out: four units, started, no relation yet.
    expect(s.view.relations).toEqual([]);
    expect(s.stops).toHaveLength(masterworker.steps[relate]?.stops?.length ?? -1);
    expect(s.stops.every((t, i) => t > s.stepStart && (i === 0 || t > (s.stops[i - 1] as number)))).toBe(true);
    expect(s.selection).toEqual({ kind: 'relation', id: 0 });
  });

  it('playback pauses at each stop, just after the hook it explains', () => {
    const store = createRelvizStore();
    store.getState().openTutorial('masterworker', relate);
    store.getState().play();
    const { stops } = store.getState();
    /** What the playback clock does: advance while playing, until nothing is left. */
    const playOut = () => {
      while (store.getState().playing && store.getState().advance(8) > 0);
    };
    for (const stop of stops) {
      playOut();
      expect(store.getState().cursor).toBe(stop);
      const s = store.getState();
      const last = s.timeline.fullTrace.at(s.timeline.traceIndexAt(s.cursor) - 1);
      expect(last?.type).toBe('hook');
      store.getState().play();
    }
    playOut();
    expect(store.getState().cursor).toBe(store.getState().length);
  });

  it('back and next rebuild exactly the same state every time', () => {
    const store = createRelvizStore();
    store.getState().openTutorial('masterworker', 5);
    const first = fingerprint(store.getState().timeline.state);
    const cursor = store.getState().cursor;
    store.getState().seek(store.getState().length); // wander off
    store.getState().runLine('juju add-unit worker');
    store.getState().openTutorial('masterworker', 6);
    store.getState().openTutorial('masterworker', 5);
    expect(store.getState().cursor).toBe(cursor);
    expect(fingerprint(store.getState().timeline.state)).toBe(first);
  });

  it('a session remembers the step, and a reload finds the stops again', () => {
    const store = createRelvizStore();
    store.getState().openTutorial('masterworker', relate);
    store.getState().seek(store.getState().stepStart + 3);
    const session = store.getState().exportSession();
    expect(session.tutorial).toEqual({ id: 'masterworker', step: relate });
    const again = createRelvizStore({ session });
    expect(again.getState().tutorial).toEqual({ id: 'masterworker', step: relate });
    expect(again.getState().stops).toEqual(store.getState().stops);
    expect(again.getState().cursor).toBe(store.getState().cursor);
  });

  it('an unknown tutorial is an error and changes nothing; New and loading a script leave the tutorial', () => {
    const store = createRelvizStore();
    store.getState().openTutorial('nosuch');
    expect(store.getState().error).toBe('ERROR no tutorial called "nosuch"');
    expect(store.getState().tutorial).toBeNull();
    store.getState().openTutorial('masterworker', 99);
    expect(store.getState().tutorial?.step).toBe(masterworker.steps.length - 1);
    store.getState().reset();
    expect(store.getState().tutorial).toBeNull();
    expect(store.getState().stops).toEqual([]);
  });
});

describe('a tutorial in another history', () => {
  it('has no stops once the seed or Juju version differs from the tutorial’s, and finds them again on the way back', () => {
    const store = createRelvizStore();
    store.getState().openTutorial('masterworker', relate);
    const stops = store.getState().stops;
    expect(store.getState().offPath).toBe(false);
    // Juju 4.0 runs this step in another order: the waiting race the stops explain does not happen.
    store.getState().setJuju('4.0');
    expect(store.getState().offPath).toBe(true);
    expect(store.getState().stops).toEqual([]);
    store.getState().setJuju('3.6');
    expect(store.getState().offPath).toBe(false);
    expect(store.getState().stops).toEqual(stops);
    store.getState().setSeed(masterworker.seed + 1);
    expect(store.getState().offPath).toBe(true);
    // Opening the step again restores the tutorial's own seed.
    store.getState().openTutorial('masterworker', relate);
    expect(store.getState().seed).toBe(masterworker.seed);
    expect(store.getState().stops).toEqual(stops);
  });
});
