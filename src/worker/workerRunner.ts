/**
 * A HookRunner backed by the engine worker. The worker is started on the first long
 * run (so it costs nothing at page load) and kept for the next; cancelling a run
 * terminates it, and the next run starts a fresh one.
 */
import { reviveChunk } from '../engine/hookrun.ts';
import { CHUNK_HOOKS, type HookRunner } from '../store/runner.ts';
import type { RunRequest, WorkerReply } from './protocol.ts';

export function workerRunner(chunkHooks = CHUNK_HOOKS): HookRunner {
  let worker: Worker | null = null;
  return {
    start(start, listener) {
      worker ??= new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'relviz-engine' });
      const w = worker;
      let live = true;
      w.onmessage = (e: MessageEvent<WorkerReply>) => {
        if (!live) return;
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
        listener.fail(e.message || 'the engine worker failed to start');
      };
      w.postMessage({ type: 'run', start, chunkHooks } satisfies RunRequest);
      return () => {
        if (!live) return;
        live = false;
        worker = null;
        w.terminate();
      };
    },
  };
}
