/** The hook log, read like `jhack tail`: rows up to the cursor, filters, and jumping to a row. */
import AxeBuilder from '@axe-core/playwright';
import { Label } from '../src/ui/labels.ts';
import { LogLabel } from '../src/ui/log/labels.ts';
import { expect, test } from './fixtures.ts';

test('lists the hooks, filters by unit, and clicking a row moves the cursor there', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  const log = relviz.region(Label.regionHookLog);
  const table = log.getByRole('table');
  const headers = table.getByRole('columnheader');
  for (const [i, name] of ['seq', 'unit', 'hook', 'remote unit', 'relation id', 'result'].entries()) await expect(headers.nth(i)).toHaveAccessibleName(name);
  const rows = table.locator('tbody').getByRole('row');
  await expect(rows.first()).toBeVisible();
  // The newest hook (at the cursor) is highlighted and in view.
  const current = table.locator('tr[aria-current="step"]');
  await expect(current).toBeInViewport();

  await log.getByRole('combobox', { name: LogLabel.filterUnit }).selectOption('worker/1');
  await expect(rows.first()).toBeVisible();
  const units = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent));
  expect(units.length).toBeGreaterThan(5);
  expect(new Set(units)).toEqual(new Set(['worker/1']));
  await expect(rows.last()).toContainText('remove');

  const before = await relviz.cursor();
  const install = rows.filter({ hasText: 'install' });
  await install.getByRole('cell').nth(2).click();
  const after = await relviz.cursor();
  expect(after).toBeLessThan(before);
  // Rows run up to the cursor: the row clicked is now the last, and the current one.
  await expect(rows.last()).toHaveAttribute('aria-current', 'step');
  await expect(rows.last()).toContainText('install');
});

test('filters by hook kind and relation; a row is keyboard reachable', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  const log = relviz.region(Label.regionHookLog);
  const rows = log.getByRole('table').locator('tbody').getByRole('row');

  await log.getByRole('combobox', { name: LogLabel.filterKind }).selectOption('departed');
  await log.getByRole('combobox', { name: LogLabel.filterRelation }).selectOption('0');
  const hooks = await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[2]?.textContent, tr.children[4]?.textContent]));
  expect(hooks.length).toBeGreaterThan(1);
  for (const [hook, rel] of hooks) {
    expect(hook).toMatch(/-relation-departed$/);
    expect(rel).toBe('0');
  }
  await log.getByRole('button', { name: LogLabel.clearFilters }).click();
  await expect(log.getByRole('combobox', { name: LogLabel.filterKind })).toHaveValue('all');

  const before = await relviz.cursor();
  const first = log.getByRole('button', { name: /^Go to hook \d+: master\/0 install$/ });
  await log.getByRole('table').evaluate((t) => t.parentElement?.scrollTo({ top: 0 }));
  await first.focus();
  await page.keyboard.press('Enter');
  expect(await relviz.cursor()).toBeLessThan(before);
});

test('the hook log has no serious accessibility problems, filtered or not', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('30');
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  const axe = () => new AxeBuilder({ page }).include(`section[aria-label="${Label.regionHookLog}"]`).analyze();
  const serious = async () => (await axe()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(await serious()).toEqual([]);
  await relviz.region(Label.regionHookLog).getByRole('combobox', { name: LogLabel.filterUnit }).selectOption('worker/1');
  expect(await serious()).toEqual([]);
});

test('follows the newest hook, unless the reader scrolled up', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('50');
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  const log = relviz.region(Label.regionHookLog);
  const rows = log.getByRole('table').locator('tbody').getByRole('row');
  const newest = () => log.locator('tr[aria-current="step"]');

  await relviz.button(Label.stepForward).click();
  await expect(newest()).toBeInViewport();

  await log.getByRole('table').hover();
  await page.mouse.wheel(0, -2000);
  await expect(rows.first()).toBeInViewport();
  await relviz.button(Label.stepForward).click();
  await expect(rows.first()).toBeInViewport();
  await expect(newest()).not.toBeInViewport();

  await log.getByRole('button', { name: LogLabel.latest }).click();
  await expect(newest()).toBeInViewport();
  await relviz.button(Label.stepForward).click();
  await expect(newest()).toBeInViewport();
});
