/**
 * The relviz screen: transport on top; the graph in the middle with databags and the
 * hook inspector beside it; swimlanes, the hook log and the console below.
 */
import { useId, useRef, type KeyboardEvent } from 'react';
import { Panel } from './common/Panel.tsx';
import { Console } from './console/Console.tsx';
import { AutoRetryToggle } from './controls/AutoRetryToggle.tsx';
import { DeployButton } from './controls/DeployButton.tsx';
import { OpenButton } from './bundle/OpenButton.tsx';
import { buttonClass } from './controls/style.ts';
import { SelectionBar } from './controls/SelectionBar.tsx';
import { DatabagPanel } from './databags/DatabagPanel.tsx';
import { ErrorBanner } from './common/ErrorBanner.tsx';
import { NoticeToast } from './history/NoticeToast.tsx';
import { SavingBanner } from './history/SavingBanner.tsx';
import { UndoRedo } from './history/UndoRedo.tsx';
import { Graph } from './graph/Graph.tsx';
import { HookInspector } from './inspector/HookInspector.tsx';
import { Label } from './labels.ts';
import { PresentButton } from './present/PresentButton.tsx';
import { StageBar } from './present/StageBar.tsx';
import { usePresentation } from './present/usePresentation.ts';
import type { RelvizState } from '../store/store.ts';
import { tutorialById } from '../teaching/tutorials/registry.ts';
import { useRelviz, useRelvizStore } from './StoreContext.tsx';
import { Swimlanes } from './swimlanes/Swimlanes.tsx';
import { MisconceptionsButton } from './teaching/MisconceptionsButton.tsx';
import { TutorialMenu } from './teaching/TutorialMenu.tsx';
import { useAuthoring } from './teaching/authoring.ts';
import { useCharmEditing } from './charm/charmEditing.ts';
import { LazyCharmEditor } from './charm/LazyCharmEditor.ts';
import type { Rerun } from '../store/state.ts';
import { useRevealHighlights } from './teaching/useRevealHighlights.ts';
import { useTutorialEffects } from './teaching/useTutorialEffects.ts';
import { BusyIndicator } from './transport/BusyIndicator.tsx';
import { SessionMenu } from './transport/SessionMenu.tsx';
import { Transport, TransportSettings } from './transport/Transport.tsx';
import { usePlayback } from './transport/usePlayback.ts';
import { useAnimator } from './animation/useAnimator.ts';
import { lazyPart } from './common/lazyPart.tsx';

// A tutorial's card (with the quiz) and its comparisons load with the tutorial, not with the page.
const TutorialCard = lazyPart('the tutorial', () => import('./teaching/TutorialCard.tsx').then((m) => m.TutorialCard));
const CompareView = lazyPart('the comparison', () => import('./teaching/compare/CompareView.tsx').then((m) => m.CompareView));
// The hook log is the second tab: fetched when its tab is pointed at or focused, or shown.
// The tutorial recorder and editor, for whoever writes a tutorial.
const Authoring = lazyPart('the authoring tools', () => import('./teaching/author/Authoring.tsx').then((m) => m.Authoring));
// What a re-run with edited charm code changed: with the first re-run.
const RerunDiff = lazyPart('the re-run’s differences', () => import('./charm/RerunDiff.tsx').then((m) => m.RerunDiff));
const HookLog = lazyPart('the hook log', () => import('./log/HookLog.tsx').then((m) => m.HookLog));

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
          {...(t === 'log' ? { onPointerEnter: HookLog.preload, onFocus: HookLog.preload } : {})}
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

/** The step on screen shows alternatives side by side (CompareView), in place of the history. */
/** The last re-run with edited code, while its history is the one shown (undo or another rebuild leaves it behind). */
function currentRerun(s: RelvizState): Rerun | null {
  return s.rerun !== null && s.rerun.generation === s.generation ? s.rerun : null;
}

function comparing(s: RelvizState): boolean {
  return s.tutorial !== null && (tutorialById(s.tutorial.id)?.steps[s.tutorial.step]?.compare?.length ?? 0) > 0;
}

/**
 * The layout, in three modes on one tree (`data-mode`, styled by the `present:`,
 * `embed:` and `stage:` variants in index.css), so switching never remounts the
 * graph: `app`, everything; `present`, for a projector — graph, tutorial card,
 * databags and swimlanes in large type, keyboard driven; `embed`, the same panels at
 * normal size for an `<iframe>` (src/embed/).
 *
 * A tutorial's card never sits on the graph (beside it, it halves the graph at
 * 1280 px): it heads the right-hand column, which widens for it, and the databags and
 * the hook inspector below give way to it — the more so while the quiz asks — down to
 * a few rows each; a highlighted databag row is scrolled into view. A step with
 * alternatives gives the bottom row more height: the comparison takes the history's
 * place there, and the console beside it stays uncovered; on a projector it takes
 * the graph's place too.
 */
export function App({ embed = false }: { embed?: boolean }) {
  const store = useRelvizStore();
  usePlayback(store);
  useAnimator(store);
  useTutorialEffects(store);
  const [present, setPresent] = usePresentation(store, !embed);
  const mode = embed ? 'embed' : present ? 'present' : 'app';
  const inTutorial = useRelviz((s) => s.tutorial !== null);
  const authoring = useAuthoring();
  const charmEditing = useCharmEditing();
  const rerun = useRelviz(currentRerun);
  const quiz = useRelviz((s) => s.quiz);
  const compare = useRelviz(comparing);
  const databags = useRevealHighlights<HTMLDivElement>();
  const history = useRevealHighlights<HTMLDivElement>();
  const cardInColumn = inTutorial && mode === 'app';
  const columns = mode === 'present' ? 'grid-cols-[minmax(0,1fr)_minmax(27rem,33%)]' : mode === 'embed' ? 'grid-cols-[minmax(0,1fr)_minmax(14rem,34%)]' : cardInColumn ? 'grid-cols-[minmax(0,1fr)_minmax(24rem,28%)]' : 'grid-cols-[minmax(0,1fr)_24rem]';
  // A tutorial's graph gets a little more height than the history (its card is beside it, not on it).
  const rows = compare && mode === 'app' ? 'grid-rows-[minmax(0,2fr)_minmax(0,3fr)]' : cardInColumn ? 'grid-rows-[minmax(0,5fr)_minmax(0,3fr)]' : 'grid-rows-[minmax(0,3fr)_minmax(0,2fr)]';
  return (
    <div data-mode={mode} data-tutorial={inTutorial || undefined} className="flex h-screen flex-col gap-2 p-2 data-[mode=embed]:gap-1.5 data-[mode=embed]:p-1.5">
      {/* Hidden, not unmounted, while presenting: the menus keep their state (a misconception shown). */}
      {!embed && (
        <header className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm present:hidden">
          {/* Two rows: what to look at and change; then playback, its scrubber taking the room left, and the history's settings. */}
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="mr-1 text-lg font-bold tracking-tight">
              <span className="text-orange-700">rel</span>viz
            </h1>
            <SessionMenu />
            <UndoRedo />
            <TutorialMenu />
            <DeployButton />
            <OpenButton />
            <MisconceptionsButton />
            <PresentButton present={present} onToggle={setPresent} className={buttonClass} />
            <div className="ml-auto">
              <BusyIndicator />
            </div>
          </div>
          {/* Unmounted while presenting: the stage bar's transport takes the keys then. */}
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <div className="min-w-0 flex-1">{!present && <Transport />}</div>
            {/* A model setting (a command at the cursor), kept apart from the history's own settings. */}
            <AutoRetryToggle />
            <TransportSettings />
          </div>
        </header>
      )}
      {mode === 'app' && authoring && <Authoring open={authoring} />}
      {mode === 'app' && charmEditing && <LazyCharmEditor open={charmEditing} />}
      {mode !== 'app' && <StageBar mode={mode} onLeave={() => setPresent(false)} />}
      <SavingBanner />
      <ErrorBanner />
      {mode === 'app' && rerun && <RerunDiff rerun={rerun} />}
      {!embed && <NoticeToast />}
      <main className={`grid min-h-0 flex-1 gap-2 embed:gap-1.5 ${columns}`}>
        {/* The graph over the history and the console. */}
        <div className={`relative grid min-h-0 gap-2 embed:gap-1.5 ${rows}`}>
          <Panel title={Label.regionGraph} className="present:border-2 present:border-slate-900 present:[&>header]:[zoom:1.4]" actions={mode === 'app' ? <SelectionBar /> : null}>
            <div className="flex h-full">
              <div className="relative min-w-0 flex-1">
                <Graph />
              </div>
              {/* An iframe has no column to spare: the card goes beside the graph, and only when wide. */}
              {mode === 'embed' && inTutorial && (
                <div className="flex shrink-0 max-[80rem]:hidden">
                  <TutorialCard className="m-2 w-[26rem]" />
                </div>
              )}
            </div>
          </Panel>
          <div className={`grid min-h-0 gap-2 stage:grid-cols-1 ${compare ? 'grid-cols-[minmax(0,1fr)_minmax(15rem,30%)]' : 'grid-cols-[minmax(0,3fr)_minmax(0,2fr)]'}`}>
            {/* A comparison covers the history (and takes its keyboard stops: CompareView), never the console. */}
            <div ref={history} data-history className="relative grid min-h-0">
              {mode === 'app' ? (
                <HistoryViews />
              ) : (
                <Panel title={Label.regionSwimlanes} className="present:border-2 present:border-slate-900 present:[--text-xs:0.875rem] present:[zoom:1.35] present:[@media(max-height:50rem)]:[zoom:1.15]">
                  <Swimlanes />
                </Panel>
              )}
              {mode !== 'present' && compare && <CompareView />}
            </div>
            {/* Hidden, not unmounted, while presenting: the console keeps what was typed. */}
            <Panel title={Label.regionConsole} className="stage:hidden">
              <Console />
            </Panel>
          </div>
          {/* On a projector the comparison is the step: it takes the graph's room too, to be read from the back. */}
          {mode === 'present' && compare && <CompareView presenting />}
        </div>
        {cardInColumn ? (
          <div className="flex min-h-0 flex-col gap-2">
            {/* While the quiz asks, the card takes all but a few rows of the column. */}
            <TutorialCard className={`flex-[0_1_auto] ${quiz ? 'max-h-[calc(100%-7rem)]' : 'max-h-[52%]'}`} />
            <Panel title={Label.regionDatabags} scrollable className={`flex-[3_1_0] ${quiz ? 'min-h-16!' : 'min-h-24!'}`}>
              <div ref={databags}>
                <DatabagPanel />
              </div>
            </Panel>
            <Panel title={Label.regionInspector} scrollable className="min-h-10! flex-[2_1_0]">
              <HookInspector />
            </Panel>
          </div>
        ) : (
          <div className={`grid min-h-0 gap-2 ${mode === 'present' && inTutorial ? 'grid-rows-[minmax(0,11fr)_minmax(0,9fr)]' : 'grid-rows-[minmax(0,3fr)_minmax(0,2fr)] stage:grid-rows-1'}`}>
            {mode === 'present' && inTutorial && (
              // Scaled as a whole (zoom), filling the column.
              <div className="flex min-h-0 [--text-sm:0.9375rem] [zoom:1.2] [@media(max-height:50rem)]:[zoom:1.05]">
                <TutorialCard className="flex-1" />
              </div>
            )}
            <Panel title={Label.regionDatabags} scrollable className="present:border-2 present:border-slate-900 present:[zoom:1.5] present:[@media(max-width:90rem)]:[zoom:1.3]">
              <div ref={databags}>
                <DatabagPanel />
              </div>
            </Panel>
            <Panel title={Label.regionInspector} scrollable className="stage:hidden">
              <HookInspector />
            </Panel>
          </div>
        )}
      </main>
    </div>
  );
}
