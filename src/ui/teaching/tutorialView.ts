/** What the tutorial card and the highlighter show at the cursor: pure, from the store's state. */
import type { RelvizState } from '../../store/store.ts';
import { tutorialById } from '../../teaching/tutorials/registry.ts';
import type { Step, Stop, Target, Tutorial } from '../../teaching/tutorial.ts';

export interface TutorialAt {
  readonly tutorial: Tutorial;
  readonly index: number;
  readonly step: Step;
  /** The stop the cursor is at or past (until the next one), if any. */
  readonly stop: Stop | null;
  /** Playback is paused exactly at that stop. */
  readonly atStop: boolean;
  /** Where the cursor is in the step: before its hooks, among them, or after the last. */
  readonly phase: 'start' | 'playing' | 'done';
  /** What to point at now: the step's targets and the current stop's. */
  readonly targets: readonly Target[];
}

export function tutorialAt(s: Pick<RelvizState, 'tutorial' | 'stops' | 'stepStart' | 'cursor' | 'length'>): TutorialAt | null {
  if (!s.tutorial) return null;
  const tutorial = tutorialById(s.tutorial.id);
  const step = tutorial?.steps[s.tutorial.step];
  if (!tutorial || !step) return null;
  let i = -1;
  s.stops.forEach((tick, k) => {
    if (tick <= s.cursor) i = k;
  });
  const stop = i >= 0 ? (step.stops?.[i] ?? null) : null;
  const phase = s.cursor >= s.length ? 'done' : s.cursor <= s.stepStart ? 'start' : 'playing';
  return {
    tutorial,
    index: s.tutorial.step,
    step,
    stop,
    atStop: i >= 0 && s.stops[i] === s.cursor,
    phase,
    targets: [...(step.highlight ?? []), ...(stop?.highlight ?? [])],
  };
}
