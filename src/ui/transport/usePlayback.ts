/**
 * The playback clock: while playing, advances the cursor `speed` times a second with
 * requestAnimationFrame, outside React's render path (zustand transient updates).
 */
import { useEffect } from 'react';
import type { RelvizStore } from '../../store/store.ts';

export function startPlayback(store: RelvizStore): () => void {
  let frame = 0;
  let last = 0;
  let owed = 0;
  const tick = (now: number) => {
    const s = store.getState();
    if (!s.playing) {
      frame = 0;
      return;
    }
    if (last === 0) last = now;
    owed += ((now - last) / 1000) * s.speed;
    last = now;
    // One store update per frame, however many ticks are due (at most 8, so it never lurches).
    const n = Math.min(Math.floor(owed), 8);
    owed -= Math.floor(owed);
    // Nothing left to show pauses, unless more hooks are still being computed.
    if (n > 0 && store.getState().advance(n) === 0 && store.getState().busy === null) {
      store.getState().pause();
      frame = 0;
      return;
    }
    frame = requestAnimationFrame(tick);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing && !prev.playing && frame === 0) {
      last = 0;
      owed = 1; // The first hook shows at once.
      frame = requestAnimationFrame(tick);
    }
  });
  if (store.getState().playing) frame = requestAnimationFrame(tick);
  return () => {
    unsubscribe();
    cancelAnimationFrame(frame);
  };
}

export function usePlayback(store: RelvizStore): void {
  useEffect(() => startPlayback(store), [store]);
}
