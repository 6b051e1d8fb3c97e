/**
 * A HookRunner backed by the engine worker. The worker is started on the first long
 * run (so it costs nothing at page load) and kept for the next; cancelling a run
 * terminates it, and the next run starts a fresh one. Where a worker cannot start
 * (no module workers, a blocking content policy), runs fall back to slices on the
 * page's thread: slower to finish, but the page still never freezes.
 *
 * Chunks hold at most one checkpoint (a copy of the whole model): the page pays for
 * each message when it reads it, so one big message would be one long task.
 */
import { reviveChunk } from '../engine/hookrun.ts';
import { CHECKPOINT_INTERVAL } from '../engine/timeline.ts';
import { sliceRunner, type HookRunner } from '../store/runner.ts';
import type { RunRequest, WorkerReply } from './protocol.ts';

/**
 * Hooks per message: the least spacing of checkpoints, so a message carries at most
 * one checkpoint (a big model's is ~1 MB) and its records as bytes (~20-90 a hook);
 * the page reads each in a few milliseconds, and fewer messages cost it less.
 */
export const WORKER_CHUNK_HOOKS = CHECKPOINT_INTERVAL;

export function workerRunner(chunkHooks = WORKER_CHUNK_HOOKS, create = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'relviz-engine' })): HookRunner {
  let worker: Worker | null = null;
  let fallback: HookRunner | null = null;
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
      let live = true;
      let heard = false;
      let cancelFallback: (() => void) | null = null;
      w.onmessage = (e: MessageEvent<WorkerReply>) => {
        if (!live) return;
        heard = true;
        const reply = e.data;
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
      w.postMessage({ type: 'run', start, chunkHooks } satisfies RunRequest);
      return () => {
        cancelFallback?.();
        if (!live) return;
        live = false;
        worker = null;
        w.terminate();
      };
    },
  };
  return runner;
}
