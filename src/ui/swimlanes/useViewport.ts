import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface Viewport {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The visible rectangle of a scrolling element, kept up to date on scroll and resize,
 * so a windowed list renders only what shows. Measured before paint (no empty frame).
 */
export function useViewport<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [viewport, setViewport] = useState<Viewport>({ left: 0, top: 0, width: 0, height: 0 });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    setViewport((v) =>
      v.left === el.scrollLeft && v.top === el.scrollTop && v.width === el.clientWidth && v.height === el.clientHeight
        ? v
        : { left: el.scrollLeft, top: el.scrollTop, width: el.clientWidth, height: el.clientHeight },
    );
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);
  return { ref, viewport, onScroll: measure };
}
