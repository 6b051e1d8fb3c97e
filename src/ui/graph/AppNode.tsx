/**
 * An application: name and charm, endpoints as handles labelled `endpoint (interface)`
 * and coloured by role (requires on the left, provides on the right, peers as a
 * badge), and its units as chips (leader ★, workload status as colour + text,
 * subordinates beside their principal). In manual mode each busy unit offers its
 * next hook(s) as buttons.
 */
import { Handle, Position, useConnection, type Node, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { AppView, NextHookView, UnitView } from '../../store/view.ts';
import { Label, moreEndpoints } from '../labels.ts';
import { retryExplanation, retryText } from '../common/retryText.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { compatible } from './compat.ts';
import { ROLE_STYLE, statusStyle } from './statusStyle.ts';
import { shownEndpoints } from './endpoints.ts';
import { CROSS_MODEL_ROW, NODE_WIDTH, shownUnits } from './layout.ts';

export interface AppNodeData extends Record<string, unknown> {
  readonly app: AppView;
  readonly units: readonly UnitView[];
  /** Subordinate units by principal, for chips shown beside their principal. */
  readonly subordinatesOf: Readonly<Record<string, readonly UnitView[]>>;
  readonly next: Readonly<Record<string, NextHookView>>;
  readonly peerIds: readonly number[];
  /** Show the implicit juju-info endpoint (only useful when something in the model requires juju-info). */
  readonly showJujuInfo: boolean;
  /** Its endpoints that take part in a relation: a big charm's card shows these and folds the rest (endpoints.ts). */
  readonly related: readonly string[];
  /** The folded endpoints shown too. */
  readonly expanded: boolean;
  readonly onToggleEndpoints: (app: string) => void;
}

export type AppFlowNode = Node<AppNodeData, 'app'>;

interface UnitChipProps {
  readonly unit: UnitView;
  readonly nextOf: Readonly<Record<string, NextHookView>>;
  readonly subs: readonly UnitView[];
}

/** Re-render a chip only when its unit, its subordinates or their next hooks changed (not on every tick). */
function sameChip(a: UnitChipProps, b: UnitChipProps): boolean {
  if (a.unit !== b.unit || a.subs.length !== b.subs.length || !a.subs.every((s, i) => s === b.subs[i])) return false;
  return [a.unit, ...a.subs].every((u) => nextKey(a.nextOf[u.name]) === nextKey(b.nextOf[u.name]));
}

export const nextKey = (q: NextHookView | undefined): string => (q ? q.hooks.map((h) => `${h.hook}|${h.op.remoteUnit ?? ''}`).join(',') : '');

const UnitChip = memo(function UnitChip({ unit, nextOf, subs }: UnitChipProps) {
  const next = nextOf[unit.name];
  const selected = useRelviz((s) => s.selection?.kind === 'unit' && s.selection.name === unit.name);
  const manual = useRelviz((s) => s.manual);
  const select = useRelviz((s) => s.select);
  const stepUnit = useRelviz((s) => s.stepUnit);
  const status = unit.life === 'dying' && unit.workload !== 'error' ? 'dying' : unit.workload;
  // relviz's line under Juju's status: the automatic retry to come, or that it waits for juju resolve.
  const retry = retryText(unit);
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        data-unit={unit.name}
        aria-label={`Unit ${unit.name}${unit.leader ? ' (leader)' : ''}: ${status}${unit.message ? `, ${unit.message}` : ''}${retry ? `; ${retry}` : ''}`}
        aria-pressed={selected}
        onClick={(e) => {
          e.stopPropagation();
          select({ kind: 'unit', name: unit.name });
        }}
        className={`unit-chip nodrag relative w-full rounded-md border-2 px-2 py-1 text-left text-sm leading-tight shadow-sm ${statusStyle(unit.workload, unit.life)} ${selected ? 'ring-2 ring-orange-500 ring-offset-1' : ''}`}
      >
        <span className="flex items-center gap-1 font-semibold">
          {unit.name}
          {unit.leader && (
            <span title="leader" aria-hidden className="text-amber-600">
              ★
            </span>
          )}
        </span>
        <span className="line-clamp-2 block break-words opacity-90" title={unit.message}>
          {status}
          {unit.message ? `: ${unit.message}` : ''}
        </span>
        {retry && (
          <span data-retry={unit.retryInSeconds === null ? 'resolve' : 'auto'} className="mt-0.5 block text-xs font-semibold" title={retryExplanation(unit) ?? undefined}>
            <span aria-hidden>{unit.retryInSeconds === null ? '⏸ ' : '↻ '}</span>
            {retry}
          </span>
        )}
        <span className="hook-flash pointer-events-none absolute -top-3 left-1 hidden rounded bg-slate-900 px-1.5 py-0.5 font-mono text-[10px] whitespace-nowrap text-white shadow" />
      </button>
      {subs.map((s) => (
        <UnitChip key={s.name} unit={s} nextOf={nextOf} subs={[]} />
      ))}
      {manual && next && (
        <div className="flex flex-col gap-0.5">
          {next.hooks.map((h, i) => (
            <button
              key={`${h.hook}-${i}`}
              type="button"
              data-next-hook-of={unit.name}
              className="nodrag rounded border border-orange-400 bg-orange-50 px-1 py-0.5 text-left font-mono text-[10px] text-orange-900 hover:bg-orange-100"
              onClick={(e) => {
                e.stopPropagation();
                stepUnit(unit.name, next.hooks.length > 1 ? i : null);
              }}
              title={h.op.rule}
            >
              ▶ {h.hook}
              {h.op.remoteUnit ? ` (${h.op.remoteUnit})` : ''}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}, sameChip);

const EndpointRow = memo(function EndpointRow({ app, name, role, iface, scope, limit }: { app: string; name: string; role: string; iface: string; scope: string; limit: number | null }) {
  const connection = useConnection();
  // Read, not subscribed: the highlight only matters during a drag, which re-renders via useConnection.
  const store = useRelvizStore();
  const style = ROLE_STYLE[role] ?? ROLE_STYLE['provides'];
  const from = connection.inProgress ? { app: connection.fromNode.id, endpoint: connection.fromHandle.id ?? '' } : null;
  const highlight = from !== null && compatible(store.getState().view, from, { app, endpoint: name });
  // The layout puts requirers left of providers: requires handles on the right edge, provides on the left.
  const left = role !== 'requires';
  return (
    <div className={`relative flex items-center px-3 py-1 text-sm ${left ? '' : 'justify-end'} ${highlight ? 'bg-yellow-100' : ''}`}>
      <Handle
        type={left ? 'target' : 'source'}
        position={left ? Position.Left : Position.Right}
        id={name}
        title={`${app}:${name} (${iface}, ${role}): drag to another application to integrate`}
        data-endpoint={`${app}:${name}`}
        className={`!h-3.5 !w-3.5 !border-2 !border-white ${style?.dot ?? ''} ${highlight ? '!h-5 !w-5 !ring-4 !ring-yellow-400' : ''}`}
      />
      <span className={`font-medium ${style?.text ?? ''}`}>{name}</span>
      <span className="ml-1 text-slate-500">
        ({iface}
        {scope === 'container' ? ', container' : ''}
        {limit !== null ? `, limit ${limit}` : ''})
      </span>
    </div>
  );
});

const NO_DRAG = '';

export const AppNode = memo(function AppNode({ data, selected }: NodeProps<AppFlowNode>) {
  const { app, units, next, subordinatesOf, peerIds, showJujuInfo, related, expanded, onToggleEndpoints } = data;
  const select = useRelviz((s) => s.select);
  const store = useRelvizStore();
  const selectedUnit = useRelviz((s) => (s.selection?.kind === 'unit' ? s.selection.name : null));
  // The endpoint being dragged from (a string, so a drag re-renders the card only when it starts and ends).
  const dragFrom = useConnection((c) => (c.inProgress ? `${c.fromNode.id}\n${c.fromHandle.id ?? ''}` : NO_DRAG));
  const keep = useMemo(() => {
    const out = new Set(related);
    if (dragFrom !== NO_DRAG) {
      // While dragging, the endpoints the drag could end on are shown, folded or not.
      const [fromApp = '', endpoint = ''] = dragFrom.split('\n');
      for (const e of app.endpoints) if (compatible(store.getState().view, { app: fromApp, endpoint }, { app: app.name, endpoint: e.name })) out.add(e.name);
    }
    return out;
  }, [related, dragFrom, app, store]);
  const { shown: rows, folded } = shownEndpoints(app, keep, showJujuInfo, expanded);
  const foldable = expanded && shownEndpoints(app, keep, showJujuInfo, false).folded > 0;
  const shown = shownUnits(units, selectedUnit);
  const peers = app.endpoints.filter((e) => e.role === 'peers');
  return (
    <div
      data-app-node={app.name}
      style={{ width: NODE_WIDTH }}
      className={`rounded-xl border-2 bg-white shadow-md ${selected ? 'border-orange-500' : 'border-slate-300'} ${app.life === 'dying' ? 'opacity-60' : ''}`}
    >
      <div className="flex items-baseline gap-2 rounded-t-xl bg-slate-800 px-3 py-1.5 text-white">
        <button
          type="button"
          className="nodrag text-base font-bold hover:underline"
          aria-label={`Application ${app.name}`}
          aria-pressed={selected}
          onClick={() => select({ kind: 'app', name: app.name })}
        >
          {app.name}
        </button>
        {app.charm !== app.name && <span className="text-xs text-slate-300">charm {app.charm}</span>}
        {app.subordinate && <span className="ml-auto rounded bg-slate-600 px-1 text-[10px] uppercase">subordinate</span>}
      </div>
      {app.real && (
        <div data-no-behaviour className="flex items-center gap-1.5 border-b border-violet-200 bg-violet-50 px-3 py-0.5 text-xs text-violet-900" title={Label.noBehaviourHelp}>
          <span className="rounded bg-violet-700 px-1 text-[10px] font-semibold tracking-wide text-white uppercase">real charm</span>
          {Label.noBehaviour}: hooks do nothing
        </div>
      )}
      {app.inferred && (
        <div data-inferred className="flex items-start gap-1.5 border-b border-stone-300 bg-stone-100 px-3 py-0.5 text-xs text-stone-800" title={Label.inferredHelp}>
          <span className="mt-px rounded bg-stone-600 px-1 text-[10px] font-semibold tracking-wide text-white uppercase">{Label.inferred}</span>
          <span>{Label.inferredStrip}</span>
        </div>
      )}
      {app.crossModel.length > 0 && (
        <ul data-cross-model className="border-b border-sky-200 bg-sky-50 px-3 py-0.5 text-xs text-sky-950" title={Label.crossModelHelp}>
          {app.crossModel.map((n) => (
            <li key={`${n.kind}:${n.name}`} className="truncate" style={{ height: CROSS_MODEL_ROW - 2 }}>
              <span aria-hidden>⇄ </span>
              {n.kind === 'offer' ? `offers ${n.name}` : `related to ${n.name} (another model)`}
              {n.endpoints.length > 0 && <span className="font-mono"> · {n.endpoints.join(', ')}</span>}
              <span className="text-sky-700"> · not simulated</span>
            </li>
          ))}
        </ul>
      )}
      <div className="py-1">
        {rows.map((e) => (
          <EndpointRow key={e.name} app={app.name} name={e.name} role={e.role} iface={e.interface} scope={e.scope} limit={e.implicit ? null : e.limit} />
        ))}
        {(folded > 0 || foldable) && (
          <button
            type="button"
            data-fold-endpoints={app.name}
            aria-expanded={expanded}
            title={expanded ? undefined : `Endpoints of ${app.name} in no relation: click to list them`}
            className="nodrag mx-3 my-0.5 block rounded px-1 text-left text-xs text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            onClick={(e) => {
              e.stopPropagation();
              onToggleEndpoints(app.name);
            }}
          >
            <span aria-hidden>{expanded ? '▴ ' : '▾ '}</span>
            {expanded ? Label.fewerEndpoints : moreEndpoints(folded)}
          </button>
        )}
        {peers.map((e, i) => (
          <div key={e.name} className="mx-3 my-0.5 inline-flex items-center gap-1 rounded-full border border-amber-600 bg-amber-50 px-2 py-0.5 text-xs text-amber-900" title="peer relation: the application's units relate to each other">
            <span aria-hidden>⟲</span> peer {e.name} ({e.interface}){peerIds[i] !== undefined ? ` · id ${peerIds[i]}` : ''}
          </div>
        ))}
      </div>
      {!app.subordinate && (
        <div className="grid grid-cols-2 gap-1.5 border-t border-slate-200 p-2">
          {units.length === 0 && <span className="col-span-2 text-xs text-slate-500 italic">no units</span>}
          {shown.map((u) => (
            <UnitChip key={u.name} unit={u} nextOf={next} subs={subordinatesOf[u.name] ?? []} />
          ))}
          {shown.length < units.length && (
            <span className="col-span-2 rounded-md border border-dashed border-slate-300 px-2 py-1 text-center text-xs text-slate-600" title="juju status lists every unit; the swimlanes have a row for each">
              +{(units.length - shown.length).toLocaleString('en')} more units
            </span>
          )}
        </div>
      )}
      {app.subordinate && (
        <div className="border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600">
          {units.length === 0 ? 'no units until related to a principal' : `${units.length} unit${units.length === 1 ? '' : 's'}, shown beside their principals`}
        </div>
      )}
    </div>
  );
});
