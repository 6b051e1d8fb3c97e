/**
 * One lane per unit, its hooks in order as blocks on a shared axis (so the order
 * across units shows), arrows from a commit to the relation-changed hooks it caused,
 * departed / broken / stop / remove set apart. Hooks after the cursor are faded;
 * click a block to go there. Only the visible columns are rendered.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { COL, LANE, blockStyle, layoutSwimlanes } from './layout.ts';

const NAME_W = 120;
const HEAD = 8;

const LEGEND: ReadonlyArray<[string, string]> = [
  ['relation-joined', 'joined'],
  ['relation-changed', 'changed'],
  ['relation-departed', 'departed'],
  ['relation-broken', 'broken'],
  ['stop', 'stop / remove'],
];

export function Swimlanes() {
  const store = useRelvizStore();
  const cursor = useRelviz((s) => s.cursor);
  const revision = useRelviz((s) => s.revision);
  const length = useRelviz((s) => s.length);
  const timeline = store.getState().timeline;
  const lanes = useMemo(() => layoutSwimlanes(timeline.fullTrace), [timeline, revision, length]); // eslint-disable-line react-hooks/exhaustive-deps
  const end = timeline.traceIndexAt(cursor);
  // The block at the cursor: the last one whose record is before the cursor's end.
  let current = -1;
  for (let lo = 0, hi = lanes.blocks.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if ((lanes.blocks[mid]?.index ?? 0) < end) {
      current = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }

  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ left: 0, width: 800 });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView({ left: el.scrollLeft, width: el.clientWidth }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Keep the cursor's block in view.
  useEffect(() => {
    const el = scroller.current;
    if (!el || current < 0) return;
    const x = NAME_W + current * COL;
    if (x < el.scrollLeft + NAME_W || x + COL > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, x - el.clientWidth / 2);
  }, [current]);

  const firstCol = Math.max(0, Math.floor((view.left - NAME_W) / COL) - 4);
  const lastCol = Math.min(lanes.blocks.length, Math.ceil((view.left + view.width) / COL) + 4);
  const visible = lanes.blocks.slice(firstCol, lastCol);
  const width = NAME_W + lanes.blocks.length * COL + 40;
  const height = HEAD + lanes.lanes.length * LANE + 8;
  const cx = (col: number) => NAME_W + col * COL + (COL - 6) / 2;
  const cy = (lane: number) => HEAD + lane * LANE + LANE / 2;

  const go = (index: number, seq: number) => {
    const s = store.getState();
    s.pause();
    s.seek(s.timeline.tickOfRecord(index) + 1);
    s.inspect(seq);
  };

  if (lanes.blocks.length === 0) return <p className="p-3 text-sm text-slate-500">No hooks yet: press Play or step forward.</p>;

  return (
    <div className="flex h-full flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-2 py-1 text-xs text-slate-700" aria-label="Legend">
        {LEGEND.map(([kind, label]) => (
          <span key={kind} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-5 rounded border ${blockStyle(kind as never, false)}`} aria-hidden />
            {label}
          </span>
        ))}
        <span className="flex items-center gap-1">
          <span className={`inline-block h-3 w-5 rounded border ${blockStyle('install', true)}`} aria-hidden />
          failed
        </span>
        <span className="flex items-center gap-1">
          <svg width="22" height="10" aria-hidden>
            <path d="M1 5 H18" stroke="#0369a1" strokeWidth="1.5" markerEnd="url(#swim-arrow)" />
          </svg>
          caused
        </span>
      </div>
      <div ref={scroller} className="relative min-h-0 flex-1 overflow-auto" onScroll={(e) => setView({ left: e.currentTarget.scrollLeft, width: e.currentTarget.clientWidth })}>
        <div className="relative" style={{ width, height }}>
          {lanes.lanes.map((unit, i) => (
            <div key={unit} className={`absolute left-0 ${i % 2 ? 'bg-slate-50' : ''}`} style={{ top: HEAD + i * LANE, height: LANE, width }} />
          ))}
          <svg className="pointer-events-none absolute top-0 left-0" width={width} height={height} aria-hidden>
            <defs>
              <marker id="swim-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0 0 L8 4 L0 8 z" fill="#0369a1" />
              </marker>
            </defs>
            {lanes.arrows
              .filter((a) => a.to >= firstCol && a.from < lastCol)
              .map((a) => {
                const from = lanes.blocks[a.from];
                const to = lanes.blocks[a.to];
                if (!from || !to) return null;
                const x1 = cx(from.col);
                const y1 = cy(from.lane);
                const x2 = cx(to.col) - (COL - 6) / 2 + 4;
                const y2 = cy(to.lane);
                const faded = to.index >= end;
                return (
                  <path
                    key={`${a.from}-${a.to}`}
                    d={`M${x1} ${y1} C${x1 + 30} ${y1}, ${x2 - 30} ${y2}, ${x2} ${y2}`}
                    fill="none"
                    stroke="#0369a1"
                    strokeWidth="1.5"
                    opacity={faded ? 0.2 : 0.75}
                    markerEnd="url(#swim-arrow)"
                  />
                );
              })}
          </svg>
          {visible.map((b) => {
            const future = b.index >= end;
            const at = b.col === current;
            return (
              <button
                key={b.col}
                type="button"
                aria-label={`${b.unit} ${b.hook}${b.remoteUnit ? ` (${b.remoteUnit})` : ''} (seq ${b.seq})${b.failed ? ' failed' : ''}`}
                aria-current={at ? 'step' : undefined}
                title={`${b.unit}: ${b.hook}${b.remoteUnit ? ` ← ${b.remoteUnit}` : ''} · seq ${b.seq}`}
                onClick={() => go(b.index, b.seq)}
                className={`absolute truncate rounded border px-1 text-left font-mono text-xs leading-6 ${blockStyle(b.kind, b.failed)} ${future ? 'opacity-30' : ''} ${at ? 'ring-3 ring-orange-500' : ''}`}
                style={{ left: NAME_W + b.col * COL, top: HEAD + b.lane * LANE + 7, width: COL - 6, height: LANE - 14 }}
                data-swimlane-unit={b.unit}
              >
                {b.failed ? '✗ ' : ''}
                {b.label}
              </button>
            );
          })}
          {lanes.lanes.map((unit, i) => (
            <div
              key={unit}
              className="sticky left-0 z-10 flex items-center border-r border-slate-200 bg-white/95 px-2 font-mono text-sm font-semibold text-slate-800"
              style={{ position: 'absolute', top: HEAD + i * LANE, height: LANE, width: NAME_W, left: view.left }}
            >
              {unit}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
