/**
 * Who may read or write which databag (JUJU-SEMANTICS §6), with the exact errors:
 * every case of leader/non-leader × regular/peer × own unit/other unit/own app/remote
 * app, units outside the relation, and a cross-check that the hook-tool errors the
 * panel quotes are what the engine's hook tools print.
 */
import { describe, expect, it } from 'vitest';
import { accessSummary, bagAccess, type BagAccess, type BagRef, type Viewer } from '../../src/ui/databags/access.ts';
import { sim } from '../helpers.ts';

const regularEndpoints = [
  { app: 'master', endpoint: 'master-application' },
  { app: 'worker', endpoint: 'master' },
];
const regular = (scope: 'unit' | 'app', owner: string): BagRef => ({ relationId: 0, peer: false, endpoints: regularEndpoints, scope, owner });
const peer = (scope: 'unit' | 'app', owner: string): BagRef => ({ relationId: 3, peer: true, endpoints: [{ app: 'db', endpoint: 'replicas' }], scope, owner });
const viewer = (unit: string, leader: boolean, inScope = true): Viewer => ({ unit, app: unit.slice(0, unit.indexOf('/')), leader, inScope });

const leader = viewer('worker/0', true);
const minion = viewer('worker/1', false);
const peerLeader = viewer('db/0', true);
const peerMinion = viewer('db/1', false);

/** The verdict in one line: access, then each refusal's hook-tool error (or "no syntax") and ops error. */
function summary(a: BagAccess): string {
  const refusal = (what: string, r: BagAccess['read']) => (r ? ` | ${what}: ${r.error ?? 'no syntax'} / ops: ${r.ops ?? '-'}` : '');
  return `${a.access}${refusal('read', a.read)}${refusal('write', a.write)}`;
}

describe('databag access: the §6 table, case by case', () => {
  const cases: Array<[string, Viewer, BagRef, string]> = [
    // Regular relation, the leader.
    ['leader, regular, own unit bag', leader, regular('unit', 'worker/0'), 'read-write'],
    ['leader, regular, a unit bag of its own application', leader, regular('unit', 'worker/1'), 'read | write: no syntax / ops: worker/0 cannot write databag of worker/1: not the same unit.'],
    ['leader, regular, a unit bag of the remote application', leader, regular('unit', 'master/0'), 'read | write: no syntax / ops: worker/0 cannot write databag of master/0: not the same unit.'],
    ['leader, regular, own app bag', leader, regular('app', 'worker'), 'read-write'],
    ['leader, regular, remote app bag', leader, regular('app', 'master'), 'read | write: no syntax / ops: worker cannot write the data of remote application master'],
    // Regular relation, a non-leader.
    ['non-leader, regular, own unit bag', minion, regular('unit', 'worker/1'), 'read-write'],
    ['non-leader, regular, a unit bag of its own application', minion, regular('unit', 'worker/0'), 'read | write: no syntax / ops: worker/1 cannot write databag of worker/0: not the same unit.'],
    ['non-leader, regular, a unit bag of the remote application', minion, regular('unit', 'master/0'), 'read | write: no syntax / ops: worker/1 cannot write databag of master/0: not the same unit.'],
    [
      'non-leader, regular, own app bag',
      minion,
      regular('app', 'worker'),
      'none | read: ERROR permission denied / ops: worker/1 is not leader and cannot read its own application databag | write: ERROR cannot write relation settings / ops: worker/1 is not leader and cannot write application data.',
    ],
    ['non-leader, regular, remote app bag', minion, regular('app', 'master'), 'read | write: no syntax / ops: worker cannot write the data of remote application master'],
    // Peer relation (there is no remote application bag).
    ['leader, peer, own unit bag', peerLeader, peer('unit', 'db/0'), 'read-write'],
    ['leader, peer, another unit bag', peerLeader, peer('unit', 'db/1'), 'read | write: no syntax / ops: db/0 cannot write databag of db/1: not the same unit.'],
    ['leader, peer, own app bag', peerLeader, peer('app', 'db'), 'read-write'],
    ['non-leader, peer, own unit bag', peerMinion, peer('unit', 'db/1'), 'read-write'],
    ['non-leader, peer, another unit bag', peerMinion, peer('unit', 'db/0'), 'read | write: no syntax / ops: db/1 cannot write databag of db/0: not the same unit.'],
    ['non-leader, peer, own app bag', peerMinion, peer('app', 'db'), 'read | write: ERROR cannot write relation settings / ops: db/1 is not leader and cannot write application data.'],
  ];
  it.each(cases)('%s', (_name, v, bag, expected) => {
    expect(summary(bagAccess(v, bag))).toBe(expected);
  });

  it('names the command a charm would type for each refusal that has one', () => {
    const a = bagAccess(minion, regular('app', 'worker'));
    expect(a.read?.tool).toBe('relation-get -r master:0 --app - worker');
    expect(a.write?.tool).toBe('relation-set -r master:0 --app key=value');
    expect(bagAccess(peerMinion, peer('app', 'db')).write?.tool).toBe('relation-set -r replicas:3 --app key=value');
  });

  it("says there is no relation-set syntax to write another unit's or the remote application's bag", () => {
    expect(bagAccess(minion, regular('unit', 'master/0')).write).toMatchObject({ tool: "relation-set has no syntax for another unit's bag", error: null });
    expect(bagAccess(leader, regular('app', 'master')).write).toMatchObject({ tool: "relation-set has no syntax for the remote application's bag (--app means its own)", error: null });
  });

  it('gives leaders full access to their own bags and only read access to everything else', () => {
    for (const [v, own] of [
      [leader, regular('app', 'worker')],
      [peerLeader, peer('app', 'db')],
    ] as const) {
      expect(bagAccess(v, own)).toMatchObject({ access: 'read-write', read: null, write: null });
    }
  });

  it('refuses everything to a unit of an application outside the relation: its -r is not found', () => {
    const a = bagAccess(viewer('ubuntu/0', true), regular('unit', 'master/0'));
    expect(summary(a)).toBe('none | read: ERROR invalid value "0" for option -r: relation not found / ops: - | write: ERROR invalid value "0" for option -r: relation not found / ops: -');
    expect(a.reason).toMatch(/ubuntu is not one of its applications/);
  });

  it('refuses everything to a unit of the relation that is not in its scope (not yet entered, or left)', () => {
    const a = bagAccess(viewer('worker/2', false, false), regular('unit', 'worker/2'));
    expect(a.access).toBe('none');
    expect(a.reason).toMatch(/not in this relation's scope/);
  });
});

describe('the one-line summary over the bags', () => {
  const all = [regular('app', 'master'), regular('unit', 'master/0'), regular('app', 'worker'), regular('unit', 'worker/0'), regular('unit', 'worker/1')];
  it('a non-leader writes only its own unit bag and cannot read its application bag', () => {
    expect(accessSummary(minion, all)).toEqual({ writable: ['worker/1'], unreadable: ['app worker'] });
  });
  it('the leader also writes its application bag and reads everything', () => {
    expect(accessSummary(leader, all)).toEqual({ writable: ['app worker', 'worker/0'], unreadable: [] });
  });
  it('a unit outside the relation writes and reads nothing', () => {
    expect(accessSummary(viewer('ubuntu/0', true), all)).toEqual({ writable: [], unreadable: ['app master', 'master/0', 'app worker', 'worker/0', 'worker/1'] });
  });
});

describe("databag access agrees with the engine's hook tools", () => {
  /** Runs a hook-tool line on a unit with juju exec; returns what it printed. */
  const exec = (s: ReturnType<typeof sim>, unit: string, line: string) => {
    s.run(`juju exec --unit ${unit} -- ${line}`);
    return s.lastOutput().trim();
  };

  it('masterworker: every refusal with a command prints exactly the quoted error, every allowed read succeeds', () => {
    const s = sim('juju deploy master\njuju deploy worker -n 2\njuju relate master worker');
    const units = { 'master/0': true, 'worker/0': true, 'worker/1': false } as const;
    const owners: Array<['unit' | 'app', string]> = [['unit', 'master/0'], ['unit', 'worker/0'], ['unit', 'worker/1'], ['app', 'master'], ['app', 'worker']];
    for (const [unit, isLeader] of Object.entries(units)) {
      const v = viewer(unit, isLeader);
      const r = `-r ${unit.startsWith('master') ? 'master-application' : 'master'}:0`;
      for (const [scope, owner] of owners) {
        const a = bagAccess(v, regular(scope, owner));
        const read = exec(s, unit, `relation-get ${r}${scope === 'app' ? ' --app' : ''} - ${owner}`);
        if (a.read) expect(read, `${unit} reading ${owner}`).toBe(a.read.error);
        else expect(read, `${unit} reading ${owner}`).not.toMatch(/^ERROR/);
        if (a.write?.error) expect(exec(s, unit, a.write.tool), `${unit} writing ${owner}`).toBe(a.write.error);
      }
    }
  });

  it('peer relation: a non-leader reads the application bag and gets the quoted error writing it', () => {
    const s = sim('juju deploy postgresql -n 2');
    const a = bagAccess({ unit: 'postgresql/1', app: 'postgresql', leader: false, inScope: true }, { relationId: 0, peer: true, endpoints: [{ app: 'postgresql', endpoint: 'replicas' }], scope: 'app', owner: 'postgresql' });
    expect(a.read).toBeNull();
    expect(exec(s, 'postgresql/1', 'relation-get -r replicas:0 --app - postgresql')).not.toMatch(/^ERROR/);
    expect(a.write?.tool).toBe('relation-set -r replicas:0 --app key=value');
    expect(exec(s, 'postgresql/1', a.write?.tool ?? '')).toBe(a.write?.error);
  });

  it('a unit outside the relation gets the quoted "relation not found"', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker\njuju deploy ubuntu');
    const a = bagAccess(viewer('ubuntu/0', true), regular('unit', 'master/0'));
    expect(exec(s, 'ubuntu/0', a.read?.tool ?? '')).toBe(a.read?.error);
  });
});
