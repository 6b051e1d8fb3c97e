/**
 * The proof that a charm's own Python runs as Juju would run it: the masterworker
 * charms written as charmhelpers hook scripts (src/python/templates/master, worker)
 * give exactly the trace and the model of the TypeScript catalog charms they mirror
 * (src/engine/catalog/masterworker.ts), on random seeds and random scripts — scaling,
 * removal, relations removed and made again, the broadcast-message action, relation
 * data set from outside, injected failures, retries and resolves. Every hook record
 * must match: hook, order, remote and departing units, logs, status, databag changes,
 * files, result (a failure by its message); and at rest every databag, file and status.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HookRecord } from '../../src/engine/trace.ts';
import { both, cliOutput, expectSameRun, installNodePython, playTwins, twinScenario, uninstallPython, type Twin } from './helpers.ts';

/** Scripts per run of the file: each runs every hook twice (TypeScript, then Python). */
const RUNS = Number(process.env['PYTHON_PROPERTY_RUNS'] ?? 60);

beforeAll(installNodePython, 120_000);
afterAll(uninstallPython);

const MASTERWORKER = (workers: number): Twin[] => [
  { catalog: 'master', template: 'master', units: 1 },
  { catalog: 'worker', template: 'worker', units: workers },
];

describe('the masterworker charms in Python (charmhelpers hook scripts)', () => {
  it('run the tutorial like the TypeScript charms: keys, files, statuses, the message, departures, broken', async () => {
    const run = await playTwins(MASTERWORKER(2), { seed: 1, juju: '3.6', related: true, ops: [] });
    both(run, { type: 'run-action', unit: 'master/0', action: 'broadcast-message', params: [['message', 'Hello there']], syntax: '3' });
    both(run, { type: 'remove-unit', units: ['worker/1'] });
    both(run, { type: 'remove-relation', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });
    both(run, { type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });
    expectSameRun(run);
    const hooks = run.py.trace.filter((r): r is HookRecord => r.type === 'hook');
    // The Python did run (not a replay of nothing): its logs, its key, its file.
    expect(hooks.filter((h) => h.logs.includes('MASTER message: Hello there')).map((h) => h.unit)).toEqual(expect.arrayContaining(['worker/0', 'worker/1']));
    const key = run.py.state.relations.get(1)?.unitBags.get('master/0')?.data.get('worker/0-worker-key');
    expect(key).toMatch(/^[0-9A-F]{4}$/);
    expect(run.py.state.units.get('worker/0')?.files.get('WORKERKEY.file')).toBe(key);
  });

  it("fails the worker's relation-broken with Python's own FileNotFoundError when no key ever came", async () => {
    const run = await playTwins(MASTERWORKER(1), { seed: 3, juju: '3.6', related: false, ops: [] });
    // No master unit: the worker never gets a key, so it has no WORKERKEY.file to remove.
    both(run, { type: 'remove-unit', units: ['master/0'] });
    both(run, { type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });
    both(run, { type: 'remove-relation', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });
    const broken = run.py.trace.filter((r): r is HookRecord => r.type === 'hook' && r.hook === 'master-relation-broken');
    expect(broken[0]?.result).toBe('error');
    expect(broken[0]?.error).toContain('Traceback (most recent call last):');
    expect(broken[0]?.error).toContain('hooks/master-relation-broken');
    // (Pyodide says [Errno 44]: Emscripten's number for ENOENT; CPython on Linux says 2.)
    expect(broken[0]?.error?.trimEnd().split('\n').at(-1)).toMatch(/^FileNotFoundError: \[Errno \d+\] No such file or directory: 'WORKERKEY.file'$/);
    expectSameRun(run);
  });

  it('give the same trace and model as the TypeScript charms on random seeds and scripts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), twinScenario, async (workers, s) => {
        expectSameRun(await playTwins(MASTERWORKER(workers), s));
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  it('from the CLI: examples/python/masterworker.juju prints the golden trace of the catalog charms, but for where each charm came from', async () => {
    const root = join(import.meta.dirname, '../..');
    const { code, out } = await cliOutput(join(root, 'examples/python/masterworker.juju'), '--seed', '1', '--verbose');
    expect(code).toBe(0);
    const golden = readFileSync(join(root, 'test/golden/masterworker.trace.txt'), 'utf8').split('\n').slice(1).join('\n');
    // The deploy lines name the folder and say it is a local charm; the rest must be the same, line for line.
    const deploys = (text: string) => text.split('\n').filter((l) => l.startsWith('$ juju deploy') || l.startsWith('Deployed '));
    const rest = (text: string) => text.split('\n').filter((l) => !l.startsWith('$ juju deploy') && !l.startsWith('Deployed '));
    expect(rest(out)).toEqual(rest(golden));
    expect(deploys(out).filter((l) => l.startsWith('$'))).toEqual(['$ juju deploy ../../src/python/templates/master', '$ juju deploy ../../src/python/templates/worker -n 2']);
  });
});
