/**
 * The one store: a vanilla zustand store (made by a factory, provided through React
 * context) holding the engine timeline, the cursor and UI state. The engine state is
 * never copied into React state: `view` is derived from it whenever the cursor moves,
 * and React Flow nodes are derived from `view` in turn.
 *
 * It is composed of slices (zustand's slices pattern; slices/), each with its own
 * state and actions: model (the timeline and its session), playback, selection,
 * console, tutorial, quiz and undo. What they share beyond the state — the undo
 * history, the run being computed, services such as `rebuild` — is the core
 * (slices/core.ts). The store's shape is in state.ts.
 */
import { createStore } from 'zustand/vanilla';
import type { TraceRecord } from '../engine/trace.ts';
import { createCore, type Full, type SliceArgs } from './slices/core.ts';
import { consoleSlice } from './slices/console.ts';
import { parseScriptInputs } from './scriptInputs.ts';
import { deployedTick, modelServices, modelSlice } from './slices/model.ts';
import { playbackSlice } from './slices/playback.ts';
import { quizSlice } from './slices/quiz.ts';
import { rerunSlice } from './slices/rerun.ts';
import { selectionSlice } from './slices/selection.ts';
import { tutorialServices, tutorialSlice } from './slices/tutorial.ts';
import { undoServices, undoSlice } from './slices/undo.ts';
import type { RelvizState, RelvizStore, StoreOptions } from './state.ts';

export type * from './state.ts';
export { MAX_HISTORY_TICKS } from './slices/core.ts';
export { deployedTick };

export function createRelvizStore(opts: StoreOptions = {}): RelvizStore {
  const session = opts.session;
  const seed = session?.seed ?? opts.seed ?? 1;
  const juju = session?.juju ?? opts.juju ?? '3.6';
  const inputs = session?.inputs ?? (opts.script ? parseScriptInputs(opts.script, opts.files ?? {}) : []);
  const core = createCore(opts);
  const store = createStore<Full>()((set, get) => {
    const args: SliceArgs = { set, get, core };
    Object.assign(core, modelServices(args), undoServices(args), tutorialServices(args));
    return {
      ...modelSlice(args, { seed, juju, inputs, positions: session?.positions ?? {}, files: opts.files ?? {}, error: opts.error ?? null }),
      ...playbackSlice(args),
      ...selectionSlice(args),
      ...consoleSlice(args),
      ...tutorialSlice(args),
      ...quizSlice(args),
      ...undoSlice(args, opts),
      ...rerunSlice(args),
    };
  });
  // Build the session's history (at once when it is short; long runs go to the runner).
  const place = opts.tutorial ?? session?.tutorial ?? null;
  core.rebuild(seed, juju, inputs, session ? session.cursor : opts.at === 'deployed' ? deployedTick : 0, place ? (t) => core.attach(place, t) : undefined);
  return store;
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
