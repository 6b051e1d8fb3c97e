/** Databags and the hook inspector on the masterworker example. */
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

test("the master's unit bag gains worker/1-worker-key when it joins and loses it after remove-unit worker/1", async ({ relviz, page }) => {
  await relviz.open();
  const bags = relviz.region(Label.regionDatabags);
  const key = bags.locator('[data-bag="unit:master/0"] [data-key="worker/1-worker-key"]:not([data-removed])');
  await relviz.timeline.fill('30');
  await expect(key).toBeVisible();
  await relviz.toEnd();
  await expect(bags.locator('[data-bag="unit:master/0"]').first()).toBeVisible();
  await expect(key).toHaveCount(0);
  await page.screenshot({ path: 'test-results/databags.png' });
});

test('view as unit: a non-leader worker may not read its own application bag', async ({ relviz }) => {
  await relviz.open();
  await relviz.timeline.fill('30');
  const bags = relviz.region(Label.regionDatabags);
  await bags.getByRole('combobox', { name: Label.viewAsUnit }).selectOption('worker/1');
  await expect(bags.locator('[data-bag="app:worker"]')).toContainText('worker/1: no access');
  await expect(bags.locator('[data-bag="app:worker"]')).toContainText('ERROR permission denied');
  await expect(bags.locator('[data-bag="app:master"]')).toContainText('worker/1: read only');
  await expect(bags.locator('[data-bag="unit:worker/1"]')).toContainText('read / write');
});

test('databag values are shown as text, never as HTML', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.run(`juju exec --unit master/0 -- relation-set -r 1 x='<img src=x onerror=alert(1)><b>bold</b>'`);
  const value = relviz.region(Label.regionDatabags).locator('[data-key="x"]');
  await expect(value).toContainText('<img src=x onerror=alert(1)><b>bold</b>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('the inspector shows the environment of a departed hook and jumps to the commit that caused a changed', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  const log = relviz.region(Label.regionHookLog);
  await log.getByRole('combobox', { name: 'Filter by unit' }).selectOption('worker/1');
  await log.getByRole('button', { name: /^Go to hook \d+: worker\/1 master-relation-departed$/ }).click();
  const inspector = relviz.region(Label.regionInspector);
  await expect(inspector.getByRole('row', { name: /JUJU_DEPARTING_UNIT/ })).toContainText('worker/1');
  await log.getByRole('combobox', { name: 'Filter by unit' }).selectOption('worker/0');
  await log.getByRole('combobox', { name: 'Filter by hook kind' }).selectOption('changed');
  await log.getByRole('button', { name: /^Go to hook \d+: worker\/0 master-relation-changed$/ }).last().click();
  const cause = inspector.getByRole('button', { name: /^caused by seq \d+/ });
  await expect(cause).toBeVisible();
  const before = await relviz.cursor();
  await cause.click();
  expect(await relviz.cursor()).toBeLessThan(before);
  await page.screenshot({ path: 'test-results/inspector.png' });
});

test("a hook's writes show as pending while it runs, then as committed", async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  const log = relviz.region(Label.regionHookLog);
  await log.getByRole('combobox', { name: 'Filter by unit' }).selectOption('master/0');
  await log.getByRole('button', { name: /^Go to hook \d+: master\/0 master-application-relation-joined$/ }).first().click();
  await relviz.button(Label.stepBack).click();
  await relviz.button(Label.stepForward).click();
  const bags = relviz.region(Label.regionDatabags);
  await expect(bags.locator('[data-pending]').first()).toBeVisible();
  await expect(bags.getByText(/^writing… master\/0 master-application-relation-joined/)).toBeVisible();
  await expect(bags.getByText(/^just committed by master\/0 master-application-relation-joined/)).toBeVisible();
  await expect(bags.locator('[data-pending]')).toHaveCount(0);
});
