/**
 * Runs Python charms in a real engine state for the tests and the bench: charms deployed
 * from their files, hooks chosen by the engine's resolver with the state's PRNG (as
 * `step` does) and run through `runOp`, with a behaviour that sends every hook of an
 * application with code to the Python host. Independent of how the engine itself
 * installs Python (python.ts), so the host is tested on its own.
 */
import type { CharmBehaviour, Handler } from '../../src/engine/behaviour.ts';
import { applyCommand } from '../../src/engine/commands.ts';
import type { HookContext } from '../../src/engine/context.ts';
import { HookExit } from '../../src/engine/errors.ts';
import type { SimState } from '../../src/engine/model.ts';
import { hookName } from '../../src/engine/ops.ts';
import { nextInt } from '../../src/engine/prng.ts';
import { charmCode, PYTHON_BUDGET, type CharmCode, type PyHookOutcome, type PythonHost } from '../../src/engine/python.ts';
import { cachedCandidates, settleReadiness } from '../../src/engine/resolver.ts';
import { runOp } from '../../src/engine/runner.ts';
import { behaviourOf, createState } from '../../src/engine/sim.ts';
import type { HookRecord, TraceRecord } from '../../src/engine/trace.ts';
import { parseLine } from '../../src/io/script.ts';

export interface PyRun {
  state: SimState;
  trace: TraceRecord[];
  /** Each Python hook's outcome, in order, with the unit and hook it was for. */
  outcomes: Array<PyHookOutcome & { unit: string; hook: string }>;
  deploy(app: string, files: Record<string, string>, units?: number): void;
  /** Applies script lines (`juju integrate a b`, `juju remove-unit a/1`, …) and runs hooks until idle. */
  run(script: string): TraceRecord[];
  hooks(): HookRecord[];
}

export function pyModel(host: PythonHost, opts: { seed?: number; budget?: number } = {}): PyRun {
  const state = createState({ seed: opts.seed ?? 1 });
  state.config.automaticallyRetryHooks = false;
  const trace: TraceRecord[] = [];
  const sink = (r: TraceRecord) => void trace.push(r);
  const codes = new Map<string, CharmCode>();
  const outcomes: PyRun['outcomes'] = [];

  const pythonBehaviour = (app: string, code: CharmCode): CharmBehaviour => {
    const handler: Handler = (ctx: HookContext) => {
      const op = ctx.op;
      if (!op) return;
      const hook = hookName(op);
      const meta = state.apps.get(app)?.meta;
      if (!meta) throw new Error(`no metadata for ${app}`);
      const out = host.runHook(ctx, {
        app,
        code,
        meta,
        hook,
        kind: op.kind,
        env: ctx.env,
        files: ctx.unitFiles,
        clock: ctx.clock,
        budget: opts.budget ?? PYTHON_BUDGET,
      });
      outcomes.push({ ...out, unit: ctx.unit.name, hook });
      // The engine records a HookExit's message as the hook's error: the traceback, as it is.
      if (out.error !== null) throw new HookExit(1, out.error);
    };
    const every = new Proxy({}, { get: () => handler }) as Record<string, Handler>;
    return { hooks: every, actions: every };
  };
  const lookup = (s: SimState, app: string): CharmBehaviour => {
    const code = codes.get(app);
    return code ? pythonBehaviour(app, code) : behaviourOf(s, app);
  };

  const runHooks = (): void => {
    for (let n = 0; n < 10_000; n++) {
      settleReadiness(state);
      const ready = state.ready;
      if (ready.length === 0) return;
      const unit = ready.length === 1 ? (ready[0] as string) : (ready[nextInt(state.rng, ready.length)] as string);
      const ops = cachedCandidates(state, unit);
      const op = ops.length === 1 ? ops[0] : ops[nextInt(state.rng, ops.length)];
      if (!op) throw new Error(`ready unit ${unit} has no operation`);
      runOp(state, op, sink, lookup);
    }
    throw new Error('the model did not settle in 10,000 hooks');
  };

  return {
    state,
    trace,
    outcomes,
    deploy(app, files, units = 1) {
      const code = charmCode(files);
      if (code) codes.set(app, code);
      const r = applyCommand(state, { type: 'deploy', charm: { kind: 'files', path: `./${app}`, files }, app, units }, sink);
      if (r.exitCode !== 0) throw new Error(r.stderr);
      runHooks();
    },
    run(script) {
      const from = trace.length;
      for (const raw of script.split('\n')) {
        const line = parseLine(raw);
        if (!line) continue;
        const r = applyCommand(state, line.command, sink, line.text);
        if (r.exitCode !== 0) throw new Error(r.stderr);
        runHooks();
      }
      return trace.slice(from);
    },
    hooks: () => trace.filter((r): r is HookRecord => r.type === 'hook'),
  };
}
