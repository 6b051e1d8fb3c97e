/**
 * The tutorials' steps, loaded on demand: in the page they are a chunk of their own
 * (fetched when a tutorial is opened, or before the first render when the session
 * being opened is in one); in Node and in workers — no `document` — they are loaded
 * as this module is, so tests and tools use them synchronously.
 *
 * Beside the shipped tutorials, the registry holds those opened from documents (a
 * file, pasted text, a URL, a link), each under `doc:<its id>` — a key no shipped id
 * can be (ids have no colon) — with the document's text and where it came from, so a
 * session can carry it. The document reader (read.ts) comes in the same chunk.
 */
import type { ReadTutorial } from '../read.ts';
import type { Tutorial } from '../tutorial.ts';

let loaded: ReadonlyMap<string, Tutorial> | null = null;
let reader: ((text: string, file?: string) => ReadTutorial) | null = null;
let loading: Promise<void> | null = null;

/** A tutorial document as a session carries it: its text, and the https URL it was fetched from, if any. */
export interface TutorialSource {
  readonly text: string;
  readonly url?: string;
}

/** Where registry keys of tutorials opened from documents start. */
export const DOCUMENT_PREFIX = 'doc:';

/** Whether `id` names a tutorial opened from a document (not a shipped one). */
export const isDocumentId = (id: string): boolean => id.startsWith(DOCUMENT_PREFIX);

const documents = new Map<string, { readonly tutorial: Tutorial; readonly source: TutorialSource }>();

/** Fetches the tutorials and the document reader (once; a failed fetch can be tried again). */
export function loadTutorials(): Promise<void> {
  loading ??= Promise.all([import('./index.ts'), import('../read.ts')]).then(
    ([{ TUTORIALS }, read]) => {
      loaded = new Map(TUTORIALS.map((t) => [t.id, t]));
      reader = read.readTutorialDocument;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Whether tutorialById and readDocument answer yet. */
export const tutorialsLoaded = (): boolean => loaded !== null && reader !== null;

/** The tutorial called `id` (shipped, or `doc:…`); undefined when there is none, or before loadTutorials has resolved. */
export function tutorialById(id: string): Tutorial | undefined {
  return isDocumentId(id) ? documents.get(id)?.tutorial : loaded?.get(id);
}

/** The document a `doc:…` tutorial was opened from; undefined for a shipped one. */
export function tutorialSource(id: string): TutorialSource | undefined {
  return documents.get(id)?.source;
}

/** Reads and checks a document (read.ts); throws before loadTutorials has resolved. */
export function readDocument(text: string, file?: string): ReadTutorial {
  if (!reader) throw new Error('the tutorial reader is not loaded (loadTutorials)');
  return reader(text, file);
}

/** Registers a tutorial read from `source` (replacing one of the same id); returns its key, `doc:<id>`. */
export function registerDocument(tutorial: Tutorial, source: TutorialSource): string {
  const key = `${DOCUMENT_PREFIX}${tutorial.id}`;
  documents.set(key, { tutorial, source: { text: source.text, ...(source.url !== undefined ? { url: source.url } : {}) } });
  return key;
}

if (typeof document === 'undefined') await loadTutorials();
