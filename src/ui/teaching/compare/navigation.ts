/**
 * Arrow keys in the comparison (pure). Hooks sit in cells: a row per unit, a column
 * per alternative. ← → read along the row (a unit's hooks in one alternative, then
 * on into the next alternative), ↑ ↓ go to the nearest unit above or below that runs
 * something in the same alternative, Home / End to the row's first / last hook.
 */
export interface HookPlace {
  readonly unit: number;
  readonly branch: number;
  readonly hook: number;
}

/** How many hooks each cell has: `counts[unit][branch]`. */
export type CellCounts = ReadonlyArray<readonly number[]>;

export const NAV_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;
export type NavKey = (typeof NAV_KEYS)[number];

export function isNavKey(key: string): key is NavKey {
  return (NAV_KEYS as readonly string[]).includes(key);
}

const count = (c: CellCounts, unit: number, branch: number) => c[unit]?.[branch] ?? 0;

/** The row's first (or last) hook, or null when the unit runs nothing anywhere. */
function rowEnd(c: CellCounts, unit: number, last: boolean): HookPlace | null {
  const row = c[unit] ?? [];
  const branches = row.map((_, b) => b).filter((b) => count(c, unit, b) > 0);
  const branch = last ? branches[branches.length - 1] : branches[0];
  return branch === undefined ? null : { unit, branch, hook: last ? count(c, unit, branch) - 1 : 0 };
}

/** The first hook in reading order (the comparison's one tab stop), or null. */
export function firstHook(c: CellCounts): HookPlace | null {
  for (let unit = 0; unit < c.length; unit++) {
    const at = rowEnd(c, unit, false);
    if (at) return at;
  }
  return null;
}

export function moveHook(c: CellCounts, at: HookPlace, key: NavKey): HookPlace | null {
  const { unit, branch, hook } = at;
  const width = c[unit]?.length ?? 0;
  switch (key) {
    case 'ArrowRight':
      if (hook + 1 < count(c, unit, branch)) return { unit, branch, hook: hook + 1 };
      for (let b = branch + 1; b < width; b++) if (count(c, unit, b) > 0) return { unit, branch: b, hook: 0 };
      return null;
    case 'ArrowLeft':
      if (hook > 0) return { unit, branch, hook: hook - 1 };
      for (let b = branch - 1; b >= 0; b--) if (count(c, unit, b) > 0) return { unit, branch: b, hook: count(c, unit, b) - 1 };
      return null;
    case 'Home':
      return rowEnd(c, unit, false);
    case 'End':
      return rowEnd(c, unit, true);
    case 'ArrowUp':
    case 'ArrowDown': {
      const d = key === 'ArrowUp' ? -1 : 1;
      for (let u = unit + d; u >= 0 && u < c.length; u += d) {
        const n = count(c, u, branch);
        if (n > 0) return { unit: u, branch, hook: Math.min(hook, n - 1) };
      }
      return null;
    }
  }
}
