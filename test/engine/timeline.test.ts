/** Timeline behaviour beyond the property tests: long runs computed elsewhere and adopted in chunks. */
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/clone.ts';
import type { Command } from '../../src/engine/commands.ts';
import { HookRun, reviveChunk, reviveState, type RunChunk, type RunStart } from '../../src/engine/hookrun.ts';
import { CHECKPOINT_INTERVAL, Timeline } from '../../src/engine/timeline.ts';

const deploy = (name: string, units: number): Command => ({ type: 'deploy', charm: { kind: 'catalog', name }, app: null, units });
const integrate: Command = { type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } };

/** masterworker with `workers` workers, the integrate left with `firstHooks` hooks run in place. */
function model(workers: number, firstHooks: number, seed = 3): Timeline {
  const t = new Timeline({ seed });
  t.apply(deploy('master', 1));
  t.apply(deploy('worker', workers));
  t.apply(integrate, { run: firstHooks });
  return t;
}

/** The first trace record where two timelines differ (-1: none), so a failure says where, not a megabyte of JSON. */
function firstDifference(a: Timeline, b: Timeline): number {
  const n = Math.max(a.fullTrace.length, b.fullTrace.length);
  for (let i = 0; i < n; i++) if (JSON.stringify(a.fullTrace.at(i)) !== JSON.stringify(b.fullTrace.at(i))) return i;
  return -1;
}

/** Runs the rest of the last entry as a worker would: every message through a structured clone. */
function runElsewhere(t: Timeline, slice: number, limit = Number.MAX_SAFE_INTEGER): number {
  const start = t.runStart(limit) as RunStart;
  const run = new HookRun({ ...start, state: reviveState(structuredClone(start.state)) });
  let chunks = 0;
  for (;;) {
    const chunk = reviveChunk(structuredClone(run.next(slice)) as RunChunk);
    t.adopt(chunk);
    chunks++;
    if (chunk.done) return chunks;
  }
}

describe('Timeline.adopt (long runs computed elsewhere)', () => {
  it('gives the same state, log, trace and checkpoints as running in place', () => {
    const inPlace = model(70, Number.MAX_SAFE_INTEGER);
    const adopted = model(70, 5);
    const chunks = runElsewhere(adopted, 700);

    expect(inPlace.length).toBeGreaterThan(3 * CHECKPOINT_INTERVAL);
    expect(chunks).toBeGreaterThan(3);
    expect(adopted.length).toBe(inPlace.length);
    expect(adopted.log.entries.map((e) => e.hooks)).toEqual(inPlace.log.entries.map((e) => e.hooks));
    expect(firstDifference(adopted, inPlace)).toBe(-1);
    expect(adopted.endHasWork).toBe(false);
    // The live state is rebuilt from the newest adopted checkpoint.
    adopted.seek(adopted.length);
    expect(fingerprint(adopted.state)).toBe(fingerprint(inPlace.state));
    expect(fingerprint(Timeline.fromLog(adopted.log).state)).toBe(fingerprint(inPlace.state));
  });

  it('seeks anywhere in the adopted range exactly as in the original', () => {
    const inPlace = model(25, Number.MAX_SAFE_INTEGER);
    const adopted = model(25, 1);
    runElsewhere(adopted, 333);
    for (const tick of [0, 7, CHECKPOINT_INTERVAL - 1, CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL + 1, Math.floor(inPlace.length / 2), inPlace.length - 1, inPlace.length]) {
      inPlace.seek(tick);
      adopted.seek(tick);
      expect(fingerprint(adopted.state), `tick ${tick}`).toBe(fingerprint(inPlace.state));
      expect(adopted.traceIndexAt(tick)).toBe(inPlace.traceIndexAt(tick));
    }
  });

  it('stops at the limit, and the history goes on from there as if it had been run in place', () => {
    const inPlace = model(20, 150);
    inPlace.apply({ type: 'remove-unit', units: ['worker/3'] });
    const adopted = model(20, 50);
    runElsewhere(adopted, 30, 100);
    expect(adopted.log.entries.at(-1)?.hooks).toBe(150);
    expect(adopted.endHasWork).toBe(true);
    // Adopting leaves the cursor where it was; acting there would fork, so go to the end.
    expect(adopted.cursor).toBeLessThan(adopted.length);
    adopted.seek(adopted.length);
    adopted.apply({ type: 'remove-unit', units: ['worker/3'] });
    expect(firstDifference(adopted, inPlace)).toBe(-1);
    expect(fingerprint(adopted.state)).toBe(fingerprint(inPlace.state));
  });

  it('applying a command while rewound into adopted ticks forks there', () => {
    const adopted = model(10, 0);
    runElsewhere(adopted, 64);
    const reference = model(10, 0);
    runElsewhere(reference, 1_000_000);
    const at = Math.floor(adopted.length / 2);
    adopted.seek(at);
    reference.seek(at);
    adopted.apply({ type: 'remove-unit', units: ['worker/1'] });
    reference.apply({ type: 'remove-unit', units: ['worker/1'] });
    expect(fingerprint(adopted.state)).toBe(fingerprint(reference.state));
    expect(adopted.length).toBe(reference.length);
  });

  it('a manual step run elsewhere stops once its unit has nothing left', () => {
    const t = new Timeline({ seed: 5 });
    t.apply(deploy('master', 1));
    t.apply({ type: 'step', count: 1000, unit: 'master/0', pick: null }, { run: 0 });
    runElsewhere(t, 3, 1000);
    const direct = new Timeline({ seed: 5 });
    direct.apply(deploy('master', 1));
    direct.apply({ type: 'step', count: 1000, unit: 'master/0', pick: null });
    expect(t.log.entries.at(-1)?.hooks).toBe(direct.log.entries.at(-1)?.hooks);
    expect(fingerprint(t.state)).toBe(fingerprint(direct.state));
  });
});

describe('Timeline checkpoints spaced by the size of the model', () => {
  it('scrubbing back through a sparse span (scratch states) gives the states of a fresh run', () => {
    const t = new Timeline({ seed: 5 });
    t.apply(deploy('master', 30));
    t.apply(deploy('worker', 60));
    t.apply(integrate);
    expect(t.length).toBeGreaterThan(3 * CHECKPOINT_INTERVAL);
    const end = t.length - 1;
    // Far from any checkpoint, then back a tick at a time across a CHECKPOINT_INTERVAL boundary.
    const boundary = end - (end % CHECKPOINT_INTERVAL);
    const fresh = Timeline.fromLog(t.log);
    for (const tick of [end, boundary + 2, boundary + 1, boundary, boundary - 1, boundary - 700]) {
      t.seek(tick);
      expect(fingerprint(t.state), `tick ${tick}`).toBe(fingerprint(fresh.stateAt(tick)));
      expect(fingerprint(t.stateAt(tick - 1)), `stateAt ${tick - 1}`).toBe(fingerprint(fresh.stateAt(tick - 1)));
    }
  });
});

describe('Timeline.visitStates (reading many ticks in one replay)', () => {
  it('visits, at each tick, the state stateAt gives, across checkpoints, and leaves the cursor alone', () => {
    const t = new Timeline({ seed: 3 });
    t.apply(deploy('master', 20));
    t.apply(deploy('worker', 40));
    t.apply(integrate);
    expect(t.length).toBeGreaterThan(2 * CHECKPOINT_INTERVAL);
    t.seek(7);
    const ticks = [0, 5, 5, 300, CHECKPOINT_INTERVAL - 1, CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL + 3, 2 * CHECKPOINT_INTERVAL + 11, t.length];
    const seen: number[] = [];
    t.visitStates(ticks, (tick, state) => {
      seen.push(tick);
      expect(fingerprint(state), `tick ${tick}`).toBe(fingerprint(t.stateAt(tick)));
    });
    expect(seen).toEqual(ticks);
    expect(t.cursor).toBe(7);
    expect(() => t.visitStates([5, 4], () => undefined)).toThrow(/ascending/);
  });
});
