/**
 * Runs Python charms in a real model for the tests and the bench: a Timeline, charms
 * deployed from their files (so the model carries their code and the engine sends their
 * hooks to the installed Python host), script lines run as the CLI runs them. The host
 * is wrapped to keep each hook's outcome and, for the budget's test, a smaller budget.
 */
import { installPython, type PyHookOutcome, type PythonHost } from '../../src/engine/python.ts';
import type { SimState } from '../../src/engine/model.ts';
import type { HookRecord, TraceRecord } from '../../src/engine/trace.ts';
import { sim } from '../helpers.ts';

export interface PyRun {
  readonly state: SimState;
  readonly trace: readonly TraceRecord[];
  /** Each Python hook's outcome, in order, with the unit and hook it was for. */
  readonly outcomes: Array<PyHookOutcome & { unit: string; hook: string }>;
  deploy(app: string, files: Record<string, string>, units?: number): void;
  /** Script lines (`juju integrate a b`, `juju remove-unit a/1`, …), each run until the model is idle. */
  run(script: string): void;
  hooks(): HookRecord[];
}

export function pyModel(host: PythonHost, opts: { seed?: number; budget?: number } = {}): PyRun {
  const outcomes: PyRun['outcomes'] = [];
  installPython({
    runHook(ctx, req) {
      const out = host.runHook(ctx, opts.budget === undefined ? req : { ...req, budget: opts.budget });
      outcomes.push({ ...out, unit: ctx.unit.name, hook: req.hook });
      return out;
    },
  });
  const s = sim(`juju model-config automatically-retry-hooks=false`, opts.seed === undefined ? {} : { seed: opts.seed });
  return {
    get state() {
      return s.timeline.state;
    },
    get trace() {
      return s.timeline.trace;
    },
    outcomes,
    deploy(app, files, units = 1) {
      const r = s.timeline.apply({ type: 'deploy', charm: { kind: 'files', path: `./${app}`, files }, app, units }, { run: 'idle' });
      if (r.exitCode !== 0) throw new Error(r.stderr);
    },
    run(script) {
      s.run(script);
      if (s.lastOutput().startsWith('ERROR')) throw new Error(s.lastOutput());
    },
    hooks: () => s.hooks(),
  };
}
