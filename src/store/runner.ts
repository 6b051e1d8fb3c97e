/**
 * Where long runs are computed. The store hands a runner the start of a run
 * (`Timeline.runStart`) and adopts the chunks it sends back, so the page never
 * computes thousands of hooks in one go. The browser uses a Web Worker
 * (src/worker/); `sliceRunner` does the same work on this thread between tasks, for
 * Node (tests, CLI) and for browsers without module workers.
 */
import { HookRun, type RunChunk, type RunStart } from '../engine/hookrun.ts';

/**
 * Hooks a command runs in place before the rest goes to the runner: most commands
 * finish within it (the tutorial's run a hundred or so), and it stays well under a
 * frame even for charms that do real work in every hook (masterworker at 100 × 100
 * runs ~60,000 hooks a second).
 */
export const IN_PLACE_HOOKS = 1000;

/** Hooks per chunk on this thread: a few milliseconds of engine time between tasks. */
export const CHUNK_HOOKS = 5000;

export interface RunListener {
  /** A chunk, in order; the last one has `done` set. */
  chunk(chunk: RunChunk): void;
  /** The run broke (a bug, or the worker failed to load); no more chunks come. */
  fail(message: string): void;
  /** How loading Python goes, for runs of charms with code (the worker loads it on first need). */
  python?(status: 'loading' | 'ready' | 'failed', detail: string): void;
}

export interface HookRunner {
  /** Starts a run; returns a function that cancels it (no chunk arrives after). */
  start(start: RunStart, listener: RunListener): () => void;
}

/** Runs on this thread, one chunk per macrotask, so input and painting get their turn between chunks. */
export function sliceRunner(chunkHooks = CHUNK_HOOKS): HookRunner {
  return {
    start(start, listener) {
      const run = new HookRun(start);
      let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(function slice() {
        let chunk: RunChunk;
        try {
          chunk = run.next(chunkHooks);
        } catch (e) {
          timer = undefined;
          listener.fail((e as Error).message);
          return;
        }
        timer = chunk.done ? undefined : setTimeout(slice, 0);
        listener.chunk(chunk);
      }, 0);
      return () => clearTimeout(timer);
    },
  };
}
