/**
 * Changing the model with the mouse: the Deploy dialog in the header (catalog or
 * pasted metadata, Juju's refusals inside the dialog, keyboard handling) and the
 * selection toolbar above the graph (remove, resolve, fail a hook, run an action,
 * add units, remove a relation).
 */
import type { Page } from '@playwright/test';
import { Label } from '../src/ui/labels.ts';
import { ControlLabel } from '../src/ui/controls/style.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';

const dialog = (page: Page) => page.getByRole('dialog', { name: Label.deploy });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: ControlLabel.selection });

async function openDeploy(relviz: RelvizPage) {
  await relviz.button(Label.deploy).click();
  await expect(dialog(relviz.page)).toBeVisible();
}

test('deploys a catalog charm with a name and a unit count', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await openDeploy(relviz);
  const d = dialog(page);
  await expect(d.getByRole('tab', { name: ControlLabel.fromCatalog })).toHaveAttribute('aria-selected', 'true');
  await relviz.chooseCharm('ubuntu');
  await expect(d.getByRole('textbox', { name: ControlLabel.applicationName })).toHaveValue('ubuntu');
  await d.getByRole('textbox', { name: ControlLabel.applicationName }).fill('box');
  await d.getByRole('spinbutton', { name: ControlLabel.units }).fill('2');
  await d.getByRole('button', { name: Label.deploy, exact: true }).click();
  await expect(d).toHaveCount(0);
  await expect(relviz.button(Label.deploy)).toBeFocused();
  await relviz.toEnd();
  await expect(relviz.unit('box/0')).toBeVisible();
  await expect(relviz.unit('box/1')).toBeVisible();
});

test('a subordinate is deployed without units', async ({ relviz, page }) => {
  await relviz.open();
  await openDeploy(relviz);
  const d = dialog(page);
  await relviz.chooseCharm('telegraf');
  const units = d.getByRole('spinbutton', { name: ControlLabel.units });
  await expect(units).toBeDisabled();
  await expect(units).toHaveValue('0');
});

test('pasted metadata is checked as you type, with the line of the problem', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await openDeploy(relviz);
  const d = dialog(page);
  await d.getByRole('tab', { name: ControlLabel.fromMetadata }).click();
  const deploy = d.getByRole('button', { name: Label.deploy, exact: true });
  await expect(deploy).toBeDisabled();
  const text = d.getByRole('textbox', { name: 'metadata.yaml' });
  await text.fill('name: reporter\nsummary: s\nrequires:\n  db:\n    limit: 1\n');
  await expect(d).toContainText('metadata.yaml:4: endpoint "db" has no interface');
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(deploy).toBeDisabled();
  await text.fill('name: reporter\nsummary: s\nrequires:\n  db:\n    interface: postgresql\n');
  await expect(d).toContainText('Valid metadata.yaml');
  await expect(d.getByRole('textbox', { name: ControlLabel.applicationName })).toHaveValue('reporter');
  await deploy.click();
  await expect(d).toHaveCount(0);
  await relviz.toEnd();
  await expect(relviz.unit('reporter/0')).toBeVisible();
  await expect(page.locator('[data-endpoint="reporter:db"]')).toBeAttached();
});

test('charmcraft.yaml can be pasted too', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await openDeploy(relviz);
  const d = dialog(page);
  await d.getByRole('tab', { name: ControlLabel.fromMetadata }).click();
  await d.getByRole('combobox', { name: ControlLabel.metadataFile }).selectOption('charmcraft.yaml');
  await d.getByRole('button', { name: ControlLabel.insertExample }).click();
  await expect(d).toContainText('Valid charmcraft.yaml');
  await d.getByRole('button', { name: Label.deploy, exact: true }).click();
  await expect(d).toHaveCount(0);
  await relviz.toEnd();
  await expect(relviz.unit('reporter/0')).toBeVisible();
});

test('a refused deploy keeps the dialog open with Juju\'s error inside', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await openDeploy(relviz);
  const d = dialog(page);
  await relviz.chooseCharm('master');
  await d.getByRole('button', { name: Label.deploy, exact: true }).click();
  await expect(d.getByRole('alert')).toHaveText('ERROR cannot add application "master": application already exists');
  await expect(d).toBeVisible();
  await d.getByRole('button', { name: ControlLabel.cancel }).click();
  await expect(d).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('application already exists');
});

test('the dialog keeps focus inside, closes on Escape and gives focus back', async ({ relviz, page }) => {
  await relviz.open();
  await openDeploy(relviz);
  const d = dialog(page);
  await expect(d.getByRole('combobox', { name: ControlLabel.searchCharms })).toBeFocused();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await d.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await d.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(d).toHaveCount(0);
  await expect(relviz.button(Label.deploy)).toBeFocused();
});

test('a unit: fail its next hook, see it in error, resolve it', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await expect(toolbar(page)).toHaveCount(0);
  await relviz.unit('worker/0').click();
  const bar = toolbar(page);
  await expect(bar).toContainText('Unit worker/0');
  await expect(bar.getByRole('button', { name: ControlLabel.removeUnit })).toHaveAttribute('title', /\(Delete\)/);
  await expect(bar.getByRole('button', { name: ControlLabel.resolve, exact: true })).toHaveCount(0);
  await expect(bar.getByRole('button', { name: ControlLabel.runAction })).toHaveCount(0); // the worker charm has no actions

  await bar.getByRole('button', { name: ControlLabel.failNextHook }).click();
  const form = page.getByRole('dialog', { name: `${ControlLabel.failHookForm} of worker/0` });
  await form.getByRole('combobox', { name: ControlLabel.hook }).selectOption('master-relation-changed');
  // Failing once is not enough since automatic retry: the retry 5 s later would succeed.
  await expect(form.getByRole('radio', { name: ControlLabel.failOnce })).toBeChecked();
  await form.getByRole('spinbutton', { name: ControlLabel.failCount }).fill('2');
  await expect(form.getByRole('radio', { name: ControlLabel.failTimes })).toBeChecked();
  await expect(form).toContainText('fail worker/0 master-relation-changed --times 2');
  await form.getByRole('button', { name: ControlLabel.fail, exact: true }).click();
  await expect(form).toHaveCount(0);

  // The master's action makes every worker run master-relation-changed.
  await relviz.unit('master/0').click();
  await bar.getByRole('button', { name: ControlLabel.runAction }).click();
  const action = page.getByRole('dialog', { name: `${ControlLabel.runActionForm} on master/0` });
  await expect(action.getByRole('combobox', { name: ControlLabel.action })).toHaveValue('broadcast-message');
  await action.getByRole('textbox', { name: 'message' }).fill('Hi class');
  await action.getByRole('button', { name: ControlLabel.run, exact: true }).click();
  await relviz.toEnd();
  // Failed, retried by itself 5 s later, failed again: the wait stopped there.
  await expect(relviz.unit('worker/0')).toHaveAccessibleName(/worker\/0.*error.*retrying in 10 s \(failed 2×\)/);

  await relviz.unit('worker/0').click();
  await expect(bar).toContainText('error: master-relation-changed');
  await bar.getByRole('button', { name: ControlLabel.resolve, exact: true }).click();
  await relviz.toEnd();
  await expect(relviz.unit('worker/0')).not.toHaveAccessibleName(/error/);
  await expect(bar.getByRole('button', { name: ControlLabel.resolve, exact: true })).toHaveCount(0);
});

test('a unit can be removed from the toolbar', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.unit('worker/0').click();
  await toolbar(page).getByRole('button', { name: ControlLabel.removeUnit }).click();
  await relviz.toEnd();
  await expect(page.locator('[data-unit="worker/0"]')).toHaveCount(0);
});

test('an application: add units, remove it', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('button', { name: 'Application worker' }).click();
  const bar = toolbar(page);
  await expect(bar).toContainText('Application worker');
  await bar.getByRole('spinbutton', { name: ControlLabel.unitsToAdd }).fill('2');
  await bar.getByRole('button', { name: ControlLabel.addUnit }).click();
  await relviz.toEnd();
  // Unit numbers are never reused: worker/1 was removed in the tutorial.
  await expect(relviz.unit('worker/2')).toBeVisible();
  await expect(relviz.unit('worker/3')).toBeVisible();
  await page.getByRole('button', { name: 'Application worker' }).click();
  await bar.getByRole('button', { name: ControlLabel.removeApplication }).click();
  await relviz.toEnd();
  await expect(page.locator('[data-app-node="worker"]')).toHaveCount(0);
});

test('a relation can be removed from the toolbar', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('button', { name: /^Relation 1:/ }).click();
  const remove = toolbar(page).getByRole('button', { name: ControlLabel.removeRelation });
  await expect(remove).toHaveAttribute('title', 'juju remove-relation master:master-application worker:master (Delete)');
  await remove.click();
  await relviz.toEnd();
  await expect(page.getByRole('button', { name: /^Relation 1:/ })).toHaveCount(0);
});

test('a toolbar form closes on Escape or a click elsewhere', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.unit('worker/0').click();
  const open = toolbar(page).getByRole('button', { name: ControlLabel.failNextHook });
  const form = page.getByRole('dialog', { name: `${ControlLabel.failHookForm} of worker/0` });
  await open.click();
  await expect(form.getByRole('combobox', { name: ControlLabel.hook })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(open).toBeFocused();
  await open.click();
  await expect(form).toBeVisible();
  await relviz.unit('master/0').click();
  await expect(form).toHaveCount(0);
  await expect(toolbar(page)).toContainText('Unit master/0');
});
