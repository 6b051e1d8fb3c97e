/**
 * The arrow keys of the comparison table, pure: rows are units, columns alternatives,
 * each cell a unit's hooks in one alternative (some empty).
 */
import { describe, expect, it } from 'vitest';
import { firstHook, moveHook, type CellCounts } from '../../src/ui/teaching/compare/navigation.ts';

// master/0: 1 | 3 | 3 | 2;  worker/0: 1 | 2 | 4 | 4;  worker/1: 4 | 2 | 0 | 4
const counts: CellCounts = [
  [1, 3, 3, 2],
  [1, 2, 4, 4],
  [4, 2, 0, 4],
];

describe('comparison keyboard', () => {
  it('starts on the first hook in reading order, skipping units that run nothing', () => {
    expect(firstHook(counts)).toEqual({ unit: 0, branch: 0, hook: 0 });
    expect(firstHook([[0, 0], [0, 2]])).toEqual({ unit: 1, branch: 1, hook: 0 });
    expect(firstHook([[0, 0]])).toBeNull();
  });

  it('reads along a row: on past the end of a cell into the next alternative, skipping empty cells', () => {
    expect(moveHook(counts, { unit: 2, branch: 0, hook: 2 }, 'ArrowRight')).toEqual({ unit: 2, branch: 0, hook: 3 });
    expect(moveHook(counts, { unit: 2, branch: 0, hook: 3 }, 'ArrowRight')).toEqual({ unit: 2, branch: 1, hook: 0 });
    expect(moveHook(counts, { unit: 2, branch: 1, hook: 1 }, 'ArrowRight')).toEqual({ unit: 2, branch: 3, hook: 0 });
    expect(moveHook(counts, { unit: 2, branch: 3, hook: 0 }, 'ArrowLeft')).toEqual({ unit: 2, branch: 1, hook: 1 });
    expect(moveHook(counts, { unit: 2, branch: 3, hook: 3 }, 'ArrowRight')).toBeNull();
    expect(moveHook(counts, { unit: 0, branch: 0, hook: 0 }, 'ArrowLeft')).toBeNull();
  });

  it('moves between units within the same alternative, keeping the position as far as the cell allows', () => {
    expect(moveHook(counts, { unit: 1, branch: 2, hook: 3 }, 'ArrowUp')).toEqual({ unit: 0, branch: 2, hook: 2 });
    // worker/1 runs nothing in alternative 3: down from worker/0 finds nobody.
    expect(moveHook(counts, { unit: 1, branch: 2, hook: 0 }, 'ArrowDown')).toBeNull();
    expect(moveHook(counts, { unit: 0, branch: 0, hook: 0 }, 'ArrowDown')).toEqual({ unit: 1, branch: 0, hook: 0 });
    expect(moveHook([[2], [0], [1]], { unit: 0, branch: 0, hook: 1 }, 'ArrowDown')).toEqual({ unit: 2, branch: 0, hook: 0 });
  });

  it('Home and End go to the first and last hook of the row', () => {
    expect(moveHook(counts, { unit: 2, branch: 1, hook: 0 }, 'Home')).toEqual({ unit: 2, branch: 0, hook: 0 });
    expect(moveHook(counts, { unit: 2, branch: 1, hook: 0 }, 'End')).toEqual({ unit: 2, branch: 3, hook: 3 });
  });
});
