/**
 * A real history as a table, a row per hook in the order the history gives: time as
 * written, unit, hook, relation, remote or departing unit, outcome, the file and line
 * it was read from, and the rules it breaks. Only the rows on screen are rendered (a
 * debug-log can hold a hundred thousand hooks); the row at the cursor stays in view.
 * Click a row to go there.
 */
import { memo, useEffect } from 'react';
import type { Finding } from '../../io/trace/check.ts';
import { UNKNOWN, relationName } from '../../io/trace/facts.ts';
import { isRelationKind, type ImportedHook } from '../../io/trace/record.ts';
import { useViewport } from '../common/useViewport.ts';

const ROW = 28;
const HEAD = 30;
const OVERSCAN = 10;
const COLUMNS = 'grid grid-cols-[4.5rem_7rem_9rem_minmax(12rem,1.4fr)_7rem_8rem_5rem_minmax(8rem,1fr)_5rem] items-center gap-x-2 px-2';

const other = (h: ImportedHook): string => {
  if (!isRelationKind(h.kind)) return '';
  const who = h.kind === 'relation-departed' && h.departingUnit ? `${h.remoteUnit ?? UNKNOWN} (departing ${h.departingUnit})` : h.remoteUnit;
  return who === undefined ? UNKNOWN : (who ?? (h.remoteApp ? `app ${h.remoteApp}` : '–'));
};

interface RowProps {
  readonly hook: ImportedHook;
  readonly index: number;
  readonly findings: readonly Finding[] | undefined;
  readonly current: boolean;
  readonly past: boolean;
  /** Several files: name the file of each line, not just the line. */
  readonly files: boolean;
  readonly onPick: (i: number) => void;
}

const Row = memo(function Row({ hook: h, index, findings, current, past, files, onPick }: RowProps) {
  const rel = isRelationKind(h.kind) ? (relationName(h) ?? UNKNOWN) : '';
  const remote = other(h);
  return (
    <button
      type="button"
      aria-label={`#${index + 1} ${h.unit} ${h.hook}${h.outcome === 'failed' ? ', failed' : ''}${findings ? `, ruled out by ${findings.map((f) => f.rule).join(', ')}` : ''}`}
      aria-current={current ? 'step' : undefined}
      data-imported-row={index}
      onClick={() => onPick(index)}
      className={`${COLUMNS} absolute left-0 w-full text-left font-mono text-xs ${current ? 'bg-orange-100 ring-2 ring-orange-500 ring-inset' : findings ? 'bg-red-50' : index % 2 ? 'bg-slate-50' : 'bg-white'} ${past ? 'text-slate-900' : 'text-slate-500'} hover:bg-orange-50`}
      style={{ top: HEAD + index * ROW, height: ROW }}
    >
      <span className="text-right tabular-nums text-slate-500">{index + 1}</span>
      <span className="truncate tabular-nums">{h.timeText}</span>
      <span className="truncate font-semibold">{h.unit}</span>
      <span className={`truncate ${h.outcome === 'failed' ? 'font-bold text-red-800' : ''}`}>
        {h.outcome === 'failed' ? '✗ ' : ''}
        {h.hook}
      </span>
      <span className={`truncate ${rel === UNKNOWN ? 'text-slate-500 italic' : ''}`}>{rel}</span>
      <span className={`truncate ${remote.startsWith(UNKNOWN) ? 'text-slate-500 italic' : ''}`}>{remote}</span>
      <span>{h.outcome}</span>
      <span className="truncate text-slate-600" title={`${h.source.file}:${h.source.line}`}>
        {files ? `${h.source.file}:${h.source.line}` : `line ${h.source.line}`}
      </span>
      <span className="flex gap-1">
        {findings?.map((f) => (
          <span key={f.rule} className="rounded bg-red-700 px-1 font-bold text-white" title={f.message}>
            {f.rule}
          </span>
        ))}
      </span>
    </button>
  );
});

export function ImportedLog({ hooks, findings, cursor, files, onPick }: { hooks: readonly ImportedHook[]; findings: ReadonlyMap<number, readonly Finding[]>; cursor: number; files: boolean; onPick: (index: number) => void }) {
  const { ref, viewport, known, onScroll, scrollTo } = useViewport<HTMLDivElement>();
  const first = Math.max(0, Math.floor((viewport.top - HEAD) / ROW) - OVERSCAN);
  const last = Math.min(hooks.length, Math.ceil((viewport.top + viewport.height) / ROW) + OVERSCAN);
  const current = cursor - 1;
  useEffect(() => {
    if (current < 0) return;
    const k = known.current;
    const top = HEAD + current * ROW;
    if (top < k.top + HEAD) scrollTo({ top: top - HEAD });
    else if (top + ROW > k.top + k.height) scrollTo({ top: top + ROW - k.height + 4 });
  }, [current, known, scrollTo]);
  const rows = [];
  for (let i = first; i < last; i++) rows.push(<Row key={i} hook={hooks[i] as ImportedHook} index={i} findings={findings.get(i)} current={i === current} past={i < cursor} files={files} onPick={onPick} />);
  return (
    <div ref={ref} onScroll={onScroll} className="relative h-full overflow-auto" role="group" aria-label={`Hooks of the history (${hooks.length})`}>
      <div className="relative" style={{ height: HEAD + hooks.length * ROW, minWidth: '64rem' }}>
        <div aria-hidden="true" className={`${COLUMNS} sticky top-0 z-10 border-b border-slate-300 bg-white text-[11px] font-semibold tracking-wider text-slate-600 uppercase`} style={{ height: HEAD }}>
          {['#', 'time', 'unit', 'hook', 'relation', 'remote', 'outcome', 'from', 'ruled out'].map((c) => (
            <span key={c} className={c === '#' ? 'text-right' : ''}>
              {c}
            </span>
          ))}
        </div>
        {rows}
      </div>
    </div>
  );
}
