/**
 * What one unit may do with each databag of a relation (JUJU-SEMANTICS §6): read,
 * write, or nothing, with the hook-tool command a charm would type, what it prints
 * when refused, and what ops raises for the same attempt. The messages are the ones
 * the engine's hook tools (src/engine/context.ts) and ops `model.py` produce. Pure;
 * tested in test/ui/databags.test.ts.
 */
export type Access = 'read-write' | 'read' | 'none';

/** A refused attempt, as the hook tools and ops report it. */
export interface Refusal {
  /** The hook-tool command line a charm would use, or a description when there is no syntax for it. */
  readonly tool: string;
  /** What the hook tool prints (`ERROR …`); null when it has no syntax for this at all. */
  readonly error: string | null;
  /** What ops raises (RelationDataAccessError); null when ops has no such message. */
  readonly ops: string | null;
}

export interface BagAccess {
  readonly access: Access;
  /** Why reading is refused; null when allowed. */
  readonly read: Refusal | null;
  /** Why writing is refused; null when allowed. */
  readonly write: Refusal | null;
  /** One short line: the rule behind the verdict. */
  readonly reason: string;
}

/** The unit whose permissions are shown ("View as unit"). */
export interface Viewer {
  readonly unit: string;
  readonly app: string;
  readonly leader: boolean;
  /** In the relation's scope: it has the relation (entered before relation-created, left after broken). */
  readonly inScope: boolean;
}

export interface BagRef {
  readonly relationId: number;
  readonly peer: boolean;
  /** The relation's endpoints: which applications take part and what each calls it. */
  readonly endpoints: ReadonlyArray<{ readonly app: string; readonly endpoint: string }>;
  readonly scope: 'unit' | 'app';
  /** A unit name (unit bag) or an application name (app bag). */
  readonly owner: string;
}

/** The application a unit belongs to (`worker/1` → `worker`). */
export function appOfUnit(unit: string): string {
  return unit.slice(0, unit.lastIndexOf('/'));
}

const READ_WRITE = (reason: string): BagAccess => ({ access: 'read-write', read: null, write: null, reason });

/** What `viewer` may do with the bag `bag`. */
export function bagAccess(viewer: Viewer, bag: BagRef): BagAccess {
  const own = bag.endpoints.find((e) => e.app === viewer.app);
  // Not in the relation (another application, or not in scope): the hook tools
  // reject the relation id itself, before looking at any bag (context.ts `relation`).
  if (!own || !viewer.inScope) {
    const notFound = `ERROR invalid value "${bag.relationId}" for option -r: relation not found`;
    const target = bag.scope === 'app' ? `--app - ${bag.owner}` : `- ${bag.owner}`;
    return {
      access: 'none',
      read: { tool: `relation-get -r ${bag.relationId} ${target}`, error: notFound, ops: null },
      write: { tool: `relation-set -r ${bag.relationId} key=value`, error: notFound, ops: null },
      reason: own ? `${viewer.unit} is not in this relation's scope (not yet entered, or already left)` : `${viewer.unit} is not in this relation: ${viewer.app} is not one of its applications`,
    };
  }
  const r = `-r ${own.endpoint}:${bag.relationId}`;
  if (bag.scope === 'unit') {
    if (bag.owner === viewer.unit) return READ_WRITE('its own unit bag');
    return {
      access: 'read',
      read: null,
      write: {
        tool: "relation-set has no syntax for another unit's bag",
        error: null,
        ops: `${viewer.unit} cannot write databag of ${bag.owner}: not the same unit.`,
      },
      reason: "another unit's bag: readable, never writable",
    };
  }
  if (bag.owner !== viewer.app) {
    return {
      access: 'read',
      read: null,
      write: {
        tool: "relation-set has no syntax for the remote application's bag (--app means its own)",
        error: null,
        ops: `${viewer.app} cannot write the data of remote application ${bag.owner}`,
      },
      reason: "the remote application's bag: readable, written only by its own leader",
    };
  }
  if (viewer.leader) return READ_WRITE('the leader reads and writes its application bag');
  const write: Refusal = {
    tool: `relation-set ${r} --app key=value`,
    error: 'ERROR cannot write relation settings',
    ops: `${viewer.unit} is not leader and cannot write application data.`,
  };
  // ops: "peer relation data is always publicly readable"; the hook tool agrees.
  if (bag.peer) return { access: 'read', read: null, write, reason: 'peer relation: every unit reads the application bag, only the leader writes it' };
  return {
    access: 'none',
    read: {
      tool: `relation-get ${r} --app - ${bag.owner}`,
      error: 'ERROR permission denied',
      ops: `${viewer.unit} is not leader and cannot read its own application databag`,
    },
    write,
    reason: 'in a regular relation only the leader may read or write its own application bag',
  };
}

/** How the panel names a bag in one line: `worker/1` or `app worker`. */
export const bagName = (bag: Pick<BagRef, 'scope' | 'owner'>) => (bag.scope === 'app' ? `app ${bag.owner}` : bag.owner);

/** The bags a unit may write, and those it may not even read, among `bags` (the summary over the panel). */
export function accessSummary(viewer: Viewer, bags: readonly BagRef[]): { readonly writable: string[]; readonly unreadable: string[] } {
  const writable: string[] = [];
  const unreadable: string[] = [];
  for (const b of bags) {
    const a = bagAccess(viewer, b);
    if (!a.write) writable.push(bagName(b));
    if (a.read) unreadable.push(bagName(b));
  }
  return { writable, unreadable };
}
