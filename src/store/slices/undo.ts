/**
 * The undo slice: undo and redo as one travel through the session's history
 * (src/store/undo.ts), the notices that say what just happened with the action that
 * reverses it, and problems with saving (src/store/persist.ts).
 */
import type { Notice, StoreOptions, UndoActions, UndoState } from '../state.ts';
import { pushed, redone, undone } from '../undo.ts';
import { plural } from '../../io/plural.ts';
import type { SliceArgs, UndoServices } from './core.ts';

export function undoServices({ set, get, core }: SliceArgs): UndoServices {
  const remember: UndoServices['remember'] = (text) => {
    // A label is for a button's title: a pasted 3 MB value is not.
    const label = text.length > 80 ? `${text.slice(0, 79)}…` : text;
    core.history = pushed(core.history, { session: get().exportSession(), label });
    set({ undoLabel: label, redoLabel: null });
  };
  const say: UndoServices['say'] = (text, action = null) => set({ notice: { id: ++core.notices, text, action } });
  return {
    remember,
    say,
    restore(snap) {
      core.pristine = false;
      set({ playing: false, selection: null, viewAsUnit: null, inspectedSeq: null, positions: snap.positions, error: null, stops: [] });
      core.rebuild(snap.seed, snap.juju, snap.inputs, snap.cursor, (t) => core.attach(snap.tutorial ?? null, t));
    },
    replacing(label, did) {
      const had = get().inputs.length;
      const custom = had > 0 && get().tutorial === null && !core.pristine;
      remember(label);
      if (custom) say(`${did}; your model (${plural(had, 'command')}) is one Undo away.`, 'undo');
    },
    forgetBeforeTutorial() {
      core.beforeTutorial = null;
      core.history = { ...core.history, beforeTutorial: null };
    },
  };
}

export function undoSlice({ set, get, core }: SliceArgs, opts: Pick<StoreOptions, 'notice' | 'saving'>): UndoState & UndoActions {
  /** Undo or redo: the session `move` gives back replaces the model, and the notice offers the way back. */
  const travel = (move: typeof undone, did: string, back: Notice['action']) => {
    if (core.job && get().busy?.stoppable === false) return;
    const step = move(core.history, get().exportSession());
    if (!step) return;
    core.history = step.history;
    core.beforeTutorial = core.history.beforeTutorial ?? null;
    set({ undoLabel: core.history.past.at(-1)?.label ?? null, redoLabel: core.history.future[0]?.label ?? null });
    core.restore(step.entry.session);
    core.say(`${did} ${step.entry.label}.`, back);
  };
  return {
    undoLabel: core.history.past.at(-1)?.label ?? null,
    redoLabel: core.history.future[0]?.label ?? null,
    notice: opts.notice ? { ...opts.notice, id: ++core.notices } : null,
    saving: opts.saving ?? null,

    undo() {
      travel(undone, 'Undid', 'redo');
    },
    redo() {
      travel(redone, 'Redid', 'undo');
    },
    dismissNotice() {
      set({ notice: null });
    },
    setSaving(note) {
      set({ saving: note });
    },
    exportHistory() {
      return { ...core.history, beforeTutorial: core.beforeTutorial };
    },
  };
}
