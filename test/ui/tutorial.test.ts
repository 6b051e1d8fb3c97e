/** The tutorial card's logic and where its targets are on screen. */
import { describe, expect, it } from 'vitest';
import { createRelvizStore } from '../../src/store/store.ts';
import { targetSelector } from '../../src/ui/teaching/targets.ts';
import { tutorialAt } from '../../src/ui/teaching/tutorialView.ts';
import { shippedTutorial } from '../../src/teaching/tutorials/index.ts';

const masterworker = shippedTutorial('masterworker');

const relate = masterworker.steps.findIndex((s) => s.title === 'Relate them');

describe('tutorialAt', () => {
  it('follows the cursor through a step: start, each stop (paused exactly there, then past it), done', () => {
    const store = createRelvizStore();
    store.getState().openTutorial('masterworker', relate);
    const s = () => tutorialAt(store.getState());
    expect(s()).toMatchObject({ index: relate, phase: 'start', stop: null, atStop: false });
    // Two stops with a tick between them, to see the cursor just past the first.
    const ticks = store.getState().stops;
    const i = ticks.findIndex((t, k) => k + 1 < ticks.length && t + 1 < (ticks[k + 1] as number));
    expect(i).toBeGreaterThanOrEqual(0);
    const [first, second] = [ticks[i] as number, ticks[i + 1] as number];
    const stops = masterworker.steps[relate]?.stops ?? [];
    store.getState().seek(first);
    expect(s()).toMatchObject({ phase: 'playing', atStop: true, stop: stops[i] });
    store.getState().seek(first + 1);
    expect(s()).toMatchObject({ atStop: false, stop: stops[i] });
    store.getState().seek(second);
    expect(s()?.stop).toBe(stops[i + 1]);
    // The step's targets and the stop's, together.
    expect(s()?.targets).toEqual([...(masterworker.steps[relate]?.highlight ?? []), ...(stops[i + 1]?.highlight ?? [])]);
    store.getState().seek(store.getState().length);
    expect(s()?.phase).toBe('done');
  });

  it('is null without a tutorial', () => {
    expect(tutorialAt(createRelvizStore().getState())).toBeNull();
  });
});

describe('targetSelector', () => {
  it('finds each kind of target from the view and the trace at the cursor', () => {
    const store = createRelvizStore();
    store.getState().openTutorial('masterworker', relate);
    store.getState().seek(store.getState().length);
    const st = store.getState();
    const end = st.timeline.traceIndexAt(st.cursor);
    const sel = (t: Parameters<typeof targetSelector>[0]) => targetSelector(t, st.view, st.timeline.fullTrace, end);
    expect(sel({ kind: 'unit', unit: 'worker/1' })).toBe('.react-flow [data-unit="worker/1"]');
    expect(sel({ kind: 'app', app: 'master' })).toBe('[data-app-node="master"]');
    expect(sel({ kind: 'relation', apps: ['master', 'worker'] })).toBe('[data-relation-label="0"]');
    expect(sel({ kind: 'relation', apps: ['master', 'nosuch'] })).toBeNull();
    expect(sel({ kind: 'bag-key', owner: 'master/0', key: 'worker/0-worker-key' })).toContain('[data-bag="unit:master/0"] [data-key="worker/0-worker-key"]');
    // The newest matching hook before the cursor: worker/1's second master-relation-changed.
    const seqs = [...st.timeline.fullTrace].filter((r) => r.type === 'hook' && r.unit === 'worker/1' && r.hook === 'master-relation-changed').map((r) => (r.type === 'hook' ? r.seq : 0));
    expect(sel({ kind: 'block', unit: 'worker/1', hook: 'master-relation-changed' })).toBe(`[data-swimlane-unit="worker/1"][data-seq="${seqs.at(-1)}"]`);
    expect(sel({ kind: 'block', unit: 'worker/1', hook: 'stop' })).toBeNull();
    expect(sel({ kind: 'console' })).toBe('section[aria-label="Console"]');
  });
});
