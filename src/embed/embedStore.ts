/**
 * The store of an embedded relviz, built from its URL (params.ts) — never from the
 * saved session, which belongs to the user's own relviz tab and is neither read nor
 * written here.
 */
import { misconception, playbackPlan } from '../teaching/misconceptions.ts';
import { createRelvizStore, type RelvizStore, type StoreOptions } from '../store/store.ts';
import { fetchTutorial } from '../share/fetchTutorial.ts';
import { tutorialProblems } from './bridge.ts';
import type { EmbedSource } from './params.ts';

/** Fetches a tutorial document (share/fetchTutorial.ts) and opens it; what goes wrong is said in the banner. */
export async function openTutorialUrl(store: RelvizStore, url: string, step: number, fetchFn?: typeof fetch): Promise<void> {
  const got = await fetchTutorial(url, { origin: globalThis.location?.origin ?? '', ...(fetchFn ? { fetch: fetchFn } : {}) });
  if (!got.ok) {
    store.setState({ error: `ERROR tutorial-url: ${got.message}` });
    return;
  }
  const opened = store.getState().openTutorialDocument(got.text, { step, url: got.url });
  if (!opened.ok) store.setState({ error: `ERROR tutorial-url: ${tutorialProblems(opened.problems).replace(/^relviz:tutorial: /, '')}` });
}

/** Hooks a second a scenario plays at: slow enough to read each one out (as "Show me" does). */
const SCENARIO_SPEED = 2;

/**
 * A store showing `source`: a tutorial at its step (one fetched by URL once it has come), a misconception's scenario at the
 * start of its revealing hooks (with what it is about selected), a script at its
 * start, or `fallback` (the masterworker example). `base` carries the runner, an
 * error to show, or a shared session (which wins over `source`).
 */
export function createEmbedStore(source: EmbedSource, fallback: string, base: Pick<StoreOptions, 'runner' | 'error' | 'session' | 'files'> = {}): RelvizStore {
  if (base.session) return createRelvizStore(base);
  switch (source.kind) {
    case 'tutorial': {
      const store = createRelvizStore(base);
      store.getState().openTutorial(source.id, source.step - 1);
      // Opening a tutorial clears the banner: put back what was wrong with the URL.
      if (base.error) store.setState({ error: base.error });
      return store;
    }
    case 'tutorial-url': {
      // The fallback first, so the embed shows something while the document comes (or if it cannot).
      const store = createRelvizStore({ ...base, script: fallback });
      void openTutorialUrl(store, source.url, source.step - 1);
      return store;
    }
    case 'scenario': {
      const m = misconception(source.id);
      // relviz's own scenario: built at once, so its reveal can be found now.
      const store = createRelvizStore(base);
      store.getState().loadScript(m.script, { trusted: true });
      const t = store.getState().timeline;
      const reveal = m.focus(t.fullTrace);
      const plan = reveal && playbackPlan(reveal, t.fullTrace, (i) => t.tickOfRecord(i));
      const s = store.getState();
      s.select(m.select);
      s.setSpeed(SCENARIO_SPEED);
      if (plan) s.seek(plan.start);
      return store;
    }
    case 'script':
      return createRelvizStore({ ...base, script: source.text });
    case 'default':
      return createRelvizStore({ ...base, script: fallback });
  }
}
