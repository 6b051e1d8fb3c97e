/** The worker runner's protocol and its fallback, with a fake Worker standing in for the browser's. */
import { describe, expect, it } from 'vitest';
import { HookRun, type RunChunk } from '../../src/engine/hookrun.ts';
import { Timeline } from '../../src/engine/timeline.ts';
import type { RunListener } from '../../src/store/runner.ts';
import type { WorkerReply, WorkerRequest } from '../../src/worker/protocol.ts';
import { workerRunner } from '../../src/worker/workerRunner.ts';

function start() {
  const t = new Timeline({ seed: 2 });
  t.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: 1 });
  t.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 4 }, { run: 0 });
  return { t, start: t.runStart(Number.MAX_SAFE_INTEGER)! };
}

/** A Worker that answers like engine.worker.ts, through structured clones, or fails to load. */
class FakeWorker {
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly cancels: number[] = [];
  constructor(
    private readonly broken = false,
    /** Says it loaded Python before its first chunk, as the real worker does for a model with charm code. */
    private readonly python = false,
    /** Stuck in a hook: never stops on a cancel (nor says so). */
    private readonly stuck = false,
  ) {}
  postMessage(request: WorkerRequest) {
    if (request.type === 'cancel') {
      this.cancels.push(request.id);
      if (!this.stuck) setTimeout(() => this.onmessage?.({ data: { type: 'cancelled', id: request.id } } as MessageEvent<WorkerReply>), 0);
      return;
    }
    setTimeout(() => {
      if (this.broken) {
        this.onerror?.({ message: 'failed to fetch', preventDefault() {} } as ErrorEvent);
        return;
      }
      const copy = structuredClone(request);
      if (this.python) this.onmessage?.({ data: { type: 'python', status: 'ready', detail: 'Python is ready' } } as MessageEvent<WorkerReply>);
      const run = new HookRun(copy.start);
      const next = () => {
        if (this.terminated || this.cancels.includes(copy.id)) return;
        const chunk = run.next(copy.chunkHooks);
        this.onmessage?.({ data: structuredClone({ type: 'chunk', id: copy.id, chunk }) } as MessageEvent<WorkerReply>);
        // A worker with Python yields between chunks (so a cancel gets in); one without runs through.
        if (!chunk.done) {
          if (this.python) setTimeout(next, 1);
          else next();
        }
      };
      next();
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

function collect(): { listener: RunListener; done: Promise<RunChunk[]> } {
  const chunks: RunChunk[] = [];
  let resolve!: (c: RunChunk[]) => void;
  let reject!: (e: Error) => void;
  const done = new Promise<RunChunk[]>((res, rej) => ((resolve = res), (reject = rej)));
  return {
    done,
    listener: {
      chunk(c) {
        chunks.push(c);
        if (c.done) resolve(chunks);
      },
      fail: (m) => reject(new Error(m)),
    },
  };
}

describe('workerRunner', () => {
  it('hands over the worker’s chunks with their states revived, and they adopt to a complete run', async () => {
    const { t, start: s } = start();
    const workers: FakeWorker[] = [];
    const runner = workerRunner(3, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const { listener, done } = collect();
    runner.start(s, listener);
    const chunks = await done;
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) t.adopt(c);
    const inPlace = new Timeline({ seed: 2 });
    inPlace.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: 1 });
    inPlace.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 4 });
    expect(t.length).toBe(inPlace.length);
    expect(workers).toHaveLength(1);
    // A second run reuses the worker.
    const again = collect();
    runner.start(start().start, again.listener);
    await again.done;
    expect(workers).toHaveLength(1);
  });

  it('cancelling terminates the worker; the next run starts a fresh one', () => {
    const workers: FakeWorker[] = [];
    const runner = workerRunner(3, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const cancel = runner.start(start().start, collect().listener);
    cancel();
    expect(workers[0]?.terminated).toBe(true);
    runner.start(start().start, collect().listener);
    expect(workers).toHaveLength(2);
  });

  it('falls back to slices on this thread when the worker cannot be created or never starts', async () => {
    const throwing = workerRunner(50, () => {
      throw new Error('SecurityError');
    });
    const a = collect();
    throwing.start(start().start, a.listener);
    expect((await a.done).at(-1)?.done).toBe(true);

    const unloadable = workerRunner(50, () => new FakeWorker(true) as unknown as Worker);
    const b = collect();
    unloadable.start(start().start, b.listener);
    expect((await b.done).at(-1)?.done).toBe(true);
  });
  it('keeps a worker that has loaded Python: a cancel asks it to stop, and the next run reuses it', async () => {
    const workers: FakeWorker[] = [];
    const runner = workerRunner(1, () => {
      const w = new FakeWorker(false, true);
      workers.push(w);
      return w as unknown as Worker;
    });
    const statuses: string[] = [];
    const first = collect();
    const cancel = runner.start(start().start, { ...first.listener, python: (status) => statuses.push(status) });
    await new Promise((r) => setTimeout(r, 5));
    cancel();
    expect(statuses).toEqual(['ready']);
    expect(workers[0]?.terminated).toBe(false);
    expect(workers[0]?.cancels).toEqual([1]);
    const again = collect();
    runner.start(start().start, again.listener);
    const chunks = await again.done;
    expect(chunks.at(-1)?.done).toBe(true);
    expect(workers).toHaveLength(1);
  });
  it('terminates a worker with Python that does not stop in time after a cancel (a hook stuck in one long call)', async () => {
    const workers: FakeWorker[] = [];
    const runner = workerRunner(
      1,
      () => {
        const w = new FakeWorker(false, true, workers.length === 0);
        workers.push(w);
        return w as unknown as Worker;
      },
      20,
    );
    const cancel = runner.start(start().start, collect().listener);
    await new Promise((r) => setTimeout(r, 5));
    cancel();
    expect(workers[0]?.terminated).toBe(false);
    await new Promise((r) => setTimeout(r, 40));
    expect(workers[0]?.terminated).toBe(true);
    // The next run gets a fresh worker.
    const again = collect();
    runner.start(start().start, again.listener);
    expect((await again.done).at(-1)?.done).toBe(true);
    expect(workers).toHaveLength(2);
  });
});
