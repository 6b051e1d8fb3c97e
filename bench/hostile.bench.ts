/**
 * The worst inputs we know of, each from the door it comes through, in headless
 * Chromium: how long the page's longest task is while it handles them (the target is
 * none over 200 ms), whether the page answered, and how long Stop takes to answer.
 * See bench/README.md. Usage: npm run --silent bench:hostile [-- --json]
 */
import { installReaders } from '../src/engine/readersImpl.ts';
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { encodeShare } from '../src/share/link.ts';
import { createRelvizStore } from '../src/store/store.ts';

// The engine runs here in Node, as in the CLI: with its YAML readers (src/engine/readers.ts).
installReaders();

const JSON_OUT = process.argv.includes('--json');
const OUT = 'dist-bench';
const log = (s: string) => process.stderr.write(`${s}\n`);

log('building…');
if (spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const PORT = Number(process.env['BENCH_PORT'] ?? 4397);
const server = await preview({ build: { outDir: OUT }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const url = `http://127.0.0.1:${PORT}/`;
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Long tasks are collected from the first script on. */
const OBSERVE = `(() => {
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
})()`;

interface Figure {
  readonly input: string;
  readonly door: string;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** What the page said (the error banner, or the console's last line). */
  readonly said: string;
  readonly stopMs?: number;
}
const figures: Figure[] = [];

async function fresh(path = '/', init?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(OBSERVE);
  if (init) await page.addInitScript(init);
  await page.goto(`${url}${path.replace(/^\//, '')}`);
  await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
  return page;
}

async function longest(page: Page): Promise<{ max: number; count: number }> {
  const long = (await page.evaluate('window.__long')) as number[];
  return { max: Math.round(Math.max(0, ...long)), count: long.length };
}

async function said(page: Page): Promise<string> {
  const alert = page.getByRole('alert').first();
  if (await alert.isVisible()) return ((await alert.textContent()) ?? '').slice(0, 160);
  return '';
}

/** Types a line in the console of a page at the end of its history; waits until no run is being computed. */
async function typed(line: string, opts: { stopAfterMs?: number } = {}): Promise<Figure> {
  const page = await fresh();
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.fill(String(await timeline.getAttribute('max')));
  await page.evaluate('window.__long = []');
  const command = page.getByRole('textbox', { name: 'Juju command' });
  await command.fill(line);
  await command.press('Enter');
  let stopMs: number | undefined;
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  if (opts.stopAfterMs !== undefined && (await stop.isVisible().catch(() => false))) {
    await page.waitForTimeout(opts.stopAfterMs);
    // Timed inside the page: from the click to the frame where the run is gone.
    stopMs = (await page.evaluate(`new Promise((resolve) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Stop');
      if (!button) return resolve(-1);
      const t = performance.now();
      button.click();
      const check = () => ([...document.querySelectorAll('button')].some((b) => b.textContent === 'Stop') ? requestAnimationFrame(check) : resolve(performance.now() - t));
      check();
    })`)) as number;
  }
  await page.getByRole('status').filter({ hasText: 'Computing hooks' }).waitFor({ state: 'hidden', timeout: 180_000 });
  await page.waitForTimeout(500);
  const { max, count } = await longest(page);
  const out = (await page.getByRole('log', { name: 'Console output' }).innerText().catch(() => '')) ?? '';
  const figure: Figure = { input: line, door: 'console', longestTaskMs: max, longTasks: count, said: (await said(page)) || out.trim().split('\n').at(-1)?.slice(0, 160) || '', ...(stopMs !== undefined ? { stopMs: Math.round(stopMs) } : {}) };
  await page.close();
  return figure;
}

log('console inputs…');
figures.push(await typed('juju add-unit worker -n 99999999999'));
figures.push(await typed('juju add-unit worker -n 998'));
figures.push({ ...(await typed('juju add-unit worker -n 998', { stopAfterMs: 1000 })), input: 'juju add-unit worker -n 998, Stop after 1 s' });
figures.push(await typed('juju deploy ubuntu u -n 1000'));

log('a share link…');
{
  const session = createRelvizStore({ script: 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker' }).getState().exportSession();
  const link = encodeShare({ ...session, inputs: [...session.inputs, { command: { type: 'add-unit', app: 'worker', units: 99999999999 }, text: 'juju add-unit worker -n 99999999999', run: 'idle' }] });
  const page = await fresh(`/#share=${link}`);
  await page.waitForTimeout(500);
  const { max, count } = await longest(page);
  figures.push({ input: 'juju add-unit worker -n 99999999999', door: `share link (${link.length} characters)`, longestTaskMs: max, longTasks: count, said: await said(page) });
  await page.close();
}

log('saved sessions…');
for (const [name, inputs] of [
  ['an unknown command', [{ command: { type: 'teleport' }, text: 'juju teleport', run: 'idle' }]],
  ['10,000 commands (the most a session may hold)', Array.from({ length: 10_000 }, (_, i) => (i === 0 ? { command: { type: 'deploy', charm: { kind: 'catalog', name: 'ubuntu' }, app: null, units: null }, text: 'juju deploy ubuntu', run: 'idle' } : { command: { type: 'wait' }, text: 'wait', run: 'idle' }))],
] as const) {
  const session = { kind: 'relviz-session', version: 1, seed: 1, juju: '3.6', cursor: 0, positions: {}, inputs };
  const page = await fresh('/', `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('relviz.session', ${JSON.stringify(JSON.stringify(session))}); }`);
  await page.getByRole('status').filter({ hasText: 'Computing hooks' }).waitFor({ state: 'hidden', timeout: 180_000 });
  await page.waitForTimeout(500);
  const { max, count } = await longest(page);
  figures.push({ input: name, door: 'saved session', longestTaskMs: max, longTasks: count, said: await said(page) });
  await page.close();
}

log('an embed message…');
{
  const page = await fresh('/?embed=1&origin=' + encodeURIComponent(url.replace(/\/$/, '')));
  await page.evaluate(`window.postMessage({ type: 'relviz:load', script: 'juju deploy worker\\njuju add-unit worker -n 99999999999' }, '*')`);
  await page.waitForTimeout(800);
  const { max, count } = await longest(page);
  figures.push({ input: 'relviz:load with juju add-unit worker -n 99999999999', door: 'embed postMessage', longestTaskMs: max, longTasks: count, said: await said(page) });
  await page.close();
}

await browser.close();
await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));

if (JSON_OUT) process.stdout.write(`${JSON.stringify(figures)}\n`);
else {
  console.log('door                          input                                              longest task  long tasks  stop');
  for (const f of figures) {
    console.log(`${f.door.padEnd(30)}${f.input.slice(0, 50).padEnd(51)}${`${f.longestTaskMs} ms`.padStart(12)}  ${String(f.longTasks).padStart(10)}  ${f.stopMs !== undefined ? `${f.stopMs} ms` : ''}`);
    if (f.said) console.log(`${''.padEnd(30)}→ ${f.said}`);
  }
  console.log('target: no task over 200 ms; Stop answers within 100 ms');
}
