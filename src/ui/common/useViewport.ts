import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface Viewport {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

const ZERO: Viewport = { left: 0, top: 0, width: 0, height: 0 };

/**
 * The visible rectangle of a scrolling element, for windowed lists that render only
 * what shows. It never asks layout in the middle of an update: the size comes from a
 * ResizeObserver (which runs after layout), the offsets from scroll events and from
 * our own `scrollTo`. (Reading scrollLeft or clientWidth right after React changed
 * the DOM forces a synchronous layout — at playback speed that was a third of each
 * frame.) `known` holds the same rectangle for effects that must not wait for a render.
 */
export function useViewport<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const known = useRef<Viewport>(ZERO);
  const [viewport, setViewport] = useState<Viewport>(ZERO);
  const publish = useCallback((next: Viewport) => {
    const k = known.current;
    if (k.left === next.left && k.top === next.top && k.width === next.width && k.height === next.height) return;
    known.current = next;
    setViewport(next);
  }, []);
  const measure = useCallback(() => {
    const el = ref.current;
    if (el) publish({ left: el.scrollLeft, top: el.scrollTop, width: el.clientWidth, height: el.clientHeight });
  }, [publish]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure(); // Once at mount, before paint (no empty first frame).
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);
  /** Scroll events come before the frame's callbacks change the DOM: reading offsets here is free. */
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el) publish({ ...known.current, left: el.scrollLeft, top: el.scrollTop });
  }, [publish]);
  /** Scrolls the element only if the position changes (writing is a layout too, so only when needed). */
  const scrollTo = useCallback((pos: { left?: number; top?: number }) => {
    const el = ref.current;
    if (!el) return;
    const k = known.current;
    const left = pos.left === undefined ? k.left : Math.max(0, Math.round(pos.left));
    const top = pos.top === undefined ? k.top : Math.max(0, Math.round(pos.top));
    if (left !== k.left) el.scrollLeft = left;
    if (top !== k.top) el.scrollTop = top;
    // Render the window there now; the scroll event that follows reports where the browser clamped it.
    publish({ ...k, left, top });
  }, [publish]);
  return { ref, viewport, known, onScroll, scrollTo };
}
