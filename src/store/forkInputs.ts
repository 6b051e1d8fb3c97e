/**
 * Where a history forks at its cursor, in terms of the inputs it was built from: the
 * inputs that survive acting there (entries before the cursor, and an entry cut in the
 * middle keeping only the hooks it had run — the timeline forks the same way), and
 * those that came after (to be re-applied by a re-run with edited code).
 */
import { commandTicks, type Timeline } from '../engine/timeline.ts';
import type { SessionInput } from './session.ts';

export interface ForkedInputs {
  readonly kept: SessionInput[];
  /** The run the entry cut at the cursor had left (null: the cursor is between entries). */
  readonly cutRest: SessionInput['run'] | null;
  readonly after: SessionInput[];
}

export function forkInputs(t: Timeline, inputs: readonly SessionInput[]): ForkedInputs {
  if (t.cursor >= t.length) return { kept: [...inputs], cutRest: null, after: [] };
  const e = t.entryAt(t.cursor);
  const start = t.entryStartTick(e);
  if (start === t.cursor) {
    // As the timeline forks: hook-less step/wait entries starting at the cursor go too.
    let cut = e;
    while (cut > 0 && t.entryStartTick(cut - 1) >= t.cursor) cut--;
    return { kept: inputs.slice(0, cut), cutRest: null, after: inputs.slice(cut) };
  }
  const kept = inputs.slice(0, e + 1);
  const last = kept[e];
  let cutRest: SessionInput['run'] | null = null;
  if (last) {
    const ran = t.cursor - start - commandTicks(last.command);
    kept[e] = { ...last, run: ran };
    cutRest = typeof last.run === 'number' ? Math.max(0, last.run - ran) : last.run;
  }
  return { kept, cutRest, after: inputs.slice(e + 1) };
}
