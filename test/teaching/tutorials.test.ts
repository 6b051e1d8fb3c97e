/**
 * Every shipped tutorial, step by step, against the engine: its lines parse, each
 * stop names a hook that really runs in that step (in order), and everything it
 * points at exists on screen at that moment. A tutorial that narrates something the
 * engine does not show fails here, not in front of a class.
 */
import { describe, expect, it } from 'vitest';
import type { SimState } from '../../src/engine/model.ts';
import { Timeline } from '../../src/engine/timeline.ts';
import { TUTORIALS } from '../../src/teaching/tutorials/index.ts';
import { TUTORIAL_LIST } from '../../src/teaching/tutorials/list.ts';
import { loadTutorials, tutorialById as registeredTutorial } from '../../src/teaching/tutorials/registry.ts';
import { compileTutorial, findHook, planStep, stepStartTick, stopTicks, type Step, type Target, type Tutorial } from '../../src/teaching/tutorial.ts';

function build(t: Tutorial, step: number) {
  const compiled = compileTutorial(t);
  const plan = planStep(compiled, step);
  const tl = new Timeline({ seed: t.seed, juju: t.juju });
  for (const i of plan.inputs) tl.apply(i.command, { text: i.text, run: i.run });
  return { tl, plan, start: stepStartTick(tl, plan) };
}

/** Why a target would not be on screen at the timeline's cursor ('' when it would). */
function missing(tl: Timeline, target: Target, step: Step): string {
  const s: SimState = tl.state;
  switch (target.kind) {
    case 'unit':
      return s.units.has(target.unit) ? '' : `unit ${target.unit} not in the model`;
    case 'app':
      return s.apps.has(target.app) ? '' : `application ${target.app} not in the model`;
    case 'relation': {
      const [a, b] = target.apps;
      const found = [...s.relations.values()].some((r) => r.endpoints.some((e) => e.app === a) && r.endpoints.some((e) => e.app === b));
      return found ? '' : `no relation between ${a} and ${b}`;
    }
    case 'bag-key': {
      const sel = step.select && 'relation' in step.select ? step.select.relation : null;
      if (!sel) return `bag-key ${target.key} needs the step to select a relation`;
      const rel = [...s.relations.values()].find((r) => r.endpoints.some((e) => e.app === sel[0]) && r.endpoints.some((e) => e.app === sel[1]));
      const bag = rel?.unitBags.get(target.owner) ?? rel?.appBags.get(target.owner);
      return bag?.data.has(target.key) ? '' : `${target.owner} has no ${target.key} in the selected relation`;
    }
    case 'block':
      return findHook(tl.trace, { unit: target.unit, hook: target.hook }) >= 0 ? '' : `no ${target.unit} ${target.hook} before the cursor`;
    case 'console':
      return '';
  }
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

  it.each(t.steps.map((s, k) => [k + 1, s.title, k] as const))('step %i (%s): every command is accepted, stops are real and in order, targets exist', (_n, _title, k) => {
    const step = t.steps[k] as Step;
    const { tl, plan, start } = build(t, k);
    // Every command of the tutorial so far is accepted by Juju (a refusal would be a broken lesson).
    const refused = [...tl.fullTrace].filter((r) => r.type === 'command' && r.exitCode !== 0);
    expect(refused, 'refused commands').toEqual([]);
    expect(start).toBeLessThanOrEqual(tl.length);
    expect(plan.inputs.length).toBeGreaterThanOrEqual(plan.first);

    const ticks = stopTicks(tl, step.stops ?? [], start);
    expect([...ticks].sort((a, b) => a - b), 'stops in the order they happen').toEqual(ticks);
    (step.stops ?? []).forEach((stop, i) => {
      tl.seek(ticks[i] as number);
      for (const target of stop.highlight ?? []) expect(missing(tl, target, step), `stop ${i + 1}: ${stop.say.slice(0, 40)}…`).toBe('');
    });
    // The step's own highlights are shown on entering, and after its hooks have played.
    tl.seek(tl.length);
    for (const target of step.highlight ?? []) {
      if (target.kind === 'block') continue; // blocks point at hooks: checked at stops
      expect(missing(tl, target, step), `step highlight ${target.kind}`).toBe('');
    }
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
