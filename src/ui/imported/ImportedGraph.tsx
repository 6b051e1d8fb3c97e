/**
 * The model a real history shows at the cursor, rebuilt from its hooks alone
 * (src/io/trace/model.ts): an application card per application seen, its units
 * (leader ★, the one whose hook is at the cursor ringed, a failed one red), the
 * endpoints its hooks named, and an edge per relation with both ends known. What the
 * log does not say — charms, interfaces, the far end of a relation seen from one side
 * — is written as unknown, never filled in. Cards keep their places while the history
 * plays: the layout is of everything the whole history shows.
 */
import { Handle, Position, ReactFlow, ReactFlowProvider, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { ImportedModel, ModelApp, ModelRelation } from '../../io/trace/model.ts';
import { layered } from '../graph/layered.ts';

const WIDTH = 250;
/** Beyond this many applications a grid reads better than layers. */
const LAYERED_UP_TO = 24;

export interface ImportedAppData extends Record<string, unknown> {
  readonly app: ModelApp | null;
  readonly name: string;
  readonly failed: ReadonlySet<string>;
  /** The unit whose hook is at the cursor. */
  readonly active: string | null;
  /** Endpoints (with ids where known) of its relations at the cursor whose other side the history does not show, and of its peer relations. */
  readonly loose: readonly string[];
  readonly peers: readonly string[];
}

type ImportedAppNode = Node<ImportedAppData, 'app'>;

const endName = (r: ModelRelation, app: string) => r.ends.find((e) => e.app === app)?.endpoint ?? '?';
const relName = (r: ModelRelation) => (r.id !== undefined ? `#${r.id}` : 'relation');

/** Its peer relations and those whose other side the history does not show (each a line on its card). */
function sideLines(seen: ImportedModel, app: string): number {
  const mine = seen.relations.filter((r) => r.ends.some((e) => e.app === app));
  return (mine.some((r) => r.peer) ? 1 : 0) + (mine.some((r) => !r.peer && r.ends.length < 2) ? 1 : 0);
}

function cardHeight(seen: ImportedModel, app: ModelApp): number {
  return 74 + Math.ceil(Math.min(app.units.length, 24) / 3) * 32 + (app.endpoints.length > 0 ? 24 : 0) + sideLines(seen, app.name) * 22;
}

/**
 * Where each card goes, from everything the history shows: layered by relations when
 * the history names both ends of some; else (or for many applications) a grid, rows
 * as tall as their tallest card.
 */
export function placeCards(seen: ImportedModel): Map<string, { x: number; y: number }> {
  const edges = seen.relations.filter((r) => !r.peer && r.ends.length === 2).map((r) => [r.ends[0]?.app ?? '', r.ends[1]?.app ?? ''] as const);
  if (edges.length > 0 && seen.apps.length <= LAYERED_UP_TO) {
    return layered(
      seen.apps.map((a) => ({ id: a.name, height: cardHeight(seen, a) })),
      edges,
      WIDTH,
    );
  }
  const cols = Math.max(1, Math.min(seen.apps.length, Math.ceil(Math.sqrt(seen.apps.length * 1.6))));
  const at = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (let i = 0; i < seen.apps.length; i += cols) {
    const row = seen.apps.slice(i, i + cols);
    row.forEach((a, k) => at.set(a.name, { x: k * (WIDTH + 60), y }));
    y += Math.max(...row.map((a) => cardHeight(seen, a))) + 50;
  }
  return at;
}

const AppCard = memo(function AppCard({ data }: NodeProps<ImportedAppNode>) {
  const { app, name, failed, active, loose, peers } = data;
  const gone = app === null || app.units.length === 0;
  return (
    <div data-imported-app={name} className={`rounded-lg border-2 bg-white shadow-sm ${gone ? 'border-dashed border-slate-300 opacity-70' : 'border-slate-400'}`} style={{ width: WIDTH }}>
      <Handle type="target" position={Position.Left} className="!opacity-0" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="!opacity-0" isConnectable={false} />
      <div className="flex items-baseline gap-2 border-b border-slate-200 px-3 py-1.5">
        <span className="truncate font-mono text-base font-bold text-slate-900">{name}</span>
        <span className="ml-auto text-xs text-slate-500" title="A log does not name the charm">
          charm unknown
        </span>
      </div>
      <div className="flex flex-wrap gap-1 px-2 py-2">
        {app === null ? (
          <span className="text-xs text-slate-600">not in the history yet</span>
        ) : app.units.length === 0 ? (
          <span className="text-xs text-slate-600">no unit left</span>
        ) : (
          app.units.slice(0, 24).map((u) => (
            <span
              key={u}
              data-imported-unit={u}
              className={`rounded-md border px-1.5 py-0.5 font-mono text-sm ${failed.has(u) ? 'border-red-800 bg-red-600 font-bold text-white' : 'border-slate-300 bg-slate-50 text-slate-900'} ${u === active ? 'ring-[3px] ring-orange-500 ring-offset-1' : ''}`}
              title={`${u}${u === app.leader ? ' (leader)' : ''}${failed.has(u) ? ': its last hook failed' : ''}`}
            >
              {u}
              {u === app.leader && <span className="ml-0.5 text-orange-700">★</span>}
            </span>
          ))
        )}
        {app && app.units.length > 24 && <span className="text-xs text-slate-600">+{app.units.length - 24} more</span>}
      </div>
      {(app?.endpoints.length ?? 0) > 0 && (
        <p className="truncate border-t border-slate-100 px-3 py-1 font-mono text-xs text-slate-700" title="Endpoints its hooks named; their interfaces are not in a log">
          {app?.endpoints.join(' · ')}
        </p>
      )}
      {peers.length > 0 && (
        <p className="truncate border-t border-slate-100 px-3 py-0.5 font-mono text-xs text-slate-700" title={`peer relations: ${peers.join(', ')}`}>
          peer: {peers.join(', ')}
        </p>
      )}
      {loose.length > 0 && (
        <p className="truncate border-t border-slate-100 px-3 py-0.5 text-xs text-slate-600" title={`Relations whose other side is not in the input: ${loose.join(', ')}`}>
          other side not in the log: <span className="font-mono">{loose.join(', ')}</span>
        </p>
      )}
    </div>
  );
});

const nodeTypes = { app: AppCard };

export function ImportedGraph({ model, seen, active }: { model: ImportedModel; seen: ImportedModel; active: string | null }) {
  const places = useMemo(() => placeCards(seen), [seen]);
  const nodes = useMemo<ImportedAppNode[]>(() => {
    const failed = new Set(model.units.filter((u) => u.failed && !u.removed).map((u) => u.name));
    const now = new Map(model.apps.map((a) => [a.name, a]));
    return seen.apps.map((a) => {
      const mine = model.relations.filter((r) => r.ends.some((e) => e.app === a.name));
      return {
        id: a.name,
        type: 'app',
        position: places.get(a.name) ?? { x: 0, y: 0 },
        data: {
          app: now.get(a.name) ?? null,
          name: a.name,
          failed,
          active: active && active.startsWith(`${a.name}/`) ? active : null,
          peers: mine.filter((r) => r.peer).map((r) => (r.id !== undefined ? `${endName(r, a.name)} (#${r.id})` : endName(r, a.name))),
          loose: mine.filter((r) => !r.peer && r.ends.length < 2).map((r) => (r.id !== undefined ? `${endName(r, a.name)} (#${r.id})` : endName(r, a.name))),
        },
      };
    });
  }, [model, seen, places, active]);
  const edges = useMemo<Edge[]>(
    () =>
      model.relations
        .filter((r) => !r.peer && r.ends.length === 2)
        .map((r) => {
          const [a, b] = r.ends as [(typeof r.ends)[0], (typeof r.ends)[0]];
          const [from, to] = (places.get(a.app)?.x ?? 0) <= (places.get(b.app)?.x ?? 0) ? [a, b] : [b, a];
          return {
            id: r.key,
            source: from.app,
            target: to.app,
            label: `${relName(r)} ${from.endpoint ?? '?'} — ${to.endpoint ?? '?'}`,
            labelStyle: { fontFamily: 'ui-monospace, monospace', fontSize: 12, fill: '#1e293b' },
            labelBgPadding: [6, 3] as [number, number],
            labelBgBorderRadius: 4,
            style: { stroke: '#334155', strokeWidth: 2.5 },
          };
        }),
    [model, places],
  );
  return (
    <div className="h-full w-full">
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          proOptions={{ hideAttribution: true }}
          minZoom={0.1}
        />
      </ReactFlowProvider>
    </div>
  );
}
