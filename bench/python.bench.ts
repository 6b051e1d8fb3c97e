/**
 * Python charms (see bench/README.md): how long Pyodide and the runtime take to start in
 * Node, and the time per Python hook — the median and p95 of 500 hooks of a small ops
 * charm and of a hookenv (charmhelpers-style) hook script, each run straight through the
 * host against a HookContext — then the masterworker charms in Python in a model
 * (1 master, 20 workers: install to idle) through the engine, hooks and ms a hook.
 * Reported, not asserted (the machine is shared: compare runs back to back).
 * Usage: npm run --silent bench:python [-- --json]
 */
import { installReaders } from '../src/engine/readersImpl.ts';
import { performance } from 'node:perf_hooks';
import { HookContext } from '../src/engine/context.ts';
import { makeOp } from '../src/engine/ops.ts';
import { charmCode, installPython, PYTHON_BUDGET, type PythonHost } from '../src/engine/python.ts';
import { Timeline } from '../src/engine/timeline.ts';
import { loadPythonHost } from '../src/python/load.ts';
import { readRuntimeSources } from '../src/python/sourcesNode.ts';
import { charmFolder, opsCharm, PROVIDES_DB } from '../test/python/fixtures.ts';

installReaders();

const JSON_OUT = process.argv.includes('--json');
const HOOKS = 500;
const log = (line: string) => process.stderr.write(`${line}\n`);

const OPS_CHARM = opsCharm(
  PROVIDES_DB,
  [
    '    _stored = ops.StoredState()',
    '',
    '    def __init__(self, framework):',
    '        super().__init__(framework)',
    '        self._stored.set_default(runs=0)',
    '        framework.observe(self.on.config_changed, self._on_config_changed)',
    '',
    '    def _on_config_changed(self, event):',
    '        self._stored.runs += 1',
    "        logger.info('config changed %d times', self._stored.runs)",
    "        self.unit.status = ops.ActiveStatus(f'runs: {self._stored.runs}')",
  ].join('\n'),
);
const HOOKENV_CHARM = {
  'metadata.yaml': PROVIDES_DB,
  'hooks/config-changed': [
    '#!/usr/bin/env python3',
    'import random',
    'from charmhelpers.core import hookenv',
    "hookenv.log(f'config changed on {hookenv.local_unit()}')",
    "hookenv.status_set('active', f'key: {random.randint(0, 65535):04X}')",
  ].join('\n'),
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/** Times HOOKS config-changed hooks of a charm, one unit, straight through the host (the unit keeps each hook's files). */
function perHook(host: PythonHost, files: Record<string, string>): { median: number; p95: number; failed: number } {
  const code = charmCode(files);
  if (!code) throw new Error('no code');
  installPython(null);
  const t = new Timeline({ seed: 1 });
  t.apply({ type: 'deploy', charm: { kind: 'files', path: './db', files: { 'metadata.yaml': files['metadata.yaml'] as string } }, app: 'db', units: 1 }, { run: 'idle' });
  const state = t.state;
  const unit = state.units.get('db/0');
  const app = state.apps.get('db');
  if (!unit || !app) throw new Error('no unit');
  const times: number[] = [];
  let failed = 0;
  for (let i = 0; i < HOOKS; i++) {
    const ctx = new HookContext(state, unit, makeOp('db/0', 'config-changed', 'config-changed'));
    const t0 = performance.now();
    const out = host.runHook(ctx, { app: 'db', code, meta: app.meta, hook: 'config-changed', kind: 'config-changed', env: ctx.env, files: unit.files, clock: state.clock, budget: PYTHON_BUDGET });
    times.push(performance.now() - t0);
    if (out.error !== null) failed++;
    else ctx.commit(i + 1);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), failed };
}

/** The masterworker charms in Python, 1 master and `workers` workers, integrated: every hook through the engine. */
function masterworker(host: PythonHost, workers: number): { hooks: number; ms: number } {
  installPython(host);
  const t = new Timeline({ seed: 1 });
  const t0 = performance.now();
  t.apply({ type: 'deploy', charm: { kind: 'files', path: './master', files: charmFolder('master') }, app: 'master', units: 1 }, { run: 'idle' });
  t.apply({ type: 'deploy', charm: { kind: 'files', path: './worker', files: charmFolder('worker') }, app: 'worker', units: workers }, { run: 'idle' });
  t.apply({ type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } }, { run: 'idle' });
  const ms = performance.now() - t0;
  installPython(null);
  return { hooks: t.trace.filter((r) => r.type === 'hook').length, ms };
}

const phases: Record<string, number> = {};
const t0 = performance.now();
const host = await loadPythonHost({ sources: readRuntimeSources(), onProgress: (phase) => void (phases[phase] = performance.now() - t0) });
const start = { totalMs: performance.now() - t0, pyodideMs: phases['starting the charm runtime'] ?? NaN };
log(`Pyodide start in Node: ${start.totalMs.toFixed(0)} ms (Pyodide ${start.pyodideMs.toFixed(0)} ms, then the runtime)`);
// One warm-up hook each: the first import of ops or hookenv fills caches a real model fills once too.
perHook(host, OPS_CHARM);
const ops = perHook(host, OPS_CHARM);
log(`ops charm, ${HOOKS} hooks: median ${ops.median.toFixed(2)} ms, p95 ${ops.p95.toFixed(2)} ms${ops.failed ? `, ${ops.failed} FAILED` : ''}`);
const hookenv = perHook(host, HOOKENV_CHARM);
log(`hookenv script, ${HOOKS} hooks: median ${hookenv.median.toFixed(2)} ms, p95 ${hookenv.p95.toFixed(2)} ms${hookenv.failed ? `, ${hookenv.failed} FAILED` : ''}`);
const mw = masterworker(host, 20);
log(`masterworker in Python (1 master, 20 workers, integrated): ${mw.hooks} hooks in ${mw.ms.toFixed(0)} ms, ${(mw.ms / mw.hooks).toFixed(2)} ms a hook`);
if (JSON_OUT) process.stdout.write(`${JSON.stringify({ start, hooks: HOOKS, ops, hookenv, masterworker: mw })}\n`);
