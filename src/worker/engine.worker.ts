/**
 * The engine in a Web Worker: computes long runs off the page's thread and posts
 * them back in chunks (records and checkpoints, as `Timeline.adopt` takes them).
 * Cancelling is terminating the worker, so the loop need not yield.
 */
/// <reference lib="webworker" />
import { HookRun, chunkTransfer, reviveState } from '../engine/hookrun.ts';
import { installReaders } from '../engine/readersImpl.ts';
import type { RunRequest, WorkerReply } from './protocol.ts';

// The worker replays whole sessions, bundles and status files included: it needs the readers from the start.
installReaders();

const post = (reply: WorkerReply, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

self.onmessage = (e: MessageEvent<RunRequest>) => {
  const { start, chunkHooks } = e.data;
  try {
    const run = new HookRun({ ...start, state: reviveState(start.state) });
    for (;;) {
      const chunk = run.next(chunkHooks);
      post({ type: 'chunk', chunk }, chunkTransfer(chunk));
      if (chunk.done) return;
    }
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};
