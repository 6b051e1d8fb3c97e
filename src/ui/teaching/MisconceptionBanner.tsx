/**
 * While a misconception's model is on screen: which one and the truth in one line,
 * with "What to watch" (where to look, folded away so the banner stays small on a
 * projector), Replay and Dismiss. A full-width row at the bottom of the header, so it
 * covers nothing.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { MISCONCEPTIONS, misconception, scenarioTexts, showsScenario, type MisconceptionId } from '../../teaching/misconceptions.ts';
import { Label } from '../labels.ts';
import { useRelviz } from '../StoreContext.tsx';

const small = 'h-8 shrink-0 rounded-md border border-slate-400 bg-white px-3 text-sm font-medium hover:bg-slate-100';

export function MisconceptionBanner({ id, onReplay, onDismiss }: { id: MisconceptionId; onReplay: () => void; onDismiss: () => void }) {
  const m = misconception(id);
  const watchId = useId();
  const [watching, setWatching] = useState(false);
  const inputs = useRelviz((s) => s.inputs);
  const onScreen = useMemo(
    () =>
      showsScenario(
        inputs.map((i) => i.text),
        scenarioTexts(m),
      ),
    [inputs, m],
  );
  // Another model was loaded (New, an example, a fork before the scenario's end): the banner no longer applies.
  useEffect(() => {
    if (!onScreen) onDismiss();
  }, [onScreen, onDismiss]);
  if (!onScreen) return null;
  return (
    <section aria-label={Label.misconceptionShown} className="order-last flex basis-full items-start gap-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-1.5 text-slate-900">
      <div className="min-w-0 flex-1 text-base leading-snug">
        <p role="status">
          <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-sm font-semibold whitespace-nowrap text-amber-950">
            {m.whatIf ? 'What happens if…' : `${m.number} of ${MISCONCEPTIONS.length}`}
          </span>
          <span className="font-bold">{m.title}</span>
          <span className="mx-2 text-slate-500" aria-hidden>
            —
          </span>
          <span className="font-semibold text-emerald-900">{m.truth}</span>
        </p>
        {watching && (
          <p id={watchId} className="mt-0.5 text-slate-700">
            {m.watch}
          </p>
        )}
      </div>
      <button type="button" aria-expanded={watching} aria-controls={watching ? watchId : undefined} className={small} onClick={() => setWatching((w) => !w)}>
        {Label.whatToWatch}
      </button>
      <button type="button" className={small} onClick={onReplay}>
        <span aria-hidden>↻ </span>
        {Label.replayMisconception}
      </button>
      <button type="button" aria-label={Label.dismissMisconception} title={Label.dismissMisconception} className="h-8 shrink-0 rounded-md px-2 text-lg leading-none text-slate-700 hover:bg-amber-100" onClick={onDismiss}>
        ✕
      </button>
    </section>
  );
}
