/**
 * Browser-side figures for the app (see bench/README.md):
 *   1. the gzipped size of the initial JavaScript (entry + modulepreloads),
 *   2. time to first render of the default masterworker example in headless Chromium,
 *   3. smoothness: 95th-percentile frame time while 10 applications × 10 units play
 *      at full speed, and the longest main-thread task meanwhile,
 *   4. a long run (~52,000 hooks) computed in the engine worker: how long, and the
 *      longest main-thread task meanwhile (the page must not freeze).
 * Usage: npm run --silent bench:app [-- --json]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import type { Command } from '../src/engine/commands.ts';
import { Timeline } from '../src/engine/timeline.ts';

const JSON_OUT = process.argv.includes('--json');
const OUT = 'dist-bench';
const log = (s: string) => process.stderr.write(`${s}\n`);

log('building…');
const build = spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

// 1. Initial JavaScript: the entry script and everything it modulepreloads.
const html = readFileSync(join(OUT, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => (m[1] ?? m[2]) as string);
let raw = 0;
let gz = 0;
for (const f of initial) {
  const bytes = readFileSync(join(OUT, f.replace(/^\//, '')));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}

const PORT = Number(process.env['BENCH_PORT'] ?? 4396);
const server = await preview({ build: { outDir: OUT }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const url = `http://127.0.0.1:${PORT}/`;
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// 2. Time to first render, over 5 fresh loads (median).
const renders: number[] = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(url);
  await page.waitForFunction(`performance.getEntriesByName('relviz-first-render').length > 0`);
  renders.push((await page.evaluate(`performance.getEntriesByName('relviz-first-render')[0].startTime`)) as number);
  await page.close();
}
renders.sort((a, b) => a - b);

// 3. Smoothness with 10 applications × 10 units, chained by relations, playing at full speed.
const meta = (i: number) => `name: app${i}\nprovides:\n  down:\n    interface: chain\nrequires:\n  up:\n    interface: chain\n`;
const inputs = [
  ...Array.from({ length: 10 }, (_, i) => ({
    command: { type: 'deploy', charm: { kind: 'files', path: `./app${i}`, files: { 'metadata.yaml': meta(i) } }, app: `app${i}`, units: 10 },
    text: `juju deploy ./app${i} -n 10`,
    run: 'idle',
  })),
  ...Array.from({ length: 9 }, (_, i) => ({
    command: { type: 'integrate', a: { app: `app${i}`, endpoint: 'up' }, b: { app: `app${i + 1}`, endpoint: 'down' } },
    text: `juju integrate app${i}:up app${i + 1}:down`,
    run: 'idle',
  })),
];
// Start playing where every unit is on screen: at the first integrate.
const probe = new Timeline({ seed: 1 });
for (const i of inputs) probe.apply(i.command as Command, { text: i.text, run: 'idle' });
const session = { kind: 'relviz-session', version: 1, seed: 1, juju: '3.6', inputs, cursor: probe.entryStartTick(10), positions: {} };
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.addInitScript(`localStorage.setItem('relviz.session', ${JSON.stringify(JSON.stringify(session))})`);
const loadStart = Date.now();
await page.goto(url);
await page.locator('[data-app-node="app9"]').waitFor();
const bigLoadMs = Date.now() - loadStart;
const length = Number(await page.getByRole('slider', { name: 'Timeline' }).getAttribute('max'));
await page.getByRole('slider', { name: 'Speed' }).fill('8');
const seconds = 8;
// Page scripts are passed as strings: tsx would otherwise inject its helpers into them.
await page.evaluate(`(() => {
  window.__frames = [];
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  const loop = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
})()`);
await page.getByRole('button', { name: 'Play', exact: true }).click();
await page.waitForTimeout(seconds * 1000);
const { frames, long, cursor } = (await page.evaluate(
  `({ frames: window.__frames.slice(5), long: window.__long, cursor: Number(document.querySelector('input[aria-label="Timeline"]').value) })`,
)) as { frames: number[]; long: number[]; cursor: number };
frames.sort((a, b) => a - b);
const p = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))] ?? 0;

// 4. A long run: masterworker with 100 masters and 100 workers, then `juju relate`
// (about 52,000 hooks), computed in the engine's worker while the page stays usable.
const big = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await big.goto(url);
await big.getByRole('button', { name: 'New', exact: true }).click();
const command = big.getByRole('textbox', { name: 'Juju command' });
for (const line of ['juju deploy master -n 100', 'juju deploy worker -n 100']) {
  await command.fill(line);
  await command.press('Enter');
}
await big.getByRole('slider', { name: 'Timeline' }).fill(String(await big.getByRole('slider', { name: 'Timeline' }).getAttribute('max')));
await big.evaluate(`(() => {
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
})()`);
const before = Number(await big.getByRole('slider', { name: 'Timeline' }).getAttribute('max'));
const runStart = Date.now();
await command.fill('juju relate master worker');
await command.press('Enter');
const busy = big.getByRole('status').filter({ hasText: 'Computing hooks' });
await busy.waitFor({ state: 'visible' });
await busy.waitFor({ state: 'hidden', timeout: 120_000 });
const runMs = Date.now() - runStart;
const runHooks = Number(await big.getByRole('slider', { name: 'Timeline' }).getAttribute('max')) - before;
const runLong = (await big.evaluate('window.__long')) as number[];
const workers = big.workers().length;
await browser.close();
await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));

const result = {
  initialJs: { files: initial, rawKB: raw / 1024, gzipKB: gz / 1024, targetKB: 250 },
  firstRenderMs: { median: renders[2], all: renders },
  smoothness: {
    model: '10 applications × 10 units, 9 relations',
    historyTicks: length,
    loadMs: bigLoadMs,
    playedSeconds: seconds,
    ticksPlayed: cursor,
    frames: frames.length,
    frameMs: { p50: p(0.5), p95: p(0.95), p99: p(0.99), max: frames[frames.length - 1] ?? 0 },
    // A frame interval over 1.5 vsyncs means at least one frame was dropped.
    droppedFrames: frames.filter((f) => f > 25).length,
    longTasks: { count: long.length, maxMs: Math.max(0, ...long) },
    targetP95Ms: 16.7,
  },
  longRun: {
    model: 'masterworker, 100 masters x 100 workers, juju relate',
    hooks: runHooks,
    ms: runMs,
    inWorker: workers > 0,
    longTasks: { count: runLong.length, maxMs: Math.max(0, ...runLong) },
  },
};
if (JSON_OUT) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const f = (n: number | undefined) => (n ?? 0).toFixed(1);
  console.log(`initial JavaScript: ${f(result.initialJs.gzipKB)} KB gzipped (${f(result.initialJs.rawKB)} KB raw, ${initial.length} files)  target ≤ 250 KB`);
  console.log(`first render of the masterworker example: median ${f(result.firstRenderMs.median)} ms (${renders.map((r) => r.toFixed(0)).join(', ')})`);
  const s = result.smoothness;
  console.log(`10 × 10 model: ${s.historyTicks} ticks of history, loaded in ${s.loadMs} ms; played ${s.ticksPlayed} ticks in ${seconds} s at full speed`);
  console.log(`frame time: p50 ${f(s.frameMs.p50)} ms, p95 ${f(s.frameMs.p95)} ms, p99 ${f(s.frameMs.p99)} ms, max ${f(s.frameMs.max)} ms  target p95 ≤ 16.7 ms (one vsync)`);
  console.log(`frames dropped (interval > 25 ms): ${s.droppedFrames} of ${s.frames}`);
  console.log(`long tasks (>50 ms) while playing: ${s.longTasks.count}, longest ${f(s.longTasks.maxMs)} ms`);
  const r = result.longRun;
  console.log(`long run (${r.model}): ${r.hooks} hooks in ${r.ms} ms, ${r.inWorker ? 'in the engine worker' : 'NOT in a worker'}; page long tasks meanwhile: ${r.longTasks.count}, longest ${f(r.longTasks.maxMs)} ms`);
}
