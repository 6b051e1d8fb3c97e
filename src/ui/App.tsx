/**
 * The relviz screen: transport on top; the graph in the middle with databags and the
 * hook inspector beside it; swimlanes, the hook log and the console below.
 */
import { useId, useRef, type KeyboardEvent } from 'react';
import { Panel } from './common/Panel.tsx';
import { Console } from './console/Console.tsx';
import { DeployButton } from './controls/DeployDialog.tsx';
import { SelectionBar } from './controls/SelectionBar.tsx';
import { DatabagPanel } from './databags/DatabagPanel.tsx';
import { ErrorBanner } from './common/ErrorBanner.tsx';
import { Graph } from './graph/Graph.tsx';
import { HookInspector } from './inspector/HookInspector.tsx';
import { Label } from './labels.ts';
import { HookLog } from './log/HookLog.tsx';
import { useRelviz, useRelvizStore } from './StoreContext.tsx';
import { Swimlanes } from './swimlanes/Swimlanes.tsx';
import { MisconceptionsButton } from './teaching/MisconceptionsButton.tsx';
import { CompareView } from './teaching/compare/CompareView.tsx';
import { TutorialCard } from './teaching/TutorialCard.tsx';
import { TutorialMenu } from './teaching/TutorialMenu.tsx';
import { useTutorialEffects } from './teaching/useTutorialEffects.ts';
import { BusyIndicator } from './transport/BusyIndicator.tsx';
import { SessionMenu } from './transport/SessionMenu.tsx';
import { Transport } from './transport/Transport.tsx';
import { usePlayback } from './transport/usePlayback.ts';
import { useAnimator } from './animation/useAnimator.ts';

type BottomTab = 'swimlanes' | 'log';

const TABS: ReadonlyArray<{ readonly tab: BottomTab; readonly label: string }> = [
  { tab: 'swimlanes', label: Label.regionSwimlanes },
  { tab: 'log', label: Label.regionHookLog },
];

/**
 * Swimlanes and the hook log share a panel, as WAI-ARIA tabs: the tab row is the
 * panel's header (the region is named after the shown view, not titled twice), ← and →
 * move between the tabs and show the view (focus stays on one tab: roving tabindex),
 * Home and End go to the ends. Only the shown view is rendered.
 */
function HistoryViews() {
  // In the store, so a tutorial step can ask for the view it talks about.
  const store = useRelvizStore();
  const tab = useRelviz((s) => s.historyView);
  const setTab = (t: BottomTab) => store.getState().setHistoryView(t);
  const id = useId();
  const buttons = useRef<Partial<Record<BottomTab, HTMLButtonElement | null>>>({});
  const current = TABS.find((t) => t.tab === tab) ?? TABS[0];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.tab === tab);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    // The arrows are the tabs' here, not the transport's step.
    e.preventDefault();
    e.stopPropagation();
    const next = TABS[(to + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.tab);
    buttons.current[next.tab]?.focus();
  };
  const tabs = (
    <div role="tablist" aria-label="History views" className="-my-0.5 flex gap-1" onKeyDown={onKeyDown}>
      {TABS.map(({ tab: t, label }) => (
        <button
          key={t}
          ref={(b) => {
            buttons.current[t] = b;
          }}
          type="button"
          role="tab"
          id={`${id}-tab-${t}`}
          aria-selected={tab === t}
          aria-controls={`${id}-panel-${t}`}
          tabIndex={tab === t ? 0 : -1}
          className={`rounded-md px-2.5 py-0.5 text-sm font-semibold tracking-wide ${tab === t ? 'bg-slate-800 text-white' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`}
          onClick={() => setTab(t)}
        >
          {label}
        </button>
      ))}
    </div>
  );
  return (
    <Panel title={current?.label ?? Label.regionSwimlanes} header={tabs}>
      {TABS.map(({ tab: t }) => (
        <div key={t} role="tabpanel" id={`${id}-panel-${t}`} aria-labelledby={`${id}-tab-${t}`} hidden={tab !== t} className="h-full">
          {tab === t && (t === 'swimlanes' ? <Swimlanes /> : <HookLog />)}
        </div>
      ))}
    </Panel>
  );
}

export function App() {
  const store = useRelvizStore();
  usePlayback(store);
  useAnimator(store);
  useTutorialEffects(store);
  return (
    <div className="flex h-screen flex-col gap-2 p-2">
      <header className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
        <h1 className="text-lg font-bold tracking-tight">
          <span className="text-orange-700">rel</span>viz
        </h1>
        <SessionMenu />
        <TutorialMenu />
        <DeployButton />
        <MisconceptionsButton />
        <div className="min-w-0 flex-1">
          <Transport />
        </div>
        <BusyIndicator />
      </header>
      <ErrorBanner />
      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_24rem] grid-rows-[minmax(0,3fr)_minmax(0,2fr)] gap-2">
        <Panel title={Label.regionGraph} className="row-span-1" actions={<SelectionBar />}>
          <div className="flex h-full">
            <div className="relative min-w-0 flex-1">
              <Graph />
            </div>
            <TutorialCard />
          </div>
        </Panel>
        <div className="row-span-2 grid min-h-0 grid-rows-[minmax(0,3fr)_minmax(0,2fr)] gap-2">
          <Panel title={Label.regionDatabags} scrollable>
            <DatabagPanel />
          </Panel>
          <Panel title={Label.regionInspector} scrollable>
            <HookInspector />
          </Panel>
        </div>
        <div className="relative grid min-h-0 grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-2">
          <HistoryViews />
          <Panel title={Label.regionConsole}>
            <Console />
          </Panel>
          <CompareView />
        </div>
      </main>
    </div>
  );
}
