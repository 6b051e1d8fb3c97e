/**
 * The playback slice: moving the cursor through the history (seek, step, advance at
 * speed, stopping at a tutorial's stops), playing, manual mode, and the phase of the
 * hook at the cursor the animation shows.
 */
import type { PlaybackActions, PlaybackState } from '../state.ts';
import type { SliceArgs } from './core.ts';

export function playbackSlice({ set, get, core }: SliceArgs): PlaybackState & PlaybackActions {
  return {
    playing: false,
    speed: 4,
    manual: false,
    phase: 'committed',

    seek(tick) {
      const t = get().timeline;
      t.seek(tick);
      core.sync();
    },

    stepForward() {
      const s = get();
      const t = s.timeline;
      if (t.cursor < t.length) {
        t.seek(t.cursor + 1);
        core.sync();
        return;
      }
      // At the end: let Juju settle (all remaining hooks computed at once), then show the first.
      // While a long run is still being computed, the end is not the end yet: wait.
      if (core.job) return;
      if (t.state.ready.length === 0) {
        set({ playing: false });
        return;
      }
      core.applyAt({ type: 'wait' }, 'wait', 'idle', s.inputs, { record: false });
      t.seek(Math.min(t.cursor + 1, t.length));
      core.sync();
    },

    advance(n) {
      const t = get().timeline;
      const before = t.cursor;
      // At the end of the history with units still busy: let Juju settle first (unless it is being computed).
      if (t.cursor === t.length && !core.job && t.state.ready.length > 0 && t.length < core.maxTicks) core.applyAt({ type: 'wait' }, 'wait', 'idle', get().inputs, { record: false });
      const target = Math.min(t.length, before + n);
      // A tutorial stop on the way: stop there, to explain.
      const stop = get().stops.find((tick) => tick > before && tick <= target);
      t.seek(stop ?? target);
      core.sync(stop === undefined ? {} : { playing: false });
      return t.cursor - before;
    },

    stepBack() {
      const t = get().timeline;
      if (t.cursor > 0) {
        t.seek(t.cursor - 1);
        core.sync();
      }
    },

    stepUnit(unit, pick = null) {
      const s = get();
      core.applyAt({ type: 'step', count: 1, unit, pick }, `step --unit ${unit}${pick !== null ? ` --pick ${pick}` : ''}`, 1, s.inputs, { record: true });
      const t = get().timeline;
      t.seek(t.length);
      core.sync();
    },

    play() {
      // In the quiz the learner answers before each hook: no playing past the questions.
      if (get().quiz) return;
      set({ playing: true, manual: false });
    },
    pause() {
      set({ playing: false });
    },
    setSpeed(speed) {
      set({ speed: Math.max(0.25, Math.min(128, speed)) });
    },
    setManual(on) {
      set({ manual: on, playing: false });
    },
    setPhase(phase) {
      set({ phase });
    },

    goToRecord(index, seq) {
      const s = get();
      s.pause();
      s.seek(s.timeline.tickOfRecord(index) + 1);
      s.inspect(seq);
    },
  };
}
