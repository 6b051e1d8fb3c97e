/** The context menu's keyboard and placement rules (pure). */

/**
 * Which item takes focus after a key, as in the WAI-ARIA menu pattern: ↓ and ↑ move
 * and wrap, Home and End go to the ends, a letter goes to the next item starting with
 * it. Null when the key does not move focus.
 */
export function menuFocusIndex(labels: readonly string[], current: number, key: string): number | null {
  const n = labels.length;
  if (n === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (current + 1 + n) % n;
    case 'ArrowUp':
      return (current - 1 + n) % n;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return n - 1;
  }
  if (key.length !== 1 || !/\S/.test(key)) return null;
  const letter = key.toLowerCase();
  for (let step = 1; step <= n; step++) {
    const i = (current + step + n) % n;
    if (labels[i]?.toLowerCase().startsWith(letter)) return i;
  }
  return null;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Top-left corner of a menu of `size` opened at `at`, inside a viewport of `viewport`:
 * right of and below the pointer, or on its other side where it would overflow, or
 * else against the far edge; never closer than `margin` to an edge (unless the menu
 * is larger than the viewport).
 */
export function placeMenu(at: Point, size: Size, viewport: Size, margin = 8): Point {
  const axis = (p: number, len: number, room: number) => {
    if (p + len <= room - margin) return Math.max(p, margin);
    if (p - len >= margin) return p - len;
    return Math.max(room - margin - len, margin);
  };
  return { x: axis(at.x, size.width, viewport.width), y: axis(at.y, size.height, viewport.height) };
}
