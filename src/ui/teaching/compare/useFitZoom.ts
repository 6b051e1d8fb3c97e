import { useLayoutEffect, type RefObject } from 'react';

/**
 * Scales `content` (CSS zoom, which lays out again: text stays sharp) to the largest
 * size, between `min` and `max`, at which it fits in `box` without scrolling. A wider
 * box lets the rows wrap less, so the search measures rather than computes. On a
 * projector the comparison is as large as the screen allows; on a small screen it
 * shrinks rather than hide a row, down to `min`, then scrolls.
 */
export function useFitZoom(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>, min = 0.6, max = 1.6): void {
  useLayoutEffect(() => {
    const b = box.current;
    const c = content.current;
    if (!b || !c) return;
    const fits = (z: number) => {
      c.style.zoom = String(z);
      const r = c.getBoundingClientRect();
      return r.height <= b.clientHeight + 0.5 && r.width <= b.clientWidth + 0.5;
    };
    const fit = () => {
      if (fits(max)) return;
      let lo = min;
      let hi = max;
      for (let i = 0; i < 8; i++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
      c.style.zoom = String(Math.floor(lo * 100) / 100);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(b);
    // And when what it holds changes size by itself (a caption rewrapped, a font loaded).
    observer.observe(c);
    return () => observer.disconnect();
  }, [box, content, min, max]);
}
