/**
 * guide-postgresql: the ops guide's relation-created snippet as printed, which writes
 * the remote application's bag (JUJU-SEMANTICS §6, §12). ops refuses it; the charm
 * must fail the way ops does, or the "spot the bug" lesson would teach a fiction.
 */
import { describe, expect, it } from 'vitest';
import { displayStatus } from '../../src/engine/format.ts';
import { hookRecords, sim } from '../helpers.ts';

describe('guide-postgresql (the guide\'s snippet as printed)', () => {
  it("fails the leader's relation-created with ops's RelationDataAccessError, committing nothing", () => {
    const s = sim('juju deploy guide-postgresql -n 2\njuju deploy webapp\njuju integrate webapp guide-postgresql');
    const created = hookRecords(s.timeline.trace).filter((r) => r.hook === 'database-relation-created');
    const leader = created.find((r) => r.unit === 'guide-postgresql/0');
    expect(leader?.result).toBe('error');
    expect(leader?.error).toBe('ops.model.RelationDataAccessError: guide-postgresql cannot write the data of remote application webapp');
    expect(leader?.changes).toEqual([]);
    const unit = s.timeline.state.units.get('guide-postgresql/0');
    expect(unit && displayStatus(unit)).toEqual({ workload: 'error', message: 'hook failed: "database-relation-created"' });
  });

  it('lets the non-leader return early, as the snippet does, and leaves the requirer waiting', () => {
    const s = sim('juju deploy guide-postgresql -n 2\njuju deploy webapp\njuju integrate webapp guide-postgresql');
    const created = hookRecords(s.timeline.trace).find((r) => r.unit === 'guide-postgresql/1' && r.hook === 'database-relation-created');
    expect(created?.result).toBe('ok');
    const webapp = s.timeline.state.units.get('webapp/0');
    expect(webapp && displayStatus(webapp)).toEqual({ workload: 'waiting', message: 'waiting for database credentials' });
  });
});
