/**
 * One command and the hooks it causes, as every driver runs them: the Timeline (which
 * keeps the history) and the streaming Runner (which keeps nothing: the CLI). Both go
 * through `runCommand`, so their traces are the same record for record.
 */
import { stateWeight } from './clone.ts';
import { applyCommand, formatCommand, type Command, type CommandResult } from './commands.ts';
import { LIMITS, hookLimitNote } from './limits.ts';
import type { JujuVersion, SimState } from './model.ts';
import { createState, hasWork, stalledNote, step, worthWaiting, type StepChoice } from './sim.ts';
import type { TraceSink } from './trace.ts';

export interface ApplyOptions {
  /** The text to show for the command (defaults to its canonical form). */
  readonly text?: string;
  /** Run hooks after it: 'idle' until no unit has work, a number for that many, 'none'. */
  readonly run?: 'idle' | 'none' | number;
  /** Run at most this many now (the rest of the run can be computed elsewhere, from `runStart`). */
  readonly max?: number;
  /**
   * Stop running hooks once this says so (asked every few hooks): the page's time
   * budget for one task (the engine itself has no clock); the rest of the run goes
   * elsewhere, as with `max`.
   */
  readonly outOfTime?: () => boolean;
}

export interface Checkpoint {
  readonly tick: number;
  readonly state: SimState;
}

/** Fewest ticks between checkpoints (a small model's: replay from one costs well under a frame). */
export const CHECKPOINT_INTERVAL = 1024;
/** Most ticks between checkpoints: replaying this many hooks of a big model takes ~10-20 ms. */
export const MAX_CHECKPOINT_INTERVAL = 8192;
/** What checkpoints may cost per tick of history (issue 11: at most 300 bytes a tick, trace records included). */
export const CHECKPOINT_BYTES_PER_TICK = 160;

/**
 * The tick of the checkpoint after one taken at `tick` of `state`: a big model's copy
 * costs ~1 MB, so its checkpoints are spaced to cost at most CHECKPOINT_BYTES_PER_TICK
 * a tick, within [CHECKPOINT_INTERVAL, MAX_CHECKPOINT_INTERVAL]. A function of the
 * state, so a run computed elsewhere puts its checkpoints on the same ticks.
 */
export function nextCheckpointTick(state: SimState, tick: number): number {
  const spacing = Math.ceil(stateWeight(state) / CHECKPOINT_BYTES_PER_TICK);
  return tick + Math.min(MAX_CHECKPOINT_INTERVAL, Math.max(CHECKPOINT_INTERVAL, spacing));
}
/** Hooks between two questions to `outOfTime`. */
const ASK_EVERY = 8;

/** Safety stop for 'idle' runs (a charm that keeps writing could run forever): relviz's limit of hooks per command. */
export const MAX_HOOKS_PER_COMMAND = LIMITS.hooksPerCommand;

/** The unit (and, for the first hook only, the candidate) a manual step chooses; none for other commands. */
export function manualChoice(command: Command, hookIndex: number): StepChoice | undefined {
  if (command.type !== 'step' || command.unit === null) return undefined;
  return { unit: command.unit, pick: hookIndex === 0 ? command.pick : null };
}

/**
 * Whether a command takes a tick of its own. Model changes do (the scrubber can stop
 * between `juju remove-unit` and its first hook); `step` and `wait` change nothing
 * themselves, so they are only their hooks — no frame where nothing moved.
 */
export function commandTicks(command: Command): 0 | 1 {
  return command.type === 'step' || command.type === 'wait' ? 0 : 1;
}

/** How many hooks a command runs by default: steps run their count, juju commands settle. */
export function defaultRun(cmd: Command): 'idle' | number {
  if (cmd.type === 'step') return cmd.count;
  return 'idle';
}

/** What a command's wait was: since which operation, and whether until idle. */
export interface Wait {
  readonly since: number;
  readonly idle: boolean;
}

export interface CommandRun {
  readonly result: CommandResult;
  readonly text: string;
  /** Whether the command is a tick of its own. */
  readonly own: 0 | 1;
  readonly hooks: number;
  readonly wait: Wait;
}

/**
 * Applies `command` to `state` and runs the hooks it causes (as `opts.run` says, at most
 * `opts.max`, until `opts.outOfTime`); every record goes to `push`, and `onTick` is
 * called after the command's own tick and after each hook.
 */
export function runCommand(state: SimState, command: Command, opts: ApplyOptions, push: TraceSink, onTick: () => void): CommandRun {
  const text = opts.text ?? formatCommand(command);
  const result = applyCommand(state, command, push, text);
  const own = commandTicks(command);
  if (own) onTick();
  const run = result.exitCode !== 0 && command.type === 'step' ? 'none' : (opts.run ?? defaultRun(command));
  const limit = Math.min(run === 'none' ? 0 : run === 'idle' ? MAX_HOOKS_PER_COMMAND : run, opts.max ?? Number.POSITIVE_INFINITY);
  const wait = { since: state.seq, idle: run === 'idle' };
  let hooks = 0;
  // A manual `step n --unit u` stops early, quietly, once u has nothing more to run.
  const manualUnit = command.type === 'step' ? command.unit : null;
  const outOfTime = opts.outOfTime ?? (() => false);
  while (
    hooks < limit &&
    (hooks % ASK_EVERY !== 0 || !outOfTime()) &&
    (manualUnit === null || state.readyIndex.has(manualUnit)) &&
    (!wait.idle || worthWaiting(state, wait.since)) &&
    step(state, push, manualChoice(command, hooks))
  ) {
    hooks++;
    onTick();
  }
  return { result, text, own, hooks, wait };
}

/** Why a run stopped with work left: the limit of hooks per command, or retries of hooks that keep failing ('' if neither). */
export function endNoteOf(state: SimState, hooks: number, wait: Wait | undefined): string {
  const hasMore = wait?.idle ? worthWaiting(state, wait.since) : hasWork(state);
  if (hooks >= MAX_HOOKS_PER_COMMAND && hasMore) return `${hookLimitNote(hooks)}\n`;
  return stalledNote(state);
}

/**
 * Commands run one after another on one state, keeping nothing — no trace, no
 * checkpoints: what a stream of records needs (the CLI), in memory that does not grow
 * with the number of hooks.
 */
export class Runner {
  readonly state: SimState;
  private last: CommandRun | null = null;

  constructor(opts: { seed?: number; juju?: JujuVersion } = {}) {
    this.state = createState(opts);
  }

  apply(command: Command, opts: ApplyOptions, sink: TraceSink): CommandResult {
    this.last = runCommand(this.state, command, opts, sink, () => {});
    return this.last.result;
  }

  /** Why the last run stopped with work left ('' if it did not). */
  get endNote(): string {
    return endNoteOf(this.state, this.last?.hooks ?? 0, this.last?.wait);
  }
}
