/**
 * Every shipped tutorial, step by step, against the engine (checkTutorial): its lines
 * parse, each stop names a hook that really runs in that step (in order), and
 * everything it points at exists on screen at that moment. A tutorial that narrates
 * something the engine does not show fails here, not in front of a class.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/timeline.ts';
import { checkTutorial } from '../../src/teaching/check.ts';
import { parseTutorialDocumentWithLines } from '../../src/teaching/document.ts';
import { TUTORIALS, TUTORIAL_DOCUMENTS } from '../../src/teaching/tutorials/index.ts';
import { TUTORIAL_LIST } from '../../src/teaching/tutorials/list.ts';
import { loadTutorials, tutorialById as registeredTutorial } from '../../src/teaching/tutorials/registry.ts';
import { compileTutorial, findHook, planStep, stepStartTick, stopTicks, type Tutorial } from '../../src/teaching/tutorial.ts';

function build(t: Tutorial, step: number) {
  const compiled = compileTutorial(t);
  const plan = planStep(compiled, step);
  const tl = new Timeline({ seed: t.seed, juju: t.juju });
  for (const i of plan.inputs) tl.apply(i.command, { text: i.text, run: i.run });
  return { tl, plan, start: stepStartTick(tl, plan) };
}

describe.each(TUTORIALS.map((t) => [t.id, t] as const))('tutorial %s', (_id, t) => {
  it('parses, and has narration on every step and stop', () => {
    expect(() => compileTutorial(t)).not.toThrow();
    expect(t.steps.length).toBeGreaterThan(2);
    for (const step of t.steps) {
      expect(step.title.length).toBeGreaterThan(3);
      expect(step.say.length).toBeGreaterThan(20);
      for (const stop of step.stops ?? []) expect(stop.say.length).toBeGreaterThan(20);
    }
  });

  it('plays as written: every command accepted, stops real and in order, targets and selections there (checkTutorial)', () => {
    const { tutorial, lines } = parseTutorialDocumentWithLines(TUTORIAL_DOCUMENTS.get(t.id) as string);
    expect(tutorial).toEqual(t);
    expect(checkTutorial(t, lines)).toEqual([]);
  });

  it.each(t.steps.map((s, k) => [k + 1, s.title, k] as const))('step %i (%s): its stops are found on a history built for that step alone', (_n, _title, k) => {
    const { tl, start } = build(t, k);
    const ticks = stopTicks(tl, t.steps[k]?.stops ?? [], start);
    expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
  });

  it('going back to a step rebuilds exactly the state it had (deterministic)', () => {
    const last = t.steps.length - 1;
    const a = build(t, last);
    const b = build(t, last);
    expect(b.tl.length).toBe(a.tl.length);
    expect(JSON.stringify(b.tl.fullTrace)).toBe(JSON.stringify(a.tl.fullTrace));
  });
});

describe('what the tutorials narrate beyond their stops', () => {
  it('peers-leadership step 3: postgresql/1 joins postgresql/3 before postgresql/3 has run its own relation-created (issue 8 point 4)', () => {
    const t = TUTORIALS.find((x) => x.id === 'peers-leadership') as Tutorial;
    const k = t.steps.findIndex((s) => s.title.startsWith('A new unit'));
    const { tl, start } = build(t, k);
    const [joined] = stopTicks(tl, t.steps[k]?.stops ?? [], start);
    tl.seek(joined as number);
    expect(findHook(tl.trace, { unit: 'postgresql/3', hook: 'install' })).toBeGreaterThanOrEqual(0);
    expect(findHook(tl.trace, { unit: 'postgresql/3', hook: 'replicas-relation-created' })).toBe(-1);
  });

  it('peers-leadership step 4: the dying leader answers is-leader True in its teardown, and nobody runs leader-settings-changed', () => {
    const t = TUTORIALS.find((x) => x.id === 'peers-leadership') as Tutorial;
    const k = t.steps.findIndex((s) => s.title.startsWith('Remove the leader'));
    const { tl, start } = build(t, k);
    const records = tl.fullTrace.slice(tl.traceIndexAt(start));
    const isLeader = records.find((r) => r.type === 'command' && r.command.includes('is-leader'));
    expect(isLeader?.type === 'command' && isLeader.stdout).toBe('True\n');
    expect(records.some((r) => r.type === 'hook' && r.kind === 'leader-settings-changed')).toBe(false);
  });
});


describe('the tutorial list (what the menu and links know before the steps load)', () => {
  it('names every tutorial, in menu order, with its title, summary and number of steps', () => {
    expect(TUTORIAL_LIST).toEqual(TUTORIALS.map((t) => ({ id: t.id, title: t.title, summary: t.summary, steps: t.steps.length })));
  });

  it('answers by id once loaded, as the full list does', async () => {
    await loadTutorials();
    for (const t of TUTORIALS) expect(registeredTutorial(t.id)).toBe(t);
    expect(registeredTutorial('nope')).toBeUndefined();
  });
});
