/**
 * One databag: its owner and version, what the viewing unit may do with it, and its
 * key/value rows, the keys the hook at the cursor committed marked (+ added,
 * ~ old → new, − removed, struck through) — dashed while the hook still runs and its
 * writes are only buffered (JUJU-SEMANTICS §4). Values are text and wrap anywhere,
 * so a long value never widens the panel.
 */
import { memo } from 'react';
import { clipText } from '../common/clip.ts';
import type { BagView } from '../../store/view.ts';
import { AccessDetails } from './AccessDetails.tsx';
import type { BagAccess, Refusal } from './access.ts';
import { bagRows, type BagRow, type Commit, type UnitBagState } from './bags.ts';

export interface BagCardProps {
  readonly scope: 'unit' | 'app';
  readonly owner: string;
  readonly bag: BagView | null;
  readonly commit: Commit | undefined;
  readonly leader?: boolean;
  readonly state?: UnitBagState;
  readonly viewer: { readonly unit: string; readonly access: BagAccess } | null;
  /** The hook at the cursor is still running: its writes are buffered, not committed (§4). */
  readonly pending?: boolean;
}

const ROW_STYLE: Record<NonNullable<BagRow['change']> | 'none', string> = {
  added: 'bg-emerald-50 text-emerald-950',
  updated: 'bg-amber-50 text-amber-950',
  removed: 'bg-red-50 text-red-900',
  none: '',
};
const MARK: Record<NonNullable<BagRow['change']>, { readonly sign: string; readonly cls: string; readonly sr: string }> = {
  added: { sign: '+', cls: 'text-emerald-800', sr: 'added' },
  updated: { sign: '~', cls: 'text-amber-800', sr: 'changed' },
  removed: { sign: '−', cls: 'text-red-800', sr: 'removed' },
};

const PENDING_ROW = 'bg-violet-50 text-violet-950 outline-1 -outline-offset-1 outline-dashed outline-violet-600';

function Row({ row, pending }: { row: BagRow; pending: boolean }) {
  const mark = row.change ? MARK[row.change] : null;
  const removed = row.change === 'removed';
  const isPending = pending && row.change !== null;
  return (
    <div
      role="row"
      className={`col-span-3 grid grid-cols-subgrid items-baseline px-1.5 py-px ${isPending ? PENDING_ROW : ROW_STYLE[row.change ?? 'none']}`}
      data-key={row.key}
      data-change={row.change ?? undefined}
      data-removed={removed || undefined}
      data-pending={isPending ? '' : undefined}
    >
      <span role="cell" className={`w-3 text-center font-bold ${isPending ? 'text-violet-800' : (mark?.cls ?? '')}`}>
        {mark && (
          <>
            <span aria-hidden="true">{mark.sign}</span>
            <span className="sr-only">{isPending ? `${mark.sr}, pending` : mark.sr}</span>
          </>
        )}
      </span>
      <span role="rowheader" className={`[overflow-wrap:anywhere] ${removed ? 'line-through decoration-2' : 'text-slate-700'}`}>
        {row.key}
      </span>
      <span role="cell" className={`whitespace-pre-wrap [overflow-wrap:anywhere] ${removed ? 'line-through decoration-2' : 'text-slate-950'}`}>
        {row.old !== null && (
          <>
            <del className="text-slate-600 decoration-1">{clipText(row.old, 2000)}</del>
            <span className="px-1 font-sans text-amber-800" aria-hidden="true">
              →
            </span>
            <span className="sr-only"> became </span>
          </>
        )}
        {clipText(row.value, 2000)}
      </span>
    </div>
  );
}

const STATE_TAG: Record<Exclude<UnitBagState, 'in-scope'>, { readonly text: string; readonly title: string }> = {
  departing: { text: 'departing', title: 'dying: the other units already ran (or will run) relation-departed for it' },
  'left-scope': { text: 'left scope', title: 'gone from the relation; its bag stays readable for the relation’s lifetime (JUJU-SEMANTICS §5)' },
};

function BagCardView({ scope, owner, bag, commit, leader = false, state = 'in-scope', viewer, pending = false }: BagCardProps) {
  const rows = bagRows(bag?.data ?? [], commit?.diff);
  const label = scope === 'app' ? `${owner} application bag` : `${owner} unit bag`;
  const tag = state === 'in-scope' ? null : STATE_TAG[state];
  const writing = pending && commit !== undefined;
  // Every commit moves the version by one: while the hook runs, the bag is still at the one before.
  const version = (bag?.version ?? 0) - (writing ? 1 : 0);
  // content-visibility: a big model shows a hundred bags, and laying out the ones
  // scrolled out of view made every scrub and step cost tens of milliseconds.
  return (
    <div role="group" aria-label={label} className={`overflow-hidden rounded-md border [contain-intrinsic-size:auto_10rem] [content-visibility:auto] ${writing ? 'border-dashed border-violet-600' : commit ? 'border-sky-600 ring-1 ring-sky-600' : 'border-slate-300'}`} data-bag={`${scope}:${owner}`}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-200 bg-slate-100 px-2 py-1">
        <span className="text-[0.6875rem] font-bold tracking-wider text-slate-600 uppercase">{scope === 'app' ? 'app bag' : 'unit bag'}</span>
        <span className="font-mono text-sm font-bold text-slate-900">{owner}</span>
        {leader && (
          <span className="text-xs font-semibold text-amber-800" title="the application's leader">
            <span aria-hidden="true">★ </span>leader
          </span>
        )}
        {tag && (
          <span className="rounded border border-dashed border-slate-500 px-1 text-xs text-slate-700" title={tag.title}>
            {tag.text}
          </span>
        )}
        <span className="ml-auto text-xs text-slate-600 tabular-nums" title="bag version: moves with every commit that changes it">
          v{version}
        </span>
      </div>
      {viewer && <AccessDetails unit={viewer.unit} access={viewer.access} />}
      {commit && writing && (
        <p className="border-b border-dashed border-violet-400 bg-violet-50 px-2 py-0.5 text-xs text-violet-950">
          writing… <span className="font-mono">{commit.by}</span> (seq {commit.seq}): pending until the hook succeeds
          {viewer && viewer.unit !== commit.unit && <>; {viewer.unit} still reads the committed values</>}
        </p>
      )}
      {commit && !writing && (
        <p className="border-b border-sky-200 bg-sky-50 px-2 py-0.5 text-xs text-sky-950">
          just committed by <span className="font-mono">{commit.by}</span> (seq {commit.seq})
        </p>
      )}
      {rows.length === 0 ? (
        <p className="px-2 py-0.5 text-sm text-slate-500 italic">empty</p>
      ) : (
        <div role="table" aria-label={`${label} contents`} className="grid grid-cols-[auto_fit-content(55%)_minmax(0,1fr)] gap-x-2 py-0.5 font-mono text-[0.8125rem] leading-snug">
          {rows.map((r) => (
            <Row key={r.key} row={r} pending={writing} />
          ))}
        </div>
      )}
    </div>
  );
}

const sameRefusal = (a: Refusal | null, b: Refusal | null) => a === b || (a !== null && b !== null && a.tool === b.tool && a.error === b.error && a.ops === b.ops);
const sameAccess = (a: BagAccess, b: BagAccess) => a === b || (a.access === b.access && a.reason === b.reason && sameRefusal(a.read, b.read) && sameRefusal(a.write, b.write));
const sameViewer = (a: BagCardProps['viewer'], b: BagCardProps['viewer']) => a === b || (a !== null && b !== null && a.unit === b.unit && sameAccess(a.access, b.access));
const sameCommit = (a: Commit | undefined, b: Commit | undefined) => a === b || (a !== undefined && b !== undefined && a.seq === b.seq && a.by === b.by && a.diff === b.diff);

/**
 * A bag redraws only when what it shows changed: the view keeps an unchanged bag's
 * object (store/view.ts), and commits and access are compared by value.
 */
export const BagCard = memo(
  BagCardView,
  (p, q) =>
    p.scope === q.scope &&
    p.owner === q.owner &&
    p.leader === q.leader &&
    p.state === q.state &&
    p.pending === q.pending &&
    p.bag === q.bag &&
    sameCommit(p.commit, q.commit) &&
    sameViewer(p.viewer, q.viewer),
);
