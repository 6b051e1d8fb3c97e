/**
 * Time travel as raftscope and Redux DevTools do it: the history is a log of
 * commands plus checkpoints. Every log entry is one "command tick" (the model
 * change) followed by the hook ticks it ran; `seek(t)` restores the nearest
 * checkpoint at or before t and replays; applying a command while rewound forks
 * (drops the future). Replaying a log gives a bit-identical state and trace,
 * because every choice comes from the PRNG inside the state.
 */
import { cloneState } from './clone.ts';
import { applyCommand, type Command, type CommandResult } from './commands.ts';
import type { JujuVersion, SimState } from './model.ts';
import { CHECKPOINT_INTERVAL, commandTicks, endNoteOf, manualChoice, nextCheckpointTick, runCommand, type ApplyOptions, type Checkpoint } from './run.ts';
import { behaviourOf, createState, hasWork, step, worthWaiting } from './sim.ts';
import { replayBehaviour } from './python.ts';
import type { BehaviourLookup } from './runner.ts';
import type { RunChunk, RunStart } from './hookrun.ts';
import type { TraceList, TraceRecord, TraceSink } from './trace.ts';
import { IntList, TraceStore } from './traceStore.ts';

export interface LogEntry {
  readonly command: Command;
  /** The command as the user wrote it. */
  readonly text: string;
  /** Hooks run after the command (its implicit or explicit wait, or its steps). */
  readonly hooks: number;
}

export interface TimelineLog {
  readonly seed: number;
  readonly juju: JujuVersion;
  readonly entries: readonly LogEntry[];
}

export { CHECKPOINT_INTERVAL, MAX_CHECKPOINT_INTERVAL, MAX_HOOKS_PER_COMMAND, commandTicks, defaultRun, manualChoice, type ApplyOptions, type Checkpoint } from './run.ts';

/** Scratch states a Timeline keeps for seeking back (see `Timeline.scratch`). */
const SCRATCH_STATES = 2;

export class Timeline {
  readonly seed: number;
  readonly juju: JujuVersion;
  private entries: LogEntry[] = [];
  /** First tick of each entry. */
  private entryStart: number[] = [];
  /** Per entry: seq right after its command, and whether it waits until idle (for runs continued elsewhere). */
  private entryWait: Array<{ since: number; idle: boolean }> = [];
  /** Trace length before tick t, for t in [0, length]. */
  private traceStart = new IntList();
  private records = new TraceStore();
  private checkpoints: Checkpoint[];
  /** Tick of the next checkpoint (`nextCheckpointTick` of the last one). */
  private nextCheckpoint: number;
  /**
   * States that scrubbing passed through (the last CHECKPOINT_INTERVAL boundary before a
   * small move's target, when far from a checkpoint), a few at most: scrubbing back
   * within a sparse span then replays little. Memory that does not grow with the history.
   */
  private scratch: Checkpoint[] = [];
  private live: SimState;
  /** Ticks were adopted from a run computed elsewhere: `live` is behind and is rebuilt on demand. */
  private liveStale = false;
  private view: SimState;
  private viewTick = 0;
  private total = 0;

  constructor(opts: { seed?: number; juju?: JujuVersion } = {}) {
    this.seed = opts.seed ?? 1;
    this.juju = opts.juju ?? '3.6';
    this.live = createState({ seed: this.seed, juju: this.juju });
    this.view = this.live;
    this.checkpoints = [{ tick: 0, state: cloneState(this.live) }];
    this.traceStart.push(0);
    this.nextCheckpoint = nextCheckpointTick(this.live, 0);
  }

  /** Rebuilds a timeline from a log (seed, version, entries), cursor at the end. */
  static fromLog(log: TimelineLog): Timeline {
    const t = new Timeline({ seed: log.seed, juju: log.juju });
    for (const e of log.entries) t.apply(e.command, { text: e.text, run: e.hooks });
    return t;
  }

  get log(): TimelineLog {
    return { seed: this.seed, juju: this.juju, entries: [...this.entries] };
  }

  /** Hooks run so far by the last log entry (0 when there is none). */
  get lastEntryHooks(): number {
    return this.entries[this.entries.length - 1]?.hooks ?? 0;
  }

  /**
   * Whether the last entry could run more hooks at the end of the history: some unit
   * has one to run (or, for a command that waits until idle, an automatic retry is
   * worth waiting for).
   */
  get endHasWork(): boolean {
    const state = this.liveState();
    const wait = this.entryWait[this.entryWait.length - 1];
    return wait?.idle ? worthWaiting(state, wait.since) : hasWork(state);
  }

  /**
   * Why the last run stopped with work left: the automatic retries of hooks that keep
   * failing, or the limit of hooks per command ('' if neither).
   */
  get endNote(): string {
    return endNoteOf(this.liveState(), this.lastEntryHooks, this.entryWait[this.entryWait.length - 1]);
  }

  /** The state at the cursor. Treat as read-only. */
  get state(): SimState {
    return this.view;
  }

  get cursor(): number {
    return this.viewTick;
  }

  get length(): number {
    return this.total;
  }

  /** Trace records up to the cursor, materialised as an array: for tests and small histories (read `fullTrace` by index otherwise). */
  get trace(): TraceRecord[] {
    return this.records.slice(0, this.traceStart.at(this.viewTick));
  }

  /**
   * All trace records of the whole history (past the cursor too; those before the
   * cursor end at `traceIndexAt(cursor)`), materialised as they are read.
   */
  get fullTrace(): TraceList {
    return this.records;
  }

  /** Bytes the trace records take (see traceStore.ts). */
  get traceBytes(): number {
    return this.records.byteLength;
  }

  /** Index into `fullTrace` of the first record of tick t. */
  traceIndexAt(tick: number): number {
    return this.traceStart.at(Math.max(0, Math.min(tick, this.total))) ?? this.records.length;
  }

  /** The first tick of log entry e (its command tick). */
  entryStartTick(e: number): number {
    return this.entryStart[e] ?? this.total;
  }

  /** The tick whose records include trace record `index` (the cursor after it is tick + 1). */
  tickOfRecord(index: number): number {
    let lo = 0;
    let hi = this.total - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.traceStart.at(mid) as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Which log entry tick t (0-based, t < length) belongs to. */
  entryAt(tick: number): number {
    let lo = 0;
    let hi = this.entryStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.entryStart[mid] as number) <= tick) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Applies a command at the cursor (forking if rewound), then runs its hooks.
   * Returns the command's result; records go to the trace (and to `sink`).
   */
  apply(command: Command, opts: ApplyOptions = {}, sink?: TraceSink): CommandResult {
    if (this.viewTick < this.total) this.fork();
    const state = this.liveState();
    const push: TraceSink = (r) => {
      this.records.push(r);
      sink?.(r);
    };
    const { result, text, own, hooks, wait } = runCommand(state, command, opts, push, () => this.tickDone());
    this.entryStart.push(this.total - hooks - own);
    this.entryWait.push(wait);
    this.entries.push({ command, text, hooks });
    this.viewTick = this.total;
    this.view = state;
    return result;
  }

  /**
   * Where a run of up to `limit` more hooks for the last entry starts, to be computed
   * elsewhere (a Web Worker, or slices between frames) and handed back to `adopt`.
   * Null when there is no entry.
   */
  runStart(limit: number): RunStart | null {
    const entry = this.entries[this.entries.length - 1];
    const wait = this.entryWait[this.entryWait.length - 1];
    if (!entry || !wait) return null;
    return {
      state: cloneState(this.liveState()),
      command: entry.command,
      waitSince: wait.idle ? wait.since : null,
      hooksSoFar: entry.hooks,
      tick: this.total,
      strings: this.records.stringTable(),
      nextCheckpoint: this.nextCheckpoint,
      limit,
    };
  }

  /**
   * Appends a chunk of a run made from `runStart` (in order, none skipped, nothing
   * applied in between): its hooks become the last entry's. The cursor stays where
   * it is; the live state is rebuilt from the newest checkpoint when next needed.
   */
  adopt(chunk: RunChunk): void {
    if (chunk.hooks === 0) return;
    const e = this.entries.length - 1;
    const entry = this.entries[e];
    if (!entry) throw new Error('adopt: the timeline has no entry to continue');
    this.records.append(chunk.trace);
    let at = this.traceStart.at(this.total) as number;
    for (const n of chunk.recordsPerTick) {
      at += n;
      this.traceStart.push(at);
    }
    this.total += chunk.hooks;
    for (const c of chunk.checkpoints) this.checkpoints.push(c);
    this.nextCheckpoint = chunk.nextCheckpoint;
    this.entries[e] = { ...entry, hooks: entry.hooks + chunk.hooks };
    if (chunk.end) {
      // The run's own end state (a copy): the live state without a replay.
      this.live = chunk.end;
      this.liveStale = false;
      if (this.viewTick === this.total) this.view = this.live;
    } else this.liveStale = true;
  }

  /** The state at the end of the history (rebuilt after adopted ticks). */
  private liveState(): SimState {
    if (this.liveStale) {
      const cp = this.nearestCheckpoint(this.total);
      const state = cloneState(cp.state);
      this.replay(state, cp.tick, this.total);
      this.live = state;
      this.liveStale = false;
      if (this.viewTick === this.total) this.view = state;
    }
    return this.live;
  }

  private tickDone(): void {
    this.total++;
    this.traceStart.push(this.records.length);
    if (this.total >= this.nextCheckpoint) {
      this.checkpoints.push({ tick: this.total, state: cloneState(this.live) });
      this.nextCheckpoint = nextCheckpointTick(this.live, this.total);
    }
  }

  /**
   * Drops the history after tick `tick` (as acting there would), cursor at `tick`:
   * undo uses it to go back to a shorter command log without recomputing the rest.
   */
  truncate(tick: number): void {
    this.seek(tick);
    if (this.viewTick < this.total) this.fork();
  }

  /** Drops the future beyond the cursor; the state at the cursor becomes the live state. */
  private fork(): void {
    const t = this.viewTick;
    const e = t < this.total ? this.entryAt(t) : this.entries.length;
    const start = this.entryStart[e] ?? this.total;
    if (start < t) {
      // The cursor is inside entry e: keep its command and the hooks run so far.
      const entry = this.entries[e] as LogEntry;
      this.entries[e] = { ...entry, hooks: t - start - commandTicks(entry.command) };
      this.entries.length = e + 1;
      this.entryStart.length = e + 1;
      this.entryWait.length = e + 1;
    } else {
      // Cut before every entry starting at t, including hook-less step/wait entries there.
      let cut = e;
      while (cut > 0 && (this.entryStart[cut - 1] as number) >= t) cut--;
      this.entries.length = cut;
      this.entryStart.length = cut;
      this.entryWait.length = cut;
    }
    this.records.truncate(this.traceStart.at(t) as number);
    this.traceStart.truncate(t + 1);
    this.checkpoints = this.checkpoints.filter((c) => c.tick <= t);
    this.scratch = this.scratch.filter((c) => c.tick <= t);
    const last = this.checkpoints[this.checkpoints.length - 1] as Checkpoint;
    this.nextCheckpoint = nextCheckpointTick(last.state, last.tick);
    this.total = t;
    this.live = this.view;
    this.liveStale = false;
  }

  /** Moves the cursor to tick t (0 … length): the state after t ticks. */
  seek(tick: number): void {
    const t = Math.max(0, Math.min(Math.floor(tick), this.total));
    if (t === this.viewTick) return;
    if (t === this.total) {
      this.view = this.liveState();
      this.viewTick = t;
      return;
    }
    let from: number;
    let state: SimState;
    const cp = this.restorePoint(t);
    if (this.view !== this.live && this.viewTick <= t && this.viewTick >= cp.tick) {
      from = this.viewTick; // Continue forward from the view: no copy needed.
      state = this.view;
    } else {
      from = cp.tick;
      state = cloneState(cp.state);
    }
    // Scrubbing (a small move) with a long replay keeps the state at the last boundary before t, for the seeks back that come next.
    const boundary = t - (t % CHECKPOINT_INTERVAL);
    if (Math.abs(t - this.viewTick) < CHECKPOINT_INTERVAL && boundary - from >= CHECKPOINT_INTERVAL) {
      this.replay(state, from, boundary);
      this.scratch = [...this.scratch.slice(1 - SCRATCH_STATES), { tick: boundary, state: cloneState(state) }];
      from = boundary;
    }
    this.replay(state, from, t);
    this.view = state;
    this.viewTick = t;
  }

  /** The checkpoint or scratch state nearest before tick t. */
  private restorePoint(t: number): Checkpoint {
    let best = this.nearestCheckpoint(t);
    for (const c of this.scratch) if (c.tick <= t && c.tick > best.tick) best = c;
    return best;
  }

  /** A copy of the state after `tick` ticks, the cursor left where it is (what the inspector derives from). */
  stateAt(tick: number): SimState {
    const t = Math.max(0, Math.min(Math.floor(tick), this.total));
    const cp = this.restorePoint(t);
    const state = cloneState(t === this.total ? this.liveState() : cp.state);
    if (t !== this.total) this.replay(state, cp.tick, t);
    return state;
  }

  /**
   * Visits the state after each of `ticks` (ascending), the cursor left where it is: one
   * copy replayed forward, restarted from a checkpoint only where one is nearer, so
   * reading many ticks (every hook a unit ran, say) costs one replay, not one each.
   * `visit` reads the state; it must not change it.
   */
  visitStates(ticks: readonly number[], visit: (tick: number, state: SimState) => void): void {
    let state: SimState | null = null;
    let at = 0;
    for (const tick of ticks) {
      const t = Math.max(0, Math.min(Math.floor(tick), this.total));
      if (state !== null && t < at) throw new Error('visitStates: ticks must be ascending');
      const cp = this.restorePoint(t);
      if (state === null || cp.tick > at) {
        state = cloneState(cp.state);
        at = cp.tick;
      }
      this.replay(state, at, t);
      at = t;
      visit(t, state);
    }
  }

  private nearestCheckpoint(t: number): Checkpoint {
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.checkpoints[mid] as Checkpoint).tick <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.checkpoints[lo] as Checkpoint;
  }

  /**
   * Re-runs ticks [from, to) on `state`, with no trace (it is already recorded). Hooks of
   * charms with code of their own are replayed from their records, not run: no Python
   * is needed to seek (python.ts).
   */
  private replay(state: SimState, from: number, to: number): void {
    let t = from;
    const replayer = replayBehaviour(() => {
      const r = this.records.at(this.traceStart.at(t) as number);
      if (r?.type !== 'hook') throw new Error(`replay: tick ${t} has no hook record`);
      return r;
    });
    const behaviours: BehaviourLookup = (s, app) => (s.apps.get(app)?.code ? replayer : behaviourOf(s, app));
    while (t < to) {
      const e = this.entryAt(t);
      const entry = this.entries[e] as LogEntry;
      const start = this.entryStart[e] as number;
      const own = commandTicks(entry.command);
      if (t === start && own) {
        applyCommand(state, entry.command, null, entry.text);
        t++;
        continue;
      }
      const end = Math.min(to, start + own + entry.hooks);
      for (; t < end; t++) step(state, null, manualChoice(entry.command, t - start - own), behaviours);
    }
  }
}
