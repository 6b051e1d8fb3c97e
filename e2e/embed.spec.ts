/**
 * Embed mode as a tutorial author uses it: the sample page (public/embed-demo.html)
 * frames relviz and drives it with postMessage — its buttons play, pause, step, seek,
 * load a script and open a tutorial step, and the hooks relviz reports appear in its
 * list. `?embed=1` itself: no header, no console, the user's saved session untouched.
 */
import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { SESSION_KEY } from '../src/store/session.ts';
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

/** The sample page: its controls, its event list, and relviz in its frame. */
function demo(page: Page) {
  const frame: FrameLocator = page.frameLocator('iframe[title^="relviz"]');
  return {
    frame,
    button: (name: string) => page.getByRole('button', { name, exact: true }),
    events: page.getByRole('list', { name: 'Hooks fired' }).getByRole('listitem'),
    state: page.locator('#state'),
    /** The frame's own scrubber: where relviz's cursor really is. */
    timeline: frame.getByRole('slider', { name: Label.timeline }),
  };
}

async function openDemo(page: Page) {
  await page.goto('/embed-demo.html');
  const d = demo(page);
  await expect(d.frame.getByRole('region', { name: Label.regionGraph, exact: true })).toBeVisible();
  // relviz:ready enables the controls.
  await expect(d.button('Play')).toBeEnabled();
  await expect(d.state).toHaveText(/^Tick 0 of \d+$/);
  return d;
}

const noSeriousViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
};

test('the sample page plays relviz in its frame and lists the hooks fired', async ({ relviz }) => {
  // The fixture watches for console errors, the frame's included.
  const page = relviz.page;
  const d = await openDemo(page);
  await expect(d.events).toHaveCount(0);
  await d.button('Play').click();
  await expect(d.events.first()).toHaveText(/^#1 master\/0 install \(tick \d+\)$/);
  await expect(d.state).toContainText('playing');
  await expect(d.events.nth(3)).toBeVisible();
  await d.button('Pause').click();
  await expect(d.state).not.toContainText('playing');
  // Every hook reported once, in order.
  const seqs = (await d.events.allTextContents()).map((t) => Number(/^#(\d+) /.exec(t)?.[1]));
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
});

test('the sample page seeks, steps and steps back', async ({ relviz }) => {
  const page = relviz.page;
  const d = await openDemo(page);
  await page.getByRole('spinbutton', { name: 'Tick', exact: true }).fill('7');
  await d.button('Seek').click();
  await expect(d.timeline).toHaveValue('7');
  await expect(d.state).toHaveText(/^Tick 7 of \d+$/);
  // A seek passes no hooks; a step passes one.
  await expect(d.events).toHaveCount(0);
  await d.button('Step').click();
  await expect(d.timeline).toHaveValue('8');
  await expect(d.events).toHaveCount(1);
  await expect(d.events.first()).toContainText('(tick 8)');
  await d.button('Back').click();
  await expect(d.timeline).toHaveValue('7');
  await expect(d.events).toHaveCount(1);
});

test('the sample page loads a script: the frame shows the new applications', async ({ relviz }) => {
  const page = relviz.page;
  const d = await openDemo(page);
  await page.getByRole('textbox', { name: 'Script' }).fill('juju deploy ubuntu\njuju deploy telegraf\njuju integrate telegraf ubuntu\n');
  await d.button('Load script').click();
  await expect(d.timeline).toHaveValue('0');
  await d.button('Play').click();
  await expect(d.frame.locator('[data-app-node="telegraf"]')).toBeVisible({ timeout: 15_000 });
  await expect(d.frame.locator('[data-app-node="ubuntu"]')).toBeVisible();
  await expect(d.frame.locator('[data-app-node="master"]')).toHaveCount(0);
  await expect(d.events.filter({ hasText: 'ubuntu/0 install' })).toHaveCount(1);
});

test('the sample page opens a tutorial step, and a bad message is answered with an error', async ({ relviz }) => {
  const page = relviz.page;
  const d = await openDemo(page);
  await page.getByRole('spinbutton', { name: 'Tutorial step' }).fill('2');
  await d.button('Open step').click();
  // Step 2 starts with master and workers deployed, about to relate.
  await expect(d.frame.locator('[data-app-node="worker"]')).toBeVisible();
  await page.evaluate(() => {
    const frame = document.querySelector('iframe');
    frame?.contentWindow?.postMessage({ type: 'relviz:seek', tick: 'end' }, '*');
  });
  await expect(d.events.last()).toHaveText('error: relviz:seek needs "tick", a whole number ≥ 0');
});

test('?embed=1 has no header and no console, and leaves the saved session alone', async ({ relviz, page }) => {
  // The user's own relviz: a session at tick 20.
  await relviz.open();
  await relviz.timeline.fill('20');
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toContain('"cursor":20');
  const saved = await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);

  await relviz.open('/?embed=1&scenario=stop-before-broken');
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(relviz.region(Label.regionConsole)).toHaveCount(0);
  await expect(relviz.region(Label.regionInspector)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: Label.tutorials })).toHaveCount(0);
  for (const r of [Label.regionGraph, Label.regionDatabags, Label.regionSwimlanes]) await expect(relviz.region(r)).toBeVisible();
  // The scenario is on screen, and playing it changes nothing in storage.
  await expect(relviz.unit('worker/1')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(400);
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  expect(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBe(saved);

  // Back in the user's own tab: the session is where they left it.
  await relviz.open();
  expect(await relviz.cursor()).toBe(20);
});

test('?embed=1 opens a tutorial at a step, a script from the URL, and says what it could not read', async ({ relviz, page }) => {
  await relviz.open('/?embed=1&tutorial=masterworker&step=2');
  await expect(relviz.unit('worker/1')).toBeVisible();
  await relviz.open(`/?embed=1&script=${encodeURIComponent('juju deploy ubuntu -n 2\n')}`);
  await relviz.toEnd();
  await expect(relviz.unit('ubuntu/1')).toBeVisible();
  await relviz.open('/?embed=1&tutorial=no-such-tutorial');
  await expect(page.getByRole('alert')).toContainText('ERROR no tutorial called "no-such-tutorial"');
});

test('no serious or critical axe violations in embed mode and on the sample page', async ({ relviz, page }) => {
  await relviz.open('/?embed=1&tutorial=masterworker&step=2');
  await relviz.timeline.fill('10');
  await noSeriousViolations(page);
  await openDemo(page);
  await noSeriousViolations(page);
});
