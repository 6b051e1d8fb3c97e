/**
 * What the Python proof tests share: Python installed in the engine (Pyodide from
 * node_modules, loaded once per test file), deploying a template folder as
 * `juju deploy ./<folder>` does, and the trace and model compared as a user sees them.
 */
import type { Command } from '../../src/engine/commands.ts';
import type { SimState } from '../../src/engine/model.ts';
import { loadNodePython } from '../../src/cli/python.ts';
import { installPython } from '../../src/engine/python.ts';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { templateFiles } from '../../src/python/templates/index.ts';

/** Loads Pyodide and installs it as the engine's Python, as the CLI does (once per file: call from beforeAll). */
export async function installNodePython(): Promise<void> {
  await loadNodePython();
}

export function uninstallPython(): void {
  installPython(null);
}

/** `juju deploy ./<template> [app] -n <units>`: the template folder's files, code and all. */
export async function deployTemplate(template: string, units: number, app: string | null = null): Promise<Command> {
  return { type: 'deploy', charm: { kind: 'files', path: `./${template}`, files: await templateFiles(template) }, app, units };
}

/**
 * The last line of an error: a Python traceback's `Type: message`, or the TypeScript
 * charm's message; with two differences that are the platform's, not the charm's:
 *
 * - a hook tool's failure is `ERROR <what the tool printed>` for a TypeScript charm and
 *   the HookToolError that hookenv raises with it for a Python one;
 * - an OSError's number is the platform's: Pyodide numbers ENOENT 44 (Emscripten's),
 *   CPython on Linux 2 (what the TypeScript worker says).
 */
export function errorLine(error: string | null): string | null {
  if (error === null) return null;
  const lines = error.trimEnd().split('\n');
  return (lines[lines.length - 1] as string).replace(/^(?:[\w.]+\.)?HookToolError: (?=ERROR )/, '').replace(/^(\w+Error: )\[Errno \d+\]/, '$1[Errno N]');
}

/**
 * A trace record as the comparison sees it: a failed hook by its error's last line
 * (the traceback above it is Python's alone) and without what only a charm's own code
 * records (its draws and ops events), and a deploy command by its text and
 * exit code (a local charm and a catalog charm are located with different words).
 */
export function comparable(r: TraceRecord): TraceRecord {
  if (r.type === 'hook') {
    // What the code did beyond its writes (draws, ops events) only a code charm records.
    const { charm: _, ...rest } = r;
    return { ...rest, error: errorLine(r.error) };
  }
  if (r.type === 'command' && r.command.startsWith('juju deploy')) return { ...r, stdout: '', stderr: '' };
  return r;
}

/** What a user sees of a model at rest: every databag, every unit's files, status and failure. */
export function modelView(state: SimState): unknown {
  return {
    relations: [...state.relations.values()].map((r) => ({
      id: r.id,
      key: r.key,
      life: r.life,
      scope: [...r.scope.keys()],
      unitBags: [...r.unitBags].map(([owner, bag]) => [owner, Object.fromEntries(bag.data)]),
      appBags: [...r.appBags].map(([owner, bag]) => [owner, Object.fromEntries(bag.data)]),
    })),
    units: [...state.units.values()].map((u) => ({
      name: u.name,
      status: u.status,
      files: Object.fromEntries(u.files),
      failed: u.agent.failed === null ? null : u.agent.failed.kind,
    })),
  };
}

/** The CLI's readable output for a script (`npm run --silent sim -- <script> <flags>`), run in-process. */
export async function cliOutput(script: string, ...flags: string[]): Promise<{ code: number; out: string }> {
  const { main } = await import('../../src/cli/sim.ts');
  let out = '';
  const code = await main([script, ...flags], { out: (t) => (out += t), err: (t) => (out += t) });
  return { code, out };
}
