/**
 * "What if?" at a tutorial step: every alternative of the step's `compare` applied to
 * the state the step starts from, each on its own branch of one timeline (same seed,
 * so the same choices up to the branch point), and what each unit then runs, in its
 * own order. Order across units is not something Juju promises (JUJU-SEMANTICS §10),
 * so a branch is a list per unit, not one sequence.
 */
import type { HookKind, RuleId } from '../engine/ops.ts';
import type { SimState } from '../engine/model.ts';
import { Timeline } from '../engine/timeline.ts';
import type { HookRecord } from '../engine/trace.ts';
import { runAfter } from '../io/script.ts';
import { TutorialError, compileTutorial, planStep, tutorialLine, type Alternative, type Tutorial } from './tutorial.ts';

/** What a hook means for the question "departed or broken?" (JUJU-SEMANTICS §5). */
export type Teardown = 'departed' | 'broken' | 'stop' | 'remove' | 'other';

export interface BranchHook {
  readonly seq: number;
  readonly unit: string;
  /** Full hook name: `master-relation-broken`. */
  readonly hook: string;
  readonly kind: Teardown;
  readonly hookKind: HookKind;
  readonly remoteUnit: string | null;
  readonly departingUnit: string | null;
  /** Why the unit agent chose it (the resolver rule). */
  readonly rule: RuleId;
  readonly failed: boolean;
}

export interface BranchLane {
  readonly unit: string;
  /** Its hooks after the branch point, in the order it ran them. */
  readonly hooks: readonly BranchHook[];
}

export interface Branch {
  readonly alternative: Alternative;
  /**
   * One lane per unit that runs a hook in any of the branches (the same lanes, in
   * the same order, in every branch, so they line up): a unit that runs nothing here
   * has an empty lane.
   */
  readonly lanes: readonly BranchLane[];
  /** Juju's refusals (`ERROR …`) of the alternative's commands: none in a good lesson. */
  readonly refused: readonly string[];
}

export function teardownOf(kind: HookKind): Teardown {
  switch (kind) {
    case 'relation-departed':
      return 'departed';
    case 'relation-broken':
      return 'broken';
    case 'stop':
    case 'remove':
      return kind;
    default:
      return 'other';
  }
}

function toBranchHook(r: HookRecord): BranchHook {
  return {
    seq: r.seq,
    unit: r.unit,
    hook: r.hook,
    kind: teardownOf(r.kind),
    hookKind: r.kind,
    remoteUnit: r.remoteUnit,
    departingUnit: r.departingUnit,
    rule: r.rule,
    failed: r.result === 'error',
  };
}

/** Units in the order the model lists them: applications as deployed, units by number. */
function modelOrder(state: SimState): string[] {
  return [...state.apps.values()].flatMap((a) => a.units);
}

/**
 * The branches of step `stepIndex` (0-based) of a tutorial: for each alternative of
 * its `compare`, the hooks each unit runs once the alternative's commands are applied
 * after the previous steps and Juju settles. Empty when the step compares nothing.
 */
export function compareBranches(tutorial: Tutorial, stepIndex: number): Branch[] {
  const step = tutorial.steps[stepIndex];
  if (!step) throw new TutorialError(`no step ${stepIndex + 1}`);
  const alternatives = step.compare ?? [];
  if (alternatives.length === 0) return [];
  const plan = planStep(compileTutorial(tutorial), stepIndex);
  const t = new Timeline({ seed: tutorial.seed, juju: tutorial.juju });
  for (const input of plan.inputs.slice(0, plan.first)) t.apply(input.command, { text: input.text, run: input.run });
  const branchTick = t.length;
  const branchRecord = t.fullTrace.length;
  const order = modelOrder(t.state);

  const runs = alternatives.map((alt, a) => {
    // Back to the branch point: applying there forks, dropping the previous alternative.
    t.seek(branchTick);
    const refused: string[] = [];
    alt.run.forEach((raw, i) => {
      const line = tutorialLine(tutorial, raw, `step ${stepIndex + 1}, alternative ${a + 1}, line ${i + 1}`);
      const result = t.apply(line.command, { text: line.text, run: runAfter(line) });
      if (result.exitCode !== 0) refused.push(result.stderr.trim());
    });
    const hooks = t.fullTrace.slice(branchRecord).filter((r): r is HookRecord => r.type === 'hook');
    return { alt, refused, hooks: hooks.map(toBranchHook) };
  });

  // Every unit that runs something in some branch; units the model did not have at the branch point (none, usually) last.
  const busy = new Set(runs.flatMap((r) => r.hooks.map((h) => h.unit)));
  const units = [...order.filter((u) => busy.has(u)), ...[...busy].filter((u) => !order.includes(u))];
  return runs.map(({ alt, refused, hooks }) => ({
    alternative: alt,
    refused,
    lanes: units.map((unit) => ({ unit, hooks: hooks.filter((h) => h.unit === unit) })),
  }));
}

/** The hooks of one unit in a branch (none when it has no lane there). */
export function hooksOf(branch: Branch, unit: string): readonly BranchHook[] {
  return branch.lanes.find((l) => l.unit === unit)?.hooks ?? [];
}
