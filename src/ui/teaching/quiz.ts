/**
 * "Predict the next hook": the choices offered before a hook, and the verdict. Legal
 * means what Juju's rules allow next — any unit with work, any of the hooks its
 * resolver could run now (the engine's own candidates, `view.next`) — not only the
 * one this seed happened to pick. The other choices are hooks the same units could
 * run some other time, so a right answer takes knowing the rules.
 */
import { hookName, Rules, type RuleId } from '../../engine/ops.ts';
import type { HookRecord, TraceList } from '../../engine/trace.ts';
import type { ModelView } from '../../store/view.ts';
import { plausibleHooks } from '../controls/plausibleHooks.ts';

export interface QuizOption {
  readonly unit: string;
  readonly hook: string;
  /** Juju may run it next. */
  readonly legal: boolean;
  /** For a legal option, the rule that queued it. */
  readonly rule: RuleId | null;
}

/** Most choices on screen: all the legal ones up to this, the rest distractors. */
const MAX_OPTIONS = 6;
const MIN_DISTRACTORS = 2;

/** A small deterministic hash, so the choices do not reshuffle on every render. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Every legal (unit, hook) now, one entry per hook name (joined for two remote units is one choice). */
export function legalChoices(view: ModelView): QuizOption[] {
  const out = new Map<string, QuizOption>();
  for (const q of view.next) {
    for (const { hook, op } of q.hooks) {
      const key = `${q.unit} ${hook}`;
      if (!out.has(key)) out.set(key, { unit: q.unit, hook: hook || hookName(op), legal: true, rule: op.rule });
    }
  }
  return [...out.values()];
}

/** The choices for the question at `salt` (the cursor): legal ones and distractors, in a stable order. */
export function quizOptions(view: ModelView, salt: number): QuizOption[] {
  const legal = legalChoices(view);
  if (legal.length === 0) return [];
  const shownLegal = [...legal].sort((a, b) => hash(`${salt}${a.unit}${a.hook}`) - hash(`${salt}${b.unit}${b.hook}`)).slice(0, MAX_OPTIONS - MIN_DISTRACTORS);
  const legalKeys = new Set(legal.map((o) => `${o.unit} ${o.hook}`));
  // Distractors: hooks of the units in play (busy first) that are not allowed now.
  const units = [...new Set([...legal.map((o) => o.unit), ...Object.keys(view.units).sort()])];
  const pool: QuizOption[] = [];
  for (const unit of units) {
    for (const hook of plausibleHooks(view, unit)) {
      if (!legalKeys.has(`${unit} ${hook}`)) pool.push({ unit, hook, legal: false, rule: null });
    }
  }
  // Prefer the busy units' own hooks (the tempting mistakes), then anyone's.
  const busy = new Set(legal.map((o) => o.unit));
  pool.sort((a, b) => Number(busy.has(b.unit)) - Number(busy.has(a.unit)) || hash(`${salt}${a.unit}${a.hook}`) - hash(`${salt}${b.unit}${b.hook}`));
  const distractors = pool.slice(0, Math.max(MIN_DISTRACTORS, MAX_OPTIONS - shownLegal.length));
  return [...shownLegal, ...distractors].sort((a, b) => (a.unit === b.unit ? (a.hook < b.hook ? -1 : 1) : a.unit < b.unit ? -1 : 1));
}

export interface Verdict {
  readonly right: boolean;
  /** Why, in words: the rule for a legal pick; what the unit could run instead for a wrong one. */
  readonly why: string;
}

export function judge(view: ModelView, pick: Pick<QuizOption, 'unit' | 'hook'>): Verdict {
  const legal = legalChoices(view);
  const hit = legal.find((o) => o.unit === pick.unit && o.hook === pick.hook);
  if (hit?.rule) return { right: true, why: `Juju may run it now: ${Rules[hit.rule]}.` };
  const mine = legal.filter((o) => o.unit === pick.unit);
  if (mine.length === 0) return { right: false, why: `${pick.unit} has nothing to run right now.` };
  return { right: false, why: `Not yet: ${pick.unit} would run ${mine.map((o) => o.hook).join(' or ')} first.` };
}

/** The hook the history runs at tick `cursor` (what this seed picked), if the tick is a hook. */
export function hookAtTick(trace: TraceList, from: number, to: number): HookRecord | null {
  for (let i = from; i < to; i++) {
    const r = trace.at(i);
    if (r?.type === 'hook') return r;
    if (r?.type === 'command') return null;
  }
  return null;
}
