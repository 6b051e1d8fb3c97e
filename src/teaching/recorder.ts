/**
 * The tutorial recorder's logic, pure (no DOM, no store): an author uses relviz and
 * the commands they make become a tutorial's steps.
 *
 * A recording starts from the session's commands (the tutorial's starting model,
 * with its seed and Juju version); every command after them is recorded with the
 * step it was made in. The recording follows the session: `syncRecording` is given
 * the session's commands after each change and keeps each one's step — by the very
 * input object when the store hands it back (undo, redo), else by its place and text
 * (a reload, a run cut short) — and puts a new command in the last step. Step tags
 * never go down, so the steps are the command log cut in order.
 *
 * A hook clicked in the history becomes a stop, `after: <unit> <hook> [nth]`, the nth
 * counted from its step's start as the player counts (tutorial.ts findHook); a unit,
 * relation or databag key becomes a highlight of the stop being edited, else of the
 * step. Saved as JSON (`serializeRecording`), read back checked (`readRecording`):
 * lines with the console's parser, targets and stops with the document's.
 */
import type { Command } from '../engine/commands.ts';
import type { JujuVersion } from '../engine/model.ts';
import type { Timeline } from '../engine/timeline.ts';
import type { HookRecord } from '../engine/trace.ts';
import { ScriptSyntaxError, parseLine, runAfter } from '../io/script.ts';
import { LIMITS, parseAfter, parseTarget, targetText, writeTutorialDocument } from './document.ts';
import { findHook, type HookMatch, type Step, type Stop, type Target, type Tutorial } from './tutorial.ts';

export { RECORDING_KEY } from './recordingKey.ts';
export const RECORDING_VERSION = 1;

/** A command as the session has it (SessionInput's shape). */
export interface InputLike {
  readonly command: Command;
  readonly text: string;
  readonly run: 'idle' | 'none' | number;
}

/** A recorded command: its script line(s), and the step it was made in (0-based). */
export interface RecordedInput {
  readonly text: string;
  readonly run: 'idle' | 'none' | number;
  readonly step: number;
  /** Files the command carries (a bundle's), by path. */
  readonly files?: Readonly<Record<string, string>>;
}

export interface RecordedStop {
  readonly after: HookMatch;
  readonly say: string;
  readonly highlight: readonly Target[];
}

export interface RecordedStep {
  readonly title: string;
  readonly say: string;
  readonly highlight: readonly Target[];
  readonly select?: { readonly relation: readonly [string, string] };
  readonly stops: readonly RecordedStop[];
}

/** What the bar is editing: a step, and one of its stops (null: the step itself). */
export interface Editing {
  readonly step: number;
  readonly stop: number | null;
}

export interface Recording {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly seed: number;
  readonly juju: JujuVersion;
  /** The starting model: the session's commands when the recording started. */
  readonly setup: readonly Omit<RecordedInput, 'step'>[];
  /** The commands since, each with its step. */
  readonly inputs: readonly RecordedInput[];
  readonly steps: readonly RecordedStep[];
  readonly editing: Editing;
  /** A preview is open (the session is the tutorial's, not the recording's: not followed). */
  readonly previewing: boolean;
}

const EMPTY_STEP: RecordedStep = { title: 'Step 1', say: '', highlight: [], stops: [] };

function recordedOf(input: InputLike): Omit<RecordedInput, 'step'> {
  // A bundle's files (bundle, overlays, charms beside it) go with the tutorial.
  const c = input.command;
  const files = c.type === 'deploy-bundle' || c.type === 'load-status' ? c.files : {};
  return { text: input.text, run: input.run, ...(Object.keys(files).length > 0 ? { files } : {}) };
}

const sameInput = (a: Pick<RecordedInput, 'text' | 'run'>, b: Pick<RecordedInput, 'text' | 'run'>) => a.text === b.text && a.run === b.run;

/** A new recording of the session as it is: its commands are the starting model. */
export function startRecording(session: { readonly seed: number; readonly juju: JujuVersion; readonly inputs: readonly InputLike[] }): Recording {
  return {
    id: 'my-tutorial',
    title: 'My tutorial',
    summary: '',
    seed: session.seed,
    juju: session.juju,
    setup: session.inputs.map(recordedOf),
    inputs: [],
    steps: [EMPTY_STEP],
    editing: { step: 0, stop: null },
    previewing: false,
  };
}

/** Whether the session still starts with the recording's starting model (else it is another model: nothing is recorded). */
export function followsSetup(rec: Recording, inputs: readonly Pick<InputLike, 'text' | 'run'>[]): boolean {
  return inputs.length >= rec.setup.length && rec.setup.every((s, i) => sameInput(s, inputs[i] as InputLike));
}

/**
 * The recording after the session's commands changed. `memory` remembers each input
 * object's step (so undo and redo give commands back to their own steps); the result
 * is `rec` itself when nothing changed.
 */
export function syncRecording(rec: Recording, session: { readonly seed: number; readonly juju: JujuVersion; readonly inputs: readonly InputLike[] }, memory?: WeakMap<object, number>): Recording {
  if (rec.previewing || !followsSetup(rec, session.inputs)) return rec;
  const last = rec.steps.length - 1;
  const own = session.inputs.slice(rec.setup.length);
  let floor = 0;
  let changed = own.length !== rec.inputs.length || session.seed !== rec.seed || session.juju !== rec.juju;
  const inputs = own.map((input, i) => {
    const was = rec.inputs[i];
    const known = memory?.get(input) ?? (was && was.text === input.text ? was.step : undefined);
    const step = Math.min(last, Math.max(floor, known ?? last));
    floor = step;
    memory?.set(input, step);
    if (was && sameInput(was, input) && was.step === step) return was;
    changed = true;
    return { ...recordedOf(input), step };
  });
  return changed ? { ...rec, inputs, seed: session.seed, juju: session.juju } : rec;
}

function withStep(rec: Recording, k: number, change: (s: RecordedStep) => RecordedStep): Recording {
  const step = rec.steps[k];
  return step ? { ...rec, steps: rec.steps.map((s, i) => (i === k ? change(s) : s)) } : rec;
}

/** Starts the next step: the commands from now on are its own, and the bar edits it. */
export function newStep(rec: Recording): Recording {
  if (rec.steps.length >= LIMITS.steps) return rec;
  const steps = [...rec.steps, { ...EMPTY_STEP, title: `Step ${rec.steps.length + 1}` }];
  return { ...rec, steps, editing: { step: steps.length - 1, stop: null } };
}

/** Edits a step's title or narration, or a stop's narration. */
export function editText(rec: Recording, at: Editing, field: 'title' | 'say', text: string): Recording {
  if (at.stop === null) return withStep(rec, at.step, (s) => ({ ...s, [field]: text }));
  const k = at.stop;
  return withStep(rec, at.step, (s) => ({ ...s, stops: s.stops.map((stop, i) => (i === k ? { ...stop, say: text } : stop)) }));
}

export function setEditing(rec: Recording, at: Editing): Recording {
  const step = rec.steps[at.step];
  if (!step || (at.stop !== null && !step.stops[at.stop])) return rec;
  return { ...rec, editing: at };
}

/** The tutorial's id from its title: lowercase words joined by dashes. */
export function idFromTitle(title: string): string {
  const id = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return id === '' ? 'my-tutorial' : id;
}

export function setHeader(rec: Recording, field: 'title' | 'summary', text: string): Recording {
  return field === 'title' ? { ...rec, title: text, id: idFromTitle(text) } : { ...rec, summary: text };
}

/** Where the steps' commands begin in the session (index of each step's first input; -1: none yet). */
function stepFirstInput(rec: Recording, k: number): number {
  const i = rec.inputs.findIndex((input) => input.step === k);
  return i < 0 ? -1 : rec.setup.length + i;
}

/**
 * A stop after the hook with sequence number `seq`: in the step whose command ran it,
 * the nth such hook of that unit counted from the step's start. The stops stay in the
 * order their hooks run; one that is already there is edited, not doubled. Returns the
 * recording or why not.
 */
export function addStop(rec: Recording, t: Pick<Timeline, 'fullTrace' | 'tickOfRecord' | 'entryAt' | 'entryStartTick' | 'traceIndexAt'>, seq: number): Recording | string {
  const trace = t.fullTrace;
  let index = -1;
  for (let i = 0; i < trace.length; i++) {
    const r = trace.at(i);
    if (r?.type === 'hook' && r.seq === seq) {
      index = i;
      break;
    }
  }
  if (index < 0) return `there is no hook ${seq} in this history`;
  const hook = trace.at(index) as HookRecord;
  const own = t.entryAt(t.tickOfRecord(index)) - rec.setup.length;
  const input = rec.inputs[own];
  if (own < 0 || !input) return `${hook.unit} ${hook.hook} ran in the starting model, before the recording: a stop goes in a step (after a command recorded since)`;
  const k = input.step;
  const from = t.traceIndexAt(t.entryStartTick(stepFirstInput(rec, k)));
  let nth = 0;
  for (let i = from; i <= index; i++) {
    const r = trace.at(i);
    if (r?.type === 'hook' && r.unit === hook.unit && r.hook === hook.hook) nth++;
  }
  const after: HookMatch = { unit: hook.unit, hook: hook.hook, ...(nth > 1 ? { nth } : {}) };
  const step = rec.steps[k] as RecordedStep;
  const where = (m: HookMatch) => findHook(trace, m, from);
  const existing = step.stops.findIndex((s) => where(s.after) === index);
  if (existing >= 0) return { ...rec, editing: { step: k, stop: existing } };
  if (step.stops.length >= LIMITS.stops) return `step ${k + 1} has ${LIMITS.stops} stops, the most a step may have`;
  // In the order their hooks run (a stop whose hook is gone from this history goes last).
  const at = step.stops.findIndex((s) => {
    const i = where(s.after);
    return i < 0 || i > index;
  });
  const pos = at < 0 ? step.stops.length : at;
  const stops = [...step.stops.slice(0, pos), { after, say: '', highlight: [] }, ...step.stops.slice(pos)];
  return { ...withStep(rec, k, (s) => ({ ...s, stops })), editing: { step: k, stop: pos } };
}

const sameTarget = (a: Target, b: Target) => targetText(a) === targetText(b);

/**
 * A highlight of the stop being edited, else of the step being edited. A databag key
 * is shown only in a selected relation: `relation` (the one on screen) becomes the
 * step's `select`.
 */
export function addHighlight(rec: Recording, target: Target, relation?: readonly [string, string]): Recording {
  const { step: k, stop } = rec.editing;
  return withStep(rec, k, (s) => {
    const select = target.kind === 'bag-key' && relation ? { select: { relation } } : {};
    if (stop === null) return s.highlight.some((h) => sameTarget(h, target)) || s.highlight.length >= LIMITS.targets ? { ...s, ...select } : { ...s, ...select, highlight: [...s.highlight, target] };
    const stops = s.stops.map((st, i) => (i !== stop || st.highlight.some((h) => sameTarget(h, target)) || st.highlight.length >= LIMITS.targets ? st : { ...st, highlight: [...st.highlight, target] }));
    return { ...s, ...select, stops };
  });
}

/** Something recorded in a step, to remove: a stop, a highlight of the step or of a stop. */
export type Item = { readonly kind: 'stop'; readonly stop: number } | { readonly kind: 'highlight'; readonly stop: number | null; readonly target: number };

export function removeItem(rec: Recording, k: number, item: Item): Recording {
  const out = withStep(rec, k, (s) => {
    if (item.kind === 'stop') return { ...s, stops: s.stops.filter((_, i) => i !== item.stop) };
    if (item.stop === null) return { ...s, highlight: s.highlight.filter((_, i) => i !== item.target) };
    return { ...s, stops: s.stops.map((st, i) => (i === item.stop ? { ...st, highlight: st.highlight.filter((_, j) => j !== item.target) } : st)) };
  });
  // The stop being edited is gone, or has moved up.
  const e = out.editing;
  if (item.kind !== 'stop' || e.step !== k || e.stop === null || e.stop < item.stop) return out;
  return { ...out, editing: { step: k, stop: e.stop === item.stop ? null : e.stop - 1 } };
}

/** A step may be removed when it has no commands of its own (else undo them first); the first stays. */
export function removeStep(rec: Recording, k: number): Recording {
  if (k === 0 || k >= rec.steps.length || rec.inputs.some((i) => i.step === k)) return rec;
  const steps = rec.steps.filter((_, i) => i !== k);
  const inputs = rec.inputs.map((i) => (i.step > k ? { ...i, step: i.step - 1 } : i));
  const editing = { step: Math.min(rec.editing.step, steps.length - 1), stop: null };
  return { ...rec, steps, inputs, editing };
}

/** A recorded command's script line(s): ` &` for one that ran none of its hooks; one cut short steps the hooks it ran. */
export function scriptLines(input: Pick<RecordedInput, 'text' | 'run'>): string[] {
  const parsed = parseLine(input.text);
  if (!parsed) return [];
  const natural = runAfter({ command: parsed.command, background: false });
  if (input.run === natural || parsed.command.type === 'step' || parsed.command.type === 'wait' || parsed.command.type === 'fail') return [input.text];
  if (!input.text.startsWith('juju ')) return [input.text];
  const bg = `${input.text} &`;
  return input.run === 'none' || input.run === 0 ? [bg] : [bg, `step ${input.run === 'idle' ? 1 : input.run}`];
}

/** Narration as the format keeps it: trimmed, lines without trailing spaces, at most one blank line between paragraphs. */
export function tidyNarration(text: string): string {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The recording as a tutorial; `problems` says what would not play or could not be written (a bundle's two versions of a file). */
export function recordingTutorial(rec: Recording): { tutorial: Tutorial; problems: string[] } {
  const problems: string[] = [];
  const files = new Map<string, string>();
  for (const input of [...rec.setup, ...rec.inputs]) {
    for (const [path, text] of Object.entries(input.files ?? {})) {
      const had = files.get(path);
      if (had !== undefined && had !== text) problems.push(`two different files called ${path}: a tutorial carries one (the first is kept)`);
      else files.set(path, text.endsWith('\n') ? text : `${text}\n`);
    }
  }
  const steps: Step[] = rec.steps.map((s, k) => {
    const run = rec.inputs.filter((i) => i.step === k).flatMap(scriptLines);
    const stops: Stop[] = s.stops.map((st) => ({ after: st.after, say: tidyNarration(st.say), ...(st.highlight.length > 0 ? { highlight: st.highlight } : {}) }));
    return {
      title: s.title.trim() === '' ? `Step ${k + 1}` : s.title.trim().replace(/\s+/g, ' '),
      say: tidyNarration(s.say),
      ...(run.length > 0 ? { run } : {}),
      ...(stops.length > 0 ? { stops } : {}),
      ...(s.highlight.length > 0 ? { highlight: s.highlight } : {}),
      ...(s.select ? { select: s.select } : {}),
    };
  });
  const setup = rec.setup.flatMap(scriptLines);
  const tutorial: Tutorial = {
    id: rec.id,
    title: rec.title.trim().replace(/\s+/g, ' ') || 'My tutorial',
    summary: rec.summary.trim().replace(/\s+/g, ' ') || rec.title.trim().replace(/\s+/g, ' ') || 'My tutorial',
    seed: rec.seed,
    juju: rec.juju,
    ...(setup.length > 0 ? { setup } : {}),
    ...(files.size > 0 ? { files: Object.fromEntries(files) } : {}),
    steps,
  };
  return { tutorial, problems };
}

/** The recording as a document, or what keeps it from being written. */
export function recordingDocument(rec: Recording): { text: string; problems: string[] } | { text: null; problems: string[] } {
  const { tutorial, problems } = recordingTutorial(rec);
  try {
    return { text: writeTutorialDocument(tutorial), problems };
  } catch (e) {
    if (e instanceof TypeError) return { text: null, problems: [...problems, e.message] };
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Saving and reading back

/** The recording as saved: the current shape, targets and stops in their document text. */
export function serializeRecording(rec: Recording): string {
  const stopOut = (s: RecordedStop) => ({ after: afterText(s.after), say: s.say, highlight: s.highlight.map(targetText) });
  return JSON.stringify({
    kind: 'relviz-recording',
    version: RECORDING_VERSION,
    ...rec,
    steps: rec.steps.map((s) => ({ ...s, highlight: s.highlight.map(targetText), stops: s.stops.map(stopOut) })),
  });
}

/** A stop's hook as the document writes it: `<unit> <hook> [nth]`. */
export function afterText(m: HookMatch): string {
  return [m.unit, m.hook, m.nth === undefined ? undefined : String(m.nth)].filter((x) => x !== undefined).join(' ');
}

export class RecordingError extends Error {
  override name = 'RecordingError';
}

const MAX_TEXT = 64 * 1024;

function str(x: unknown, what: string, max = MAX_TEXT): string {
  if (typeof x !== 'string' || x.length > max) throw new RecordingError(`${what}: expected text`);
  return x;
}

function list(x: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(x) || x.length > max) throw new RecordingError(`${what}: expected a list of at most ${max}`);
  return x;
}

function obj(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new RecordingError(`${what}: expected an object`);
  return x as Record<string, unknown>;
}

function targets(x: unknown, what: string): Target[] {
  return list(x, what, LIMITS.targets).map((t) => {
    const parsed = parseTarget(str(t, what, 200));
    if (typeof parsed === 'string') throw new RecordingError(`${what}: ${parsed}`);
    return parsed;
  });
}

function input(x: unknown, what: string, steps: number): RecordedInput {
  const o = obj(x, what);
  const text = str(o['text'], what, 4 * 1024 * 1024);
  let parsed;
  try {
    parsed = parseLine(text);
  } catch (e) {
    if (e instanceof ScriptSyntaxError) throw new RecordingError(`${what}: ${e.problem}`);
    throw e;
  }
  if (parsed === null) throw new RecordingError(`${what}: an empty command`);
  const run = o['run'];
  if (!(run === 'idle' || run === 'none' || (typeof run === 'number' && Number.isInteger(run) && run >= 0 && run <= 1e7))) throw new RecordingError(`${what}: a bad run`);
  const step = o['step'] ?? 0;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= steps) throw new RecordingError(`${what}: a bad step`);
  let files: Record<string, string> | undefined;
  if (o['files'] !== undefined) {
    const f = obj(o['files'], what);
    if (Object.keys(f).length > LIMITS.files) throw new RecordingError(`${what}: too many files`);
    files = Object.fromEntries(Object.entries(f).map(([k, v]) => [str(k, what, 300), str(v, what, LIMITS.bytes)]));
  }
  return { text, run, step, ...(files ? { files } : {}) };
}

/**
 * A saved recording, checked (a hand edit or another relviz's may not fit): throws
 * RecordingError saying what is wrong. Parsing runs the console's parser on each
 * line and the document's on each target and stop, so all it holds plays as recorded.
 */
export function readRecording(text: string): Recording {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RecordingError('not JSON');
  }
  const o = obj(raw, 'the recording');
  if (o['kind'] !== 'relviz-recording') throw new RecordingError('not a relviz recording');
  if (o['version'] !== RECORDING_VERSION) throw new RecordingError(`a recording of version ${String(o['version']).slice(0, 20)}, which this relviz does not read`);
  const seed = o['seed'];
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RecordingError('a bad seed');
  const juju = o['juju'];
  if (juju !== '3.6' && juju !== '4.0') throw new RecordingError('a bad Juju version');
  const steps: RecordedStep[] = list(o['steps'], 'steps', LIMITS.steps).map((x, k) => {
    const s = obj(x, `step ${k + 1}`);
    const stops = list(s['stops'], `step ${k + 1} stops`, LIMITS.stops).map((y, j) => {
      const st = obj(y, `step ${k + 1} stop ${j + 1}`);
      const after = parseAfter(str(st['after'], `step ${k + 1} stop ${j + 1}`, 300));
      if (typeof after === 'string') throw new RecordingError(`step ${k + 1} stop ${j + 1}: ${after}`);
      return { after, say: str(st['say'], `step ${k + 1} stop ${j + 1}`), highlight: targets(st['highlight'], `step ${k + 1} stop ${j + 1}`) };
    });
    let select: RecordedStep['select'];
    if (s['select'] !== undefined) {
      const rel = list(obj(s['select'], `step ${k + 1} select`)['relation'], `step ${k + 1} select`, 2).map((a) => str(a, `step ${k + 1} select`, 64));
      if (rel.length !== 2) throw new RecordingError(`step ${k + 1}: a bad select`);
      select = { relation: [rel[0] as string, rel[1] as string] };
    }
    return { title: str(s['title'], `step ${k + 1} title`, 300), say: str(s['say'], `step ${k + 1}`), highlight: targets(s['highlight'], `step ${k + 1}`), stops, ...(select ? { select } : {}) };
  });
  if (steps.length === 0) throw new RecordingError('no steps');
  const setup = list(o['setup'], 'the starting model', LIMITS.scriptLines).map((x, i) => {
    const { step: _, ...rest } = input(x, `starting model command ${i + 1}`, 1);
    return rest;
  });
  const inputs = list(o['inputs'], 'commands', LIMITS.scriptLines).map((x, i) => input(x, `command ${i + 1}`, steps.length));
  if (inputs.some((x, i) => i > 0 && x.step < (inputs[i - 1] as RecordedInput).step)) throw new RecordingError('commands out of their steps’ order');
  const e = obj(o['editing'], 'editing');
  const eStep = typeof e['step'] === 'number' && Number.isInteger(e['step']) && e['step'] >= 0 && e['step'] < steps.length ? e['step'] : steps.length - 1;
  const eStop = typeof e['stop'] === 'number' && (steps[eStep] as RecordedStep).stops[e['stop']] ? e['stop'] : null;
  return {
    id: idFromTitle(str(o['title'], 'title', 300)),
    title: str(o['title'], 'title', 300),
    summary: str(o['summary'], 'summary', 1000),
    seed,
    juju,
    setup,
    inputs,
    steps,
    editing: { step: eStep, stop: eStop },
    previewing: o['previewing'] === true,
  };
}
