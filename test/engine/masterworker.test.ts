/** The masterworker tutorial's teaching points (JUJU-SEMANTICS §12). */
import { describe, expect, it } from 'vitest';
import { hookRecords, sim } from '../helpers.ts';

const setup = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker';

describe('masterworker', () => {
  it('writes <worker>-worker-key into the master unit bag on joined; each worker writes WORKERKEY.file and shows the key', () => {
    const s = sim(setup);
    const bag = s.timeline.state.relations.get(0)?.unitBags.get('master/0')?.data;
    expect(bag?.get('worker/0-worker-key')).toMatch(/^[0-9A-F]{4}$/);
    expect(bag?.get('worker/1-worker-key')).toMatch(/^[0-9A-F]{4}$/);
    for (const w of ['worker/0', 'worker/1']) {
      const unit = s.timeline.state.units.get(w);
      expect(unit?.files.get('WORKERKEY.file')).toBe(bag?.get(`${w}-worker-key`));
      expect(unit?.status).toEqual({ workload: 'active', message: `WorkerKey: ${bag?.get(`${w}-worker-key`)}` });
    }
    expect(s.timeline.state.units.get('master/0')?.status).toEqual({ workload: 'active', message: 'Related Workers: 2' });
  });

  it('shows the "waiting" race: a worker\'s first changed can come before the master wrote its key', () => {
    let raced = false;
    for (let seed = 1; seed <= 20 && !raced; seed++) {
      const s = sim(setup, { seed });
      raced = hookRecords(s.timeline.trace).some((r) => r.status?.workload === 'waiting' && r.status.message === 'worker-key not available for this unit.');
      if (raced) {
        // A later changed fixes it.
        const w = [...s.timeline.state.units.values()].filter((u) => u.app === 'worker');
        expect(w.every((u) => u.status.workload === 'active')).toBe(true);
      }
    }
    expect(raced).toBe(true);
  });

  it('leaves the master\'s "Related Workers" status stale after a departure', () => {
    const s = sim(setup);
    s.run('juju remove-unit worker/1');
    expect(s.timeline.state.units.get('master/0')?.status.message).toBe('Related Workers: 2');
  });

  it('deletes the departed worker\'s key from the master bag', () => {
    const s = sim(setup);
    s.run('juju remove-unit worker/1');
    const bag = s.timeline.state.relations.get(0)?.unitBags.get('master/0')?.data;
    expect(bag?.has('worker/1-worker-key')).toBe(false);
    expect(bag?.has('worker/0-worker-key')).toBe(true);
  });

  it('broadcasts a message from the action: every worker runs relation-changed and logs it', () => {
    const s = sim(setup);
    const from = s.timeline.trace.length;
    s.run('juju run master/0 broadcast-message message="Hello there"');
    const changed = hookRecords(s.timeline.trace.slice(from)).filter((r) => r.kind === 'relation-changed');
    expect(changed.map((r) => r.unit).sort()).toEqual(['worker/0', 'worker/1']);
    for (const r of changed) expect(r.logs).toContain('MASTER message: Hello there');
  });

  it('contradicts the tutorial: scaling the workers to zero runs departed only; broken needs the relation to go', () => {
    const s = sim(setup);
    const from = s.timeline.trace.length;
    s.run('juju remove-unit worker/0 worker/1');
    expect(s.hooksOf('master/0', from).some((h) => h.includes('broken'))).toBe(false);
    s.run('juju remove-relation master worker');
    expect(s.hooksOf('master/0', from).at(-1)).toBe('master-application-relation-broken');
  });

  it('removes WORKERKEY.file on the worker in relation-broken', () => {
    const s = sim(setup);
    s.run('juju remove-relation master worker');
    expect(s.timeline.state.units.get('worker/0')?.files.has('WORKERKEY.file')).toBe(false);
  });
});
