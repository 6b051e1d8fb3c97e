import { Geometry, type Block } from './layout.ts';
import { SwimlaneLabel } from './labels.ts';

const { nameWidth, axisHeight } = Geometry;

export interface SwimlaneAxisProps {
  readonly blocks: readonly Block[];
  readonly width: number;
  /** Axis position → content position (0 unless the axis is longer than a page can be). */
  readonly shift: number;
  readonly nowX: number | null;
}

/** The sticky ruler: each hook's seq above its block (as in the hook log), and the cursor. */
export function SwimlaneAxis({ blocks, width, shift, nowX }: SwimlaneAxisProps) {
  return (
    <div aria-hidden="true" className="sticky top-0 z-20 border-b border-slate-300 bg-white" style={{ width, height: axisHeight }}>
      <div
        className="sticky left-0 z-10 flex h-full items-center justify-end border-r border-slate-300 bg-white px-2 text-[11px] font-semibold tracking-wider text-slate-600 uppercase"
        style={{ width: nameWidth }}
      >
        unit · seq →
      </div>
      {blocks.map((b) => (
        <span
          key={b.index}
          className="absolute top-0 text-center font-mono text-[11px] leading-[22px] text-slate-600 tabular-nums"
          style={{ left: nameWidth + b.x + shift, width: b.w }}
        >
          {b.seq}
        </span>
      ))}
      {nowX !== null && (
        <span
          className="absolute top-[3px] rounded-sm bg-orange-700 px-1 text-[11px] leading-4 font-bold text-white"
          style={{ left: nameWidth + nowX + shift, transform: 'translateX(-50%)' }}
        >
          {SwimlaneLabel.now}
        </span>
      )}
    </div>
  );
}
