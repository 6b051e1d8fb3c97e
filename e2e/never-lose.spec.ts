/**
 * Never lose the user's work, never freeze, never brick (issue 9 §1–§3), as a user
 * meets it: the example opens deployed; acting in the past, New, an example or a
 * tutorial say what they replaced and Undo brings it back; a saved session relviz
 * cannot open is set aside with a banner and the file; storage full is said, not
 * thrown; inputs over relviz's limits are refused by name from every door, and a
 * long run leaves the page answering with Stop at hand.
 */
import type { Page } from '@playwright/test';
import { encodeShare } from '../src/share/link.ts';
import { SESSION_KEY } from '../src/store/session.ts';
import { Label } from '../src/ui/labels.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';

const notice = (page: Page) => page.getByTestId('notice');
/** A session around `inputs` (seed 1, Juju 3.6, cursor 0): what the tests spoil or share. */
const sessionOf = (inputs: unknown[]) => ({ kind: 'relviz-session', version: 1, seed: 1, juju: '3.6', cursor: 0, positions: {}, inputs }) as const;
const maxTick = async (relviz: RelvizPage) => Number(await relviz.timeline.getAttribute('max'));

/** Puts `text` in the saved session before the page's first script runs (once: a reload keeps what relviz saved). */
async function seedSaved(page: Page, text: string) {
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('relviz.test.seeded')) return;
      sessionStorage.setItem('relviz.test.seeded', '1');
      localStorage.setItem(key, value);
    },
    [SESSION_KEY, text] as const,
  );
}

test('the example opens deployed: the applications and their units on the graph, ready to relate or play', async ({ relviz, page }) => {
  await relviz.open();
  await expect(relviz.unit('master/0')).toBeVisible();
  await expect(relviz.unit('worker/1')).toBeVisible();
  expect(await relviz.cursor()).toBeGreaterThan(0);
  expect(await relviz.cursor()).toBeLessThan(await maxTick(relviz));
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});

test('a command where the example is deployed replaces its future — said at once, and Undo brings it back', async ({ relviz, page }) => {
  await relviz.open();
  const length = await maxTick(relviz);
  await relviz.run('juju deploy ubuntu');
  await expect(notice(page)).toContainText('“juju deploy ubuntu” at tick');
  await expect(notice(page)).toContainText('“juju relate master worker”');
  expect(await maxTick(relviz)).toBeLessThan(length);
  await notice(page).getByRole('button', { name: Label.undo }).click();
  await expect(notice(page)).toContainText('Undid juju deploy ubuntu');
  await expect.poll(() => maxTick(relviz)).toBe(length);
  await expect(relviz.unit('ubuntu/0')).toHaveCount(0);
  // Redo from the keyboard, anywhere but a text field.
  await page.getByRole('region', { name: Label.regionGraph, exact: true }).click({ position: { x: 30, y: 60 } });
  await page.keyboard.press('Control+Shift+Z');
  await expect(relviz.unit('ubuntu/0')).toBeVisible();
  await page.keyboard.press('Control+Z');
  await expect(relviz.unit('ubuntu/0')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: Label.redo })).toBeEnabled();
});

test('New and Examples replace a custom model at once, and Undo brings it back; leaving a tutorial brings it back too', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.run('juju add-unit worker');
  await expect(relviz.unit('worker/2')).toBeVisible();
  await page.getByRole('button', { name: Label.newSession, exact: true }).click();
  await expect(notice(page)).toContainText(/^Started a new, empty model; your model \(\d+ commands\) is one Undo away\./);
  await expect(relviz.unit('master/0')).toHaveCount(0);
  await page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: Label.undo }).click();
  await expect(relviz.unit('worker/2')).toBeVisible();

  await page.getByRole('combobox', { name: Label.examples }).selectOption({ label: 'Peers and leadership' });
  await expect(notice(page)).toContainText(/^Opened the example “Peers and leadership”; your model \(\d+ commands\) is one Undo away\./);
  await notice(page).getByRole('button', { name: Label.undo }).click();
  await expect(relviz.unit('worker/2')).toBeVisible();

  await page.getByRole('combobox', { name: Label.tutorials }).selectOption('departed-or-broken');
  await expect(notice(page)).toContainText('leaving it brings your model back');
  await expect(relviz.unit('worker/2')).toHaveCount(0);
  await page.getByRole('button', { name: Label.tutorialExit }).click();
  await expect(relviz.unit('worker/2')).toBeVisible();
  await expect(notice(page)).toContainText('Back to the model you had before the tutorial');
});

test('deleting a unit while rewound says which future it replaced, with Undo at hand', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.unit('worker/1').click();
  await page.keyboard.press('Delete');
  await expect(notice(page)).toContainText('“juju remove-unit worker/1” at tick');
  await notice(page).getByRole('button', { name: Label.undo }).click();
  await expect(notice(page)).toContainText('Undid juju remove-unit worker/1');
});

test('a saved session this relviz cannot open is set aside, kept and downloadable; the page starts normally', async ({ relviz, page }) => {
  const broken = JSON.stringify(sessionOf([{ command: { type: 'teleport', unit: 'a/0' }, text: 'juju teleport a/0', run: 'idle' }]));
  await seedSaved(page, broken);
  await relviz.open();
  const banner = page.getByRole('alert').filter({ hasText: 'set aside' });
  await expect(banner).toContainText('command 1 ("juju teleport a/0") is a "teleport" command, which this relviz does not know');
  // The example is there: the page started normally.
  await expect(relviz.unit('master/0')).toBeVisible();
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: Label.downloadSession }).click();
  const file = await download;
  const saved = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of saved) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(broken);
  // Kept under its own key; the session key now holds the new session, not the old one.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const aside = keys.find((k) => k.startsWith('relviz.session.set-aside.'));
  expect(aside).toBeDefined();
  expect(await page.evaluate((k) => localStorage.getItem(k), aside as string)).toBe(broken);
  await page.reload();
  await expect(relviz.unit('master/0')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'set aside' })).toHaveCount(0);
});

test('a session with a command missing a field, or over a limit, is set aside too (not a blank page)', async ({ relviz, page }) => {
  await seedSaved(page, JSON.stringify(sessionOf([{ command: { type: 'remove-unit', units: null }, text: 'juju remove-unit', run: 'idle' }])));
  await relviz.open();
  await expect(page.getByRole('alert').filter({ hasText: 'set aside' })).toContainText('fields of the wrong type for a "remove-unit" command');
  await expect(relviz.unit('master/0')).toBeVisible();
});

test('refused by name from every door: the console, a share link, an embed message', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.run('juju add-unit worker -n 99999999999');
  await expect(page.getByRole('alert').first()).toContainText("over relviz's limit of 1,000 units per command");
  await relviz.run('juju add-unit worker -n 1000');
  await expect(page.getByRole('alert').first()).toContainText("it would have 1,002 units, over relviz's limit of 1,000 units per application");

  const link = encodeShare({
    ...sessionOf([]),
    inputs: [
      { command: { type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: null }, text: 'juju deploy worker', run: 'idle' },
      { command: { type: 'add-unit', app: 'worker', units: 99999999999 }, text: 'juju add-unit worker -n 99999999999', run: 'idle' },
    ],
  });
  await page.goto(`/#share=${link}`);
  await expect(page.getByRole('alert').first()).toContainText('this share link cannot be opened: command 2 ("juju add-unit worker -n 99999999999"): ERROR cannot add 99,999,999,999 units');

  await page.goto('/embed-demo.html');
  const frame = page.frameLocator('iframe[title^="relviz"]');
  await expect(frame.getByRole('region', { name: Label.regionGraph, exact: true })).toBeVisible();
  await page.evaluate(() => {
    const iframe = document.querySelector('iframe') as HTMLIFrameElement;
    iframe.contentWindow?.postMessage({ type: 'relviz:load', script: 'juju deploy worker\njuju add-unit worker -n 99999999999' }, '*');
  });
  await expect(frame.getByRole('alert').first()).toContainText("relviz:load: command 2 (\"juju add-unit worker -n 99999999999\"): ERROR cannot add 99,999,999,999 units to application \"worker\", over relviz's limit");
});

test('a run longer than the history’s limit leaves the page answering, and stops at the limit saying so', async ({ relviz, page }) => {
  test.setTimeout(300_000);
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  // A peer relation of 1,000 units: every unit joins every other, ~2 million hooks, over the history's limit.
  await relviz.run('juju deploy postgresql -n 1000');
  await expect(page.getByRole('status').filter({ hasText: 'Computing hooks' })).toBeVisible({ timeout: 30_000 });
  // The page answers while the run is computed (a round trip through its event loop and a frame).
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  expect(Date.now() - t0).toBeLessThan(2000);
  await expect(page.getByRole('status').filter({ hasText: 'Computing hooks' })).toHaveCount(0, { timeout: 240_000 });
  expect(await maxTick(relviz)).toBe(1_000_000);
  await expect(page.getByRole('log', { name: 'Console output' })).toContainText('relviz stopped this run at 1,000,000 ticks, its limit of history in the page');
});

test('storage full: a session too big for the browser is said, with the file, and saving goes on', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  // About 6 MB of relation data in one command: no browser keeps that in localStorage.
  const big = 'x'.repeat(6 * 1024 * 1024);
  await relviz.command.fill(`juju exec --unit master/0 -- relation-set -r master-application:1 big=${big}`);
  await relviz.command.press('Enter');
  const banner = page.getByRole('alert').filter({ hasText: "storage is full" });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner.getByRole('button', { name: Label.downloadSession })).toBeVisible();
  // Undo the big command: the next save fits, and the note goes.
  await page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: Label.undo }).click();
  await expect(banner).toBeHidden({ timeout: 15_000 });
  const saved = await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY);
  expect(saved).not.toContain('big=');
});

test('playing fast still saves the session as it goes (saves are throttled, not put off by every tick)', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('0');
  // 16 hooks a second: a tick every 62 ms, faster than a debounce of 250 ms could ever wait out.
  await page.getByRole('slider', { name: Label.speed }).fill('5');
  await relviz.button(Label.play).click();
  const savedCursor = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{"cursor":0}').cursor as number, SESSION_KEY);
  // While it is still playing (the 62 ticks take about 4 s), the saved cursor follows.
  await expect.poll(savedCursor, { timeout: 2_500 }).toBeGreaterThan(5);
  const playing = await relviz.button(Label.pause).isVisible();
  expect(playing).toBe(true);
});
