/** Messages between the page and the engine worker (engine.worker.ts). */
import type { RunChunk, RunStart } from '../engine/hookrun.ts';

/** Page → worker: compute this run, chunk by chunk. One run per worker at a time. */
export interface RunRequest {
  readonly type: 'run';
  /** Names the run, so a cancel names what it stops. */
  readonly id: number;
  readonly start: RunStart;
  readonly chunkHooks: number;
}

/**
 * Page → worker: stop run `id` after its current chunk. Only sent to a worker that has
 * Python loaded (worth keeping: it takes seconds to load); others are terminated.
 */
export interface CancelRequest {
  readonly type: 'cancel';
  readonly id: number;
}

export type WorkerRequest = RunRequest | CancelRequest;

/** Worker → page. `python`: how loading Python for a charm's code goes. */
export type WorkerReply =
  | { readonly type: 'chunk'; readonly id: number; readonly chunk: RunChunk }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  /** Run `id` stopped on a cancel (the worker is free again). */
  | { readonly type: 'cancelled'; readonly id: number }
  | { readonly type: 'python'; readonly status: 'loading' | 'ready' | 'failed'; readonly detail: string };
