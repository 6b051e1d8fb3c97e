/**
 * "Predict the next hook", inside the tutorial card: before each hook the learner
 * picks which unit runs which hook; any hook Juju's rules allow now counts as right
 * (not only the one this seed picked), and the verdict names the rule. Then "Run the
 * next hook" shows what Juju did run here.
 */
import { useEffect, useRef, useState } from 'react';
import { Rules } from '../../engine/ops.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { hookAtTick, judge, quizOptions, type QuizOption, type Verdict } from './quiz.ts';
import { reveal } from './reveal.ts';

export const QuizLabel = {
  toggle: 'Predict the next hook',
  question: 'Which unit runs which hook next?',
  runNext: 'Run the next hook',
  score: 'Quiz score',
} as const;

const optionKey = (o: Pick<QuizOption, 'unit' | 'hook'>) => `${o.unit} ${o.hook}`;

export function QuizCard({ suggested }: { suggested: boolean }) {
  const store = useRelvizStore();
  const on = useRelviz((s) => s.quiz);
  const view = useRelviz((s) => s.view);
  const cursor = useRelviz((s) => s.cursor);
  const length = useRelviz((s) => s.length);
  const revision = useRelviz((s) => s.revision);
  const timeline = useRelviz((s) => s.timeline);
  const score = useRelviz((s) => s.quizScores[s.tutorial?.id ?? '']);
  // The answer given at this point of this history (a new point asks again).
  const here = `${revision}:${cursor}`;
  const [answer, setAnswer] = useState<{ readonly at: string; readonly pick: QuizOption; readonly verdict: Verdict } | null>(null);
  const [ran, setRan] = useState<{ readonly at: string; readonly text: string } | null>(null);

  const nextIsHook = cursor < length ? hookAtTick(timeline.fullTrace, timeline.traceIndexAt(cursor), timeline.traceIndexAt(cursor + 1)) !== null : view.next.length > 0;
  const options = on && nextIsHook ? quizOptions(view, cursor) : [];
  const answered = answer?.at === here ? answer : null;
  // A new question, or its verdict, is what to look at now: bring the quiz into view in the card.
  const root = useRef<HTMLElement>(null);
  const asking = on && nextIsHook;
  const shown = `${asking}:${here}:${answered !== null}`;
  useEffect(() => {
    if (!asking) return;
    const id = requestAnimationFrame(() => root.current && reveal(root.current));
    return () => cancelAnimationFrame(id);
  }, [asking, shown]);

  const pick = (o: QuizOption) => {
    if (answered) return;
    const verdict = judge(view, o);
    setAnswer({ at: here, pick: o, verdict });
    store.getState().scoreQuiz(verdict.right);
  };
  const runNext = () => {
    store.getState().stepForward();
    const s = store.getState();
    const r = hookAtTick(s.timeline.fullTrace, s.timeline.traceIndexAt(s.cursor - 1), s.timeline.traceIndexAt(s.cursor));
    if (r) setRan({ at: `${s.revision}:${s.cursor}`, text: `Juju ran ${r.unit} ${r.hook}: ${Rules[r.rule]}.` });
  };

  return (
    <section ref={root} aria-label={QuizLabel.toggle} className={`rounded-md border px-2.5 py-2 ${on ? 'border-sky-700 bg-sky-50' : suggested ? 'border-sky-300 bg-white' : 'border-slate-200 bg-white'}`}>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2 text-sm font-semibold text-sky-950">
          <input type="checkbox" className="h-4 w-4 accent-sky-700" checked={on} onChange={(e) => store.getState().setQuiz(e.target.checked)} />
          {QuizLabel.toggle}
        </label>
        {score && (
          <span aria-label={QuizLabel.score} className="ml-auto rounded bg-sky-100 px-1.5 text-sm font-semibold text-sky-900 tabular-nums">
            {score.right} / {score.asked}
          </span>
        )}
      </div>
      {on && ran?.at === here && !answered && <p className="mt-1 text-sm text-slate-700">{ran.text}</p>}
      {on && nextIsHook && (
        <div className="mt-1.5 space-y-1.5">
          <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
            <p className="text-sm font-medium">{QuizLabel.question}</p>
            <button type="button" onClick={runNext} className="h-8 rounded-md border border-sky-800 bg-sky-800 px-3 text-sm font-medium text-white hover:bg-sky-900">
              {QuizLabel.runNext} →
            </button>
          </div>
          <ul className="grid grid-cols-1 gap-1" aria-label="Choices">
            {options.map((o) => {
              const chosen = answered && optionKey(answered.pick) === optionKey(o);
              const tone = !answered ? 'border-slate-300 bg-white hover:bg-sky-100' : chosen ? (answered.verdict.right ? 'border-emerald-700 bg-emerald-50' : 'border-red-700 bg-red-50') : o.legal ? 'border-emerald-400 bg-white' : 'border-slate-200 bg-white opacity-60';
              return (
                <li key={optionKey(o)}>
                  <button type="button" disabled={answered !== null} aria-pressed={chosen || false} onClick={() => pick(o)} className={`w-full rounded border px-2 py-0.5 text-left font-mono text-sm leading-snug break-words ${tone}`}>
                    <span className="font-semibold">{o.unit}</span> · {o.hook}
                    {answered && o.legal && <span className="sr-only"> (allowed now)</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          {answered && (
            <div role="status" className={`rounded border-l-4 px-2 py-1 text-sm ${answered.verdict.right ? 'border-emerald-700 bg-emerald-50 text-emerald-950' : 'border-red-700 bg-red-50 text-red-950'}`}>
              <span className="font-semibold">{answered.verdict.right ? 'Right. ' : 'Not this one. '}</span>
              {answered.verdict.why} Green choices were allowed too.
            </div>
          )}
        </div>
      )}
      {on && !nextIsHook && <p className="mt-1 text-sm text-slate-600">{cursor < length ? 'Next comes a command, not a hook: Step forward.' : 'No unit has a hook to run.'}</p>}
    </section>
  );
}
