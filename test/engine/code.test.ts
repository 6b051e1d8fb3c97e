/**
 * Charms with code of their own (src/engine/python.ts), with a stand-in host: it runs
 * the TypeScript catalog charm of the same name, so these tests need no Pyodide and
 * check the engine's side alone — a code charm's hooks run through the host, their
 * records carry what a replay needs, and a history with no host at hand (the page)
 * seeks to exactly the states the live run had.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CATALOG } from '../../src/engine/catalog/index.ts';
import { metadataYaml } from '../../src/engine/bundlePlan.ts';
import { cloneState, fingerprint } from '../../src/engine/clone.ts';
import type { SimState } from '../../src/engine/model.ts';
import type { Command } from '../../src/engine/commands.ts';
import { HookRun, reviveChunk, reviveState, type RunChunk, type RunStart } from '../../src/engine/hookrun.ts';
import { installPython, type PythonHost } from '../../src/engine/python.ts';
import { readers } from '../../src/engine/readers.ts';
import { Timeline } from '../../src/engine/timeline.ts';
import type { HookRecord, TraceRecord } from '../../src/engine/trace.ts';
import { failureLine } from '../../src/io/report.ts';
import { concretize, opArb, type Op } from './generators.ts';

/** Runs the catalog charm the code is named after; ops-style events so the records carry some. */
const standIn: PythonHost = {
  runHook(ctx, req) {
    const behaviour = CATALOG.get(req.meta.name)?.behaviour;
    const handler = req.kind === 'action' ? behaviour?.actions[req.hook] : behaviour?.hooks[req.hook];
    const events = [{ event: req.hook.replaceAll('-', '_'), reemitted: false, deferred: req.hook.endsWith('-changed') }];
    try {
      handler?.(ctx);
    } catch (e) {
      return { error: `Traceback (most recent call last):\n  File "src/charm.py", line 1, in <module>\n${(e as Error).name}: ${(e as Error).message}`, events };
    }
    return { error: null, events };
  },
};

/** The same charm deployed from a folder with code: metadata (and actions), and a src/charm.py. */
function asCode(command: Command): Command {
  if (command.type !== 'deploy' || command.charm.kind !== 'catalog') return command;
  const charm = CATALOG.get(command.charm.name);
  if (!charm) return command;
  const actions = Object.fromEntries(charm.meta.actions.map((a) => [a.name, { description: a.description, params: Object.fromEntries(a.params.map((p) => [p, { type: 'string' }])) }]));
  const files: Record<string, string> = { 'metadata.yaml': metadataYaml(charm.meta), 'src/charm.py': `# stands for ${charm.meta.name}\n` };
  if (charm.meta.actions.length > 0) files['actions.yaml'] = stringify(actions);
  try {
    readers().charmFromFiles(charm.meta.name, files);
  } catch {
    return command; // (the catalog's rsyslog-forwarder has no requires endpoint, which a subordinate's metadata must have)
  }
  return { ...command, charm: { kind: 'files', path: charm.meta.name, files } };
}

function run(seed: number, ops: readonly Op[], code: boolean): Timeline {
  const t = new Timeline({ seed });
  for (const op of ops) {
    const c = concretize(t, op);
    if (c) t.apply(code ? asCode(c.command) : c.command, { run: c.run });
  }
  return t;
}

/** The state's fingerprint, blind to how each application's charm came (catalog or code). */
function sameModel(state: SimState): string {
  const copy = cloneState(state);
  for (const [name, app] of copy.apps) {
    const { code: _code, ...rest } = app;
    copy.apps.set(name, { ...rest, catalog: true });
  }
  return fingerprint(copy);
}

/** The hooks, without what only code charms record; a failure by its exception line (the stand-in's is a traceback). */
const hooks = (t: Timeline) =>
  [...t.fullTrace].filter((r): r is HookRecord => r.type === 'hook').map(({ charm: _charm, ...r }) => ({ ...r, error: r.error === null ? null : failureLine(r.error) }));
const withoutCommands = (t: Timeline) => [...t.fullTrace].filter((r: TraceRecord) => r.type === 'hook' || r.type === 'exec');

describe('charms with code of their own', () => {
  beforeEach(() => installPython(standIn));
  afterEach(() => installPython(null));

  it('run their code on every unit, with the same hooks and data as the catalog charm it stands for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.array(opArb, { minLength: 1, maxLength: 14 }), (seed, ops) => {
        const catalog = run(seed, ops, false);
        const code = run(seed, ops, true);
        expect(hooks(code)).toEqual(hooks(catalog));
        const ran = [...code.fullTrace].filter((r): r is HookRecord => r.type === 'hook' && r.charm !== undefined);
        // Every hook of a code charm ran its code (the stand-in draws as the catalog charm does).
        for (const r of ran) expect(r.charm?.events[0]?.event).toBe(r.hook.replaceAll('-', '_'));
      }),
      { numRuns: 60 },
    );
  });

  it('replays from their records where no Python is loaded: every tick seeks to the state the catalog charm gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.array(opArb, { minLength: 1, maxLength: 12 }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 6 }), (seed, ops, picks) => {
        const live = run(seed, ops, true);
        // The catalog run replays by running its TypeScript handlers: a reference that owes nothing to records.
        const reference = run(seed, ops, false);
        installPython(null);
        try {
          for (const p of picks) {
            const tick = Math.floor(p * (live.length + 1));
            live.seek(tick);
            expect(sameModel(live.state), `tick ${tick}`).toBe(sameModel(reference.stateAt(tick)));
          }
          live.seek(live.length);
          expect(sameModel(live.state)).toBe(sameModel(reference.state));
        } finally {
          installPython(standIn);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a hook that fails in its code fails as Juju does: the traceback is its error, nothing it wrote is kept, and it replays the same', () => {
    const t = new Timeline({ seed: 4 });
    t.apply(asCode({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 1 }));
    t.apply(asCode({ type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: 1 }));
    t.apply({ type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });
    t.apply({ type: 'remove-relation', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });
    const broken = [...t.fullTrace].find((r): r is HookRecord => r.type === 'hook' && r.hook === 'master-relation-broken');
    // worker removes WORKERKEY.file in broken; it had one, so this one succeeds …
    expect(broken?.result).toBe('ok');
    // … and a second relation's broken, with no key file left, fails with the traceback.
    t.apply({ type: 'fail', unit: 'master/0', hook: 'master-application-relation-joined', times: 'always' });
    t.apply({ type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });
    t.apply({ type: 'remove-relation', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });
    const failed = [...t.fullTrace].filter((r): r is HookRecord => r.type === 'hook' && r.hook === 'master-relation-broken').at(-1);
    expect(failed?.result).toBe('error');
    expect(failed?.error).toMatch(/^Traceback \(most recent call last\):\n {2}File "src\/charm.py", line 1/);
    expect(failed?.error).toContain("FileNotFoundError: [Errno 2] No such file or directory: 'WORKERKEY.file'");
    expect(failed?.charm).toBeDefined();
    const end = fingerprint(t.state);
    installPython(null);
    t.seek(0);
    t.seek(t.length);
    expect(fingerprint(t.state)).toBe(end);
  });

  it('a run computed elsewhere (the worker) adopts to the same history, which seeks with no Python', () => {
    const build = (hooksInPlace: number) => {
      const t = new Timeline({ seed: 9 });
      t.apply(asCode({ type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: 1 }));
      t.apply(asCode({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 6 }));
      t.apply({ type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } }, { run: hooksInPlace });
      return t;
    };
    const inPlace = build(Number.MAX_SAFE_INTEGER);
    const adopted = build(0);
    const start = adopted.runStart(Number.MAX_SAFE_INTEGER) as RunStart;
    const worker = new HookRun({ ...start, state: reviveState(structuredClone(start.state)) });
    for (;;) {
      const chunk = reviveChunk(structuredClone(worker.next(7)) as RunChunk);
      adopted.adopt(chunk);
      if (chunk.done) break;
    }
    expect(withoutCommands(adopted)).toEqual(withoutCommands(inPlace));
    installPython(null);
    for (let tick = 0; tick <= adopted.length; tick += 5) {
      adopted.seek(tick);
      expect(fingerprint(adopted.state), `tick ${tick}`).toBe(fingerprint(inPlace.stateAt(tick)));
    }
  });

  it('where no Python is loaded, running a code hook stops the run instead of failing the hook', () => {
    installPython(null);
    const t = new Timeline({ seed: 1 });
    expect(() => t.apply(asCode({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 1 }))).toThrow(/Python is not loaded here/);
  });

  it('set-code swaps the code between two hooks; other endpoints are refused', () => {
    const t = new Timeline({ seed: 2 });
    t.apply(asCode({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 1 }));
    const files = (asCode({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 1 }) as Extract<Command, { type: 'deploy' }>).charm;
    if (files.kind !== 'files') throw new Error('expected files');
    const ok = t.apply({ type: 'set-code', app: 'worker', path: './worker-v2', files: { ...files.files, 'src/charm.py': '# v2\n' } });
    expect(ok.exitCode).toBe(0);
    expect(t.state.apps.get('worker')?.code?.files['src/charm.py']).toBe('# v2\n');
    const other = t.apply({ type: 'set-code', app: 'worker', path: './other', files: { 'metadata.yaml': 'name: worker\nrequires:\n  db:\n    interface: pgsql\n', 'src/charm.py': '' } });
    expect(other.stderr).toMatch(/declares other endpoints or actions/);
    const catalog = t.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'ubuntu' }, app: null, units: 1 });
    expect(catalog.exitCode).toBe(0);
    expect(t.apply({ type: 'set-code', app: 'ubuntu', path: './u', files: { 'src/charm.py': '' } }).stderr).toMatch(/does not run code of its own/);
  });
});
