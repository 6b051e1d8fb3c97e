/**
 * Real charms in the Deploy dialog and the console (issue 10): search the catalog,
 * pick a real charm with the keyboard, deploy it, and see on the graph that its
 * endpoints are real and its hooks do nothing.
 */
import { ControlLabel } from '../src/ui/controls/style.ts';
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

test('search "traefik", take it with the keyboard, deploy it: the graph marks it as having no behaviour', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.button(Label.deploy).click();
  const d = relviz.deployDialog;
  const search = d.getByRole('combobox', { name: ControlLabel.searchCharms });
  await expect(search).toBeFocused();
  await search.fill('traefik');
  const list = d.getByRole('listbox', { name: ControlLabel.charm });
  const traefik = list.getByRole('option', { name: 'traefik-k8s', exact: true });
  await expect(traefik).toHaveAttribute('aria-selected', 'true');
  await expect(traefik).toContainText(`real charm · ${Label.noBehaviour}`);
  await expect(traefik).toContainText('ingress');
  // The details say where the facts come from and that nothing is simulated.
  const details = d.getByTestId('charm-details');
  await expect(details).toContainText('its hooks run and do nothing');
  await expect(details.getByRole('link')).toHaveAttribute('href', /^https:\/\/github\.com\/canonical\/traefik-k8s-operator\/blob\/[0-9a-f]{12,40}\/metadata\.yaml$/);
  // Arrow keys move through the matches; Enter takes the chosen one and moves on.
  await search.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveAccessibleName('grafana-k8s');
  await search.press('ArrowUp');
  await expect(traefik).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await traefik.getAttribute('id')) ?? '');
  await search.press('Enter');
  const appName = d.getByRole('textbox', { name: ControlLabel.applicationName });
  await expect(appName).toBeFocused();
  await expect(appName).toHaveValue('traefik-k8s');
  await appName.press('Enter');
  await expect(d).toHaveCount(0);
  await relviz.toEnd();
  await expect(relviz.unit('traefik-k8s/0')).toBeVisible();
  const node = page.locator('[data-app-node="traefik-k8s"]');
  await expect(node.locator('[data-no-behaviour]')).toContainText(Label.noBehaviour);
  await expect(node.locator('[data-no-behaviour]')).toHaveAttribute('title', Label.noBehaviourHelp);
  await expect(page.locator('[data-app-node="master"] [data-no-behaviour]')).toHaveCount(0);
});

test('the console deploys ch:postgresql as the real charm and postgresql as the teaching one', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.run('juju deploy ch:postgresql db');
  await relviz.run('juju deploy postgresql');
  await relviz.toEnd();
  await expect(relviz.unit('db/0')).toBeVisible();
  await expect(relviz.unit('postgresql/0')).toBeVisible();
  await expect(page.locator('[data-app-node="db"] [data-no-behaviour]')).toBeVisible();
  await expect(page.locator('[data-app-node="postgresql"] [data-no-behaviour]')).toHaveCount(0);
});

test('no match says so, and there is nothing to deploy until a charm matches again', async ({ relviz }) => {
  await relviz.open();
  await relviz.button(Label.deploy).click();
  const d = relviz.deployDialog;
  const search = d.getByRole('combobox', { name: ControlLabel.searchCharms });
  const deploy = d.getByRole('button', { name: Label.deploy, exact: true });
  await search.fill('no such charm at all');
  await expect(d).toContainText('No charm matches.');
  await expect(d.getByRole('option')).toHaveCount(0);
  await expect(deploy).toBeDisabled();
  await search.fill('grafana-agent');
  await expect(d.getByRole('option', { selected: true })).toHaveAccessibleName('grafana-agent');
  await expect(deploy).toBeEnabled();
});
