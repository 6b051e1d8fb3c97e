/**
 * The model rebuilt from a history's hooks alone (src/io/trace/model.ts): the
 * applications, units, relations and leaders relviz would draw for an imported history.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HookRecord } from '../../src/engine/trace.ts';
import { hookJsonLine } from '../../src/io/report.ts';
import { MODEL_CHECKPOINT, ModelBuilder, ModelHistory, modelAfter } from '../../src/io/trace/model.ts';
import { readHistory } from '../../src/io/trace/read.ts';
import { RUNS, deployArb, opArb, runOps } from '../engine/generators.ts';
import { sim } from '../helpers.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/debug-log');
const hooksOf = (records: readonly HookRecord[]) => readHistory([{ name: 'relviz.jsonl', text: records.filter((r) => r.kind !== 'action').map(hookJsonLine).join('\n') }]).hooks;

describe('the model of an imported history', () => {
  it("relviz's masterworker: the applications, the relation with both ends, the leaders, worker/1 gone", () => {
    const run = sim(readFileSync(join(import.meta.dirname, '../../examples/masterworker.juju'), 'utf8'));
    const hooks = hooksOf(run.hooks());
    const model = modelAfter(hooks, hooks.length);
    expect(model.apps).toEqual([
      { name: 'master', endpoints: ['master-application'], units: ['master/0'], leader: 'master/0' },
      { name: 'worker', endpoints: ['master'], units: ['worker/0'], leader: 'worker/0' },
    ]);
    expect(model.relations).toEqual([{ key: '#1', id: 1, ends: [{ app: 'worker', endpoint: 'master' }, { app: 'master', endpoint: 'master-application' }], peer: false, units: ['master/0', 'worker/0'] }]);
    expect(model.units.find((u) => u.name === 'worker/1')?.removed).toBe(true);
    // Before the relation is removed, relation 0 is there instead.
    const before = hooks.findIndex((h) => h.hook === 'master-application-relation-broken');
    expect(modelAfter(hooks, before).relations.map((r) => r.key)).toEqual(['#0']);
  });

  it('a real COS Lite debug-log: the applications and endpoints it shows, relations seen from one side', () => {
    const hooks = readHistory([{ name: 'cos.txt', text: readFileSync(join(FIXTURES, 'jhack-tail_mocks-jdl_cos_lite.txt'), 'utf8') }]).hooks;
    const model = modelAfter(hooks, hooks.length);
    expect(model.apps.map((a) => a.name)).toEqual(['alertmanager', 'catalogue', 'grafana', 'loki', 'prometheus']);
    expect(model.apps.find((a) => a.name === 'alertmanager')?.endpoints).toEqual(expect.arrayContaining(['alerting', 'catalogue', 'ingress', 'replicas']));
    expect(model.relations.every((r) => r.id === undefined)).toBe(true);
  });

  it('for random relviz histories: the engine\'s units are drawn, and relations by id have both ends', () => {
    fc.assert(
      fc.property(fc.nat(), fc.tuple(fc.array(deployArb, { minLength: 2, maxLength: 3 }), fc.array(opArb, { minLength: 2, maxLength: 16 })), fc.constantFrom('3.6' as const, '4.0' as const), (seed, [d, o], juju) => {
        const t = runOps(seed, [...d, ...o], juju);
        const records = [...t.fullTrace].filter((r): r is HookRecord => r.type === 'hook' && r.kind !== 'action');
        if (records.length === 0) return;
        const hooks = hooksOf(records);
        const model = modelAfter(hooks, hooks.length);
        const ran = new Set(hooks.map((h) => h.unit));
        const alive = [...t.state.units.keys()].filter((u) => ran.has(u)).sort();
        const drawn = model.apps.flatMap((a) => a.units);
        // Every unit the engine still has is drawn; a unit drawn that the engine no longer
        // has left without a remove hook the input could show (one never installed).
        expect(drawn).toEqual(expect.arrayContaining(alive));
        for (const name of drawn.filter((n) => !alive.includes(n))) expect(hooks.filter((h) => h.unit === name).some((h) => h.kind === 'install' && h.outcome === 'ran')).toBe(false);
        for (const r of model.relations) {
          const rel = r.id !== undefined ? t.state.relations.get(r.id) : undefined;
          if (rel && !r.peer) expect(r.ends.map((e) => e.app).sort()).toEqual(rel.endpoints.map((e) => e.app).sort());
        }
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 10)) },
    );
  });
});

describe('the model at any point of a history (ModelHistory, what the viewer scrubs)', () => {
  it('after(n) is the model after the first n hooks, for every n, across checkpoints', () => {
    // Long enough for several checkpoints, with units and relations alive across them: removals and broken relations on both sides.
    const run = sim('juju deploy master\njuju deploy worker -n 40\njuju relate master worker\njuju remove-unit worker/3 worker/7\njuju add-unit worker -n 2\njuju remove-relation master worker\njuju remove-unit master/0\n');
    const hooks = hooksOf(run.hooks());
    expect(hooks.length).toBeGreaterThan(2 * MODEL_CHECKPOINT);
    const history = new ModelHistory(hooks);
    // The expected models from one builder fed hook by hook.
    const fresh = new ModelBuilder();
    for (let n = 0; n <= hooks.length; n++) {
      expect(history.after(n)).toEqual(fresh.snapshot());
      if (n < hooks.length) fresh.apply(hooks[n] as (typeof hooks)[number]);
    }
    expect(history.after(hooks.length + 5)).toEqual(modelAfter(hooks, hooks.length));
    expect(history.after(-1)).toEqual(modelAfter(hooks, 0));
  });

  it('for random relviz histories and cursors: after(n) equals a fresh build', () => {
    fc.assert(
      fc.property(fc.nat(), fc.tuple(fc.array(deployArb, { minLength: 2, maxLength: 3 }), fc.array(opArb, { minLength: 2, maxLength: 16 })), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (seed, [d, o], points) => {
        const records = [...runOps(seed, [...d, ...o], '3.6').fullTrace].filter((r): r is HookRecord => r.type === 'hook' && r.kind !== 'action');
        if (records.length === 0) return;
        const hooks = hooksOf(records);
        const history = new ModelHistory(hooks);
        for (const p of points) {
          const n = Math.round(p * hooks.length);
          expect(history.after(n)).toEqual(modelAfter(hooks, n));
        }
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 10)) },
    );
  });

  it('seen: every application and unit the whole history shows, removed or not, and every relation ever there', () => {
    const run = sim('juju deploy master\njuju deploy worker -n 2\njuju relate master worker\njuju remove-relation master worker\njuju remove-application worker\n');
    const hooks = hooksOf(run.hooks());
    const { seen } = new ModelHistory(hooks);
    const end = modelAfter(hooks, hooks.length);
    expect(end.apps.find((a) => a.name === 'worker')?.units).toEqual([]);
    expect(end.relations).toEqual([]);
    expect(seen.apps.map((a) => [a.name, a.units])).toEqual([
      ['master', ['master/0']],
      ['worker', ['worker/0', 'worker/1']],
    ]);
    expect(seen.relations.map((r) => r.key)).toEqual(['#0']);
  });
});

describe('what a history shows, in lines', () => {
  it('names each application with its units (the leader starred) and endpoints, each relation with its ends, and stays short', async () => {
    const { describeModel } = await import('../../src/io/trace/model.ts');
    const run = sim(readFileSync(join(import.meta.dirname, '../../examples/masterworker.juju'), 'utf8'));
    const hooks = hooksOf(run.hooks());
    expect(describeModel(modelAfter(hooks, hooks.length))).toEqual(['master: master/0*; endpoints master-application', 'worker: worker/0*; endpoints master', 'relation 1: worker:master — master:master-application']);
    const big = sim('juju deploy master\njuju deploy worker -n 12\njuju relate master worker\n');
    const bigHooks = hooksOf(big.hooks());
    expect(describeModel(modelAfter(bigHooks, bigHooks.length))[1]).toBe('worker: worker/0*, worker/1, worker/2, worker/3, worker/4, worker/5, … (12 units); endpoints master');
    expect(describeModel(modelAfter(bigHooks, bigHooks.length), 2)).toEqual(['master: master/0*; endpoints master-application', '… and 2 more']);
  });
});
