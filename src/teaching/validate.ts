/**
 * A tutorial document's live check, for the editor: every reading problem at its
 * line, or — when it reads — every problem playing it finds (checkTutorial), each at
 * its line (a problem without one at its step's heading); and the step outline, from
 * the parsed tutorial, or from the `##` headings when it does not read. Pure: the
 * editor runs it in a worker, the tests here.
 */
import { checkTutorial } from './check.ts';
import { TutorialDocumentError, parseTutorialDocumentWithLines } from './document.ts';

export interface ValidationProblem {
  readonly line: number;
  readonly message: string;
  /** `read`: the format; `play`: what the engine shows. */
  readonly kind: 'read' | 'play';
}

export interface OutlineStep {
  readonly title: string;
  readonly line: number;
  readonly stops: number;
}

export interface Validation {
  readonly problems: readonly ValidationProblem[];
  readonly outline: readonly OutlineStep[];
  /** The tutorial's title when it reads. */
  readonly title: string | null;
}

/** The `##` headings outside fenced blocks: the outline of a document that does not read. */
function headings(text: string): OutlineStep[] {
  const out: { title: string; line: number; stops: number }[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    const open = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (open !== undefined && line.startsWith(fence) && line.slice(open.length).trim() === '') fence = null;
      return;
    }
    if (open !== undefined) fence = open;
    else if (line.startsWith('## ')) out.push({ title: line.slice(3).trim(), line: i + 1, stops: 0 });
    else if (line.startsWith('### after:')) {
      const last = out[out.length - 1];
      if (last) last.stops++;
    }
  });
  return out;
}

export function validateDocument(text: string, file?: string): Validation {
  let read;
  try {
    read = parseTutorialDocumentWithLines(text, file);
  } catch (e) {
    if (!(e instanceof TutorialDocumentError)) throw e;
    return { problems: e.problems.map((p) => ({ ...p, kind: 'read' })), outline: headings(text), title: null };
  }
  const { tutorial, lines } = read;
  const problems = checkTutorial(tutorial, lines).map((p): ValidationProblem => {
    const line = p.line ?? (p.step !== undefined ? lines.steps[p.step - 1]?.heading : undefined) ?? 1;
    return { line, message: p.line === undefined && p.step !== undefined ? `step ${p.step}: ${p.message}` : p.message, kind: 'play' };
  });
  const outline = tutorial.steps.map((s, k) => ({ title: s.title, line: lines.steps[k]?.heading ?? 1, stops: s.stops?.length ?? 0 }));
  return { problems, outline, title: tutorial.title };
}
