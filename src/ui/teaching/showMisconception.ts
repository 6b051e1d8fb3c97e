/**
 * "Show me": builds a misconception's model, selects what it is about, and plays the
 * revealing hooks at a speed a class can follow — pausing on the last of them, with
 * the most telling one in the hook inspector. Imperative, outside React's render
 * path, like the playback clock it drives.
 */
import type { RelvizStore } from '../../store/store.ts';
import { playbackPlan, type Misconception } from '../../teaching/misconceptions.ts';

/** Hooks a second while a misconception plays: slow enough to read each one out. */
export const SHOW_SPEED = 2;
/** The playback clock moves at most this many ticks per frame (usePlayback). */
const MAX_TICKS_PER_FRAME = 8;

/**
 * Loads the scenario and plays its reveal. Returns a function that stops watching
 * (the playback then simply goes on); false when the scenario shows nothing, which
 * the unit tests rule out.
 */
export function showMisconception(store: RelvizStore, m: Misconception): (() => void) | false {
  const s = store.getState();
  s.loadScript(m.script, { label: `the scenario “${m.title}”`, trusted: true });
  const { timeline, generation } = store.getState();
  const reveal = m.focus(timeline.fullTrace);
  const plan = reveal && playbackPlan(reveal, timeline.fullTrace, (i) => timeline.tickOfRecord(i));
  if (!plan) return false;
  const now = store.getState();
  now.select(m.select);
  now.seek(plan.start);
  now.setSpeed(Math.min(now.speed, SHOW_SPEED));
  now.play();

  const unsubscribe = store.subscribe((next) => {
    // Another model, or the viewer took over (paused or moved away): stop watching.
    if (next.timeline !== timeline || next.generation !== generation || !next.playing) {
      unsubscribe();
      return;
    }
    if (next.cursor < plan.end) return;
    unsubscribe();
    // A jump far past the end (the scrubber, a click on a later hook) is the viewer's: leave it be.
    if (next.cursor > plan.end + MAX_TICKS_PER_FRAME) return;
    next.pause();
    if (store.getState().cursor !== plan.end) store.getState().seek(plan.end);
    if (plan.inspectSeq !== null) store.getState().inspect(plan.inspectSeq);
  });
  return unsubscribe;
}
