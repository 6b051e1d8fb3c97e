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
  useStore,
  type Connection,
  type FinalConnectionState,
  type FitViewOptions,
  type NodeChange,
  type Node,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { EndpointMeta } from '../../engine/charm.ts';
import type { Selection } from '../../store/store.ts';
import type { ModelView, NextHookView, UnitView } from '../../store/view.ts';
import { LazyDeployDialog } from '../controls/DeployButton.tsx';
import { deleteCommand } from '../controls/targetActions.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { selectStepFocus } from '../teaching/focus.ts';
import { AppNode, nextKey, type AppFlowNode, type AppNodeData } from './AppNode.tsx';
import { candidatesOn, compatible } from './compat.ts';
import { anchorOf, menuTargetOf, type MenuRequest } from './menuTarget.ts';
import { lazyPart } from '../common/lazyPart.tsx';
import { frameOptions } from './frame.ts';
import { relatedEndpoints } from './endpoints.ts';
import { autoLayout, awaitsElk, compactLabels, layoutKey, layoutWithElk, showsJujuInfo } from './layout.ts';
import { RelationEdge, type RelationFlowEdge } from './RelationEdge.tsx';

// The context menu is a chunk of its own, fetched as the pointer comes to the graph (or at the first right-click).
const GraphContextMenu = lazyPart('the context menu', () => import('./ContextMenu.tsx').then((m) => m.GraphContextMenu));

const nodeTypes = { app: AppNode };
// A margin in px, not a share of the box: clear of the zoom buttons at the left, and no
// taller than needed above and below, where a wide panel is short of room.
const FIT = { padding: { x: '48px', y: '12px' }, maxZoom: 1.3 } as const;
const edgeTypes = { relation: RelationEdge };


function sameData(a: AppNodeData, b: AppNodeData): boolean {
  if (a.app !== b.app || a.showJujuInfo !== b.showJujuInfo || a.units.length !== b.units.length) return false;
  if (a.expanded !== b.expanded || a.onToggleEndpoints !== b.onToggleEndpoints || a.related.length !== b.related.length || !a.related.every((e, i) => e === b.related[i])) return false;
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
  expanded: ReadonlySet<string>,
  onToggleEndpoints: (app: string) => void,
  previous: ReadonlyMap<string, AppFlowNode>,
): AppFlowNode[] {
  const layout = autoLayout(view, positions);
  const next: Record<string, NextHookView> = {};
  for (const q of view.next) next[q.unit] = q;
  const subordinatesOf: Record<string, UnitView[]> = {};
  for (const u of Object.values(view.units)) {
    if (u.principal) (subordinatesOf[u.principal] ??= []).push(u);
  }
  const showJujuInfo = showsJujuInfo(view);
  const related = relatedEndpoints(view);
  return view.apps.map((app) => {
    const data: AppNodeData = {
      app,
      units: app.units.map((u) => view.units[u]).filter((u): u is UnitView => u !== undefined),
      subordinatesOf,
      next,
      peerIds: app.peerRelations,
      showJujuInfo,
      related: [...(related.get(app.name) ?? [])].sort(),
      expanded: expanded.has(app.name),
      onToggleEndpoints,
    };
    const position = layout[app.name] ?? { x: 0, y: 0 };
    const selected = selectedApp === app.name;
    const old = previous.get(app.name);
    if (old && old.selected === selected && old.position.x === position.x && old.position.y === position.y && sameData(old.data, data)) return old;
    // An expanded card is taller than the layout made room for: drawn over its neighbours.
    return { id: app.name, type: 'app', position, selected, data, ...(data.expanded ? { zIndex: 10 } : {}) };
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
  const short = compactLabels(view);
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
      data: { relationId: rel.id, label: `${requirer.endpoint} ⇄ ${provider.endpoint}`, short, dying: rel.life === 'dying', container: rel.container },
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

const measuredHeights = (s: ReactFlowState): string => [...s.nodeLookup.values()].map((n) => Math.round((n.measured.height ?? 0) / 8)).join(' ');

/** Whether a card the frame shows (all, or the focus) reaches outside the box at `viewport`. */
function outOfFrame(nodes: readonly Node[], options: FitViewOptions, viewport: Viewport, width: number, height: number): boolean {
  if (width === 0 || height === 0) return false;
  const ids = options.nodes ? new Set(options.nodes.map((n) => n.id)) : null;
  return nodes.some((n) => {
    if (ids && !ids.has(n.id)) return false;
    const x = n.position.x * viewport.zoom + viewport.x;
    const y = n.position.y * viewport.zoom + viewport.y;
    const w = (n.measured?.width ?? 0) * viewport.zoom;
    const h = (n.measured?.height ?? 0) * viewport.zoom;
    return x < -1 || y < -1 || x + w > width + 1 || y + h > height + 1;
  });
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

  // Big cards whose folded endpoints are shown (endpoints.ts).
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggleEndpoints = useCallback((app: string) => {
    setExpanded((was) => {
      const now = new Set(was);
      if (!now.delete(app)) now.add(app);
      return now;
    });
  }, []);
  // A big model is laid out by elk, loaded and run in the background: a grid (or
  // elk's last one) is drawn meanwhile, and the graph is drawn again when it answers.
  const [elkAnswers, elkAnswered] = useReducer((n: number) => n + 1, 0);
  const waitsForElk = awaitsElk(view);
  useEffect(() => {
    if (waitsForElk) void layoutWithElk(view).then(elkAnswered);
  }, [view, waitsForElk]);

  const previous = useRef<ReadonlyMap<string, AppFlowNode>>(new Map());
  const derived = useMemo(() => {
    void elkAnswers; // autoLayout reads elk's answers: derive again when one comes
    const ns = deriveNodes(view, positions, selectedApp, expanded, toggleEndpoints, previous.current);
    previous.current = new Map(ns.map((n) => [n.id, n]));
    return ns;
  }, [view, positions, selectedApp, expanded, toggleEndpoints, elkAnswers]);
  // Local copy only while dragging, so the node follows the pointer; the store keeps the result.
  const [nodes, setNodes] = useState(derived);
  // A node object without `measured` is one React Flow has never sized: it hides it until
  // measured, then shows it — a restyle of every node on every hook. Keep the sizes it knows.
  useEffect(() => setNodes((current) => keepMeasured(derived, current)), [derived]);
  const edges = useMemo(() => deriveEdges(view, selectedRelation), [view, selectedRelation]);

  // Re-frame (animated) when applications come or go, and when the graph's box changes
  // size (the tutorial card opening beside it, the window) or the tutorial's focus does
  // — once React Flow has measured the nodes, or it would frame nothing, and once elk has
  // answered for a big model. When the layout changes otherwise (a relation, a unit
  // that makes a card taller) or a framed card has grown out of the frame, re-frame only
  // if the user has not zoomed or panned since the last frame: not on every hook, and
  // never against the user's own view.
  const { fitView, getNodes, getViewport } = useReactFlow();
  const initialized = useNodesInitialized();
  const appsKey = view.apps.map((a) => a.name).join(' ');
  const shapeKey = layoutKey(view);
  // The cards' measured heights (to a few px): a card that grows may leave the frame.
  const sizes = useStore(measuredHeights);
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
  const framed = useRef<{ apps: string | null; shape: string; box: string; focus: string }>({ apps: null, shape: '', box: '', focus: '' });
  /** Whether the user zoomed or panned since the graph was last framed. */
  const userMoved = useRef(false);
  // A tutorial step's applications: framed alone when the whole model would be too small to read (frame.ts).
  const focus = useRelviz(selectStepFocus);
  useEffect(() => {
    if (!initialized || waitsForElk) return;
    const was = framed.current;
    const width = box.current?.clientWidth ?? 0;
    const height = box.current?.clientHeight ?? 0;
    const options = frameOptions(getNodes(), width, height, FIT, focus.split(' '));
    const must = was.apps !== appsKey || was.box !== boxSize || was.focus !== focus;
    const may = !userMoved.current && (was.shape !== shapeKey || outOfFrame(getNodes(), options, getViewport(), width, height));
    if (!must && !may) return;
    // Marked framed only once it is: a new node unmeasures the graph before the frame
    // comes, which cancels it, and the fit must happen once the node is measured.
    const id = requestAnimationFrame(() => {
      framed.current = { apps: appsKey, shape: shapeKey, box: boxSize, focus };
      userMoved.current = false;
      // Applications come or go: the view moves there, so the eye can follow. Otherwise
      // (the first frame, a relation) at once, as a handle may be about to be dragged.
      const animate = was.apps !== null && was.apps !== appsKey;
      void fitView({ ...frameOptions(getNodes(), width, height, FIT, focus.split(' ')), ...(animate ? { duration: 400 } : {}) });
    });
    return () => cancelAnimationFrame(id);
  }, [initialized, waitsForElk, appsKey, shapeKey, sizes, boxSize, focus, fitView, getNodes, getViewport]);
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    // Only the user's moves come with an event (fitView's do not).
    if (event) userMoved.current = true;
  }, []);

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

  // A click on empty space clears the selection — only if the press began there too: a
  // press on a unit chip whose release the browser delivers to the pane (it happens when
  // the press re-renders the chip) is the chip's click, not a click on nothing.
  const pressedOnPane = useRef(false);
  const onPointerDownCapture = useCallback((e: React.PointerEvent) => {
    pressedOnPane.current = e.target instanceof Element && e.target.closest('.react-flow__node, .react-flow__edge, button') === null;
  }, []);

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
      <div ref={box} className="relative h-full w-full" onKeyDown={onKeyDown} onFocus={onFocus} onContextMenu={onContextMenu} onPointerDownCapture={onPointerDownCapture} onPointerEnter={GraphContextMenu.preload}>
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
          onPaneClick={() => {
            if (pressedOnPane.current) store.getState().select(null);
          }}
          deleteKeyCode={null}
          nodesFocusable={false}
          // The arrow keys step the history everywhere: React Flow must not also nudge a node with them.
          disableKeyboardA11y
          edgesFocusable={false}
          onMoveStart={onMoveStart}
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
      {deploying && <LazyDeployDialog onClose={() => setDeploying(false)} />}
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
