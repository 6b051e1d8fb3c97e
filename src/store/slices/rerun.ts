/**
 * The rerun slice: re-running the model with an application's code edited — from the
 * cursor (the history forks there: `relviz set-code`, then the inputs that came after
 * re-applied) or from the start (the deploy carries the new files) — keeping what the
 * previous run did, to show what changed between the two (io/runDiff.ts). Undo brings
 * the previous history back. The diff's code loads with the first re-run.
 */
import { formatCommand } from '../../engine/commands.ts';
import { forkInputs } from '../forkInputs.ts';
import type { RerunActions, RerunState } from '../state.ts';
import type { SliceArgs } from './core.ts';

export function rerunSlice({ set, get, core }: SliceArgs): RerunState & RerunActions {
  return {
    rerun: null,

    async rerunWithCode(app, files, from) {
      const [{ diffRuns, runSnapshot }, { deployIndex, withDeployFiles }] = await Promise.all([import('../../io/runDiff.ts'), import('../rerun.ts')]);
      const s = get();
      if (core.job) return `ERROR the hooks of "${s.inputs.at(-1)?.text ?? 'the last command'}" are still being computed: wait for them, or press Stop`;
      const t = s.timeline;
      const charmName = t.state.apps.get(app)?.charmName;
      const deployed = charmName === undefined ? -1 : deployIndex(s.inputs, app, charmName);
      const deploy = s.inputs[deployed]?.command;
      if (deploy?.type !== 'deploy' || deploy.charm.kind !== 'files') return `ERROR application "${app}" was not deployed from code at this tick`;
      const tick = from === 'start' ? 0 : s.cursor;
      const before = runSnapshot(t, tick);
      let inputs;
      if (from === 'start') inputs = withDeployFiles(s.inputs, deployed, app, files);
      else {
        const { kept, cutRest, after } = forkInputs(t, s.inputs);
        const command = { type: 'set-code', app, path: deploy.charm.path, files } as const;
        inputs = [...kept, { command, text: formatCommand(command), run: cutRest ?? 'none' }, ...after];
      }
      core.remember(`re-running ${app} with its code edited`);
      core.pristine = false;
      set({ playing: false, inspectedSeq: null, rerun: { app, from, tick, before, diff: null, generation: get().generation + 1 } });
      core.rebuild(s.seed, s.juju, inputs, s.cursor, (nt) => {
        const r = get().rerun;
        if (r && r.generation === get().generation) set({ rerun: { ...r, diff: diffRuns(r.before, runSnapshot(nt, r.tick)) } });
      });
      core.say(`Re-ran the model with ${app}’s code edited, from ${from === 'start' ? 'the start' : `tick ${tick.toLocaleString('en')}`}. Undo brings the previous run back.`, 'undo');
      return null;
    },

    dismissRerun() {
      set({ rerun: null });
    },
  };
}
