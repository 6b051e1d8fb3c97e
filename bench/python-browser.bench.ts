/**
 * Python in the browser (issue 14), in headless Chromium against a production build:
 *   1. Pyodide's start: `loadPyodide` from the app's own `pyodide/` folder (no network
 *      beyond the local server), timed on a fresh page, three times;
 *   2. a session with a Python charm opened cold: from navigation until its whole
 *      history is computed (the worker loads Pyodide, then runs the charm's hooks);
 *   3. then, on the warm worker, `juju add-unit mycharm -n 10` typed in the console:
 *      the time per hook of the whole path (worker, Python, chunks adopted by the page).
 * Usage: npm run --silent bench:python-browser
 */
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';

const OUT = 'dist-bench-py';
const PORT = Number(process.env['BENCH_PORT'] ?? 4397);
const log = (s: string) => process.stderr.write(`${s}\n`);

/** A small ops charm: logs, sets a status, reads the remote bag and defers until the key it waits for is there. */
const CHARM = {
  'metadata.yaml': 'name: mycharm\nrequires:\n  master:\n    interface: exchange\n',
  'src/charm.py': `import logging
import ops

logger = logging.getLogger(__name__)


class MyCharm(ops.CharmBase):
    def __init__(self, framework):
        super().__init__(framework)
        framework.observe(self.on.install, self._on_install)
        framework.observe(self.on.master_relation_changed, self._on_changed)

    def _on_install(self, event):
        logger.info("installing %s", self.unit.name)
        self.unit.status = ops.MaintenanceStatus("installed")

    def _on_changed(self, event):
        key = event.relation.data[event.unit].get(f"{self.unit.name}-worker-key") if event.unit else None
        if key is None:
            event.defer()
            return
        self.unit.status = ops.ActiveStatus(f"key {key}")


if __name__ == "__main__":
    ops.main(MyCharm)
`,
};

const session = {
  kind: 'relviz-session',
  version: 1,
  seed: 1,
  juju: '3.6',
  cursor: 0,
  positions: {},
  inputs: [
    { command: { type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: 1 }, text: 'juju deploy master', run: 'idle' },
    { command: { type: 'deploy', charm: { kind: 'files', path: './mycharm', files: CHARM }, app: null, units: 2 }, text: 'juju deploy ./mycharm -n 2', run: 'idle' },
    { command: { type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'mycharm', endpoint: null } }, text: 'juju integrate master mycharm', run: 'idle' },
  ],
};

log('building…');
if (spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const server = await preview({ build: { outDir: OUT }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const url = `http://127.0.0.1:${PORT}/`;
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** The history's length as the transport shows it (`cursor / length`). */
const historyLength = (page: Page) => page.evaluate(() => Number(/\d[\d,]* \/ (\d[\d,]*)/.exec(document.body.innerText)?.[1]?.replaceAll(',', '') ?? -1));

try {
  // 1. Pyodide's own start, on a page of the app's origin (the engine worker does the same).
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    await page.goto(`${url}pyodide/pyodide-lock.json`);
    const ms = await page.evaluate(async (base) => {
      const t0 = performance.now();
      const mod = await import(`${base}pyodide/pyodide.mjs`);
      const py = await mod.loadPyodide({ indexURL: `${base}pyodide/` });
      py.runPython('1 + 1');
      return performance.now() - t0;
    }, url);
    starts.push(ms);
    await page.close();
  }
  log(`Pyodide start in Chromium: median ${(median(starts) / 1000).toFixed(2)} s (${starts.map((s) => (s / 1000).toFixed(2)).join(', ')})`);

  // 2. A session with a Python charm, opened cold.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript((s) => localStorage.setItem('relviz.session', s), JSON.stringify(session));
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => /\/ 30\b/.test(document.body.innerText) && !/computing|Loading Python/i.test(document.body.innerText), null, { timeout: 180_000, polling: 50 });
  const cold = Date.now() - t0;
  log(`session with a Python charm, cold: its 30 ticks (26 hooks, 17 of them Python) computed ${(cold / 1000).toFixed(2)} s after navigation`);

  // 3. More hooks on the warm worker, typed in the console at the end of the history.
  await page.getByRole('slider').nth(1).focus();
  await page.keyboard.press('End');
  const before = await historyLength(page);
  const console_ = page.getByRole('textbox', { name: 'Juju command' });
  await console_.fill('juju add-unit mycharm -n 10');
  const t1 = Date.now();
  await console_.press('Enter');
  let after = before;
  // Done when the history has grown past the command's own tick and then not moved for 3 s.
  for (let stable = 0; stable < 30; ) {
    await page.waitForTimeout(100);
    const n = await historyLength(page);
    stable = n === after && n > before + 1 ? stable + 1 : 0;
    after = n;
    if (Date.now() - t1 > 180_000) throw new Error('add-unit did not finish in 3 minutes');
  }
  const warm = Date.now() - t1 - 3000; // the last 3 s only confirmed it had stopped
  const hooks = after - before - 1;
  log(`warm: juju add-unit mycharm -n 10 ran ${hooks} hooks in ${(warm / 1000).toFixed(2)} s: ${(warm / hooks).toFixed(1)} ms a hook, end to end`);
  console.log(JSON.stringify({ pyodideStartMs: starts, coldSessionMs: cold, warmHooks: hooks, warmMs: warm, msPerHook: warm / hooks }));
} finally {
  await browser.close();
  await server.close();
}
