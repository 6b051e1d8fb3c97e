/** What the databag panel draws, over real masterworker histories: the relation, the bags, the marked keys. */
import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/engine/timeline.ts';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { deriveView } from '../../src/store/view.ts';
import { bagKey, bagRows, byUnitNumber, chooseRelation, commitsAt, failedAt, relationLabel, relationSections } from '../../src/ui/databags/bags.ts';
import { sim } from '../helpers.ts';

const masterworker = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker';

/** The records of the tick that brought the model to `tick` (as the store's currentRecords). */
const recordsOfTick = (t: Timeline, tick: number): readonly TraceRecord[] => t.fullTrace.slice(t.traceIndexAt(tick - 1), t.traceIndexAt(tick));

/** The tick right after the hook record with this seq. */
function tickAfterSeq(t: Timeline, seq: number): number {
  const i = [...t.fullTrace].findIndex((r) => (r.type === 'hook' || r.type === 'exec') && r.seq === seq);
  return t.tickOfRecord(i) + 1;
}

describe('which relation the panel shows', () => {
  it('shows the first regular relation when nothing is selected, skipping peer relations', () => {
    const s = sim(`juju deploy postgresql -n 2\n${masterworker}`);
    const view = deriveView(s.timeline.state);
    expect(view.relations[0]?.peer).toBe(true);
    const c = chooseRelation(view, null, null);
    expect(c.relation?.key).toBe('worker:master master:master-application');
    expect(c.reason).toBe('default');
    expect(c.choices).toHaveLength(2);
  });

  it("offers only a selected unit's relations, and keeps the one picked among them", () => {
    const s = sim(`juju deploy postgresql -n 2\n${masterworker}\njuju deploy webapp\njuju integrate webapp postgresql`);
    const view = deriveView(s.timeline.state);
    const c = chooseRelation(view, { kind: 'unit', name: 'postgresql/1' }, null);
    expect(c.choices.map((r) => r.peer)).toEqual([true, false]);
    expect(c.relation?.peer).toBe(false);
    const peerId = c.choices[0]?.id ?? -1;
    expect(chooseRelation(view, { kind: 'unit', name: 'postgresql/1' }, peerId).relation?.id).toBe(peerId);
    expect(chooseRelation(view, { kind: 'app', name: 'master' }, peerId).relation?.key).toBe('worker:master master:master-application');
  });

  it('falls back, and says so, when the selected relation does not exist at the cursor', () => {
    const s = sim(masterworker);
    s.run('juju remove-relation master worker\njuju relate master worker');
    const c = chooseRelation(deriveView(s.timeline.state), { kind: 'relation', id: 0 }, null);
    expect(c).toMatchObject({ reason: 'gone', subject: '#0' });
    expect(c.relation?.id).toBe(1);
  });

  it('names relations by id and applications', () => {
    const s = sim(`juju deploy postgresql\n${masterworker}`);
    expect(deriveView(s.timeline.state).relations.map(relationLabel)).toEqual(['#0 postgresql (peer)', '#1 master ⇄ worker']);
  });
});

describe('the bags of a relation', () => {
  it("lists both applications' app bag and every unit bag, leader marked", () => {
    const s = sim(masterworker);
    const view = deriveView(s.timeline.state);
    const rel = view.relations[0];
    if (!rel) throw new Error('no relation');
    const sections = relationSections(rel, view.units);
    expect(sections.map((x) => [x.app, x.endpoint, x.units.map((u) => `${u.unit}${u.leader ? '*' : ''}:${u.state}`)])).toEqual([
      ['master', 'master-application', ['master/0*:in-scope']],
      ['worker', 'master', ['worker/0*:in-scope', 'worker/1:in-scope']],
    ]);
    const master0 = sections[0]?.units[0]?.bag?.data.map(([k]) => k);
    expect(master0).toEqual(['egress-subnets', 'ingress-address', 'private-address', 'worker/0-worker-key', 'worker/1-worker-key']);
  });

  it("keeps a removed unit's bag, marked as having left scope (still readable)", () => {
    const s = sim(masterworker);
    s.run('juju remove-unit worker/1');
    const view = deriveView(s.timeline.state);
    const rel = view.relations[0];
    if (!rel) throw new Error('no relation');
    const worker = relationSections(rel, view.units)[1];
    expect(worker?.units.map((u) => `${u.unit}:${u.state}`)).toEqual(['worker/0:in-scope', 'worker/1:left-scope']);
    expect(worker?.units[1]?.bag?.data.length).toBeGreaterThan(0);
  });

  it('marks a dying unit still in scope as departing', () => {
    const s = sim(masterworker);
    s.run('juju remove-unit worker/1');
    // Rewind to the tick right after the command: worker/1 is dying, nothing has run yet.
    const t = s.timeline;
    const cmd = [...t.fullTrace].findIndex((r) => r.type === 'command' && r.command.startsWith('juju remove-unit'));
    t.seek(t.tickOfRecord(cmd) + 1);
    const view = deriveView(t.state);
    const rel = view.relations[0];
    if (!rel) throw new Error('no relation');
    expect(relationSections(rel, view.units)[1]?.units.map((u) => `${u.unit}:${u.state}`)).toEqual(['worker/0:in-scope', 'worker/1:departing']);
  });

  it('orders unit bags by unit number', () => {
    expect(['w/10', 'w/2', 'w/1'].sort(byUnitNumber)).toEqual(['w/1', 'w/2', 'w/10']);
  });
});

describe('what the hook at the cursor committed', () => {
  it("marks the key master/0's joined hook added, by the hook and seq", () => {
    const s = sim(masterworker);
    const t = s.timeline;
    const joined = s.hooks().find((h) => h.unit === 'master/0' && h.kind === 'relation-joined');
    if (!joined) throw new Error('no joined');
    const commits = commitsAt(recordsOfTick(t, tickAfterSeq(t, joined.seq)));
    const c = commits.get(bagKey(0, 'unit', 'master/0'));
    expect(c).toMatchObject({ seq: joined.seq, by: 'master/0 master-application-relation-joined' });
    expect(Object.keys(c?.diff.added ?? {})).toEqual([`${joined.remoteUnit}-worker-key`]);
  });

  it("marks the key removed by the master's departed hook, in its place, with the old value", () => {
    const s = sim(masterworker);
    s.run('juju remove-unit worker/1');
    const t = s.timeline;
    const departed = s.hooks().find((h) => h.unit === 'master/0' && h.kind === 'relation-departed');
    if (!departed) throw new Error('no departed');
    t.seek(tickAfterSeq(t, departed.seq));
    const commit = commitsAt(recordsOfTick(t, t.cursor)).get(bagKey(0, 'unit', 'master/0'));
    const bag = deriveView(t.state).relations[0]?.unitBags.find((b) => b.owner === 'master/0');
    const rows = bagRows(bag?.data ?? [], commit?.diff);
    expect(rows.map((r) => `${r.change ?? '='} ${r.key}`)).toEqual(['= egress-subnets', '= ingress-address', '= private-address', '= worker/0-worker-key', 'removed worker/1-worker-key']);
    expect(rows[4]?.value).toMatch(/^[0-9A-F]{4}$/);
  });

  it('shows an update as old → new, and a juju exec as the writer', () => {
    const s = sim(masterworker);
    s.run("juju exec --unit master/0 -- relation-set -r 0 message=one\njuju exec --unit master/0 -- relation-set -r 0 message=two");
    const t = s.timeline;
    const exec = [...t.fullTrace].filter((r) => r.type === 'exec').at(-1);
    if (!exec || exec.type !== 'exec') throw new Error('no exec');
    const commit = commitsAt(recordsOfTick(t, tickAfterSeq(t, exec.seq))).get(bagKey(0, 'unit', 'master/0'));
    expect(commit?.by).toBe('juju exec on master/0');
    const row = bagRows([['message', 'two']], commit?.diff)[0];
    expect(row).toEqual({ key: 'message', value: 'two', change: 'updated', old: 'one' });
  });

  it('reports a failed hook at the cursor (its writes were discarded)', () => {
    const s = sim(masterworker);
    s.run('fail worker/1 master-relation-departed\njuju remove-relation master worker');
    const departed = s.hooks().find((h) => h.kind === 'relation-departed' && h.unit === 'worker/1');
    expect(departed?.result).toBe('error');
    const t = s.timeline;
    expect(failedAt(recordsOfTick(t, tickAfterSeq(t, departed?.seq ?? -1)))).toMatchObject({ unit: 'worker/1', hook: 'master-relation-departed' });
    expect(failedAt(recordsOfTick(t, 1))).toBeNull();
  });
});

describe('the view across ticks', () => {
  it('keeps the objects of bags a tick did not change, and makes new ones for the bags it did', () => {
    const s = sim(masterworker);
    const t = s.timeline;
    // A tick where a hook commits to exactly one bag of a relation that already has bags.
    for (let tick = 2; tick <= t.length; tick++) {
      const changes = recordsOfTick(t, tick).flatMap((r) => (r.type === 'hook' ? r.changes : []));
      if (changes.length !== 1) continue;
      t.seek(tick - 1);
      const before = deriveView(t.state);
      t.seek(tick);
      const after = deriveView(t.state, before);
      const rel = (v: typeof before) => v.relations.find((r) => r.id === changes[0]?.relationId);
      const bagsOf = (v: typeof before) => [...(rel(v)?.unitBags ?? []), ...(rel(v)?.appBags ?? [])];
      const old = bagsOf(before);
      if (old.length < 2) continue;
      for (const b of bagsOf(after)) {
        const was = old.find((o) => o.owner === b.owner && o.scope === b.scope);
        const changed = b.owner === changes[0]?.owner && b.scope === changes[0]?.scope;
        if (changed || !was) expect(b).not.toBe(was);
        else expect(b).toBe(was);
      }
      return;
    }
    throw new Error('no tick committed to exactly one bag');
  });
});
