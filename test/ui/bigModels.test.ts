/** Big applications on screen: the graph draws the chips that matter, not hundreds. */
import { describe, expect, it } from 'vitest';
import { MAX_CHIPS, nodeHeight, shownUnits } from '../../src/ui/graph/layout.ts';

const units = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `worker/${i}`, failedHook: null as string | null }));

describe('unit chips of a big application', () => {
  it('draws every chip of a small application', () => {
    expect(shownUnits(units(MAX_CHIPS), null)).toHaveLength(MAX_CHIPS);
  });

  it('draws the first MAX_CHIPS, then the selected unit and units in error wherever they are', () => {
    const many = units(900);
    many[500] = { name: 'worker/500', failedHook: 'install' };
    const shown = shownUnits(many, 'worker/700').map((u) => u.name);
    expect(shown).toHaveLength(MAX_CHIPS + 2);
    expect(shown.slice(-2)).toEqual(['worker/500', 'worker/700']);
  });

  it('sizes the node for the chips it draws, plus the line saying how many more', () => {
    expect(nodeHeight(1, 900)).toBe(nodeHeight(1, MAX_CHIPS) + 28);
  });
});
