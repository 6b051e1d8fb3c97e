/**
 * The readers seam (src/engine/readers.ts): the page runs the engine before its YAML
 * readers have loaded. Each test here imports fresh modules, so nothing is installed
 * (test/setup.ts installs the readers only in the module registry it ran in).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../src/engine/command.ts';

const BUNDLE = 'applications:\n  master:\n    charm: master\n    num_units: 1\n';
const deployBundle: Command = { type: 'deploy-bundle', path: 'bundle.yaml', overlays: [], files: { 'bundle.yaml': BUNDLE } };

async function fresh() {
  vi.resetModules();
  const [commands, sim, readers, clone] = await Promise.all([
    import('../../src/engine/commands.ts'),
    import('../../src/engine/sim.ts'),
    import('../../src/engine/readers.ts'),
    import('../../src/engine/clone.ts'),
  ]);
  return { ...commands, ...sim, ...readers, ...clone };
}

describe('the engine without its readers', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('refuses a bundle with a message, changing nothing, and applies it once the readers are installed', async () => {
    const e = await fresh();
    expect(e.readersReady()).toBe(false);
    const state = e.createState({ seed: 1 });
    const before = e.fingerprint(state);
    const refused = e.applyCommand(state, deployBundle, null);
    expect(refused).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('still loading its bundle and YAML readers') });
    expect(e.fingerprint(state)).toBe(before);

    const { installReaders } = await import('../../src/engine/readersImpl.ts');
    installReaders();
    expect(e.readersReady()).toBe(true);
    expect(e.applyCommand(state, deployBundle, null).exitCode).toBe(0);
    expect([...state.apps.keys()]).toEqual(['master']);
  });

  it('runs every command that needs no reader: the default example is built without them', async () => {
    const e = await fresh();
    const { readFileSync } = await import('node:fs');
    const { sim } = await import('../helpers.ts');
    const example = readFileSync(new URL('../../examples/masterworker.juju', import.meta.url), 'utf8');
    const { parseScript } = await import('../../src/io/script.ts');
    const run = sim();
    const outputs = parseScript(example).map((line) => {
      run.run(line.text);
      return run.lastOutput();
    });
    expect(outputs.filter((out) => out.startsWith('ERROR'))).toEqual([]);
    expect(outputs.some((out) => out.includes('worker/0-worker-key:'))).toBe(true);
    expect(e.readersReady()).toBe(false);
  });

  it('says which commands need them', async () => {
    const { needsReaders } = await fresh();
    expect(needsReaders(deployBundle)).toBe(true);
    expect(needsReaders({ type: 'load-status', path: 's.json', showUnits: [], files: {} })).toBe(true);
    expect(needsReaders({ type: 'show-unit', unit: 'a/0' })).toBe(true);
    expect(needsReaders({ type: 'export-bundle' })).toBe(true);
    expect(needsReaders({ type: 'deploy', charm: { kind: 'files', path: './c', files: {} }, app: null, units: 1 })).toBe(true);
    expect(needsReaders({ type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: 1 })).toBe(false);
  });
});

describe('the page’s console before the readers have loaded', () => {
  it('runs a line that needs them once they have come, and what it printed is in the console', async () => {
    vi.resetModules();
    const { createRelvizStore } = await import('../../src/store/store.ts');
    const { readersReady } = await import('../../src/engine/readers.ts');
    const store = createRelvizStore({ script: 'juju deploy master\njuju deploy worker\n', at: 'deployed' });
    expect(readersReady()).toBe(false);
    store.getState().runLine('juju show-unit master/0');
    await vi.waitFor(() => expect(store.getState().consoleLog.at(-1)?.stdout).toContain('master/0:'));
    expect(readersReady()).toBe(true);
  });
});
