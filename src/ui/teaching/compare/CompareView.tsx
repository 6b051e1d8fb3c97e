/**
 * While a tutorial step has alternatives (`compare`), they take the place of the
 * history row (that step plays nothing; the graph above still shows the model they
 * start from), side by side: a column per alternative, a row per unit, so each column
 * is a compact swimlane of what the units run after the branch point and each row
 * compares one unit across them. Below, why the hook pointed at ran. It can be folded
 * away for the step. All text is rendered as text.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { compareBranches, type BranchHook } from '../../../teaching/compare.ts';
import type { Tutorial } from '../../../teaching/tutorial.ts';
import { tutorialById } from '../../../teaching/tutorials/registry.ts';
import { useRelviz } from '../../StoreContext.tsx';
import { CompareLegend } from './CompareLegend.tsx';
import { CompareTable } from './CompareTable.tsx';
import { CompareLabel, hookDetail } from './labels.ts';
import { useFitZoom } from './useFitZoom.ts';

/** `presenting`: on a projector, where nothing may shrink below 14 px — it scrolls first. */
export function CompareView({ presenting = false }: { presenting?: boolean }) {
  const place = useRelviz((s) => s.tutorial);
  const tutorial = place ? tutorialById(place.id) : undefined;
  if (!place || !tutorial?.steps[place.step]?.compare?.length) return null;
  // A new step starts shown, with nothing pointed at.
  return <Comparison key={`${place.id}:${place.step}`} tutorial={tutorial} stepIndex={place.step} presenting={presenting} />;
}

const small = 'h-8 shrink-0 rounded-md border px-3 text-sm font-medium';

function Comparison({ tutorial, stepIndex, presenting }: { tutorial: Tutorial; stepIndex: number; presenting: boolean }) {
  const branches = useMemo(() => compareBranches(tutorial, stepIndex), [tutorial, stepIndex]);
  const [hidden, setHidden] = useState(false);
  const [pointed, setPointed] = useState<{ hook: BranchHook; title: string } | null>(null);
  const root = useRef<HTMLElement>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  // Presenting, its smallest type (15 px) stays above 14 px.
  useFitZoom(box, content, presenting ? 0.95 : 0.6);

  // What it covers is out of reach meanwhile (no Tab stops behind it).
  useEffect(() => {
    if (hidden) return;
    const covered = [...(root.current?.parentElement?.children ?? [])].filter((el): el is HTMLElement => el !== root.current && el instanceof HTMLElement);
    covered.forEach((el) => (el.inert = true));
    return () => covered.forEach((el) => (el.inert = false));
  }, [hidden]);
  // Focus follows the toggle (only when the user toggled, not on entering the step).
  useEffect(() => {
    if (toggled.current) (hidden ? showButton : hideButton).current?.focus();
  }, [hidden]);
  const toggle = (h: boolean) => {
    toggled.current = true;
    setHidden(h);
  };

  if (hidden) {
    return (
      <button ref={showButton} type="button" className={`${small} absolute top-1 right-2 z-10 border-orange-800 bg-orange-700 text-white shadow-md hover:bg-orange-800`} onClick={() => toggle(false)}>
        {CompareLabel.show}
      </button>
    );
  }
  return (
    <section ref={root} aria-label={CompareLabel.region} className="@container absolute inset-0 z-10 flex flex-col overflow-hidden rounded-lg border-2 border-orange-600 bg-orange-50 shadow-md present:[--text-sm:0.9375rem] present:[--text-xs:0.9375rem]">
      <div ref={box} className="min-h-0 flex-1 overflow-auto">
        <div ref={content} className="px-1.5 pt-1.5 pb-1">
          <CompareTable branches={branches} onPoint={(hook, b) => setPointed({ hook, title: b.alternative.title })} />
        </div>
      </div>
      <footer className="flex items-center gap-3 border-t border-slate-300 bg-white px-3 py-1">
        <p aria-live="polite" className="line-clamp-2 min-w-0 flex-1 text-[15px] leading-snug text-slate-800">
          {pointed ? hookDetail(pointed.hook, pointed.title) : CompareLabel.hint}
        </p>
        <CompareLegend />
        <button ref={hideButton} type="button" className={`${small} border-slate-400 bg-white hover:bg-slate-100`} onClick={() => toggle(true)}>
          {CompareLabel.hide}
        </button>
      </footer>
    </section>
  );
}
