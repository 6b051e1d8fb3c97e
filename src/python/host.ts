/**
 * The Python host: runs a charm's hook in Pyodide against the engine's HookContext.
 *
 * One crossing per hook each way (the request and the outcome, as JSON text) plus one
 * per hook tool, log line and random draw (plain strings and numbers: no proxies made
 * per call). The Python side is src/python/runtime (`_relviz.runner`): a fresh process
 * per hook, the sandbox, hookenv and our ops.
 */
import type { PyodideAPI } from 'pyodide';
import { parse as parseYaml } from 'yaml';
import type { HookContext } from '../engine/context.ts';
import { runToolLine } from '../engine/hooktools.ts';
import type { CharmCode, CharmEvent, PyHookOutcome, PyHookRequest, PythonHost } from '../engine/python.ts';

/** Where the runtime's .py files live in Pyodide's file system. */
export const RUNTIME_DIR = '/relviz/rt';

interface RawOutcome {
  error: string | null;
  events: CharmEvent[];
  writes: Record<string, string>;
  removes: string[];
}

type RunHook = ((request: string) => string) & { destroy(): void };

export function createPythonHost(pyodide: PyodideAPI, sources: Readonly<Record<string, string>>): PythonHost {
  for (const [path, text] of Object.entries(sources)) {
    const full = `${RUNTIME_DIR}/${path}`;
    pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
    pyodide.FS.writeFile(full, text);
  }
  let ctx: HookContext | null = null;
  const current = (): HookContext => {
    if (!ctx) throw new Error('relviz: a hook tool was called outside a hook');
    return ctx;
  };
  pyodide.registerJsModule(
    '_relviz_host',
    sealed({
      tool: (line: string): string => {
        const out = runToolLine(current(), line);
        return JSON.stringify({ stdout: out.stdout, stderr: out.stderr, code: out.exitCode });
      },
      log: (message: string, level: string): void => current().jujuLog(message, level),
      random: (): number => current().random(),
      status: (): string => {
        const c = current();
        const s = c.pendingStatus ?? c.unit.status;
        return JSON.stringify({ status: s.workload, message: s.message });
      },
    }),
  );
  const runHook = pyodide.runPython(
    `import sys\nsys.path.insert(0, ${JSON.stringify(RUNTIME_DIR)})\nimport _relviz_host\nfrom _relviz import runner\nrunner.boot(_relviz_host)\nrunner.run_hook`,
  ) as RunHook;
  // The runtime keeps the charm's files between hooks while the code is the same (by CharmCode.id).
  let loadedCode: string | null = null;
  const configs = new Map<string, Record<string, unknown>>();

  return {
    runHook(hookCtx: HookContext, req: PyHookRequest): PyHookOutcome {
      const request: Record<string, unknown> = {
        app: req.app,
        hook: req.hook,
        kind: req.kind,
        env: req.env,
        files: Object.fromEntries(req.files),
        clock: req.clock,
        budget: req.budget,
        meta: {
          endpoints: req.meta.endpoints.map((e) => ({ name: e.name, role: e.role })),
          actions: req.meta.actions.map((a) => ({ name: a.name, params: [...a.params] })),
        },
        config: configDefaults(req.code, configs),
      };
      if (loadedCode !== req.code.id) request['code'] = req.code.files;
      ctx = hookCtx;
      let raw: RawOutcome;
      try {
        raw = JSON.parse(runHook(JSON.stringify(request))) as RawOutcome;
        loadedCode = req.code.id;
      } catch (e) {
        loadedCode = null;
        return { error: `relviz's Python runtime failed: ${(e as Error).message}`, events: [] };
      } finally {
        ctx = null;
      }
      if (raw.error === null) {
        for (const [path, content] of Object.entries(raw.writes)) hookCtx.writeFile(path, content);
        for (const path of raw.removes) hookCtx.removeFile(path);
      }
      return { error: raw.error, events: raw.events };
    },
  };
}

/**
 * The bridge's functions without prototypes (and in an object without one): through a
 * JsProxy, `tool.constructor` would otherwise be JavaScript's Function constructor, a way
 * out of the sandbox to every JavaScript global.
 */
function sealed<T extends Record<string, (...args: never[]) => unknown>>(fns: T): T {
  const out = Object.create(null) as T;
  for (const [name, fn] of Object.entries(fns)) {
    Object.setPrototypeOf(fn, null);
    Object.defineProperty(out, name, { value: fn, enumerable: true });
  }
  return Object.freeze(out);
}

/** The defaults a charm's config.yaml declares (`options.<name>.default`): what config-get answers. */
export function configDefaults(code: CharmCode, cache: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const hit = cache.get(code.id);
  if (hit) return hit;
  const out: Record<string, unknown> = {};
  const text = code.files['config.yaml'];
  if (text !== undefined) {
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch {
      doc = null;
    }
    const options = (doc as { options?: Record<string, { default?: unknown }> } | null)?.options ?? {};
    for (const [name, option] of Object.entries(options)) {
      if (option && typeof option === 'object' && option.default !== undefined) out[name] = option.default;
    }
  }
  cache.set(code.id, out);
  return out;
}
