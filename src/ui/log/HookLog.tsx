/**
 * A table of every hook up to the cursor, like `jhack tail`: seq, unit, hook, remote
 * unit, relation id, result. Filter by unit, relation and kind; click a row to go
 * there. Only the visible rows are rendered, so long histories stay fast.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { KIND_FILTERS, NO_FILTER, filterOptions, logRows, type KindFilter, type LogFilter } from './filter.ts';

const ROW = 28;
const select = 'h-8 rounded-md border border-slate-300 bg-white px-1 text-sm';

export function HookLog() {
  const store = useRelvizStore();
  const cursor = useRelviz((s) => s.cursor);
  const revision = useRelviz((s) => s.revision);
  const length = useRelviz((s) => s.length);
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(300);
  const pinned = useRef(true);

  const timeline = store.getState().timeline;
  const end = timeline.traceIndexAt(cursor);
  // The trace only grows or forks with `revision`/`length`; the rows follow the cursor.
  const rows = useMemo(() => logRows(timeline.fullTrace, end, filter), [timeline, end, filter, revision, length]); // eslint-disable-line react-hooks/exhaustive-deps
  const options = useMemo(() => filterOptions(timeline.fullTrace), [timeline, revision, length]); // eslint-disable-line react-hooks/exhaustive-deps
  const current = rows.length > 0 ? rows[rows.length - 1]?.record.seq : undefined;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the newest row in view unless the reader scrolled up.
  useEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [rows.length]);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - 5);
  const last = Math.min(rows.length, first + Math.ceil(height / ROW) + 10);
  const go = (index: number, seq: number) => {
    const s = store.getState();
    s.pause();
    s.seek(s.timeline.tickOfRecord(index) + 1);
    s.inspect(seq);
  };

  return (
    <div className="flex h-full flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-2 py-1.5 text-sm">
        <label className="flex items-center gap-1">
          Unit
          <select aria-label="Filter by unit" className={select} value={filter.unit} onChange={(e) => setFilter({ ...filter, unit: e.target.value })}>
            <option value="">all</option>
            {options.units.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          Relation
          <select aria-label="Filter by relation" className={select} value={filter.relation} onChange={(e) => setFilter({ ...filter, relation: e.target.value })}>
            <option value="">all</option>
            {options.relations.map((r) => (
              <option key={r} value={String(r)}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          Hook
          <select aria-label="Filter by hook kind" className={select} value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value as KindFilter })}>
            {Object.entries(KIND_FILTERS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <span className="ml-auto text-slate-500">{rows.length} hooks</span>
      </div>
      <div
        ref={scroller}
        className="min-h-0 flex-1 overflow-auto"
        onScroll={(e) => {
          const el = e.currentTarget;
          setScrollTop(el.scrollTop);
          pinned.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW;
        }}
      >
        <table className="w-full table-fixed border-collapse font-mono text-sm">
          <thead className="sticky top-0 z-10 bg-slate-100 text-left text-xs tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="w-12 px-2 py-1">seq</th>
              <th scope="col" className="w-24 px-2 py-1">unit</th>
              <th scope="col" className="px-2 py-1">hook</th>
              <th scope="col" className="w-24 px-2 py-1">remote</th>
              <th scope="col" className="w-36 px-2 py-1">relation</th>
              <th scope="col" className="w-16 px-2 py-1">result</th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr style={{ height: first * ROW }} aria-hidden />}
            {rows.slice(first, last).map(({ record: r, index }) => (
              <tr
                key={r.seq}
                style={{ height: ROW }}
                aria-current={r.seq === current ? 'true' : undefined}
                className={`cursor-pointer border-b border-slate-100 hover:bg-orange-50 ${r.seq === current ? 'bg-amber-100 font-semibold' : ''} ${r.result === 'error' ? 'text-red-800' : ''}`}
                onClick={() => go(index, r.seq)}
              >
                <td className="px-2 text-right tabular-nums text-slate-500">
                  <button type="button" className="w-full text-right" onClick={(e) => (e.stopPropagation(), go(index, r.seq))} aria-label={`Go to hook ${r.seq}: ${r.unit} ${r.hook}`}>
                    {r.seq}
                  </button>
                </td>
                <td className="truncate px-2">{r.unit}</td>
                <td className="truncate px-2" title={r.hook}>
                  {r.kind === 'action' ? `${r.hook} (action)` : r.hook}
                </td>
                <td className="truncate px-2">{r.remoteUnit ?? ''}</td>
                <td className="truncate px-2">
                  {r.relation ?? ''}
                  {r.departingUnit ? <span className="text-amber-800"> · departing {r.departingUnit}</span> : null}
                </td>
                <td className="px-2" title={r.error ?? undefined}>
                  {r.result === 'ok' ? <span className="text-emerald-700">✓ ok</span> : <span className="font-bold text-red-700">✗ error</span>}
                </td>
              </tr>
            ))}
            {last < rows.length && <tr style={{ height: (rows.length - last) * ROW }} aria-hidden />}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-3 text-sm text-slate-500">No hooks yet{filter !== NO_FILTER ? ' for this filter' : ''}: press Play or step forward.</p>}
      </div>
    </div>
  );
}
