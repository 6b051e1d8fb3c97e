/**
 * Space plays or pauses, ← and → step, anywhere but in a field: the keys of the main
 * transport and of the compact one in presentation and embed modes — and, through
 * `transportKey`, of the history viewer's (src/ui/imported/).
 */
import { useEffect } from 'react';
import type { RelvizStore } from '../../store/store.ts';
import { isShortcut } from '../present/keys.ts';

/** What the transport keys drive. */
export interface TransportControls {
  readonly playing: boolean;
  play(): void;
  pause(): void;
  /** One hook forward or back (playback paused). */
  step(by: 1 | -1): void;
}

/** Handles a transport key (true when it did): Space toggles play, ← → step. */
export function transportKey(e: KeyboardEvent, c: TransportControls): boolean {
  if (!isShortcut(e)) return false;
  if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
    e.preventDefault();
    if (c.playing) c.pause();
    else c.play();
    return true;
  }
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return false;
  e.preventDefault();
  c.step(e.key === 'ArrowRight' ? 1 : -1);
  return true;
}

export function useTransportKeys(store: RelvizStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      transportKey(e, {
        playing: s.playing,
        play: s.play,
        pause: s.pause,
        step: (by) => {
          s.pause();
          if (by > 0) s.stepForward();
          else s.stepBack();
        },
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
