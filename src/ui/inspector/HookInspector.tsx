/**
 * The hook at the cursor (or the one clicked): its environment, what relation-list
 * returned to it, why it fired (the rule that queued it) and, for relation-changed,
 * the commit that caused it — a button jumps there. Then what it wrote and logged.
 */
import { useMemo } from 'react';
import { recordEnv } from '../../engine/context.ts';
import { Rules } from '../../engine/ops.ts';
import type { HookRecord, TraceRecord } from '../../engine/trace.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';

const ENV_KEYS = ['JUJU_UNIT_NAME', 'JUJU_HOOK_NAME', 'JUJU_RELATION', 'JUJU_RELATION_ID', 'JUJU_REMOTE_UNIT', 'JUJU_REMOTE_APP', 'JUJU_DEPARTING_UNIT'] as const;

function findBySeq(records: readonly TraceRecord[], seq: number): { record: TraceRecord; index: number } | null {
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r && (r.type === 'hook' || r.type === 'exec') && r.seq === seq) return { record: r, index: i };
  }
  return null;
}

export function HookInspector() {
  const store = useRelvizStore();
  const cursor = useRelviz((s) => s.cursor);
  const timeline = useRelviz((s) => s.timeline);
  const inspected = useRelviz((s) => s.inspectedSeq);
  const length = useRelviz((s) => s.length);

  const found = useMemo(() => {
    const records = timeline.fullTrace;
    if (inspected !== null) {
      const f = findBySeq(records, inspected);
      if (f && f.record.type === 'hook') return { record: f.record, index: f.index };
    }
    for (let i = timeline.traceIndexAt(cursor) - 1; i >= 0; i--) {
      const r = records[i];
      if (r?.type === 'hook') return { record: r, index: i };
    }
    return null;
  }, [timeline, cursor, inspected, length]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!found) return <p className="p-3 text-sm text-slate-500">No hook has run yet. Step forward to see the first one here.</p>;
  const r: HookRecord = found.record;
  const env = recordEnv(r);
  const cause = r.cause > 0 ? findBySeq(timeline.fullTrace, r.cause) : null;
  const go = (index: number, seq: number) => {
    const s = store.getState();
    s.pause();
    s.seek(s.timeline.tickOfRecord(index) + 1);
    s.inspect(seq);
  };

  return (
    <div className="flex flex-col gap-2 p-2 text-sm">
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="font-mono text-base font-bold">{r.hook}</span>
        <span className="text-slate-600">on {r.unit}</span>
        <span className="text-slate-500">seq {r.seq}</span>
        {r.result === 'ok' ? <span className="rounded bg-emerald-100 px-1.5 text-emerald-900">✓ ok</span> : <span className="rounded bg-red-600 px-1.5 font-bold text-white">✗ failed</span>}
        {inspected !== null && (
          <button type="button" className="ml-auto text-xs text-slate-600 underline" onClick={() => store.getState().inspect(null)}>
            follow the cursor
          </button>
        )}
      </div>
      {r.error && <pre className="rounded bg-red-50 px-2 py-1 font-mono text-xs whitespace-pre-wrap text-red-900">{r.error}</pre>}
      <div className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1">
        <div className="font-semibold text-amber-950">Why it fired</div>
        <div className="text-amber-950">{Rules[r.rule]}</div>
        {cause && (
          <button type="button" className="mt-1 rounded border border-amber-600 bg-white px-2 py-0.5 font-mono text-xs hover:bg-amber-100" onClick={() => go(cause.index, r.cause)}>
            caused by seq {r.cause}: {cause.record.type === 'hook' ? `${cause.record.unit} ${cause.record.hook}` : cause.record.type === 'exec' ? `juju exec on ${cause.record.unit}` : ''}
          </button>
        )}
        {r.kind === 'relation-changed' && r.cause === 0 && <div className="text-xs text-amber-900">reports the data written when the remote unit entered scope</div>}
      </div>
      <table className="w-full font-mono text-xs">
        <caption className="text-left font-sans text-sm font-semibold text-slate-700">Environment</caption>
        <tbody>
          {ENV_KEYS.map((k) => (
            <tr key={k} className="border-b border-slate-100">
              <th scope="row" className="py-0.5 pr-2 text-left font-normal text-slate-600">
                {k}
              </th>
              <td className="py-0.5 break-all">{env[k] === undefined ? <span className="text-slate-500 italic">unset</span> : env[k] === '' ? <span className="text-slate-500">""</span> : env[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.relationList && (
        <div>
          <div className="font-semibold text-slate-700">relation-list</div>
          <pre className="rounded bg-slate-900 px-2 py-1 font-mono text-xs text-slate-100">{r.relationList.length ? r.relationList.join('\n') : '(empty)'}</pre>
        </div>
      )}
      {(r.changes.length > 0 || r.files.length > 0 || r.status || r.logs.length > 0) && (
        <div>
          <div className="font-semibold text-slate-700">What it did</div>
          <ul className="font-mono text-xs">
            {r.changes.flatMap((c) => [
              ...Object.entries(c.diff.added).map(([k, v]) => <li key={`a${c.owner}${k}`} className="text-emerald-800">+ {c.owner}: {k}={v}</li>),
              ...Object.entries(c.diff.updated).map(([k, [a, b]]) => <li key={`u${c.owner}${k}`} className="text-amber-800">~ {c.owner}: {k}: {a} → {b}</li>),
              ...Object.keys(c.diff.removed).map((k) => <li key={`r${c.owner}${k}`} className="text-red-800">− {c.owner}: {k}</li>),
            ])}
            {r.files.map((f) => (
              <li key={f.path}>{f.content === null ? `− file ${f.path}` : `+ file ${f.path}`}</li>
            ))}
            {r.status && <li>status {r.status.workload}{r.status.message ? ` "${r.status.message}"` : ''}</li>}
            {r.logs.map((l, i) => (
              <li key={`log${i}`} className="text-slate-600">
                juju-log: {l}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
