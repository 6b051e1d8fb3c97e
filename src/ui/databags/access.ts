/**
 * What a unit may do with each databag of a relation (JUJU-SEMANTICS §6), with the
 * exact hook-tool error and the ops error it would get. Pure; tested in
 * test/ui/databags.test.ts.
 */
export type Access = 'read-write' | 'read' | 'none';

export interface BagAccess {
  readonly access: Access;
  /** What `relation-set` / `relation-get` answer when refused (hook tools). */
  readonly hookToolError: string | null;
  /** What ops raises for the same attempt. */
  readonly opsError: string | null;
  /** One line for the panel. */
  readonly explanation: string;
}

export interface Viewer {
  readonly unit: string;
  readonly app: string;
  readonly leader: boolean;
}

export interface BagRef {
  readonly scope: 'unit' | 'app';
  /** Unit name or application name. */
  readonly owner: string;
  /** Application the bag belongs to. */
  readonly ownerApp: string;
  readonly peer: boolean;
  /** Applications in the relation. */
  readonly apps: readonly string[];
}

export function bagAccess(v: Viewer, bag: BagRef): BagAccess {
  if (!bag.apps.includes(v.app)) {
    return { access: 'none', hookToolError: 'ERROR permission denied', opsError: null, explanation: `${v.unit} is not in this relation` };
  }
  if (bag.scope === 'unit') {
    if (bag.owner === v.unit) return { access: 'read-write', hookToolError: null, opsError: null, explanation: 'its own unit bag: read and write' };
    return {
      access: 'read',
      hookToolError: null,
      opsError: `${v.unit} cannot write databag of ${bag.owner}: not the same unit.`,
      explanation: 'read only: relation-set has no way to write another unit’s bag',
    };
  }
  // Application bags.
  if (bag.ownerApp === v.app) {
    if (v.leader) return { access: 'read-write', hookToolError: null, opsError: null, explanation: 'the leader reads and writes its application bag' };
    if (bag.peer) {
      return {
        access: 'read',
        hookToolError: 'ERROR cannot write relation settings',
        opsError: `${v.unit} is not leader and cannot write application data.`,
        explanation: 'peer relation: non-leaders may read their application bag, not write it',
      };
    }
    return {
      access: 'none',
      hookToolError: 'ERROR permission denied',
      opsError: `${v.unit} is not leader and cannot read its own application databag`,
      explanation: 'a non-leader can neither read nor write its own application bag (relation-set --app: ERROR cannot write relation settings)',
    };
  }
  return {
    access: 'read',
    hookToolError: null,
    opsError: `${v.app} cannot write the data of remote application ${bag.ownerApp}`,
    explanation: 'the remote application bag: read only',
  };
}
