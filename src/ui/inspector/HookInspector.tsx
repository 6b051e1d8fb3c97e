/**
 * One hook, as text: the one picked (hook log, swimlanes, a "caused by" jump) or
 * else the last hook at or before the cursor. Its result, why it fired (the
 * resolver rule), the commit a relation-changed reports with a button that jumps
 * there, its environment, what relation-list returned, and what it wrote, set and
 * logged.
 */
import { relationListAfter, relationListBefore } from '../../engine/runner.ts';
import { Suspense, lazy, useMemo, useState } from 'react';
import { Rules } from '../../engine/ops.ts';
import type { Timeline } from '../../engine/timeline.ts';
import type { HookRecord } from '../../engine/trace.ts';
import { retryExplanation, retryText } from '../common/retryText.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { usePaced } from '../common/usePaced.ts';
import { EnvTable } from './EnvTable.tsx';
import { ExportTestButtons } from './ExportTestButtons.tsx';
import { HookEffects } from './HookEffects.tsx';
import { causeOf, inspectedHook } from './inspect.ts';
import { sectionHeading as heading } from './style.ts';

// A charm's own code (ops events, a traceback with links into the editor) comes with the first hook that ran some.
const CharmRunView = lazy(() => import('./CharmRunView.tsx'));

/**
 * A failed hook: its error, and what the unit does about it — as of the cursor, when
 * the unit is still in error on this hook: the automatic retry to come, or waiting
 * for juju resolve.
 */
function FailureNote({ r }: { r: HookRecord }) {
  const unit = useRelviz((s) => s.view.units[r.unit]);
  const now = unit && unit.failedHook === r.hook && r.kind !== 'action' ? unit : null;
  const retry = now ? retryText(now) : null;
  return (
    <div className="rounded border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-900">
      {r.charm ? (
        <Suspense fallback={r.error}>
          <CharmRunView r={r} part="traceback" />
        </Suspense>
      ) : (
        <pre className="font-mono whitespace-pre-wrap">{r.error}</pre>
      )}
      {r.kind === 'action' ? (
        <p>A failed action fails alone: the unit carries on.</p>
      ) : (
        <p>Its writes were discarded; the unit runs nothing else until this hook succeeds: re-run by the unit itself (automatic retry) or by juju resolve.</p>
      )}
      {now && retry && (
        <p className="mt-0.5 font-semibold" data-retry={now.retryInSeconds === null ? 'resolve' : 'auto'} title={retryExplanation(now) ?? undefined}>
          At the cursor: {retry}
        </p>
      )}
    </div>
  );
}

/**
 * What relation-list returned in the hook. The hook at the cursor (what scrubbing shows)
 * reads it from the cursor's state; an older one replays to the state just before it.
 */
function relationListOf(timeline: Timeline, index: number, r: HookRecord): string[] | null {
  const tick = timeline.tickOfRecord(index);
  const quick = tick + 1 === timeline.cursor ? relationListAfter(timeline.state, r) : null;
  return quick ?? relationListBefore(timeline.stateAt(tick), r);
}

export function HookInspector() {
  const store = useRelvizStore();
  // Paced while playing fast (usePaced).
  const { cursor, timeline, revision, length } = usePaced();
  const inspected = useRelviz((s) => s.inspectedSeq);
  // Where a "caused by" jump came from, to offer the way back.
  const [back, setBack] = useState<{ readonly seq: number; readonly tick: number; readonly to: number } | null>(null);

  // The timeline mutates in place: revision and length say when its trace changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const found = useMemo(() => inspectedHook(timeline.fullTrace, timeline.traceIndexAt(cursor), inspected), [timeline, cursor, inspected, revision, length]);
  const cause = useMemo(() => (found ? causeOf(timeline.fullTrace, found.record, found.index) : null), [timeline, found]);
  // What relation-list returned in the hook: from the state just before it (not kept with every hook).
  const listed = useMemo(() => (found && found.record.relationId !== null ? relationListOf(timeline, found.index, found.record) : null), [timeline, found]);

  if (!found) return <p data-paced-cursor={cursor} className="p-3 text-sm text-slate-600">No hook has run yet. Press Play or step forward to see the first one here.</p>;
  const r = found.record;

  const jump = (index: number, seq: number) => {
    const s = store.getState();
    setBack({ seq: r.seq, tick: s.cursor, to: seq });
    s.goToRecord(index, seq);
  };
  const goBack = () => {
    if (!back) return;
    const s = store.getState();
    s.seek(back.tick);
    s.inspect(back.seq);
    setBack(null);
  };

  return (
    <div data-paced-cursor={cursor} className="flex flex-col gap-2 p-2 text-sm">
      <div>
        <h3 className="font-mono text-base leading-tight font-bold [overflow-wrap:anywhere] text-slate-950">
          {r.hook}
          {r.kind === 'action' && <span className="font-sans text-sm font-normal text-slate-600"> (action)</span>}
        </h3>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-700">
          <span>
            on <strong className="font-mono text-sm text-slate-950">{r.unit}</strong>
          </span>
          {r.result === 'ok' ? (
            <span className="rounded border border-emerald-700 bg-emerald-50 px-1.5 font-semibold text-emerald-900">✓ ok</span>
          ) : (
            <span className="rounded border border-red-800 bg-red-700 px-1.5 font-bold text-white">✗ failed</span>
          )}
          <span>seq {r.seq}</span>
          {r.relation && <span className="font-mono">{r.relation}</span>}
          <span className="text-slate-600">{found.pinned ? (found.ahead ? 'picked, after the cursor: not following it' : 'picked: not following the cursor') : 'the hook at the cursor'}</span>
          {found.pinned && (
            <button type="button" className="ml-auto rounded border border-slate-300 px-1.5 text-slate-700 hover:bg-slate-100" onClick={() => store.getState().inspect(null)}>
              follow the cursor
            </button>
          )}
        </p>
      </div>
      {r.error && <FailureNote r={r} />}
      <section aria-label="Why it fired" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-2 py-1">
        <h4 className={heading}>
          Why it fired <code className="font-mono tracking-normal normal-case text-amber-900">rule {r.rule}</code>
        </h4>
        <p className="text-amber-950">{Rules[r.rule]}</p>
        {cause && (
          <button type="button" className="mt-1 w-full rounded border border-amber-700 bg-white px-2 py-0.5 text-left font-mono text-xs text-amber-950 hover:bg-amber-100" onClick={() => jump(cause.index, cause.seq)}>
            caused by seq {cause.seq}: {cause.label}
            <span aria-hidden="true"> →</span>
          </button>
        )}
        {r.kind === 'relation-changed' && r.cause === 0 && r.remoteUnit && <p className="text-xs text-amber-900">It reports the data Juju wrote when the remote unit entered scope (addresses), not a hook's commit.</p>}
        {back && back.to === r.seq && (
          <button type="button" className="mt-1 rounded border border-slate-400 bg-white px-2 py-0.5 text-xs text-slate-800 hover:bg-slate-100" onClick={goBack}>
            ← back to seq {back.seq}
          </button>
        )}
      </section>
      <EnvTable r={r} />
      {listed && (
        <div>
          <h4 className={heading}>relation-list returned</h4>
          <pre className="rounded bg-slate-900 px-2 py-1 font-mono text-xs text-slate-100">{listed.length ? listed.join('\n') : '(nothing)'}</pre>
        </div>
      )}
      {r.charm && (
        <Suspense fallback={null}>
          <CharmRunView r={r} part="events" />
        </Suspense>
      )}
      <HookEffects r={r} />
      <ExportTestButtons record={r} index={found.index} />
    </div>
  );
}
