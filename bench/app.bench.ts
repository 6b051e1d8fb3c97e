/**
 * Browser-side figures for the app (see bench/README.md):
 *   1. the gzipped size of the initial JavaScript (entry + modulepreloads),
 *   2. time to first render of the default masterworker example in headless Chromium,
 *   3. smoothness: 95th-percentile frame time while 10 applications × 10 units play
 *      at full speed, and the longest main-thread task meanwhile,
 *   4. a long run (~52,000 hooks) computed in the engine worker: how long, and the
 *      longest main-thread task meanwhile (the page must not freeze),
 *   5. memory with a history of a million ticks built in the app: the page's JS heap
 *      (after a full gc, and the most seen while it was computed) and the worker's (CDP),
 *   6. smoothness of a big model (30 applications × 5 units, 60 relations) at 128 hooks/s,
 *   7. scrubbing: each move of the timeline's scrubber to the next painted frame (50 × 50).
 * Usage: npm run --silent bench:app [-- --json] [-- --size-only | --quick]
 *   --size-only: build and measure section 1 only (a few seconds; for checking a size change).
 *   --quick: sections 1 and 2 only (size and first render), without the slow smoothness and long-run figures.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { FRAME_MS, meshModel, openSession, playAndTimeFrames, scrubLatency, type Smoothness } from './interaction.ts';

const JSON_OUT = process.argv.includes('--json');
const SIZE_ONLY = process.argv.includes('--size-only');
const QUICK = process.argv.includes('--quick');
/** The initial JavaScript's budget, gzipped (issue 11). */
const TARGET_KB = 200;
const OUT = 'dist-bench';
const log = (s: string) => process.stderr.write(`${s}\n`);

log('building…');
const build = spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

/** Section 1's line: the figure beside its target. */
function sizeLine(s: { files: readonly string[]; rawKB: number; gzipKB: number; targetKB: number }): string {
  return `initial JavaScript: ${s.gzipKB.toFixed(1)} KB gzipped (${s.rawKB.toFixed(1)} KB raw, ${s.files.length} files)  target ≤ ${s.targetKB} KB`;
}

/** Section 2's line (renders sorted). */
function renderLine(renders: readonly number[]): string {
  return `first render of the masterworker example: median ${(renders[2] ?? 0).toFixed(1)} ms (${renders.map((r) => r.toFixed(0)).join(', ')})  target < 300 ms`;
}

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

if (SIZE_ONLY) {
  const sized = { files: initial, rawKB: raw / 1024, gzipKB: gz / 1024, targetKB: TARGET_KB };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify({ initialJs: sized })}\n`);
  else console.log(sizeLine(sized));
  process.exit(0);
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
if (QUICK) {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  const quick = { initialJs: { files: initial, rawKB: raw / 1024, gzipKB: gz / 1024, targetKB: TARGET_KB }, firstRenderMs: { median: renders[2], all: renders } };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(quick)}\n`);
  else {
    console.log(sizeLine(quick.initialJs));
    console.log(renderLine(renders));
  }
  process.exit(0);
}

// 3. Smoothness with 10 applications × 10 units, chained by relations, playing at full
// speed (128 hooks/s), from the first integrate (where every unit is on screen).
const chain = await openSession(browser, url, meshModel(10, 10, 9));
const seconds = 8;
const chainPlay = await playAndTimeFrames(chain.page, 8, seconds);
await chain.page.close();

// 5. The same with 30 applications × 5 units and 60 relations (issue 11's big model).
const mesh = await openSession(browser, url, meshModel(30, 5, 60));
const meshPlay = await playAndTimeFrames(mesh.page, 8, seconds);
await mesh.page.close();

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
await big.close();

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
await million.close();

// 7. Scrubbing: masterworker 50 × 50 integrated (~13,000 hooks), the scrubber dragged by the mouse.
const scrubPage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await scrubPage.goto(url);
await scrubPage.getByRole('button', { name: 'New', exact: true }).click();
const scrubCommand = scrubPage.getByRole('textbox', { name: 'Juju command' });
for (const line of ['juju deploy master -n 50', 'juju deploy worker -n 50', 'juju relate master worker']) {
  await scrubCommand.fill(line);
  await scrubCommand.press('Enter');
}
const scrubBusy = scrubPage.getByRole('status').filter({ hasText: 'Computing hooks' });
await scrubBusy.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined); // a quick run may be over before it shows
await scrubBusy.waitFor({ state: 'hidden', timeout: 120_000 });
const scrubTicks = Number(await scrubPage.getByRole('slider', { name: 'Timeline' }).getAttribute('max'));
const scrub = await scrubLatency(scrubPage);
await browser.close();
await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));

const smooth = (model: string, opened: { ticks: number; loadMs: number }, play: Smoothness) => ({ model, historyTicks: opened.ticks, loadMs: opened.loadMs, ...play, targetP95Ms: FRAME_MS });
const result = {
  initialJs: { files: initial, rawKB: raw / 1024, gzipKB: gz / 1024, targetKB: TARGET_KB },
  firstRenderMs: { median: renders[2], all: renders },
  smoothness: smooth('10 applications × 10 units, 9 relations', chain, chainPlay),
  bigSmoothness: smooth('30 applications × 5 units, 60 relations', mesh, meshPlay),
  longRun: {
    model: 'masterworker, 100 masters x 100 workers, juju relate',
    hooks: runHooks,
    ms: runMs,
    targetMs: 1500,
    inWorker: workers > 0,
    longTasks: { count: runLong.length, maxMs: Math.max(0, ...runLong) },
  },
  million: {
    model: 'two metadata-only applications × 500 units, integrated',
    ticks: millionTicks,
    ms: millionMs,
    pageHeapMB: { afterGc: settledPageMB, peak: Math.max(peakPageMB, settledPageMB) },
    workerHeapMB: { afterGc: settledWorkerMB, peak: peakWorkerMB },
    targetMB: 1024,
  },
  scrub: { model: 'masterworker, 50 masters x 50 workers, juju relate', historyTicks: scrubTicks, ...scrub, targetMs: FRAME_MS },
};
if (JSON_OUT) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const f = (n: number | undefined) => (n ?? 0).toFixed(1);
  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`${sizeLine(result.initialJs)}  ${pass(result.initialJs.gzipKB <= TARGET_KB)}`);
  console.log(`${renderLine(renders)}  ${pass((result.firstRenderMs.median ?? Infinity) < 300)}`);
  for (const s of [result.smoothness, result.bigSmoothness]) {
    console.log(`${s.model}: ${s.historyTicks} ticks of history, loaded in ${s.loadMs} ms; played ${s.ticksPlayed} ticks in ${s.seconds} s at ${s.hooksPerSecond} hooks/s`);
    console.log(`  frame time: p50 ${f(s.frameMs.p50)} ms, p95 ${f(s.frameMs.p95)} ms, p99 ${f(s.frameMs.p99)} ms, max ${f(s.frameMs.max)} ms  target p95 ≤ ${f(FRAME_MS)} ms (60 fps)  ${pass(s.frameMs.p95 <= FRAME_MS)}`);
    console.log(`  frames dropped (interval > ${f(FRAME_MS * 1.5)} ms): ${s.droppedFrames} of ${s.frames}; long tasks (>50 ms): ${s.longTasks.count}, longest ${f(s.longTasks.maxMs)} ms`);
  }
  const r = result.longRun;
  console.log(`long run (${r.model}): ${r.hooks} hooks in ${r.ms} ms, ${r.inWorker ? 'in the engine worker' : 'NOT in a worker'}  target < ${r.targetMs} ms  ${pass(r.ms < r.targetMs)}`);
  console.log(`  page long tasks meanwhile: ${r.longTasks.count}, longest ${f(r.longTasks.maxMs)} ms`);
  const m = result.million;
  const worker = (x: number | null) => (x === null ? 'n/a' : `${f(x)} MB`);
  console.log(`million-tick history (${m.model}): ${m.ticks.toLocaleString('en')} ticks built in ${(m.ms / 1000).toFixed(1)} s`);
  console.log(`  page JS heap: ${f(m.pageHeapMB.afterGc)} MB after gc, ${f(m.pageHeapMB.peak)} MB at most while computing  target < ${m.targetMB} MB  ${pass(m.pageHeapMB.peak < m.targetMB)}; worker JS heap: ${worker(m.workerHeapMB.afterGc)} after, ${worker(m.workerHeapMB.peak)} at most`);
  const c = result.scrub;
  console.log(`scrubbing (${c.model}, ${c.historyTicks} ticks), input → next painted frame, ${c.moves} moves each:`);
  console.log(`  random jumps: median ${f(c.jumpsMs.median)} ms, p90 ${f(c.jumpsMs.p90)} ms, max ${f(c.jumpsMs.max)} ms  target median ≤ ${f(FRAME_MS)} ms  ${pass(c.jumpsMs.median <= FRAME_MS)}`);
  console.log(`  slow drag:    median ${f(c.dragMs.median)} ms, p90 ${f(c.dragMs.p90)} ms, max ${f(c.dragMs.max)} ms  target median ≤ ${f(FRAME_MS)} ms  ${pass(c.dragMs.median <= FRAME_MS)}`);
}
