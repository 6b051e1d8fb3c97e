/**
 * The tutorials opened from documents, by key — a leaf module, so that the document
 * reader (../read.ts, in the tutorials' chunk) and the registry that loads that chunk
 * share them without importing each other (in Node, the registry awaits the chunk as
 * it is evaluated: the chunk must not wait for the registry in turn).
 */
import type { Tutorial } from '../tutorial.ts';

/** A tutorial document as a session carries it: its text, and the http(s) URL it was fetched from, if any. */
export interface TutorialSource {
  readonly text: string;
  readonly url?: string;
}

/** Where registry keys of tutorials opened from documents start: `doc:<id>`, which no shipped id can be (ids have no colon). */
export const DOCUMENT_PREFIX = 'doc:';

/** Whether `x` is a URL a tutorial document may come from: http(s), at most 2048 characters, no spaces. */
export const isTutorialUrl = (x: unknown): x is string => typeof x === 'string' && /^https?:\/\/[^\s/?#]+[^\s]{0,2000}$/i.test(x);

/** The tutorials opened from documents, by key (read.ts registers them). */
export const documents = new Map<string, { readonly tutorial: Tutorial; readonly source: TutorialSource }>();
