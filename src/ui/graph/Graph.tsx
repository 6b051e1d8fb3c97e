/**
 * The model as a graph (React Flow). Nodes and edges are derived from the view at
 * the cursor — never stored twice. Drag from an endpoint handle to another
 * application's compatible endpoint (highlighted while dragging) to integrate; drop
 * on an application to choose among its fitting endpoints. Right-click (or the
 * ContextMenu key / Shift+F10 on a focused unit, application or relation) opens the
 * context menu.
 *
 * The keyboard acts where the focus is: each application (its name), unit (its chip)
 * and relation (its label) is one Tab stop, focusing one selects it, and Delete or
 * Backspace removes the focused unit or relation — never something selected elsewhere.
 * React Flow's own focus stops (node and edge wrappers) and Delete are turned off, so
 * an application or relation is not two stops and a key never acts twice. Units are
 * Tab stops of their own rather than arrow-key targets: ← and → step the history
 * everywhere on the page.
 */
import {
  Background,
  ConnectionMode,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EndpointMeta } from '../../engine/charm.ts';
import type { Selection } from '../../store/store.ts';
import type { ModelView, NextHookView, UnitView } from '../../store/view.ts';
import { DeployDialog } from '../controls/DeployDialog.tsx';
import { deleteCommand } from '../controls/targetActions.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { selectStepFocus } from '../teaching/focus.ts';
import { AppNode, nextKey, type AppFlowNode, type AppNodeData } from './AppNode.tsx';
import { candidatesOn, compatible } from './compat.ts';
import { GraphContextMenu, anchorOf, menuTargetOf, type MenuRequest } from './ContextMenu.tsx';
import { frameOptions } from './frame.ts';
import { autoLayout, layoutKey } from './layout.ts';
import { RelationEdge, type RelationFlowEdge } from './RelationEdge.tsx';

const nodeTypes = { app: AppNode };
// A margin in px, not a share of the box: clear of the zoom buttons at the left, and no
// taller than needed above and below, where a wide panel is short of room.
const FIT = { padding: { x: '48px', y: '12px' }, maxZoom: 1.3 } as const;
const edgeTypes = { relation: RelationEdge };


function sameData(a: AppNodeData, b: AppNodeData): boolean {
  if (a.app !== b.app || a.showJujuInfo !== b.showJujuInfo || a.units.length !== b.units.length) return false;
  if (!a.units.every((u, i) => u === b.units[i])) return false;
  for (const u of a.units) {
    const sa = a.subordinatesOf[u.name] ?? [];
    const sb = b.subordinatesOf[u.name] ?? [];
    if (sa.length !== sb.length || !sa.every((s, i) => s === sb[i])) return false;
    for (const s of [u, ...sa]) if (nextKey(a.next[s.name]) !== nextKey(b.next[s.name])) return false;
  }
  return true;
}

/**
 * Nodes for the view; a node whose application, units and next hooks are unchanged
 * keeps its previous object, so React Flow and the memoised node skip it.
 */
function deriveNodes(
  view: ModelView,
  positions: Readonly<Record<string, { x: number; y: number }>>,
  selectedApp: string | null,
  previous: ReadonlyMap<string, AppFlowNode>,
): AppFlowNode[] {
  const layout = autoLayout(view, positions);
  const next: Record<string, NextHookView> = {};
  for (const q of view.next) next[q.unit] = q;
  const subordinatesOf: Record<string, UnitView[]> = {};
  for (const u of Object.values(view.units)) {
    if (u.principal) (subordinatesOf[u.principal] ??= []).push(u);
  }
  const showJujuInfo = view.apps.some((a) => a.endpoints.some((e) => e.role === 'requires' && e.interface === 'juju-info'));
  return view.apps.map((app) => {
    const data: AppNodeData = {
      app,
      units: app.units.map((u) => view.units[u]).filter((u): u is UnitView => u !== undefined),
      subordinatesOf,
      next,
      peerIds: app.peerRelations,
      showJujuInfo,
    };
    const position = layout[app.name] ?? { x: 0, y: 0 };
    const selected = selectedApp === app.name;
    const old = previous.get(app.name);
    if (old && old.selected === selected && old.position.x === position.x && old.position.y === position.y && sameData(old.data, data)) return old;
    return { id: app.name, type: 'app', position, selected, data };
  });
}

/** `derived`, each node with the size React Flow measured for it in `current` (a new node gets measured as usual). */
function keepMeasured(derived: AppFlowNode[], current: readonly AppFlowNode[]): AppFlowNode[] {
  const measured = new Map(current.map((n) => [n.id, n.measured]));
  return derived.map((n) => {
    const m = measured.get(n.id);
    return m && !n.measured ? { ...n, measured: m } : n;
  });
}

function deriveEdges(view: ModelView, selectedRelation: number | null): RelationFlowEdge[] {
  const edges: RelationFlowEdge[] = [];
  for (const rel of view.relations) {
    if (rel.peer) continue;
    const [provider, requirer] = rel.endpoints;
    if (!provider || !requirer) continue;
    // Requirers sit left of providers: the edge leaves the requirer's right edge.
    edges.push({
      id: `relation-${rel.id}`,
      type: 'relation',
      source: requirer.app,
      sourceHandle: requirer.endpoint,
      target: provider.app,
      targetHandle: provider.endpoint,
      selected: selectedRelation === rel.id,
      data: { relationId: rel.id, label: `${requirer.endpoint} ⇄ ${provider.endpoint}`, dying: rel.life === 'dying', container: rel.container },
    });
  }
  return edges;
}

/** The unit, application or relation a focused element inside the graph stands for; null for anything else. */
function focusTarget(el: EventTarget): Exclude<Selection, null> | null {
  if (!(el instanceof Element)) return null;
  const target = menuTargetOf(el);
  return target && target.kind !== 'pane' ? target : null;
}

const selectionKey = (s: Selection): string => (s === null ? '' : s.kind === 'relation' ? `relation ${s.id}` : `${s.kind} ${s.name}`);

interface Choice {
  readonly from: { app: string; endpoint: string };
  readonly app: string;
  readonly options: readonly EndpointMeta[];
}

function GraphInner() {
  const store = useRelvizStore();
  const view = useRelviz((s) => s.view);
  const positions = useRelviz((s) => s.positions);
  const selection = useRelviz((s) => s.selection);
  const [choice, setChoice] = useState<Choice | null>(null);
  const selectedApp = selection?.kind === 'app' ? selection.name : null;
  const selectedRelation = selection?.kind === 'relation' ? selection.id : null;

  const previous = useRef<ReadonlyMap<string, AppFlowNode>>(new Map());
  const derived = useMemo(() => {
    const ns = deriveNodes(view, positions, selectedApp, previous.current);
    previous.current = new Map(ns.map((n) => [n.id, n]));
    return ns;
  }, [view, positions, selectedApp]);
  // Local copy only while dragging, so the node follows the pointer; the store keeps the result.
  const [nodes, setNodes] = useState(derived);
  // A node object without `measured` is one React Flow has never sized: it hides it until
  // measured, then shows it — a restyle of every node on every hook. Keep the sizes it knows.
  useEffect(() => setNodes((current) => keepMeasured(derived, current)), [derived]);
  const edges = useMemo(() => deriveEdges(view, selectedRelation), [view, selectedRelation]);

  // Re-frame when applications or relations come or go (not on every hook),
  // and when the graph's box changes size (the tutorial card opening beside it, the
  // window) — once React Flow has measured the nodes, or it would frame nothing.
  const { fitView, getNodes } = useReactFlow();
  const initialized = useNodesInitialized();
  // Relations count too (relating two applications moves them side by side), and so do
  // units, subordinates included: a unit more makes a node taller, and it must not end below the frame.
  const appKey = `${layoutKey(view)}|${Object.keys(view.units).length}|${view.relations.map((r) => r.id).join(' ')}`;
  const box = useRef<HTMLDivElement>(null);
  const [boxSize, setBoxSize] = useState('');
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setBoxSize(`${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const framed = useRef('');
  // A tutorial step's applications: framed alone when the whole model would be too small to read (frame.ts).
  const focus = useRelviz(selectStepFocus);
  useEffect(() => {
    const key = `${appKey}|${boxSize}|${focus}`;
    if (!initialized || framed.current === key) return;
    // Marked framed only once it is: a new node unmeasures the graph before the frame
    // comes, which cancels it, and the fit must happen once the node is measured.
    const id = requestAnimationFrame(() => {
      framed.current = key;
      void fitView(frameOptions(getNodes(), box.current?.clientWidth ?? 0, box.current?.clientHeight ?? 0, FIT, focus.split(' ')));
    });
    return () => cancelAnimationFrame(id);
  }, [initialized, appKey, boxSize, focus, fitView, getNodes]);

  const onNodesChange = useCallback((changes: NodeChange<AppFlowNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes, ns));
    for (const c of changes) {
      if (c.type === 'position' && c.position && c.dragging === false) store.getState().setPosition(c.id, c.position);
    }
  }, [store]);

  const integrate = useCallback(
    (a: { app: string; endpoint: string }, b: { app: string; endpoint: string }) => {
      store.getState().apply({ type: 'integrate', a: { app: a.app, endpoint: a.endpoint }, b: { app: b.app, endpoint: b.endpoint } });
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.sourceHandle && c.targetHandle) integrate({ app: c.source, endpoint: c.sourceHandle }, { app: c.target, endpoint: c.targetHandle });
    },
    [integrate],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.fromHandle?.id) return;
      // Dropped on an application rather than on a handle: offer its fitting endpoints.
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const el = point ? document.elementFromPoint(point.clientX, point.clientY)?.closest('[data-app-node]') : null;
      const app = state.toNode?.id ?? el?.getAttribute('data-app-node') ?? null;
      if (!app || app === state.fromNode.id) return;
      const from = { app: state.fromNode.id, endpoint: state.fromHandle.id };
      const options = candidatesOn(store.getState().view, from, app);
      if (options.length === 1) integrate(from, { app, endpoint: (options[0] as EndpointMeta).name });
      else if (options.length > 1) setChoice({ from, app, options });
      // Nothing fits: let Juju say so ("no relations found"), as `juju integrate` would.
      else store.getState().apply({ type: 'integrate', a: from, b: { app, endpoint: null } });
    },
    [integrate, store],
  );

  const isValidConnection = useCallback(
    (c: Connection | RelationFlowEdge) => {
      if (!c.source || !c.target || !c.sourceHandle || !c.targetHandle) return false;
      return compatible(store.getState().view, { app: c.source, endpoint: c.sourceHandle }, { app: c.target, endpoint: c.targetHandle });
    },
    [store],
  );

  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const [deploying, setDeploying] = useState(false);

  /** Selects what `el` belongs to and opens its menu; false when `el` is nothing the menu knows. */
  const openMenu = useCallback(
    (el: Element, at: { x: number; y: number } | null) => {
      const target = menuTargetOf(el);
      if (!target) return false;
      if (target.kind !== 'pane') store.getState().select(target);
      const returnTo = el.closest<HTMLElement>('button, [tabindex]:not([tabindex="-1"])');
      setMenu({ target, at: at ?? anchorOf(returnTo ?? el), returnTo });
      return true;
    },
    [store],
  );

  const closeMenu = useCallback(
    (giveFocusBack: boolean) => {
      setMenu(null);
      if (giveFocusBack && menu?.returnTo?.isConnected) menu.returnTo.focus();
    },
    [menu],
  );

  const onContextMenu = useCallback(
    (e: React.MouseEvent) => {
      if (!(e.target instanceof Element)) return;
      // A context menu from the keyboard comes without a pointer position: open it by the focused element.
      const fromKeyboard = !Number.isFinite(e.clientX) || (e.button !== 2 && e.clientX === 0 && e.clientY === 0);
      if (openMenu(e.target, fromKeyboard ? null : { x: e.clientX, y: e.clientY })) e.preventDefault();
    },
    [openMenu],
  );

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
        if (e.target instanceof Element && openMenu(e.target, null)) e.preventDefault();
        return;
      }
      if (e.key !== 'Delete' && e.key !== 'Backspace') return;
      // The focused unit or relation, not the selection: they differ when focus moved without a click.
      const target = focusTarget(e.target);
      if (!target) return;
      const s = store.getState();
      const command = deleteCommand(s.view, target);
      if (!command) return;
      s.apply(command);
      e.preventDefault();
      s.select(null);
    },
    [store, openMenu],
  );

  // Selection follows focus, so the toolbar and the panels show what the keys act on.
  const onFocus = useCallback(
    (e: React.FocusEvent) => {
      const target = focusTarget(e.target);
      if (target && selectionKey(store.getState().selection) !== selectionKey(target)) store.getState().select(target);
    },
    [store],
  );

  return (
    <>
      <div ref={box} className="relative h-full w-full" onKeyDown={onKeyDown} onFocus={onFocus} onContextMenu={onContextMenu}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          connectionMode={ConnectionMode.Loose}
          onPaneClick={() => store.getState().select(null)}
          deleteKeyCode={null}
          nodesFocusable={false}
          // The arrow keys step the history everywhere: React Flow must not also nudge a node with them.
          disableKeyboardA11y
          edgesFocusable={false}
          fitView
          fitViewOptions={FIT}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} color="#e2e8f0" />
          <Controls showInteractive={false} />
        </ReactFlow>
        {choice && (
          <div role="dialog" aria-label="Choose an endpoint" className="absolute top-3 left-1/2 z-10 -translate-x-1/2 rounded-lg border border-slate-300 bg-white p-3 shadow-lg">
            <p className="mb-2 text-sm">
              Integrate <b>{choice.from.app}:{choice.from.endpoint}</b> with which endpoint of <b>{choice.app}</b>?
            </p>
            <div className="flex flex-col gap-1">
              {choice.options.map((o) => (
                <button
                  key={o.name}
                  type="button"
                  className="rounded border border-slate-300 px-2 py-1 text-left font-mono text-sm hover:bg-slate-100"
                  onClick={() => {
                    integrate(choice.from, { app: choice.app, endpoint: o.name });
                    setChoice(null);
                  }}
                >
                  {choice.app}:{o.name} ({o.interface})
                </button>
              ))}
              <button type="button" className="mt-1 text-sm text-slate-600 underline" onClick={() => setChoice(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>
      {/* Outside the canvas's element, so its keys (Backspace in a form) never reach the Delete handler above. */}
      {menu && <GraphContextMenu request={menu} onClose={closeMenu} onDeploy={() => setDeploying(true)} />}
      {deploying && <DeployDialog onClose={() => setDeploying(false)} />}
    </>
  );
}

export function Graph() {
  return (
    <ReactFlowProvider>
      <GraphInner />
    </ReactFlowProvider>
  );
}
