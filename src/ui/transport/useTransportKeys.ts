/**
 * Space plays or pauses, ← and → step, anywhere but in a field: the keys of the main
 * transport and of the compact one in presentation and embed modes.
 */
import { useEffect } from 'react';
import type { RelvizStore } from '../../store/store.ts';
import { isShortcut } from '../present/keys.ts';

export function useTransportKeys(store: RelvizStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e)) return;
      const s = store.getState();
      if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        if (s.playing) s.pause();
        else s.play();
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        s.pause();
        if (e.key === 'ArrowRight') s.stepForward();
        else s.stepBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
