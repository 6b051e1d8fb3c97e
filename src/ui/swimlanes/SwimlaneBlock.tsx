import { memo } from 'react';
import { Geometry, type Block } from './layout.ts';
import { blockName, blockTitle, deferralMark } from './labels.ts';
import { DEFERRAL, FAILED, FLAG, FUTURE, TONES } from './tones.ts';

export interface SwimlaneBlockProps {
  readonly block: Block;
  /** Its index in the layout (found by the keyboard handler as `data-block`). */
  readonly position: number;
  /** Left edge inside the lane row, in pixels. */
  readonly left: number;
  readonly future: boolean;
  /** The hook at the cursor. */
  readonly current: boolean;
  /** Picked in the inspector while the cursor is elsewhere. */
  readonly inspected: boolean;
  /** The one block of the swimlanes in the Tab order (roving tabindex); arrows move from it. */
  readonly tabbable: boolean;
  readonly onPick: (block: Block) => void;
}

const top = (Geometry.laneHeight - Geometry.blockHeight) / 2;

/**
 * One hook (or `juju exec` marker) on a lane: a button that seeks there. Its text is
 * the short name; the accessible name and tooltip carry the full one.
 */
export const SwimlaneBlock = memo(function SwimlaneBlock({ block: b, position, left, future, current, inspected, tabbable, onPick }: SwimlaneBlockProps) {
  const tone = TONES[b.tone];
  const colours = future ? `${FUTURE} ${tone.future}` : b.failed ? FAILED : tone.past;
  const exec = b.kind === 'exec';
  const mark = deferralMark(b.record);
  const ring = current ? 'z-[5] ring-[3px] ring-orange-500 ring-offset-2 ring-offset-white' : inspected ? 'outline-2 outline-offset-2 outline-orange-500 outline-dashed' : '';
  return (
    <button
      type="button"
      aria-label={`${blockName(b.unit, b.hook, b.seq)}${b.failed ? ', failed' : ''}${b.flagged ? ', ruled out by Juju’s guarantees' : ''}${mark && ', an ops event deferred or re-emitted'}`}
      aria-current={current ? 'step' : undefined}
      title={blockTitle(b)}
      tabIndex={tabbable ? 0 : -1}
      aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Home End"
      data-block={position}
      data-seq={b.seq}
      data-swimlane-unit={exec ? undefined : b.unit}
      data-swimlane-exec={exec ? b.unit : undefined}
      data-flagged={b.flagged || undefined}
      onClick={() => onPick(b)}
      className={`absolute flex items-center justify-center border ${b.flagged || mark ? 'overflow-visible' : 'overflow-hidden'} font-mono text-sm leading-none whitespace-nowrap shadow-xs hover:brightness-95 focus-visible:z-10 focus-visible:outline-blue-700 ${
        exec ? 'rounded-full text-[11px] font-semibold' : 'rounded-md px-1.5'
      } ${colours} ${ring}`}
      style={{ left, top, width: b.w, height: Geometry.blockHeight }}
    >
      <span className="truncate">
        {b.failed ? '✗ ' : ''}
        {b.label}
      </span>
      {mark && (
        <span aria-hidden="true" className={`absolute -right-1.5 -bottom-2 ${DEFERRAL}`}>
          {mark}
        </span>
      )}
      {b.flagged && (
        <span aria-hidden="true" className={`absolute -top-2 -right-2 ${FLAG}`}>
          !
        </span>
      )}
    </button>
  );
});
