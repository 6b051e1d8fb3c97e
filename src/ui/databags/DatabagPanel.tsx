/**
 * The databags of one relation: each application's app bag and every unit bag, as
 * committed at the cursor. Keys the hook at the cursor just wrote are highlighted
 * (+ added, ~ old → new, − removed). "View as unit" shows what one unit may read or
 * write on each bag, with the exact error it would get (JUJU-SEMANTICS §6).
 */
import { useMemo } from 'react';
import type { BagDiff, TraceRecord } from '../../engine/trace.ts';
import { currentRecords } from '../../store/store.ts';
import type { BagView, RelationView } from '../../store/view.ts';
import { Label } from '../labels.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { bagAccess, type Access, type BagRef, type Viewer } from './access.ts';

const ACCESS_STYLE: Record<Access, string> = {
  'read-write': 'bg-emerald-100 text-emerald-900 border-emerald-600',
  read: 'bg-sky-100 text-sky-900 border-sky-600',
  none: 'bg-red-100 text-red-900 border-red-600',
};
const ACCESS_TEXT: Record<Access, string> = { 'read-write': 'read / write', read: 'read only', none: 'no access' };

interface Commit {
  readonly diff: BagDiff;
  readonly by: string;
}

/** The commits of the tick at the cursor, by `<relation id>/<scope>/<owner>`. */
function commitsAt(records: readonly TraceRecord[]): Map<string, Commit> {
  const out = new Map<string, Commit>();
  for (const r of records) {
    if (r.type !== 'hook' && r.type !== 'exec') continue;
    const by = r.type === 'hook' ? `${r.unit} ${r.hook} (seq ${r.seq})` : `juju exec on ${r.unit}`;
    for (const c of r.changes) out.set(`${c.relationId}/${c.scope}/${c.owner}`, { diff: c.diff, by });
  }
  return out;
}

interface BagTableProps {
  readonly pending: boolean;
  readonly scope: 'unit' | 'app';
  readonly owner: string;
  readonly bag: BagView | undefined;
  readonly rel: RelationView;
  readonly commit: Commit | undefined;
  readonly viewer: Viewer | null;
}

function BagTable({ scope, owner, bag, rel, commit, viewer, pending }: BagTableProps) {
  const title = scope === 'app' ? `app ${owner}` : owner;
  const ref: BagRef = {
    scope,
    owner,
    ownerApp: scope === 'app' ? owner : owner.slice(0, owner.lastIndexOf('/')),
    peer: rel.peer,
    apps: rel.endpoints.map((e) => e.app),
  };
  const access = viewer ? bagAccess(viewer, ref) : null;
  const data = bag?.data ?? [];
  const removed = commit ? Object.entries(commit.diff.removed) : [];
  return (
    <div className="rounded-md border border-slate-200" data-bag={`${scope}:${owner}`}>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-2 py-1">
        <span className="font-mono text-sm font-semibold">{title}</span>
        {bag && <span className="text-xs text-slate-500">v{bag.version}</span>}
        {access && (
          <span className={`ml-auto rounded border px-1.5 text-xs font-medium ${ACCESS_STYLE[access.access]}`} title={access.explanation}>
            {viewer?.unit}: {ACCESS_TEXT[access.access]}
          </span>
        )}
      </div>
      {access && (access.hookToolError || access.access !== 'read-write') && (
        <div className="border-b border-slate-100 px-2 py-1 text-xs text-slate-700">
          {access.explanation}
          {access.hookToolError && <div className="font-mono text-red-800">{access.hookToolError}</div>}
          {access.opsError && <div className="font-mono text-slate-600">ops: {access.opsError}</div>}
        </div>
      )}
      {commit &&
        (pending ? (
          <div className="border-y border-dashed border-violet-400 bg-violet-50 px-2 py-0.5 text-xs text-violet-900">writing… {commit.by}: pending until the hook succeeds</div>
        ) : (
          <div className="bg-amber-50 px-2 py-0.5 text-xs text-amber-900">just committed by {commit.by}</div>
        ))}
      {data.length === 0 && removed.length === 0 && <p className="px-2 py-1 font-mono text-sm text-slate-600 italic">empty</p>}
      <dl className="divide-y divide-slate-100 font-mono text-sm">
        {data.map(([k, v]) => {
          const added = commit && k in commit.diff.added;
          const updated = commit?.diff.updated[k];
          const mark = pending && (added || updated) ? 'border border-dashed border-violet-500 bg-violet-50' : added ? 'bg-emerald-100' : updated ? 'bg-amber-100' : '';
          return (
            <div key={k} className={`grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-2 px-2 py-0.5 ${mark}`} data-key={k} data-pending={pending && (added || updated) ? '' : undefined}>
              <dt className="break-all text-slate-700">
                {added ? '+ ' : updated ? '~ ' : ''}
                {k}
              </dt>
              <dd className="break-all text-slate-950">
                {updated ? (
                  <>
                    <span className="text-slate-500 line-through">{updated[0]}</span> → {v}
                  </>
                ) : (
                  v
                )}
              </dd>
            </div>
          );
        })}
        {removed.map(([k, v]) => (
          <div key={`removed-${k}`} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-2 bg-red-50 px-2 py-0.5 text-red-800" data-key={k} data-removed>
            <dt className="break-all">− {k}</dt>
            <dd className="break-all line-through">{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function DatabagPanel() {
  const view = useRelviz((s) => s.view);
  const selection = useRelviz((s) => s.selection);
  const viewAs = useRelviz((s) => s.viewAsUnit);
  const setViewAs = useRelviz((s) => s.setViewAsUnit);
  const select = useRelviz((s) => s.select);
  const cursor = useRelviz((s) => s.cursor);
  const timeline = useRelviz((s) => s.timeline);
  const store = useRelvizStore();
  // The tick's records change with the cursor (and the timeline it belongs to).
  const commits = useMemo(() => commitsAt(currentRecords(store.getState())), [store, cursor, timeline]); // eslint-disable-line react-hooks/exhaustive-deps
  const pending = useRelviz((s) => s.phase === 'running');

  // Which relation: the selected one, or the first relation of the selected unit/app, or the first regular relation.
  const rel = useMemo(() => {
    const rels = view.relations;
    if (selection?.kind === 'relation') return rels.find((r) => r.id === selection.id);
    const app = selection?.kind === 'app' ? selection.name : selection?.kind === 'unit' ? view.units[selection.name]?.app : undefined;
    const involving = app ? rels.filter((r) => r.endpoints.some((e) => e.app === app)) : rels;
    return involving.find((r) => !r.peer) ?? involving[0];
  }, [view, selection]);

  if (!rel) return <p className="p-3 text-sm text-slate-500">No relation yet. Integrate two applications (drag from one endpoint to another) to see their databags.</p>;

  const viewer = viewAs && view.units[viewAs] ? { unit: viewAs, app: view.units[viewAs]?.app ?? '', leader: view.units[viewAs]?.leader ?? false } : null;
  const apps = rel.endpoints.map((e) => e.app);
  const unitOptions = Object.values(view.units).filter((u) => apps.includes(u.app)).map((u) => u.name);
  const departed = rel.unitBags.filter((b) => !rel.scope.some((s) => s.unit === b.owner));

  return (
    <div className="flex flex-col gap-2 p-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-1">
          Relation
          <select
            aria-label="Relation"
            className="h-8 max-w-[15rem] truncate rounded-md border border-slate-300 bg-white px-1"
            value={rel.id}
            onChange={(e) => select({ kind: 'relation', id: Number(e.target.value) })}
          >
            {view.relations.map((r) => (
              <option key={r.id} value={r.id}>
                #{r.id} {r.key}
                {r.peer ? ' (peer)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          {Label.viewAsUnit}
          <select aria-label={Label.viewAsUnit} className="h-8 rounded-md border border-slate-300 bg-white px-1" value={viewAs ?? ''} onChange={(e) => setViewAs(e.target.value || null)}>
            <option value="">nobody</option>
            {unitOptions.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
      </div>
      {rel.endpoints.map((ep) => {
        const unitBags = rel.unitBags.filter((b) => b.owner.startsWith(`${ep.app}/`) && rel.scope.some((s) => s.unit === b.owner));
        return (
          <section key={ep.app} aria-label={`${ep.app} databags`} className="flex flex-col gap-1.5">
            <h3 className="text-sm font-bold text-slate-800">
              {ep.app} <span className="font-normal text-slate-500">({ep.endpoint})</span>
            </h3>
            <BagTable scope="app" owner={ep.app} bag={rel.appBags.find((b) => b.owner === ep.app)} rel={rel} commit={commits.get(`${rel.id}/app/${ep.app}`)} viewer={viewer} pending={pending} />
            {unitBags.map((b) => (
              <BagTable key={b.owner} scope="unit" owner={b.owner} bag={b} rel={rel} commit={commits.get(`${rel.id}/unit/${b.owner}`)} viewer={viewer} pending={pending} />
            ))}
          </section>
        );
      })}
      {departed.length > 0 && (
        <section aria-label="Departed units' databags" className="flex flex-col gap-1.5">
          <h3 className="text-sm font-bold text-slate-800">
            left scope <span className="font-normal text-slate-500">(still readable for the relation’s lifetime)</span>
          </h3>
          {departed.map((b) => (
            <BagTable key={b.owner} scope="unit" owner={b.owner} bag={b} rel={rel} commit={commits.get(`${rel.id}/unit/${b.owner}`)} viewer={viewer} pending={pending} />
          ))}
        </section>
      )}
    </div>
  );
}
