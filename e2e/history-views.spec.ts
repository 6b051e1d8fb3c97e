/** Swimlanes and the hook log, as a teacher uses them to discuss departure order. */
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

test('the removed unit runs departed, then broken, stop and remove, in its swimlane', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  // Jump to worker/1's last hook from the log; the swimlanes follow the cursor.
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  const log = relviz.region(Label.regionHookLog);
  await log.getByRole('combobox', { name: 'Filter by unit' }).selectOption('worker/1');
  await log.getByRole('button', { name: /^Go to hook \d+: worker\/1 remove$/ }).click();
  await page.getByRole('tab', { name: Label.regionSwimlanes }).click();
  const lane = relviz.region(Label.regionSwimlanes).locator('[data-swimlane-unit="worker/1"]');
  const labels = await lane.allTextContents();
  expect(labels.slice(-4)).toEqual(['departed', 'broken', 'stop', 'remove']);
  await expect(lane.last()).toHaveAttribute('aria-current', 'step');
  // Clicking a block moves the cursor there.
  const before = await relviz.cursor();
  await lane.filter({ hasText: 'departed' }).click();
  expect(await relviz.cursor()).toBeLessThan(before);
  await page.screenshot({ path: 'test-results/swimlanes.png' });
});

test('the hook log lists hooks, filters by unit, and jumps to a row', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  const log = relviz.region(Label.regionHookLog);
  await expect(log.getByRole('row').nth(1)).toBeVisible();
  await log.getByRole('combobox', { name: 'Filter by unit' }).selectOption('worker/1');
  const units = await log.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(units.length).toBeGreaterThan(3);
  expect(new Set(units)).toEqual(new Set(['worker/1']));
  await log.getByRole('button', { name: /^Go to hook \d+: worker\/1 install/ }).click();
  expect(await relviz.cursor()).toBeLessThan(20);
  await page.screenshot({ path: 'test-results/hooklog.png' });
});
