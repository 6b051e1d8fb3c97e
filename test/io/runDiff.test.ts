/** What changed between two runs: hooks per unit (LCS), databags key by key, statuses and failures. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRuns, diffSequence, isEmptyDiff, mirrorDiff, runSnapshot, type RunSnapshot } from '../../src/io/runDiff.ts';
import { sim } from '../helpers.ts';

const EMPTY: RunSnapshot = { hooks: {}, bags: {}, statuses: {}, failures: {} };

describe('diffSequence', () => {
  it('keeps the hooks both runs ran and marks the others added or removed', () => {
    const a = ['install', 'start', 'db-relation-joined (db/0)', 'db-relation-changed (db/0)'];
    const b = ['install', 'start', 'db-relation-joined (db/0)', 'db-relation-changed (db/0) ✗', 'update-status'];

    const steps = diffSequence(a, b);

    expect(steps).toEqual([
      { op: 'same', hook: 'install' },
      { op: 'same', hook: 'start' },
      { op: 'same', hook: 'db-relation-joined (db/0)' },
      { op: 'removed', hook: 'db-relation-changed (db/0)' },
      { op: 'added', hook: 'db-relation-changed (db/0) ✗' },
      { op: 'added', hook: 'update-status' },
    ]);
  });

  it('breaks a tie the same way whichever run comes first', () => {
    const steps = diffSequence(['x', 'y'], ['y', 'x']);

    expect(steps).toEqual([
      { op: 'removed', hook: 'x' },
      { op: 'same', hook: 'y' },
      { op: 'added', hook: 'x' },
    ]);
    expect(diffSequence(['y', 'x'], ['x', 'y'])).toEqual([
      { op: 'added', hook: 'x' },
      { op: 'same', hook: 'y' },
      { op: 'removed', hook: 'x' },
    ]);
  });
});

describe('diffRuns', () => {
  it('reports a databag key by key: added, updated from → to, removed; a bag only one run has against an empty one', () => {
    const a: RunSnapshot = { ...EMPTY, bags: { 'worker:master master:master': { 'app:master': { k: '1', gone: 'x' } } } };
    const b: RunSnapshot = { ...EMPTY, bags: { 'worker:master master:master': { 'app:master': { k: '2', new: 'y' }, 'unit:worker/0': { ip: '10.0.0.1' } } } };

    const d = diffRuns(a, b);

    expect(d.bags).toEqual([
      { relation: 'worker:master master:master', bag: 'app:master', added: [['new', 'y']], updated: [['k', '1', '2']], removed: [['gone', 'x']] },
      { relation: 'worker:master master:master', bag: 'unit:worker/0', added: [['ip', '10.0.0.1']], updated: [], removed: [] },
    ]);
    expect(d.hooks).toEqual([]);
  });

  it('reports the units whose status or failure differs, and a unit one run has not as null', () => {
    const a: RunSnapshot = { ...EMPTY, statuses: { 'db/0': 'active', 'db/1': 'active' }, failures: {} };
    const b: RunSnapshot = { ...EMPTY, statuses: { 'db/0': 'error: hook failed: "db-relation-changed"' }, failures: { 'db/0': 'db-relation-changed' } };

    const d = diffRuns(a, b);

    expect(d.statuses).toEqual([
      { unit: 'db/0', before: 'active', after: 'error: hook failed: "db-relation-changed"' },
      { unit: 'db/1', before: 'active', after: null },
    ]);
    expect(d.failures).toEqual([{ unit: 'db/0', before: null, after: 'db-relation-changed' }]);
  });

  it('finds the hooks a removed unit no longer runs in a real history, after the fork point only', () => {
    const script = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker\n';
    const before = sim(script);
    const after = sim(`${script}juju remove-unit worker/1\n`);
    const fork = before.timeline.length;

    const d = diffRuns(runSnapshot(before.timeline, fork), runSnapshot(after.timeline, fork));

    expect(d.hooks.map((u) => u.unit)).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(d.hooks.every((u) => u.removed === 0 && u.added > 0)).toBe(true);
    expect(d.hooks.find((u) => u.unit === 'worker/1')?.steps.map((s) => s.hook)).toContain('stop');
    expect(d.statuses.some((c) => c.unit === 'worker/1' && c.after === null)).toBe(true);
    // The master's departed handler deletes the departing worker's key.
    expect(d.bags).toEqual([{ relation: 'worker:master master:master-application', bag: 'unit:master/0', added: [], updated: [], removed: [['worker/1-worker-key', expect.any(String)]] }]);
  });

  it('finds nothing between a run and itself', () => {
    const run = sim('juju deploy master\njuju deploy worker -n 2\njuju relate master worker\n');

    const snap = runSnapshot(run.timeline, 0);

    expect(isEmptyDiff(diffRuns(snap, snap))).toBe(true);
    expect(Object.keys(snap.hooks)).toEqual(['master/0', 'worker/0', 'worker/1']);
  });
});

const name = fc.constantFrom('install', 'start', 'db-relation-joined (db/0)', 'db-relation-changed (db/0)', 'db-relation-changed (db/0) ✗', 'stop');
const record = <T>(values: fc.Arbitrary<T>) => fc.dictionary(fc.constantFrom('a/0', 'a/1', 'b/0'), values, { maxKeys: 3 });
const snapshot: fc.Arbitrary<RunSnapshot> = fc.record({
  hooks: record(fc.array(name, { maxLength: 12 })),
  bags: fc.dictionary(fc.constantFrom('a:x b:y', 'a:ring'), fc.dictionary(fc.constantFrom('app:a', 'unit:a/0', 'unit:b/0'), fc.dictionary(fc.constantFrom('k', 'host', 'port'), fc.constantFrom('1', '2', 'x'), { maxKeys: 3 }), { maxKeys: 3 }), { maxKeys: 2 }),
  statuses: record(fc.constantFrom('active', 'blocked: no db', 'error')),
  failures: record(fc.constantFrom('install', 'db-relation-changed')),
});

describe('diffRuns, over any two runs', () => {
  it('finds nothing between a run and itself', () => {
    fc.assert(fc.property(snapshot, (a) => isEmptyDiff(diffRuns(a, a))));
  });

  it('mirrors: diff(b, a) is diff(a, b) seen from the other side', () => {
    fc.assert(
      fc.property(snapshot, snapshot, (a, b) => {
        expect(diffRuns(b, a)).toEqual(mirrorDiff(diffRuns(a, b)));
      }),
    );
  });

  it('keeps a longest common subsequence: the kept and removed hooks are the first run, the kept and added ones the second', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 15 }), fc.array(name, { maxLength: 15 }), (a, b) => {
        const steps = diffSequence(a, b);
        expect(steps.filter((s) => s.op !== 'added').map((s) => s.hook)).toEqual(a);
        expect(steps.filter((s) => s.op !== 'removed').map((s) => s.hook)).toEqual(b);
        // Longest: no common subsequence keeps more than the diff's (checked against a plain recursion on short inputs).
        const lcs = (i: number, j: number): number => (i === a.length || j === b.length ? 0 : a[i] === b[j] ? 1 + lcs(i + 1, j + 1) : Math.max(lcs(i + 1, j), lcs(i, j + 1)));
        if (a.length <= 8 && b.length <= 8) expect(steps.filter((s) => s.op === 'same').length).toBe(lcs(0, 0));
      }),
    );
  });
});
