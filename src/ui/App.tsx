/**
 * The relviz screen: transport on top; the graph in the middle with databags and the
 * hook inspector beside it; swimlanes, the hook log and the console below.
 */
import { useState } from 'react';
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
import { useRelvizStore } from './StoreContext.tsx';
import { Swimlanes } from './swimlanes/Swimlanes.tsx';
import { BusyIndicator } from './transport/BusyIndicator.tsx';
import { SessionMenu } from './transport/SessionMenu.tsx';
import { Transport } from './transport/Transport.tsx';
import { usePlayback } from './transport/usePlayback.ts';
import { useAnimator } from './animation/useAnimator.ts';

type BottomTab = 'swimlanes' | 'log';

export function App() {
  const store = useRelvizStore();
  usePlayback(store);
  useAnimator(store);
  const [tab, setTab] = useState<BottomTab>('swimlanes');
  const tabClass = (t: BottomTab) =>
    `rounded-md px-3 py-1 text-sm font-medium ${tab === t ? 'bg-slate-800 text-white' : 'text-slate-700 hover:bg-slate-100'}`;
  return (
    <div className="flex h-screen flex-col gap-2 p-2">
      <header className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
        <h1 className="text-lg font-bold tracking-tight">
          <span className="text-orange-700">rel</span>viz
        </h1>
        <SessionMenu />
        <DeployButton />
        <div className="min-w-0 flex-1">
          <Transport />
        </div>
        <BusyIndicator />
      </header>
      <ErrorBanner />
      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_24rem] grid-rows-[minmax(0,3fr)_minmax(0,2fr)] gap-2">
        <Panel title={Label.regionGraph} className="row-span-1" actions={<SelectionBar />}>
          <Graph />
        </Panel>
        <div className="row-span-2 grid min-h-0 grid-rows-[minmax(0,3fr)_minmax(0,2fr)] gap-2">
          <Panel title={Label.regionDatabags}>
            <DatabagPanel />
          </Panel>
          <Panel title={Label.regionInspector}>
            <HookInspector />
          </Panel>
        </div>
        <div className="grid min-h-0 grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-2">
          <div className="flex min-h-0 flex-col gap-1">
            <div role="tablist" aria-label="History views" className="flex gap-1">
              <button type="button" role="tab" aria-selected={tab === 'swimlanes'} className={tabClass('swimlanes')} onClick={() => setTab('swimlanes')}>
                {Label.regionSwimlanes}
              </button>
              <button type="button" role="tab" aria-selected={tab === 'log'} className={tabClass('log')} onClick={() => setTab('log')}>
                {Label.regionHookLog}
              </button>
            </div>
            {tab === 'swimlanes' ? (
              <Panel title={Label.regionSwimlanes} className="flex-1">
                <Swimlanes />
              </Panel>
            ) : (
              <Panel title={Label.regionHookLog} className="flex-1">
                <HookLog />
              </Panel>
            )}
          </div>
          <Panel title={Label.regionConsole}>
            <Console />
          </Panel>
        </div>
      </main>
    </div>
  );
}
