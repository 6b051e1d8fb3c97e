import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import masterworker from '../examples/masterworker.juju?raw';
import { connectBridge } from './embed/bridge.ts';
import { createEmbedStore } from './embed/embedStore.ts';
import { isEmbed, readEmbedParams } from './embed/params.ts';
import './index.css';
import { shareParam } from './share/link.ts';
import { openShareHash } from './share/open.ts';
import { SESSION_KEY, restoreSession, type SessionV1 } from './store/session.ts';
import { createRelvizStore, type RelvizStore } from './store/store.ts';
import { App } from './ui/App.tsx';
import { StoreProvider } from './ui/StoreContext.tsx';
import { workerRunner } from './worker/workerRunner.ts';

/** The saved session, if there is a valid one; a broken one is ignored (and reported), never half-loaded. */
function savedSession(): SessionV1 | undefined {
  const raw = localStorage.getItem(SESSION_KEY);
  if (!raw) return undefined;
  try {
    return restoreSession(JSON.parse(raw));
  } catch (e) {
    console.warn(`relviz: ignoring the saved session (${(e as Error).message})`);
    return undefined;
  }
}

// A share link (`#share=…`) wins over the saved session. The hash goes once read, so a
// reload keeps what the user did since (saved as usual); a link that cannot be opened
// leaves the saved session as it was and says why in the error banner.
// An embed (`?embed=1`, in someone else's page) loads what its URL says and never
// touches the saved session: it must not clobber the user's own relviz tab.
const embed = isEmbed(location.search) ? readEmbedParams(location.search) : null;
const opened = openShareHash(location.hash);
if (opened) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
const shared = opened?.kind === 'shared' ? { ...opened.shared.session, tutorial: opened.shared.tutorial } : undefined;
const problems = [...(opened?.kind === 'broken' ? [opened.error] : []), ...(embed?.errors ?? [])];
const error = problems.length > 0 ? { error: problems.join('\n') } : {};
// Long runs are computed in a Web Worker, so the page never freezes on a big model.
const runner = typeof Worker === 'undefined' ? {} : { runner: workerRunner() };
let store: RelvizStore;
if (embed) {
  store = createEmbedStore(embed.source, masterworker, { ...(shared ? { session: shared } : {}), ...runner, ...error });
  // The parent page drives it with postMessage (src/embed/); a bad `&origin=` accepts no one.
  if (embed.origin !== null) connectBridge(store, window, embed.origin);
} else {
  // A tutorial link (`?tutorial=<id>[&step=N]`, e.g. in a teacher's slides) opens that
  // step over the saved session, as a share link does; the parameters then go, so a
  // reload keeps the learner's progress.
  const link = new URLSearchParams(location.search).has('tutorial') && !shared ? readEmbedParams(location.search) : null;
  const session = shared ?? savedSession();
  const linkErrors = link?.errors.length ? { error: [...problems, ...link.errors].join('\n') } : error;
  store = createRelvizStore(session ? { session, ...runner, ...linkErrors } : { script: masterworker, ...runner, ...linkErrors });
  if (link?.source.kind === 'tutorial') store.getState().openTutorial(link.source.id, link.source.step - 1);
  if (link) history.replaceState(history.state, '', `${location.pathname}${location.hash}`);
  persist(store);
}

/** Persists the session (seed, command log, cursor, layout) so a reload restores it. */
function persist(store: RelvizStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((s, prev) => {
    if (s.inputs === prev.inputs && s.cursor === prev.cursor && s.positions === prev.positions && s.seed === prev.seed && s.juju === prev.juju) return;
    clearTimeout(timer);
    timer = setTimeout(() => localStorage.setItem(SESSION_KEY, JSON.stringify(store.getState().exportSession())), 250);
  });
  addEventListener('pagehide', () => localStorage.setItem(SESSION_KEY, JSON.stringify(store.getState().exportSession())));
}
// A share link pasted into this tab's address bar changes only the hash: open it as a new page would.
addEventListener('hashchange', () => {
  if (shareParam(location.hash) !== null) location.reload();
});

// Marks the first painted frame, for the first-render figure (bench/app.bench.ts).
requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('relviz-first-render')));

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App embed={embed !== null} />
    </StoreProvider>
  </StrictMode>,
);
