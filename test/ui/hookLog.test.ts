/** Hook log rows and filters (src/ui/log/filter.ts) and row geometry (rowLayout.ts) over the masterworker trace. */
import { describe, expect, it } from 'vitest';
import { KIND_FILTERS, NO_FILTER, collectRows, filterOptions, isFiltered, logRows, rowsBefore, seqAtCursor, type KindFilter } from '../../src/ui/log/filter.ts';
import { rowName } from '../../src/ui/log/labels.ts';
import { LINE_HEIGHT, ROW_HEIGHT, hookLabel, rowAt, rowTops, wrapHook } from '../../src/ui/log/rowLayout.ts';
import { sim } from '../helpers.ts';

const masterworker = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker\njuju remove-unit worker/1';
const rerelated = `${masterworker}\njuju remove-relation master worker\njuju relate master worker`;

describe('hook log rows', () => {
  it('lists every hook record up to the cursor, in trace order, and nothing else', () => {
    const s = sim(masterworker);
    const t = s.timeline;
    const end = t.traceIndexAt(20);

    const rows = logRows(t.fullTrace, end, NO_FILTER);

    expect(rows.map((r) => r.record.seq)).toEqual(t.fullTrace.slice(0, end).flatMap((r) => (r.type === 'hook' ? [r.seq] : [])));
    for (const r of rows) expect(t.fullTrace.at(r.index)).toEqual(r.record);
    expect(logRows(t.fullTrace, t.fullTrace.length, NO_FILTER).length).toBe(s.hooks().length);
  });

  it('cuts the rows of the whole history at any cursor as filtering up to it would', () => {
    const s = sim(masterworker);
    const t = s.timeline;
    const filter = { ...NO_FILTER, unit: 'worker/0' };
    const all = logRows(t.fullTrace, t.fullTrace.length, filter);

    for (let tick = 0; tick <= t.length; tick++) {
      const end = t.traceIndexAt(tick);
      expect(rowsBefore(all, end)).toBe(logRows(t.fullTrace, end, filter).length);
    }
  });

  it('names the hook at the cursor: the last hook before it, or none at the start', () => {
    const s = sim(masterworker);
    const t = s.timeline;
    const end = t.traceIndexAt(t.length);

    expect(seqAtCursor(t.fullTrace, 0)).toBeNull();
    expect(seqAtCursor(t.fullTrace, end)).toBe(s.hooks().at(-1)?.seq);
  });

  it('gives each row a button name that ends with the hook name', () => {
    expect(rowName(33, 'worker/1', 'master-relation-departed')).toBe('Go to hook 33: worker/1 master-relation-departed');
  });
});

describe('hook log of a growing history', () => {
  it('extends rows and menus of the first records to those of all records', () => {
    const s = sim(rerelated);
    const trace = s.timeline.fullTrace;
    const filter = { ...NO_FILTER, kind: 'changed' as const };

    for (const cut of [0, 10, Math.floor(trace.length / 2), trace.length]) {
      const rows = collectRows(trace, filter, collectRows(trace.slice(0, cut), filter));
      const options = filterOptions(trace, filterOptions(trace.slice(0, cut)));

      expect(rows).toEqual(collectRows(trace, filter));
      expect(options).toEqual(filterOptions(trace));
    }
  });
});

describe('hook log filters', () => {
  it('keeps only the chosen unit', () => {
    const s = sim(masterworker);
    const trace = s.timeline.fullTrace;

    const rows = logRows(trace, trace.length, { ...NO_FILTER, unit: 'worker/1' });

    expect(rows.length).toBe(s.hooksOf('worker/1').length);
    expect(new Set(rows.map((r) => r.record.unit))).toEqual(new Set(['worker/1']));
    expect(rows.slice(-4).map((r) => r.record.hook)).toEqual(['master-relation-departed', 'master-relation-broken', 'stop', 'remove']);
  });

  it('keeps only the chosen relation id (hooks of the first relation, not of the re-created one)', () => {
    const s = sim(rerelated);
    const trace = s.timeline.fullTrace;

    const first = logRows(trace, trace.length, { ...NO_FILTER, relation: '0' });
    const second = logRows(trace, trace.length, { ...NO_FILTER, relation: '1' });

    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(first.every((r) => r.record.relationId === 0)).toBe(true);
    expect(second.every((r) => r.record.relationId === 1)).toBe(true);
    expect(second.map((r) => r.record.kind)).not.toContain('install');
  });

  it('sorts hooks into the kinds of the menu', () => {
    const s = sim(`${rerelated}\njuju run-action master/0 broadcast-message message=hi`);
    const trace = s.timeline.fullTrace;
    const kindsOf = (kind: KindFilter) => new Set(logRows(trace, trace.length, { ...NO_FILTER, kind }).map((r) => r.record.kind));

    expect(kindsOf('created')).toEqual(new Set(['relation-created']));
    expect(kindsOf('joined')).toEqual(new Set(['relation-joined']));
    expect(kindsOf('changed')).toEqual(new Set(['relation-changed']));
    expect(kindsOf('departed')).toEqual(new Set(['relation-departed']));
    expect(kindsOf('broken')).toEqual(new Set(['relation-broken']));
    expect(kindsOf('leadership')).toEqual(new Set(['leader-elected', 'leader-settings-changed']));
    expect(kindsOf('lifecycle')).toEqual(new Set(['install', 'config-changed', 'start', 'stop', 'remove']));
    expect(kindsOf('action')).toEqual(new Set(['action']));
    expect(logRows(trace, trace.length, { ...NO_FILTER, kind: 'all' }).length).toBe(s.hooks().length);
  });

  it('offers every kind the brief names, labelled', () => {
    expect(Object.keys(KIND_FILTERS)).toEqual(['all', 'created', 'joined', 'changed', 'departed', 'broken', 'leadership', 'lifecycle', 'action']);
  });

  it('combines the filters (a unit’s departed hooks on one relation)', () => {
    const s = sim(rerelated);
    const trace = s.timeline.fullTrace;

    const rows = logRows(trace, trace.length, { unit: 'master/0', relation: '0', kind: 'departed' });

    expect(rows.map((r) => `${r.record.hook} ${r.record.remoteUnit}`)).toEqual([
      'master-application-relation-departed worker/1',
      'master-application-relation-departed worker/0',
    ]);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, kind: 'broken' })).toBe(true);
  });
});

describe('hook log filter menus', () => {
  it('offers the units in numeric order and each relation with the endpoint names its units used', () => {
    const s = sim(`${rerelated}\njuju add-unit worker -n 9`);

    const options = filterOptions(s.timeline.fullTrace);

    expect(options.units.slice(0, 4)).toEqual(['master/0', 'worker/0', 'worker/1', 'worker/2']);
    expect(options.units.at(-1)).toBe('worker/10');
    expect(options.relations).toEqual([
      { id: 0, label: '0 · master ⇄ master-application' },
      { id: 1, label: '1 · master ⇄ master-application' },
    ]);
  });
});

describe('hook log row heights', () => {
  it('wraps a long hook name after its hyphens, whole, never cut', () => {
    const name = 'master-application-relation-departed';

    expect(wrapHook(name, 40)).toEqual([name]);
    expect(wrapHook(name, 32)).toEqual(['master-application-relation-', 'departed']);
    expect(wrapHook(name, 19)).toEqual(['master-application-', 'relation-departed']);
    expect(wrapHook(name, 16)).toEqual(['master-', 'application-', 'relation-', 'departed']);
    for (const columns of [1, 5, 10, 16, 19, 32]) {
      const lines = wrapHook(name, columns);
      expect(lines.join('')).toBe(name);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
    }
  });

  it('splits a part longer than a line where the line ends, and breaks before an action\'s marker', () => {
    expect(wrapHook('averyveryverylongendpoint-relation-changed', 10)).toEqual(['averyveryv', 'erylongend', 'point-', 'relation-', 'changed']);
    expect(wrapHook('broadcast-message (action)', 18)).toEqual(['broadcast-message', ' (action)']);
  });

  it('gives each row one line, plus one per extra line of its hook name; extends as the history grows', () => {
    const s = sim(rerelated);
    const rows = logRows(s.timeline.fullTrace, s.timeline.fullTrace.length, NO_FILTER);
    const columns = 19;

    const { tops } = rowTops(rows, columns);

    expect(tops).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => expect((tops[i + 1] as number) - (tops[i] as number)).toBe(ROW_HEIGHT + (wrapHook(hookLabel(row.record), columns).length - 1) * LINE_HEIGHT));
    const departed = rows.findIndex((r) => r.record.hook === 'master-application-relation-departed');
    expect((tops[departed + 1] as number) - (tops[departed] as number)).toBe(ROW_HEIGHT + LINE_HEIGHT);
    for (const cut of [0, 1, 10, rows.length - 1]) expect(rowTops(rows, columns, rowTops(rows.slice(0, cut), columns)).tops).toEqual(tops);
    // Another width is measured afresh.
    expect(rowTops(rows, 80, rowTops(rows, columns)).tops).toEqual(rows.map((_, i) => i * ROW_HEIGHT).concat(rows.length * ROW_HEIGHT));
  });

  it('finds the row at a height', () => {
    const tops = [0, 30, 76, 106];

    expect(rowAt(tops, 0, 3)).toBe(0);
    expect(rowAt(tops, 29, 3)).toBe(0);
    expect(rowAt(tops, 30, 3)).toBe(1);
    expect(rowAt(tops, 75, 3)).toBe(1);
    expect(rowAt(tops, 500, 3)).toBe(2);
    expect(rowAt(tops, 500, 2)).toBe(1);
    expect(rowAt([0], 10, 0)).toBe(0);
  });
});
