/**
 * One lane per unit, its hooks in order as blocks on a shared axis (so the order
 * across units shows), arrows from a commit to the relation-changed hooks it caused,
 * departed / broken / stop / remove set apart. Hooks after the cursor are dashed
 * ghosts; click a block to go there. Only what is on screen is rendered (both ways),
 * so a hundred units with thousands of hooks scroll as smoothly as three.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Timeline } from '../../engine/timeline.ts';
import { selectFastPlayback } from '../../store/store.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { usePaced } from '../common/usePaced.ts';
import { SwimlaneArrows } from './SwimlaneArrows.tsx';
import { SwimlaneAxis } from './SwimlaneAxis.tsx';
import { SwimlaneLabel, deferralMark } from './labels.ts';
import { Geometry, arrowsInRange, blockBefore, blocksInRange, layoutSwimlanes, neighbour, type Block, type Step, type SwimlaneLayout } from './layout.ts';
import { SwimlaneLane } from './SwimlaneLane.tsx';
import { SwimlaneLegend } from './SwimlaneLegend.tsx';
import { useViewport } from '../common/useViewport.ts';

const { nameWidth, axisHeight, laneHeight, gap } = Geometry;
/** Room after the last block, so the "now" line and the last arrowhead stay visible. */
const TAIL = 48;
/** Extra pixels rendered beyond each edge, so a fast scroll shows no gaps. */
const OVERSCAN = 600;
/**
 * Browsers cap an element's size (~17 M px in Firefox); past this the scrollbar maps
 * onto the axis proportionally instead of one to one.
 */
const MAX_CANVAS = 4_000_000;
const NONE: ReadonlyArray<readonly [number, Block]> = [];
const KEY_STEPS: Readonly<Record<string, Step>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', Home: 'home', End: 'end' };

/** The last layout per timeline: within one revision the trace only grows, so it is extended, not redone. */
const layouts = new WeakMap<Timeline, { readonly revision: number; readonly layout: SwimlaneLayout }>();

function swimlanesOf(timeline: Timeline, revision: number): SwimlaneLayout {
  const trace = timeline.fullTrace;
  const last = layouts.get(timeline);
  const prev = last && last.revision === revision && last.layout.scanned <= trace.length ? last.layout : undefined;
  const layout = prev && prev.scanned === trace.length ? prev : layoutSwimlanes(trace, prev);
  layouts.set(timeline, { revision, layout });
  return layout;
}

/** The scrolled canvas for an axis of `axisWidth` px seen through `clientWidth` px, and scroll → axis ratio. */
function axisScale(axisWidth: number, clientWidth: number): { canvas: number; ratio: number; span: number } {
  const full = axisWidth + TAIL;
  const canvas = Math.min(full, MAX_CANVAS);
  const span = Math.max(0, clientWidth - nameWidth);
  return { canvas, span, ratio: full > canvas && canvas > span ? (full - span) / (canvas - span) : 1 };
}

/** The simulated history's swimlanes, from the store. */
export function Swimlanes() {
  const store = useRelvizStore();
  // Paced while playing fast (usePaced).
  const { cursor, revision, length, view, timeline } = usePaced();
  const inspectedSeq = useRelviz((s) => s.inspectedSeq);
  const units = view.units;
  // The trace only changes when `revision` (a fork) or `length` (more hooks) moves; seeks leave it alone.
  const layout = useMemo(() => swimlanesOf(timeline, revision), [timeline, revision, length]); // eslint-disable-line react-hooks/exhaustive-deps
  // At speed the hook at the cursor hops between lanes many times a second: following it
  // up and down would shake the view (and cost a layout per hook). Follow along the axis only.
  const fast = useRelviz(selectFastPlayback);
  const pick = useCallback((b: Block) => store.getState().goToRecord(b.index, b.seq), [store]);
  const leader = useCallback((unit: string) => units[unit]?.leader ?? false, [units]);
  return <SwimlanesView layout={layout} end={timeline.traceIndexAt(cursor)} inspectedSeq={inspectedSeq} fast={fast} leader={leader} onPick={pick} />;
}

export interface SwimlanesViewProps {
  readonly layout: SwimlaneLayout;
  /** Trace index of the cursor: blocks of records at or after it are the future. */
  readonly end: number;
  /** The seq of the hook the inspector shows, when it is not the one at the cursor. */
  readonly inspectedSeq: number | null;
  /** Playing fast: follow the cursor along the axis only. */
  readonly fast: boolean;
  readonly leader: (unit: string) => boolean;
  readonly onPick: (block: Block) => void;
  /** The legend of a real history (no causes drawn; hooks ruled out). */
  readonly imported?: boolean;
}

/** Lanes, blocks and arrows of any history: the simulated one (above) or a real one (src/ui/imported/). */
export function SwimlanesView({ layout, end, inspectedSeq, fast, leader, onPick: pick, imported = false }: SwimlanesViewProps) {
  const current = blockBefore(layout, end);
  const currentBlock = layout.blocks[current];

  const { ref: scroller, viewport: vp, known, onScroll, scrollTo } = useViewport<HTMLDivElement>();
  const { canvas, ratio, span } = axisScale(layout.width, vp.width);
  const axisLeft = vp.left * ratio;
  const shift = vp.left - axisLeft;
  const x0 = axisLeft - OVERSCAN;
  const x1 = axisLeft + span + OVERSCAN;
  const lane0 = Math.max(0, Math.floor((vp.top - axisHeight) / laneHeight) - 2);
  const lane1 = Math.min(layout.lanes.length - 1, Math.ceil((vp.top + vp.height) / laneHeight) + 2);
  const range = blocksInRange(layout, x0, x1);
  const { from: first, to: last } = range;
  // The legend explains the deferral badge once a hook has one (a layout grows in place: its length says when).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const deferrals = useMemo(() => layout.blocks.some((b) => deferralMark(b.record) !== ''), [layout, layout.blocks.length]);
  const arrows = useMemo(() => arrowsInRange(layout, { from: first, to: last }, lane0, lane1, current), [layout, first, last, lane0, lane1, current]);
  // The orange "now" line: just after the hook at the cursor.
  const nowX = currentBlock ? currentBlock.x + currentBlock.w + gap / 2 : null;

  // Keep the hook at the cursor in view: only when the cursor moves, never fighting the reader's scrolling.
  const following = useRef({ layout, block: currentBlock });
  useLayoutEffect(() => {
    following.current = { layout, block: currentBlock };
  });
  const followIndex = currentBlock?.index ?? -1;
  // After the frame is painted, not before: a scroll set while React's changes are not yet
  // laid out forces a layout of the whole page in the middle of the update (tens of ms
  // per scrubber move on a big model). Following one frame later is not visible.
  useEffect(() => {
    // From what is known of the viewport: no layout read, and a scroll only when the block leaves the view.
    const { layout: l, block: b } = following.current;
    if (!b) {
      scrollTo({ left: 0 });
      return;
    }
    const k = known.current;
    const g = axisScale(l.width, k.width);
    const left = k.left * g.ratio;
    // Jump so the block sits three quarters in (a quarter in at speed: room for many hooks before the next jump).
    const place = fast ? 0.25 : 0.75;
    if (b.x < left + 8 || b.x + b.w + TAIL > left + g.span) scrollTo({ left: Math.max(0, b.x + b.w + TAIL - g.span * place) / g.ratio });
    if (fast) return;
    const top = axisHeight + b.lane * laneHeight;
    if (top < k.top + axisHeight) scrollTo({ top: top - axisHeight });
    else if (top + laneHeight > k.top + k.height) scrollTo({ top: top + laneHeight - k.height });
  }, [followIndex, fast, known, scrollTo]);

  // Arrow keys on a block go to this unit's previous / next hook, or the nearest one on the lane above / below.
  // The block keyboard focus goes to once the cursor reaches it (the panel follows the store a render later).
  const focusBlock = useRef<number | null>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = e.target instanceof HTMLElement ? e.target.dataset['block'] : undefined;
    const step = KEY_STEPS[e.key];
    if (at === undefined || step === undefined || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    e.stopPropagation(); // not the transport's step forward / back
    const to = neighbour(layout, Number(at), step);
    const b = to === null ? undefined : layout.blocks[to];
    if (!b) return;
    focusBlock.current = to;
    pick(b);
  };
  useLayoutEffect(() => {
    if (focusBlock.current !== current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-block="${current}"]`);
    if (!el) return;
    focusBlock.current = null;
    el.focus({ preventScroll: true });
  });

  if (layout.blocks.length === 0) return <p className="p-3 text-sm text-slate-600">{SwimlaneLabel.empty}</p>;

  const width = nameWidth + canvas;
  const visibleBlocks = layout.blocks.slice(range.from, range.to);
  const lanes = layout.lanes.slice(lane0, lane1 + 1);
  const byLane = new Map<number, Array<readonly [number, Block]>>();
  visibleBlocks.forEach((b, j) => {
    if (b.lane < lane0 || b.lane > lane1) return;
    const list = byLane.get(b.lane);
    if (list) list.push([range.from + j, b]);
    else byLane.set(b.lane, [[range.from + j, b]]);
  });
  // Roving tabindex: Tab reaches the hook at the cursor (or the first one on screen); arrows go on from there.
  const inBand = (b: Block | undefined) => b !== undefined && b.lane >= lane0 && b.lane <= lane1;
  const firstInBand = visibleBlocks.findIndex(inBand);
  const tabStop = current >= range.from && current < range.to && inBand(currentBlock) ? current : firstInBand < 0 ? -1 : range.from + firstInBand;
  return (
    <div className="flex h-full flex-col">
      <SwimlaneLegend imported={imported} deferrals={deferrals} />
      <div ref={scroller} onScroll={onScroll} onKeyDown={onKeyDown} className="relative min-h-0 flex-1 overflow-auto overscroll-contain">
        <div className="relative" style={{ width, height: axisHeight + layout.height + 4 }}>
          <SwimlaneAxis blocks={visibleBlocks} width={width} shift={shift} nowX={nowX} />
          <SwimlaneArrows
            layout={layout}
            lanes={[lane0, lane1]}
            arrows={arrows}
            x0={x0}
            x1={x1}
            width={width}
            shift={shift}
            end={end}
            current={current}
            nowX={nowX}
          />
          {lanes.map((lane, k) => (
            <SwimlaneLane
              key={lane.unit}
              lane={lane}
              row={lane0 + k}
              blocks={byLane.get(lane0 + k) ?? NONE}
              width={width}
              shift={shift}
              end={end}
              current={current}
              inspectedSeq={inspectedSeq}
              tabStop={tabStop}
              leader={leader(lane.unit)}
              onPick={pick}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
