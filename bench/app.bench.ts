/**
 * Browser-side figures for the app (see bench/README.md):
 *   1. the gzipped size of the initial JavaScript (entry + modulepreloads),
 *   2. time to first render of the default masterworker example in headless Chromium,
 *   3. smoothness: 95th-percentile frame time while 10 applications × 10 units play
 *      at full speed, and the longest main-thread task meanwhile,
 *   4. a long run (~52,000 hooks) computed in the engine worker: how long, and the
 *      longest main-thread task meanwhile (the page must not freeze),
 *   5. memory with a history of a million ticks built in the app: the page's JS heap
 *      (after a full gc, and the most seen while it was computed) and the worker's (CDP).
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

// 5. A history of a million ticks: two metadata-only applications of 500 units each,
// integrated (4N² + 2N ≈ 1,001,000 hooks: the run stops at the page's limit), loaded
// as a saved session so the whole history is computed in the worker.
const metaOnly = (app: string, side: string) => `name: ${app}\n${side}:\n  x:\n    interface: bench\n`;
const millionInputs = [
  { command: { type: 'deploy', charm: { kind: 'files', path: './a', files: { 'metadata.yaml': metaOnly('a', 'provides') } }, app: 'a', units: 500 }, text: 'juju deploy ./a -n 500', run: 'idle' },
  { command: { type: 'deploy', charm: { kind: 'files', path: './b', files: { 'metadata.yaml': metaOnly('b', 'requires') } }, app: 'b', units: 500 }, text: 'juju deploy ./b -n 500', run: 'idle' },
  { command: { type: 'integrate', a: { app: 'a', endpoint: null }, b: { app: 'b', endpoint: null } }, text: 'juju integrate a b', run: 'idle' },
];
const million = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
const millionSession = { kind: 'relviz-session', version: 1, seed: 1, juju: '3.6', inputs: millionInputs, cursor: 0, positions: {} };
await million.addInitScript(`localStorage.setItem('relviz.session', ${JSON.stringify(JSON.stringify(millionSession))})`);
const cdp = await million.context().newCDPSession(million);
await cdp.send('Performance.enable');
const MB = 1024 * 1024;
const pageHeapMB = async () => {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MB;
};
// The worker's heap: CDP's Runtime.getHeapUsage in the worker's target, reached through the browser's session.
const browserCdp = await browser.newBrowserCDPSession();
let workerSession: { targetId: string; sessionId: string } | null = null;
let nextId = 1;
const replies = new Map<number, (result: unknown) => void>();
browserCdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
  const m = JSON.parse(e.message) as { id?: number; result?: unknown };
  if (m.id !== undefined) replies.get(m.id)?.(m.result ?? null);
});
const workerHeapMB = async (): Promise<number | null> => {
  // The store starts a fresh worker for each run it may cancel: find the current one each time.
  const { targetInfos } = (await browserCdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; title: string; targetId: string }> };
  const target = targetInfos.filter((t) => t.type === 'worker' && t.title === 'relviz-engine').at(-1);
  if (!target) return null;
  if (workerSession?.targetId !== target.targetId) {
    const { sessionId } = (await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    workerSession = { targetId: target.targetId, sessionId };
  }
  const id = nextId++;
  const reply = new Promise<unknown>((resolve) => {
    replies.set(id, resolve);
    setTimeout(() => resolve(null), 5000);
  });
  await browserCdp.send('Target.sendMessageToTarget', { sessionId: workerSession.sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
  const result = (await reply) as { usedSize: number } | null;
  return result ? result.usedSize / MB : null;
};
const millionStart = Date.now();
await million.goto(url);
let peakPageMB = 0;
let peakWorkerMB: number | null = null;
const slider = million.getByRole('slider', { name: 'Timeline' });
for (;;) {
  peakPageMB = Math.max(peakPageMB, await pageHeapMB());
  const w = await workerHeapMB();
  if (w !== null) peakWorkerMB = Math.max(peakWorkerMB ?? 0, w);
  const busy = await million.getByRole('status').filter({ hasText: 'Computing hooks' }).count();
  if (busy === 0 && Number((await slider.getAttribute('max').catch(() => '0')) ?? 0) > 500_000) break;
  if (Date.now() - millionStart > 600_000) throw new Error('the million-tick history took over 10 minutes');
  await million.waitForTimeout(500);
}
const millionMs = Date.now() - millionStart;
const millionTicks = Number(await slider.getAttribute('max'));
// Scrub to the middle and back to the end (what the views derive is then built), then collect garbage.
await slider.fill(String(Math.floor(millionTicks / 2)));
await slider.fill(String(millionTicks));
await million.waitForTimeout(500);
await cdp.send('HeapProfiler.collectGarbage');
const settledPageMB = await pageHeapMB();
const settledWorkerMB = await workerHeapMB();
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
    targetMs: 1500,
  },
  million: {
    model: 'two metadata-only applications × 500 units, integrated',
    ticks: millionTicks,
    ms: millionMs,
    pageHeapMB: { afterGc: settledPageMB, peak: Math.max(peakPageMB, settledPageMB) },
    workerHeapMB: { afterGc: settledWorkerMB, peak: peakWorkerMB },
    targetMB: 1024,
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
  console.log(`long run (${r.model}): ${r.hooks} hooks in ${r.ms} ms  target < ${r.targetMs} ms, ${r.inWorker ? 'in the engine worker' : 'NOT in a worker'}; page long tasks meanwhile: ${r.longTasks.count}, longest ${f(r.longTasks.maxMs)} ms`);
  const m = result.million;
  const worker = (x: number | null) => (x === null ? 'n/a' : `${f(x)} MB`);
  console.log(`million-tick history (${m.model}): ${m.ticks.toLocaleString('en')} ticks built in ${(m.ms / 1000).toFixed(1)} s`);
  console.log(`  page JS heap: ${f(m.pageHeapMB.afterGc)} MB after gc, ${f(m.pageHeapMB.peak)} MB at most while computing  target < ${m.targetMB} MB; worker JS heap: ${worker(m.workerHeapMB.afterGc)} after, ${worker(m.workerHeapMB.peak)} at most`);
}
