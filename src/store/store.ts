/**
 * The one store: a vanilla zustand store (made by a factory, provided through React
 * context) holding the engine timeline, the cursor and UI state. The engine state is
 * never copied into React state: `view` is derived from it whenever the cursor moves,
 * and React Flow nodes are derived from `view` in turn.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { cloneState, fingerprint } from '../engine/clone.ts';
import { applyCommand, formatCommand, type Command, type CommandResult } from '../engine/commands.ts';
import type { JujuVersion, SimState } from '../engine/model.ts';
import { MAX_HOOKS_PER_COMMAND, Timeline, commandTicks, defaultRun } from '../engine/timeline.ts';
import type { TraceRecord } from '../engine/trace.ts';
import { exportBundle } from '../engine/bundleExport.ts';
import { fromAnnotations, toAnnotations, type Positions } from './annotations.ts';
import { filesFor } from '../engine/bundleFiles.ts';
import { createState } from '../engine/sim.ts';
import { ScriptSyntaxError, parseLine, runAfter } from '../io/script.ts';
import { IN_PLACE_HOOKS, sliceRunner, type HookRunner } from './runner.ts';
import { TutorialError, compileTutorial, planStep, stepStartTick, stopTicks, type Step } from '../teaching/tutorial.ts';
import { tutorialById } from '../teaching/tutorials/index.ts';
import { sharedInputs, type SessionInput, type SessionV1 } from './session.ts';
import { EMPTY_HISTORY, pushed, redone, undone, type UndoHistory } from './undo.ts';
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
  /**
   * relviz's own remark after the output, not Juju's: why the command's wait stopped
   * with work left (Timeline.endNote, the automatic retries of hooks that keep
   * failing). Added when the run is complete, which for a long run is later.
   */
  readonly note?: string;
}

export interface RelvizState {
  /** The engine timeline (mutable; read it through the selectors, never mutate it from the UI). */
  readonly timeline: Timeline;
  /** Bumped whenever the timeline changes (new commands), for subscribers that read it. */
  readonly revision: number;
  /**
   * Bumped whenever the history is rebuilt from a command log (a session opened, New,
   * an example, a tutorial step, undo, another seed) rather than extended by a command;
   * the timeline object may be the same (a rebuild keeps the commands it shares).
   */
  readonly generation: number;
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
  /**
   * Files the user opened in this page (bundles, overlays, charms beside them), by
   * path: what `juju deploy ./bundle.yaml` typed in the console reads. Not saved: a
   * deploy carries its own files into the session.
   */
  readonly openedFiles: Readonly<Record<string, string>>;
  /** The last refusal (Juju's `ERROR …`), shown until dismissed. */
  readonly error: string | null;
  /**
   * A long run being computed away from the page's thread (hooks so far), so the page
   * never freezes. `stoppable`: the run of the last command, which Stop can cut short
   * (a session being rebuilt always finishes).
   */
  readonly busy: { readonly hooks: number; readonly stoppable: boolean } | null;
  /**
   * The hook at the cursor is shown first as 'running' (its writes pending, visible
   * only to itself) and then as 'committed' — set by the animation, not by the engine,
   * whose hooks are atomic.
   */
  readonly phase: 'running' | 'committed';
  /** The tutorial being followed, and its step (0-based); null when none. */
  readonly tutorial: TutorialPlace | null;
  /** Ticks where playback pauses to explain (the tutorial step's stops), ascending. */
  readonly stops: readonly number[];
  /** The first tick of the tutorial step's own commands. */
  readonly stepStart: number;
  /**
   * The history is no longer the tutorial's (another seed or Juju version, or commands
   * of one's own): the step's stops may not happen in it, so there are none.
   */
  readonly offPath: boolean;
  /** Which history view is shown (a tutorial step may ask for one). */
  readonly historyView: 'swimlanes' | 'log';
  /** "Predict the next hook": the learner steps hook by hook, answering first (Play is off). */
  readonly quiz: boolean;
  /** Quiz score per tutorial id ('' outside a tutorial). */
  readonly quizScores: Readonly<Record<string, { readonly right: number; readonly asked: number }>>;
  /** What Undo would undo ("juju deploy ubuntu"), null when nothing; likewise Redo. */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  /**
   * What just happened that the user may want back — a future dropped by acting in
   * the past, a model replaced, an undo — said at the moment it happens, with the
   * action that reverses it (like an editor's, not a confirm dialog).
   */
  readonly notice: Notice | null;
  /** A problem with the saved session or with saving (src/store/persist.ts), shown until dealt with. */
  readonly saving: SavingNote | null;
}

export interface SavingNote {
  readonly text: string;
  /** The session as a file the user can keep. */
  readonly download: { readonly name: string; readonly text: string } | null;
  /** Nothing is saved while this is shown (the old session could not be set aside). */
  readonly holdSaving: boolean;
  /** The note is about storage being full (it goes once a save succeeds). */
  readonly full?: boolean;
}

export interface Notice {
  /** Increases with every notice (a new one restarts its display). */
  readonly id: number;
  readonly text: string;
  /** The button the notice offers. */
  readonly action: 'undo' | 'redo' | null;
}

export interface TutorialPlace {
  readonly id: string;
  readonly step: number;
}

export interface RelvizActions {
  /** Runs one command line (console syntax) at the cursor; returns its result. */
  /** Runs a console line; `drawn` gives where the graph draws each application (for `juju export-bundle`). */
  runLine(line: string, opts?: { drawn?: () => Positions }): CommandResult;
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
  /** Stops computing the last command's hooks: the history keeps those computed so far. */
  stop(): void;
  /**
   * Opens a tutorial at a step (0-based), rebuilding exactly the state the step starts
   * from: every command of the steps before it played out, the step's own commands
   * about to play. Back and Next are this with step ∓ 1.
   */
  openTutorial(id: string, step?: number): void;
  closeTutorial(): void;
  /** Shows output in the console as if a line had been typed (a tutorial's inspections). */
  echo(entry: ConsoleEntry): void;
  setHistoryView(view: 'swimlanes' | 'log'): void;
  setQuiz(on: boolean): void;
  /** Counts an answer in the current tutorial's score. */
  scoreQuiz(right: boolean): void;
  /** Starts an empty session. */
  reset(): void;
  /**
   * Deploys a bundle, or builds a model from its status (the files in the command): `replace` opens it as a new model,
   * `add` deploys it into this one. Its `gui-x`/`gui-y` annotations place the
   * applications. A bundle Juju would refuse changes nothing and comes back as the
   * refusal (exit code 1, the problems on stderr).
   */
  openBundle(command: Extract<Command, { type: 'deploy-bundle' | 'load-status' }>, opts: { mode: 'replace' | 'add'; label?: string }): CommandResult;
  /**
   * Loads a script (example or scenario): every line applied, cursor at the start —
   * or, with `at: 'deployed'`, where the applications are deployed and settled, just
   * before the first relation (what a newcomer should see first).
   */
  loadScript(
    text: string,
    opts?: {
      at?: 'start' | 'deployed';
      /** What is opened ("the example “…”"), for Undo's label. */
      label?: string;
      /** relviz's own script (an example, a scenario): built in this task, so the caller can read it at once. */
      trusted?: boolean;
    },
  ): void;
  /** The session as saved. */
  exportSession(): SessionV1;
  /** Goes back to the session before the last change (commands, forks, replacements, seeds, layout). */
  undo(): void;
  redo(): void;
  dismissNotice(): void;
  setSaving(note: SavingNote | null): void;
  /** The undo history (saved beside the session, so a reload keeps it). */
  exportHistory(): UndoHistory;
}

export type RelvizStore = StoreApi<RelvizState & RelvizActions>;

export interface StoreOptions {
  readonly seed?: number;
  readonly juju?: JujuVersion;
  readonly session?: SessionV1;
  readonly script?: string;
  /** The tutorial step the session was at (a share link or a reload); its stops are found again. */
  readonly tutorial?: TutorialPlace | null;
  /** Where long runs are computed (the page passes a Web Worker runner); default: slices on this thread. */
  readonly runner?: HookRunner;
  /** An error to show from the start (the page's share link could not be opened). */
  readonly error?: string;
  /**
   * Milliseconds of hooks one task may run on this thread before the rest goes to the
   * runner (the page: a few tens, so no task is long); default unbounded (Node).
   */
  readonly budgetMs?: number;
  /** Most ticks the history may hold (memory); default MAX_HISTORY_TICKS. */
  readonly maxTicks?: number;
  /** Where a script opens: its start (default) or where its applications are deployed (loadScript's `at`). */
  readonly at?: 'start' | 'deployed';
  /** The undo history to carry on with (a reload, or the session a share link replaced). */
  readonly history?: UndoHistory;
  /** A notice to show from the start (e.g. the saved session a share link replaced is one Undo away). */
  readonly notice?: Omit<Notice, 'id'>;
  /** A problem with the saved session to show from the start (it was set aside). */
  readonly saving?: SavingNote | null;
  /** Files at hand from the start (the example bundles): what a script's `juju deploy ./x.yaml` reads. */
  readonly files?: Readonly<Record<string, string>>;
}

/**
 * Most ticks a history in the page may hold. A tick costs ~300 bytes in the Timeline
 * (its encoded trace records and a share of the checkpoints, engine/traceStore.ts),
 * plus what the views derive per hook: this keeps the longest run well under 1 GB
 * (`npm run bench:app` measures it). The CLI streams and has no such limit.
 */
export const MAX_HISTORY_TICKS = 1_000_000;

/** Where a script's applications are deployed and settled: just before its first relation (its end if none). */
export function deployedTick(t: Timeline): number {
  const i = t.log.entries.findIndex((e) => e.command.type === 'integrate');
  return i < 0 ? t.length : t.entryStartTick(i);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Most hooks an input runs after its command. */
function runLimit(run: SessionInput['run']): number {
  return run === 'idle' ? MAX_HOOKS_PER_COMMAND : run === 'none' ? 0 : run;
}

/**
 * Applies an input, running at most one chunk of its hooks here (IN_PLACE_HOOKS, and
 * no longer than the task's budget); returns how many more it may run (0: it is
 * complete), for a runner to compute elsewhere. `room`: ticks the history has left.
 */
function applyInput(t: Timeline, input: SessionInput, o: { room: number; outOfTime: () => boolean }): { result: CommandResult; rest: number } {
  const { command } = input;
  const limit = Math.min(runLimit(input.run), Math.max(0, o.room - commandTicks(command)));
  const result = t.apply(command, { text: input.text, run: input.run, max: Math.min(IN_PLACE_HOOKS, limit), outOfTime: o.outOfTime });
  const ran = t.lastEntryHooks;
  // Done for good: a refused step runs nothing; a manual step ends when its unit has nothing left.
  const finished =
    (command.type === 'step' && (result.exitCode !== 0 || (command.unit !== null && !t.state.readyIndex.has(command.unit)))) || !t.endHasWork;
  return { result, rest: ran < limit && !finished ? limit - ran : 0 };
}

/**
 * What a finished run says about how it ended: for a command that waited until idle,
 * the automatic retries it stopped waiting for or the limit it reached
 * (Timeline.endNote); the history's own limit; '' otherwise.
 */
function runNote(t: Timeline, run: SessionInput['run'], maxTicks: number): string {
  if (t.length >= maxTicks && t.endHasWork) {
    return `relviz stopped this run at ${maxTicks.toLocaleString('en')} ticks, its limit of history in the page (memory); the CLI (npm run sim) has none.`;
  }
  return run === 'idle' && !t.endHasWork ? t.endNote.trim() : '';
}

/** Read-only commands look at the model at the cursor without entering the history. */
function readOnly(command: Command): boolean {
  return command.type === 'status' || command.type === 'show-unit' || command.type === 'export-bundle' || (command.type === 'model-config' && command.settings.length === 0);
}

/** How often progress of a long run is published (the scrubber and the busy indicator follow it). */
const PROGRESS_MS = 250;

/** A script's inputs; a bundle or status it deploys reads the files at hand. */
function parseScriptInputs(text: string, files: Readonly<Record<string, string>>): SessionInput[] {
  const inputs: SessionInput[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = parseLine(raw, i + 1);
    if (line) inputs.push({ command: withFilesAtHand(line.command, files), text: line.text, run: runAfter(line) });
  });
  return inputs;
}

/** A typed or scripted bundle deploy (or status load) with no files of its own takes them from the files at hand. */
function withFilesAtHand(command: Command, files: Readonly<Record<string, string>>): Command {
  if (command.type === 'deploy-bundle' && Object.keys(command.files).length === 0) return { ...command, files: filesFor(command, files) };
  if (command.type === 'load-status' && Object.keys(command.files).length === 0) return { ...command, files: filesFor({ path: command.path, overlays: command.showUnits }, files) };
  return command;
}

export function createRelvizStore(opts: StoreOptions = {}): RelvizStore {
  const session = opts.session;
  const maxTicks = opts.maxTicks ?? MAX_HISTORY_TICKS;
  const budgetMs = opts.budgetMs ?? Number.POSITIVE_INFINITY;
  /** A time budget starting now: asked while hooks run in place. */
  const budget = (): (() => boolean) => {
    if (budgetMs === Number.POSITIVE_INFINITY) return () => false;
    const deadline = performance.now() + budgetMs;
    return () => performance.now() > deadline;
  };
  let history: UndoHistory = opts.history ?? EMPTY_HISTORY;
  /** The model the user had before opening a tutorial: leaving the tutorial brings it back. */
  let beforeTutorial: SessionV1 | null = opts.history?.beforeTutorial ?? null;
  let notices = 0;
  /**
   * The model is as relviz opened it (an example, a scenario, New): replacing it loses
   * nothing of the user's, so it is done without a notice (still one Undo away). A
   * session from outside (saved, shared) is someone's work.
   */
  let pristine = session === undefined;
  const seed = session?.seed ?? opts.seed ?? 1;
  const juju = session?.juju ?? opts.juju ?? '3.6';
  const inputs = session?.inputs ?? (opts.script ? parseScriptInputs(opts.script, opts.files ?? {}) : []);
  const runner = opts.runner ?? sliceRunner();
  const timeline = new Timeline({ seed, juju });
  /** The run being computed by the runner, if any. */
  let job: { readonly cancel: () => void; readonly stoppable: boolean; readonly inputsIfCut: () => SessionInput[] } | null = null;
  let rebuild: (
    seed: number,
    juju: JujuVersion,
    inputs: readonly SessionInput[],
    cursor: number | ((t: Timeline) => number),
    then?: (t: Timeline) => void,
    o?: { readonly unbudgeted?: boolean },
  ) => void = () => {};
  let attach: (place: TutorialPlace | null, t: Timeline) => void = () => {};

  const store = createStore<RelvizState & RelvizActions>()((set, get) => {
    /** Publishes the timeline's cursor and the view derived from it. */
    const sync = (extra: Partial<RelvizState> = {}) => {
      const t = get().timeline;
      // Moving the cursor makes the inspector follow it again (callers that jump to a hook inspect it after).
      const moved = t.cursor !== get().cursor ? { inspectedSeq: null } : {};
      set({ cursor: t.cursor, length: t.length, view: deriveView(t.state, get().view), ...moved, ...extra });
    };

    /**
     * Applies a command at the cursor; `onNote` hears what its run says when it is
     * complete (now, or when the runner finishes it) if it says anything (runNote).
     */
    const applyAt = (
      command: Command,
      text: string,
      run: 'idle' | 'none' | number,
      inputsSoFar: readonly SessionInput[],
      o: { record: boolean; onNote?: (note: string) => void },
    ): CommandResult => {
      const s = get();
      if (job && s.busy) {
        // The last command's hooks are not all known yet: the next command would act on a model we do not have.
        const stderr = `ERROR the hooks of "${s.inputs.at(-1)?.text ?? 'the last command'}" are still being computed (${s.busy.hooks.toLocaleString('en')} so far): wait for them, or press Stop`;
        set({ error: stderr });
        return { exitCode: 1, stdout: '', stderr: `${stderr}\n` };
      }
      const t = s.timeline;
      // Still watching the last command's hooks play out? Then the next command comes
      // after them, as on the command line. Only a cursor moved back before the last
      // command forks the history.
      const last = t.log.entries.length - 1;
      if (last >= 0 && t.cursor > t.entryStartTick(last)) t.seek(t.length);
      if (t.cursor >= maxTicks) {
        t.seek(s.cursor);
        const stderr = `ERROR the history is full: relviz keeps at most ${maxTicks.toLocaleString('en')} ticks in the page (its limit of history, for memory); rewind to act earlier, or start a New model`;
        set({ error: stderr, playing: false });
        return { exitCode: 1, stdout: '', stderr: `${stderr}\n` };
      }
      // A refusal that changes nothing stays out of the history (and does not fork it):
      // try it on a copy first.
      if (command.type !== 'step' && command.type !== 'wait') {
        const probe = cloneState(t.state);
        const before = fingerprint(probe);
        const tried = applyCommand(probe, command, null, text);
        if (tried.exitCode !== 0 && fingerprint(probe) === before) {
          // Nothing happened: the timeline goes back to the tick on screen.
          t.seek(s.cursor);
          set({ error: tried.stderr.trim() || `ERROR ${text} failed` });
          return tried;
        }
      }
      // Acting in the past forks: the inputs after the cursor are dropped with the future.
      const kept = inputsUpTo(t, inputsSoFar);
      const start = t.cursor;
      const dropped = t.length - start;
      if (o.record) {
        remember(text);
        pristine = false;
      }
      const input: SessionInput = { command, text, run };
      // The first chunk of hooks runs now (within the task's budget); a long run goes on in the runner.
      const { result, rest } = applyInput(t, input, { room: maxTicks - t.cursor, outOfTime: budget() });
      if (dropped > 0 && o.record) {
        const lost = inputsSoFar.slice(kept.length);
        const what = lost.length > 0 ? ` (${plural(lost.length, 'command')}: ${lost.slice(0, 2).map((i) => `“${i.text}”`).join(', ')}${lost.length > 2 ? ', …' : ''})` : '';
        say(`“${text}” at tick ${start.toLocaleString('en')} replaced the ${plural(dropped, 'tick')} that came after it${what}. Undo brings them back.`, 'undo');
      }
      // Show the model change, then let the hooks play.
      t.seek(Math.min(start + 1, t.length));
      sync({ revision: s.revision + 1, inputs: [...kept, input], error: result.exitCode === 0 ? null : result.stderr.trim() || s.error });
      // One's own command in a tutorial: from here on the history is not the tutorial's.
      if (s.tutorial) set({ offPath: true, stops: s.stops.filter((tick) => tick <= start) });
      const noted = () => {
        const note = runNote(t, run, maxTicks);
        if (note !== '') o.onNote?.(note);
      };
      if (rest > 0) runRest(t, rest, { stoppable: true, inputsSoFar: () => get().inputs, then: noted });
      else noted();
      return result;
    };

    /** Keeps the session as it is now for Undo, before a change called `label`. */
    const remember = (text: string) => {
      // A label is for a button's title: a pasted 3 MB value is not.
      const label = text.length > 80 ? `${text.slice(0, 79)}…` : text;
      history = pushed(history, { session: get().exportSession(), label });
      set({ undoLabel: label, redoLabel: null });
    };

    const say = (text: string, action: Notice['action'] = null) => set({ notice: { id: ++notices, text, action } });

    /** Replaces the model by `snap` (undo, redo, leaving a tutorial): commands, seed, layout, tutorial place. */
    const restore = (snap: SessionV1) => {
      pristine = false;
      set({ playing: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: snap.positions, error: null, stops: [] });
      rebuild(snap.seed, snap.juju, snap.inputs, snap.cursor, (t) => attach(snap.tutorial ?? null, t));
    };

    /** Undo or redo: the session `move` gives back replaces the model, and the notice offers the way back. */
    const travel = (move: typeof undone, did: string, back: Notice['action']) => {
      if (job && get().busy?.stoppable === false) return;
      const step = move(history, get().exportSession());
      if (!step) return;
      history = step.history;
      beforeTutorial = history.beforeTutorial ?? null;
      set({ undoLabel: history.past.at(-1)?.label ?? null, redoLabel: history.future[0]?.label ?? null });
      restore(step.entry.session);
      say(`${did} ${step.entry.label}.`, back);
    };

    /** Before replacing the user's model (New, an example, a tutorial): keep it for Undo, and say so if there was one. */
    const replacing = (label: string, did: string) => {
      const had = get().inputs.length;
      const custom = had > 0 && get().tutorial === null && !pristine;
      remember(label);
      if (custom) say(`${did}; your model (${plural(had, 'command')}) is one Undo away.`, 'undo');
    };

    /**
     * Has the runner compute up to `limit` more hooks for the timeline's last entry,
     * adopting its chunks as they come and publishing progress; `then` runs once the
     * run is complete. `inputsSoFar` are the inputs up to this run's, which become the
     * session's if the run is cut short.
     */
    const runRest = (t: Timeline, limit: number, opts: { stoppable: boolean; inputsSoFar: () => readonly SessionInput[]; then: () => void }) => {
      const { stoppable, then } = opts;
      const start = t.runStart(limit);
      if (!start) return then();
      let hooks = 0;
      let published = 0;
      set({ busy: { hooks, stoppable } });
      const inputsIfCut = () => withLastRun(opts.inputsSoFar(), t.lastEntryHooks);
      job = {
        stoppable,
        inputsIfCut,
        cancel: runner.start(start, {
          chunk(chunk) {
            t.adopt(chunk);
            hooks += chunk.hooks;
            if (chunk.done) {
              job = null;
              set({ length: t.length });
              then();
              // (A rebuild goes on with its next input: still busy until it is all done.)
              if (job === null) set({ busy: null });
              return;
            }
            const now = Date.now();
            if (now - published >= PROGRESS_MS) {
              published = now;
              set({ busy: { hooks, stoppable }, length: t.length });
            }
          },
          fail(message) {
            // Keep what was computed, and say so; the input now records the hooks the history has.
            job = null;
            set({ busy: null, length: t.length, inputs: inputsIfCut(), error: `ERROR computing hooks failed after ${hooks.toLocaleString('en')}: ${message}` });
          },
        }),
      };
    };

    const cancelJob = () => {
      job?.cancel();
      job = null;
      if (get().busy) set({ busy: null });
    };

    /**
     * Replaces the timeline by one built from `inputs`. A history with the same seed
     * and version that shares its first commands keeps them and recomputes only the
     * rest (undo and redo are then instant). Work is done in tasks of at most the
     * budget: between inputs the rest waits for the next task, and long runs go to
     * the runner, so opening any session leaves the page responsive.
     */
    rebuild = (seedOf, jujuOf, inputsOf, cursor, then, o = {}) => {
      const was = get();
      const reusable = job === null && was.seed === seedOf && was.juju === jujuOf;
      cancelJob();
      let t: Timeline;
      if (reusable) {
        t = was.timeline;
        const k = sharedInputs(was.inputs, inputsOf);
        if (k < t.log.entries.length) t.truncate(t.entryStartTick(k));
      } else t = new Timeline({ seed: seedOf, juju: jujuOf });
      set({ timeline: t, seed: seedOf, juju: jujuOf, inputs: inputsOf, revision: get().revision + 1, generation: get().generation + 1 });
      let i = t.log.entries.length;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const next = (): void => {
        const outOfTime = o.unbudgeted ? () => false : budget();
        const first = i;
        while (i < inputsOf.length) {
          // (At least one input per task, so the rebuild always moves on.)
          if (i > first && outOfTime()) {
            // This task has had its share: the next inputs come in the next one.
            set({ busy: { hooks: t.length, stoppable: false } });
            job = { stoppable: false, inputsIfCut: () => inputsOf.slice(0, i), cancel: () => clearTimeout(timer) };
            timer = setTimeout(() => {
              job = null;
              next();
            }, 0);
            return;
          }
          t.seek(t.length);
          const { rest } = applyInput(t, inputsOf[i++] as SessionInput, { room: maxTicks - t.length, outOfTime });
          if (rest > 0) {
            sync();
            const upTo = i;
            runRest(t, rest, { stoppable: false, inputsSoFar: () => inputsOf.slice(0, upTo), then: next });
            return;
          }
        }
        if (get().busy) set({ busy: null });
        t.seek(Math.min(typeof cursor === 'number' ? cursor : cursor(t), t.length));
        sync();
        then?.(t);
      };
      next();
    };

    /**
     * Puts the tutorial step's stops on the timeline `t` (built from the tutorial's
     * commands, or from a session that followed them). A history that left the
     * tutorial's path keeps the narration but has no stops.
     */
    attach = (place, t) => {
      const tut = place ? tutorialById(place.id) : undefined;
      const def = tut?.steps[place?.step ?? -1];
      if (!place || !tut || !def) {
        set({ tutorial: null, stops: [], stepStart: 0, offPath: false });
        return;
      }
      const plan = planStep(compileTutorial(tut), place.step);
      const inputsNow = get().inputs;
      const sameCommands = plan.inputs.every((input, i) => inputsNow[i]?.text === input.text);
      const sameWorld = get().seed === tut.seed && get().juju === tut.juju;
      const stepStart = sameCommands ? stepStartTick(t, plan) : 0;
      let stops: number[] = [];
      let found = sameCommands && sameWorld;
      if (found) {
        try {
          stops = stopTicks(t, def.stops ?? [], stepStart);
        } catch (e) {
          if (!(e instanceof TutorialError)) throw e;
          found = false;
        }
      }
      set({ tutorial: place, stops, stepStart, offPath: !found, ...(def.panel ? { historyView: def.panel } : {}) });
    };

    /** `apply`, with `onNote` for the note its run ends with (runLine puts it in the console). */
    const applyAndPlay = (command: Command, o: { text?: string; run?: 'idle' | 'none' | number }, onNote?: (note: string) => void): CommandResult => {
      // In manual mode nothing runs by itself: the user picks every hook.
      const run = get().manual && command.type !== 'step' ? 'none' : (o.run ?? defaultRun(command));
      const revision = get().revision;
      const result = applyAt(command, o.text ?? formatCommand(command), run, get().inputs, { record: true, ...(onNote ? { onNote } : {}) });
      // Play the hooks the command caused (not when it was refused and nothing changed).
      if (get().revision !== revision) set((s) => ({ playing: s.cursor < s.length && !s.manual }));
      return result;
    };

    return {
      timeline,
      revision: 0,
      generation: 0,
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
      openedFiles: opts.files ?? {},
      consoleLog: [],
      error: opts.error ?? null,
      busy: null,
      phase: 'committed',
      tutorial: null,
      stops: [],
      stepStart: 0,
      offPath: false,
      historyView: 'swimlanes',
      quiz: false,
      quizScores: {},
      undoLabel: history.past.at(-1)?.label ?? null,
      redoLabel: history.future[0]?.label ?? null,
      notice: opts.notice ? { ...opts.notice, id: ++notices } : null,
      saving: opts.saving ?? null,

      runLine(line, o = {}) {
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
        if (parsed.command.type === 'deploy-bundle' || parsed.command.type === 'load-status') {
          // The console has no disk: a bundle (or status) is read from the files the user opened.
          const cmd = withFilesAtHand(parsed.command, get().openedFiles);
          const result = cmd.type === 'deploy-bundle' ? get().openBundle(cmd, { mode: 'add' }) : applyAndPlay(cmd, { text: parsed.text });
          const note = result.exitCode !== 0 && (cmd.type === 'deploy-bundle' || cmd.type === 'load-status') && Object.keys(cmd.files).length === 0 ? 'the console reads the files you opened: open the file first (Open…, or drop it on the page).' : '';
          set((s) => ({ consoleLog: [...s.consoleLog, { input: line, ...result, ...(note ? { note } : {}) }] }));
          return result;
        }
        if (readOnly(parsed.command)) {
          // Where the user put the applications is part of the bundle (its annotations).
          const state = get().timeline.state;
          const drawn = o.drawn?.() ?? get().positions;
          const result = parsed.command.type === 'export-bundle' ? { exitCode: 0, stdout: exportBundle(state, toAnnotations(drawn)), stderr: '' } : applyCommand(state, parsed.command, null, parsed.text);
          set((s) => ({ consoleLog: [...s.consoleLog, { input: line, ...result }] }));
          return result;
        }
        // The note of a run comes now, or, for a long run, once the runner has finished it.
        let entry: ConsoleEntry | null = null;
        let early = '';
        const result = applyAndPlay(parsed.command, { text: parsed.text, run: runAfter(parsed) }, (note) => {
          const was = entry;
          if (was === null) early = note;
          else set((s) => ({ consoleLog: s.consoleLog.map((e) => (e === was ? { ...was, note } : e)) }));
        });
        const added: ConsoleEntry = { input: line, ...result, ...(early !== '' ? { note: early } : {}) };
        entry = added;
        set((s) => ({ consoleLog: [...s.consoleLog, added] }));
        return result;
      },

      apply(command, o = {}) {
        return applyAndPlay(command, o);
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
        // While a long run is still being computed, the end is not the end yet: wait.
        if (job) return;
        if (t.state.ready.length === 0) {
          set({ playing: false });
          return;
        }
        applyAt({ type: 'wait' }, 'wait', 'idle', s.inputs, { record: false });
        t.seek(Math.min(t.cursor + 1, t.length));
        sync();
      },

      advance(n) {
        const t = get().timeline;
        const before = t.cursor;
        // At the end of the history with units still busy: let Juju settle first (unless it is being computed).
        if (t.cursor === t.length && !job && t.state.ready.length > 0 && t.length < maxTicks) applyAt({ type: 'wait' }, 'wait', 'idle', get().inputs, { record: false });
        const target = Math.min(t.length, before + n);
        // A tutorial stop on the way: stop there, to explain.
        const stop = get().stops.find((tick) => tick > before && tick <= target);
        t.seek(stop ?? target);
        sync(stop === undefined ? {} : { playing: false });
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
        applyAt({ type: 'step', count: 1, unit, pick }, `step --unit ${unit}${pick !== null ? ` --pick ${pick}` : ''}`, 1, s.inputs, { record: true });
        const t = get().timeline;
        t.seek(t.length);
        sync();
      },

      play() {
        // In the quiz the learner answers before each hook: no playing past the questions.
        if (get().quiz) return;
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
        const s = get();
        if (newSeed === s.seed) return;
        remember(`seed ${newSeed}`);
        pristine = false;
        // Another history: a tutorial step's stops are found again in it (or dropped).
        rebuild(newSeed, s.juju, s.inputs, s.cursor, (t) => attach(get().tutorial, t));
      },

      setJuju(v) {
        const s = get();
        if (v === s.juju) return;
        remember(`Juju ${v}`);
        pristine = false;
        rebuild(s.seed, v, s.inputs, s.cursor, (t) => attach(get().tutorial, t));
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
        const was = get().positions[app];
        if (was && was.x === pos.x && was.y === pos.y) return;
        remember(`moving ${app}`);
        pristine = false;
        set((s) => ({ positions: { ...s.positions, [app]: pos } }));
      },
      dismissError() {
        set({ error: null });
      },
      setPhase(phase) {
        set({ phase });
      },
      stop() {
        if (!job?.stoppable) return;
        const inputsNow = job.inputsIfCut();
        cancelJob();
        set({ inputs: inputsNow, length: get().timeline.length });
      },

      openTutorial(id, step = 0) {
        const tut = tutorialById(id);
        if (!tut) {
          set({ error: `ERROR no tutorial called "${id}"` });
          return;
        }
        const k = Math.max(0, Math.min(Math.floor(step), tut.steps.length - 1));
        const def = tut.steps[k] as Step;
        const plan = planStep(compileTutorial(tut), k);
        const from = get();
        if (from.tutorial === null) {
          // Leaving the tutorial brings back what the user had.
          beforeTutorial = from.exportSession();
          history = { ...history, beforeTutorial };
          replacing(`opening the tutorial “${tut.title}”`, `Opened the tutorial “${tut.title}”, and leaving it brings your model back`);
        } else remember(from.tutorial.id === id ? `step ${from.tutorial.step + 1} of the tutorial` : `the tutorial "${from.tutorial.id}"`);
        set({ playing: false, manual: false, selection: null, viewAsUnit: def.viewAs ?? null, inspectedSeq: null, positions: {}, error: null, stops: [] });
        rebuild(tut.seed, tut.juju, plan.inputs, (t) => stepStartTick(t, plan), (t) => {
          attach({ id, step: k }, t);
          const select = def.select;
          if (!select) return;
          if ('unit' in select) {
            set({ selection: { kind: 'unit', name: select.unit } });
            return;
          }
          // The newest relation between the two applications, as the step's commands leave it.
          const rel = latestRelation(t, select.relation);
          if (rel !== null) set({ selection: { kind: 'relation', id: rel } });
        }, { unbudgeted: true });
      },

      closeTutorial() {
        const back = beforeTutorial;
        beforeTutorial = null;
        history = { ...history, beforeTutorial: null };
        if (!back) {
          set({ tutorial: null, stops: [], stepStart: 0, offPath: false });
          return;
        }
        remember('leaving the tutorial');
        restore({ ...back, tutorial: null });
        say('Back to the model you had before the tutorial. Undo returns to the tutorial.', 'undo');
      },

      echo(entry) {
        set((s) => ({ consoleLog: [...s.consoleLog, entry] }));
      },

      setHistoryView(view) {
        set({ historyView: view });
      },

      setQuiz(on) {
        set({ quiz: on, ...(on ? { playing: false, manual: false } : {}) });
      },

      scoreQuiz(right) {
        const key = get().tutorial?.id ?? '';
        set((s) => {
          const was = s.quizScores[key] ?? { right: 0, asked: 0 };
          return { quizScores: { ...s.quizScores, [key]: { right: was.right + (right ? 1 : 0), asked: was.asked + 1 } } };
        });
      },

      reset() {
        const s = get();
        replacing('New', 'Started a new, empty model');
        pristine = true;
        beforeTutorial = null;
        history = { ...history, beforeTutorial: null };
        set({ playing: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: {}, consoleLog: [], error: null, tutorial: null, stops: [] });
        rebuild(s.seed, s.juju, [], 0);
      },

      openBundle(command, o) {
        const files = { ...get().openedFiles, ...command.files };
        const text = formatCommand(command);
        // The bundle's gui-x/gui-y, as the model keeps them once deployed, place the applications not placed yet.
        const placed = (positions: SessionV1['positions'], model: SimState) => {
          const out = { ...positions };
          for (const [app, p] of Object.entries(fromAnnotations(Object.fromEntries(model.annotations)))) if (!out[app]) out[app] = p;
          return out;
        };
        if (o.mode === 'add') {
          const before = get().revision;
          const result = applyAndPlay(command, { text });
          if (get().revision !== before && result.exitCode === 0) set((s) => ({ positions: placed(s.positions, s.timeline.state), openedFiles: files }));
          return result;
        }
        // As a new model: tried first on an empty one, so a refused bundle replaces nothing.
        const s = get();
        const scratch = createState({ seed: s.seed, juju: s.juju });
        const trial = applyCommand(scratch, command, null, text);
        if (trial.exitCode !== 0) {
          set({ error: trial.stderr.trim() });
          return trial;
        }
        replacing(`opening ${o.label ?? 'a bundle'}`, `Opened ${o.label ?? 'a bundle'}`);
        pristine = false;
        beforeTutorial = null;
        history = { ...history, beforeTutorial: null };
        set({ playing: false, manual: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: placed({}, scratch), openedFiles: files, error: null, tutorial: null, stops: [] });
        // The applications appear at once; then their hooks play.
        rebuild(s.seed, s.juju, [{ command, text, run: 'idle' }], (t) => Math.min(1, t.length), () => set({ playing: get().length > 1 }));
        return trial;
      },

      loadScript(text, o = {}) {
        const s = get();
        const loaded = parseScriptInputs(text, get().openedFiles);
        const what = o.label ?? 'a script';
        replacing(`opening ${what}`, `Opened ${what}`);
        pristine = true;
        beforeTutorial = null;
        history = { ...history, beforeTutorial: null };
        set({ playing: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: {}, error: null, tutorial: null, stops: [] });
        rebuild(s.seed, s.juju, loaded, o.at === 'deployed' ? deployedTick : 0, undefined, { unbudgeted: o.trusted === true });
      },

      undo() {
        travel(undone, 'Undid', 'redo');
      },

      redo() {
        travel(redone, 'Redid', 'undo');
      },

      dismissNotice() {
        set({ notice: null });
      },

      setSaving(note) {
        set({ saving: note });
      },

      exportHistory() {
        return { ...history, beforeTutorial };
      },

      exportSession() {
        const s = get();
        return { kind: 'relviz-session', version: 1, seed: s.seed, juju: s.juju, inputs: s.inputs, cursor: s.cursor, positions: s.positions, ...(s.tutorial ? { tutorial: s.tutorial } : {}) };
      },
    };
  });
  // Build the session's history (at once when it is short; long runs go to the runner).
  const place = opts.tutorial ?? session?.tutorial ?? null;
  rebuild(seed, juju, inputs, session ? session.cursor : opts.at === 'deployed' ? deployedTick : 0, place ? (t) => attach(place, t) : undefined);
  return store;
}

/** The id of the newest relation between two applications at the end of the history (null: none ever). */
function latestRelation(t: Timeline, apps: readonly [string, string]): number | null {
  const [a, b] = apps;
  let found: number | null = null;
  for (const r of t.fullTrace) {
    // Relation ids appear on the hooks that run in them; the newest id wins.
    if (r.type !== 'hook' || r.relationId === null || (found !== null && r.relationId <= found)) continue;
    const own = r.unit.slice(0, r.unit.lastIndexOf('/'));
    // (A peer relation is the one whose remote application is the unit's own: a === b.)
    if ((own === a && r.remoteApp === b) || (own === b && r.remoteApp === a)) found = r.relationId;
  }
  return found;
}

/** The inputs with the last one's run fixed to the hooks it actually ran (a run cut short). */
function withLastRun(inputs: readonly SessionInput[], hooks: number): SessionInput[] {
  const out = [...inputs];
  const last = out[out.length - 1];
  if (last) out[out.length - 1] = { ...last, run: hooks };
  return out;
}

/**
 * The inputs that survive acting at the cursor: entries before it, and an entry cut
 * in the middle keeps only the hooks it had run (the timeline forks the same way).
 */
function inputsUpTo(t: Timeline, inputs: readonly SessionInput[]): SessionInput[] {
  if (t.cursor >= t.length) return [...inputs];
  const e = t.entryAt(t.cursor);
  const start = t.entryStartTick(e);
  if (start === t.cursor) {
    // As the timeline forks: hook-less step/wait entries starting at the cursor go too.
    let cut = e;
    while (cut > 0 && t.entryStartTick(cut - 1) >= t.cursor) cut--;
    return inputs.slice(0, cut);
  }
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

/** Above this many hooks a second, an eye no longer follows hook by hook: views summarise and stop chasing. */
export const FAST_SPEED = 8;

/** Playing faster than FAST_SPEED. */
export const selectFastPlayback = (s: RelvizState): boolean => s.playing && s.speed > FAST_SPEED;
