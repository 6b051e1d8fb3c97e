/**
 * A HookRunner backed by the engine worker. The worker is started on the first long
 * run (so it costs nothing at page load) and kept for the next. Cancelling a run
 * terminates the worker (the next run starts a fresh one) — unless the worker has
 * Python loaded, which takes seconds to load again: that worker is asked to stop after
 * its current chunk instead. Where a worker cannot start (no module workers, a blocking
 * content policy), runs fall back to slices on the page's thread: slower to finish,
 * but the page still never freezes (and charm code cannot run there).
 *
 * Chunks hold at most one checkpoint (a copy of the whole model): the page pays for
 * each message when it reads it, so one big message would be one long task.
 */
import { reviveChunk } from '../engine/hookrun.ts';
import { CHECKPOINT_INTERVAL } from '../engine/timeline.ts';
import { sliceRunner, type HookRunner } from '../store/runner.ts';
import type { CancelRequest, RunRequest, WorkerReply } from './protocol.ts';

/**
 * Hooks per message: the least spacing of checkpoints, so a message carries at most
 * one checkpoint (a big model's is ~1 MB) and its records as bytes (~20-90 a hook);
 * the page reads each in a few milliseconds, and fewer messages cost it less.
 */
export const WORKER_CHUNK_HOOKS = CHECKPOINT_INTERVAL;

/**
 * How long a worker with Python may take to stop after a cancel: a hook stuck in one long
 * C-level call never reaches the end of its chunk (the line budget cannot stop it), so
 * past this it is terminated like any other, and Python loads again on next need.
 */
export const CANCEL_GRACE_MS = 3000;

export function workerRunner(
  chunkHooks = WORKER_CHUNK_HOOKS,
  create = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'relviz-engine' }),
  graceMs = CANCEL_GRACE_MS,
): HookRunner {
  let worker: Worker | null = null;
  /** The worker has loaded Python: keep it (cancel by message, not by terminating it). */
  let hasPython = false;
  let fallback: HookRunner | null = null;
  let nextId = 1;
  /** Cancelled runs of a worker with Python, each terminated if it does not stop in time. */
  const graceTimers = new Map<number, ReturnType<typeof setTimeout>>();
  const runner: HookRunner = {
    start(start, listener) {
      if (fallback) return fallback.start(start, listener);
      try {
        worker ??= create();
      } catch (e) {
        console.warn(`relviz: no engine worker (${(e as Error).message}); computing on the page between frames`);
        fallback = sliceRunner();
        return fallback.start(start, listener);
      }
      const w = worker;
      const id = nextId++;
      let live = true;
      let heard = false;
      let cancelFallback: (() => void) | null = null;
      w.onmessage = (e: MessageEvent<WorkerReply>) => {
        const reply = e.data;
        if (reply.type === 'cancelled') {
          clearTimeout(graceTimers.get(reply.id));
          graceTimers.delete(reply.id);
          return;
        }
        if (reply.type === 'python') {
          // (Loading goes on for the next run even when this one was cancelled.)
          if (reply.status === 'ready') hasPython = true;
          if (live) listener.python?.(reply.status, reply.detail);
          return;
        }
        if (!live || reply.id !== id) return;
        heard = true;
        if (reply.type === 'error') {
          live = false;
          listener.fail(reply.message);
          return;
        }
        if (reply.chunk.done) live = false;
        listener.chunk(reviveChunk(reply.chunk));
      };
      w.onerror = (e) => {
        e.preventDefault();
        if (!live) return;
        live = false;
        worker = null;
        hasPython = false;
        w.terminate();
        if (heard) {
          listener.fail(e.message || 'the engine worker stopped');
          return;
        }
        // It never started (it could not be loaded): compute this run and the next ones here.
        console.warn(`relviz: the engine worker did not start (${e.message || 'no reason given'}); computing on the page between frames`);
        fallback = sliceRunner();
        cancelFallback = fallback.start(start, listener);
      };
      w.postMessage({ type: 'run', id, start, chunkHooks } satisfies RunRequest);
      return () => {
        cancelFallback?.();
        if (!live) return;
        live = false;
        if (hasPython) {
          w.postMessage({ type: 'cancel', id } satisfies CancelRequest);
          graceTimers.set(
            id,
            setTimeout(() => {
              graceTimers.delete(id);
              if (worker !== w) return;
              worker = null;
              hasPython = false;
              w.terminate();
            }, graceMs),
          );
          return;
        }
        worker = null;
        w.terminate();
      };
    },
  };
  return runner;
}
