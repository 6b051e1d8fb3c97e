import { memo } from 'react';
import type { HookRecord } from '../../engine/trace.ts';
import { rowName } from './labels.ts';

export const ROW_HEIGHT = 30;

export interface HookLogRowProps {
  readonly record: HookRecord;
  /** Index of the record in the full trace. */
  readonly index: number;
  /** 1-based, counting the header row (aria-rowindex of a windowed table). */
  readonly rowIndex: number;
  readonly current: boolean;
  readonly onPick: (index: number, seq: number) => void;
}

const cell = 'truncate px-2';

/** One hook, as `jhack tail` prints it; the seq is a button, and a click anywhere on the row goes there too. */
export const HookLogRow = memo(function HookLogRow({ record: r, index, rowIndex, current, onPick }: HookLogRowProps) {
  const failed = r.result === 'error';
  const tone = current ? 'bg-amber-100 font-semibold text-slate-950' : failed ? 'bg-red-50 text-red-900' : 'text-slate-900 hover:bg-sky-50';
  return (
    <tr
      aria-rowindex={rowIndex}
      aria-current={current ? 'step' : undefined}
      className={`cursor-pointer border-b border-slate-200 ${tone}`}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onPick(index, r.seq)}
    >
      <td className={`px-1 text-right ${current ? 'shadow-[inset_4px_0_0_#ea580c]' : ''}`}>
        <button
          type="button"
          className="w-full rounded px-1 text-right text-slate-700 tabular-nums hover:underline focus-visible:outline-offset-0"
          aria-label={rowName(r.seq, r.unit, r.hook)}
          onClick={(e) => {
            e.stopPropagation();
            onPick(index, r.seq);
          }}
        >
          {r.seq}
        </button>
      </td>
      <td className={cell} title={r.unit}>
        {r.unit}
      </td>
      <td className={cell} title={r.departingUnit ? `${r.hook} (departing: ${r.departingUnit})` : r.hook}>
        {r.hook}
        {r.kind === 'action' ? <span className="font-sans text-xs text-slate-600"> (action)</span> : null}
      </td>
      <td className={cell} title={r.remoteUnit ?? undefined}>
        {r.remoteUnit ?? <span className="text-slate-500">–</span>}
      </td>
      <td className={`${cell} text-right tabular-nums`} title={r.relation ?? undefined}>
        {r.relationId ?? <span className="text-slate-500">–</span>}
      </td>
      <td className={cell} title={failed ? (r.error ?? 'the hook failed') : undefined}>
        {failed ? <span className="font-bold text-red-700">✗ error</span> : <span className="text-emerald-800">✓ ok</span>}
      </td>
    </tr>
  );
});
