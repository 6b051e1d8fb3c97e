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
import { manualChoice, nextCheckpointTick, type Checkpoint } from './run.ts';
import { TraceWriter, type EncodedTrace } from './traceStore.ts';

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
  /** The Timeline's string table (traceStore.ts): the run's records are written against a copy. */
  readonly strings: readonly string[];
  /** Tick of the Timeline's next checkpoint (see `nextCheckpointTick`). */
  readonly nextCheckpoint: number;
  /** Most hooks to run. */
  readonly limit: number;
}

export interface RunChunk {
  readonly hooks: number;
  /** The records, encoded (bytes, not objects: a chunk crosses to the page cheaply, its buffers transferred). */
  readonly trace: EncodedTrace;
  /** How many records each hook tick wrote, in order (one entry per hook). */
  readonly recordsPerTick: Int32Array;
  readonly checkpoints: readonly Checkpoint[];
  /** Tick of the next checkpoint after this chunk's. */
  readonly nextCheckpoint: number;
  /**
   * The last chunk's: the state at the end of the run, so the Timeline need not rebuild
   * it by replaying from its newest checkpoint (up to MAX_CHECKPOINT_INTERVAL hooks).
   */
  readonly end: SimState | null;
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
  private nextCheckpoint: number;
  private left: number;
  private finished = false;
  private readonly writer: TraceWriter;

  constructor(start: RunStart) {
    this.state = start.state;
    this.command = start.command;
    this.manualUnit = start.command.type === 'step' ? start.command.unit : null;
    this.waitSince = start.waitSince;
    this.hooks = start.hooksSoFar;
    this.tick = start.tick;
    this.nextCheckpoint = start.nextCheckpoint;
    this.left = start.limit;
    this.writer = new TraceWriter(start.strings);
  }

  get done(): boolean {
    return this.finished;
  }

  /** Runs up to `max` more hooks. */
  next(max: number): RunChunk {
    const writer = this.writer;
    const recordsPerTick: number[] = [];
    const checkpoints: Checkpoint[] = [];
    const push = writer.push.bind(writer);
    const state = this.state;
    let n = 0;
    while (!this.finished && n < max) {
      const canRun =
        this.left > 0 &&
        (this.manualUnit === null || state.readyIndex.has(this.manualUnit)) &&
        (this.waitSince === null || worthWaiting(state, this.waitSince));
      const before = writer.length;
      if (!canRun || !step(state, push, manualChoice(this.command, this.hooks))) {
        this.finished = true;
        break;
      }
      n++;
      this.hooks++;
      this.left--;
      this.tick++;
      recordsPerTick.push(writer.length - before);
      // The same rule as Timeline.tickDone, so checkpoints land on the same ticks.
      if (this.tick >= this.nextCheckpoint) {
        checkpoints.push({ tick: this.tick, state: cloneState(state) });
        this.nextCheckpoint = nextCheckpointTick(state, this.tick);
      }
    }
    // Finishing exactly at the limit is known now, without another round trip.
    if (this.left === 0) this.finished = true;
    const end = this.finished && n > 0 ? cloneState(state) : null;
    return { hooks: n, trace: writer.take(), recordsPerTick: Int32Array.from(recordsPerTick), checkpoints, nextCheckpoint: this.nextCheckpoint, end, done: this.finished };
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

/** The buffers a chunk can hand over rather than copy (postMessage's transfer list). */
export function chunkTransfer(chunk: RunChunk): ArrayBuffer[] {
  return [chunk.trace.bytes.buffer as ArrayBuffer, chunk.trace.offsets.buffer as ArrayBuffer, chunk.recordsPerTick.buffer as ArrayBuffer];
}

/** Revives every state in a chunk that crossed a structured clone. */
export function reviveChunk(chunk: RunChunk): RunChunk {
  for (const c of chunk.checkpoints) reviveState(c.state);
  if (chunk.end) reviveState(chunk.end);
  return chunk;
}
