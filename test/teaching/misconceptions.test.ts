/**
 * The misconceptions panel never teaches something the engine does not show: every
 * scenario, run through the engine at many seeds and both Juju versions, produces the
 * hooks its focus points at, in the order that disproves the docs.
 */
import { describe, expect, it } from 'vitest';
import type { JujuVersion } from '../../src/engine/model.ts';
import { Timeline } from '../../src/engine/timeline.ts';
import { filesFor } from '../../src/engine/paths.ts';
import { readFileSync } from 'node:fs';
import type { HookRecord, TraceRecord } from '../../src/engine/trace.ts';
import { parseScript, runAfter } from '../../src/io/script.ts';
import { createRelvizStore, currentRecords } from '../../src/store/store.ts';
import {
  MISCONCEPTIONS,
  MisconceptionIds,
  WHAT_IFS,
  commandIndex,
  misconception,
  playbackPlan,
  showsScenario,
  type MisconceptionId,
  type Reveal,
} from '../../src/teaching/misconceptions.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 42, 1234];
const VERSIONS: readonly JujuVersion[] = ['3.6', '4.0'];

function run(script: string, seed: number, juju: JujuVersion): Timeline {
  const t = new Timeline({ seed, juju });
  for (const line of parseScript(script)) {
    const result = t.apply(line.command, { text: line.text, run: runAfter(line) });
    expect(result.exitCode, `${line.text}: ${result.stderr}`).toBe(0);
  }
  return t;
}

function revealed(id: MisconceptionId, seed: number, juju: JujuVersion): { trace: readonly TraceRecord[]; r: Reveal; hooks: HookRecord[]; key: HookRecord } {
  const m = misconception(id);
  const trace = [...run(m.script, seed, juju).fullTrace];
  const r = m.focus(trace);
  if (!r) throw new Error(`${id}: focus found nothing (seed ${seed}, Juju ${juju})`);
  const hooks = r.hooks.map((i) => trace[i] as HookRecord);
  return { trace, r, hooks, key: trace[r.key] as HookRecord };
}

const name = (h: HookRecord) => (h.remoteUnit ? `${h.unit} ${h.hook}:${h.remoteUnit}` : `${h.unit} ${h.hook}`);
const cases = SEEDS.flatMap((seed) => VERSIONS.map((juju) => ({ seed, juju })));

describe('the seven misconceptions', () => {
  it('are JUJU-SEMANTICS §13, one each, in order, with a source link and a script', () => {
    expect(MISCONCEPTIONS.map((m) => m.id)).toEqual([...MisconceptionIds]);
    expect(MISCONCEPTIONS.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const m of MISCONCEPTIONS) {
      expect(m.sources.length).toBeGreaterThan(0);
      for (const s of m.sources) expect(s.url).toMatch(/^https:\/\//);
      expect(() => parseScript(m.script)).not.toThrow();
    }
  });

  it.each(MISCONCEPTIONS.map((m) => m.id))('%s: the focus finds hook records, in order, the key among them, after `from`', (id) => {
    for (const { seed, juju } of cases) {
      const { trace, r } = revealed(id, seed, juju);
      expect(r.hooks.every((i) => trace[i]?.type === 'hook')).toBe(true);
      expect([...r.hooks].sort((a, b) => a - b)).toEqual(r.hooks);
      expect(r.hooks).toContain(r.key);
      expect(r.from).toBeLessThanOrEqual(r.hooks[0] as number);
    }
  });
});

describe('what each scenario shows', () => {
  it.each(cases)('1. the removed unit runs departed → broken → stop → remove (seed $seed, Juju $juju)', ({ seed, juju }) => {
    const { hooks, key } = revealed('stop-before-broken', seed, juju);
    expect(hooks.map(name)).toEqual([
      'worker/1 master-relation-departed:master/0',
      'worker/1 master-relation-broken',
      'worker/1 stop',
      'worker/1 remove',
    ]);
    expect(hooks.every((h) => h.result === 'ok')).toBe(true);
    expect(key.kind).toBe('stop');
  });

  it.each(cases)("2. the leader runs relation-changed for its own peer application-bag write (seed $seed, Juju $juju)", ({ seed, juju }) => {
    const { hooks, key } = revealed('leader-own-peer-write', seed, juju);
    const [write, changed] = hooks as [HookRecord, HookRecord];
    expect(write.unit).toBe('postgresql/0');
    expect(write.kind).toBe('leader-elected');
    expect(write.changes).toEqual([expect.objectContaining({ scope: 'app', owner: 'postgresql', diff: expect.objectContaining({ added: { primary: 'postgresql/0' } }) })]);
    // The single unit of the application: nobody else could have written.
    expect(changed).toBe(key);
    expect(changed.unit).toBe('postgresql/0');
    expect(changed.hook).toBe('replicas-relation-changed');
    expect([changed.remoteUnit, changed.remoteApp]).toEqual([null, 'postgresql']);
    // It reports exactly the leader's own commit.
    expect(changed.cause).toBe(write.seq);
  });

  it.each(cases)("3. others see a new unit join after its install, before its start (seed $seed, Juju $juju)", ({ seed, juju }) => {
    const { trace, r, key } = revealed('joined-after-start', seed, juju);
    const own = (kind: string) => trace.findIndex((x) => x.type === 'hook' && x.unit === 'postgresql/2' && x.kind === kind);
    const joined = r.key;
    // Playback stops on that join.
    expect(r.hooks.at(-1)).toBe(joined);
    expect([key.unit, key.hook, key.remoteUnit]).toEqual(['postgresql/0', 'replicas-relation-joined', 'postgresql/2']);
    expect(own('install')).toBeLessThan(own('relation-created'));
    expect(own('relation-created')).toBeLessThan(joined);
    expect(joined).toBeLessThan(own('start'));
    // postgresql/2's own joins come only after its start.
    const ownJoins = trace.map((x, i) => [x, i] as const).filter(([x]) => x.type === 'hook' && x.unit === 'postgresql/2' && x.kind === 'relation-joined');
    expect(ownJoins.length).toBe(2);
    for (const [, i] of ownJoins) expect(i).toBeGreaterThan(own('start'));
  });

  it.each(cases)("4. the removed unit runs departed for every unit it knew, naming itself as departing (seed $seed, Juju $juju)", ({ seed, juju }) => {
    const { hooks, key } = revealed('departing-unit-departed', seed, juju);
    expect(hooks.map(name)).toEqual([
      'master/0 master-application-relation-departed:worker/0',
      'master/0 master-application-relation-departed:worker/1',
      'master/0 master-application-relation-broken',
      'master/0 stop',
      'master/0 remove',
    ]);
    const departed = hooks.filter((h) => h.kind === 'relation-departed');
    expect(departed.map((h) => h.departingUnit)).toEqual(['master/0', 'master/0']);
    // Each deletes the worker's key from the master's own bag.
    expect(departed.map((h) => Object.keys(h.changes[0]?.diff.removed ?? {}))).toEqual([['worker/0-worker-key'], ['worker/1-worker-key']]);
    expect(key).toBe(departed[0]);
  });

  it.each(cases)("5. scaling the workers to zero runs no broken on the master; remove-relation does (seed $seed, Juju $juju)", ({ seed, juju }) => {
    const { trace, hooks, key } = revealed('broken-after-last-worker', seed, juju);
    const removal = commandIndex(trace, 'juju remove-relation master worker');
    expect(hooks.map(name)).toEqual([
      'master/0 master-application-relation-departed:worker/0',
      'master/0 master-application-relation-departed:worker/1',
      'master/0 master-application-relation-broken',
    ]);
    const beforeRemoval = trace.slice(0, removal).filter((x): x is HookRecord => x.type === 'hook' && x.unit === 'master/0' && x.kind === 'relation-broken');
    expect(beforeRemoval).toEqual([]);
    // Every worker was gone before the relation was removed.
    const removed = trace.slice(0, removal).filter((x) => x.type === 'event' && x.event === 'unit-removed').map((x) => (x.type === 'event' ? x.unit : null));
    expect(removed.sort()).toEqual(['worker/0', 'worker/1']);
    expect(trace.indexOf(key)).toBeGreaterThan(removal);
    expect(key.hook).toBe('master-application-relation-broken');
  });

  it.each(cases)("6. the application's relation-changed comes before any relation-joined (seed $seed, Juju $juju)", ({ seed, juju }) => {
    const { hooks, key } = revealed('changed-before-joined', seed, juju);
    expect(hooks.map(name)).toEqual([
      'postgresql/0 database-relation-created',
      'webapp/0 db-relation-created',
      'webapp/0 db-relation-changed',
      'webapp/0 db-relation-joined:postgresql/0',
    ]);
    const [write, , changed] = hooks as [HookRecord, HookRecord, HookRecord];
    expect(write.changes.some((c) => c.scope === 'app' && c.owner === 'postgresql' && 'credentials' in c.diff.added)).toBe(true);
    expect(changed).toBe(key);
    expect([changed.remoteUnit, changed.remoteApp]).toEqual([null, 'postgresql']);
    expect(changed.cause).toBe(write.seq);
  });

  it.each(cases)('7. the dying leader leads through its teardown; the next is elected after its remove, with no leader-settings-changed (seed $seed, Juju $juju)', ({ seed, juju }) => {
    const { trace, r, hooks, key } = revealed('leader-takes-over-at-once', seed, juju);
    const old = hooks.filter((h) => h.unit === 'postgresql/0');
    expect(old.map((h) => h.kind)).toEqual(['relation-departed', 'relation-departed', 'stop', 'remove']);
    expect(old.every((h) => h.result === 'ok')).toBe(true);
    // The leadership event comes after the old leader's remove, and names the new leader.
    const changed = trace.findIndex((x, i) => i > r.from && x.type === 'event' && x.event === 'leader-changed');
    expect(changed).toBeGreaterThan(trace.indexOf(old.at(-1) as HookRecord));
    expect([key.unit, key.kind]).toEqual(['postgresql/1', 'leader-elected']);
    expect(key.changes).toEqual([expect.objectContaining({ scope: 'app', owner: 'postgresql', diff: expect.objectContaining({ updated: { primary: ['postgresql/0', 'postgresql/1'] } }) })]);
    const after = trace.slice(r.from).filter((x): x is HookRecord => x.type === 'hook');
    expect(after.filter((h) => h.kind === 'leader-settings-changed')).toEqual([]);
    expect(after.filter((h) => h.kind === 'leader-elected').map((h) => h.unit)).toEqual(['postgresql/1']);
  });
});

describe('playing a misconception from the store', () => {
  it.each(MISCONCEPTIONS.map((m) => m.id))('%s: loaded as a script, the plan starts before the reveal and ends on its last hook', (id) => {
    const m = misconception(id);
    const store = createRelvizStore();
    store.getState().loadScript(m.script);
    const t = store.getState().timeline;
    const r = m.focus(t.fullTrace);
    expect(r).not.toBeNull();
    const plan = playbackPlan(r as Reveal, t.fullTrace, (i) => t.tickOfRecord(i));
    expect(plan).not.toBeNull();
    const { start, end, inspectSeq } = plan as NonNullable<typeof plan>;
    expect(start).toBeLessThan(end);
    expect(end).toBeLessThanOrEqual(store.getState().length);

    store.getState().seek(start);
    const seqAt = (records: readonly TraceRecord[]) => records.filter((x): x is HookRecord => x.type === 'hook').map((h) => h.seq);
    // Nothing of the reveal has happened yet at the start…
    const first = t.fullTrace.at((r as Reveal).hooks[0] as number) as HookRecord;
    expect(seqAt(t.trace)).not.toContain(first.seq);
    // …and at the end the last revealing hook is the one at the cursor.
    store.getState().seek(end);
    const last = t.fullTrace.at((r as Reveal).hooks.at(-1) as number) as HookRecord;
    expect(seqAt(currentRecords(store.getState()))).toEqual([last.seq]);
    if (inspectSeq !== null) expect(seqAt(t.trace)).toContain(inspectSeq);
    else expect((r as Reveal).key).toBe((r as Reveal).hooks.at(-1));
  });

  it('keeps the banner while the inputs still begin with the scenario, not after another script is loaded', () => {
    const texts = parseScript(misconception('stop-before-broken').script).map((l) => l.text);
    expect(showsScenario(texts, texts)).toBe(true);
    expect(showsScenario([...texts, 'juju status'], texts)).toBe(true);
    expect(showsScenario(texts.slice(0, 2), texts)).toBe(false);
    expect(showsScenario(['juju deploy ubuntu', ...texts.slice(1)], texts)).toBe(false);
    expect(showsScenario([], [])).toBe(false);
  });
});

describe('what happens if… on a real bundle', () => {
  /** The example bundles, as the app has them at hand. */
  const files = Object.fromEntries(
    ['examples/bundles/cos-lite/bundle.yaml'].map((p) => [p, readFileSync(p, 'utf8')]),
  );

  it.each(WHAT_IFS.map((m) => m.id))('%s: deploys the real bundle and shows who departs the removed unit, whatever the seed', (id) => {
    const m = misconception(id);
    for (const { seed, juju } of cases.slice(0, 6)) {
      const t = new Timeline({ seed, juju });
      for (const line of parseScript(m.script)) {
        const command = line.command.type === 'deploy-bundle' ? { ...line.command, files: filesFor(line.command, files) } : line.command;
        const result = t.apply(command, { text: line.text, run: runAfter(line) });
        expect(result.exitCode, `${line.text}: ${result.stderr}`).toBe(0);
      }
      const trace = [...t.fullTrace];
      const r = m.focus(trace);
      expect(r, `seed ${seed}`).not.toBeNull();
      const hooks = (r as Reveal).hooks.map((i) => trace[i] as HookRecord);
      // Its peer and a unit of every application related to prometheus depart it.
      const departers = new Set(hooks.filter((h) => h.unit !== 'prometheus/1').map((h) => h.unit));
      expect([...departers].sort()).toEqual(['alertmanager/0', 'catalogue/0', 'grafana/0', 'loki/0', 'prometheus/0', 'traefik/0']);
      // The removed unit departs, breaks each relation, then stops and goes.
      const own = hooks.filter((h) => h.unit === 'prometheus/1').map((h) => h.kind);
      expect(own.slice(-2)).toEqual(['stop', 'remove']);
      expect(own.lastIndexOf('relation-departed')).toBeLessThan(own.indexOf('stop'));
      expect((trace[(r as Reveal).key] as HookRecord).remoteUnit).toBe('prometheus/1');
    }
  });
});
