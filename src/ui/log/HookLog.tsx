/**
 * A table of the hooks up to the cursor, like `jhack tail`: seq, unit, hook, remote
 * unit, relation id, result. Filter by unit, relation and kind; click a row to go
 * there. The newest row stays in view unless the reader scrolled up. Only the
 * visible rows are rendered, so long histories stay fast: a row is one line tall,
 * or more when its hook name wraps (never cut), which rowLayout.ts computes from
 * the hook column's width in characters without measuring rows.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Timeline } from '../../engine/timeline.ts';
import { useRelvizStore } from '../StoreContext.tsx';
import { usePaced } from '../common/usePaced.ts';
import { NO_FILTER, collectRows, filterOptions, isFiltered, rowsBefore, seqAtCursor, type FilterOptions, type LogFilter, type LogRow, type LogRows } from './filter.ts';
import { LogLabel } from './labels.ts';
import { LogFilters } from './LogFilters.tsx';
import { HookLogRow } from './HookLogRow.tsx';
import { ROW_HEIGHT, rowAt, rowTops, type RowTops } from './rowLayout.ts';

/** Rows rendered beyond each edge of the visible ones. */
const OVERSCAN = 8;

/**
 * What the log derives from a timeline, kept per revision: within one the trace only
 * grows (a long run computed in slices), so rows and menus are extended, not redone.
 */
interface Derived {
  readonly revision: number;
  readonly rows: Map<string, LogRows>;
  options: FilterOptions | undefined;
}
const derived = new WeakMap<Timeline, Derived>();

function derivedOf(timeline: Timeline, revision: number): Derived {
  let d = derived.get(timeline);
  if (!d || d.revision !== revision) derived.set(timeline, (d = { revision, rows: new Map(), options: undefined }));
  return d;
}

const keyOf = (f: LogFilter) => `${f.unit}|${f.relation}|${f.kind}`;
const ALL = keyOf(NO_FILTER);

function rowsOf(timeline: Timeline, revision: number, filter: LogFilter): readonly LogRow[] {
  const d = derivedOf(timeline, revision);
  const key = keyOf(filter);
  const prev = d.rows.get(key);
  const trace = timeline.fullTrace;
  const next = prev && prev.scanned === trace.length ? prev : collectRows(trace, filter, prev);
  // Keep the unfiltered rows (for the count) and the filter in use; drop the others.
  for (const k of d.rows.keys()) if (k !== key && k !== ALL) d.rows.delete(k);
  d.rows.set(key, next);
  return next.rows;
}

function optionsOf(timeline: Timeline, revision: number): FilterOptions {
  const d = derivedOf(timeline, revision);
  const trace = timeline.fullTrace;
  if (d.options?.scanned !== trace.length) d.options = filterOptions(trace, d.options);
  return d.options;
}

const th = 'px-2 py-1.5 font-semibold whitespace-nowrap';
/** The hook cell's horizontal padding (px-2 each side). */
const CELL_PADDING = 16;
/** Characters measured to know the width of one (the table's font is monospace). */
const PROBE = '0'.repeat(20);

/** How many characters fit on a line of the hook column, kept up to date as the log is resized. */
function useHookColumns() {
  const header = useRef<HTMLTableCellElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const [columns, setColumns] = useState(Number.POSITIVE_INFINITY);
  useLayoutEffect(() => {
    const th = header.current;
    const p = probe.current;
    if (!th || !p) return;
    const measure = () => {
      const ch = p.getBoundingClientRect().width / PROBE.length;
      if (ch > 0) setColumns(Math.max(1, Math.floor((th.getBoundingClientRect().width - CELL_PADDING) / ch)));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(th);
    return () => ro.disconnect();
  }, []);
  return { header, probe, columns };
}

export function HookLog() {
  const store = useRelvizStore();
  // Paced while playing fast (usePaced).
  const { cursor, revision, length, timeline } = usePaced();
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);

  // The trace only changes when `revision` (a fork) or `length` (more hooks) moves; seeks just cut the rows.
  const all = useMemo(() => rowsOf(timeline, revision, filter), [timeline, revision, length, filter]); // eslint-disable-line react-hooks/exhaustive-deps
  const unfiltered = useMemo(() => (isFiltered(filter) ? rowsOf(timeline, revision, NO_FILTER) : all), [timeline, revision, length, filter, all]); // eslint-disable-line react-hooks/exhaustive-deps
  const options = useMemo(() => optionsOf(timeline, revision), [timeline, revision, length]); // eslint-disable-line react-hooks/exhaustive-deps
  const trace = timeline.fullTrace;
  const end = timeline.traceIndexAt(cursor);
  const count = rowsBefore(all, end);
  const total = rowsBefore(unfiltered, end);
  const currentSeq = seqAtCursor(trace, end);
  const { header, probe, columns } = useHookColumns();
  // Row tops of the whole (filtered) history, extended as it grows; redone when the column's width changes.
  const lastTops = useRef<RowTops | undefined>(undefined);
  const tops = useMemo(() => (lastTops.current = rowTops(all, columns, lastTops.current)).tops, [all, columns]);
  /** Height of the rows up to the cursor. */
  const height = tops[count] ?? 0;

  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  /** Whether the newest row is in view (and so should stay in view). */
  const [pinned, setPinned] = useState(true);
  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    setPinned(el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT / 2);
  }, []);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);
  // New rows, a new filter or rows that grew (the hook column narrowed): keep the newest one in view, unless the reader scrolled up.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned) el.scrollTop = el.scrollHeight;
  }, [count, filter, pinned, height]);

  const changeFilter = (f: LogFilter) => {
    setPinned(true);
    setFilter(f);
  };
  const pick = useCallback(
    (index: number, seq: number) => {
      store.getState().goToRecord(index, seq);
      // The row picked is now the newest: follow it.
      setPinned(true);
    },
    [store],
  );

  // When the rows shrink (a filter, a seek back) the browser clamps the scroll position
  // only after this render: clamp it here too, or the window would be past the last row.
  const top = Math.min(view.top, Math.max(0, height - view.height));
  const first = Math.max(0, rowAt(tops, top, count) - OVERSCAN);
  const last = Math.min(count, rowAt(tops, top + view.height, count) + 1 + OVERSCAN);
  const rows = all.slice(first, last);
  return (
    <div className="flex h-full flex-col">
      <LogFilters filter={filter} onChange={changeFilter} units={options.units} relations={options.relations} shown={count} total={total} />
      <div className="relative min-h-0 flex-1">
        <div ref={scroller} onScroll={measure} className="h-full overflow-auto overscroll-contain">
          <span ref={probe} aria-hidden="true" className="invisible absolute top-0 left-0 font-mono text-[13px] whitespace-pre">
            {PROBE}
          </span>
          <table aria-rowcount={count + 1} className="w-full table-fixed border-collapse text-left font-mono text-[13px]">
            {/* As narrow as their contents allow, leaving the hook column the room (at 1280 px, `master-application-relation-departed` on two lines). */}
            <colgroup>
              <col className="w-12" />
              <col className="w-22" />
              <col />
              <col className="w-23" />
              <col className="w-14" />
              <col className="w-16" />
            </colgroup>
            <thead className="sticky top-0 z-10 bg-slate-100 font-sans text-[13px] text-slate-700 shadow-[inset_0_-1px_0_#cbd5e1]">
              <tr aria-rowindex={1}>
                <th scope="col" className={`${th} text-right`}>
                  seq
                </th>
                <th scope="col" className={th}>
                  unit
                </th>
                <th ref={header} scope="col" className={th}>
                  hook
                </th>
                <th scope="col" className={th} title="JUJU_REMOTE_UNIT">
                  remote unit
                </th>
                <th scope="col" className={`${th} text-right`} title="relation id">
                  <span aria-hidden="true">rel id</span>
                  <span className="sr-only">relation id</span>
                </th>
                <th scope="col" className={th}>
                  result
                </th>
              </tr>
            </thead>
            <tbody>
              {first > 0 && (
                <tr aria-hidden="true" style={{ height: tops[first] }}>
                  <td colSpan={6} className="p-0" />
                </tr>
              )}
              {rows.map((row, k) => (
                <HookLogRow key={row.index} record={row.record} index={row.index} rowIndex={first + k + 2} current={row.record.seq === currentSeq} columns={columns} onPick={pick} />
              ))}
              {last < count && (
                <tr aria-hidden="true" style={{ height: height - (tops[last] ?? height) }}>
                  <td colSpan={6} className="p-0" />
                </tr>
              )}
            </tbody>
          </table>
          {count === 0 && <p className="p-3 font-sans text-sm text-slate-600">{isFiltered(filter) && total > 0 ? LogLabel.emptyFiltered : LogLabel.empty}</p>}
        </div>
        {!pinned && count > 0 && (
          <button
            type="button"
            onClick={() => setPinned(true)}
            className="absolute right-4 bottom-3 rounded-full bg-slate-800 px-3 py-1 text-sm font-medium text-white shadow-md hover:bg-slate-700"
          >
            ↓ {LogLabel.latest}
          </button>
        )}
      </div>
    </div>
  );
}
