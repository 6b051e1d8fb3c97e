/** Swimlane geometry and hook-log filtering over real traces. */
import { describe, expect, it } from 'vitest';
import { layoutSwimlanes } from '../../src/ui/swimlanes/layout.ts';
import { NO_FILTER, filterOptions, logRows } from '../../src/ui/log/filter.ts';
import { sim } from '../helpers.ts';

const masterworker = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker\njuju remove-unit worker/1';

describe('swimlanes', () => {
  it('gives each unit a lane in order of its first hook, and each hook its own column in trace order', () => {
    const s = sim(masterworker);
    const lanes = layoutSwimlanes(s.timeline.fullTrace);
    expect(lanes.lanes).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(lanes.blocks.map((b) => b.col)).toEqual(lanes.blocks.map((_, i) => i));
    expect(lanes.blocks.length).toBe(s.hooks().length);
  });

  it("shows the removed unit's departed, broken, stop and remove in order on its lane", () => {
    const s = sim(masterworker);
    const lanes = layoutSwimlanes(s.timeline.fullTrace);
    const worker1 = lanes.blocks.filter((b) => b.unit === 'worker/1').map((b) => b.label);
    expect(worker1.slice(-4)).toEqual(['departed', 'broken', 'stop', 'remove']);
  });

  it('draws an arrow from each commit to the relation-changed hooks it caused', () => {
    const s = sim(masterworker);
    const lanes = layoutSwimlanes(s.timeline.fullTrace);
    expect(lanes.arrows.length).toBeGreaterThan(0);
    for (const a of lanes.arrows) {
      const from = lanes.blocks[a.from];
      const to = lanes.blocks[a.to];
      expect(to?.kind).toBe('relation-changed');
      expect(from && to && from.col < to.col).toBe(true);
    }
  });

  it('places a juju exec that wrote data as the writer of the changed hooks it caused', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run('juju exec --unit master/0 -- relation-set -r 0 k=v');
    const lanes = layoutSwimlanes(s.timeline.fullTrace);
    const exec = lanes.blocks.findIndex((b) => b.kind === 'exec');
    expect(exec).toBeGreaterThan(0);
    expect(lanes.arrows.some((a) => a.from === exec)).toBe(true);
  });
});

describe('hook log filters', () => {
  it('lists hooks up to the cursor, filtered by unit, relation and kind', () => {
    const s = sim(masterworker);
    const trace = s.timeline.fullTrace;
    const all = logRows(trace, trace.length, NO_FILTER);
    expect(all.length).toBe(s.hooks().length);
    expect(logRows(trace, trace.length, { ...NO_FILTER, unit: 'worker/1' }).every((r) => r.record.unit === 'worker/1')).toBe(true);
    expect(logRows(trace, trace.length, { ...NO_FILTER, kind: 'departed' }).map((r) => r.record.unit).sort()).toEqual(['master/0', 'worker/1']);
    expect(logRows(trace, trace.length, { ...NO_FILTER, kind: 'lifecycle' }).some((r) => r.record.kind === 'relation-joined')).toBe(false);
    expect(logRows(trace, trace.length, { ...NO_FILTER, relation: '0' }).every((r) => r.record.relationId === 0)).toBe(true);
    expect(logRows(trace, 3, NO_FILTER).length).toBeLessThan(all.length);
  });

  it('offers the units and relations that appear', () => {
    const s = sim(masterworker);
    expect(filterOptions(s.timeline.fullTrace)).toEqual({ units: ['master/0', 'worker/0', 'worker/1'], relations: [0] });
  });
});
