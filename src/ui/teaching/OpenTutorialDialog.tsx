/**
 * "Open a tutorial": a tutorial document picked or dropped as a file, pasted, fetched
 * from a URL, or carried by a link. It is read and played against the engine before
 * anything plays (teaching/read.ts): every problem is listed with its line and what
 * was expected; "Play" opens a tutorial that has none. Opened by a link the user
 * followed (`auto`), a good tutorial plays at once. Loaded on demand.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { DocumentProblem } from '../../teaching/document.ts';
import type { Tutorial } from '../../teaching/tutorial.ts';
import { documentReader } from '../../teaching/tutorials/registry.ts';
import { fetchTutorial } from '../../share/fetchTutorial.ts';
import { decodeTutorialText, ShareError, TUTORIAL_DOC_PARAM, TUTORIAL_URL_PARAM, tutorialParams } from '../../share/link.ts';
import { MAX_DOCUMENT_CHARS } from '../../store/session.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { PasteField } from '../common/PasteField.tsx';
import { buttonClass, fieldClass, primaryClass } from '../controls/style.ts';
import { useRelvizStore } from '../StoreContext.tsx';
import { TutorialDocLabel as L } from './tutorialDocLabels.ts';
import type { TutorialRequest } from './tutorialRequest.ts';

interface Source {
  readonly text: string;
  readonly file?: string;
  readonly url?: string;
}

type Outcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'fetching'; readonly url: string; readonly bytes: number }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'problems'; readonly problems: readonly DocumentProblem[] }
  | { readonly kind: 'ready'; readonly tutorial: Tutorial };

/** Reads a picked or dropped file as text, within the format's bound. */
async function readFile(f: File): Promise<Source | string> {
  if (f.size > MAX_DOCUMENT_CHARS * 4) return `${f.name} is ${Math.round(f.size / 1024)} KB: a tutorial is at most ${MAX_DOCUMENT_CHARS / 1024} KB`;
  return { text: await f.text(), file: f.name };
}

/** What the page's address points to, as a request: followed links play at once. */
function fromPage(): TutorialRequest {
  const p = tutorialParams(location.search, location.hash);
  return p ? { ...p, auto: true } : {};
}

/** The page's address without the tutorial's parameters (a reload must not open it again). */
function clearPage(): void {
  const q = new URLSearchParams(location.search);
  const h = new URLSearchParams(location.hash.slice(1));
  if (!q.has(TUTORIAL_URL_PARAM) && !h.has(TUTORIAL_DOC_PARAM)) return;
  for (const p of [q, h]) p.delete('step');
  q.delete(TUTORIAL_URL_PARAM);
  h.delete(TUTORIAL_DOC_PARAM);
  history.replaceState(history.state, '', `${location.pathname}${q.size ? `?${q}` : ''}${h.size ? `#${h}` : ''}`);
}

export function OpenTutorialDialog({ initial: asked, onClose }: { initial: TutorialRequest; onClose: () => void }) {
  const [initial] = useState(() => (asked.page ? fromPage() : asked));
  const store = useRelvizStore();
  const id = useId();
  const firstInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState('');
  const [url, setUrl] = useState(initial.url ?? '');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const fetching = useRef<AbortController | null>(null);
  const auto = useRef(initial.auto === true);

  const play = (s: Source) => {
    const opened = store.getState().openTutorialDocument(s.text, { step: initial.step ?? 0, ...(s.file ? { file: s.file } : {}), ...(s.url ? { url: s.url } : {}) });
    if (opened.ok) onClose();
    else setOutcome({ kind: 'problems', problems: opened.problems });
  };

  /** Checks a document (without playing it): its problems, or what it is; plays it when it came from a followed link. */
  const check = (s: Source) => {
    setSource(s);
    const read = (documentReader() as NonNullable<ReturnType<typeof documentReader>>).read(s.text, s.file);
    if (!read.ok) {
      auto.current = false;
      setOutcome({ kind: 'problems', problems: read.problems });
      return;
    }
    if (auto.current) {
      auto.current = false;
      play(s);
      return;
    }
    setOutcome({ kind: 'ready', tutorial: read.tutorial });
  };

  const fetchUrl = (raw: string) => {
    fetching.current?.abort();
    const abort = new AbortController();
    fetching.current = abort;
    setSource(null);
    setOutcome({ kind: 'fetching', url: raw, bytes: 0 });
    void fetchTutorial(raw.trim(), { origin: location.origin, signal: abort.signal, onProgress: (bytes) => setOutcome({ kind: 'fetching', url: raw, bytes }) }).then((got) => {
      if (abort.signal.aborted) return;
      fetching.current = null;
      if (got.ok) check({ text: got.text, url: got.url });
      else {
        auto.current = false;
        setOutcome({ kind: 'failed', message: got.message });
      }
    });
  };

  const take = (f: File | undefined) => {
    if (!f) return;
    void readFile(f).then((s) => (typeof s === 'string' ? setOutcome({ kind: 'failed', message: s }) : check(s)));
  };

  // What it was opened with: a dropped file's text, a URL to fetch, a link's document.
  useEffect(() => {
    if (asked.page) clearPage();
    if (initial.text !== undefined) check({ text: initial.text, ...(initial.file ? { file: initial.file } : {}) });
    else if (initial.url !== undefined) fetchUrl(initial.url);
    else if (initial.link !== undefined) {
      try {
        check({ text: decodeTutorialText(initial.link) });
      } catch (e) {
        if (!(e instanceof ShareError)) throw e;
        setOutcome({ kind: 'failed', message: `This tutorial link cannot be opened: ${e.reason}.` });
      }
    }
    return () => fetching.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for what it opened with
  }, []);

  // Pasted text is checked as it settles.
  useEffect(() => {
    if (pasted.trim() === '') return;
    const t = setTimeout(() => check({ text: pasted }), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- check reads the latest state
  }, [pasted]);

  const onDrop = (e: DragEvent<HTMLElement>) => {
    if (e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    e.stopPropagation();
    take(e.dataTransfer.files[0]);
  };

  return (
    <ModalDialog labelledBy={`${id}-title`} describedBy={`${id}-about`} className="mt-[6vh] w-[44rem]" onClose={onClose} focusFirst={() => firstInput.current} ownKeys>
      <div className="flex max-h-[88vh] flex-col gap-3 overflow-auto p-5 text-sm" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {L.title}
        </h2>
        <p id={`${id}-about`} className="text-slate-700">
          A relviz tutorial is one Markdown document starting with <code>relviz-tutorial: 1</code> (its format: <code>docs/tutorial-format.md</code> in relviz’s repository). relviz reads it and plays it once against Juju’s rules before anything plays, and names the line of every problem.
        </p>
        <div className="flex flex-wrap items-center gap-2 rounded-lg border-2 border-dashed border-slate-300 bg-slate-50 px-3 py-3 text-slate-700">
          <label className={`${buttonClass} cursor-pointer focus-within:ring-2 focus-within:ring-orange-500`}>
            <input ref={firstInput} type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" className="sr-only" onChange={(e) => take(e.target.files?.[0])} />
            {L.chooseFile}
          </label>
          <span>or drop a <code>.md</code> file here.</span>
          {source?.file && <span className="font-mono text-xs text-slate-800">{source.file}</span>}
        </div>
        <PasteField label={L.paste} value={pasted} placeholder={'---\nrelviz-tutorial: 1\nid: my-first-tutorial\n…'} onChange={setPasted} height="h-28" />
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (url.trim()) fetchUrl(url);
          }}
        >
          <label className="flex min-w-0 flex-1 flex-col gap-1 font-medium">
            {L.url}
            <input className={`${fieldClass} font-mono text-xs`} type="url" value={url} placeholder="https://raw.githubusercontent.com/you/lessons/main/relations.md" onChange={(e) => setUrl(e.target.value)} />
          </label>
          <button type="submit" className={buttonClass} disabled={url.trim() === '' || outcome.kind === 'fetching'}>
            {L.fetch}
          </button>
        </form>
        <Result outcome={outcome} />
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            {L.close}
          </button>
          <button type="button" className={primaryClass} disabled={outcome.kind !== 'ready' || source === null} onClick={() => source && play(source)}>
            {L.play}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

function Result({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'none':
      return null;
    case 'fetching':
      return (
        <p role="status" className="flex items-center gap-2 text-slate-700">
          <span aria-hidden className="h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700" />
          {L.fetching} {outcome.url.slice(0, 120)}… {outcome.bytes > 0 && `(${(outcome.bytes / 1024).toFixed(1)} KB)`}
        </p>
      );
    case 'failed':
      return (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {outcome.message}
        </p>
      );
    case 'problems':
      return (
        <section role="alert" aria-label={L.problems} className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          <p className="font-semibold">
            ✗ This tutorial cannot be played: {outcome.problems.length === 1 ? 'one problem' : `${outcome.problems.length} problems`}.
          </p>
          <ul className="mt-1 max-h-48 list-none overflow-auto font-mono text-xs">
            {outcome.problems.map((p, i) => (
              <li key={i}>
                <span className="font-semibold">line {p.line}:</span> {p.message}
              </li>
            ))}
          </ul>
        </section>
      );
    case 'ready':
      return (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
          ✓ <strong>{outcome.tutorial.title}</strong> — {outcome.tutorial.steps.length} steps, checked: it plays as written. <span className="text-emerald-800">{outcome.tutorial.summary}</span>
        </p>
      );
  }
}
