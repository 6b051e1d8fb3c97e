/**
 * A tutorial document from outside (a file, pasted text, a URL, a link, an embed),
 * read as untrusted input: parsed within the format's LIMITS (document.ts), then
 * played against the engine (checkTutorial, within the engine's limits). Either it
 * reads and plays as written, or every problem found is given back with its line —
 * a tutorial with problems is never played.
 */
import { TutorialDocumentError, parseTutorialDocumentWithLines, type DocumentProblem } from './document.ts';
import { checkTutorial, type TutorialProblem } from './check.ts';
import type { Tutorial } from './tutorial.ts';

export type ReadTutorial = { readonly ok: true; readonly tutorial: Tutorial } | { readonly ok: false; readonly problems: readonly DocumentProblem[] };

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
