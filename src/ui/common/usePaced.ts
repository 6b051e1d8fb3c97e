/**
 * The history as the side panels show it: the same as the store while paused or
 * playing at a readable speed, but at most PACE_MS apart while playing fast. At 128
 * hooks a second no one reads a databag or an inspector hook by hook; redrawing them
 * every frame cost more than the graph itself. The same while a long run is computed in
 * the worker: the history grows with every message, and re-laying out the swimlanes and
 * the hook log for each took more of the page's time than reading the messages. The
 * graph and the scrubber stay live. A panel marks its root with `data-paced-cursor`
 * (the cursor it shows), so tests can wait until it has caught up.
 */
import { startTransition, useEffect, useState } from 'react';
import type { ModelView } from '../../store/view.ts';
import { selectFastPlayback, type RelvizState } from '../../store/store.ts';
import type { Timeline } from '../../engine/timeline.ts';
import { useRelvizStore } from '../StoreContext.tsx';

/** Panel refreshes while playing fast: about 8 a second. */
export const PACE_MS = 125;

export interface PacedView {
  readonly timeline: Timeline;
  readonly revision: number;
  readonly cursor: number;
  readonly length: number;
  readonly view: ModelView;
  readonly phase: RelvizState['phase'];
}

const pick = (s: RelvizState): PacedView => ({ timeline: s.timeline, revision: s.revision, cursor: s.cursor, length: s.length, view: s.view, phase: s.phase });

const same = (a: PacedView, s: RelvizState) =>
  a.timeline === s.timeline && a.revision === s.revision && a.cursor === s.cursor && a.length === s.length && a.view === s.view && a.phase === s.phase;

export function usePaced(): PacedView {
  const store = useRelvizStore();
  const [paced, setPaced] = useState(() => pick(store.getState()));
  useEffect(() => {
    let shown = pick(store.getState());
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const show = (transition: boolean) => {
      timer = undefined;
      last = performance.now();
      const s = store.getState();
      if (same(shown, s)) return;
      shown = pick(s);
      const next = shown;
      // Paused (a scrubber drag, a step): a transition, so the graph and the scrubber
      // answer in the next frame and a newer move interrupts this render rather than
      // waiting for it. Playing fast: at once, as the paced update it is; a transition
      // there would be interrupted by every frame's tick and never finish.
      if (transition) startTransition(() => setPaced(next));
      else setPaced(next);
    };
    show(false);
    const unsubscribe = store.subscribe((s) => {
      if (same(shown, s)) return;
      // A long run being computed grows the history many times a second: paced too.
      if (!selectFastPlayback(s) && s.busy === null) {
        clearTimeout(timer);
        show(true);
      } else if (timer === undefined) {
        timer = setTimeout(() => show(false), Math.max(0, PACE_MS - (performance.now() - last)));
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
  return paced;
}
