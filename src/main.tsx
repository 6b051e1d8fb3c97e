import { EXAMPLE_FILES } from './ui/bundle/examples.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import masterworker from '../examples/masterworker.juju?raw';
import type { EmbedParams } from './embed/params.ts';
import './index.css';
import { shareLinkError, shareParam } from './share/param.ts';
import type { OpenedShare } from './share/open.ts';
import { persist, readSaved, type Store } from './store/persist.ts';
import { createRelvizStore, type RelvizStore, type StoreOptions } from './store/store.ts';
import { inputsNeedReaders, loadReaders } from './store/loadReaders.ts';
import type { SessionV1 } from './store/session.ts';
import { EMPTY_HISTORY, pushed, type UndoHistory } from './store/undo.ts';
import { loadTutorials } from './teaching/tutorials/registry.ts';
import { App } from './ui/App.tsx';
import { requestTutorial } from './ui/teaching/tutorialRequest.ts';
import { StoreProvider } from './ui/StoreContext.tsx';
import { workerRunner } from './worker/workerRunner.ts';

/** The browser's storage, or null where it is disabled (reading `localStorage` itself can throw). */
function browserStorage(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Milliseconds of hooks one task computes on the page before the rest goes to the worker: no task is long. */
const PAGE_BUDGET_MS = 30;

/**
 * The tutorials' steps are a chunk of their own (teaching/tutorials/registry.ts): a page
 * that opens in a tutorial fetches them before its first render, so the tutorial's card
 * is there from the first frame. (A failure is said when the store asks for them.)
 */
async function tutorialsFirst(needed: boolean): Promise<void> {
  if (needed) await loadTutorials().catch(() => undefined);
}

/**
 * A session that replays a bundle, a status file or a charm's own files needs the
 * engine's readers (engine/readers.ts) before the store opens it, or before Undo can
 * bring it back. If they cannot be fetched the page stops here, and the saved session
 * is left as it was.
 */
async function readersFirst(sessions: ReadonlyArray<Pick<SessionV1, 'inputs'> | null | undefined>, history: UndoHistory | null): Promise<void> {
  const undoable = history ? [...history.past, ...history.future].map((e) => e.session).concat(history.beforeTutorial ?? []) : [];
  if (![...sessions, ...undoable].some((session) => session && inputsNeedReaders(session.inputs))) return;
  await loadReaders().catch((e: unknown) => {
    document.getElementById('root')?.append(`relviz could not load its bundle and YAML readers (${String(e)}), which your model needs. Reload to try again: your work is kept.`);
    throw e;
  });
}

/**
 * The share link in `hash`, read by its own chunk (link.ts and fflate), fetched only
 * when there is a link to read; a chunk that cannot be fetched is a link not opened.
 */
async function openShared(hash: string): Promise<OpenedShare | null> {
  if (shareParam(hash) === null) return null;
  try {
    return (await import('./share/open.ts')).openShareHash(hash);
  } catch (e) {
    return { kind: 'broken', error: shareLinkError(`the page could not load its reader (${String(e)})`) };
  }
}

/**
 * The store the page opens with. Async, for the parts that load on demand (a share
 * link's reader, the embed, a tutorial's steps) — not top-level await: a chunk loaded
 * here imports from this one, which must have finished evaluating first.
 */
async function openStore(): Promise<{ store: RelvizStore; embedded: boolean }> {
  // A share link (`#share=…`) wins over the saved session. The hash goes once read, so a
  // reload keeps what the user did since (saved as usual); a link that cannot be opened
  // leaves the saved session as it was and says why in the error banner.
  // An embed (`?embed=1`, in someone else's page) loads what its URL says and never
  // touches the saved session: it must not clobber the user's own relviz tab.
  // The parameters' reader (embed/params.ts) is fetched only when there are some to read: an embed, a tutorial link.
  const search = new URLSearchParams(location.search);
  const readParams = (): Promise<EmbedParams> =>
    import('./embed/params.ts').then(
      (m) => m.readEmbedParams(location.search),
      (e: unknown) => ({ source: { kind: 'default' }, origin: null, errors: [`ERROR relviz could not read this page's address (${String(e)}): reload to try again`] }),
    );
  const embed = search.get('embed') === '1' ? await readParams() : null;
  const opened = await openShared(location.hash);
  if (opened) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  const shared = opened?.kind === 'shared' ? { ...opened.shared.session, tutorial: opened.shared.tutorial } : undefined;
  const problems = [...(opened?.kind === 'broken' ? [opened.error] : []), ...(embed?.errors ?? [])];
  const error = problems.length > 0 ? { error: problems.join('\n') } : {};
  // Long runs are computed in a Web Worker, so the page never freezes on a big model.
  const runner: Pick<StoreOptions, 'runner' | 'budgetMs'> = { budgetMs: PAGE_BUDGET_MS, ...(typeof Worker === 'undefined' ? {} : { runner: workerRunner() }) };
  let store: RelvizStore;
  if (embed) {
    // Only an embed needs these (a chunk of their own): an iframe's page loads them before its first render.
    // The parent page may send a bundle at any time: the readers come with them.
    const [{ createEmbedStore }, { connectBridge }] = await Promise.all([import('./embed/embedStore.ts'), import('./embed/bridge.ts'), loadReaders()]).catch((e: unknown) => {
      document.getElementById('root')?.append(`relviz could not load the embedded view (${String(e)}). Reload to try again.`);
      throw e;
    });
    await tutorialsFirst(true);
    store = createEmbedStore(embed.source, masterworker, { ...(shared ? { session: shared } : {}), ...runner, ...error, files: EXAMPLE_FILES });
    // The parent page drives it with postMessage (src/embed/); a bad `&origin=` accepts no one.
    if (embed.origin !== null) connectBridge(store, window, embed.origin);
  } else {
    // A tutorial link (`?tutorial=<id>[&step=N]`, e.g. in a teacher's slides) opens that
    // step over the saved session, as a share link does; the parameters then go, so a
    // reload keeps the learner's progress.
    const link = search.has('tutorial') && !shared ? await readParams() : null;
    const storage = browserStorage();
    // A saved session that cannot be opened is set aside (never overwritten) and said so.
    const saved = storage ? readSaved(storage) : { session: null, history: null, problem: null };
    await tutorialsFirst(Boolean(shared?.tutorial || saved.session?.tutorial || link?.source.kind === 'tutorial'));
    await readersFirst([shared, saved.session], saved.history);
    const linkErrors = link?.errors.length ? { error: [...problems, ...link.errors].join('\n') } : error;
    const base: StoreOptions = { ...runner, ...linkErrors, saving: saved.problem, history: saved.history ?? EMPTY_HISTORY, files: EXAMPLE_FILES };
    if (shared) {
      // The share link replaces the saved model, which stays one Undo away.
      const mine = saved.session;
      const had = mine?.inputs.length ?? 0;
      store = createRelvizStore({
        ...base,
        session: shared,
        ...(mine ? { history: pushed(base.history ?? EMPTY_HISTORY, { session: mine, label: 'opening a share link' }) } : {}),
        ...(had > 0 ? { notice: { text: `Opened a share link; your model (${had} command${had === 1 ? '' : 's'}) is one Undo away.`, action: 'undo' } } : {}),
      });
    } else if (saved.session) store = createRelvizStore({ ...base, session: saved.session });
    // A newcomer sees the example deployed, ready to relate or play.
    else store = createRelvizStore({ ...base, script: masterworker, at: 'deployed' });
    if (link?.source.kind === 'tutorial') store.getState().openTutorial(link.source.id, link.source.step - 1);
    if (link) history.replaceState(history.state, '', `${location.pathname}${location.hash}`);
    // A tutorial document's URL or a link carrying one opens "Open a tutorial", which
    // fetches and checks it and plays it if it can (over the model, one Undo away), or says why.
    if (/[?&]tutorial-url=|[#&]tutorial-doc=/.test(location.href)) requestTutorial({ page: true });
    if (storage) {
      const saveNow = persist(store, storage);
      addEventListener('pagehide', saveNow);
    }
  }
  return { store, embedded: embed !== null };
}

// A share link pasted into this tab's address bar changes only the hash: open it as a new page would.
addEventListener('hashchange', () => {
  if (shareParam(location.hash) !== null || /[#&]tutorial-doc=/.test(location.hash)) location.reload();
});

void openStore().then(({ store, embedded }) => {
  // Marks the first painted frame, for the first-render figure (bench/app.bench.ts).
  // Then the readers come, before anyone opens a bundle (loadReaders.ts).
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark('relviz-first-render');
      setTimeout(() => void loadReaders().catch(() => undefined), 0);
    }),
  );
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App embed={embedded} />
      </StoreProvider>
    </StrictMode>,
  );
});
