/**
 * The seam between the engine and a charm's own Python code. A charm deployed from a
 * folder that holds code (`src/charm.py`, `hooks/<name>`, `dispatch`) carries it in
 * the model (`Application.code`); its hooks run that code through a `PythonHost`
 * installed by whoever runs the engine with Python at hand: the engine worker and the
 * CLI (Pyodide, src/python/), the tests. The engine itself never imports Pyodide.
 *
 * Where no host is installed (the page), a Python charm's hooks are never run: they are
 * replayed from what they did when they ran (their trace records: writes, files,
 * status, logs, failure, and how many random numbers they drew — see `replayHook`), so
 * seeking through a history costs no Python and gives the same state bit for bit.
 */
import type { CharmBehaviour } from './behaviour.ts';
import type { CharmMeta } from './charm.ts';
import type { HookContext } from './context.ts';
import { CharmCodeError } from './errors.ts';
import type { HookKind } from './ops.ts';
import type { CharmEvent, HookRecord } from './trace.ts';
import { isCodePath, type CharmCode } from './code.ts';
import type { Command } from './command.ts';

export { charmCode, isCodePath, type CharmCode } from './code.ts';

export type { CharmEvent } from './trace.ts';

/** One hook (or action) for a host to run. */
export interface PyHookRequest {
  readonly app: string;
  readonly code: CharmCode;
  /** The charm's metadata as the engine read it: endpoints (with roles and interfaces) and actions. */
  readonly meta: CharmMeta;
  /** JUJU_HOOK_NAME: `install`, `db-relation-joined`, or the action's name. */
  readonly hook: string;
  readonly kind: HookKind;
  /** The hook's environment (JUJU_UNIT_NAME, JUJU_RELATION_ID, …: JUJU-SEMANTICS §8). */
  readonly env: Readonly<Record<string, string>>;
  /** The unit's files before the hook (relative paths in its charm directory). */
  readonly files: ReadonlyMap<string, string>;
  /** The model's logical clock, in seconds: what `time.time()` counts from. */
  readonly clock: number;
  /** Most Python line events the hook may run before it is stopped (see PYTHON_BUDGET). */
  readonly budget: number;
}

/** What a hook's code did beyond its hook-tool calls (which go to the HookContext as it runs). */
export interface PyHookOutcome {
  /**
   * Why it failed — the traceback, with the charm's own file names and line numbers, or
   * the budget's message — or null when it succeeded. A failed hook's writes are
   * discarded by the engine, as Juju discards them.
   */
  readonly error: string | null;
  /** The ops events it dispatched, in order (empty for a hook script). */
  readonly events: readonly CharmEvent[];
}

/**
 * Runs a charm's code for one hook, synchronously, against the hook's context: hook
 * tools are the context's methods (reads see committed data plus the hook's own
 * writes; writes are buffered until the engine commits them), `random` draws from
 * `ctx.random()`, files are read from `req.files` and written back with
 * `ctx.writeFile` / `ctx.removeFile`, logs go to `ctx.jujuLog`.
 */
export interface PythonHost {
  runHook(ctx: HookContext, req: PyHookRequest): PyHookOutcome;
}

/**
 * Python line events a hook may run: a deterministic budget (the same hook stops at the
 * same line on every run, on every machine), about a second or two of plain Python in
 * Pyodide. An endless loop fails its hook with a message that says so.
 */
export const PYTHON_BUDGET = 5_000_000;

let host: PythonHost | null = null;

/** Makes Python available to the engine (null takes it away again: tests). */
export function installPython(h: PythonHost | null): void {
  host = h;
}

export function pythonHost(): PythonHost | null {
  return host;
}

/** Whether a command brings code with it: a deploy or bundle with charm code, or `set-code`. */
export function carriesCode(command: Command): boolean {
  switch (command.type) {
    case 'deploy':
      return command.charm.kind === 'files' && Object.keys(command.charm.files).some(isCodePath);
    case 'deploy-bundle':
      return Object.keys(command.files).some(isCodePath);
    case 'set-code':
      return true;
    default:
      return false;
  }
}

/**
 * A Python hook was about to run where no Python is loaded (a bug in who runs what: the
 * page must leave such hooks to the worker). Not a hook failure: the run stops.
 */
export class PythonUnavailableError extends Error {
  override name = 'PythonUnavailableError';
}

/**
 * Whether a charm's code has something to run for a hook or action, as Juju decides: a
 * `hooks/<hook>` (or `actions/<action>`) script, else `dispatch`, else an ops charm's
 * `src/charm.py` (which `dispatch` runs in a packed charm; relviz runs it directly).
 */
export function codeHandles(code: CharmCode, name: string, kind: HookKind): boolean {
  const files = code.files;
  const script = kind === 'action' ? `actions/${name}` : `hooks/${name}`;
  return script in files || 'dispatch' in files || 'src/charm.py' in files;
}

/** The behaviour of an application deployed with code: each hook runs that code through the installed host. */
export function pythonBehaviour(app: string, code: CharmCode, meta: CharmMeta): CharmBehaviour {
  return {
    hooks: {},
    actions: {},
    dispatch(name, kind) {
      if (!codeHandles(code, name, kind)) return undefined;
      return (ctx) => {
        const host = pythonHost();
        if (!host) throw new PythonUnavailableError(`Python is not loaded here, so ${ctx.unit.name}'s ${name} hook cannot run (relviz runs charm code in its engine worker and the CLI)`);
        const outcome = host.runHook(ctx, { app, code, meta, hook: name, kind, env: ctx.env, files: ctx.unitFiles, clock: ctx.clock, budget: PYTHON_BUDGET });
        ctx.charmEvents = outcome.events;
        if (outcome.error !== null) throw new CharmCodeError(outcome.error);
      };
    },
  };
}

/**
 * The behaviour that replays a Python charm's hook from its trace record (`record()`
 * gives the record of the tick being replayed), where no Python runs: the page.
 */
export function replayBehaviour(record: () => HookRecord): CharmBehaviour {
  return {
    hooks: {},
    actions: {},
    dispatch(name) {
      const r = record();
      if (r.hook !== name) throw new Error(`replay: the history recorded ${r.unit} ${r.hook} at seq ${r.seq}, but the replay runs ${name}`);
      return r.charm ? (ctx) => ctx.replayCharm(r) : undefined;
    },
  };
}
