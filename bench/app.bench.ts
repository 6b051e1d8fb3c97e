/**
 * Browser-side figures for the app (see bench/README.md):
 *   1. the gzipped size of the initial JavaScript (entry + modulepreloads),
 *   2. time to first render of the default masterworker example in headless Chromium,
 *   3. smoothness: 95th-percentile frame time while 10 applications × 10 units play
 *      at full speed, and the longest main-thread task meanwhile,
 *   4. a long run (~52,000 hooks) computed in the engine worker: how long, and the
 *      longest main-thread task meanwhile (the page must not freeze).
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

// 6. Scrubbing: masterworker 50 × 50 integrated (~13,000 hooks), the scrubber dragged by the mouse.
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
  const c = result.scrub;
  console.log(`scrubbing (${c.model}, ${c.historyTicks} ticks), input → next painted frame, ${c.moves} moves each:`);
  console.log(`  random jumps: median ${f(c.jumpsMs.median)} ms, p90 ${f(c.jumpsMs.p90)} ms, max ${f(c.jumpsMs.max)} ms  target median ≤ ${f(FRAME_MS)} ms  ${pass(c.jumpsMs.median <= FRAME_MS)}`);
  console.log(`  slow drag:    median ${f(c.dragMs.median)} ms, p90 ${f(c.dragMs.p90)} ms, max ${f(c.dragMs.max)} ms  target median ≤ ${f(FRAME_MS)} ms  ${pass(c.dragMs.median <= FRAME_MS)}`);
}
