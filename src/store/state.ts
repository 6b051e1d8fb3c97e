/**
 * The store's shape, slice by slice (slices/): each slice's state and its actions.
 * RelvizState and RelvizActions are their union, as components read them.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { CommandResult, Command } from '../engine/commands.ts';
import type { JujuVersion } from '../engine/model.ts';
import type { Timeline } from '../engine/timeline.ts';
import type { DocumentProblem } from '../teaching/document.ts';
import type { TutorialProblem } from '../teaching/check.ts';
import type { TutorialSource } from '../teaching/tutorials/registry.ts';
import type { Positions } from './annotations.ts';
import type { SessionInput, SessionV1 } from './session.ts';
import type { UndoHistory } from './undo.ts';
import type { HookRunner } from './runner.ts';
import type { ModelView } from './view.ts';
import type { RunDiff, RunSnapshot } from '../io/runDiff.ts';

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
  /** A shipped tutorial's id, or `doc:<id>` for one opened from a document. */
  readonly id: string;
  readonly step: number;
  /** The document a `doc:…` tutorial was opened from (so sessions, undo and links carry it); absent for a shipped one. */
  readonly document?: TutorialSource;
}

/** What openTutorialDocument answers: the tutorial's id (`doc:<id>`), or every problem of the document, by line. */
export type OpenedTutorialDocument = { readonly ok: true; readonly id: string; readonly problems: readonly TutorialProblem[] } | { readonly ok: false; readonly problems: readonly DocumentProblem[] };


/** State of the model slice — the engine timeline and the session it is built from: commands, seed, Juju version, layout, files at hand, a long run being computed. */
export interface ModelState {
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
  readonly positions: Readonly<Record<string, { x: number; y: number }>>;
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
   * Python (Pyodide) in the engine worker, which a charm with code of its own needs:
   * idle until one is deployed, then loading (with what it is doing), ready, or failed
   * (with why).
   */
  readonly python: PythonLoad;
}

export interface PythonLoad {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly detail: string;
}

export interface ModelActions {
  /** Applies a command at the cursor (forking if rewound) and plays the hooks it causes. */
  apply(command: Command, opts?: { text?: string; run?: 'idle' | 'none' | number }): CommandResult;
  setSeed(seed: number): void;
  setJuju(juju: JujuVersion): void;
  setPosition(app: string, pos: { x: number; y: number }): void;
  dismissError(): void;
  /** Shows an error in the banner (a part of the page that could not load, say). */
  showError(text: string): void;
  /** Stops computing the last command's hooks: the history keeps those computed so far. */
  stop(): void;
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
}

/** State of the playback slice — moving through the history: playing, speed, manual mode, the hook phase the animation shows. */
export interface PlaybackState {
  readonly playing: boolean;
  /** Hooks per second while playing. */
  readonly speed: number;
  /** Manual mode: the user picks which unit runs next. */
  readonly manual: boolean;
  /**
   * The hook at the cursor is shown first as 'running' (its writes pending, visible
   * only to itself) and then as 'committed' — set by the animation, not by the engine,
   * whose hooks are atomic.
   */
  readonly phase: 'running' | 'committed';
}

export interface PlaybackActions {
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
  setPhase(phase: 'running' | 'committed'): void;
  /** Goes to a traced hook (or exec) by its index in the full trace: pauses, seeks just past it, inspects it. */
  goToRecord(index: number, seq: number): void;
}

/** State of the selection slice — what is looked at: the selected item, whose permissions the databags show, the inspected hook. */
export interface SelectionState {
  readonly selection: Selection;
  /** "View as unit": whose permissions the databag panel shows. */
  readonly viewAsUnit: string | null;
  /** The hook record (seq) the inspector shows; null follows the cursor. */
  readonly inspectedSeq: number | null;
}

export interface SelectionActions {
  select(selection: Selection): void;
  setViewAsUnit(unit: string | null): void;
  inspect(seq: number | null): void;
}

/** State of the console slice — the console: lines typed and what they printed. */
export interface ConsoleState {
  readonly consoleLog: readonly ConsoleEntry[];
}

export interface ConsoleActions {
  /** Runs a console line; `drawn` gives where the graph draws each application (for `juju export-bundle`). */
  runLine(line: string, opts?: { drawn?: () => Positions }): CommandResult;
  /** Shows output in the console as if a line had been typed (a tutorial's inspections). */
  echo(entry: ConsoleEntry): void;
}

/** State of the tutorial slice — the tutorial being followed: its step, the stops where playback pauses, the history view it asks for. */
export interface TutorialState {
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
}

export interface TutorialActions {
  /**
   * Opens a tutorial at a step (0-based), rebuilding exactly the state the step starts
   * from: every command of the steps before it played out, the step's own commands
   * about to play. Back and Next are this with step ∓ 1.
   */
  openTutorial(id: string, step?: number): void;
  /**
   * Opens a tutorial from a document's text (untrusted: read within the format's
   * limits, then played against the engine by checkTutorial). A document with any
   * problem is not played and changes nothing: its problems come back, each with its
   * line. Otherwise it is registered as `doc:<id>` and opened at `step` (0-based) as
   * openTutorial does — undoable, and leaving it brings the user's model back.
   * `file` names it in problems; `url` is where it was fetched from (kept for links).
   * In the page, call it once loadTutorials() has resolved (it brings the reader);
   * before that it opens nothing and says so. `problems` of a success is empty: a
   * document is played only when checkTutorial finds nothing.
   */
  openTutorialDocument(text: string, opts?: { step?: number; file?: string; url?: string }): OpenedTutorialDocument;
  closeTutorial(): void;
  setHistoryView(view: 'swimlanes' | 'log'): void;
}

/** State of the quiz slice — "Predict the next hook": whether it asks, and the scores. */
export interface QuizState {
  /** "Predict the next hook": the learner steps hook by hook, answering first (Play is off). */
  readonly quiz: boolean;
  /** Quiz score per tutorial id ('' outside a tutorial). */
  readonly quizScores: Readonly<Record<string, { readonly right: number; readonly asked: number }>>;
}

export interface QuizActions {
  setQuiz(on: boolean): void;
  /** Counts an answer in the current tutorial's score. */
  scoreQuiz(right: boolean): void;
}

/** State of the undo slice — undo and redo, the notices that offer them, and the saving problems. */
export interface UndoState {
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

export interface UndoActions {
  /** Goes back to the session before the last change (commands, forks, replacements, seeds, layout). */
  undo(): void;
  redo(): void;
  dismissNotice(): void;
  setSaving(note: SavingNote | null): void;
  /** The undo history (saved beside the session, so a reload keeps it). */
  exportHistory(): UndoHistory;
}

/** A re-run with edited code: the previous run as it ended, and what changed (null while the new run is computed). */
export interface Rerun {
  readonly app: string;
  readonly from: 'cursor' | 'start';
  /** Where the runs fork: hooks are compared from this tick on. */
  readonly tick: number;
  readonly before: RunSnapshot;
  readonly diff: RunDiff | null;
  /** The history's generation it belongs to: another rebuild (undo, New) leaves it behind. */
  readonly generation: number;
}

/** State of the rerun slice — the last re-run with edited charm code, and what it changed. */
export interface RerunState {
  readonly rerun: Rerun | null;
}

export interface RerunActions {
  /**
   * Re-runs the model with `app`'s code replaced by `files`: from the cursor (the
   * history forks there with `relviz set-code`, and the inputs after it are applied
   * again) or from the start (its deploy carries the files). Undoable. Resolves to
   * null, or the refusal (`ERROR …`) when nothing was done.
   */
  rerunWithCode(app: string, files: Readonly<Record<string, string>>, from: 'cursor' | 'start'): Promise<string | null>;
  dismissRerun(): void;
}

export type RelvizState = ModelState & PlaybackState & SelectionState & ConsoleState & TutorialState & QuizState & UndoState & RerunState;

export type RelvizActions = ModelActions & PlaybackActions & SelectionActions & ConsoleActions & TutorialActions & QuizActions & UndoActions & RerunActions;

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

