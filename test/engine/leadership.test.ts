/**
 * Leadership (JUJU-SEMANTICS §2 rule 2, §5 leader removal, §10 G11–G13, §11 Juju 4.0).
 * Issue points 1 (a dying leader leads until it is dead) and 2 (no
 * leader-settings-changed because leadership moved), as arrange / act / assert.
 */
import { describe, expect, it } from 'vitest';
import type { JujuVersion } from '../../src/engine/model.ts';
import { hookRecords, sim } from '../helpers.ts';

describe('leadership at deploy', () => {
  it('makes the lowest-numbered unit leader at deploy', () => {
    const s = sim('juju deploy postgresql -n 3');
    expect(s.timeline.state.apps.get('postgresql')?.leader).toBe('postgresql/0');
    expect(hookRecords(s.timeline.trace).filter((r) => r.kind === 'leader-elected').map((r) => r.unit)).toEqual(['postgresql/0']);
  });

  it('runs leader-settings-changed once on every follower at its startup in Juju 3.6, before its start', () => {
    const s = sim('juju deploy postgresql -n 3');
    const lsc = hookRecords(s.timeline.trace).filter((r) => r.kind === 'leader-settings-changed').map((r) => r.unit).sort();
    expect(lsc).toEqual(['postgresql/1', 'postgresql/2']);
    for (const unit of lsc) {
      const kinds = hookRecords(s.timeline.trace).filter((r) => r.unit === unit).map((r) => r.kind);
      expect(kinds.indexOf('leader-settings-changed')).toBeLessThan(kinds.indexOf('start'));
    }
  });

  it('never runs leader-settings-changed in Juju 4.0', () => {
    const s = sim('juju deploy postgresql -n 3\njuju remove-unit postgresql/0', { juju: '4.0' });
    expect(hookRecords(s.timeline.trace).some((r) => r.kind === 'leader-settings-changed')).toBe(false);
  });
});

describe('a dying leader keeps leadership until it is dead (§5, G11, G12)', () => {
  for (const juju of ['3.6', '4.0'] as JujuVersion[]) {
    it(`answers is-leader True in every hook of the dying leader's teardown, and elects the next leader only after its remove (Juju ${juju})`, () => {
      // Arrange: three units; the leader starts dying, nothing run yet.
      const s = sim('juju deploy postgresql -n 3\njuju remove-unit postgresql/0 &', { juju });
      // Act: run the old leader's teardown hook by hook, asking is-leader after each.
      const answers: string[] = [];
      const teardown: string[] = [];
      while (s.timeline.state.units.has('postgresql/0')) {
        s.run("juju exec --unit postgresql/0 -- is-leader &");
        answers.push(s.lastOutput());
        const records = s.run('step --unit postgresql/0');
        teardown.push(...hookRecords(records).map((r) => r.kind));
        // No other unit may have been told it leads while the old leader lives.
        if (s.timeline.state.units.has('postgresql/0')) expect(s.timeline.state.apps.get('postgresql')?.leader).toBe('postgresql/0');
      }
      // Assert: True before every teardown hook, departed ×2 → stop → remove, then one leader-elected.
      expect(teardown).toEqual(['relation-departed', 'relation-departed', 'stop', 'remove']);
      expect(answers).toEqual(['True\n', 'True\n', 'True\n', 'True\n']);
      const from = s.timeline.trace.length;
      s.run('wait');
      const after = hookRecords(s.timeline.trace.slice(from));
      expect(after.filter((r) => r.kind === 'leader-elected').map((r) => r.unit)).toEqual(['postgresql/1']);
      // G13: nobody runs leader-settings-changed because the leader changed.
      expect(after.some((r) => r.kind === 'leader-settings-changed')).toBe(false);
      s.run("juju exec --unit postgresql/1 -- is-leader");
      expect(s.lastOutput()).toBe('True\n');
    });
  }

  it('runs leader-elected on the new leader only after the old leader ran remove, at every seed', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const s = sim('juju deploy postgresql -n 3', { seed });
      const from = s.timeline.trace.length;
      s.run('juju remove-unit postgresql/0');
      const after = hookRecords(s.timeline.trace.slice(from));
      const removed = after.findIndex((r) => r.unit === 'postgresql/0' && r.kind === 'remove');
      const elected = after.findIndex((r) => r.kind === 'leader-elected');
      expect(removed, `seed ${seed}`).toBeGreaterThanOrEqual(0);
      expect(elected, `seed ${seed}`).toBeGreaterThan(removed);
      expect(after.filter((r) => r.kind === 'leader-elected').map((r) => r.unit)).toEqual(['postgresql/1']);
    }
  });

  it('promises no order between the new leader-elected and its departed about the old leader, but departed first is typical (LP#1964582)', () => {
    const orders = new Map<string, number>();
    for (let seed = 1; seed <= 60; seed++) {
      const s = sim('juju deploy postgresql -n 2', { seed });
      const from = s.timeline.trace.length;
      s.run('juju remove-unit postgresql/0');
      const kinds = hookRecords(s.timeline.trace.slice(from))
        .filter((r) => r.unit === 'postgresql/1' && (r.kind === 'leader-elected' || r.kind === 'relation-departed'))
        .map((r) => r.kind)
        .join(',');
      orders.set(kinds, (orders.get(kinds) ?? 0) + 1);
    }
    expect([...orders.keys()].sort()).toEqual(['leader-elected,relation-departed', 'relation-departed,leader-elected']);
    expect(orders.get('relation-departed,leader-elected') ?? 0).toBeGreaterThan(orders.get('leader-elected,relation-departed') ?? 0);
  });

  it("lets the dying leader read and write its application bag in its teardown (the ops guide's drop-the-database on remove-application)", () => {
    // Arrange: the guide's database; its leader put credentials in its own app bag.
    const s = sim('juju deploy postgresql -n 2\njuju deploy webapp\njuju integrate webapp:db postgresql:database');
    // Act: the whole application goes.
    const from = s.timeline.trace.length;
    s.run('juju remove-application postgresql');
    // Assert: the leader's relation-broken ran as leader and read its app bag; the follower's did nothing.
    const broken = hookRecords(s.timeline.trace.slice(from)).filter((r) => r.hook === 'database-relation-broken');
    expect(broken.map((r) => `${r.unit}:${r.result}`).sort()).toEqual(['postgresql/0:ok', 'postgresql/1:ok']);
    expect(broken.find((r) => r.unit === 'postgresql/0')?.logs).toEqual(['dropped database webapp']);
    expect(broken.find((r) => r.unit === 'postgresql/1')?.logs).toEqual([]);
    // Nobody is elected: every unit of the application is dying.
    expect(hookRecords(s.timeline.trace.slice(from)).some((r) => r.kind === 'leader-elected')).toBe(false);
  });

  it('lets a dying leader write its application bag with relation-set --app until it is dead', () => {
    const s = sim('juju deploy postgresql -n 2\njuju deploy webapp\njuju integrate webapp:db postgresql:database\njuju remove-unit postgresql/0 &');
    s.run("juju exec --unit postgresql/0 -- relation-set -r database:1 --app note=still-leader &");
    expect(s.lastOutput()).toBe('');
    s.run("juju exec --unit postgresql/1 -- relation-set -r database:1 --app note=follower &");
    expect(s.lastOutput()).toBe('ERROR cannot write relation settings\n');
  });
});

describe('leader-settings-changed is not about leadership moving (§5, G13)', () => {
  it('runs on no follower when the leader is removed, and never on the dying unit', () => {
    const s = sim('juju deploy postgresql -n 4');
    const from = s.timeline.trace.length;
    s.run('juju remove-unit postgresql/0 postgresql/2');
    expect(hookRecords(s.timeline.trace.slice(from)).filter((r) => r.kind === 'leader-settings-changed')).toEqual([]);
  });

  it('runs at the startup of a unit added while a dying leader still leads, and not again when leadership moves', () => {
    const s = sim('juju deploy postgresql -n 2\njuju remove-unit postgresql/0 &\njuju add-unit postgresql');
    const lsc = hookRecords(s.timeline.trace).filter((r) => r.kind === 'leader-settings-changed').map((r) => r.unit);
    expect(lsc.sort()).toEqual(['postgresql/1', 'postgresql/2']);
  });
});
