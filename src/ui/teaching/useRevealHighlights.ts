/**
 * No one should have to scroll a panel to find what the narration points at: when
 * something inside `ref` gets `data-highlight` (useTutorialEffects), it is scrolled
 * into view within its panel, vertically (reveal.ts), and again when the panel changes
 * size (the tutorial card beside it growing). Not while playing: the swimlanes follow
 * the running hook then, and a highlight from the last stop must not pull them back.
 */
import { useEffect, useRef } from 'react';
import { useRelvizStore } from '../StoreContext.tsx';
import { reveal } from './reveal.ts';

export function useRevealHighlights<T extends HTMLElement>() {
  const store = useRelvizStore();
  const ref = useRef<T>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    // Everything highlighted in the panel together, whenever a highlight comes or the panel resizes.
    const all = () => {
      if (!store.getState().playing) reveal(...root.querySelectorAll('[data-highlight]'));
    };
    const observer = new MutationObserver((records) => {
      if (records.some((r) => r.target instanceof Element && r.target.hasAttribute('data-highlight'))) all();
    });
    observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['data-highlight'] });
    const resized = new ResizeObserver(all);
    if (root.parentElement) resized.observe(root.parentElement);
    // Paused (at a stop, say): what was highlighted while playing is shown now, once the panels have drawn the tick.
    let frame = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (prev.playing && !s.playing) frame = requestAnimationFrame(() => requestAnimationFrame(all));
    });
    all();
    return () => {
      observer.disconnect();
      resized.disconnect();
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store]);
  return ref;
}
