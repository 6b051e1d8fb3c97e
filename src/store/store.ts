/**
 * The one store: a vanilla zustand store (made by a factory, provided through React
 * context) holding the engine timeline, the cursor and UI state. The engine state is
 * never copied into React state: `view` is derived from it whenever the cursor moves,
 * and React Flow nodes are derived from `view` in turn.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { cloneState, fingerprint } from '../engine/clone.ts';
import { applyCommand, formatCommand, type Command, type CommandResult } from '../engine/commands.ts';
import type { JujuVersion } from '../engine/model.ts';
import { Timeline, commandTicks, defaultRun } from '../engine/timeline.ts';
import type { TraceRecord } from '../engine/trace.ts';
import { ScriptSyntaxError, parseLine, runAfter } from '../io/script.ts';
import type { SessionInput, SessionV1 } from './session.ts';
import { deriveView, type ModelView } from './view.ts';

export type Selection =
  | { readonly kind: 'relation'; readonly id: number }
  | { readonly kind: 'unit'; readonly name: string }
  | { readonly kind: 'app'; readonly name: string }
  | null;

export interface ConsoleEntry {
  readonly input: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface RelvizState {
  /** The engine timeline (mutable; read it through the selectors, never mutate it from the UI). */
  readonly timeline: Timeline;
  /** Bumped whenever the timeline changes (new commands), for subscribers that read it. */
  readonly revision: number;
  readonly cursor: number;
  readonly length: number;
  readonly view: ModelView;
  readonly seed: number;
  readonly juju: JujuVersion;
  /** What the user did, in order: rebuilt into a timeline on reseed or reload. */
  readonly inputs: readonly SessionInput[];
  readonly playing: boolean;
  /** Hooks per second while playing. */
  readonly speed: number;
  /** Manual mode: the user picks which unit runs next. */
  readonly manual: boolean;
  readonly selection: Selection;
  /** "View as unit": whose permissions the databag panel shows. */
  readonly viewAsUnit: string | null;
  /** The hook record (seq) the inspector shows; null follows the cursor. */
  readonly inspectedSeq: number | null;
  readonly positions: Readonly<Record<string, { x: number; y: number }>>;
  readonly consoleLog: readonly ConsoleEntry[];
  /** The last refusal (Juju's `ERROR …`), shown until dismissed. */
  readonly error: string | null;
  /** A long run still being computed in slices (hooks so far), so the page never freezes. */
  readonly busy: { readonly hooks: number } | null;
  /**
   * The hook at the cursor is shown first as 'running' (its writes pending, visible
   * only to itself) and then as 'committed' — set by the animation, not by the engine,
   * whose hooks are atomic.
   */
  readonly phase: 'running' | 'committed';
}

export interface RelvizActions {
  /** Runs one command line (console syntax) at the cursor; returns its result. */
  runLine(line: string): CommandResult;
  /** Applies a command at the cursor (forking if rewound) and plays the hooks it causes. */
  apply(command: Command, opts?: { text?: string; run?: 'idle' | 'none' | number }): CommandResult;
  seek(tick: number): void;
  stepForward(): void;
  /** Moves forward up to n ticks in one update (playback at high speed); returns how many. */
  advance(n: number): number;
  stepBack(): void;
  /** Manual mode: run this unit's next hook (its `pick`-th possible one). */
  stepUnit(unit: string, pick?: number | null): void;
  play(): void;
  pause(): void;
  setSpeed(hooksPerSecond: number): void;
  setManual(on: boolean): void;
  setSeed(seed: number): void;
  setJuju(juju: JujuVersion): void;
  select(selection: Selection): void;
  setViewAsUnit(unit: string | null): void;
  inspect(seq: number | null): void;
  /** Goes to a traced hook (or exec) by its index in the full trace: pauses, seeks just past it, inspects it. */
  goToRecord(index: number, seq: number): void;
  setPosition(app: string, pos: { x: number; y: number }): void;
  dismissError(): void;
  setPhase(phase: 'running' | 'committed'): void;
  /** Starts an empty session. */
  reset(): void;
  /** Loads a script (example or tutorial): every line applied, cursor at the start, ready to play. */
  loadScript(text: string): void;
  /** The session as saved. */
  exportSession(): SessionV1;
}

export type RelvizStore = StoreApi<RelvizState & RelvizActions>;

/** Hooks computed per slice of a long run (a few milliseconds of engine time). */
const SLICE = 5000;

export interface StoreOptions {
  readonly seed?: number;
  readonly juju?: JujuVersion;
  readonly session?: SessionV1;
  readonly script?: string;
}

function build(seed: number, juju: JujuVersion, inputs: readonly SessionInput[]): Timeline {
  const t = new Timeline({ seed, juju });
  for (const i of inputs) t.apply(i.command, { text: i.text, run: i.run });
  return t;
}

function parseScriptInputs(text: string): SessionInput[] {
  const inputs: SessionInput[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = parseLine(raw, i + 1);
    if (line) inputs.push({ command: line.command, text: line.text, run: runAfter(line) });
  });
  return inputs;
}

export function createRelvizStore(opts: StoreOptions = {}): RelvizStore {
  const session = opts.session;
  const seed = session?.seed ?? opts.seed ?? 1;
  const juju = session?.juju ?? opts.juju ?? '3.6';
  const inputs = session?.inputs ?? (opts.script ? parseScriptInputs(opts.script) : []);
  const timeline = build(seed, juju, inputs);
  timeline.seek(session ? session.cursor : 0);

  return createStore<RelvizState & RelvizActions>()((set, get) => {
    /** Publishes the timeline's cursor and the view derived from it. */
    const sync = (extra: Partial<RelvizState> = {}) => {
      const t = get().timeline;
      // Moving the cursor makes the inspector follow it again (callers that jump to a hook inspect it after).
      const moved = t.cursor !== get().cursor ? { inspectedSeq: null } : {};
      set({ cursor: t.cursor, length: t.length, view: deriveView(t.state, get().view), ...moved, ...extra });
    };

    const applyAt = (command: Command, text: string, run: 'idle' | 'none' | number, inputsSoFar: readonly SessionInput[]) => {
      finishBackground();
      const s = get();
      const t = s.timeline;
      // Still watching the last command's hooks play out? Then the next command comes
      // after them, as on the command line. Only a cursor moved back before the last
      // command forks the history.
      const last = t.log.entries.length - 1;
      if (last >= 0 && t.cursor > t.entryStartTick(last)) t.seek(t.length);
      // A refusal that changes nothing stays out of the history (and does not fork it):
      // try it on a copy first.
      if (command.type !== 'step' && command.type !== 'wait') {
        const probe = cloneState(t.state);
        const before = fingerprint(probe);
        const tried = applyCommand(probe, command, null, text);
        if (tried.exitCode !== 0 && fingerprint(probe) === before) {
          set({ error: tried.stderr.trim() || `ERROR ${text} failed` });
          return tried;
        }
      }
      // Acting in the past forks: the inputs after the cursor are dropped with the future.
      const kept = inputsUpTo(t, inputsSoFar);
      const start = t.cursor;
      // A run to idle is computed in slices: the first one now, the rest between frames.
      const result = t.apply(command, { text, run: run === 'idle' ? SLICE : run });
      const next = [...kept, { command, text, run }];
      // Show the model change, then let the hooks play.
      t.seek(Math.min(start + 1, t.length));
      sync({ revision: s.revision + 1, inputs: next, error: result.exitCode === 0 ? null : result.stderr.trim() || s.error });
      if (run === 'idle' && t.endHasWork) continueInBackground(t);
      return result;
    };

    /** Computes the rest of a long run a slice at a time, publishing progress; any other change finishes it first. */
    const continueInBackground = (t: Timeline) => {
      let hooks = 0;
      const slice = () => {
        if (get().timeline !== t || get().busy === null) return;
        const n = t.continueLast(SLICE);
        hooks += n;
        if (n === 0) {
          set({ busy: null, length: t.length });
          return;
        }
        sync({ busy: { hooks } });
        setTimeout(slice, 0);
      };
      set({ busy: { hooks: 0 } });
      setTimeout(slice, 0);
    };

    /** Finishes a background run at once (before anything else changes the history). */
    const finishBackground = () => {
      if (get().busy === null) return;
      const t = get().timeline;
      while (t.continueLast(SLICE) > 0);
      set({ busy: null });
      sync();
    };

    return {
      timeline,
      revision: 0,
      cursor: timeline.cursor,
      length: timeline.length,
      view: deriveView(timeline.state),
      seed,
      juju,
      inputs,
      playing: false,
      speed: 4,
      manual: false,
      selection: null,
      viewAsUnit: null,
      inspectedSeq: null,
      positions: session?.positions ?? {},
      consoleLog: [],
      error: null,
      busy: null,
      phase: 'committed',

      runLine(line) {
        let parsed;
        try {
          parsed = parseLine(line);
        } catch (e) {
          if (!(e instanceof ScriptSyntaxError)) throw e;
          const result = { exitCode: 2, stdout: '', stderr: `ERROR ${e.problem}\n` };
          set((s) => ({ consoleLog: [...s.consoleLog, { input: line, ...result }] }));
          return result;
        }
        if (!parsed) return { exitCode: 0, stdout: '', stderr: '' };
        // Read-only commands look at the model at the cursor without entering the history.
        if (parsed.command.type === 'status' || parsed.command.type === 'show-unit') {
          const result = applyCommand(get().timeline.state, parsed.command, null, parsed.text);
          set((s) => ({ consoleLog: [...s.consoleLog, { input: line, ...result }] }));
          return result;
        }
        const result = get().apply(parsed.command, { text: parsed.text, run: runAfter(parsed) });
        set((s) => ({ consoleLog: [...s.consoleLog, { input: line, ...result }] }));
        return result;
      },

      apply(command, o = {}) {
        // In manual mode nothing runs by itself: the user picks every hook.
        const run = get().manual && command.type !== 'step' ? 'none' : (o.run ?? defaultRun(command));
        const revision = get().revision;
        const result = applyAt(command, o.text ?? formatCommand(command), run, get().inputs);
        // Play the hooks the command caused (not when it was refused and nothing changed).
        if (get().revision !== revision) set((s) => ({ playing: s.cursor < s.length && !s.manual }));
        return result;
      },

      seek(tick) {
        const t = get().timeline;
        t.seek(tick);
        sync();
      },

      stepForward() {
        const s = get();
        const t = s.timeline;
        if (t.cursor < t.length) {
          t.seek(t.cursor + 1);
          sync();
          return;
        }
        // At the end: let Juju settle (all remaining hooks computed at once), then show the first.
        if (t.state.ready.length === 0) {
          set({ playing: false });
          return;
        }
        applyAt({ type: 'wait' }, 'wait', 'idle', s.inputs);
        t.seek(Math.min(t.cursor + 1, t.length));
        sync();
      },

      advance(n) {
        const t = get().timeline;
        const before = t.cursor;
        // At the end of the history with units still busy: let Juju settle first.
        if (t.cursor === t.length && t.state.ready.length > 0) applyAt({ type: 'wait' }, 'wait', 'idle', get().inputs);
        t.seek(Math.min(t.length, before + n));
        sync();
        return t.cursor - before;
      },

      stepBack() {
        const t = get().timeline;
        if (t.cursor > 0) {
          t.seek(t.cursor - 1);
          sync();
        }
      },

      stepUnit(unit, pick = null) {
        const s = get();
        applyAt({ type: 'step', count: 1, unit, pick }, `step --unit ${unit}${pick !== null ? ` --pick ${pick}` : ''}`, 1, s.inputs);
        const t = get().timeline;
        t.seek(t.length);
        sync();
      },

      play() {
        set({ playing: true, manual: false });
      },
      pause() {
        set({ playing: false });
      },
      setSpeed(speed) {
        set({ speed: Math.max(0.25, Math.min(128, speed)) });
      },
      setManual(on) {
        set({ manual: on, playing: false });
      },

      setSeed(newSeed) {
        finishBackground();
        const s = get();
        const t = build(newSeed, s.juju, s.inputs);
        t.seek(Math.min(s.cursor, t.length));
        set({ timeline: t, seed: newSeed, revision: s.revision + 1 });
        sync();
      },

      setJuju(v) {
        finishBackground();
        const s = get();
        const t = build(s.seed, v, s.inputs);
        t.seek(Math.min(s.cursor, t.length));
        set({ timeline: t, juju: v, revision: s.revision + 1 });
        sync();
      },

      select(selection) {
        set({ selection });
      },
      setViewAsUnit(unit) {
        set({ viewAsUnit: unit });
      },
      inspect(seq) {
        set({ inspectedSeq: seq });
      },
      goToRecord(index, seq) {
        const s = get();
        s.pause();
        s.seek(s.timeline.tickOfRecord(index) + 1);
        s.inspect(seq);
      },
      setPosition(app, pos) {
        set((s) => ({ positions: { ...s.positions, [app]: pos } }));
      },
      dismissError() {
        set({ error: null });
      },
      setPhase(phase) {
        set({ phase });
      },

      reset() {
        finishBackground();
        const s = get();
        const t = new Timeline({ seed: s.seed, juju: s.juju });
        set({ timeline: t, inputs: [], revision: s.revision + 1, playing: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: {}, consoleLog: [], error: null });
        sync();
      },

      loadScript(text) {
        finishBackground();
        const s = get();
        const loaded = parseScriptInputs(text);
        const t = build(s.seed, s.juju, loaded);
        t.seek(0);
        set({ timeline: t, inputs: loaded, revision: s.revision + 1, playing: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: {}, error: null });
        sync();
      },

      exportSession() {
        const s = get();
        return { kind: 'relviz-session', version: 1, seed: s.seed, juju: s.juju, inputs: s.inputs, cursor: s.cursor, positions: s.positions };
      },
    };
  });
}

/**
 * The inputs that survive acting at the cursor: entries before it, and an entry cut
 * in the middle keeps only the hooks it had run (the timeline forks the same way).
 */
function inputsUpTo(t: Timeline, inputs: readonly SessionInput[]): SessionInput[] {
  if (t.cursor >= t.length) return [...inputs];
  const e = t.entryAt(t.cursor);
  const start = t.entryStartTick(e);
  if (start === t.cursor) return inputs.slice(0, e);
  const out = inputs.slice(0, e + 1);
  const last = out[e];
  if (last) out[e] = { ...last, run: t.cursor - start - commandTicks(last.command) };
  return out;
}

// ---- selectors (module scope, stable) ----

/** Trace records up to the cursor. */
export const selectTraceEnd = (s: RelvizState) => s.timeline.traceIndexAt(s.cursor);

/** The records of the tick that brought the model to the cursor (the hook "now"). */
export function currentRecords(s: RelvizState): readonly TraceRecord[] {
  if (s.cursor === 0) return [];
  const t = s.timeline;
  return t.fullTrace.slice(t.traceIndexAt(s.cursor - 1), t.traceIndexAt(s.cursor));
}
