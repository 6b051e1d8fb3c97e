import { memo } from 'react';
import { Geometry, type Block, type Lane } from './layout.ts';
import { SwimlaneBlock } from './SwimlaneBlock.tsx';

const { nameWidth, laneHeight, axisHeight } = Geometry;

export interface SwimlaneLaneProps {
  readonly lane: Lane;
  /** Its row, from the top. */
  readonly row: number;
  /** Its blocks on screen, with their indexes in the layout. */
  readonly blocks: ReadonlyArray<readonly [number, Block]>;
  readonly width: number;
  readonly shift: number;
  /** Trace index of the cursor: blocks at or after it are the future. */
  readonly end: number;
  /** Index of the block at the cursor, the one picked in the inspector, the one Tab reaches. */
  readonly current: number;
  readonly inspectedSeq: number | null;
  readonly tabStop: number;
  readonly leader: boolean;
  readonly onPick: (block: Block) => void;
}

/** One unit's row: its name (sticky on the left; struck through once removed) and its hooks on screen. */
export const SwimlaneLane = memo(function SwimlaneLane({ lane, row, blocks, width, shift, end, current, inspectedSeq, tabStop, leader, onPick }: SwimlaneLaneProps) {
  const removed = lane.removedAt !== null && lane.removedAt < end;
  return (
    <div role="group" aria-label={lane.unit} className="absolute left-0" style={{ top: axisHeight + row * laneHeight, height: laneHeight, width }}>
      <div
        className={`sticky left-0 z-10 flex h-full flex-col justify-center border-r border-slate-300 px-2 ${row % 2 ? 'bg-slate-50' : 'bg-white'}`}
        style={{ width: nameWidth }}
        title={removed ? `${lane.unit} (removed)` : lane.unit}
      >
        <span className={`truncate font-mono text-sm font-semibold ${removed ? 'text-slate-500 line-through' : 'text-slate-900'}`}>
          {lane.unit}
          {leader && !removed ? (
            <span className="ml-1 text-orange-700" title="leader">
              ★
            </span>
          ) : null}
        </span>
        {removed ? <span className="text-[11px] leading-tight text-slate-600">removed</span> : null}
      </div>
      {blocks.map(([i, b]) => (
        <SwimlaneBlock
          key={b.index}
          block={b}
          position={i}
          left={nameWidth + b.x + shift}
          future={b.index >= end}
          current={i === current}
          inspected={inspectedSeq === b.seq && i !== current}
          tabbable={i === tabStop}
          onPick={onPick}
        />
      ))}
    </div>
  );
});
