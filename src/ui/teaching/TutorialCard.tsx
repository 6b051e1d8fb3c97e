/**
 * The narration of the tutorial being followed: where we are, what to look at, and —
 * when playback has paused at a stop — what just happened. The step's title sits in
 * the card's header, so it stays in view while the narration scrolls under it; the
 * narration folds away to give the panels below the room. Back and Next rebuild the
 * exact state of the step before or after. Where it sits and how big it is is the
 * layout's business (`className`).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { Label } from '../labels.ts';
import { CopyTutorialLink } from './CopyTutorialLink.tsx';
import { Narration } from './Narration.tsx';
import { QuizCard } from './QuizCard.tsx';
import { reveal } from './reveal.ts';
import { tutorialAt } from './tutorialView.ts';

export const TutorialLabel = {
  fold: 'Fold the narration',
  unfold: 'Unfold the narration',
} as const;

const button = 'h-8 rounded-md border px-3 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-40';
const iconButton = 'grid h-7 w-7 shrink-0 place-items-center rounded text-lg leading-none text-orange-900 hover:bg-orange-100';

export function TutorialCard({ className = '' }: { className?: string }) {
  const store = useRelvizStore();
  const place = useRelviz((s) => s.tutorial);
  const stops = useRelviz((s) => s.stops);
  const stepStart = useRelviz((s) => s.stepStart);
  const cursor = useRelviz((s) => s.cursor);
  const length = useRelviz((s) => s.length);
  const offPath = useRelviz((s) => s.offPath);
  const at = tutorialAt({ tutorial: place, stops, stepStart, cursor, length });
  const [folded, setFolded] = useState(false);
  const bodyId = useId();
  // Paused at a stop: its explanation is what to read now, so unfold and bring it into view.
  const stopRef = useRef<HTMLElement>(null);
  const pausedAt = at?.atStop ? cursor : null;
  useEffect(() => {
    if (pausedAt === null) return;
    setFolded(false);
    const id = requestAnimationFrame(() => stopRef.current && reveal(stopRef.current));
    return () => cancelAnimationFrame(id);
  }, [pausedAt]);
  if (!at) return null;
  const { tutorial, index, step, stop, atStop, phase } = at;
  const last = index === tutorial.steps.length - 1;
  // By the place's id: a tutorial opened from a document is `doc:<its id>`.
  const go = (k: number) => place && store.getState().openTutorial(place.id, k);
  const hasHooks = (step.run?.length ?? 0) > 0;
  return (
    <aside aria-label={`${Label.tutorial}: ${tutorial.title}`} className={`flex min-h-0 flex-col overflow-hidden rounded-lg border-2 border-orange-600 bg-white text-slate-900 shadow-md ${className}`}>
      <header className="shrink-0 border-b border-orange-200 bg-orange-50 px-3 pt-1 pb-1.5">
        <div className="flex items-center gap-2 text-sm">
          <span className="min-w-0 truncate font-semibold text-orange-900">{tutorial.title}</span>
          <span className="shrink-0 text-orange-900/80">
            step {index + 1} of {tutorial.steps.length}
          </span>
          <button
            type="button"
            aria-expanded={!folded}
            aria-controls={bodyId}
            aria-label={folded ? TutorialLabel.unfold : TutorialLabel.fold}
            title={folded ? TutorialLabel.unfold : TutorialLabel.fold}
            className={`${iconButton} ml-auto`}
            onClick={() => setFolded(!folded)}
          >
            <span aria-hidden className={`text-base transition-transform ${folded ? '-rotate-90' : ''}`}>
              ▾
            </span>
          </button>
          {place?.document && <CopyTutorialLink source={place.document} step={index} className={iconButton} />}
          <button type="button" aria-label={Label.tutorialExit} title={Label.tutorialExit} className={iconButton} onClick={() => store.getState().closeTutorial()}>
            ×
          </button>
        </div>
        <h3 className="text-base leading-snug font-bold">{step.title}</h3>
      </header>
      {/* A tab stop when it scrolls: the narration must be reachable from the keyboard. */}
      <div id={bodyId} hidden={folded} tabIndex={0} className="min-h-0 flex-1 space-y-2 overflow-auto px-3 py-2">
        <Narration text={step.say} className="text-[15px] leading-snug" />
        {stop && (
          <Narration
            ref={stopRef}
            role="status"
            className={`rounded-md border-l-4 px-2.5 py-1.5 text-[15px] leading-snug ${atStop ? 'border-orange-600 bg-amber-50' : 'border-slate-300 bg-slate-50 text-slate-700'}`}
            lead={atStop && <span className="font-semibold text-orange-900">Paused here. </span>}
            text={stop.say}
          />
        )}
        {offPath && (
          <p role="note" className="rounded-md border border-slate-400 bg-slate-50 px-2.5 py-1.5 text-sm text-slate-800">
            This is no longer the tutorial’s own history (another seed or Juju version, or a command of yours), so it will not stop to explain. Back, Next or a step dot brings the tutorial’s history back.
          </p>
        )}
        {hasHooks && <QuizCard suggested={step.quiz === true} />}
        <p className="text-sm text-slate-600">
          {phase === 'start' && hasHooks && 'Press Play (space) to watch, or Step forward (→) hook by hook.'}
          {phase === 'playing' && (atStop ? 'Play (space) to go on.' : 'Playing the hooks of this step…')}
          {phase === 'done' && (last ? 'That is the end of this tutorial.' : 'Step done: Next when you are ready.')}
        </p>
      </div>
      <footer className="flex shrink-0 items-center gap-2 border-t border-slate-200 px-3 py-1.5">
        <button type="button" className={`${button} border-slate-300 bg-white hover:bg-slate-100`} disabled={index === 0} onClick={() => go(index - 1)}>
          ← {Label.tutorialBack}
        </button>
        <ol className="flex min-w-0 flex-1 flex-wrap justify-center gap-1" aria-label="Steps">
          {tutorial.steps.map((s, k) => (
            <li key={k}>
              <button
                type="button"
                aria-label={`Step ${k + 1}: ${s.title}`}
                aria-current={k === index ? 'step' : undefined}
                title={s.title}
                onClick={() => go(k)}
                className={`block h-2.5 w-2.5 rounded-full ${k === index ? 'bg-orange-600' : k < index ? 'bg-orange-300' : 'bg-slate-300'} hover:ring-2 hover:ring-orange-400`}
              />
            </li>
          ))}
        </ol>
        {last ? (
          <button type="button" className={`${button} border-orange-700 bg-orange-700 text-white hover:bg-orange-800`} onClick={() => store.getState().closeTutorial()}>
            Finish
          </button>
        ) : (
          <button type="button" className={`${button} border-orange-700 bg-orange-700 text-white hover:bg-orange-800`} onClick={() => go(index + 1)}>
            {Label.tutorialNext} →
          </button>
        )}
      </footer>
    </aside>
  );
}
