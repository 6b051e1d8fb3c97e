/** The masterworker journey as a teacher clicks it: play, pause, step, step back. */
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

test('plays, pauses, steps forward and back through the masterworker history', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.button(Label.play).click();
  await expect.poll(() => relviz.cursor(), { timeout: 10_000 }).toBeGreaterThan(3);
  await relviz.button(Label.pause).click();
  const paused = await relviz.cursor();
  await relviz.button(Label.stepForward).click();
  expect(await relviz.cursor()).toBe(paused + 1);
  await relviz.button(Label.stepBack).click();
  await relviz.button(Label.stepBack).click();
  expect(await relviz.cursor()).toBe(paused - 1);
  await page.screenshot({ path: 'test-results/journey-paused.png' });
});

test('lights up the unit that runs a hook with the hook name', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('0');
  await relviz.button(Label.stepForward).click(); // juju deploy master: the unit appears
  await relviz.button(Label.stepForward).click(); // master/0 install
  const label = relviz.unit('master/0').locator('.hook-flash');
  await expect(label).toHaveText('install');
  await expect(label).toBeVisible();
  await page.screenshot({ path: 'test-results/journey-install.png' });
});

test('keyboard: space plays and pauses, arrows step', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('0');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await relviz.cursor()).toBe(2);
  await page.keyboard.press('ArrowLeft');
  expect(await relviz.cursor()).toBe(1);
  await page.keyboard.press(' ');
  await expect(relviz.button(Label.pause)).toBeVisible();
  await page.keyboard.press(' ');
  await expect(relviz.button(Label.play)).toBeVisible();
});

test('removing worker/1 takes it off the graph at the end of the history', async ({ relviz }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await expect(relviz.unit('worker/0')).toBeVisible();
  await expect(relviz.unit('worker/1')).toHaveCount(0);
});

test('playing fast, the panels keep up in steps, and on pause they show exactly the hook at the cursor', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('slider', { name: Label.speed }).fill('5'); // 16 hooks a second: fast, panels paced
  await relviz.button(Label.play).click();
  const current = relviz.region(Label.regionSwimlanes).locator('[aria-current="step"]');
  // While playing fast the swimlanes still move on (about eight times a second).
  await expect(current).toHaveCount(1, { timeout: 5000 });
  const seen = new Set<string>();
  await expect
    .poll(async () => {
      seen.add((await current.getAttribute('aria-label')) ?? '');
      return seen.size;
    }, { timeout: 5000 })
    .toBeGreaterThan(2);
  await relviz.button(Label.pause).click();
  // Paused: the swimlanes and the inspector agree with the cursor at once.
  const cursor = await relviz.cursor();
  await page.waitForTimeout(300);
  expect(await relviz.cursor()).toBe(cursor);
  const name = (await current.getAttribute('aria-label')) ?? '';
  const [unit, hook] = name.split(' ');
  await expect(relviz.region(Label.regionInspector)).toContainText(`${unit}`);
  await expect(relviz.region(Label.regionInspector)).toContainText(`${hook}`);
});
