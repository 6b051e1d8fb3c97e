/**
 * "Record a tutorial": a compact bar under the header (never on the graph). The
 * author uses relviz as usual and every command joins the current step; "New step"
 * starts the next. A click on a hook in the swimlanes or the hook log adds a stop
 * after it, with a box for what to say; Alt+click on a unit, relation, databag key or
 * swimlane block highlights it (in the stop being edited, else in the step). From the
 * keyboard: "Stop after this hook" takes the hook in the inspector, "Highlight the
 * selection" what is selected. Preview plays it as a learner would; Export downloads
 * the document. The recording is saved as it changes (recording.ts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { addHighlight, addStop, afterText, editText, followsSetup, newStep, recordingDocument, removeItem, removeStep, setEditing, setHeader, scriptLines, type Recording, type RecordedStep } from '../../../teaching/recorder.ts';
import { targetText } from '../../../teaching/document.ts';
import type { Target } from '../../../teaching/tutorial.ts';
import { loadTutorials } from '../../../teaching/tutorials/registry.ts';
import type { RelvizState } from '../../../store/store.ts';
import { downloadText } from '../../common/download.ts';
import { buttonClass, dangerClass, fieldClass, primaryClass } from '../../controls/style.ts';
import { useRelviz, useRelvizStore } from '../../StoreContext.tsx';
import { setAuthoring } from '../authoring.ts';
import { RecorderLabel } from './labels.ts';
import { HIGHLIGHT_KEY, recordedClick, relationApps } from './clicks.ts';
import { currentRecording, follow, setRecording, useRecording } from './recording.ts';
import { copyTutorialLink } from '../copyTutorialLink.ts';

const small = (cls: string) => cls.replace(/\bh-[89]\b/, 'h-7').replace('px-2.5', 'px-2');

/** The hook the inspector shows: the one picked, else the last one played. */
function hookHere(s: RelvizState): number | null {
  if (s.inspectedSeq !== null) return s.inspectedSeq;
  const t = s.timeline;
  for (let i = t.traceIndexAt(s.cursor) - 1; i >= 0; i--) {
    const r = t.fullTrace.at(i);
    if (r?.type === 'hook') return r.seq;
  }
  return null;
}

function selectionTarget(s: RelvizState): { target: Target; relation?: readonly [string, string] } | null {
  const sel = s.selection;
  if (!sel) return null;
  if (sel.kind === 'unit') return { target: { kind: 'unit', unit: sel.name } };
  if (sel.kind === 'app') return { target: { kind: 'app', app: sel.name } };
  const apps = relationApps(s, sel.id);
  return apps ? { target: { kind: 'relation', apps } } : null;
}

function Chip({ children, onRemove, removeLabel, onPick, picked }: { children: string; onRemove: () => void; removeLabel: string; onPick?: () => void; picked?: boolean }) {
  return (
    <li className={`flex max-w-full items-center rounded border text-xs ${picked ? 'border-orange-600 bg-orange-50' : 'border-slate-300 bg-slate-50'}`}>
      {onPick ? (
        <button type="button" title={children} className="truncate px-1.5 py-0.5 text-left font-mono hover:underline" aria-pressed={picked} onClick={onPick}>
          {children}
        </button>
      ) : (
        <span title={children} className="truncate px-1.5 py-0.5 font-mono">
          {children}
        </span>
      )}
      <button type="button" className="px-1 text-slate-600 hover:text-red-700" aria-label={removeLabel} title={removeLabel} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}

/** What is recorded in the step being edited: its commands, highlights and stops (each stop with its own highlights). */
function Items({ rec, step, k }: { rec: Recording; step: RecordedStep; k: number }) {
  const lines = rec.inputs.filter((i) => i.step === k).flatMap(scriptLines);
  const update = (r: Recording) => setRecording(r);
  const hl = (t: Target) => `highlight ${targetText(t)}`;
  return (
    <ul aria-label={RecorderLabel.items} className="flex min-w-0 flex-wrap content-start gap-1 overflow-y-auto">
      <li className="truncate text-xs text-slate-700" title={lines.join('\n')}>
        {lines.length === 0 ? 'No command yet' : `${lines.length} command${lines.length === 1 ? '' : 's'}: ${lines.at(-1) ?? ''}`}
      </li>
      {step.highlight.map((t, j) => (
        <Chip key={`h${targetText(t)}`} removeLabel={`Remove the highlight ${targetText(t)}`} onRemove={() => update(removeItem(rec, k, { kind: 'highlight', stop: null, target: j }))}>
          {hl(t)}
        </Chip>
      ))}
      {step.stops.map((stop, j) => [
        <Chip
          key={`s${j}`}
          picked={rec.editing.step === k && rec.editing.stop === j}
          onPick={() => update(setEditing(rec, { step: k, stop: rec.editing.stop === j ? null : j }))}
          removeLabel={`Remove the stop after ${afterText(stop.after)}`}
          onRemove={() => update(removeItem(rec, k, { kind: 'stop', stop: j }))}
        >
          {`stop after ${afterText(stop.after)}`}
        </Chip>,
        ...stop.highlight.map((t, m) => (
          <Chip key={`s${j}h${targetText(t)}`} removeLabel={`Remove the highlight ${targetText(t)} of the stop after ${afterText(stop.after)}`} onRemove={() => update(removeItem(rec, k, { kind: 'highlight', stop: j, target: m }))}>
            {`stop ${j + 1}: ${hl(t)}`}
          </Chip>
        )),
      ])}
    </ul>
  );
}

export function RecorderBar() {
  const store = useRelvizStore();
  const { rec, note } = useRecording();
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const inTutorial = useRelviz((s) => s.tutorial !== null);
  const inputs = useRelviz((s) => s.inputs);
  const say = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => follow(store), [store]);

  // Clicks on the history and the model while recording (capture: before the app's own handlers).
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const r = currentRecording();
      if (!r || r.previewing || !(e.target instanceof Element) || e.target.closest('[data-recorder], dialog')) return;
      const c = recordedClick(e.target, e.altKey, store.getState());
      if (!c) return;
      e.preventDefault();
      e.stopPropagation();
      if (c.kind === 'highlight') {
        setRecording(addHighlight(r, c.target, c.relation));
        setMessage(null);
        return;
      }
      const out = addStop(r, store.getState().timeline, c.seq);
      if (typeof out === 'string') return setMessage(`No stop: ${out}.`);
      setRecording(out);
      setMessage(null);
      // What to say there: the box is the stop's now.
      setTimeout(() => say.current?.focus(), 0);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [store]);

  if (!rec) return null;
  const k = rec.editing.step;
  const step = rec.steps[k] as RecordedStep;
  const stop = rec.editing.stop === null ? null : (step.stops[rec.editing.stop] ?? null);
  const update = (r: Recording) => setRecording(r);

  const preview = () => {
    const doc = recordingDocument(rec);
    if (doc.text === null) return setMessage(`Cannot preview yet: ${doc.problems.join('; ')}`);
    const text = doc.text;
    loadTutorials().then(
      () => {
        const before = currentRecording();
        if (!before) return;
        setRecording({ ...before, previewing: true });
        const opened = store.getState().openTutorialDocument(text, { file: `${rec.id}.md` });
        if (opened.ok) return setMessage(null);
        setRecording({ ...before, previewing: false });
        setMessage(`It would not play as recorded: ${opened.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
      },
      (e: unknown) => setMessage(`The player could not be loaded (${String(e)}); try again.`),
    );
  };

  const exportDoc = () => {
    const doc = recordingDocument(rec);
    if (doc.text === null) return setMessage(`Cannot export yet: ${doc.problems.join('; ')}`);
    downloadText(`${rec.id}.md`, doc.text, 'text/markdown');
    setMessage(doc.problems.length > 0 ? `Exported ${rec.id}.md; note: ${doc.problems.join('; ')}` : `Exported ${rec.id}.md.`);
  };

  // A link carrying the whole document (share/link.ts, as the tutorial card's): copied, or shown to copy by hand.
  const copyLink = () => {
    const doc = recordingDocument(rec);
    if (doc.text === null) return setMessage(`Cannot make a link yet: ${doc.problems.join('; ')}`);
    copyTutorialLink({ text: doc.text }, 0).then(
      ({ link, kb, copied }) => setMessage(copied ? `Link copied (${kb}): whoever opens it plays “${rec.title}”.` : `Copy this link (${kb}): ${link}`),
      (e: unknown) => setMessage(String(e)),
    );
  };

  if (rec.previewing) {
    return (
      <section aria-label={RecorderLabel.region} data-recorder className="flex flex-wrap items-center gap-3 rounded-lg border-2 border-sky-700 bg-sky-50 px-3 py-1.5 text-sm">
        <span className="font-semibold text-sky-900">Previewing “{rec.title}” as a learner sees it</span>
        <span className="text-slate-700">Nothing is recorded meanwhile.</span>
        <button type="button" className={`${small(primaryClass)} ml-auto`} onClick={() => (inTutorial ? store.getState().closeTutorial() : update({ ...rec, previewing: false }))}>
          {RecorderLabel.back}
        </button>
      </section>
    );
  }

  const stepsWithCommands = new Set(rec.inputs.map((i) => i.step));
  return (
    <section aria-label={RecorderLabel.region} data-recorder className="flex flex-col gap-1.5 rounded-lg border-2 border-red-700 bg-white px-3 py-1.5 text-sm shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="flex items-center gap-1.5 font-semibold text-red-800">
          <span aria-hidden className="h-2.5 w-2.5 animate-pulse rounded-full bg-red-600" />
          Recording
        </span>
        <input aria-label={RecorderLabel.title} className={`${fieldClass} h-8 w-56 font-semibold`} value={rec.title} maxLength={200} onChange={(e) => update(setHeader(rec, 'title', e.target.value))} />
        <input aria-label={RecorderLabel.summary} placeholder="One line: what it teaches" className={`${fieldClass} h-8 min-w-40 flex-1`} value={rec.summary} maxLength={500} onChange={(e) => update(setHeader(rec, 'summary', e.target.value))} />
        <span className="text-xs text-slate-600" id={`${id}-hint`}>
          Click a hook: stop after it · <kbd className="rounded border border-slate-400 px-1 font-sans">{HIGHLIGHT_KEY}</kbd>+click a unit, relation or databag key: highlight it
        </span>
        <div className="ml-auto flex items-center gap-1.5">
          <button type="button" className={small(buttonClass)} onClick={preview}>
            {RecorderLabel.preview}
          </button>
          <button type="button" className={small(buttonClass)} onClick={exportDoc}>
            {RecorderLabel.export}
          </button>
          <button type="button" className={small(buttonClass)} onClick={copyLink} title="A link that carries the whole tutorial: whoever opens it plays it">
            {RecorderLabel.copyLink}
          </button>
          {confirming ? (
            <span role="group" aria-label="Discard the recording?" className="flex items-center gap-1.5">
              <span className="text-xs text-red-900">Discard it ({rec.steps.length} steps)? Export first to keep it.</span>
              <button
                type="button"
                className={small(dangerClass)}
                onClick={() => {
                  setRecording(null);
                  setAuthoring(null);
                }}
              >
                {RecorderLabel.discard}
              </button>
              <button type="button" className={small(buttonClass)} autoFocus onClick={() => setConfirming(false)}>
                {RecorderLabel.keep}
              </button>
            </span>
          ) : (
            <button type="button" className={small(dangerClass)} onClick={() => setConfirming(true)}>
              {RecorderLabel.stop}
            </button>
          )}
        </div>
      </div>
      <div className="grid grid-cols-[minmax(0,auto)_minmax(16rem,1fr)_minmax(14rem,30rem)] items-start gap-2">
        <div role="group" aria-label="Steps" className="flex max-w-96 flex-wrap items-center gap-1">
          {rec.steps.map((s, i) => (
            <button
              key={i}
              type="button"
              aria-pressed={i === k}
              title={s.title}
              className={`h-7 max-w-36 truncate rounded-md border px-2 text-xs ${i === k ? 'border-slate-800 bg-slate-800 text-white' : 'border-slate-300 bg-white hover:bg-slate-100'}`}
              onClick={() => update(setEditing(rec, { step: i, stop: null }))}
            >
              {i + 1}. {s.title}
              {i === rec.steps.length - 1 && <span className="text-red-500" title="Commands are recorded in this step"> ●</span>}
            </button>
          ))}
          <button type="button" className={small(buttonClass)} onClick={() => update(newStep(rec))} title="The next commands go to a new step">
            + {RecorderLabel.newStep}
          </button>
          {k > 0 && !stepsWithCommands.has(k) && (
            <button type="button" className="text-xs text-slate-600 underline hover:text-red-700" onClick={() => update(removeStep(rec, k))}>
              Remove step {k + 1}
            </button>
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          {stop ? (
            <div className="flex items-center gap-2 text-xs text-slate-700">
              <span className="font-semibold text-slate-900">
                Stop after <code>{afterText(stop.after)}</code>
              </span>
              <button type="button" className="underline" onClick={() => update(setEditing(rec, { step: k, stop: null }))}>
                back to the step
              </button>
            </div>
          ) : (
            <input aria-label={RecorderLabel.stepTitle} className={`${fieldClass} h-7`} value={step.title} maxLength={200} onChange={(e) => update(editText(rec, rec.editing, 'title', e.target.value))} />
          )}
          <textarea
            ref={say}
            aria-label={stop ? RecorderLabel.stopSay : RecorderLabel.stepSay}
            aria-describedby={`${id}-hint`}
            rows={2}
            placeholder={stop ? 'What to say when playback pauses here (Markdown)' : 'What the learner reads on entering the step (Markdown)'}
            className="min-h-12 resize-y rounded-md border border-slate-300 px-2 py-1 text-sm"
            value={stop ? stop.say : step.say}
            onChange={(e) => update(editText(rec, rec.editing, 'say', e.target.value))}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex flex-wrap gap-1">
            <button
              type="button"
              className={small(buttonClass)}
              onClick={() => {
                const seq = hookHere(store.getState());
                const out = seq === null ? 'no hook has played yet' : addStop(rec, store.getState().timeline, seq);
                if (typeof out === 'string') return setMessage(`No stop: ${out}.`);
                update(out);
                say.current?.focus();
              }}
            >
              {RecorderLabel.stopHere}
            </button>
            <button
              type="button"
              className={small(buttonClass)}
              onClick={() => {
                const t = selectionTarget(store.getState());
                if (!t) return setMessage('Select a unit, application or relation first.');
                update(addHighlight(rec, t.target, t.relation));
              }}
            >
              {RecorderLabel.highlightSelection}
            </button>
          </div>
          <div className="max-h-16 overflow-y-auto">
            <Items rec={rec} step={step} k={k} />
          </div>
        </div>
      </div>
      {!followsSetup(rec, inputs) && (
        <p role="alert" className="text-xs font-semibold text-red-900">
          Not recording: this model no longer starts with the recording’s starting model ({rec.setup.length} commands). Undo to go back to it.
        </p>
      )}
      {(message ?? note) && (
        <p role="status" className="text-xs text-slate-800">
          {message ?? note}
        </p>
      )}
    </section>
  );
}
