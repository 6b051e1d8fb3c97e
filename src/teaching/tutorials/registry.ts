/**
 * The tutorials' steps, loaded on demand: in the page they are a chunk of their own
 * (fetched when a tutorial is opened, or before the first render when the session
 * being opened is in one); in Node and in workers — no `document` — they are loaded
 * as this module is, so tests and tools use them synchronously.
 */
import type { Tutorial } from '../tutorial.ts';

let loaded: ReadonlyMap<string, Tutorial> | null = null;
let loading: Promise<void> | null = null;

/** Fetches the tutorials (once; a failed fetch can be tried again). */
export function loadTutorials(): Promise<void> {
  loading ??= import('./index.ts').then(
    ({ TUTORIALS }) => {
      loaded = new Map(TUTORIALS.map((t) => [t.id, t]));
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Whether tutorialById answers yet. */
export const tutorialsLoaded = (): boolean => loaded !== null;

/** The tutorial called `id`; undefined when there is none, or before loadTutorials has resolved. */
export function tutorialById(id: string): Tutorial | undefined {
  return loaded?.get(id);
}

if (typeof document === 'undefined') await loadTutorials();
