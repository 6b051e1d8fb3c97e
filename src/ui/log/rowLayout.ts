/**
 * Row geometry of the hook log, pure (tested in test/ui/hookLog.test.ts). A hook name
 * is never cut: one too long for its column wraps after a hyphen
 * (`master-application-` / `relation-departed`) and its row grows a line. The font
 * is monospace, so how a name wraps — and so every row's height — is known from the
 * column's width in characters, and the windowed table can place rows without
 * measuring them.
 */
import type { HookRecord } from '../../engine/trace.ts';
import type { LogRow } from './filter.ts';

/** Height of a row whose hook name fits on one line. */
export const ROW_HEIGHT = 30;
/** What each further line of a wrapped hook name adds. */
export const LINE_HEIGHT = 16;

/** What the hook cell shows: the hook's name, an action's marked as one. */
export function hookLabel(r: HookRecord): string {
  return r.kind === 'action' ? `${r.hook} ${ACTION_SUFFIX}` : r.hook;
}
export const ACTION_SUFFIX = '(action)';

/**
 * `label` in lines of at most `columns` characters: broken after a hyphen or before a
 * space; a part longer than a whole line is split where the line ends. The lines
 * joined give `label` back.
 */
export function wrapHook(label: string, columns: number): string[] {
  const width = Math.max(1, Math.floor(columns));
  if (label.length <= width) return [label];
  const lines: string[] = [];
  let line = '';
  for (const piece of label.match(/[^\s-]*-+|\s*[^\s-]+|\s+/g) ?? [label]) {
    if (line.length + piece.length <= width) {
      line += piece;
      continue;
    }
    if (line !== '') lines.push(line);
    line = piece;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function rowHeight(lines: number): number {
  return ROW_HEIGHT + Math.max(0, lines - 1) * LINE_HEIGHT;
}

/** Where each row starts: `tops[i]` is row i's top, `tops[rows.length]` the height of them all. */
export interface RowTops {
  readonly rows: readonly LogRow[];
  readonly columns: number;
  readonly tops: readonly number[];
}

/**
 * The tops of `rows` for a hook column `columns` characters wide. With `prev` (the
 * tops of a prefix of the same rows, same width), only the new rows are measured,
 * so a growing history costs O(new rows).
 */
export function rowTops(rows: readonly LogRow[], columns: number, prev?: RowTops): RowTops {
  const n = prev?.rows.length ?? 0;
  const extends_ = prev !== undefined && prev.columns === columns && rows.length >= n && (n === 0 || rows[n - 1] === prev.rows[n - 1]);
  const tops = extends_ ? [...prev.tops] : [0];
  for (let i = tops.length - 1; i < rows.length; i++) {
    const label = hookLabel((rows[i] as LogRow).record);
    tops.push((tops[i] as number) + rowHeight(label.length <= columns ? 1 : wrapHook(label, columns).length));
  }
  return { rows, columns, tops };
}

/** The row (of the first `count`) at height `y`: the last whose top is at or above it; 0 when there are none. */
export function rowAt(tops: readonly number[], y: number, count: number): number {
  let lo = 0;
  let hi = Math.max(0, count - 1);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] as number) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
