/**
 * "Edit as text": a tutorial's document on the left (a text area with its line
 * numbers), on the right what is wrong with it — reading problems and what playing it
 * against the engine finds, each at its line, checked as one types (debounced, in a
 * worker) — and its steps. A problem or a step, clicked, puts the caret on its line.
 * "Play this version" opens it as a learner sees it; "Export" downloads it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { writeTutorialDocument } from '../../../teaching/document.ts';
import { TUTORIAL_LIST } from '../../../teaching/tutorials/list.ts';
import { loadTutorials, tutorialById, tutorialSource } from '../../../teaching/tutorials/registry.ts';
import { validateDocument, type Validation } from '../../../teaching/validate.ts';
import type { ValidateAnswer } from '../../../worker/validate.worker.ts';
import { ModalDialog } from '../../common/ModalDialog.tsx';
import { downloadText } from '../../common/download.ts';
import { buttonClass, fieldClass, primaryClass } from '../../controls/style.ts';
import { useRelvizStore } from '../../StoreContext.tsx';
import { closeAuthoring } from '../authoring.ts';
import { EditorLabel } from './labels.ts';

/** How long typing pauses before the document is checked again. */
const CHECK_AFTER_MS = 300;
const LINE_PX = 20;

/** The document of a tutorial: the text it was opened from, or the shipped one (written canonically: byte for byte the file). */
function documentOf(id: string): string {
  const source = tutorialSource(id);
  if (source) return source.text;
  const t = tutorialById(id);
  return t ? writeTutorialDocument(t) : '';
}

/** Checks documents in a worker of its own (kept while the editor is open); on the page where there is none. */
function useValidation(text: string): { validation: Validation | null; checking: boolean } {
  const [state, setState] = useState<{ validation: Validation | null; checking: boolean }>({ validation: null, checking: true });
  const worker = useRef<Worker | null>(null);
  const asked = useRef(0);
  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const w = new Worker(new URL('../../../worker/validate.worker.ts', import.meta.url), { type: 'module', name: 'relviz-tutorial-check' });
    w.onmessage = (e: MessageEvent<ValidateAnswer>) => {
      if (e.data.id !== asked.current) return;
      const a = e.data;
      setState({ validation: 'validation' in a ? a.validation : { problems: [{ line: 1, message: `relviz could not check it: ${a.error}`, kind: 'read' }], outline: [], title: null }, checking: false });
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);
  useEffect(() => {
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      const id = ++asked.current;
      if (worker.current) worker.current.postMessage({ id, text });
      else setState({ validation: validateDocument(text), checking: false });
    }, CHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return state;
}

export function TutorialEditor({ id: initial }: { id: string | null }) {
  const store = useRelvizStore();
  const dialogId = useId();
  const [which, setWhich] = useState<string>(initial ?? TUTORIAL_LIST[0]?.id ?? '');
  const [text, setText] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const { validation, checking } = useValidation(text ?? '');
  const close = closeAuthoring;

  useEffect(() => {
    let live = true;
    loadTutorials().then(
      () => live && setText(documentOf(which)),
      (e: unknown) => live && setMessage(`The tutorials could not be loaded (${String(e)}); try again.`),
    );
    return () => {
      live = false;
    };
  }, [which]);

  const goToLine = (line: number) => {
    const a = area.current;
    if (!a || text === null) return;
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const next = text.indexOf('\n', offset);
      if (next < 0) break;
      offset = next + 1;
    }
    a.focus();
    a.setSelectionRange(offset, offset);
    a.scrollTop = Math.max(0, (line - 1) * LINE_PX - a.clientHeight / 3);
  };

  const file = `${/^id:\s*([a-z0-9-]+)/m.exec(text ?? '')?.[1] ?? 'tutorial'}.md`;
  const lines = (text ?? '').split('\n').length;
  const options = [...TUTORIAL_LIST.map((t) => ({ id: t.id, title: t.title })), ...(initial && !TUTORIAL_LIST.some((t) => t.id === initial) ? [{ id: initial, title: tutorialById(initial)?.title ?? initial }] : [])];
  const problems = validation?.problems ?? [];

  return (
    <ModalDialog labelledBy={`${dialogId}-title`} className="mt-[3vh] flex h-[94vh] w-[min(96rem,98vw)] flex-col" onClose={close} ownKeys focusFirst={() => area.current}>
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2">
        <h2 id={`${dialogId}-title`} className="text-lg font-bold">
          {EditorLabel.dialog}
        </h2>
        <select aria-label={EditorLabel.which} className={`${fieldClass} max-w-72`} value={which} onChange={(e) => setWhich(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
            </option>
          ))}
        </select>
        <span className="text-sm text-slate-700" role="status">
          {checking ? 'Checking…' : problems.length === 0 ? '✓ Reads and plays as written' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}
        </span>
        <div className="ml-auto flex gap-2">
          <button
            type="button"
            className={primaryClass}
            disabled={text === null}
            onClick={() => {
              if (text === null) return;
              const opened = store.getState().openTutorialDocument(text, { file });
              if (opened.ok) return close();
              setMessage(`It does not play yet: ${opened.problems.length} problem${opened.problems.length === 1 ? '' : 's'} (listed on the right).`);
            }}
          >
            {EditorLabel.play}
          </button>
          <button type="button" className={buttonClass} disabled={text === null} onClick={() => text !== null && downloadText(file, text, 'text/markdown')}>
            {EditorLabel.export}
          </button>
          <button type="button" className={buttonClass} onClick={close}>
            {EditorLabel.close}
          </button>
        </div>
      </header>
      {message && (
        <p role="alert" className="border-b border-amber-300 bg-amber-50 px-4 py-1.5 text-sm text-amber-950">
          {message}
        </p>
      )}
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,3fr)_minmax(18rem,2fr)]">
        <div className="flex min-h-0 border-r border-slate-200 font-mono text-sm">
          <div ref={gutter} aria-hidden className="w-12 shrink-0 overflow-hidden bg-slate-50 py-2 pr-2 text-right text-slate-500 select-none" style={{ lineHeight: `${LINE_PX}px` }}>
            {Array.from({ length: lines }, (_, i) => (
              <div key={i} className={problems.some((p) => p.line === i + 1) ? 'font-bold text-red-700' : undefined}>
                {i + 1}
              </div>
            ))}
          </div>
          <textarea
            ref={area}
            aria-label={EditorLabel.text}
            spellCheck={false}
            wrap="off"
            className="min-h-0 flex-1 resize-none overflow-auto px-2 py-2 whitespace-pre"
            style={{ lineHeight: `${LINE_PX}px` }}
            value={text ?? 'Loading…'}
            readOnly={text === null}
            onChange={(e) => setText(e.target.value)}
            onScroll={(e) => {
              if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
            }}
          />
        </div>
        <div className="flex min-h-0 flex-col gap-3 overflow-y-auto p-3 text-sm">
          <section aria-label={EditorLabel.problems}>
            <h3 className="mb-1 font-semibold">{EditorLabel.problems}</h3>
            {problems.length === 0 ? (
              <p className="text-slate-700">{checking ? 'Checking…' : 'None: it reads, and every stop and highlight is there when it plays.'}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {problems.map((p, i) => (
                  <li key={i}>
                    <button type="button" className="w-full rounded border border-red-200 bg-red-50 px-2 py-1 text-left text-red-950 hover:bg-red-100" onClick={() => goToLine(p.line)}>
                      <span className="font-mono font-semibold">line {p.line}</span>: {p.message}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-label={EditorLabel.outline}>
            <h3 className="mb-1 font-semibold">{EditorLabel.outline}</h3>
            <ol className="flex flex-col gap-0.5">
              {(validation?.outline ?? []).map((s, i) => (
                <li key={i}>
                  <button type="button" className="w-full rounded px-2 py-0.5 text-left hover:bg-slate-100" onClick={() => goToLine(s.line)}>
                    <span className="text-slate-500 tabular-nums">{i + 1}.</span> {s.title}
                    {s.stops > 0 && <span className="text-slate-500"> · {s.stops} stop{s.stops === 1 ? '' : 's'}</span>}
                    <span className="float-right font-mono text-xs text-slate-500">{s.line}</span>
                  </button>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </ModalDialog>
  );
}
