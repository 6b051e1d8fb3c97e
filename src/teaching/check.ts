/**
 * A tutorial checked before it is played: every script line parsed and applied by the
 * engine (as the tutorial would be played, step after step, on one timeline), every
 * stop's hook found in its step, in order, and everything a step or stop points at or
 * selects on screen at that moment. Each problem names its document line when the
 * tutorial came from a document (parseTutorialDocumentWithLines), its step otherwise.
 */
import type { SimState } from '../engine/model.ts';
import { Timeline } from '../engine/timeline.ts';
import { runAfter } from '../io/script.ts';
import type { DocumentLines, StepLines } from './document.ts';
import { compareBranches } from './compare.ts';
import { TutorialError, findHook, tutorialLine, type Step, type Target, type Tutorial, type TutorialInput } from './tutorial.ts';

export interface TutorialProblem {
  /** 1-based document line, when known. */
  readonly line?: number;
  /** 1-based step (absent: the starting model). */
  readonly step?: number;
  readonly message: string;
}

function relationBetween(s: SimState, a: string, b: string) {
  return [...s.relations.values()].find((r) => r.endpoints.some((e) => e.app === a) && r.endpoints.some((e) => e.app === b));
}

/** Why a target would not be on screen in the timeline's state at its cursor ('' when it would). */
export function missingTarget(tl: Timeline, target: Target, step: Step): string {
  const s = tl.state;
  switch (target.kind) {
    case 'unit':
      return s.units.has(target.unit) ? '' : `unit ${target.unit} is not in the model`;
    case 'app':
      return s.apps.has(target.app) ? '' : `application ${target.app} is not in the model`;
    case 'relation': {
      const [a, b] = target.apps;
      return relationBetween(s, a, b) ? '' : `there is no relation between ${a} and ${b}`;
    }
    case 'bag-key': {
      const sel = step.select && 'relation' in step.select ? step.select.relation : null;
      if (!sel) return `the databag key ${target.key} is shown only when the step selects a relation (select: relation <app> <app>)`;
      const rel = relationBetween(s, sel[0], sel[1]);
      const bag = rel?.unitBags.get(target.owner) ?? rel?.appBags.get(target.owner);
      return bag?.data.has(target.key) ? '' : `${target.owner} has no key ${target.key} in the selected relation`;
    }
    case 'block':
      return findHook(tl.trace, { unit: target.unit, hook: target.hook }) >= 0 ? '' : `${target.unit} has run no ${target.hook} yet`;
    case 'console':
      return '';
  }
}

const EMPTY: StepLines = { heading: 0, run: [], highlight: [], stops: [], compare: [] };

/**
 * Plays the tutorial against the engine and reports every problem (empty: it plays as
 * written). Fast: one timeline for the whole tutorial, each step's commands applied
 * after the previous step's, as the store would rebuild them.
 */
export function checkTutorial(t: Tutorial, lines?: DocumentLines): TutorialProblem[] {
  const problems: TutorialProblem[] = [];
  const at = (line: number | undefined, step: number | undefined, message: string): void => {
    problems.push({ ...(line ? { line } : {}), ...(step !== undefined ? { step: step + 1 } : {}), message });
  };
  const tl = new Timeline({ seed: t.seed, juju: t.juju });
  let applied = 0;
  let unparsed = false;
  /** The line parsed (files attached), or null after reporting why not. */
  const parse = (text: string, line: number | undefined, step: number | undefined, label: string) => {
    try {
      return tutorialLine(t, text, label);
    } catch (e) {
      if (!(e instanceof TutorialError)) throw e;
      unparsed = true;
      at(line, step, `"${text}": ${e.message.slice(e.message.indexOf(`${label}: `) + label.length + 2)}`);
      return null;
    }
  };
  /** Applies script lines at the end of the history, reporting those that do not parse or that Juju refuses. */
  const play = (raw: readonly string[], lineNos: readonly number[], step: number | undefined, where: string): TutorialInput[] => {
    const inputs: TutorialInput[] = [];
    raw.forEach((text, i) => {
      const line = lineNos[i];
      const parsed = parse(text, line, step, `${where}, line ${i + 1}`);
      if (!parsed) return;
      const input = { command: parsed.command, text: parsed.text, run: runAfter(parsed) };
      tl.seek(tl.length);
      const result = tl.apply(input.command, { text: input.text, run: input.run });
      applied++;
      if (result.exitCode !== 0) at(line, step, `Juju refuses "${text}": ${result.stderr.trim() || `exit code ${result.exitCode}`}`);
      inputs.push(input);
    });
    return inputs;
  };

  play(t.setup ?? [], lines?.setup ?? [], undefined, 'starting model');
  t.steps.forEach((step, k) => {
    const where = lines?.steps[k] ?? EMPTY;
    tl.seek(tl.length);
    const first = applied;
    const before = tl.length;
    const own = play(step.run ?? [], where.run, k, `step ${k + 1}`);
    const start = own.length > 0 ? tl.entryStartTick(first) : before;

    // Stops: each names a hook of the step's part of the history, in the order they happen.
    const from = tl.traceIndexAt(start);
    let previous = -1;
    (step.stops ?? []).forEach((stop, s) => {
      const w = where.stops[s];
      const m = stop.after;
      const i = findHook(tl.fullTrace, m, from);
      const name = `${m.unit ?? 'any unit'} ${m.hook}${m.nth !== undefined ? ` ${m.nth}` : ''}`;
      if (i < 0) {
        at(w?.heading, k, `stop ${s + 1} (after: ${name}): no such hook runs in this step`);
        return;
      }
      if (i < previous) at(w?.heading, k, `stop ${s + 1} (after: ${name}) comes before the stop above it: stops go in the order their hooks run`);
      previous = i;
      tl.seek(tl.tickOfRecord(i) + 1);
      (stop.highlight ?? []).forEach((target, h) => {
        const why = missingTarget(tl, target, step);
        if (why) at(w?.highlight[h] ?? w?.heading, k, `stop ${s + 1} highlights what is not there at that moment: ${why}`);
      });
    });

    // The step's own highlights show on entering and after its hooks: checked at its end (blocks point at hooks: at stops).
    tl.seek(tl.length);
    (step.highlight ?? []).forEach((target, h) => {
      if (target.kind === 'block') return;
      const why = missingTarget(tl, target, step);
      if (why) at(where.highlight[h] ?? where.heading, k, `the step highlights what is not there: ${why}`);
    });
    // What it selects or views as must be there when the step starts or once it has played.
    const exists = (has: (s: SimState) => boolean): boolean => {
      tl.seek(start);
      const then = has(tl.state);
      tl.seek(tl.length);
      return then || has(tl.state);
    };
    const sel = step.select;
    if (sel && 'unit' in sel && !exists((s) => s.units.has(sel.unit))) at(where.select ?? where.heading, k, `select: unit ${sel.unit} is not in the model`);
    if (sel && 'relation' in sel && !exists((s) => relationBetween(s, sel.relation[0], sel.relation[1]) !== undefined)) {
      at(where.select ?? where.heading, k, `select: there is no relation between ${sel.relation[0]} and ${sel.relation[1]}`);
    }
    if (step.viewAs !== undefined && !exists((s) => s.units.has(step.viewAs as string))) at(where.viewAs ?? where.heading, k, `view-as: unit ${step.viewAs} is not in the model`);

    // Alternatives: their lines parse, and Juju accepts them from the step's starting state.
    const alternatives = step.compare ?? [];
    alternatives.forEach((alt, a) => alt.run.forEach((text, i) => parse(text, where.compare[a]?.run[i], k, `step ${k + 1}, alternative ${a + 1}, line ${i + 1}`)));
    if (alternatives.length > 0 && !unparsed) {
      compareBranches(t, k).forEach((branch, a) => {
        if (branch.refused.length > 0) at(where.compare[a]?.heading ?? where.heading, k, `alternative "${branch.alternative.title}": Juju refuses it: ${branch.refused.join('; ')}`);
      });
    }
  });
  tl.seek(tl.length);
  return problems;
}
