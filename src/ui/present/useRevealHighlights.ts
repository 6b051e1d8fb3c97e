/**
 * On a projector no one scrolls a panel to find what the narration points at: when
 * something inside `ref` gets `data-highlight` (useTutorialEffects), it is scrolled
 * into view. Only for panels that scroll plainly — not the graph (React Flow pans
 * itself) nor the swimlanes (they follow the cursor).
 */
import { useEffect, useRef } from 'react';

export function useRevealHighlights<T extends HTMLElement>(enabled: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const root = ref.current;
    if (!enabled || !root) return;
    const reveal = (el: Element) => el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.target instanceof Element && r.target.hasAttribute('data-highlight')) reveal(r.target);
      }
    });
    observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['data-highlight'] });
    root.querySelectorAll('[data-highlight]').forEach(reveal);
    return () => observer.disconnect();
  }, [enabled]);
  return ref;
}
