/** The graph's automatic layout: application nodes never overlap, subordinate chips included. */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/timeline.ts';
import { parseScript } from '../../src/io/script.ts';
import { deriveView } from '../../src/store/view.ts';
import { NODE_WIDTH, appHeights, autoLayout, nodeHeight } from '../../src/ui/graph/layout.ts';
import { layered } from '../../src/ui/graph/layered.ts';

function viewOf(script: string) {
  const t = new Timeline({ seed: 1 });
  for (const line of parseScript(script)) t.apply(line.command, { text: line.text });
  return deriveView(t.state);
}

function boxes(script: string) {
  const view = viewOf(script);
  const pos = autoLayout(view, {});
  const heights = appHeights(view);
  return view.apps.map((a) => {
    const h = heights.get(a.name) ?? 0;
    const p = pos[a.name] ?? { x: 0, y: 0 };
    return { name: a.name, x0: p.x, y0: p.y, x1: p.x + NODE_WIDTH, y1: p.y + h };
  });
}

describe('autoLayout', () => {
  it.each([
    ['two subordinates on every principal unit', 'juju deploy ubuntu -n 3\njuju deploy telegraf\njuju deploy rsyslog-forwarder\njuju integrate telegraf ubuntu\njuju integrate rsyslog-forwarder ubuntu\n'],
    ['unrelated applications of every size', 'juju deploy postgresql -n 2\njuju deploy webapp -n 5\njuju deploy smtp-server\njuju deploy master\njuju deploy worker -n 3\njuju deploy ubuntu\n'],
    ['masterworker and a subordinate beside it', 'juju deploy master\njuju deploy worker -n 5\njuju relate master worker\njuju deploy telegraf\njuju integrate telegraf worker\n'],
  ])('no two application nodes overlap: %s', (_name, script) => {
    const all = boxes(script);
    for (const a of all) {
      for (const b of all) {
        if (a.name >= b.name) continue;
        const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlap, `${a.name} and ${b.name}`).toBe(false);
      }
    }
  });

  it('sets unrelated applications side by side, not in one column, so a wide screen shows them large', () => {
    const [master, worker] = boxes('juju deploy master\njuju deploy worker -n 2\n');
    expect(master && worker).toBeTruthy();
    if (!master || !worker) return;
    expect(worker.x0).toBeGreaterThanOrEqual(master.x1);
    expect(worker.y0).toBe(master.y0);
  });

  it('packs several groups of related applications into a wide block, not one tall column', () => {
    const all = boxes('juju deploy postgresql -n 2\njuju deploy webapp -n 2\njuju deploy smtp-server\njuju deploy master\njuju deploy worker\njuju relate master worker\n');
    const w = Math.max(...all.map((b) => b.x1)) - Math.min(...all.map((b) => b.x0));
    const h = Math.max(...all.map((b) => b.y1)) - Math.min(...all.map((b) => b.y0));
    expect(w / h).toBeGreaterThan(1.5);
  });

  it('makes a principal taller for each subordinate its units carry', () => {
    expect(nodeHeight(2, 2, 2)).toBeGreaterThan(nodeHeight(2, 2, 1));
    expect(nodeHeight(2, 2, 1)).toBeGreaterThan(nodeHeight(2, 2, 0));
  });
});

describe('layered (the small models’ layout)', () => {
  it('puts each requirer in a column left of what it requires, a chain in as many columns as it is long', () => {
    const at = layered([{ id: 'c', height: 100 }, { id: 'b', height: 100 }, { id: 'a', height: 100 }], [['a', 'b'], ['b', 'c']], 300);
    const x = (id: string) => at.get(id)?.x ?? NaN;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
    expect(new Set([x('a'), x('b'), x('c')]).size).toBe(3);
  });

  it('survives a cycle of relations and keeps every card apart', () => {
    const at = layered([{ id: 'a', height: 80 }, { id: 'b', height: 120 }, { id: 'c', height: 60 }], [['a', 'b'], ['b', 'c'], ['c', 'a']], 300);
    expect([...at.keys()].sort()).toEqual(['a', 'b', 'c']);
    const cols = new Map<number, number[]>();
    for (const p of at.values()) cols.set(p.x, [...(cols.get(p.x) ?? []), p.y]);
    for (const ys of cols.values()) expect(new Set(ys).size).toBe(ys.length);
  });

  it('stacks the requirers of one provider in one column, ordered so the lines do not cross', () => {
    const at = layered([{ id: 'p', height: 100 }, { id: 'q', height: 100 }, { id: 'r1', height: 50 }, { id: 'r2', height: 50 }], [['r1', 'q'], ['r2', 'p']], 300);
    expect(at.get('r1')?.x).toBe(at.get('r2')?.x);
    // p above q, so r2 (to p) above r1 (to q).
    expect((at.get('p')?.y ?? 0) < (at.get('q')?.y ?? 0)).toBe((at.get('r2')?.y ?? 0) < (at.get('r1')?.y ?? 0));
  });
});
