/**
 * What the Python proof tests share: Python installed in the engine (Pyodide from
 * node_modules, loaded once per test file), deploying a template folder as
 * `juju deploy ./<folder>` does, and the trace and model compared as a user sees them.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { loadNodePython } from '../../src/cli/python.ts';
import type { Command } from '../../src/engine/commands.ts';
import type { SimState } from '../../src/engine/model.ts';
import { installPython } from '../../src/engine/python.ts';
import { Timeline } from '../../src/engine/timeline.ts';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { templateFiles } from '../../src/python/templates/index.ts';
import { concretize, opArb, type Op } from '../engine/generators.ts';

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

/** ops logs its own dispatching at DEBUG; a TypeScript charm logs only what the charm says. */
const isDebug = (line: string) => line.startsWith('DEBUG: ');

/**
 * A trace record as the comparison sees it: a failed hook by its error's last line
 * (the traceback above it is Python's alone) and without what only a charm's own code
 * records (its draws and ops events; with `dropDebug`, ops's own DEBUG lines), and a
 * deploy command by its text and
 * exit code (a local charm and a catalog charm are located with different words).
 */
export function comparable(r: TraceRecord, opts: { dropDebug?: boolean } = {}): TraceRecord {
  if (r.type === 'hook') {
    // What the code did beyond its writes (draws, ops events) only a code charm records.
    const { charm: _, ...rest } = r;
    return { ...rest, error: errorLine(r.error), ...(opts.dropDebug ? { logs: r.logs.filter((l) => !isDebug(l)) } : {}) };
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

/** A charm in two forms: the catalog's TypeScript charm and the template folder that mirrors it. */
export interface Twin {
  readonly catalog: string;
  readonly template: string;
  readonly units: number;
}

/** One script on two models: the catalog's charms (ts) and the templates' code (py). */
export interface TwinRun {
  readonly ts: Timeline;
  readonly py: Timeline;
}

export interface TwinScenario {
  readonly seed: number;
  readonly juju: '3.6' | '4.0';
  /** Integrate the twins as deployed (the first with each of the others) before the ops. */
  readonly related: boolean;
  readonly ops: readonly Op[];
}

/**
 * Random scripts over the twins once deployed: the property tests' ops (src: the
 * engine's generators) made concrete against the model as it is; the applications stay
 * (no deploys, no remove-application: both would only leave less to compare).
 */
export const twinScenario: fc.Arbitrary<TwinScenario> = fc.record({
  seed: fc.nat(),
  juju: fc.constantFrom('3.6' as const, '4.0' as const),
  related: fc.boolean(),
  ops: fc.array(
    opArb.filter((op) => op.k !== 'deploy' && op.k !== 'remove-application'),
    { minLength: 2, maxLength: 14 },
  ),
});

/** Applies one command to both models, under the same text. */
export function both(run: TwinRun, command: Command, opts: { text?: string; run?: 'idle' | 'none' | number } = {}): void {
  run.ts.apply(command, opts);
  run.py.apply(command, opts);
}

/** Deploys the twins on both models, plays the scenario, and settles (failed units resolved without retry). */
export async function playTwins(twins: readonly Twin[], s: TwinScenario): Promise<TwinRun> {
  const run: TwinRun = { ts: new Timeline({ seed: s.seed, juju: s.juju }), py: new Timeline({ seed: s.seed, juju: s.juju }) };
  for (const t of twins) {
    const text = `juju deploy ${t.catalog} -n ${t.units}`;
    run.ts.apply({ type: 'deploy', charm: { kind: 'catalog', name: t.catalog }, app: null, units: t.units }, { text });
    run.py.apply(await deployTemplate(t.template, t.units), { text });
  }
  const [first, ...others] = twins;
  if (s.related && first) for (const o of others) both(run, { type: 'integrate', a: { app: first.catalog, endpoint: null }, b: { app: o.catalog, endpoint: null } });
  for (const op of s.ops) {
    // Made concrete against the TypeScript model; the Python model must be the same one.
    const c = concretize(run.ts, op);
    if (c) both(run, c.command, { run: c.run });
  }
  for (let round = 0; round < 50; round++) {
    both(run, { type: 'wait' });
    const failed = [...run.ts.state.units.values()].filter((u) => u.agent.failed);
    if (failed.length === 0) break;
    for (const u of failed) both(run, { type: 'resolve', unit: u.name, noRetry: true }, { run: 'none' });
  }
  return run;
}

/** The two models gave the same trace, record for record, and are the same model at rest. */
export function expectSameRun(run: TwinRun, opts: { dropDebug?: boolean } = {}): void {
  const ts = run.ts.trace.map((r) => comparable(r, opts));
  const py = run.py.trace.map((r) => comparable(r, opts));
  // Record by record: a mismatch names the first one that differs, not a 500-line diff.
  for (let i = 0; i < Math.max(ts.length, py.length); i++) expect(py[i], `record ${i}`).toEqual(ts[i]);
  expect(modelView(run.py.state)).toEqual(modelView(run.ts.state));
}
