/**
 * Which of the history's inspection commands the console prints, and when (pure:
 * no DOM, no React; tested in test/ui/scriptEcho.test.ts). A loaded script (the
 * example) has `juju run --unit … relation-get …` and `juju status` lines that are
 * there for their output; the console shows it as if they had been typed:
 *
 * - when the cursor passes the command's tick moving forward in the flow of the
 *   history — playing, or one step forward (the Step button, →);
 * - not on a jump (dragging the scrubber, going to the end, picking a hook in the
 *   log or the swimlanes): a jump skips what it passes over, which a later step or
 *   play over it still prints;
 * - once per command of the history: scrubbing back and playing over it again
 *   prints nothing more. A history rebuilt with the same commands from the start
 *   (another seed, the same script loaded again) keeps what was printed;
 * - never for commands typed in the console (printed when typed) or made by a
 *   click, and not while a tutorial is open (it echoes its own step's inspections).
 */
import { commandTicks, type Timeline } from '../../engine/timeline.ts';
import type { Command } from '../../engine/commands.ts';
import type { SessionInput } from '../../store/session.ts';
import type { ConsoleEntry, RelvizState } from '../../store/store.ts';

/** What the echo reads of the store. */
export type EchoSource = Pick<RelvizState, 'timeline' | 'generation' | 'inputs' | 'cursor' | 'playing' | 'tutorial'>;

/** Commands that only look at the model: their output is why they are in a script. */
export function isInspection(command: Command): boolean {
  switch (command.type) {
    case 'exec':
    case 'status':
    case 'show-unit':
      return true;
    case 'model-config':
      return command.settings.length === 0;
    default:
      return false;
  }
}

/** A cursor move in the flow of the history (playing, or one step forward), not a jump. */
export function inFlow(from: number, to: number, playing: boolean): boolean {
  return to > from && (playing || to - from === 1);
}

/** How many inputs two histories share from the start (same command lines). */
function sharedPrefix(a: readonly SessionInput[], b: readonly SessionInput[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n]?.text === b[n]?.text) n++;
  return n;
}

/** Follows the store from one state to the next and says what the console prints. */
export class ScriptEcho {
  private timeline: Timeline;
  private generation: number;
  private inputs: readonly SessionInput[];
  private cursor: number;
  /** Entries (log indexes) of this history whose output the console has shown. */
  private readonly printed = new Set<number>();

  constructor(s: EchoSource) {
    this.timeline = s.timeline;
    this.generation = s.generation;
    this.inputs = s.inputs;
    this.cursor = s.cursor;
  }

  /** The console entries to print now that the store is at `s` (`wasPlaying`: it was playing just before). */
  update(s: EchoSource, wasPlaying: boolean): ConsoleEntry[] {
    const from = this.cursor;
    // (A rebuild may keep the timeline object, cut back to the commands it shares.)
    const rebuilt = s.timeline !== this.timeline || s.generation !== this.generation;
    const changed = rebuilt || s.inputs !== this.inputs;
    const shared = changed ? sharedPrefix(this.inputs, s.inputs) : 0;
    this.timeline = s.timeline;
    this.generation = s.generation;
    this.inputs = s.inputs;
    this.cursor = s.cursor;
    if (changed) {
      // Past the shared start the history is new: forget what was printed of the old one there.
      for (const e of [...this.printed]) if (e >= shared) this.printed.delete(e);
      // Commands just typed or clicked in this history printed what they had to, when they ran.
      if (!rebuilt) for (let e = shared; e < s.inputs.length; e++) this.printed.add(e);
      return [];
    }
    if (s.tutorial !== null || !inFlow(from, s.cursor, s.playing || wasPlaying)) return [];
    return this.passed(from, s.cursor);
  }

  /** The unprinted inspections whose command tick lies in [from, to). */
  private passed(from: number, to: number): ConsoleEntry[] {
    const t = this.timeline;
    const out: ConsoleEntry[] = [];
    for (let e = t.entryAt(from), last = t.entryAt(to - 1); e <= last; e++) {
      const input = this.inputs[e];
      const tick = t.entryStartTick(e);
      if (!input || tick < from || tick >= to || this.printed.has(e)) continue;
      if (commandTicks(input.command) === 0 || !isInspection(input.command)) continue;
      const record = t.fullTrace.at(t.traceIndexAt(tick));
      if (record?.type !== 'command') continue;
      this.printed.add(e);
      out.push({ input: input.text, stdout: record.stdout, stderr: record.stderr, exitCode: record.exitCode });
    }
    return out;
  }
}
