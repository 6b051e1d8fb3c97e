/**
 * A tutorial document from outside (a file, pasted text, a URL, a link, an embed),
 * read as untrusted input: parsed within the format's LIMITS (document.ts), then
 * played against the engine (checkTutorial, within the engine's limits). Either it
 * reads and plays as written, or every problem found is given back with its line —
 * a tutorial with problems is never played. Loaded with the tutorials' chunk
 * (tutorials/registry.ts), which hands READER to the store.
 */
import { TutorialDocumentError, parseTutorialDocumentWithLines, type DocumentProblem } from './document.ts';
import { checkTutorial, type TutorialProblem } from './check.ts';
import type { DocumentReader, ReadTutorial } from './tutorials/registry.ts';
import { DOCUMENT_PREFIX, documents, isTutorialUrl, type TutorialSource } from './tutorials/source.ts';
import type { Tutorial } from './tutorial.ts';

/** A check problem as a document problem: its line, or the line of its step's heading when it has none. */
function atLine(p: TutorialProblem, stepLines: readonly number[]): DocumentProblem {
  const line = p.line ?? (p.step !== undefined ? stepLines[p.step - 1] : undefined) ?? 1;
  return { line, message: p.line === undefined && p.step !== undefined ? `step ${p.step}: ${p.message}` : p.message };
}

/** Reads and checks a document; never throws on what the document says. */
export function readTutorialDocument(text: string, file?: string): ReadTutorial {
  let read;
  try {
    read = parseTutorialDocumentWithLines(text, file);
  } catch (e) {
    if (e instanceof TutorialDocumentError) return { ok: false, problems: e.problems };
    // A bug while reading untrusted text still leaves a working page, with a reason.
    return { ok: false, problems: [{ line: 1, message: `unexpected error while reading the document (${String(e)})` }] };
  }
  const problems = checkTutorial(read.tutorial, read.lines);
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => atLine(p, read.lines.steps.map((s) => s.heading))) };
  return { ok: true, tutorial: read.tutorial };
}

/** Registers a tutorial read from `source` (replacing one of the same id); returns its key, `doc:<id>`. */
export function registerDocument(tutorial: Tutorial, source: TutorialSource): string {
  const key = `${DOCUMENT_PREFIX}${tutorial.id}`;
  documents.set(key, { tutorial, source: { text: source.text, ...(source.url !== undefined ? { url: source.url } : {}) } });
  return key;
}

const tutorialSource = (key: string): TutorialSource | undefined => documents.get(key)?.source;

export const READER: DocumentReader = {
  read: readTutorialDocument,

  resolve(place) {
    const held = tutorialSource(place.id);
    const carried = place.document;
    let why = '';
    if (carried && (held?.text !== carried.text || held.url !== carried.url)) {
      const read = readTutorialDocument(carried.text);
      if (!read.ok) why = read.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ');
      else {
        const id = registerDocument(read.tutorial, carried);
        if (id !== place.id) why = `the document is the tutorial "${id}", not "${place.id}"`;
      }
    } else if (!held) why = 'its document is not in the session';
    const source = tutorialSource(place.id);
    if (why || !source) {
      return `ERROR the tutorial "${place.id.slice(DOCUMENT_PREFIX.length)}" could not be opened again (${why.slice(0, 500)}): your model is kept, without the tutorial`;
    }
    return { id: place.id, step: place.step, document: source };
  },

  open(text, opts, open) {
    if (opts.url !== undefined && !isTutorialUrl(opts.url)) return { ok: false, problems: [{ line: 1, message: `"${String(opts.url).slice(0, 100)}" is not an http or https URL` }] };
    const read = readTutorialDocument(text, opts.file);
    if (!read.ok) return read;
    const id = registerDocument(read.tutorial, { text, ...(opts.url !== undefined ? { url: opts.url } : {}) });
    open(id, opts.step ?? 0);
    return { ok: true, id, problems: [] };
  },
};
