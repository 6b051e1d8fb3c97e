/** Messages between the page and the engine worker (engine.worker.ts). */
import type { RunChunk, RunStart } from '../engine/hookrun.ts';

/** Page → worker: compute this run, chunk by chunk. One run per worker at a time. */
export interface RunRequest {
  readonly type: 'run';
  readonly start: RunStart;
  readonly chunkHooks: number;
}

/** Worker → page. */
export type WorkerReply = { readonly type: 'chunk'; readonly chunk: RunChunk } | { readonly type: 'error'; readonly message: string };
