/**
 * Re-running a model with an application's code edited: from the start (its deploy
 * carries the new files) or from the cursor (set-code there, the inputs after it
 * applied again); the diff between the runs; undo bringing the previous run back.
 * A stand-in host runs the catalog master for the code, unless the code says `# quiet`
 * (then its hooks do nothing: no keys written) — no Pyodide needed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/engine/catalog/index.ts';
import { metadataYaml } from '../../src/engine/bundlePlan.ts';
import { installPython, type PythonHost } from '../../src/engine/python.ts';
import { createRelvizStore, type RelvizStore } from '../../src/store/store.ts';

const standIn: PythonHost = {
  runHook(ctx, req) {
    if (!req.code.files['src/charm.py']?.includes('# quiet')) CATALOG.get(req.meta.name)?.behaviour?.hooks[req.hook]?.(ctx);
    return { error: null, events: [{ event: req.hook.replaceAll('-', '_'), reemitted: false, deferred: false }] };
  },
};

const master = CATALOG.get('master');
const files = { 'metadata.yaml': master ? metadataYaml(master.meta) : '', 'src/charm.py': '# the master\n' };
const quiet = { ...files, 'src/charm.py': '# quiet\n' };

function model(): RelvizStore {
  const store = createRelvizStore();
  const s = store.getState();
  s.apply({ type: 'deploy', charm: { kind: 'files', path: './master', files }, app: null, units: null });
  s.seek(store.getState().length);
  s.runLine('juju deploy worker -n 2');
  store.getState().seek(store.getState().length);
  store.getState().runLine('juju relate master worker');
  store.getState().seek(store.getState().length);
  return store;
}

beforeEach(() => installPython(standIn));
afterEach(() => installPython(null));

describe('rerunWithCode', () => {
  it('re-runs from the start with the deploy carrying the edited files, and says what changed', async () => {
    const store = model();
    const before = store.getState().inputs;

    const refused = await store.getState().rerunWithCode('master', quiet, 'start');

    const s = store.getState();
    expect(refused).toBeNull();
    // The deploy names its application now: the edited metadata could name another charm.
    expect(s.inputs.map((i) => i.text)).toEqual(['juju deploy ./master master', ...before.slice(1).map((i) => i.text)]);
    const deploy = s.inputs[0]?.command;
    expect(deploy?.type === 'deploy' && deploy.charm.kind === 'files' && deploy.charm.files['src/charm.py']).toBe('# quiet\n');
    // The quiet master writes no worker keys: its bag lost them, and the workers never saw them.
    expect(s.rerun?.diff?.bags.find((b) => b.bag === 'unit:master/0')?.removed.map(([k]) => k)).toEqual(['worker/0-worker-key', 'worker/1-worker-key']);
    expect(s.rerun?.tick).toBe(0);
  });

  it('re-runs from the cursor: set-code there, then the commands after it again; the hooks before it are the same', async () => {
    const store = model();
    const fork = store.getState().timeline.entryStartTick(2);
    store.getState().seek(fork);
    const trace = store.getState().timeline.fullTrace.slice(0, store.getState().timeline.traceIndexAt(fork));

    await store.getState().rerunWithCode('master', quiet, 'cursor');

    const s = store.getState();
    expect(s.inputs.map((i) => i.text)).toEqual(['juju deploy ./master', 'juju deploy worker -n 2', 'set-code master ./master', 'juju relate master worker']);
    expect(s.timeline.fullTrace.slice(0, s.timeline.traceIndexAt(fork))).toEqual(trace);
    expect(s.rerun?.tick).toBe(fork);
    expect(s.rerun?.diff?.bags.length).toBeGreaterThan(0);
    // The quiet master runs the same hooks; the workers lose the relation-changed its writes caused.
    const hooks = s.rerun?.diff?.hooks ?? [];
    expect(hooks.map((u) => u.unit)).toEqual(['worker/0', 'worker/1']);
    expect(hooks.every((u) => u.added === 0 && u.steps.filter((x) => x.op === 'removed').every((x) => x.hook.startsWith('master-relation-changed')))).toBe(true);
  });

  it('is undone: the previous inputs and history come back, and the diff goes with its run', async () => {
    const store = model();
    const before = store.getState().inputs;
    const length = store.getState().length;

    await store.getState().rerunWithCode('master', quiet, 'start');
    store.getState().undo();

    const s = store.getState();
    expect(s.inputs).toEqual(before);
    expect(s.length).toBe(length);
    expect(s.rerun?.generation).not.toBe(s.generation);
  });

  it('keeps the application’s name when the edited metadata names another charm', async () => {
    const store = model();
    const renamed = { ...quiet, 'metadata.yaml': quiet['metadata.yaml'].replace(/^name: master$/m, 'name: boss') };
    expect(renamed['metadata.yaml']).toMatch(/^name: boss$/m);

    await store.getState().rerunWithCode('master', renamed, 'start');

    const s = store.getState();
    expect([...s.timeline.state.apps.keys()].sort()).toEqual(['master', 'worker']);
    expect(s.timeline.state.relations.size).toBe(1);
  });

  it('refuses an application that was not deployed from code, and changes nothing', async () => {
    const store = model();
    const before = store.getState().inputs;

    const refused = await store.getState().rerunWithCode('worker', quiet, 'start');

    expect(refused).toMatch(/^ERROR application "worker" was not deployed from code/);
    expect(store.getState().inputs).toBe(before);
    expect(store.getState().undoLabel).not.toMatch(/re-running/);
  });
});
