/** The selection slice: what is looked at — the selected item, whose permissions the databags show, the inspected hook. */
import type { SelectionActions, SelectionState } from '../state.ts';
import type { SliceArgs } from './core.ts';

export function selectionSlice({ set }: SliceArgs): SelectionState & SelectionActions {
  return {
    selection: null,
    viewAsUnit: null,
    inspectedSeq: null,

    select(selection) {
      set({ selection });
    },
    setViewAsUnit(unit) {
      set({ viewAsUnit: unit });
    },
    inspect(seq) {
      set({ inspectedSeq: seq });
    },
  };
}
