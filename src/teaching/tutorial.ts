/**
 * Guided tutorials as data: steps with narration, the commands each step performs,
 * stops where playback pauses to explain, and the things on screen to point at.
 *
 * A step's state is a pure function of the tutorial: the commands of every step up
 * to it, applied with the tutorial's seed and Juju version, the cursor where the
 * step's own commands begin. Going back rebuilds exactly that, so "back" is exact.
 */
import type { Command } from '../engine/commands.ts';
import type { JujuVersion } from '../engine/model.ts';
import type { Timeline } from '../engine/timeline.ts';
import type { HookRecord, TraceRecord, TraceList } from '../engine/trace.ts';
import { ScriptSyntaxError, parseLine, runAfter, withFilesAtHand, type ScriptLine } from '../io/script.ts';

/** A command as the store's session keeps it: the command, its text, the hooks to run after it. */
export interface TutorialInput {
  readonly command: Command;
  readonly text: string;
  readonly run: 'idle' | 'none' | number;
}

/** Something on screen a step points at. */
export type Target =
  | { readonly kind: 'unit'; readonly unit: string }
  | { readonly kind: 'app'; readonly app: string }
  /** The relation between two applications (the edge, or the peer badge when both are the same). */
  | { readonly kind: 'relation'; readonly apps: readonly [string, string] }
  /** A key in a databag of the relation shown in the Databags panel (`owner`: unit or application). */
  | { readonly kind: 'bag-key'; readonly owner: string; readonly key: string }
  /** The swimlane block of the newest matching hook at or before the cursor. */
  | { readonly kind: 'block'; readonly unit: string; readonly hook: string }
  | { readonly kind: 'console' };

/** A hook in the step's part of the trace: the `nth` (1-based, default 1) that matches. */
export interface HookMatch {
  readonly unit?: string;
  /** Full hook name, or a suffix such as `-relation-departed`. */
  readonly hook: string;
  readonly nth?: number;
}

/** Playback pauses just after a hook, to explain it. */
export interface Stop {
  readonly after: HookMatch;
  readonly say: string;
  readonly highlight?: readonly Target[];
}

/**
 * One way the story could go on from a step's starting state, shown beside the others
 * (compare.ts builds it on its own timeline; the main view does not play it).
 */
export interface Alternative {
  /** What it is, short (the heading of its box). */
  readonly title: string;
  /** Script lines applied to the step's starting state, each run until Juju settles. */
  readonly run: readonly string[];
  /** One line: what to see in it. */
  readonly say: string;
}

export interface Step {
  readonly title: string;
  /** What the learner reads on entering the step (plain words, pointing at what is on screen). */
  readonly say: string;
  /** Script lines the step performs (model changes, `juju run` / `juju exec` inspections). */
  readonly run?: readonly string[];
  readonly stops?: readonly Stop[];
  readonly highlight?: readonly Target[];
  /** What to select on entering: a relation by its two applications, or a unit. */
  readonly select?: { readonly relation: readonly [string, string] } | { readonly unit: string };
  readonly viewAs?: string;
  /** Which history view to show. */
  readonly panel?: 'swimlanes' | 'log';
  /** Offer "predict the next hook" while this step plays. */
  readonly quiz?: boolean;
  /**
   * Alternative continuations shown side by side, each applied to the state after the
   * previous steps (not to this step's own `run`): a "what if" the learner reads.
   */
  readonly compare?: readonly Alternative[];
}

export interface Tutorial {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** For authors, not shown: why this seed, where the material comes from (the document's `#` lines in its front matter). */
  readonly notes?: string;
  readonly seed: number;
  readonly juju: JujuVersion;
  /** The starting model: script lines applied before step 1, already played when the tutorial opens. */
  readonly setup?: readonly string[];
  /** Files the tutorial carries, by path (bundles, overlays, charm metadata), read by its `juju deploy ./bundle.yaml` lines. */
  readonly files?: Readonly<Record<string, string>>;
  readonly steps: readonly Step[];
}

export class TutorialError extends Error {
  override name = 'TutorialError';
}

/** One of the tutorial's script lines, parsed; a bundle it deploys reads the tutorial's files. `where` names it in an error. */
export function tutorialLine(t: Tutorial, raw: string, where: string): ScriptLine {
  let line;
  try {
    line = parseLine(raw, 1);
  } catch (e) {
    if (e instanceof ScriptSyntaxError) throw new TutorialError(`tutorial ${t.id}, ${where}: ${e.problem}`);
    throw e;
  }
  if (!line) throw new TutorialError(`tutorial ${t.id}, ${where}: empty`);
  return t.files ? { ...line, command: withFilesAtHand(line.command, t.files) } : line;
}

function compileLines(t: Tutorial, lines: readonly string[] | undefined, where: string): TutorialInput[] {
  return (lines ?? []).map((raw, i) => {
    const line = tutorialLine(t, raw, `${where}, line ${i + 1}`);
    return { command: line.command, text: line.text, run: runAfter(line) };
  });
}

export interface CompiledTutorial {
  /** The starting model's inputs. */
  readonly setup: readonly TutorialInput[];
  /** Each step's own inputs. */
  readonly steps: readonly (readonly TutorialInput[])[];
}

/** Parses every step's lines (with where each came from), so a typo fails loudly and early. */
export function compileTutorial(t: Tutorial): CompiledTutorial {
  return { setup: compileLines(t, t.setup, 'starting model'), steps: t.steps.map((step, k) => compileLines(t, step.run, `step ${k + 1}`)) };
}

export interface StepPlan {
  /** The inputs of the starting model and every step up to and including this one. */
  readonly inputs: readonly TutorialInput[];
  /** Index into `inputs` of this step's first input (= inputs.length when it has none). */
  readonly first: number;
}

export function planStep(compiled: CompiledTutorial, step: number): StepPlan {
  if (step < 0 || step >= compiled.steps.length) throw new TutorialError(`no step ${step + 1}`);
  const before = [...compiled.setup, ...compiled.steps.slice(0, step).flat()];
  return { inputs: [...before, ...(compiled.steps[step] ?? [])], first: before.length };
}

/** Where the step starts on the timeline built from its plan: at its first command (or the end). */
export function stepStartTick(t: Timeline, plan: StepPlan): number {
  return plan.first < plan.inputs.length ? t.entryStartTick(plan.first) : t.length;
}

function matches(r: TraceRecord, m: HookMatch): r is HookRecord {
  return r.type === 'hook' && (m.unit === undefined || r.unit === m.unit) && (r.hook === m.hook || (m.hook.startsWith('-') && r.hook.endsWith(m.hook)));
}

/** The index into the full trace of the hook a match names, searching from trace index `from`; -1 if none. */
export function findHook(trace: TraceList, m: HookMatch, from = 0): number {
  let seen = 0;
  for (let i = from; i < trace.length; i++) {
    const r = trace.at(i) as TraceRecord;
    if (matches(r, m) && ++seen === (m.nth ?? 1)) return i;
  }
  return -1;
}

/** The ticks just after each stop's hook, in the step's part of the history (throws if a stop names no hook). */
export function stopTicks(t: Timeline, stops: readonly Stop[], startTick: number): number[] {
  const from = t.traceIndexAt(startTick);
  return stops.map((s) => {
    const i = findHook(t.fullTrace, s.after, from);
    if (i < 0) throw new TutorialError(`no ${s.after.unit ?? 'unit'} ${s.after.hook}${s.after.nth ? ` #${s.after.nth}` : ''} after tick ${startTick}`);
    return t.tickOfRecord(i) + 1;
  });
}

/** The stop being shown at the cursor: the last one whose tick is at or before it (within the step). */
export function stopAt(ticks: readonly number[], cursor: number): number | null {
  let at: number | null = null;
  ticks.forEach((tick, i) => {
    if (tick <= cursor) at = i;
  });
  return at;
}
