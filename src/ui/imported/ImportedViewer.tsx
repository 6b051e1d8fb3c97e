/**
 * A real Juju history in the app, read-only: the model it shows (rebuilt from its
 * hooks), its swimlanes and hook log, playable and scrubbable like a simulated one,
 * with the hooks Juju's guarantees rule out marked and explained. It opens over the
 * app, which it leaves untouched — the user's model, undo history and saving go on as
 * they were, and "Back to your model" (or Escape) returns to them. Loaded on demand.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { plural } from '../../io/plural.ts';
import type { ImportedModel } from '../../io/trace/model.ts';
import { FORMAT_LIMITS } from '../../io/trace/read.ts';
import { RULES } from '../../io/trace/check.ts';
import { Icon } from '../common/Icon.tsx';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { Panel } from '../common/Panel.tsx';
import { SwimlanesView } from '../swimlanes/Swimlanes.tsx';
import { layoutImported } from './layout.ts';
import { transportKey } from '../transport/useTransportKeys.ts';
import { ImportedGraph } from './ImportedGraph.tsx';
import { ImportedInspector } from './ImportedInspector.tsx';
import { ImportedLog } from './ImportedLog.tsx';
import { ViewerLabel } from './labels.ts';
import { createViewerStore, VIEWER_SPEEDS, type ImportedHistory, type ViewerStore, type ViewerTab } from './viewerStore.ts';

const button = 'inline-flex h-9 min-w-9 items-center justify-center rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-40';

/** Plays the history at its speed while `playing`: as many hooks per frame as the time elapsed calls for. */
function usePlay(store: ViewerStore): void {
  const playing = useStore(store, (s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    let owed = 0;
    const tick = (now: number) => {
      const s = store.getState();
      owed += ((now - last) / 1000) * s.speed;
      last = now;
      const n = Math.floor(owed);
      if (n > 0) {
        owed -= n;
        const to = Math.min(s.history.hooks.length, s.cursor + n);
        s.seek(to);
        if (to >= s.history.hooks.length) {
          s.pause();
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    // The first hook at once, then at the speed.
    owed = 1;
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}

function ViewerTransport({ store }: { store: ViewerStore }) {
  const { cursor, playing, speed, flagged } = useStore(store);
  const n = store.getState().history.hooks.length;
  const s = store.getState();
  const hook = s.history.hooks[cursor - 1];
  const at = cursor - 1;
  return (
    <div role="group" aria-label={ViewerLabel.transport} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-1.5 shadow-sm">
      <button type="button" className={button} aria-label={ViewerLabel.stepBack} title="Step back (←)" disabled={cursor === 0} onClick={() => s.step(-1)}>
        <Icon name="stepBack" />
      </button>
      {playing ? (
        <button type="button" className={`${button} w-20 bg-amber-100`} aria-label={ViewerLabel.pause} title="Pause (space)" onClick={() => s.pause()}>
          <Icon name="pause" />
          &nbsp;Pause
        </button>
      ) : (
        <button type="button" className={`${button} w-20`} aria-label={ViewerLabel.play} title="Play (space)" onClick={() => s.play()}>
          <Icon name="play" />
          &nbsp;Play
        </button>
      )}
      <button type="button" className={button} aria-label={ViewerLabel.stepForward} title="Step forward (→)" disabled={cursor >= n} onClick={() => s.step(1)}>
        <Icon name="stepForward" />
      </button>
      <label className="ml-1 flex items-center gap-1 text-sm text-slate-600">
        {ViewerLabel.speed}
        <select className="h-9 rounded-md border border-slate-300 bg-white px-1 tabular-nums" value={speed} onChange={(e) => s.setSpeed(Number(e.target.value))}>
          {VIEWER_SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v} hooks/s
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-48 flex-1 items-center gap-2 text-sm text-slate-600">
        <input
          type="range"
          aria-label={ViewerLabel.scrubber}
          min={0}
          max={n}
          value={cursor}
          aria-valuetext={`hook ${cursor} of ${n}`}
          onChange={(e) => (s.pause(), s.seek(Number(e.target.value)))}
          className="flex-1 accent-orange-600"
        />
        <span className="w-40 text-right tabular-nums">
          {cursor} / {n}
          {hook?.time !== undefined ? <span className="ml-1 text-xs text-slate-500">{hook.timeText}</span> : null}
        </span>
      </label>
      {flagged.length > 0 && (
        <span className="flex items-center gap-1">
          <button type="button" className={button} disabled={!flagged.some((i) => i < at)} onClick={() => s.goToFlag(-1)}>
            ← {ViewerLabel.previousFlag.replace(' hook ruled out', '')}
          </button>
          <button type="button" className={`${button} border-red-300 text-red-900`} disabled={!flagged.some((i) => i > at)} onClick={() => s.goToFlag(1)}>
            {ViewerLabel.nextFlag} →
          </button>
        </span>
      )}
    </div>
  );
}

const TABS: ReadonlyArray<{ readonly tab: ViewerTab; readonly label: string }> = [
  { tab: 'swimlanes', label: ViewerLabel.swimlanes },
  { tab: 'log', label: ViewerLabel.log },
];

function HistoryPanel({ store, model }: { store: ViewerStore; model: ImportedModel }) {
  const { cursor, tab, playing, speed, history, findings } = useStore(store);
  const layout = useMemo(() => layoutImported(history.hooks, findings), [history, findings]);
  const leaders = useMemo(() => new Set(model.apps.map((a) => a.leader)), [model]);
  const s = store.getState();
  const tabs = (
    <div role="tablist" aria-label="History views" className="-my-0.5 flex gap-1">
      {TABS.map(({ tab: t, label }) => (
        <button
          key={t}
          type="button"
          role="tab"
          aria-selected={tab === t}
          className={`rounded-md px-2.5 py-0.5 text-sm font-semibold tracking-wide ${tab === t ? 'bg-slate-800 text-white' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`}
          onClick={() => s.setTab(t)}
        >
          {label}
        </button>
      ))}
    </div>
  );
  return (
    <Panel title={tab === 'log' ? ViewerLabel.log : ViewerLabel.swimlanes} header={tabs} className="col-span-2">
      {tab === 'swimlanes' ? (
        <SwimlanesView layout={layout} end={cursor} inspectedSeq={null} fast={playing && speed >= 32} leader={(u) => leaders.has(u)} onPick={(b) => s.goTo(b.index)} imported />
      ) : (
        <ImportedLog hooks={history.hooks} findings={findings} cursor={cursor} files={history.files.length > 1} onPick={(i) => s.goTo(i)} />
      )}
    </Panel>
  );
}

function GraphPanel({ store, model }: { store: ViewerStore; model: ImportedModel }) {
  const { cursor, models, history } = useStore(store);
  return (
    <Panel title={ViewerLabel.graph}>
      <ImportedGraph model={model} seen={models.seen} active={history.hooks[cursor - 1]?.unit ?? null} />
    </Panel>
  );
}

function InspectorPanel({ store }: { store: ViewerStore }) {
  const { cursor, history, findings, flagged } = useStore(store);
  const s = store.getState();
  const at = cursor - 1;
  const formats = [...new Set(history.files.map((f) => f.format))];
  return (
    <Panel title={ViewerLabel.inspector} scrollable>
      <ImportedInspector hook={history.hooks[at]} index={at} findings={findings.get(at) ?? []} />
      {flagged.length > 0 && (
        <section className="border-t border-slate-200 px-3 py-2" aria-label="Every hook ruled out">
          <h3 className="text-sm font-semibold text-slate-700">Ruled out in this history ({flagged.length})</h3>
          <ol className="mt-1 flex flex-col gap-0.5">
            {flagged.slice(0, 200).map((i) => (
              <li key={i}>
                <button type="button" className={`w-full truncate rounded px-1 text-left font-mono text-xs hover:bg-red-50 ${i === at ? 'bg-orange-100' : ''}`} onClick={() => s.goTo(i)}>
                  <span className="font-bold text-red-800">{(findings.get(i) ?? []).map((f) => f.rule).join(' ')}</span> #{i + 1} {history.hooks[i]?.unit} {history.hooks[i]?.hook}
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <details className="border-t border-slate-200 px-3 py-2 text-sm">
        <summary className="cursor-pointer font-semibold text-slate-700">What the input cannot tell</summary>
        <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
          {formats.map((f) => (
            <li key={f}>{FORMAT_LIMITS[f]}</li>
          ))}
          {history.report.cannotTell.map((c) => (
            <li key={`${c.rule}-${c.why}`}>
              <span className="font-mono font-semibold" title={RULES[c.rule]}>
                {c.rule}
              </span>
              : {c.why}
            </li>
          ))}
          {history.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </Panel>
  );
}

export function ImportedViewer({ history, onClose }: { history: ImportedHistory; onClose: () => void }) {
  const id = useId();
  const [store] = useState(() => createViewerStore(history));
  const back = useRef<HTMLButtonElement>(null);
  // The panels measure themselves when they mount: only once the dialog is open (its effect runs before this one).
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(true), []);
  usePlay(store);
  // The model at the cursor, once per move, for the graph and the lanes' leader stars.
  const cursor = useStore(store, (s) => s.cursor);
  const models = useStore(store, (s) => s.models);
  const model = useMemo(() => models.after(cursor), [models, cursor]);
  const { report, files } = history;
  const ruledOut = report.findings.length;
  // Space plays or pauses, ← and → step: anywhere in the viewer but in a field (the swimlanes keep their arrows).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => void transportKey(e.nativeEvent, store.getState());
  return (
    <ModalDialog labelledBy={`${id}-title`} className="mt-2 h-[calc(100vh-1rem)] max-h-none w-[calc(100vw-1rem)] max-w-none bg-slate-100" onClose={onClose} focusFirst={() => back.current} ownKeys>
      <div className="flex h-full flex-col gap-2 p-2" onKeyDown={onKeyDown}>
        <header className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
          <h2 id={`${id}-title`} className="text-lg font-bold text-slate-900">
            {ViewerLabel.dialog}
          </h2>
          <span className="rounded-full bg-slate-800 px-2 py-0.5 text-xs font-semibold tracking-wide text-white uppercase">{ViewerLabel.readOnly}</span>
          <span className="truncate font-mono text-sm text-slate-700" title={files.map((f) => `${f.file} (${f.format})`).join('\n')}>
            {files.map((f) => f.file).join(', ')}
          </span>
          <span role="status" className={`rounded-md border px-2 py-0.5 text-sm font-semibold ${ruledOut === 0 ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}>
            {ruledOut === 0 ? `✓ nothing ruled out in ${plural(report.hooks, 'hook')} of ${plural(report.units, 'unit')}` : `✗ ${plural(ruledOut, 'hook')} ruled out of ${plural(report.hooks, 'hook')}`}
          </span>
          <button ref={back} type="button" className={`${button} ml-auto font-semibold`} onClick={onClose}>
            {ViewerLabel.back}
          </button>
        </header>
        <ViewerTransport store={store} />
        <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_26rem] grid-rows-[minmax(0,3fr)_minmax(0,2fr)] gap-2">
          {open && (
            <>
              <GraphPanel store={store} model={model} />
              <InspectorPanel store={store} />
              <HistoryPanel store={store} model={model} />
            </>
          )}
        </div>
      </div>
    </ModalDialog>
  );
}
