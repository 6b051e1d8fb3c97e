/**
 * The rerun slice: re-running the model with an application's code edited, from the
 * cursor or from the start, keeping what the previous run did to show what changed
 * between the two (io/runDiff.ts). Undo brings the previous history back. The action
 * itself (store/rerunWithCode.ts) loads with the first re-run.
 */
import type { RerunActions, RerunState } from '../state.ts';
import type { SliceArgs } from './core.ts';

export function rerunSlice(args: SliceArgs): RerunState & RerunActions {
  return {
    rerun: null,

    async rerunWithCode(app, files, from) {
      const { rerunWithCode } = await import('../rerunWithCode.ts');
      return rerunWithCode(args, app, files, from);
    },

    dismissRerun() {
      args.set({ rerun: null });
    },
  };
}
