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
import type { CharmMeta } from './charm.ts';
import type { HookContext } from './context.ts';
import type { HookKind } from './ops.ts';

/** A charm's code as the model carries it: the files of its folder (path → text). */
export interface CharmCode {
  /** `src/charm.py`, `lib/…`, `hooks/<hook>`, `dispatch`, `metadata.yaml`, … */
  readonly files: Readonly<Record<string, string>>;
  /** A short digest of the files: the same code has the same id (a host may cache by it). */
  readonly id: string;
}

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

/** An ops event as a hook saw it: run, deferred (kept for the next hook), or re-emitted (deferred earlier). */
export interface CharmEvent {
  /** ops' name for it: `db_relation_changed`, `start`, `leader_elected`, … */
  readonly event: string;
  /** It was deferred by an earlier hook and re-emitted at the start of this one. */
  readonly reemitted: boolean;
  /** A handler deferred it (again): it stays queued for the unit's next hook. */
  readonly deferred: boolean;
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

/**
 * A Python hook was about to run where no Python is loaded (a bug in who runs what: the
 * page must leave such hooks to the worker). Not a hook failure: the run stops.
 */
export class PythonUnavailableError extends Error {
  override name = 'PythonUnavailableError';
}

/** Paths that make a charm folder's code: a hook script, a dispatch script, or Python sources. */
export function isCodePath(path: string): boolean {
  return path === 'dispatch' || path.startsWith('hooks/') || path.endsWith('.py');
}

/** The code among a charm folder's files, or null when it has none (a metadata-only charm). */
export function charmCode(files: Readonly<Record<string, string>>): CharmCode | null {
  const paths = Object.keys(files).sort();
  if (!paths.some(isCodePath)) return null;
  const sorted: Record<string, string> = {};
  for (const p of paths) sorted[p] = files[p] as string;
  return { files: sorted, id: digest(paths.map((p) => `${p}\0${files[p]}`).join('\0')) };
}

/** FNV-1a, 64 bits as two 32-bit halves, in hex: a cache key, not a security digest. */
function digest(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
