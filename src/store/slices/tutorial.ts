/**
 * The tutorial slice: the tutorial being followed and its step, rebuilt exactly from
 * its commands; the stops where playback pauses to explain (found again in any history
 * that follows the tutorial's path); the history view a step asks for.
 */
import type { Timeline } from '../../engine/timeline.ts';
import { TutorialError, compileTutorial, planStep, stepStartTick, stopTicks, type Step } from '../../teaching/tutorial.ts';
import { documentReader, isDocumentId, loadTutorials, tutorialById, tutorialSource, tutorialsLoaded, type DocumentReader } from '../../teaching/tutorials/registry.ts';
import type { TutorialActions, TutorialPlace, TutorialState } from '../state.ts';
import type { SliceArgs, TutorialServices } from './core.ts';

/** The id of the newest relation between two applications at the end of the history (null: none ever). */
function latestRelation(t: Timeline, apps: readonly [string, string]): number | null {
  const [a, b] = apps;
  let found: number | null = null;
  for (const r of t.fullTrace) {
    // Relation ids appear on the hooks that run in them; the newest id wins.
    if (r.type !== 'hook' || r.relationId === null || (found !== null && r.relationId <= found)) continue;
    const own = r.unit.slice(0, r.unit.lastIndexOf('/'));
    // (A peer relation is the one whose remote application is the unit's own: a === b.)
    if ((own === a && r.remoteApp === b) || (own === b && r.remoteApp === a)) found = r.relationId;
  }
  return found;
}

/**
 * In the page, the tutorials' steps are fetched the first time they are needed
 * (registry.ts): `then` runs once they are here, or the error banner says why not.
 */
function withTutorials({ set }: SliceArgs, then: () => void): void {
  loadTutorials().then(then, (e: unknown) => set({ error: `ERROR the tutorials could not be loaded (${String(e)}); try again` }));
}

export function tutorialServices(args: SliceArgs): TutorialServices {
  const { set, get } = args;
  return {
    /**
     * Puts the tutorial step's stops on the timeline `t` (built from the tutorial's
     * commands, or from a session that followed them). A history that left the
     * tutorial's path keeps the narration but has no stops.
     */
    attach(place, t) {
      if (place && !tutorialsLoaded()) {
        // Once the steps are here, unless the history has been rebuilt meanwhile.
        const generation = get().generation;
        withTutorials(args, () => {
          if (get().generation === generation && get().timeline === t) args.core.attach(place, t);
        });
        return;
      }
      if (place && isDocumentId(place.id)) {
        // Its document registered (read again if need be), or why not: the model is the session's own and stays.
        const resolved = (documentReader() as DocumentReader).resolve(place);
        if (typeof resolved === 'string') {
          set({ tutorial: null, stops: [], stepStart: 0, offPath: false, error: resolved });
          return;
        }
        place = resolved;
      }
      const tut = place ? tutorialById(place.id) : undefined;
      const def = tut?.steps[place?.step ?? -1];
      if (!place || !tut || !def) {
        set({ tutorial: null, stops: [], stepStart: 0, offPath: false });
        return;
      }
      const plan = planStep(compileTutorial(tut), place.step);
      const inputsNow = get().inputs;
      const sameCommands = plan.inputs.every((input, i) => inputsNow[i]?.text === input.text);
      const sameWorld = get().seed === tut.seed && get().juju === tut.juju;
      const stepStart = sameCommands ? stepStartTick(t, plan) : 0;
      let stops: number[] = [];
      let found = sameCommands && sameWorld;
      if (found) {
        try {
          stops = stopTicks(t, def.stops ?? [], stepStart);
        } catch (e) {
          if (!(e instanceof TutorialError)) throw e;
          found = false;
        }
      }
      set({ tutorial: place, stops, stepStart, offPath: !found, ...(def.panel ? { historyView: def.panel } : {}) });
    },
  };
}

export function tutorialSlice(args: SliceArgs): TutorialState & TutorialActions {
  const { set, get, core } = args;
  return {
    tutorial: null,
    stops: [],
    stepStart: 0,
    offPath: false,
    historyView: 'swimlanes',

    openTutorial(id, step = 0) {
      if (!tutorialsLoaded()) {
        withTutorials(args, () => get().openTutorial(id, step));
        return;
      }
      const tut = tutorialById(id);
      if (!tut) {
        set({ error: `ERROR no tutorial called "${id}"` });
        return;
      }
      const k = Math.max(0, Math.min(Math.floor(step), tut.steps.length - 1));
      const def = tut.steps[k] as Step;
      const plan = planStep(compileTutorial(tut), k);
      const source = tutorialSource(id);
      const place: TutorialPlace = { id, step: k, ...(source ? { document: source } : {}) };
      const from = get();
      if (from.tutorial === null) {
        // Leaving the tutorial brings back what the user had.
        core.beforeTutorial = from.exportSession();
        core.history = { ...core.history, beforeTutorial: core.beforeTutorial };
        core.replacing(`opening the tutorial “${tut.title}”`, `Opened the tutorial “${tut.title}”, and leaving it brings your model back`);
      } else core.remember(from.tutorial.id === id ? `step ${from.tutorial.step + 1} of the tutorial` : `the tutorial "${from.tutorial.id}"`);
      set({ playing: false, manual: false, selection: null, viewAsUnit: def.viewAs ?? null, inspectedSeq: null, positions: {}, error: null, stops: [] });
      core.rebuild(
        tut.seed,
        tut.juju,
        plan.inputs,
        (t) => stepStartTick(t, plan),
        (t) => {
          core.attach(place, t);
          const select = def.select;
          if (!select) return;
          if ('unit' in select) {
            set({ selection: { kind: 'unit', name: select.unit } });
            return;
          }
          // The newest relation between the two applications, as the step's commands leave it.
          const rel = latestRelation(t, select.relation);
          if (rel !== null) set({ selection: { kind: 'relation', id: rel } });
        },
        { unbudgeted: true },
      );
    },

    openTutorialDocument(text, opts = {}) {
      const reader = documentReader();
      if (reader) return reader.open(text, opts, (id, step) => get().openTutorial(id, step));
      void loadTutorials().catch(() => undefined);
      return { ok: false, problems: [{ line: 1, message: 'the tutorial reader is loading: try again' }] };
    },

    closeTutorial() {
      const back = core.beforeTutorial;
      core.forgetBeforeTutorial();
      if (!back) {
        set({ tutorial: null, stops: [], stepStart: 0, offPath: false });
        return;
      }
      core.remember('leaving the tutorial');
      core.restore({ ...back, tutorial: null });
      core.say('Back to the model you had before the tutorial. Undo returns to the tutorial.', 'undo');
    },

    setHistoryView(view) {
      set({ historyView: view });
    },
  };
}
