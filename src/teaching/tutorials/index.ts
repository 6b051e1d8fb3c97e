/**
 * The tutorials shipped with relviz, read from their documents (`<id>.md` beside this
 * file, docs/tutorial-format.md), in menu order (list.ts). In the page and under
 * vitest, Vite brings the documents' text in as strings; under plain Node (tsx: the
 * CLI's and the benches' entries), which knows no `?raw`, they are read from disk.
 */
import { parseTutorialDocument } from '../document.ts';
import type { Tutorial } from '../tutorial.ts';
import { TUTORIAL_LIST } from './list.ts';

const viteless = (import.meta as { env?: unknown }).env === undefined;

async function fromDisk(): Promise<Record<string, string>> {
  const fs = 'node:fs'; // hidden from Vite: the page never takes this branch
  const { readFileSync } = (await import(/* @vite-ignore */ fs)) as { readFileSync(path: URL, encoding: 'utf8'): string };
  return Object.fromEntries(TUTORIAL_LIST.map((e) => [`./${e.id}.md`, readFileSync(new URL(`./${e.id}.md`, import.meta.url), 'utf8')]));
}

const texts: Record<string, string> = viteless ? await fromDisk() : import.meta.glob<string>('./*.md', { query: '?raw', import: 'default', eager: true });

/** Each shipped tutorial's document, by id, in menu order. */
export const TUTORIAL_DOCUMENTS: ReadonlyMap<string, string> = new Map(
  TUTORIAL_LIST.map((e) => {
    const text = texts[`./${e.id}.md`];
    if (text === undefined) throw new Error(`no document for the tutorial "${e.id}" (src/teaching/tutorials/${e.id}.md)`);
    return [e.id, text];
  }),
);

export const TUTORIALS: readonly Tutorial[] = [...TUTORIAL_DOCUMENTS].map(([id, text]) => parseTutorialDocument(text, `${id}.md`));

export function tutorialById(id: string): Tutorial | undefined {
  return TUTORIALS.find((t) => t.id === id);
}

/** A shipped tutorial, for tests and tools that name one; throws when there is none. */
export function shippedTutorial(id: string): Tutorial {
  const t = tutorialById(id);
  if (!t) throw new Error(`no shipped tutorial "${id}"`);
  return t;
}
