/** The Swimlanes / Hook log tabs follow the WAI-ARIA tabs pattern, and the view's name shows once. */
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

test('← and → move between the history tabs and show the view; the tab row is the panel header', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('30');
  const tablist = page.getByRole('tablist', { name: 'History views' });
  const swimlanes = tablist.getByRole('tab', { name: Label.regionSwimlanes });
  const log = tablist.getByRole('tab', { name: Label.regionHookLog });

  // Roving tabindex: only the selected tab is in the tab order; it controls a panel named after it.
  await expect(swimlanes).toHaveAttribute('aria-selected', 'true');
  await expect(swimlanes).toHaveAttribute('tabindex', '0');
  await expect(log).toHaveAttribute('tabindex', '-1');
  const panel = page.locator(`#${await swimlanes.getAttribute('aria-controls')}`);
  await expect(panel).toHaveRole('tabpanel');
  await expect(panel).toHaveAccessibleName(Label.regionSwimlanes);
  // The region keeps its name; the name is not shown a second time under the tab.
  const region = relviz.region(Label.regionSwimlanes);
  await expect(region).toContainText(Label.regionSwimlanes);
  await expect(region.getByRole('heading', { name: Label.regionSwimlanes })).toHaveCount(0);

  await swimlanes.focus();
  await page.keyboard.press('ArrowRight');
  await expect(log).toBeFocused();
  await expect(log).toHaveAttribute('aria-selected', 'true');
  await expect(relviz.region(Label.regionHookLog).getByRole('table')).toBeVisible();
  await expect(relviz.region(Label.regionSwimlanes)).toHaveCount(0);
  // The arrow was the tabs', not the transport's step.
  expect(await relviz.cursor()).toBe(30);

  await page.keyboard.press('ArrowRight');
  await expect(swimlanes).toBeFocused();
  await expect(relviz.region(Label.regionSwimlanes)).toBeVisible();
  await page.keyboard.press('End');
  await expect(log).toBeFocused();
  await page.keyboard.press('Home');
  await expect(swimlanes).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(log).toHaveAttribute('aria-selected', 'true');
  expect(await relviz.cursor()).toBe(30);
  await page.screenshot({ path: 'test-results/history-tabs.png' });
});
