/** Who may read or write which databag (JUJU-SEMANTICS §6), with the exact errors. */
import { describe, expect, it } from 'vitest';
import { bagAccess, type BagRef } from '../../src/ui/databags/access.ts';

const regular = (scope: 'unit' | 'app', owner: string, ownerApp: string): BagRef => ({ scope, owner, ownerApp, peer: false, apps: ['master', 'worker'] });
const peer = (scope: 'unit' | 'app', owner: string): BagRef => ({ scope, owner, ownerApp: 'db', peer: true, apps: ['db'] });
const leader = { unit: 'worker/0', app: 'worker', leader: true };
const minion = { unit: 'worker/1', app: 'worker', leader: false };

describe('databag access', () => {
  it('lets every unit read and write its own unit bag', () => {
    expect(bagAccess(minion, regular('unit', 'worker/1', 'worker')).access).toBe('read-write');
    expect(bagAccess(leader, regular('unit', 'worker/0', 'worker')).access).toBe('read-write');
  });

  it("lets a unit read but not write other units' bags, on either side", () => {
    const other = bagAccess(minion, regular('unit', 'master/0', 'master'));
    expect(other.access).toBe('read');
    expect(other.opsError).toBe('worker/1 cannot write databag of master/0: not the same unit.');
    expect(bagAccess(minion, regular('unit', 'worker/0', 'worker')).access).toBe('read');
  });

  it('lets the leader read and write its own application bag', () => {
    expect(bagAccess(leader, regular('app', 'worker', 'worker')).access).toBe('read-write');
  });

  it('gives a non-leader no access to its own application bag in a regular relation', () => {
    const a = bagAccess(minion, regular('app', 'worker', 'worker'));
    expect(a.access).toBe('none');
    expect(a.hookToolError).toBe('ERROR permission denied');
    expect(a.opsError).toBe('worker/1 is not leader and cannot read its own application databag');
  });

  it('lets a non-leader read, not write, its own application bag in a peer relation', () => {
    const a = bagAccess({ unit: 'db/1', app: 'db', leader: false }, peer('app', 'db'));
    expect(a.access).toBe('read');
    expect(a.hookToolError).toBe('ERROR cannot write relation settings');
    expect(a.opsError).toBe('db/1 is not leader and cannot write application data.');
    expect(bagAccess({ unit: 'db/0', app: 'db', leader: true }, peer('app', 'db')).access).toBe('read-write');
  });

  it('lets everyone read the remote application bag, and nobody write it', () => {
    for (const v of [leader, minion]) {
      const a = bagAccess(v, regular('app', 'master', 'master'));
      expect(a.access).toBe('read');
      expect(a.opsError).toBe('worker cannot write the data of remote application master');
    }
  });

  it('denies units of applications outside the relation', () => {
    expect(bagAccess({ unit: 'ubuntu/0', app: 'ubuntu', leader: true }, regular('unit', 'master/0', 'master'))).toMatchObject({ access: 'none', hookToolError: 'ERROR permission denied' });
  });
});
