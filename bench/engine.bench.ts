/**
 * Engine benchmarks (see bench/README.md):
 *   1. integration throughput: two metadata-only apps of N units each, then time
 *      `integrate a b` plus running every hook it causes (4N² + 2N hooks);
 *   2. seek latency: random seeks on a Timeline with a ≥100k-tick history, and the
 *      heap the Timeline retains per tick (trace and checkpoints), for that history and
 *      for masterworker 100 × 100 `juju relate`.
 *
 * Usage: npm run --silent bench [-- --json] [-- --quick]
 * The engine is driven directly (applyCommand + runUntilIdle with a null sink), so
 * what is timed is the engine's own cost, not tracing, formatting or output.
 */
import { installReaders } from '../src/engine/readersImpl.ts';
import v8 from 'node:v8';
import vm from 'node:vm';
import { applyCommand, type Command } from '../src/engine/commands.ts';
import { createState, runUntilIdle } from '../src/engine/sim.ts';
import { CHECKPOINT_INTERVAL, MAX_CHECKPOINT_INTERVAL, Timeline } from '../src/engine/timeline.ts';

// The engine runs here in Node, as in the CLI: with its YAML readers (src/engine/readers.ts).
installReaders();

const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (a !== '--json' && a !== '--quick') {
    process.stderr.write(`unknown option ${a}\nusage: engine.bench.ts [--json] [--quick]\n`);
    process.exit(2);
  }
}
const JSON_OUT = args.has('--json');
const QUICK = args.has('--quick');

const SEED = 1;
const SIZES = QUICK ? [10, 100, 300] : [10, 100, 300, 1000];
const HISTORY_TARGET = QUICK ? 20_000 : 100_000;
const SEEKS = 200;
const SAMPLE_EVERY = 100_000;
/** Runs per size for N ≤ 100 (the median is reported). */
const SMALL_RUNS = 5;

const TARGET_HOOKS_PER_SEC = 300_000; // at N = 1000
const TARGET_RATIO = 1.5; // µs/hook at N = 1000 over N = 100
const TARGET_SEEK_MEDIAN_MS = 16;
const TARGET_SEEK_MAX_MS = 50;
const TARGET_BYTES_PER_TICK = 300;

// ---------------------------------------------------------------------------
// gc: `node --expose-gc` / `tsx --expose-gc` give globalThis.gc; otherwise turn
// the flag on at run time (V8 then exposes gc in new contexts).

type GcMode = 'exposed' | 'v8-flag' | 'none';
function findGc(): { gc: (() => void) | null; mode: GcMode } {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return { gc: g, mode: 'exposed' };
  try {
    v8.setFlagsFromString('--expose-gc');
    const f: unknown = vm.runInNewContext('gc');
    if (typeof f === 'function') return { gc: f as () => void, mode: 'v8-flag' };
  } catch {
    // fall through
  }
  return { gc: null, mode: 'none' };
}
const { gc, mode: gcMode } = findGc();

const MB = 1024 * 1024;
function heapMB(): number {
  gc?.();
  return process.memoryUsage().heapUsed / MB;
}

// ---------------------------------------------------------------------------
// A PRNG of our own for seek positions (mulberry32), so runs are comparable.

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------
// Commands

const META_A = 'name: a\nprovides:\n  x:\n    interface: bench\n';
const META_B = 'name: b\nrequires:\n  y:\n    interface: bench\n';

function deploy(app: string, meta: string, units: number): Command {
  return { type: 'deploy', charm: { kind: 'files', path: `./${app}`, files: { 'metadata.yaml': meta } }, app, units };
}
const INTEGRATE: Command = { type: 'integrate', a: { app: 'a', endpoint: null }, b: { app: 'b', endpoint: null } };

function mustApply(state: Parameters<typeof applyCommand>[0], cmd: Command): void {
  const r = applyCommand(state, cmd, null);
  if (r.exitCode !== 0) throw new Error(`bench setup failed: ${r.stderr}`);
}

// ---------------------------------------------------------------------------
// 1. Integration throughput

interface ThroughputResult {
  n: number;
  setupHooks: number;
  hooks: number;
  expectedHooks: number;
  seconds: number;
  hooksPerSec: number;
  usPerHook: number;
  peakHeapMB: number;
  heapSamples: number;
  /** How many runs the figure is the median of. */
  runs?: number;
}

function throughput(n: number): ThroughputResult {
  const state = createState({ seed: SEED });
  mustApply(state, deploy('a', META_A, n));
  mustApply(state, deploy('b', META_B, n));
  const setupHooks = runUntilIdle(state, null);
  let peak = heapMB();
  let samples = 1;

  // Timed: the integrate command and every hook it causes. Heap sampling (with a
  // full gc when available) happens between chunks, outside the timed spans.
  let elapsed = 0;
  let t0 = performance.now();
  mustApply(state, INTEGRATE);
  let hooks = 0;
  for (;;) {
    const ran = runUntilIdle(state, null, SAMPLE_EVERY);
    hooks += ran;
    elapsed += performance.now() - t0;
    peak = Math.max(peak, heapMB());
    samples++;
    if (ran < SAMPLE_EVERY) break;
    t0 = performance.now();
  }
  const seconds = elapsed / 1000;
  return {
    n,
    setupHooks,
    hooks,
    expectedHooks: 4 * n * n + 2 * n,
    seconds,
    hooksPerSec: hooks / seconds,
    usPerHook: (elapsed * 1000) / hooks,
    peakHeapMB: peak,
    heapSamples: samples,
  };
}

// ---------------------------------------------------------------------------
// 2. Seek latency

interface SeekResult {
  historyTarget: number;
  ticks: number;
  unitsPerApp: number;
  commands: number;
  checkpointInterval: number;
  buildSeconds: number;
  heapAfterBuildMB: number;
  /** Heap the Timeline retains (after a full gc, seeks done), per tick. */
  bytesPerTick: number;
  seeks: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
}

function quantile(sorted: readonly number[], q: number): number {
  // Nearest rank.
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

/** Random seeks on `tl`, with the heap it retains afterwards (scratch states included) per tick. */
function seeks(tl: Timeline, heapBefore: number): { times: number[]; bytesPerTick: number } {
  const rand = mulberry32(0xbe4c);
  const times: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const tick = Math.floor(rand() * tl.length);
    const s = performance.now();
    tl.seek(tick);
    times.push(performance.now() - s);
    if (tl.cursor !== tick) throw new Error(`seek(${tick}) left the cursor at ${tl.cursor}`);
  }
  return { times, bytesPerTick: ((heapMB() - heapBefore) * MB) / tl.length };
}

function seekLatency(target: number): SeekResult {
  // Integrating K×K units gives ~4K² hook ticks; leave some room for the
  // add-unit / remove-unit churn that follows.
  const k = Math.max(4, Math.floor(Math.sqrt((target * 0.9) / 4)));
  const heapBefore = heapMB();
  const t0 = performance.now();
  const tl = new Timeline({ seed: SEED });
  const apply = (cmd: Command) => {
    const r = tl.apply(cmd, { run: 'idle' });
    if (r.exitCode !== 0) throw new Error(`bench setup failed: ${r.stderr}`);
  };
  apply(deploy('a', META_A, k));
  apply(deploy('b', META_B, k));
  apply(INTEGRATE);
  // Churn: add two units to one side, remove two of its oldest, alternating apps.
  let cycle = 0;
  const oldest = { a: 0, b: 0 };
  while (tl.length < target || cycle < 2) {
    const app = cycle % 2 === 0 ? 'a' : 'b';
    apply({ type: 'add-unit', app, units: 2 });
    apply({ type: 'remove-unit', units: [`${app}/${oldest[app]}`, `${app}/${oldest[app] + 1}`] });
    oldest[app] += 2;
    cycle++;
  }
  const buildSeconds = (performance.now() - t0) / 1000;
  const heapAfterBuildMB = heapMB();
  const { times, bytesPerTick } = seeks(tl, heapBefore);
  const sorted = [...times].sort((x, y) => x - y);
  return {
    historyTarget: target,
    ticks: tl.length,
    unitsPerApp: k,
    commands: tl.log.entries.length,
    checkpointInterval: CHECKPOINT_INTERVAL,
    buildSeconds,
    heapAfterBuildMB,
    bytesPerTick,
    seeks: SEEKS,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted[sorted.length - 1] as number,
    meanMs: times.reduce((x, y) => x + y, 0) / times.length,
  };
}

/** masterworker, 100 masters × 100 workers, `juju relate`: a charm that writes data in most hooks. */
function masterworkerHistory(n: number): { ticks: number; bytesPerTick: number; medianMs: number; maxMs: number } {
  const heapBefore = heapMB();
  const tl = new Timeline({ seed: SEED });
  for (const name of ['master', 'worker']) tl.apply({ type: 'deploy', charm: { kind: 'catalog', name }, app: null, units: n });
  tl.apply({ type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });
  const { times, bytesPerTick } = seeks(tl, heapBefore);
  const sorted = [...times].sort((x, y) => x - y);
  return { ticks: tl.length, bytesPerTick, medianMs: quantile(sorted, 0.5), maxMs: sorted[sorted.length - 1] as number };
}

// ---------------------------------------------------------------------------
// Output

const fmt = (x: number, digits = 2) => x.toFixed(digits);
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
}
const out = (line = '') => {
  if (!JSON_OUT) process.stdout.write(`${line}\n`);
};
const progress = (line: string) => {
  if (JSON_OUT) process.stderr.write(`${line}\n`);
};

const wallStart = performance.now();
out(`relviz engine bench${QUICK ? ' (quick)' : ''} — node ${process.version}, seed ${SEED}, gc: ${gcMode}`);
out();
out('1. Integration throughput: deploy a, b (N units each, no peers), wait; time `integrate a b` + run until idle');
out(`   (N ≤ 100: median of ${SMALL_RUNS} runs)`);
const W = [6, 12, 9, 12, 9, 14];
out(pad(['N', 'hooks', 'seconds', 'hooks/s', 'µs/hook', 'peak heap MB'], W));

// Warm-up (not reported): lets the JIT settle so the N = 10 / 100 rows are not compile time.
throughput(40);

const rows: ThroughputResult[] = [];
for (const n of SIZES) {
  progress(`throughput N=${n}…`);
  // Small sizes take well under a second: take the median of a few runs to tame noise.
  const runs = n <= 100 ? SMALL_RUNS : 1;
  const all = Array.from({ length: runs }, () => throughput(n)).sort((x, y) => x.usPerHook - y.usPerHook);
  const r = { ...(all[runs >> 1] as ThroughputResult), runs };
  if (r.hooks !== r.expectedHooks) process.stderr.write(`note: N=${n} ran ${r.hooks} hooks, expected 4N²+2N = ${r.expectedHooks}\n`);
  rows.push(r);
  out(pad([String(n), int(r.hooks), fmt(r.seconds, 3), int(r.hooksPerSec), fmt(r.usPerHook, 3), fmt(r.peakHeapMB, 1)], W));
}
const big = rows.find((r) => r.n === 1000) ?? null;
const ref = rows.find((r) => r.n === 100) ?? null;
const top = rows[rows.length - 1] as ThroughputResult;
const ratio = big && ref ? big.usPerHook / ref.usPerHook : null;
const topRatio = ref ? top.usPerHook / ref.usPerHook : null;
out();
if (big) {
  out(`   hooks/s at N=1000: ${int(big.hooksPerSec)}   target ≥ ${int(TARGET_HOOKS_PER_SEC)}   ${pass(big.hooksPerSec >= TARGET_HOOKS_PER_SEC)}`);
  out(`   µs/hook N=1000 / N=100: ${fmt(ratio as number, 3)}   target ≤ ${TARGET_RATIO}   ${pass((ratio as number) <= TARGET_RATIO)}`);
} else {
  out(`   (quick run: no N=1000; µs/hook N=${top.n} / N=100: ${topRatio === null ? 'n/a' : fmt(topRatio, 3)}; targets apply to N=1000)`);
}
out();

progress(`seek: building a ${HISTORY_TARGET}-tick history…`);
const seek = seekLatency(HISTORY_TARGET);
out(`2. Seek latency and history memory: Timeline of ${int(seek.ticks)} ticks (${seek.unitsPerApp} units per app, ${seek.commands} commands, checkpoints ${seek.checkpointInterval}–${MAX_CHECKPOINT_INTERVAL} ticks apart)`);
out(`   build: ${fmt(seek.buildSeconds, 2)} s, heap after build ${fmt(seek.heapAfterBuildMB, 1)} MB`);
out(`   ${seek.seeks} random seeks: median ${fmt(seek.medianMs, 2)} ms, p95 ${fmt(seek.p95Ms, 2)} ms, max ${fmt(seek.maxMs, 2)} ms, mean ${fmt(seek.meanMs, 2)} ms`);
out(`   median target < ${TARGET_SEEK_MEDIAN_MS} ms   ${pass(seek.medianMs < TARGET_SEEK_MEDIAN_MS)}`);
out(`   max    target < ${TARGET_SEEK_MAX_MS} ms   ${pass(seek.maxMs < TARGET_SEEK_MAX_MS)}`);
out(`   heap retained by the Timeline: ${int(seek.bytesPerTick)} bytes/tick   target ≤ ${TARGET_BYTES_PER_TICK}   ${pass(seek.bytesPerTick <= TARGET_BYTES_PER_TICK)}`);
progress('masterworker 100 × 100 history…');
const mw = masterworkerHistory(QUICK ? 30 : 100);
out(`   masterworker ${QUICK ? '30 × 30' : '100 × 100'} relate, ${int(mw.ticks)} ticks: ${int(mw.bytesPerTick)} bytes/tick   target ≤ ${TARGET_BYTES_PER_TICK}   ${pass(mw.bytesPerTick <= TARGET_BYTES_PER_TICK)}`);
out(`     (its ${SEEKS} random seeks: median ${fmt(mw.medianMs, 2)} ms, max ${fmt(mw.maxMs, 2)} ms — a charm that works in every hook replays slower)`);
const wallSeconds = (performance.now() - wallStart) / 1000;
out();
out(`total wall time ${fmt(wallSeconds, 1)} s`);

if (JSON_OUT) {
  const report = {
    bench: 'relviz-engine',
    quick: QUICK,
    node: process.version,
    seed: SEED,
    gc: gcMode,
    throughput: rows,
    usPerHookRatio1000over100: ratio,
    seek,
    masterworker: mw,
    targets: {
      hooksPerSecAt1000: { target: TARGET_HOOKS_PER_SEC, actual: big?.hooksPerSec ?? null, pass: big ? big.hooksPerSec >= TARGET_HOOKS_PER_SEC : null },
      usPerHookRatio: { target: TARGET_RATIO, actual: ratio, pass: ratio === null ? null : ratio <= TARGET_RATIO },
      seekMedianMs: { target: TARGET_SEEK_MEDIAN_MS, actual: seek.medianMs, pass: seek.medianMs < TARGET_SEEK_MEDIAN_MS },
      seekMaxMs: { target: TARGET_SEEK_MAX_MS, actual: seek.maxMs, pass: seek.maxMs < TARGET_SEEK_MAX_MS },
      bytesPerTick: { target: TARGET_BYTES_PER_TICK, actual: seek.bytesPerTick, pass: seek.bytesPerTick <= TARGET_BYTES_PER_TICK },
      masterworkerBytesPerTick: { target: TARGET_BYTES_PER_TICK, actual: mw.bytesPerTick, pass: mw.bytesPerTick <= TARGET_BYTES_PER_TICK },
    },
    wallSeconds,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
