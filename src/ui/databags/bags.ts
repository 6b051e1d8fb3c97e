/**
 * What the databag panel draws, derived from the model view and the records of the
 * tick at the cursor: which relation, its applications' bags in order, each bag's
 * rows with the change the hook at the cursor committed. Pure; tested in
 * test/ui/databags-view.test.ts.
 */
import type { BagDiff, TraceList } from '../../engine/trace.ts';
import type { Selection } from '../../store/store.ts';
import type { BagView, ModelView, RelationView, UnitView } from '../../store/view.ts';
import { appOfUnit, type BagRef } from './access.ts';

// ---- which relation ----

export type ChoiceReason = 'selected' | 'gone' | 'of-unit' | 'of-app' | 'default';

export interface RelationChoice {
  /** The relation shown, or null when there is none to show. */
  readonly relation: RelationView | null;
  /** What the relation picker offers. */
  readonly choices: readonly RelationView[];
  readonly reason: ChoiceReason;
  /** The unit or application selected (for of-unit / of-app), or the relation id gone. */
  readonly subject: string;
}

const preferRegular = (rels: readonly RelationView[]) => rels.find((r) => !r.peer) ?? rels[0] ?? null;

/**
 * The relation to show: the selected one; for a selected unit or application, the
 * one the user picked among its relations (else its first regular one); with nothing
 * selected, the picked one or the first regular relation, so the panel is never
 * empty while the model has a relation.
 */
export function chooseRelation(view: ModelView, selection: Selection, picked: number | null): RelationChoice {
  const all = view.relations;
  const pick = (rels: readonly RelationView[]) => rels.find((r) => r.id === picked) ?? preferRegular(rels);
  if (selection?.kind === 'relation') {
    const rel = all.find((r) => r.id === selection.id);
    if (rel) return { relation: rel, choices: all, reason: 'selected', subject: '' };
    return { relation: pick(all), choices: all, reason: 'gone', subject: `#${selection.id}` };
  }
  if (selection?.kind === 'unit' || selection?.kind === 'app') {
    const app = selection.kind === 'app' ? selection.name : (view.units[selection.name]?.app ?? appOfUnit(selection.name));
    const rels = all.filter((r) => r.endpoints.some((e) => e.app === app));
    return { relation: pick(rels), choices: rels, reason: selection.kind === 'unit' ? 'of-unit' : 'of-app', subject: selection.name };
  }
  return { relation: pick(all), choices: all, reason: 'default', subject: '' };
}

/** How the picker names a relation: `#0 master ⇄ worker`, with peer/container/dying marks. */
export function relationLabel(r: RelationView): string {
  const apps = r.peer ? `${r.endpoints[0]?.app ?? '?'} (peer)` : r.endpoints.map((e) => e.app).join(' ⇄ ');
  const marks = [r.container ? 'container' : '', r.life === 'dying' ? 'dying' : ''].filter(Boolean);
  return `#${r.id} ${apps}${marks.length ? ` · ${marks.join(', ')}` : ''}`;
}

// ---- what the hook at the cursor committed ----

export interface Commit {
  readonly seq: number;
  /** The unit that wrote (until the commit, only it reads these writes). */
  readonly unit: string;
  /** `master/0 master-application-relation-joined` or `juju exec on master/0`. */
  readonly by: string;
  readonly diff: BagDiff;
}

export const bagKey = (relationId: number, scope: 'unit' | 'app', owner: string) => `${relationId}/${scope}/${owner}`;

/** The commits made in the tick at the cursor (hooks and `juju exec`), by bagKey. */
export function commitsAt(records: TraceList): Map<string, Commit> {
  const out = new Map<string, Commit>();
  for (const r of records) {
    if (r.type !== 'hook' && r.type !== 'exec') continue;
    const by = r.type === 'hook' ? `${r.unit} ${r.hook}` : `juju exec on ${r.unit}`;
    for (const c of r.changes) out.set(bagKey(c.relationId, c.scope, c.owner), { seq: r.seq, unit: r.unit, by, diff: c.diff });
  }
  return out;
}

/** The hook at the cursor, if it failed: its writes were discarded (JUJU-SEMANTICS §4). */
export function failedAt(records: TraceList): { readonly unit: string; readonly hook: string; readonly seq: number } | null {
  for (const r of records) if (r.type === 'hook' && r.result === 'error') return { unit: r.unit, hook: r.hook, seq: r.seq };
  return null;
}

// ---- the bags, in order ----

export type UnitBagState = 'in-scope' | 'departing' | 'left-scope';

export interface UnitBagEntry {
  readonly unit: string;
  readonly bag: BagView | null;
  readonly state: UnitBagState;
  readonly leader: boolean;
}

export interface AppSection {
  readonly app: string;
  readonly endpoint: string;
  readonly role: string;
  readonly appBag: BagView | null;
  readonly units: readonly UnitBagEntry[];
}

/** `worker/2` before `worker/10` (unit numbers, not strings). */
export function byUnitNumber(a: string, b: string): number {
  const d = Number(a.slice(a.lastIndexOf('/') + 1)) - Number(b.slice(b.lastIndexOf('/') + 1));
  return d !== 0 && !Number.isNaN(d) ? d : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Each application of the relation (one for a peer relation) with its app bag and
 * every unit bag: units in scope, departing ones, and units that left scope whose
 * bag Juju keeps readable for the relation's lifetime (§5).
 */
export function relationSections(rel: RelationView, units: Readonly<Record<string, UnitView>>): AppSection[] {
  const scope = new Map(rel.scope.map((s) => [s.unit, s.departing]));
  const bags = new Map(rel.unitBags.map((b) => [b.owner, b]));
  const names = [...new Set([...scope.keys(), ...bags.keys()])];
  return rel.endpoints.map((ep) => ({
    app: ep.app,
    endpoint: ep.endpoint,
    role: ep.role,
    appBag: rel.appBags.find((b) => b.owner === ep.app) ?? null,
    units: names
      .filter((u) => appOfUnit(u) === ep.app)
      .sort(byUnitNumber)
      .map((u) => {
        const departing = scope.get(u);
        return {
          unit: u,
          bag: bags.get(u) ?? null,
          state: departing === undefined ? 'left-scope' : departing ? 'departing' : 'in-scope',
          leader: units[u]?.leader ?? false,
        };
      }),
  }));
}

// ---- rows ----

export interface BagRow {
  readonly key: string;
  /** The committed value (for a removed key: the value it had). */
  readonly value: string;
  readonly change: 'added' | 'updated' | 'removed' | null;
  /** The value before an update. */
  readonly old: string | null;
}

/** A bag's rows in key order, the removed keys of `diff` in their place. */
export function bagRows(data: BagView['data'], diff: BagDiff | undefined): BagRow[] {
  const rows: BagRow[] = data.map(([key, value]) => {
    if (diff && key in diff.added) return { key, value, change: 'added', old: null };
    const upd = diff?.updated[key];
    if (upd) return { key, value, change: 'updated', old: upd[0] };
    return { key, value, change: null, old: null };
  });
  for (const [key, value] of Object.entries(diff?.removed ?? {})) rows.push({ key, value, change: 'removed', old: null });
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// ---- bags as access.ts sees them ----

/** One bag of `rel`, for bagAccess. */
export const bagRef = (rel: RelationView, scope: 'unit' | 'app', owner: string): BagRef => ({ relationId: rel.id, peer: rel.peer, endpoints: rel.endpoints, scope, owner });

/** Every bag the panel shows, in order. */
export function sectionBagRefs(rel: RelationView, sections: readonly AppSection[]): BagRef[] {
  return sections.flatMap((s) => [bagRef(rel, 'app', s.app), ...s.units.map((u) => bagRef(rel, 'unit', u.unit))]);
}
