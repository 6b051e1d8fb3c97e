/**
 * The comparison step of "Departed or broken?" as a class sees it: the four teardowns
 * side by side in place of the history row, each column with exactly the hooks the
 * engine runs for that command, unit by unit; reachable by keyboard, foldable away,
 * and gone on the next step.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { compareBranches } from '../src/teaching/compare.ts';
import { CompareLabel, cellName, hookName } from '../src/ui/teaching/compare/labels.ts';
import { Label } from '../src/ui/labels.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';
import { shippedTutorial } from '../src/teaching/tutorials/index.ts';

const departedOrBroken = shippedTutorial('departed-or-broken');

const STEP = departedOrBroken.steps.findIndex((s) => s.compare);
const card = (page: Page) => page.getByRole('complementary', { name: /^Tutorial: / });
const comparison = (page: Page) => page.getByRole('region', { name: CompareLabel.region });
const column = (page: Page, title: string) => comparison(page).getByRole('columnheader', { name: new RegExp(`^${title}`) });
/** A unit's hooks in one alternative (a cell). */
const cell = (page: Page, title: string, unit: string) => comparison(page).getByRole('list', { name: cellName(unit, title), exact: true });

/** The accessible names of the hooks a unit runs in an alternative, in its order. */
async function hooksIn(page: Page, title: string, unit: string): Promise<string[]> {
  const list = cell(page, title, unit);
  if ((await list.count()) === 0) return [];
  return list.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

async function openComparison(relviz: RelvizPage) {
  await relviz.open();
  await relviz.page.getByRole('combobox', { name: Label.tutorials }).selectOption(departedOrBroken.id);
  await card(relviz.page).getByRole('list', { name: 'Steps' }).getByRole('button', { name: new RegExp(`^Step ${STEP + 1}:`) }).click();
  await expect(comparison(relviz.page)).toBeVisible();
}

test('the comparison step shows four teardowns, each with the hooks the engine runs', async ({ relviz, page }) => {
  await openComparison(relviz);
  await expect(comparison(page).getByRole('columnheader')).toHaveCount(4);
  await expect(comparison(page).getByRole('rowheader')).toHaveText(['master/0', 'worker/0', 'worker/1']);

  // Every column shows exactly the engine's branch, unit by unit.
  for (const branch of compareBranches(departedOrBroken, STEP)) {
    const title = branch.alternative.title;
    await expect(column(page, title)).toContainText(branch.alternative.run[0] ?? '');
    await expect(column(page, title)).toContainText(branch.alternative.say);
    for (const lane of branch.lanes) expect(await hooksIn(page, title, lane.unit), `${title}, ${lane.unit}`).toEqual(lane.hooks.map((h) => hookName(h.unit, h.hook)));
  }

  // The points the step makes, read off the screen.
  const departed = hookName('master/0', 'master-application-relation-departed');
  expect(await hooksIn(page, 'Scale the workers to zero', 'master/0'), 'scaling to zero: departed only on the master').toEqual([departed, departed]);
  for (const hook of ['master-relation-broken', 'stop', 'remove']) await expect(cell(page, 'Remove one worker', 'worker/1').getByRole('button', { name: hookName('worker/1', hook), exact: true })).toBeVisible();
  expect(await hooksIn(page, 'Remove one worker', 'master/0')).toEqual([departed]);
  for (const unit of ['master/0', 'worker/0', 'worker/1']) {
    await expect(cell(page, 'Remove the relation', unit).getByRole('button', { name: / relation-broken$|-relation-broken$/ })).toHaveCount(1);
    await expect(cell(page, 'Remove the relation', unit).getByRole('button', { name: / (stop|remove)$/ })).toHaveCount(0);
  }
  await expect(cell(page, 'Remove the application', 'master/0').getByRole('button', { name: 'master/0 master-application-relation-broken' })).toBeVisible();
});

test('the comparison by keyboard: one tab stop, arrows along a row and between units, the detail says why', async ({ relviz, page }) => {
  await openComparison(relviz);
  const cursor = await relviz.cursor();
  const chip = (title: string, unit: string, hook: string) => cell(page, title, unit).getByRole('button', { name: hookName(unit, hook), exact: true });
  await chip('Remove one worker', 'master/0', 'master-application-relation-departed').focus();
  await expect(comparison(page).getByRole('paragraph')).toContainText('JUJU_REMOTE_UNIT=worker/1');
  // Down two units, in the same alternative; then along worker/1's row.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(chip('Remove one worker', 'worker/1', 'master-relation-departed')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(chip('Remove one worker', 'worker/1', 'master-relation-broken')).toBeFocused();
  await expect(comparison(page).getByRole('paragraph')).toContainText('the relation is ending for this unit');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight'); // past remove: on into the next alternative
  await expect(chip('Remove the relation', 'worker/1', 'master-relation-departed')).toBeFocused();
  await page.keyboard.press('End');
  await expect(chip('Scale the workers to zero', 'worker/1', 'remove')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(chip('Scale the workers to zero', 'master/0', 'master-application-relation-departed').last()).toBeFocused();
  // The arrows were the comparison's, not the transport's.
  expect(await relviz.cursor()).toBe(cursor);
  // One tab stop: Tab leaves the table.
  await page.keyboard.press('Tab');
  await expect(comparison(page).getByRole('button', { name: CompareLabel.hide })).toBeFocused();

  // Fold it away to see the swimlanes, and back.
  await page.keyboard.press('Enter');
  await expect(comparison(page)).toBeHidden();
  await expect(relviz.region(Label.regionSwimlanes)).toBeVisible();
  await expect(page.getByRole('button', { name: CompareLabel.show })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(comparison(page)).toBeVisible();
  await expect(comparison(page).getByRole('button', { name: CompareLabel.hide })).toBeFocused();

  // The next step plays in the swimlanes again.
  await card(page).getByRole('button', { name: `${Label.tutorialNext} →` }).click();
  await expect(comparison(page)).toBeHidden();
  await expect(page.getByRole('button', { name: CompareLabel.show })).toBeHidden();
  await expect(relviz.region(Label.regionSwimlanes)).toBeVisible();
});

test('the comparison has no serious accessibility problems', async ({ relviz, page }) => {
  await openComparison(relviz);
  await cell(page, 'Scale the workers to zero', 'master/0').getByRole('button').first().focus();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
