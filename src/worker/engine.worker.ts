/**
 * The engine in a Web Worker: computes long runs off the page's thread and posts
 * them back in chunks (records and checkpoints, as `Timeline.adopt` takes them).
 *
 * A run whose model has charms with code of their own loads Python first (Pyodide, from
 * the app's own `pyodide/` folder; once, then kept), telling the page how it goes. Such
 * a run yields between chunks so that a cancel can stop it without losing Python;
 * other runs are cancelled by terminating the worker, so their loop need not yield.
 */
/// <reference lib="webworker" />
import { HookRun, chunkTransfer, reviveState } from '../engine/hookrun.ts';
import { installPython, pythonHost } from '../engine/python.ts';
import { installReaders } from '../engine/readersImpl.ts';
import { runsCode } from '../engine/sim.ts';
import type { WorkerReply, WorkerRequest } from './protocol.ts';

// The worker replays whole sessions, bundles and status files included: it needs the readers from the start.
installReaders();

const post = (reply: WorkerReply, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

let loading: Promise<void> | null = null;

/** Loads Python once; a failure is reported and tried again on the next run that needs it. */
function ensurePython(): Promise<void> {
  if (pythonHost()) return Promise.resolve();
  loading ??= (async () => {
    post({ type: 'python', status: 'loading', detail: 'loading Python (Pyodide)' });
    try {
      const [{ loadPythonHost }, { runtimeSources }] = await Promise.all([import('../python/load.ts'), import('../python/sources.ts')]);
      const indexURL = new URL(`${import.meta.env.BASE_URL}pyodide/`, self.location.origin).href;
      const host = await loadPythonHost({ indexURL, sources: runtimeSources, onProgress: (detail) => post({ type: 'python', status: 'loading', detail }) });
      installPython(host);
      post({ type: 'python', status: 'ready', detail: 'Python is ready' });
    } catch (e) {
      loading = null;
      const why = (e as Error).message || String(e);
      post({ type: 'python', status: 'failed', detail: why });
      throw new Error(`Python could not be loaded, so charm code cannot run: ${why}`, { cause: e });
    }
  })();
  return loading;
}

/** Hooks per message when charm code runs (a few milliseconds each): the page sees them come, and a cancel waits little. */
const CODE_CHUNK_HOOKS = 32;

const cancelled = new Set<number>();
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const request = e.data;
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  const { id, start, chunkHooks } = request;
  try {
    const state = reviveState(start.state);
    const code = runsCode(state);
    if (code) await ensurePython();
    const run = new HookRun({ ...start, state });
    for (;;) {
      if (cancelled.delete(id)) {
        post({ type: 'cancelled', id });
        return;
      }
      const chunk = run.next(code ? Math.min(chunkHooks, CODE_CHUNK_HOOKS) : chunkHooks);
      post({ type: 'chunk', id, chunk }, chunkTransfer(chunk));
      if (chunk.done) return;
      if (code) await yieldToMessages();
    }
  } catch (err) {
    post({ type: 'error', id, message: (err as Error).message });
  } finally {
    cancelled.delete(id);
  }
};
