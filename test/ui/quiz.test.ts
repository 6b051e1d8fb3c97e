/** Predict the next hook: what counts as legal, the choices, the verdicts. */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/timeline.ts';
import { parseScript } from '../../src/io/script.ts';
import { deriveView } from '../../src/store/view.ts';
import { hookAtTick, judge, legalChoices, quizOptions } from '../../src/ui/teaching/quiz.ts';
import { readFileSync } from 'node:fs';

const script = readFileSync(new URL('../../examples/masterworker.juju', import.meta.url), 'utf8');

function history(seed: number): Timeline {
  const t = new Timeline({ seed });
  for (const line of parseScript(script)) t.apply(line.command, { text: line.text });
  return t;
}

describe('legal choices', () => {
  it.each([1, 2, 3, 7])('the hook this seed ran is always among them (seed %i), so any seed’s answer counts', (seed) => {
    const t = history(seed);
    let asked = 0;
    for (let tick = 0; tick < t.length; tick++) {
      const r = hookAtTick(t.fullTrace, t.traceIndexAt(tick), t.traceIndexAt(tick + 1));
      if (!r || r.kind === 'action') continue;
      t.seek(tick);
      const view = deriveView(t.state);
      const legal = legalChoices(view);
      expect(legal.some((o) => o.unit === r.unit && o.hook === r.hook), `tick ${tick}: ${r.unit} ${r.hook}`).toBe(true);
      expect(judge(view, r)).toMatchObject({ right: true });
      asked++;
    }
    expect(asked).toBeGreaterThan(30);
  });

  it('accepts a legal hook the seed did not pick, naming its rule', () => {
    const t = history(1);
    // Right after juju relate: every unit may run its relation-created; the seed runs one of them.
    const relate = t.log.entries.findIndex((e) => e.text === 'juju relate master worker');
    const tick = t.entryStartTick(relate) + 1;
    t.seek(tick);
    const view = deriveView(t.state);
    const ran = hookAtTick(t.fullTrace, t.traceIndexAt(tick), t.traceIndexAt(tick + 1));
    const other = legalChoices(view).find((o) => o.unit !== ran?.unit);
    expect(other).toBeDefined();
    const verdict = judge(view, other!);
    expect(verdict.right).toBe(true);
    expect(verdict.why).toMatch(/relation-created|scope/);
  });
});

describe('scope entry for all relations at once (issue 8 point 4)', () => {
  it("counts a remote unit's relation-joined for a new unit as right while the new unit has not run its relation-created", () => {
    // Arrange: worker/2 has just installed (and so entered the relation's scope).
    const t = new Timeline({ seed: 1 });
    for (const line of parseScript('juju deploy master\njuju deploy worker\njuju relate master worker\njuju add-unit worker &\nstep --unit worker/1')) {
      t.apply(line.command, { text: line.text, run: line.command.type === 'step' ? 1 : line.background ? 'none' : 'idle' });
    }
    const view = deriveView(t.state);
    // Act + assert: the master joining worker/1 is right, and so is worker/1's own relation-created.
    const join = judge(view, { unit: 'master/0', hook: 'master-application-relation-joined' });
    expect(join.right).toBe(true);
    expect(join.why).toMatch(/entered scope|joins|not seen yet/);
    expect(judge(view, { unit: 'worker/1', hook: 'master-relation-created' }).right).toBe(true);
  });
});

describe('quizOptions', () => {
  it('offers the legal hooks with at least two that are not allowed now, in a stable order', () => {
    const t = history(1);
    t.seek(t.entryStartTick(2) + 1);
    const view = deriveView(t.state);
    const options = quizOptions(view, 42);
    expect(options.filter((o) => o.legal).length).toBeGreaterThan(0);
    expect(options.filter((o) => !o.legal).length).toBeGreaterThanOrEqual(2);
    expect(options.length).toBeLessThanOrEqual(6);
    expect(quizOptions(view, 42)).toEqual(options);
    for (const o of options.filter((x) => !x.legal)) {
      const v = judge(view, o);
      expect(v.right).toBe(false);
      expect(v.why).toMatch(/^(Not yet: |.* has nothing to run right now\.)/);
    }
  });

  it('asks nothing when no unit has work', () => {
    const t = history(1);
    t.seek(t.length);
    expect(quizOptions(deriveView(t.state), 1)).toEqual([]);
  });
});
