/**
 * Opening real-sized models in the page, in headless Chromium: the fixture bundles
 * (COS Lite with TLS, Charmed Kubernetes with Vault) and a synthetic bundle of 30
 * applications and 60 relations (the issue's size). For each: how long from "Open as
 * a new model" until every hook is computed, how many hooks, the page's longest task
 * (target: none over 200 ms) — and the engine alone (Node) for comparison.
 * Usage: npm run --silent bench:bundle [-- --json]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { installReaders } from '../src/engine/readersImpl.ts';
import { Timeline } from '../src/engine/timeline.ts';

// Bundles are read in Node here, as the CLI reads them.
installReaders();

const JSON_OUT = process.argv.includes('--json');
const OUT = 'dist-bench';
const log = (s: string) => process.stderr.write(`${s}\n`);

/** A bundle of `apps` applications (1–3 units each) and `relations` relations between them, every charm inferred. */
export function syntheticBundle(apps: number, relations: number): string {
  const name = (i: number) => `app-${String(i + 1).padStart(2, '0')}`;
  const lines = ['applications:'];
  for (let i = 0; i < apps; i++) lines.push(`  ${name(i)}:`, `    charm: synthetic-${i % 7}`, `    num_units: ${1 + (i % 3)}`);
  lines.push('relations:');
  // Each relation joins two different applications on an endpoint of its own: a layered, crossing-prone graph.
  for (let r = 0; r < relations; r++) {
    const a = r % apps;
    const b = (a + 1 + ((r * 7) % (apps - 1))) % apps;
    lines.push(`- [${name(a)}:use-${r}, ${name(b)}:serve-${r}]`);
  }
  return `${lines.join('\n')}\n`;
}

const CASES: ReadonlyArray<{ readonly name: string; readonly example?: string; readonly text?: string }> = [
  { name: 'COS Lite + TLS overlay (example)', example: 'cos-lite' },
  { name: 'Charmed Kubernetes (example)', example: 'charmed-kubernetes' },
  { name: 'synthetic: 30 applications, 60 relations', text: syntheticBundle(30, 60) },
];

/** The engine alone: the same bundle deployed and run to idle in Node. */
function engineOnly(c: (typeof CASES)[number]): { hooks: number; ms: number } {
  const files: Record<string, string> = {};
  let path = 'b.yaml';
  const overlays: string[] = [];
  if (c.example === 'cos-lite') {
    path = 'examples/bundles/cos-lite/bundle.yaml';
    overlays.push('examples/bundles/cos-lite/overlays/tls-overlay.yaml');
  } else if (c.example) path = `examples/bundles/${c.example}/bundle.yaml`;
  for (const p of [path, ...overlays]) files[p] = c.text ?? readFileSync(p, 'utf8');
  const t0 = performance.now();
  const t = new Timeline({ seed: 1 });
  t.apply({ type: 'deploy-bundle', path, overlays, files }, { run: 'idle' });
  return { hooks: t.length, ms: Math.round(performance.now() - t0) };
}

const OBSERVE = `(() => {
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
})()`;

interface Figure {
  readonly bundle: string;
  readonly applications: number;
  readonly hooks: number;
  readonly settleMs: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly engineMs: number;
}

async function measure(page: Page, c: (typeof CASES)[number]): Promise<Omit<Figure, 'engineMs'>> {
  await page.evaluate('window.__long = []');
  const t0 = Date.now();
  if (c.example) {
    await page.getByLabel('Examples').selectOption(c.example);
  } else {
    await page.getByRole('button', { name: 'Bundle', exact: true }).click();
    await page.getByRole('button', { name: 'Open…', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Or paste a bundle, or juju status output').fill(c.text ?? '');
    await dialog.getByTestId('open-preview').waitFor();
    await page.evaluate('window.__long = []');
    await dialog.getByRole('button', { name: 'Open as a new model' }).click();
  }
  const start = c.example ? t0 : Date.now();
  // Settled: the history is computed (no "Computing hooks") and its length stops growing.
  const slider = page.getByRole('slider', { name: 'Timeline' });
  let last = -1;
  for (;;) {
    await page.waitForTimeout(100);
    const busy = await page.getByRole('status').filter({ hasText: 'Computing hooks' }).isVisible().catch(() => false);
    const max = Number(await slider.getAttribute('max'));
    if (!busy && max === last && max > 1) break;
    last = max;
  }
  const settleMs = Date.now() - start - 100;
  await page.waitForTimeout(300);
  const long = (await page.evaluate('window.__long')) as number[];
  const applications = await page.locator('[data-app-node]').count();
  return { bundle: c.name, applications, hooks: last, settleMs, longestTaskMs: Math.round(Math.max(0, ...long)), longTasks: long.length };
}

log('building…');
if (spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const PORT = Number(process.env['BENCH_PORT'] ?? 4398);
const server = await preview({ build: { outDir: OUT }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const figures: Figure[] = [];
for (const c of CASES) {
  log(c.name);
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.addInitScript(OBSERVE);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
  await page.waitForTimeout(500);
  figures.push({ ...(await measure(page, c)), engineMs: engineOnly(c).ms });
  await page.close();
}
await browser.close();
await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));

if (JSON_OUT) process.stdout.write(`${JSON.stringify(figures)}\n`);
else {
  console.log('bundle                                      apps   hooks  settled in  longest task  long tasks  engine alone');
  for (const f of figures) {
    console.log(
      `${f.bundle.padEnd(44)}${String(f.applications).padStart(4)}${String(f.hooks).padStart(8)}${`${f.settleMs} ms`.padStart(12)}${`${f.longestTaskMs} ms`.padStart(14)}${String(f.longTasks).padStart(12)}${`${f.engineMs} ms`.padStart(14)}`,
    );
  }
  console.log('target: a bundle of ~30 applications and ~60 relations deploys and settles with no page task over 200 ms');
}
