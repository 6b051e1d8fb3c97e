/**
 * The databags of one relation as committed at the cursor: each application's app
 * bag and every unit bag (departing units and units that left scope too, whose bags
 * stay readable), stacked in a narrow panel and side by side in a wide one. The keys
 * the hook at the cursor wrote are marked (pending while it runs, then committed);
 * "View as unit" shows, on every bag, what that unit may read or write and the
 * exact error it would get (§6).
 */
import { useId, useMemo, useState } from 'react';
import type { RelationView, UnitView } from '../../store/view.ts';
import { currentRecords } from '../../store/store.ts';
import { Label } from '../labels.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { usePaced } from '../common/usePaced.ts';
import type { Viewer } from './access.ts';
import { AppBags } from './AppBags.tsx';
import { byUnitNumber, chooseRelation, commitsAt, failedAt, relationLabel, relationSections, sectionBagRefs, type RelationChoice } from './bags.ts';
import { ViewerSummary } from './ViewerSummary.tsx';

const selectClass = 'h-8 w-full min-w-0 rounded-md border border-slate-300 bg-white px-1.5 text-sm text-slate-900';
const fieldLabel = 'text-sm font-medium text-slate-700';

/** The units offered in "View as unit": every unit of the relation's applications, plus the current one if it is elsewhere. */
/** Units the View-as list offers at most. */
const MAX_VIEW_OPTIONS = 100;

function viewAsOptions(rel: RelationView, units: Readonly<Record<string, UnitView>>, current: string | null) {
  const apps = rel.endpoints.map((e) => e.app);
  const names = Object.values(units)
    .filter((u) => apps.includes(u.app))
    .map((u) => u.name)
    .sort(byUnitNumber);
  // A select of hundreds of units costs the page a long task per hook: the first ones, the leader and the current viewer.
  const listed = names.length <= MAX_VIEW_OPTIONS ? names : names.filter((n, i) => i < MAX_VIEW_OPTIONS || n === current || units[n]?.leader);
  const options: Array<{ value: string; label: string; disabled?: boolean }> = listed.map((n) => ({ value: n, label: units[n]?.leader ? `${n} (leader)` : n }));
  const more = names.length - listed.length;
  if (more > 0) options.push({ value: '(more)', label: `(+${more.toLocaleString('en')} more: select a unit on the graph or in the swimlanes)`, disabled: true });
  if (current && !names.includes(current)) options.push({ value: current, label: units[current] ? `${current} (not in this relation)` : `${current} (gone at this tick)` });
  return options;
}

function ChoiceNote({ choice }: { choice: RelationChoice }) {
  const rel = choice.relation;
  if (choice.reason === 'gone') return <>Relation {choice.subject} does not exist at this tick{rel ? `; showing #${rel.id}` : ''}.</>;
  if (choice.reason === 'of-unit' || choice.reason === 'of-app') {
    if (!rel) return <>{choice.subject} is in no relation at this tick.</>;
    return choice.choices.length > 1 ? <>{choice.choices.length} relations of {choice.subject}: pick one above.</> : <>The relation of {choice.subject}.</>;
  }
  return null;
}

export function DatabagPanel() {
  const store = useRelvizStore();
  // Paced while playing fast (usePaced); the selection and the viewer stay live.
  const { view, cursor, timeline, revision, phase } = usePaced();
  const selection = useRelviz((s) => s.selection);
  const viewAs = useRelviz((s) => s.viewAsUnit);
  // The animation shows each hook first running (writes buffered), then committed (§4).
  const pending = phase === 'running';
  // A relation picked here while a unit or application is selected (the graph selection stays).
  const [picked, setPicked] = useState<number | null>(null);
  const ids = useId();

  // The records of the tick at the cursor change with the cursor and the history
  // (the timeline mutates in place, so its identity alone does not say so).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const records = useMemo(() => currentRecords(store.getState()), [store, cursor, timeline, revision]);
  const commits = useMemo(() => commitsAt(records), [records]);
  const failed = failedAt(records);
  const choice = chooseRelation(view, selection, picked);
  const rel = choice.relation;

  if (view.relations.length === 0) {
    return (
      <p data-paced-cursor={cursor} className="p-3 text-sm text-slate-600">
        No relation yet. Integrate two applications (drag from one endpoint to another, or <code>juju integrate a b</code> in the console) to see their databags.
      </p>
    );
  }

  const pickRelation = (id: number) => {
    setPicked(id);
    if (selection === null || selection.kind === 'relation') store.getState().select({ kind: 'relation', id });
  };
  const unit = viewAs ? view.units[viewAs] : undefined;
  const viewer: Viewer | null = unit && rel ? { unit: unit.name, app: unit.app, leader: unit.leader, inScope: rel.scope.some((s) => s.unit === unit.name) } : null;
  const note = <ChoiceNote choice={choice} />;
  const sections = rel ? relationSections(rel, view.units) : [];

  return (
    <div data-paced-cursor={cursor} className="@container flex flex-col">
      <div className="top-0 z-10 grid grid-cols-[auto_minmax(0,1fr)] [@media(min-height:50rem)]:sticky items-center gap-x-2 gap-y-1.5 border-b border-slate-200 bg-white px-2 py-1.5">
        <label htmlFor={`${ids}-relation`} className={fieldLabel}>
          Relation
        </label>
        <select id={`${ids}-relation`} className={selectClass} value={rel?.id ?? ''} disabled={choice.choices.length === 0} onChange={(e) => pickRelation(Number(e.target.value))}>
          {choice.choices.map((r) => (
            <option key={r.id} value={r.id}>
              {relationLabel(r)}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-viewas`} className={fieldLabel}>
          {Label.viewAsUnit}
        </label>
        <select id={`${ids}-viewas`} className={selectClass} value={viewAs ?? ''} disabled={!rel} onChange={(e) => store.getState().setViewAsUnit(e.target.value || null)}>
          <option value="">nobody (data only)</option>
          {rel &&
            viewAsOptions(rel, view.units, viewAs).map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
        </select>
        {choice.reason !== 'selected' && choice.reason !== 'default' && <p className="col-span-2 text-xs text-slate-700">{note}</p>}
        {viewAs && !unit && <p className="col-span-2 text-xs text-slate-700">{viewAs} does not exist at this tick: no permissions to show.</p>}
        {viewer && rel && (
          <div className="col-span-2">
            <ViewerSummary viewer={viewer} refs={sectionBagRefs(rel, sections)} />
          </div>
        )}
      </div>
      {failed && (
        <p className="mx-2 mt-2 rounded border border-red-700 bg-red-50 px-2 py-1 text-xs text-red-900">
          <strong>✗ {failed.unit} {failed.hook}</strong> (seq {failed.seq}) failed: nothing it wrote was committed (§4).
        </p>
      )}
      {rel && (
        <div className="grid gap-3 p-2 @3xl:grid-cols-2" data-relation={rel.id}>
          {sections.map((s) => (
            <AppBags key={s.app} section={s} rel={rel} commits={commits} viewer={viewer} pending={pending} />
          ))}
        </div>
      )}
    </div>
  );
}
