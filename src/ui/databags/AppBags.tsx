/** One application of the relation: its app bag, then every unit bag (in scope, departing, left scope). */
import { useId } from 'react';
import type { RelationView } from '../../store/view.ts';
import { bagAccess, type Viewer } from './access.ts';
import { BagCard } from './BagCard.tsx';
import { bagKey, bagRef, type AppSection, type Commit } from './bags.ts';

export interface AppBagsProps {
  readonly section: AppSection;
  readonly rel: RelationView;
  readonly commits: ReadonlyMap<string, Commit>;
  readonly viewer: Viewer | null;
  /** The hook at the cursor still runs: its writes are pending. */
  readonly pending: boolean;
}

/**
 * Unit bags shown per application at most: a relation with hundreds of units would
 * cost the page seconds per hook to draw; the bags that matter now (written at this
 * tick, the viewer's, the leader's) are shown wherever they are.
 */
export const MAX_UNIT_BAGS = 12;

export function AppBags({ section, rel, commits, viewer, pending }: AppBagsProps) {
  const id = useId();
  const all = section.units;
  const shown =
    all.length <= MAX_UNIT_BAGS
      ? all
      : [
          ...all.slice(0, MAX_UNIT_BAGS),
          ...all.slice(MAX_UNIT_BAGS).filter((u) => u.leader || u.unit === viewer?.unit || commits.has(bagKey(rel.id, 'unit', u.unit))),
        ];
  const as = (scope: 'unit' | 'app', owner: string) => (viewer ? { unit: viewer.unit, access: bagAccess(viewer, bagRef(rel, scope, owner)) } : null);
  return (
    <div role="group" aria-labelledby={id} className="flex min-w-0 flex-col gap-1.5" data-app={section.app}>
      <h3 id={id} className="flex flex-wrap items-baseline gap-x-2 border-b-2 border-slate-800 pb-0.5">
        <span className="text-base font-bold text-slate-900">{section.app}</span>
        <span className="font-mono text-xs text-slate-600">
          {section.endpoint} · {rel.peer ? 'peer relation' : section.role}
        </span>
      </h3>
      <BagCard scope="app" owner={section.app} bag={section.appBag} commit={commits.get(bagKey(rel.id, 'app', section.app))} viewer={as('app', section.app)} pending={pending} />
      {shown.map((u) => (
        <BagCard key={u.unit} scope="unit" owner={u.unit} bag={u.bag} leader={u.leader} state={u.state} commit={commits.get(bagKey(rel.id, 'unit', u.unit))} viewer={as('unit', u.unit)} pending={pending} />
      ))}
      {shown.length < all.length && (
        <p className="rounded border border-dashed border-slate-300 px-2 py-1 text-xs text-slate-600">
          +{(all.length - shown.length).toLocaleString('en')} more unit bags of {section.app} (the ones written now, the leader’s and the viewer’s are shown; view as a unit to see its bag).
        </p>
      )}
      {section.units.length === 0 && <p className="text-sm text-slate-600 italic">No unit of {section.app} is in this relation.</p>}
    </div>
  );
}
