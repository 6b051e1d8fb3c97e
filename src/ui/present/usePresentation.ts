/**
 * Presentation mode's state and keys: P enters and leaves, Escape leaves, and while
 * presenting a clicker's PageDown / PageUp (or N / B) go to the tutorial's next or
 * previous step. The mode is kept in the URL (`?present=1`) so a reload stays in it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RelvizStore } from '../../store/store.ts';
import { tutorialById } from '../../teaching/tutorials/registry.ts';
import { inPopup, isShortcut, presentKey } from './keys.ts';
import { presentFromSearch, searchWithPresent } from './presentation.ts';

/** Opens the tutorial step `by` steps away, if there is one; true when the key was the tutorial's. */
function moveStep(store: RelvizStore, by: 1 | -1): boolean {
  const s = store.getState();
  const tutorial = s.tutorial && tutorialById(s.tutorial.id);
  if (!s.tutorial || !tutorial) return false;
  const k = s.tutorial.step + by;
  if (k >= 0 && k < tutorial.steps.length) s.openTutorial(s.tutorial.id, k);
  return true;
}

/** `enabled` false (an embed): never presents, takes no keys. */
export function usePresentation(store: RelvizStore, enabled: boolean): readonly [boolean, (on: boolean) => void] {
  const [present, setState] = useState(() => enabled && presentFromSearch(location.search));
  const setPresent = useCallback((on: boolean) => {
    setState(on);
    history.replaceState(history.state, '', `${location.pathname}${searchWithPresent(location.search, on)}${location.hash}`);
  }, []);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e) || e.defaultPrevented || inPopup(e.target)) return;
      const action = presentKey(e.key, present);
      if (action === null) return;
      if (action === 'enter' || action === 'leave') setPresent(action === 'enter');
      else if (!moveStep(store, action === 'next-step' ? 1 : -1)) return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, present, setPresent, store]);

  return [present, setPresent] as const;
}
