import { useId } from 'react';
import { Geometry, type Arrow, type Block, type SwimlaneLayout } from './layout.ts';

const { nameWidth, axisHeight, laneHeight } = Geometry;
const mid = (lane: number) => lane * laneHeight + laneHeight / 2;

export interface SwimlaneArrowsProps {
  readonly layout: SwimlaneLayout;
  /** Visible lanes, first and last. */
  readonly lanes: readonly [number, number];
  readonly arrows: readonly Arrow[];
  /** Visible axis range. */
  readonly x0: number;
  readonly x1: number;
  readonly width: number;
  readonly shift: number;
  /** Trace index of the cursor: later records are the future. */
  readonly end: number;
  /** Block at the cursor (its arrows stand out). */
  readonly current: number;
  readonly nowX: number | null;
}

/**
 * What lies under the blocks, drawn for the visible window only: lane stripes, each
 * unit's lifeline (from its first hook to its `remove`), the arrows from a commit to
 * the relation-changed hooks it caused, and the cursor line.
 */
export function SwimlaneArrows({ layout, lanes: [lane0, lane1], arrows, x0, x1, width, shift, end, current, nowX }: SwimlaneArrowsProps) {
  const id = useId();
  const left = Math.max(0, x0);
  const right = Math.min(layout.width + 48, x1);
  if (right <= left || lane1 < lane0) return null;
  const rows = layout.lanes.slice(lane0, lane1 + 1);
  // Only the visible band: a software-rendered SVG costs per pixel, every frame.
  const top = lane0 * laneHeight;
  const bottom = (lane1 + 1) * laneHeight;
  const block = (i: number) => layout.blocks[i] as Block;
  const hot = (a: Arrow) => a.to === current || a.from === current;
  const marker = (kind: string) => `url(#${CSS.escape(`${id}-${kind}`)})`;
  return (
    <svg
      aria-hidden="true"
      className="pointer-events-none absolute"
      style={{ left: nameWidth + left + shift, top: axisHeight + top, maxWidth: width }}
      width={right - left}
      height={bottom - top}
      viewBox={`${left} ${top} ${right - left} ${bottom - top}`}
    >
      <defs>
        {(
          [
            ['past', '#0369a1'],
            ['future', '#94a3b8'],
            ['now', '#ea580c'],
          ] as const
        ).map(([kind, fill]) => (
          <marker key={kind} id={`${id}-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0 0 L10 5 L0 10 z" fill={fill} />
          </marker>
        ))}
      </defs>
      {rows.map((lane, k) => {
        const i = lane0 + k;
        const first = block(lane.first);
        const last = block(lane.last);
        const lifeEnd = lane.removedAt !== null ? last.x + last.w : layout.width + 48;
        return (
          <g key={lane.unit}>
            {i % 2 === 1 && <rect x={left} y={i * laneHeight} width={right - left} height={laneHeight} fill="#f8fafc" />}
            <line x1={first.x} x2={lifeEnd} y1={mid(i)} y2={mid(i)} stroke="#cbd5e1" strokeWidth="2" />
          </g>
        );
      })}
      {/* Solid strokes only: a dashed path thousands of pixels long costs a software rasteriser seconds. */}
      {[...arrows.filter((a) => !hot(a)), ...arrows.filter(hot)].map((a) => {
        const from = block(a.from);
        const to = block(a.to);
        const ax = from.x + from.w;
        const ay = mid(from.lane);
        const bx = to.x - 1;
        const by = mid(to.lane);
        const bend = Math.max(12, Math.min(48, (bx - ax) / 2));
        const future = to.index >= end;
        const kind = hot(a) ? 'now' : future ? 'future' : 'past';
        return (
          <path
            key={`${a.from}-${a.to}`}
            d={`M${ax} ${ay} C${ax + bend} ${ay}, ${bx - bend} ${by}, ${bx} ${by}`}
            fill="none"
            stroke={hot(a) ? '#ea580c' : future ? '#94a3b8' : '#0369a1'}
            strokeWidth={hot(a) ? 2.5 : future ? 1.25 : 1.75}
            markerEnd={marker(kind)}
          />
        );
      })}
      {nowX !== null && <line x1={nowX} x2={nowX} y1={top} y2={bottom} stroke="#ea580c" strokeWidth="3" />}
    </svg>
  );
}
