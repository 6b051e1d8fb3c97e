/**
 * The model slice: the engine timeline and the session it is built from (commands,
 * seed, Juju version, layout, the files at hand), applying commands at the cursor and
 * rebuilding the history from a command log, with long runs computed by the runner.
 */
import { cloneState, fingerprint } from '../../engine/clone.ts';
import { applyCommand, formatCommand, type CommandResult } from '../../engine/commands.ts';
import type { JujuVersion, SimState } from '../../engine/model.ts';
import { MAX_HOOKS_PER_COMMAND, Timeline, commandTicks, defaultRun } from '../../engine/timeline.ts';
import { createState, runsCode } from '../../engine/sim.ts';
import { carriesCode, pythonHost } from '../../engine/python.ts';
import { fromAnnotations } from '../annotations.ts';
import { forkInputs } from '../forkInputs.ts';
import { parseScriptInputs } from '../scriptInputs.ts';
import { IN_PLACE_HOOKS } from '../runner.ts';
import { sharedInputs, type SessionInput, type SessionV1 } from '../session.ts';
import type { ModelActions, ModelState } from '../state.ts';
import { deriveView } from '../view.ts';
import { plural } from '../../io/plural.ts';
import type { ModelServices, SliceArgs } from './core.ts';

/** How often progress of a long run is published (the scrubber and the busy indicator follow it). */
const PROGRESS_MS = 250;

/** Where a script's applications are deployed and settled: just before its first relation (its end if none). */
export function deployedTick(t: Timeline): number {
  const i = t.log.entries.findIndex((e) => e.command.type === 'integrate');
  return i < 0 ? t.length : t.entryStartTick(i);
}

/** Most hooks an input runs after its command. */
function runLimit(run: SessionInput['run']): number {
  return run === 'idle' ? MAX_HOOKS_PER_COMMAND : run === 'none' ? 0 : run;
}

/**
 * Applies an input, running at most one chunk of its hooks here (IN_PLACE_HOOKS, and
 * no longer than the task's budget); returns how many more it may run (0: it is
 * complete), for a runner to compute elsewhere. `room`: ticks the history has left.
 */
function applyInput(t: Timeline, input: SessionInput, o: { room: number; outOfTime: () => boolean }): { result: CommandResult; rest: number } {
  const { command } = input;
  const limit = Math.min(runLimit(input.run), Math.max(0, o.room - commandTicks(command)));
  // Charm code runs in the runner (the engine worker, which has Python), never here: the page replays its hooks from their records.
  const inPlace = pythonHost() === null && (runsCode(t.state) || carriesCode(command)) ? 0 : IN_PLACE_HOOKS;
  const result = t.apply(command, { text: input.text, run: input.run, max: Math.min(inPlace, limit), outOfTime: o.outOfTime });
  const ran = t.lastEntryHooks;
  // Done for good: a refused step runs nothing; a manual step ends when its unit has nothing left.
  const finished =
    (command.type === 'step' && (result.exitCode !== 0 || (command.unit !== null && !t.state.readyIndex.has(command.unit)))) || !t.endHasWork;
  return { result, rest: ran < limit && !finished ? limit - ran : 0 };
}

/**
 * What a finished run says about how it ended: for a command that waited until idle,
 * the automatic retries it stopped waiting for or the limit it reached
 * (Timeline.endNote); the history's own limit; '' otherwise.
 */
function runNote(t: Timeline, run: SessionInput['run'], maxTicks: number): string {
  if (t.length >= maxTicks && t.endHasWork) {
    return `relviz stopped this run at ${maxTicks.toLocaleString('en')} ticks, its limit of history in the page (memory); the CLI (npm run sim) has none.`;
  }
  return run === 'idle' && !t.endHasWork ? t.endNote.trim() : '';
}

/** The inputs with the last one's run fixed to the hooks it actually ran (a run cut short). */
function withLastRun(inputs: readonly SessionInput[], hooks: number): SessionInput[] {
  const out = [...inputs];
  const last = out[out.length - 1];
  if (last) out[out.length - 1] = { ...last, run: hooks };
  return out;
}

/** The bundle's gui-x/gui-y, as the model keeps them once deployed, place the applications not placed yet. */
function placed(positions: SessionV1['positions'], model: SimState): SessionV1['positions'] {
  const out = { ...positions };
  for (const [app, p] of Object.entries(fromAnnotations(Object.fromEntries(model.annotations)))) if (!out[app]) out[app] = p;
  return out;
}

export function modelServices({ set, get, core }: SliceArgs): ModelServices {
  const sync: ModelServices['sync'] = (extra = {}) => {
    const t = get().timeline;
    // Moving the cursor makes the inspector follow it again (callers that jump to a hook inspect it after).
    const moved = t.cursor !== get().cursor ? { inspectedSeq: null } : {};
    set({ cursor: t.cursor, length: t.length, view: deriveView(t.state, get().view), ...moved, ...extra });
  };

  /**
   * Has the runner compute up to `limit` more hooks for the timeline's last entry,
   * adopting its chunks as they come and publishing progress; `then` runs once the
   * run is complete. `inputsSoFar` are the inputs up to this run's, which become the
   * session's if the run is cut short.
   */
  const runRest = (t: Timeline, limit: number, opts: { stoppable: boolean; inputsSoFar: () => readonly SessionInput[]; then: () => void }) => {
    const { stoppable, then } = opts;
    const start = t.runStart(limit);
    if (!start) return then();
    let hooks = 0;
    let published = 0;
    set({ busy: { hooks, stoppable } });
    const inputsIfCut = () => withLastRun(opts.inputsSoFar(), t.lastEntryHooks);
    core.job = {
      stoppable,
      inputsIfCut,
      cancel: core.runner.start(start, {
        chunk(chunk) {
          t.adopt(chunk);
          hooks += chunk.hooks;
          if (chunk.done) {
            core.job = null;
            set({ length: t.length });
            then();
            // (A rebuild goes on with its next input: still busy until it is all done.)
            if (core.job === null) set({ busy: null });
            return;
          }
          const now = Date.now();
          if (now - published >= PROGRESS_MS) {
            published = now;
            set({ busy: { hooks, stoppable }, length: t.length });
          }
        },
        python(status, detail) {
          set({ python: { status, detail } });
        },
        fail(message) {
          // Keep what was computed, and say so; the input now records the hooks the history has.
          core.job = null;
          set({ busy: null, length: t.length, inputs: inputsIfCut(), error: `ERROR computing hooks failed after ${hooks.toLocaleString('en')}: ${message}` });
        },
      }),
    };
  };

  const applyAt: ModelServices['applyAt'] = (command, text, run, inputsSoFar, o) => {
    const s = get();
    const { maxTicks } = core;
    if (core.job && s.busy) {
      // The last command's hooks are not all known yet: the next command would act on a model we do not have.
      const stderr = `ERROR the hooks of "${s.inputs.at(-1)?.text ?? 'the last command'}" are still being computed (${s.busy.hooks.toLocaleString('en')} so far): wait for them, or press Stop`;
      set({ error: stderr });
      return { exitCode: 1, stdout: '', stderr: `${stderr}\n` };
    }
    const t = s.timeline;
    // Still watching the last command's hooks play out? Then the next command comes
    // after them, as on the command line. Only a cursor moved back before the last
    // command forks the history.
    const last = t.log.entries.length - 1;
    if (last >= 0 && t.cursor > t.entryStartTick(last)) t.seek(t.length);
    if (t.cursor >= maxTicks) {
      t.seek(s.cursor);
      const stderr = `ERROR the history is full: relviz keeps at most ${maxTicks.toLocaleString('en')} ticks in the page (its limit of history, for memory); rewind to act earlier, or start a New model`;
      set({ error: stderr, playing: false });
      return { exitCode: 1, stdout: '', stderr: `${stderr}\n` };
    }
    // A refusal that changes nothing stays out of the history (and does not fork it):
    // try it on a copy first.
    if (command.type !== 'step' && command.type !== 'wait') {
      const probe = cloneState(t.state);
      const before = fingerprint(probe);
      const tried = applyCommand(probe, command, null, text);
      if (tried.exitCode !== 0 && fingerprint(probe) === before) {
        // Nothing happened: the timeline goes back to the tick on screen.
        t.seek(s.cursor);
        set({ error: tried.stderr.trim() || `ERROR ${text} failed` });
        return tried;
      }
    }
    // Acting in the past forks: the inputs after the cursor are dropped with the future.
    const { kept } = forkInputs(t, inputsSoFar);
    const start = t.cursor;
    const dropped = t.length - start;
    if (o.record) {
      core.remember(text);
      core.pristine = false;
    }
    const input: SessionInput = { command, text, run };
    // The first chunk of hooks runs now (within the task's budget); a long run goes on in the runner.
    const { result, rest } = applyInput(t, input, { room: maxTicks - t.cursor, outOfTime: core.budget() });
    if (dropped > 0 && o.record) {
      const lost = inputsSoFar.slice(kept.length);
      const what = lost.length > 0 ? ` (${plural(lost.length, 'command')}: ${lost.slice(0, 2).map((i) => `“${i.text}”`).join(', ')}${lost.length > 2 ? ', …' : ''})` : '';
      core.say(`“${text}” at tick ${start.toLocaleString('en')} replaced the ${plural(dropped, 'tick')} that came after it${what}. Undo brings them back.`, 'undo');
    }
    // Show the model change, then let the hooks play.
    t.seek(Math.min(start + 1, t.length));
    sync({ revision: s.revision + 1, inputs: [...kept, input], error: result.exitCode === 0 ? null : result.stderr.trim() || s.error });
    // One's own command in a tutorial: from here on the history is not the tutorial's.
    if (s.tutorial) set({ offPath: true, stops: s.stops.filter((tick) => tick <= start) });
    const noted = () => {
      const note = runNote(t, run, maxTicks);
      if (note !== '') o.onNote?.(note);
    };
    if (rest > 0) runRest(t, rest, { stoppable: true, inputsSoFar: () => get().inputs, then: noted });
    else noted();
    return result;
  };

  const applyAndPlay: ModelServices['applyAndPlay'] = (command, o, onNote) => {
    // In manual mode nothing runs by itself: the user picks every hook.
    const run = get().manual && command.type !== 'step' ? 'none' : (o.run ?? defaultRun(command));
    const revision = get().revision;
    const result = applyAt(command, o.text ?? formatCommand(command), run, get().inputs, { record: true, ...(onNote ? { onNote } : {}) });
    // Play the hooks the command caused (not when it was refused and nothing changed).
    if (get().revision !== revision) set((s) => ({ playing: s.cursor < s.length && !s.manual }));
    return result;
  };

  /**
   * Replaces the timeline by one built from `inputs`. A history with the same seed
   * and version that shares its first commands keeps them and recomputes only the
   * rest (undo and redo are then instant). Work is done in tasks of at most the
   * budget: between inputs the rest waits for the next task, and long runs go to
   * the runner, so opening any session leaves the page responsive.
   */
  const rebuild: ModelServices['rebuild'] = (seedOf, jujuOf, inputsOf, cursor, then, o = {}) => {
    const was = get();
    const reusable = core.job === null && was.seed === seedOf && was.juju === jujuOf;
    cancelJob({ core, get, set });
    let t: Timeline;
    if (reusable) {
      t = was.timeline;
      const k = sharedInputs(was.inputs, inputsOf);
      if (k < t.log.entries.length) t.truncate(t.entryStartTick(k));
    } else t = new Timeline({ seed: seedOf, juju: jujuOf });
    set({ timeline: t, seed: seedOf, juju: jujuOf, inputs: inputsOf, revision: get().revision + 1, generation: get().generation + 1 });
    let i = t.log.entries.length;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = (): void => {
      const outOfTime = o.unbudgeted ? () => false : core.budget();
      const first = i;
      while (i < inputsOf.length) {
        // (At least one input per task, so the rebuild always moves on.)
        if (i > first && outOfTime()) {
          // This task has had its share: the next inputs come in the next one.
          set({ busy: { hooks: t.length, stoppable: false } });
          core.job = { stoppable: false, inputsIfCut: () => inputsOf.slice(0, i), cancel: () => clearTimeout(timer) };
          timer = setTimeout(() => {
            core.job = null;
            next();
          }, 0);
          return;
        }
        t.seek(t.length);
        const { rest } = applyInput(t, inputsOf[i++] as SessionInput, { room: core.maxTicks - t.length, outOfTime });
        if (rest > 0) {
          sync();
          const upTo = i;
          runRest(t, rest, { stoppable: false, inputsSoFar: () => inputsOf.slice(0, upTo), then: next });
          return;
        }
      }
      if (get().busy) set({ busy: null });
      t.seek(Math.min(typeof cursor === 'number' ? cursor : cursor(t), t.length));
      sync();
      then?.(t);
    };
    next();
  };

  return { sync, applyAt, applyAndPlay, rebuild };
}

/** Stops the run being computed, if any. */
function cancelJob({ core, get, set }: SliceArgs): void {
  core.job?.cancel();
  core.job = null;
  if (get().busy) set({ busy: null });
}

/** Where the model slice starts. */
export interface ModelStart {
  readonly seed: number;
  readonly juju: JujuVersion;
  readonly inputs: readonly SessionInput[];
  readonly positions: SessionV1['positions'];
  readonly files: Readonly<Record<string, string>>;
  readonly error: string | null;
}

export function modelSlice(args: SliceArgs, start: ModelStart): ModelState & ModelActions {
  const { set, get, core } = args;
  const timeline = new Timeline({ seed: start.seed, juju: start.juju });
  return {
    timeline,
    revision: 0,
    generation: 0,
    cursor: timeline.cursor,
    length: timeline.length,
    view: deriveView(timeline.state),
    seed: start.seed,
    juju: start.juju,
    inputs: start.inputs,
    positions: start.positions,
    openedFiles: start.files,
    error: start.error,
    busy: null,
    python: { status: 'idle', detail: '' },

    apply(command, o = {}) {
      return core.applyAndPlay(command, o);
    },

    setSeed(newSeed) {
      const s = get();
      if (newSeed === s.seed) return;
      core.remember(`seed ${newSeed}`);
      core.pristine = false;
      // Another history: a tutorial step's stops are found again in it (or dropped).
      core.rebuild(newSeed, s.juju, s.inputs, s.cursor, (t) => core.attach(get().tutorial, t));
    },

    setJuju(v) {
      const s = get();
      if (v === s.juju) return;
      core.remember(`Juju ${v}`);
      core.pristine = false;
      core.rebuild(s.seed, v, s.inputs, s.cursor, (t) => core.attach(get().tutorial, t));
    },

    setPosition(app, pos) {
      const was = get().positions[app];
      if (was && was.x === pos.x && was.y === pos.y) return;
      core.remember(`moving ${app}`);
      core.pristine = false;
      set((s) => ({ positions: { ...s.positions, [app]: pos } }));
    },

    dismissError() {
      set({ error: null });
    },

    showError(text) {
      set({ error: text });
    },

    stop() {
      if (!core.job?.stoppable) return;
      const inputsNow = core.job.inputsIfCut();
      cancelJob(args);
      set({ inputs: inputsNow, length: get().timeline.length });
    },

    reset() {
      const s = get();
      core.replacing('New', 'Started a new, empty model');
      core.pristine = true;
      core.forgetBeforeTutorial();
      set({ playing: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: {}, consoleLog: [], error: null, tutorial: null, stops: [] });
      core.rebuild(s.seed, s.juju, [], 0);
    },

    openBundle(command, o) {
      const files = { ...get().openedFiles, ...command.files };
      const text = formatCommand(command);
      if (o.mode === 'add') {
        const before = get().revision;
        const result = core.applyAndPlay(command, { text });
        if (get().revision !== before && result.exitCode === 0) set((s) => ({ positions: placed(s.positions, s.timeline.state), openedFiles: files }));
        return result;
      }
      // As a new model: tried first on an empty one, so a refused bundle replaces nothing.
      const s = get();
      const scratch = createState({ seed: s.seed, juju: s.juju });
      const trial = applyCommand(scratch, command, null, text);
      if (trial.exitCode !== 0) {
        set({ error: trial.stderr.trim() });
        return trial;
      }
      core.replacing(`opening ${o.label ?? 'a bundle'}`, `Opened ${o.label ?? 'a bundle'}`);
      core.pristine = false;
      core.forgetBeforeTutorial();
      set({ playing: false, manual: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: placed({}, scratch), openedFiles: files, error: null, tutorial: null, stops: [] });
      // The applications appear at once; then their hooks play.
      core.rebuild(s.seed, s.juju, [{ command, text, run: 'idle' }], (t) => Math.min(1, t.length), () => set({ playing: get().length > 1 }));
      return trial;
    },

    loadScript(text, o = {}) {
      const s = get();
      const loaded = parseScriptInputs(text, get().openedFiles);
      const what = o.label ?? 'a script';
      core.replacing(`opening ${what}`, `Opened ${what}`);
      core.pristine = true;
      core.forgetBeforeTutorial();
      set({ playing: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: {}, error: null, tutorial: null, stops: [] });
      core.rebuild(s.seed, s.juju, loaded, o.at === 'deployed' ? deployedTick : 0, undefined, { unbudgeted: o.trusted === true });
    },

    exportSession() {
      const s = get();
      return { kind: 'relviz-session', version: 1, seed: s.seed, juju: s.juju, inputs: s.inputs, cursor: s.cursor, positions: s.positions, ...(s.tutorial ? { tutorial: s.tutorial } : {}) };
    },
  };
}
