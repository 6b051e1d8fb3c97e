/**
 * The tutorials' steps, loaded on demand: in the page they are a chunk of their own
 * (fetched when a tutorial is opened, or before the first render when the session
 * being opened is in one); in Node and in workers — no `document` — they are loaded
 * as this module is, so tests and tools use them synchronously.
 *
 * Beside the shipped tutorials, the registry holds those opened from documents (a
 * file, pasted text, a URL, a link), each under `doc:<its id>` — a key no shipped id
 * can be (ids have no colon) — with the document's text and where it came from, so a
 * session can carry it. What reads documents (../read.ts) comes in the same chunk.
 */
import type { DocumentProblem } from '../document.ts';
import type { Tutorial } from '../tutorial.ts';
import { DOCUMENT_PREFIX, documents, type TutorialSource } from './source.ts';

export { DOCUMENT_PREFIX, isTutorialUrl, type TutorialSource } from './source.ts';

/** A document read and checked: the tutorial it plays, or every problem found, by line. */
export type ReadTutorial = { readonly ok: true; readonly tutorial: Tutorial } | { readonly ok: false; readonly problems: readonly DocumentProblem[] };

/** A tutorial place that may carry its document (the store's TutorialPlace, a session's `tutorial`). */
export interface DocumentPlace {
  readonly id: string;
  readonly step: number;
  readonly document?: TutorialSource;
}

/** What ../read.ts gives the store once loaded (kept there, out of the page's first chunk). */
export interface DocumentReader {
  /** Reads and checks a document; never throws on what it says. */
  read(text: string, file?: string): ReadTutorial;
  /**
   * A `doc:` place with its document registered — read again when it carries a text the
   * registry does not hold (a reload, a link, undo to another version) — or why it cannot be followed.
   */
  resolve(place: DocumentPlace): Required<DocumentPlace> | string;
  /** openTutorialDocument's work: read, check, register, then `open` the tutorial at its step. */
  open(
    text: string,
    opts: { readonly step?: number; readonly file?: string; readonly url?: string },
    open: (id: string, step: number) => void,
  ): { readonly ok: true; readonly id: string; readonly problems: readonly [] } | { readonly ok: false; readonly problems: readonly DocumentProblem[] };
}

let loaded: ReadonlyMap<string, Tutorial> | null = null;
let reader: DocumentReader | null = null;
let loading: Promise<void> | null = null;

/** Whether `id` names a tutorial opened from a document (not a shipped one). */
export const isDocumentId = (id: string): boolean => id.startsWith(DOCUMENT_PREFIX);

/** Fetches the tutorials and the document reader (once; a failed fetch can be tried again). */
export function loadTutorials(): Promise<void> {
  loading ??= import('./chunk.ts').then(
    ({ TUTORIALS, READER }) => {
      loaded = new Map(TUTORIALS.map((t) => [t.id, t]));
      reader = READER;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Whether tutorialById and documentReader answer yet. */
export const tutorialsLoaded = (): boolean => loaded !== null && reader !== null;

/** The document reader, once loadTutorials has resolved. */
export const documentReader = (): DocumentReader | null => reader;

/** The tutorial called `id` (shipped, or `doc:…`); undefined when there is none, or before loadTutorials has resolved. */
export function tutorialById(id: string): Tutorial | undefined {
  return isDocumentId(id) ? documents.get(id)?.tutorial : loaded?.get(id);
}

/** The document a `doc:…` tutorial was opened from; undefined for a shipped one. */
export function tutorialSource(id: string): TutorialSource | undefined {
  return documents.get(id)?.source;
}

if (typeof document === 'undefined') await loadTutorials();
