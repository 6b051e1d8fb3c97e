/** Swimlane geometry (src/ui/swimlanes/layout.ts) over real traces and a large synthetic one. */
import { describe, expect, it } from 'vitest';
import type { HookKind } from '../../src/engine/ops.ts';
import type { HookRecord, TraceRecord } from '../../src/engine/trace.ts';
import { Geometry, arrowsInRange, blockBefore, blocksInRange, compareUnits, labelWidth, layoutSwimlanes, neighbour, shortLabel, type Block } from '../../src/ui/swimlanes/layout.ts';
import { blockName, blockTitle, deferralMark } from '../../src/ui/swimlanes/labels.ts';
import { sim } from '../helpers.ts';

const masterworker = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker\njuju remove-unit worker/1';

const laneOf = (blocks: readonly Block[], unit: string) => blocks.filter((b) => b.unit === unit);

/** A bare hook record, for synthetic traces. */
function hook(seq: number, unit: string, kind: HookKind, extra: Partial<HookRecord> = {}): HookRecord {
  return {
    type: 'hook',
    seq,
    unit,
    hook: kind.startsWith('relation-') ? `db-${kind}` : kind,
    kind,
    relationId: kind.startsWith('relation-') ? 0 : null,
    relation: kind.startsWith('relation-') ? 'db:0' : null,
    remoteUnit: null,
    remoteApp: null,
    departingUnit: null,
    result: 'ok',
    rule: 'changed',
    cause: 0,
    changes: [],
    files: [],
    logs: [],
    status: null,
    error: null,
    ...extra,
  };
}

/** Every block sits on its unit's lane, and each lane's first and last blocks are its unit's. */
function expectLanesConsistent(layout: ReturnType<typeof layoutSwimlanes>) {
  for (const [i, lane] of layout.lanes.entries()) {
    expect(layout.blocks[lane.first]?.unit).toBe(lane.unit);
    expect(layout.blocks[lane.last]?.unit).toBe(lane.unit);
    expect(laneOf(layout.blocks, lane.unit).every((b) => b.lane === i)).toBe(true);
  }
}

describe('swimlane lanes', () => {
  it('gives each unit a lane, applications in order of their first hook', () => {
    const s = sim(masterworker);

    const layout = layoutSwimlanes(s.timeline.fullTrace);

    expect(layout.lanes.map((l) => l.unit)).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(layout.height).toBe(3 * Geometry.laneHeight);
    expectLanesConsistent(layout);
  });

  it('orders units by number, not as text: worker/10 after worker/9', () => {
    expect(['worker/10', 'worker/2', 'worker/1', 'worker/9', 'worker/0'].sort(compareUnits)).toEqual(['worker/0', 'worker/1', 'worker/2', 'worker/9', 'worker/10']);
  });

  it('keeps lanes in unit-number order whatever order the units first ran a hook in', () => {
    const units = ['worker/10', 'worker/2', 'master/0', 'worker/9', 'worker/1', 'master/1', 'worker/10', 'master/0'];
    const trace = units.map((u, i) => hook(i + 1, u, 'install'));

    const layout = layoutSwimlanes(trace);

    expect(layout.lanes.map((l) => l.unit)).toEqual(['worker/1', 'worker/2', 'worker/9', 'worker/10', 'master/0', 'master/1']);
    expectLanesConsistent(layout);
    for (let cut = 0; cut <= trace.length; cut++) expect(layoutSwimlanes(trace, layoutSwimlanes(trace.slice(0, cut)))).toEqual(layout);
  });

  it('puts a new application below the others, and a late unit of an earlier one with its application', () => {
    const first = layoutSwimlanes(['master/0', 'worker/0', 'worker/1'].map((u, i) => hook(i + 1, u, 'install')));
    const trace = [...['master/0', 'worker/0', 'worker/1'].map((u, i) => hook(i + 1, u, 'install')), hook(4, 'telegraf/0', 'install'), hook(5, 'master/1', 'install')];

    const layout = layoutSwimlanes(trace, first);

    expect(layout.lanes.map((l) => l.unit)).toEqual(['master/0', 'master/1', 'worker/0', 'worker/1', 'telegraf/0']);
    expectLanesConsistent(layout);
    expect(layout).toEqual(layoutSwimlanes(trace));
  });

  it('puts every hook on its own lane, one block per hook record, in trace order', () => {
    const s = sim(masterworker);

    const layout = layoutSwimlanes(s.timeline.fullTrace);

    expect(layout.blocks.map((b) => b.seq)).toEqual(s.hooks().map((h) => h.seq));
    expect(layout.blocks.map((b) => `${b.unit} ${b.hook}`)).toEqual(s.hooks().map((h) => `${h.unit} ${h.hook}`));
    for (const b of layout.blocks) expect(s.timeline.fullTrace.at(b.index)).toEqual(b.record);
  });
});

describe('swimlane x positions', () => {
  it('places blocks left to right in trace order, each as wide as its label, one gap apart', () => {
    const s = sim(masterworker);

    const { blocks, width } = layoutSwimlanes(s.timeline.fullTrace);

    expect(blocks[0]?.x).toBe(0);
    for (let i = 1; i < blocks.length; i++) {
      const prev = blocks[i - 1] as Block;
      const b = blocks[i] as Block;
      expect(b.x).toBe(prev.x + prev.w + Geometry.gap);
      expect(b.index).toBeGreaterThan(prev.index);
    }
    const last = blocks[blocks.length - 1] as Block;
    expect(width).toBe(last.x + last.w);
  });

  it('sizes a block to its label, within bounds', () => {
    expect(labelWidth('stop')).toBe(Geometry.minWidth);
    expect(labelWidth('config-changed')).toBeGreaterThan(labelWidth('departed'));
    expect(labelWidth('x'.repeat(200))).toBe(Geometry.maxWidth);
  });
});

describe('swimlane labels', () => {
  it('drops the endpoint prefix of relation hooks and keeps the full name for the tooltip', () => {
    const s = sim(masterworker);

    const worker0 = laneOf(layoutSwimlanes(s.timeline.fullTrace).blocks, 'worker/0');

    expect(worker0.slice(0, 5).map((b) => b.label)).toEqual(['install', 'leader-elected', 'config-changed', 'start', 'created']);
    const joined = worker0.find((b) => b.kind === 'relation-joined') as Block;
    expect(joined.label).toBe('joined');
    expect(joined.hook).toBe('master-relation-joined');
    expect(blockName(joined.unit, joined.hook, joined.seq)).toBe(`worker/0 master-relation-joined (seq ${joined.seq})`);
    expect(blockTitle(joined)).toContain('remote unit master/0');
  });

  it('shortens leader-settings-changed and keeps an action its own name', () => {
    expect(shortLabel(hook(1, 'a/1', 'leader-settings-changed'))).toBe('leader-settings');
    expect(shortLabel(hook(2, 'a/0', 'action', { hook: 'broadcast-message' }))).toBe('broadcast-message');
    expect(shortLabel(hook(3, 'a/0', 'relation-broken'))).toBe('broken');
  });
});

describe('swimlane kinds', () => {
  it("sets the removed unit's departed, broken, stop and remove apart, in that order, and ends its lane at remove", () => {
    const s = sim(masterworker);

    const layout = layoutSwimlanes(s.timeline.fullTrace);

    const ending = laneOf(layout.blocks, 'worker/1').slice(-4);
    expect(ending.map((b) => b.hook)).toEqual(['master-relation-departed', 'master-relation-broken', 'stop', 'remove']);
    expect(ending.map((b) => b.label)).toEqual(['departed', 'broken', 'stop', 'remove']);
    expect(ending.map((b) => b.tone)).toEqual(['departed', 'broken', 'ending', 'ending']);
    expect(layout.lanes[2]?.removedAt).toBe(ending[3]?.index);
    expect(layout.lanes[0]?.removedAt).toBeNull();
  });

  it('marks a failed hook', () => {
    const s = sim('juju deploy master\njuju deploy worker\nfail master/0 master-application-relation-joined\njuju relate master worker');

    const failed = layoutSwimlanes(s.timeline.fullTrace).blocks.filter((b) => b.failed);

    expect(failed.map((b) => `${b.unit} ${b.hook}`)).toEqual(['master/0 master-application-relation-joined']);
    expect(blockTitle(failed[0] as Block)).toContain('✗ failed');
  });

  it('marks a code charm’s hook that deferred or re-emitted an ops event, and says which in its tooltip', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    const hooks = s.timeline.fullTrace.slice().filter((r): r is HookRecord => r.type === 'hook');
    const withEvents = (i: number, events: NonNullable<HookRecord['charm']>['events']): HookRecord => ({ ...(hooks[i] as HookRecord), charm: { draws: 0, events } });
    const records = [
      withEvents(0, [{ event: 'install', reemitted: false, deferred: false }]),
      withEvents(1, [{ event: 'db_relation_changed', reemitted: false, deferred: true }]),
      withEvents(2, [
        { event: 'db_relation_changed', reemitted: true, deferred: false },
        { event: 'start', reemitted: false, deferred: true },
      ]),
      hooks[3] as HookRecord,
    ];

    const marks = layoutSwimlanes(records).blocks.map((b) => deferralMark(b.record));

    expect(marks).toEqual(['', '⏸', '↻⏸', '']);
    const title = blockTitle(layoutSwimlanes(records).blocks[2] as Block);
    expect(title).toContain('↻ re-emitted db_relation_changed');
    expect(title).toContain('⏸ deferred start');
  });
});

describe('swimlane cause arrows', () => {
  it('draws one arrow from each commit to every relation-changed that reports it', () => {
    const s = sim(masterworker);

    const { blocks, arrows } = layoutSwimlanes(s.timeline.fullTrace);

    const caused = blocks.filter((b) => b.record.type === 'hook' && b.record.kind === 'relation-changed' && b.record.cause > 0);
    expect(arrows.length).toBe(caused.length);
    expect(arrows.length).toBeGreaterThan(0);
    for (const a of arrows) {
      const from = blocks[a.from] as Block;
      const to = blocks[a.to] as Block;
      expect(to.kind).toBe('relation-changed');
      expect(to.record.type === 'hook' && to.record.cause).toBe(from.seq);
      expect(from.x).toBeLessThan(to.x);
      expect(from.unit).not.toBe(to.unit);
    }
  });

  it('draws from a juju exec marker on the writer’s lane when exec wrote the data', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run('juju exec --unit master/0 -- relation-set -r 0 k=v');

    const { blocks, arrows, lanes } = layoutSwimlanes(s.timeline.fullTrace);

    const exec = blocks.findIndex((b) => b.kind === 'exec');
    const marker = blocks[exec] as Block;
    expect(marker).toMatchObject({ unit: 'master/0', label: 'exec', w: Geometry.execWidth, tone: 'exec' });
    expect(lanes[marker.lane]?.unit).toBe('master/0');
    const from = arrows.filter((a) => a.from === exec).map((a) => blocks[a.to]);
    expect(from.map((b) => `${b?.unit} ${b?.hook}`)).toEqual(['worker/0 master-relation-changed']);
  });

  it('leaves out an exec that wrote nothing (a relation-get)', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run("juju exec --unit worker/0 -- relation-get -r 0 - master/0");

    expect(layoutSwimlanes(s.timeline.fullTrace).blocks.some((b) => b.kind === 'exec')).toBe(false);
  });
});

describe('swimlane layout of a growing history', () => {
  it('extends a layout of the first records to the same layout as one of all records, at any cut', () => {
    const s = sim(`${masterworker}\njuju remove-relation master worker\njuju relate master worker`);
    const trace = s.timeline.fullTrace;
    const whole = layoutSwimlanes(trace);

    for (const cut of [0, 1, 7, 20, Math.floor(trace.length / 2), trace.length - 1, trace.length]) {
      const first = layoutSwimlanes(trace.slice(0, cut));
      const extended = layoutSwimlanes(trace, first);

      expect(first.scanned).toBe(cut);
      expect(extended).toEqual(whole);
    }
  });

  it('extends slice by slice as a long run is computed, reading only the new records', () => {
    const s = sim(masterworker);
    const trace = s.timeline.fullTrace;

    let layout = layoutSwimlanes([]);
    for (let end = 0; end <= trace.length; end += 5) layout = layoutSwimlanes(trace.slice(0, end), layout);
    layout = layoutSwimlanes(trace, layout);

    expect(layout).toEqual(layoutSwimlanes(trace));
  });
});

describe('swimlane cursor and windowing', () => {
  it('finds the hook at the cursor: the last block before the cursor’s trace index', () => {
    const s = sim(masterworker);
    const layout = layoutSwimlanes(s.timeline.fullTrace);
    const t = s.timeline;

    expect(blockBefore(layout, t.traceIndexAt(0))).toBe(-1);
    expect(blockBefore(layout, t.traceIndexAt(t.length))).toBe(layout.blocks.length - 1);
    const third = layout.blocks[2] as Block;
    expect(blockBefore(layout, t.traceIndexAt(t.tickOfRecord(third.index) + 1))).toBe(2);
  });

  it('renders only the blocks and arrows of the visible range of a 100-unit, 20,000-hook history', () => {
    const trace: TraceRecord[] = [];
    for (let seq = 1; seq <= 20_000; seq++) {
      const unit = `app/${seq % 100}`;
      trace.push(seq % 3 === 0 ? hook(seq, unit, 'relation-changed', { cause: seq - 2 }) : hook(seq, unit, 'relation-joined'));
    }

    const layout = layoutSwimlanes(trace);
    const x0 = layout.width / 2;
    const range = blocksInRange(layout, x0, x0 + 1000);
    const arrows = arrowsInRange(layout, range, 0, 99);

    expect(layout.lanes.length).toBe(100);
    expect(range.to - range.from).toBeLessThan(20);
    expect(range.to - range.from).toBeGreaterThan(5);
    for (let i = range.from; i < range.to; i++) {
      const b = layout.blocks[i] as Block;
      expect(b.x + b.w >= x0 && b.x <= x0 + 1000).toBe(true);
    }
    expect(arrows.length).toBeGreaterThan(0);
    for (const a of arrows) expect((a.from >= range.from && a.from < range.to) || (a.to >= range.from && a.to < range.to)).toBe(true);
  });

  it('draws an arrow with an end on screen, not one whose both ends are off screen', () => {
    // a/0 writes (seq 2); b/0 reports it (seq 40) after 30 hooks of c/0.
    const trace = [hook(1, 'a/0', 'install'), hook(2, 'a/0', 'relation-joined'), ...Array.from({ length: 30 }, (_, i) => hook(3 + i, 'c/0', 'start')), hook(40, 'b/0', 'relation-changed', { cause: 2 })];
    const layout = layoutSwimlanes(trace);
    const lanes = [0, 2] as const;

    expect(arrowsInRange(layout, { from: 1, to: 3 }, ...lanes)).toEqual([{ from: 1, to: 32 }]);
    expect(arrowsInRange(layout, { from: 30, to: 33 }, ...lanes)).toEqual([{ from: 1, to: 32 }]);
    expect(arrowsInRange(layout, { from: 10, to: 20 }, ...lanes)).toEqual([]);
    expect(arrowsInRange(layout, { from: 30, to: 33 }, 1, 1)).toEqual([]);
  });

  it('keeps at most `limit` arrows, those of the hook at the cursor first, then the shortest', () => {
    // One write (seq 1) reported by 50 units, one after the other.
    const trace = [hook(1, 'w/0', 'relation-joined'), ...Array.from({ length: 50 }, (_, i) => hook(2 + i, `r/${i}`, 'relation-changed', { cause: 1 }))];
    const layout = layoutSwimlanes(trace);
    const all = { from: 0, to: layout.blocks.length };

    expect(arrowsInRange(layout, all, 0, 50).length).toBe(50);
    expect(arrowsInRange(layout, all, 0, 50, -1, 5).map((a) => a.to)).toEqual([1, 2, 3, 4, 5]);
    expect(arrowsInRange(layout, all, 0, 50, 40, 3).map((a) => a.to)).toEqual([40, 1, 2]);
  });
});

describe('swimlane keyboard steps', () => {
  it('moves along a lane, to the nearest hook in time on the next lane, and to a lane’s ends', () => {
    // lanes: a/0 = blocks 0, 3, 4; b/0 = blocks 1, 2, 5
    const trace = [hook(1, 'a/0', 'install'), hook(2, 'b/0', 'install'), hook(3, 'b/0', 'start'), hook(4, 'a/0', 'start'), hook(5, 'a/0', 'stop'), hook(6, 'b/0', 'stop')];
    const layout = layoutSwimlanes(trace);

    expect(neighbour(layout, 0, 'right')).toBe(3);
    expect(neighbour(layout, 3, 'left')).toBe(0);
    expect(neighbour(layout, 0, 'left')).toBeNull();
    expect(neighbour(layout, 4, 'right')).toBeNull();
    expect(neighbour(layout, 3, 'down')).toBe(2);
    expect(neighbour(layout, 4, 'down')).toBe(5);
    expect(neighbour(layout, 1, 'up')).toBe(0);
    expect(neighbour(layout, 1, 'down')).toBeNull();
    expect(neighbour(layout, 0, 'up')).toBeNull();
    expect(neighbour(layout, 5, 'home')).toBe(1);
    expect(neighbour(layout, 1, 'end')).toBe(5);
  });
});

describe('a real history on the lanes (layoutImported)', () => {
  const text = [
    'unit-db-10: 10:00:00 INFO juju.worker.uniter.operation ran "install" hook (via hook dispatching script: dispatch)',
    'unit-db-9: 10:00:01 INFO juju.worker.uniter.operation ran "install" hook (via hook dispatching script: dispatch)',
    'unit-app-0: 10:00:02 INFO juju.worker.uniter.operation ran "install" hook (via hook dispatching script: dispatch)',
    'unit-db-9: 10:00:03 INFO juju.worker.uniter.operation ran "update-status" hook (via hook dispatching script: dispatch)',
    'unit-app-0: 10:00:03 INFO juju.worker.uniter.operation ran "db-relation-created" hook (via hook dispatching script: dispatch)',
    'unit-app-0: 10:00:03 INFO juju.worker.uniter.operation ran "config-changed" hook (via hook dispatching script: dispatch)',
    'unit-app-0: 10:00:03 INFO juju.worker.uniter.operation ran "start" hook (via hook dispatching script: dispatch)',
    'unit-app-0: 10:00:04 INFO juju.worker.uniter.operation ran "db-relation-joined" hook (via hook dispatching script: dispatch)',
    'unit-app-0: 10:00:05 ERROR juju.worker.uniter.operation hook "db-relation-changed" (via hook dispatching script: dispatch) failed: exit status 1',
    'unit-db-10: 10:00:06 INFO juju.worker.uniter.operation ran "install" hook (via hook dispatching script: dispatch)',
    'unit-db-10: 10:00:07 INFO juju.worker.uniter.operation ran "remove" hook (via hook dispatching script: dispatch)',
  ].join('\n');

  it('a lane per unit (applications in the order they came, units by number), seq = place in the history, what failed, what is ruled out', async () => {
    const { readHistory } = await import('../../src/io/trace/read.ts');
    const { checkHistory } = await import('../../src/io/trace/check.ts');
    const { layoutImported } = await import('../../src/ui/imported/layout.ts');
    const { hooks } = readHistory([{ name: 'debug.log', text }]);
    const report = checkHistory(hooks);
    const findings = new Map<number, (typeof report.findings)[number][]>();
    for (const f of report.findings) findings.set(f.index, [...(findings.get(f.index) ?? []), f]);
    const layout = layoutImported(hooks, findings);
    expect(layout.lanes.map((l) => l.unit)).toEqual(['db/9', 'db/10', 'app/0']);
    expect(layout.blocks.map((b) => b.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(layout.blocks.map((b) => b.label)).toEqual(['install', 'install', 'install', 'update-status', 'created', 'config-changed', 'start', 'joined', 'changed', 'install', 'remove']);
    expect(layout.blocks.map((b) => b.lane)).toEqual([1, 0, 2, 0, 2, 2, 2, 2, 2, 1, 1]);
    expect(layout.blocks[3]).toMatchObject({ kind: 'other', tone: 'lifecycle' });
    expect(layout.blocks[8]).toMatchObject({ failed: true, tone: 'changed' });
    // db/10 installs twice: G1 flags the second, and only it.
    expect(layout.blocks.filter((b) => b.flagged).map((b) => b.seq)).toEqual([10]);
    expect(blockTitle(layout.blocks[9] as Block)).toMatch(/^db\/10 install \(seq 10\)\n[\s\S]*from: debug\.log:10[\s\S]*✗ ruled out \(G1\)/);
    expect(blockTitle(layout.blocks[7] as Block)).toContain('remote unit: unknown');
    expect(layout.lanes[1]).toMatchObject({ unit: 'db/10', removedAt: 10 });
    expect(layout.arrows).toEqual([]);
    // Blocks stand in history order along the axis, as wide as their labels.
    for (let i = 1; i < layout.blocks.length; i++) expect((layout.blocks[i] as Block).x).toBe((layout.blocks[i - 1] as Block).x + (layout.blocks[i - 1] as Block).w + Geometry.gap);
  });
});
