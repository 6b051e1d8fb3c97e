/** Leadership (JUJU-SEMANTICS §2 rule 2, §5 leader removal, §11 Juju 4.0). */
import { describe, expect, it } from 'vitest';
import { hookRecords, sim } from '../helpers.ts';

describe('leadership', () => {
  it('makes the lowest-numbered unit leader at deploy', () => {
    const s = sim('juju deploy postgresql -n 3');
    expect(s.timeline.state.apps.get('postgresql')?.leader).toBe('postgresql/0');
    expect(hookRecords(s.timeline.trace).filter((r) => r.kind === 'leader-elected').map((r) => r.unit)).toEqual(['postgresql/0']);
  });

  it('tells every non-leader once at startup with leader-settings-changed in Juju 3.6', () => {
    const s = sim('juju deploy postgresql -n 3');
    const lsc = hookRecords(s.timeline.trace).filter((r) => r.kind === 'leader-settings-changed').map((r) => r.unit).sort();
    expect(lsc).toEqual(['postgresql/1', 'postgresql/2']);
  });

  it('never runs leader-settings-changed in Juju 4.0', () => {
    const s = sim('juju deploy postgresql -n 3\njuju remove-unit postgresql/0', { juju: '4.0' });
    expect(hookRecords(s.timeline.trace).some((r) => r.kind === 'leader-settings-changed')).toBe(false);
  });

  it('elects exactly one remaining unit (the lowest-numbered alive) when the leader is removed; the old leader runs no leadership hook', () => {
    const s = sim('juju deploy postgresql -n 3');
    const from = s.timeline.trace.length;
    s.run('juju remove-unit postgresql/0');
    const after = hookRecords(s.timeline.trace.slice(from));
    expect(after.filter((r) => r.kind === 'leader-elected').map((r) => r.unit)).toEqual(['postgresql/1']);
    expect(after.filter((r) => r.unit === 'postgresql/0').map((r) => r.kind)).toEqual(['relation-departed', 'relation-departed', 'stop', 'remove']);
    expect(after.filter((r) => r.kind === 'leader-settings-changed').map((r) => r.unit)).toEqual(['postgresql/2']);
  });

  it('promises no order between the new leader-elected and the departed hooks (LP#1964582)', () => {
    const orders = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const s = sim('juju deploy postgresql -n 2', { seed });
      const from = s.timeline.trace.length;
      s.run('juju remove-unit postgresql/0');
      const kinds = hookRecords(s.timeline.trace.slice(from))
        .filter((r) => r.unit === 'postgresql/1' && (r.kind === 'leader-elected' || r.kind === 'relation-departed'))
        .map((r) => r.kind);
      orders.add(kinds.join(','));
    }
    expect(orders).toEqual(new Set(['leader-elected,relation-departed', 'relation-departed,leader-elected']));
  });

  it('keeps the dying leader leader until it starts tearing down, then answers is-leader from the controller', () => {
    const s = sim('juju deploy postgresql -n 2\njuju remove-unit postgresql/0 &');
    s.run("juju exec --unit postgresql/0 -- is-leader &");
    expect(s.lastOutput()).toBe('True\n');
    s.run('step --unit postgresql/0');
    s.run("juju exec --unit postgresql/0 -- is-leader &");
    expect(s.lastOutput()).toBe('False\n');
    s.run("juju exec --unit postgresql/1 -- is-leader &");
    expect(s.lastOutput()).toBe('True\n');
  });
});
