/**
 * A long run computed away from its Timeline — in a Web Worker, or in slices between
 * frames — and handed back in chunks. A HookRun starts from a copy of the live state
 * and carries it forward; each chunk holds what the Timeline would have recorded had
 * it run the hooks itself: the records of every tick and the checkpoints at the same
 * ticks. `Timeline.adopt` appends a chunk. Every choice comes from the PRNG inside the
 * state, so adopting chunks gives the same history as running in place, bit for bit.
 *
 * Chunks cross a worker boundary by structured clone, which drops class prototypes:
 * `reviveState` puts them back on a received state.
 */
import type { Command } from './commands.ts';
import { cloneState } from './clone.ts';
import { MemberTable, UnitHeap } from './heap.ts';
import type { SimState } from './model.ts';
import { step, worthWaiting } from './sim.ts';
import { CHECKPOINT_INTERVAL, manualChoice, type Checkpoint } from './run.ts';
import type { TraceRecord } from './trace.ts';

/** Where a run picks up: `Timeline.runStart` makes one. */
export interface RunStart {
  /** A private copy of the live state (the run mutates it). */
  readonly state: SimState;
  /** The command whose hooks these are (a manual step chooses its unit). */
  readonly command: Command;
  /** For a command that waits until idle: the seq its wait started at (see `worthWaiting`); null for counted runs. */
  readonly waitSince: number | null;
  /** Hooks the entry has run already. */
  readonly hooksSoFar: number;
  /** The Timeline's length when the run starts. */
  readonly tick: number;
  /** Tick of the Timeline's last checkpoint. */
  readonly lastCheckpoint: number;
  /** Most hooks to run. */
  readonly limit: number;
}

export interface RunChunk {
  readonly hooks: number;
  readonly records: readonly TraceRecord[];
  /** How many of `records` each hook tick wrote, in order (one entry per hook). */
  readonly recordsPerTick: readonly number[];
  readonly checkpoints: readonly Checkpoint[];
  /** No more hooks: the model is idle, the limit is reached, or a manual step's unit has nothing left. */
  readonly done: boolean;
}

export class HookRun {
  private readonly state: SimState;
  private readonly command: Command;
  private readonly manualUnit: string | null;
  private readonly waitSince: number | null;
  private hooks: number;
  private tick: number;
  private lastCheckpoint: number;
  private left: number;
  private finished = false;

  constructor(start: RunStart) {
    this.state = start.state;
    this.command = start.command;
    this.manualUnit = start.command.type === 'step' ? start.command.unit : null;
    this.waitSince = start.waitSince;
    this.hooks = start.hooksSoFar;
    this.tick = start.tick;
    this.lastCheckpoint = start.lastCheckpoint;
    this.left = start.limit;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Runs up to `max` more hooks. */
  next(max: number): RunChunk {
    const records: TraceRecord[] = [];
    const recordsPerTick: number[] = [];
    const checkpoints: Checkpoint[] = [];
    const push = (r: TraceRecord) => records.push(r);
    const state = this.state;
    let n = 0;
    while (!this.finished && n < max) {
      const canRun =
        this.left > 0 &&
        (this.manualUnit === null || state.readyIndex.has(this.manualUnit)) &&
        (this.waitSince === null || worthWaiting(state, this.waitSince));
      const before = records.length;
      if (!canRun || !step(state, push, manualChoice(this.command, this.hooks))) {
        this.finished = true;
        break;
      }
      n++;
      this.hooks++;
      this.left--;
      this.tick++;
      recordsPerTick.push(records.length - before);
      // The same rule as Timeline.tickDone, so checkpoints land on the same ticks.
      if (this.tick - this.lastCheckpoint >= CHECKPOINT_INTERVAL) {
        checkpoints.push({ tick: this.tick, state: cloneState(state) });
        this.lastCheckpoint = this.tick;
      }
    }
    // Finishing exactly at the limit is known now, without another round trip.
    if (this.left === 0) this.finished = true;
    return { hooks: n, records, recordsPerTick, checkpoints, done: this.finished };
  }
}

/** Gives a state that crossed a structured clone its class instances back (in place). */
export function reviveState(state: SimState): SimState {
  for (const unit of state.units.values()) {
    for (const l of unit.agent.relations.values()) {
      Object.setPrototypeOf(l.members, MemberTable.prototype);
      Object.setPrototypeOf(l.joinQueue, UnitHeap.prototype);
      Object.setPrototypeOf(l.changedQueue, UnitHeap.prototype);
      Object.setPrototypeOf(l.departQueue, UnitHeap.prototype);
    }
  }
  return state;
}

/** Revives every state in a chunk that crossed a structured clone. */
export function reviveChunk(chunk: RunChunk): RunChunk {
  for (const c of chunk.checkpoints) reviveState(c.state);
  return chunk;
}
