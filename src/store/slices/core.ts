/**
 * What the slices share besides the store's state: the store's settings, a little
 * state that is not rendered (the undo history itself, the model kept while a tutorial
 * is open, the run being computed), and the services one slice offers the others —
 * e.g. the model slice's `rebuild`, which undo, the tutorial and New all use. Each
 * service is written in the slice that owns it (`…Services`) and reached through here,
 * so slices never import each other.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Command, CommandResult } from '../../engine/commands.ts';
import type { JujuVersion } from '../../engine/model.ts';
import type { Timeline } from '../../engine/timeline.ts';
import { sliceRunner, type HookRunner } from '../runner.ts';
import type { SessionInput, SessionV1 } from '../session.ts';
import type { Notice, RelvizActions, RelvizState, StoreOptions, TutorialPlace } from '../state.ts';
import { EMPTY_HISTORY, type UndoHistory } from '../undo.ts';

export type Full = RelvizState & RelvizActions;

/** What a slice is made with: zustand's `set` and `get`, and the shared core. */
export interface SliceArgs {
  readonly set: StoreApi<Full>['setState'];
  readonly get: () => Full;
  readonly core: Core;
}

/** A long run the runner is computing (or a rebuild waiting for its next task). */
export interface Job {
  readonly cancel: () => void;
  readonly stoppable: boolean;
  readonly inputsIfCut: () => SessionInput[];
}

/** The model slice's services (slices/model.ts). */
export interface ModelServices {
  /** Publishes the timeline's cursor and the view derived from it. */
  sync(extra?: Partial<RelvizState>): void;
  /** Applies a command at the cursor (forking if rewound); `onNote` hears how its run ended. */
  applyAt(command: Command, text: string, run: 'idle' | 'none' | number, inputsSoFar: readonly SessionInput[], o: { record: boolean; onNote?: (note: string) => void }): CommandResult;
  /** `applyAt` for a user's command, then playing the hooks it caused. */
  applyAndPlay(command: Command, o: { text?: string; run?: 'idle' | 'none' | number }, onNote?: (note: string) => void): CommandResult;
  /** Replaces the timeline by one built from `inputs`, in tasks of at most the budget. */
  rebuild(seed: number, juju: JujuVersion, inputs: readonly SessionInput[], cursor: number | ((t: Timeline) => number), then?: (t: Timeline) => void, o?: { readonly unbudgeted?: boolean }): void;
}

/** The undo slice's services (slices/undo.ts). */
export interface UndoServices {
  /** Keeps the session as it is now for Undo, before a change called `text`. */
  remember(text: string): void;
  say(text: string, action?: Notice['action']): void;
  /** Replaces the model by `snap` (undo, redo, leaving a tutorial). */
  restore(snap: SessionV1): void;
  /** Before replacing the user's model (New, an example, a tutorial): keep it for Undo, and say so if there was one. */
  replacing(label: string, did: string): void;
  /** The model is replaced by one that is no tutorial's: leaving a tutorial has nothing to bring back. */
  forgetBeforeTutorial(): void;
}

/** The tutorial slice's services (slices/tutorial.ts). */
export interface TutorialServices {
  /** Puts the tutorial step's stops on the timeline `t` (none if the history left the tutorial's path). */
  attach(place: TutorialPlace | null, t: Timeline): void;
}

export interface Core extends ModelServices, UndoServices, TutorialServices {
  readonly maxTicks: number;
  readonly runner: HookRunner;
  /** A time budget starting now: asked while hooks run in place. */
  budget(): () => boolean;
  history: UndoHistory;
  /** The model the user had before opening a tutorial: leaving the tutorial brings it back. */
  beforeTutorial: SessionV1 | null;
  /**
   * The model is as relviz opened it (an example, a scenario, New): replacing it loses
   * nothing of the user's, so it is done without a notice (still one Undo away). A
   * session from outside (saved, shared) is someone's work.
   */
  pristine: boolean;
  /** Notices shown so far (each new one gets the next id). */
  notices: number;
  /** The run being computed by the runner, if any. */
  job: Job | null;
}

/**
 * Most ticks a history in the page may hold. A tick costs ~300 bytes in the Timeline
 * (its encoded trace records and a share of the checkpoints, engine/traceStore.ts),
 * plus what the views derive per hook: this keeps the longest run well under 1 GB
 * (`npm run bench:app` measures it). The CLI streams and has no such limit.
 */
export const MAX_HISTORY_TICKS = 1_000_000;

const unwired = (): never => {
  throw new Error('store core: a service was used before its slice was made');
};

/** The core for a store made with `opts`; the slices then wire their services in. */
export function createCore(opts: StoreOptions): Core {
  const budgetMs = opts.budgetMs ?? Number.POSITIVE_INFINITY;
  return {
    maxTicks: opts.maxTicks ?? MAX_HISTORY_TICKS,
    runner: opts.runner ?? sliceRunner(),
    budget() {
      if (budgetMs === Number.POSITIVE_INFINITY) return () => false;
      const deadline = performance.now() + budgetMs;
      return () => performance.now() > deadline;
    },
    history: opts.history ?? EMPTY_HISTORY,
    beforeTutorial: opts.history?.beforeTutorial ?? null,
    pristine: opts.session === undefined,
    notices: 0,
    job: null,
    sync: unwired,
    applyAt: unwired,
    applyAndPlay: unwired,
    rebuild: unwired,
    remember: unwired,
    say: unwired,
    restore: unwired,
    replacing: unwired,
    forgetBeforeTutorial: unwired,
    attach: unwired,
  };
}

