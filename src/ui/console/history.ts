/**
 * Shell-like command history for the console (pure): ArrowUp walks back through the
 * lines entered, ArrowDown forward, and stepping past the newest brings back the
 * draft that was being typed before ArrowUp.
 */

/** Where the user is in the history: null while editing the draft. */
export interface HistoryPosition {
  readonly index: number;
  /** The line being typed before the first ArrowUp. */
  readonly draft: string;
}

export interface HistoryStep {
  readonly line: string;
  readonly position: HistoryPosition | null;
}

/** The entered lines, oldest first, without immediate repeats (as bash's ignoredups). */
export function historyOf(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of inputs) {
    const line = raw.trim();
    if (line !== '' && out[out.length - 1] !== line) out.push(line);
  }
  return out;
}

/** ArrowUp: the previous line (stays on the oldest); null when there is no history. */
export function historyUp(history: readonly string[], position: HistoryPosition | null, line: string): HistoryStep | null {
  if (history.length === 0) return null;
  const index = position === null ? history.length - 1 : Math.max(0, Math.min(position.index, history.length) - 1);
  return { line: history[index] as string, position: { index, draft: position?.draft ?? line } };
}

/** ArrowDown: the next line, or back to the draft past the newest; null when already on the draft. */
export function historyDown(history: readonly string[], position: HistoryPosition | null): HistoryStep | null {
  if (position === null) return null;
  const index = position.index + 1;
  if (index >= history.length) return { line: position.draft, position: null };
  return { line: history[index] as string, position: { index, draft: position.draft } };
}
