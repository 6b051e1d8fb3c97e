import { memo } from 'react';
import type { HookRecord } from '../../engine/trace.ts';
import { rowName } from './labels.ts';
import { ACTION_SUFFIX, LINE_HEIGHT, hookLabel, rowHeight, wrapHook } from './rowLayout.ts';

export interface HookLogRowProps {
  readonly record: HookRecord;
  /** Index of the record in the full trace. */
  readonly index: number;
  /** 1-based, counting the header row (aria-rowindex of a windowed table). */
  readonly rowIndex: number;
  readonly current: boolean;
  /** How many characters fit on a line of the hook column. */
  readonly columns: number;
  readonly onPick: (index: number, seq: number) => void;
}

const cell = 'truncate px-2';

/** The hook's name on the lines rowLayout wraps it to (so the row is as tall as the log expects); an action's marker in small type. */
function HookName({ lines, action }: { lines: readonly string[]; action: boolean }) {
  return lines.map((line, i) => {
    const marker = action && i === lines.length - 1 && line.endsWith(ACTION_SUFFIX);
    return (
      <span key={i} className="block whitespace-nowrap" style={{ lineHeight: `${LINE_HEIGHT}px` }}>
        {marker ? line.slice(0, -ACTION_SUFFIX.length) : line}
        {marker ? <span className="font-sans text-xs text-slate-600">{ACTION_SUFFIX}</span> : null}
      </span>
    );
  });
}

/** One hook, as `jhack tail` prints it; the seq is a button, and a click anywhere on the row goes there too. */
export const HookLogRow = memo(function HookLogRow({ record: r, index, rowIndex, current, columns, onPick }: HookLogRowProps) {
  const failed = r.result === 'error';
  const lines = wrapHook(hookLabel(r), columns);
  const tone = current ? 'bg-amber-100 font-semibold text-slate-950' : failed ? 'bg-red-50 text-red-900' : 'text-slate-900 hover:bg-sky-50';
  return (
    <tr
      aria-rowindex={rowIndex}
      aria-current={current ? 'step' : undefined}
      data-seq={r.seq}
      className={`cursor-pointer border-b border-slate-200 ${tone}`}
      style={{ height: rowHeight(lines.length) }}
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
      <td className="px-2" title={r.departingUnit ? `${r.hook} (departing: ${r.departingUnit})` : r.hook}>
        <HookName lines={lines} action={r.kind === 'action'} />
      </td>
      <td className={cell} title={r.remoteUnit ?? undefined}>
        {r.remoteUnit ?? <span className="text-slate-500">–</span>}
      </td>
      <td className={`${cell} text-right tabular-nums`} title={r.relation ?? undefined}>
        {r.relationId ?? <span className="text-slate-500">–</span>}
      </td>
      <td className="truncate px-1" title={failed ? (r.error ?? 'the hook failed') : undefined}>
        {failed ? <span className="font-bold text-red-700">✗ error</span> : <span className="text-emerald-800">✓ ok</span>}
      </td>
    </tr>
  );
});
