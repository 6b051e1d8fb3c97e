/** Manual mode (the user picks who runs next) and the session surviving a reload. */
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

test('manual mode: each busy unit offers its next hook, and clicking one runs it', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('13'); // deploying: some units still starting
  await page.getByRole('checkbox', { name: Label.manual }).check();
  await expect(relviz.button(Label.play)).toBeDisabled();
  const next = page.getByRole('button', { name: /^▶ / });
  await expect(next.first()).toBeVisible();
  const hook = ((await next.first().textContent()) ?? '').replace('▶ ', '').replace(/ \(.*\)$/, '');
  await next.first().click();
  // Acting in the past forks: the chosen hook is now the last tick.
  expect(await relviz.cursor()).toBe(14);
  await expect(page.getByRole('slider', { name: Label.timeline })).toHaveAttribute('max', '14');
  await expect(page.locator('.hook-flash:not(.hidden)').first()).toHaveText(hook);
});

test('reload restores the session: commands, cursor and layout', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('20');
  await expect(relviz.unit('worker/1')).toBeVisible();
  const length = await relviz.timeline.getAttribute('max');
  await page.waitForTimeout(400);
  await page.reload();
  await expect(relviz.region(Label.regionGraph)).toBeVisible();
  expect(await relviz.cursor()).toBe(20);
  await expect(relviz.unit('worker/1')).toBeVisible();
  // The same history (its length follows the engine, not this test).
  await expect(page.getByRole('slider', { name: Label.timeline })).toHaveAttribute('max', length ?? '');
});

test('New starts an empty model', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.button(Label.newSession).click();
  expect(await relviz.cursor()).toBe(0);
  await expect(page.getByRole('slider', { name: Label.timeline })).toHaveAttribute('max', '0');
  await expect(page.locator('[data-app-node]')).toHaveCount(0);
});
