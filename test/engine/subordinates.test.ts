/** Subordinates and container scope (JUJU-SEMANTICS §7). */
import { describe, expect, it } from 'vitest';
import { hookRecords, sim } from '../helpers.ts';

describe('subordinates', () => {
  it('deploys a subordinate with no units and creates one per principal unit when related', () => {
    const s = sim('juju deploy ubuntu -n 2\njuju deploy telegraf');
    expect(s.timeline.state.apps.get('telegraf')?.units).toEqual([]);
    s.run('juju integrate telegraf ubuntu');
    const subs = [...s.timeline.state.units.values()].filter((u) => u.app === 'telegraf');
    expect(subs.map((u) => [u.name, u.principal]).sort()).toEqual([
      ['telegraf/0', 'ubuntu/0'],
      ['telegraf/1', 'ubuntu/1'],
    ]);
    expect(subs.map((u) => u.machine).sort()).toEqual([0, 1]);
  });

  it('runs no hooks on the principal side of an implicit juju-info relation', () => {
    const s = sim('juju deploy ubuntu -n 2\njuju deploy telegraf');
    const from = s.timeline.trace.length;
    s.run('juju integrate telegraf ubuntu');
    expect(hookRecords(s.timeline.trace.slice(from)).filter((r) => r.unit.startsWith('ubuntu/'))).toEqual([]);
  });

  it('relates each subordinate unit only to the principal on its own machine', () => {
    const s = sim('juju deploy ubuntu -n 3\njuju deploy telegraf\njuju integrate telegraf ubuntu');
    for (const r of hookRecords(s.timeline.trace).filter((h) => h.kind === 'relation-joined')) {
      const unit = s.timeline.state.units.get(r.unit);
      expect(unit?.principal).toBe(r.remoteUnit);
    }
  });

  it('adds a subordinate unit when a principal unit is added', () => {
    const s = sim('juju deploy ubuntu\njuju deploy telegraf\njuju integrate telegraf ubuntu');
    s.run('juju add-unit ubuntu');
    expect(s.timeline.state.units.get('telegraf/1')?.principal).toBe('ubuntu/1');
    expect(s.hooksOf('telegraf/1')).toContain('juju-info-relation-joined:ubuntu/1');
  });

  it('removes the subordinate with its principal', () => {
    const s = sim('juju deploy ubuntu -n 2\njuju deploy telegraf\njuju integrate telegraf ubuntu');
    const from = s.timeline.trace.length;
    s.run('juju remove-unit ubuntu/0');
    expect(s.hooksOf('telegraf/0', from)).toEqual(['juju-info-relation-departed:ubuntu/0', 'juju-info-relation-broken', 'stop', 'remove']);
    expect(s.timeline.state.units.has('telegraf/0')).toBe(false);
    expect(s.timeline.state.units.has('telegraf/1')).toBe(true);
  });

  it('removes subordinate units whose last container relation is removed', () => {
    const s = sim('juju deploy ubuntu\njuju deploy telegraf\njuju integrate telegraf ubuntu');
    const from = s.timeline.trace.length;
    s.run('juju remove-relation telegraf ubuntu');
    expect(s.hooksOf('telegraf/0', from)).toEqual(['juju-info-relation-departed:ubuntu/0', 'juju-info-relation-broken', 'stop', 'remove']);
    expect(s.hooksOf('ubuntu/0', from)).toEqual([]);
    expect(s.timeline.state.apps.get('telegraf')?.units).toEqual([]);
  });

  it('runs principal-side hooks for an explicit container-scoped endpoint', () => {
    const s = sim('juju deploy webapp\njuju deploy rsyslog-forwarder\njuju integrate webapp rsyslog-forwarder');
    expect(s.hooksOf('webapp/0')).toContain('log-forwarder-relation-joined:rsyslog-forwarder/0');
    expect(s.hooksOf('rsyslog-forwarder/0')).toContain('syslog-relation-joined:webapp/0');
  });

  it('refuses units for a subordinate application', () => {
    const s = sim('juju deploy telegraf -n 2');
    expect(s.lastOutput()).toBe('ERROR subordinate application must be deployed without units\n');
    s.run('juju deploy telegraf\njuju add-unit telegraf');
    expect(s.lastOutput()).toMatch(/^ERROR cannot add unit to application "telegraf": application is subordinate/);
  });

  it('keeps a principal that ran remove alive, and leader, until its subordinate is gone (uniter terminate waits for subordinates)', () => {
    // Arrange: telegraf/0's relation-broken fails every time, with automatic retry off.
    const s = sim('juju model-config automatically-retry-hooks=false\njuju deploy ubuntu -n 2\njuju deploy telegraf\njuju integrate telegraf ubuntu\nfail telegraf/0 juju-info-relation-broken --always');
    // Act: the principal goes.
    s.run('juju remove-unit ubuntu/0');
    // Assert: ubuntu/0 ran its remove but is not dead: still in the model, still leader.
    expect(s.hooksOf('ubuntu/0').slice(-2)).toEqual(['stop', 'remove']);
    expect(s.timeline.state.units.has('ubuntu/0')).toBe(true);
    expect(s.timeline.state.apps.get('ubuntu')?.leader).toBe('ubuntu/0');
    expect(s.hooksOf('ubuntu/1')).not.toContain('leader-elected');
    // Once its subordinate is gone, it dies, and only then is the next leader elected.
    const from = s.timeline.trace.length;
    s.run('juju resolve --no-retry telegraf/0');
    const events = s.timeline.trace.slice(from).filter((r) => r.type === 'event' && r.event === 'unit-removed').map((r) => (r.type === 'event' ? r.unit : ''));
    expect(events).toEqual(['telegraf/0', 'ubuntu/0']);
    expect(s.hooksOf('ubuntu/1', from)).toEqual(['leader-elected']);
  });
});
