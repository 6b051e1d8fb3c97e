/**
 * The rerun slice's action itself (slices/rerun.ts loads it with the first re-run, with
 * the diff: none of it is in the page's first load). Re-runs the model with `app`'s
 * code replaced by `files`, from the cursor (the history forks there: `set-code`, then
 * the inputs that came after it) or from the start (its deploy carries the files),
 * keeping the previous run's snapshot to show what changed (io/runDiff.ts).
 */
import { formatCommand } from '../engine/commands.ts';
import { diffRuns, runSnapshot } from '../io/runDiff.ts';
import { forkInputs } from './forkInputs.ts';
import { deployIndex, withDeployFiles } from './rerun.ts';
import type { SessionInput } from './session.ts';
import type { SliceArgs } from './slices/core.ts';

export function rerunWithCode({ set, get, core }: SliceArgs, app: string, files: Readonly<Record<string, string>>, from: 'cursor' | 'start'): string | null {
  const s = get();
  if (core.job) return `ERROR the hooks of "${s.inputs.at(-1)?.text ?? 'the last command'}" are still being computed: wait for them, or press Stop`;
  const t = s.timeline;
  const charmName = t.state.apps.get(app)?.charmName;
  const deployed = charmName === undefined ? -1 : deployIndex(s.inputs, app, charmName);
  const deploy = s.inputs[deployed]?.command;
  if (deploy?.type !== 'deploy' || deploy.charm.kind !== 'files') return `ERROR application "${app}" was not deployed from code at this tick`;
  const tick = from === 'start' ? 0 : s.cursor;
  const before = runSnapshot(t, tick);
  let inputs: SessionInput[];
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
}
