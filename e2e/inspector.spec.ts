/**
 * The hook inspector on the masterworker example: the environment of a departed
 * hook, the "caused by" jump of a relation-changed (and back), a failed hook.
 */
import { Label } from '../src/ui/labels.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';


const inspectorOf = (relviz: RelvizPage) => relviz.region(Label.regionInspector);
const hookHeading = (relviz: RelvizPage, name: string | RegExp) => inspectorOf(relviz).getByRole('heading', { level: 3, name });
const envValue = (relviz: RelvizPage, name: string) => inspectorOf(relviz).getByRole('row', { name: new RegExp(`^${name} `) }).getByRole('cell');

test('a non-relation hook shows the relation variables as unset', async ({ relviz }) => {
  await relviz.open();
  await relviz.seekUntil(async () => (await hookHeading(relviz, 'install').count()) > 0);
  await expect(envValue(relviz, 'JUJU_UNIT_NAME')).toHaveText('master/0');
  for (const name of ['JUJU_RELATION', 'JUJU_RELATION_ID', 'JUJU_REMOTE_UNIT', 'JUJU_REMOTE_APP', 'JUJU_DEPARTING_UNIT']) await expect(envValue(relviz, name)).toHaveText('unset');
  await expect(inspectorOf(relviz)).toContainText('rule install');
});

test("the master's departed hook for worker/1 has JUJU_DEPARTING_UNIT=worker/1 and a relation-list without it", async ({ relviz, page }) => {
  await relviz.open();
  await relviz.seekUntil(async () => (await hookHeading(relviz, 'master-application-relation-departed').count()) > 0);
  const inspector = inspectorOf(relviz);
  await expect(inspector).toContainText('on master/0');
  await expect(envValue(relviz, 'JUJU_DEPARTING_UNIT')).toHaveText('worker/1');
  await expect(envValue(relviz, 'JUJU_REMOTE_UNIT')).toHaveText('worker/1');
  await expect(envValue(relviz, 'JUJU_RELATION_ID')).toHaveText('master-application:0');
  await expect(inspector).toContainText('rule departed');
  await expect(inspector).toContainText('a unit the charm knew is no longer in scope');
  await expect(inspector.getByRole('region', { name: 'Why it fired' })).toBeVisible();
  await expect(inspector.getByText('relation-list returned')).toBeVisible();
  await expect(inspector.locator('pre').filter({ hasText: 'worker/0' })).toHaveText('worker/0');
  await expect(inspector).toContainText(/− #0 master\/0: worker\/1-worker-key \(was [0-9A-F]{4}\)/);
  await page.screenshot({ path: 'test-results/inspector-departed.png' });
});

test('"caused by" jumps from a relation-changed to the commit it reports, and back', async ({ relviz, page }) => {
  await relviz.open();
  const inspector = inspectorOf(relviz);
  const cause = inspector.getByRole('button', { name: /^caused by seq \d+: master\/0 master-application-relation-joined/ });
  await relviz.seekUntil(async () => (await hookHeading(relviz, 'master-relation-changed').count()) > 0 && (await cause.count()) > 0);
  const changedOn = (await inspector.getByText(/^on /).first().textContent()) ?? '';
  await page.screenshot({ path: 'test-results/inspector-changed.png' });
  const seq = /caused by seq (\d+)/.exec((await cause.textContent()) ?? '')?.[1];
  const before = await relviz.cursor();

  await cause.click();
  expect(await relviz.cursor()).toBeLessThan(before);
  await expect(hookHeading(relviz, 'master-application-relation-joined')).toBeVisible();
  await expect(inspector).toContainText(`seq ${seq}`);
  await expect(inspector).toContainText('picked');
  await expect(inspector).toContainText(/\+ #0 master\/0: worker\/\d-worker-key = [0-9A-F]{4}/);
  // The Databags panel follows: the key that commit added is marked.
  await expect(relviz.region(Label.regionDatabags).getByRole('group', { name: 'master/0 unit bag' })).toContainText(`(seq ${seq})`);

  await inspector.getByRole('button', { name: /^← back to seq \d+$/ }).click();
  expect(await relviz.cursor()).toBe(before);
  await expect(hookHeading(relviz, 'master-relation-changed')).toBeVisible();
  await expect(inspector.getByText(/^on /).first()).toHaveText(changedOn);

  await inspector.getByRole('button', { name: 'follow the cursor' }).click();
  await expect(inspector).toContainText('the hook at the cursor');
});

test('a failed hook shows its error, and the Databags panel says its writes were discarded', async ({ relviz }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  // Twice: failing once, the automatic retry 5 s later would succeed and end the history.
  await relviz.run('fail worker/0 master-relation-changed --times 2');
  await relviz.run('juju exec --unit master/0 -- relation-set -r 1 message=hello');
  await relviz.toEnd();
  const inspector = inspectorOf(relviz);
  await expect(hookHeading(relviz, 'master-relation-changed')).toBeVisible();
  await expect(inspector).toContainText('✗ failed');
  await expect(inspector).toContainText('Its writes were discarded');
  // What the unit does about it, as of the cursor.
  await expect(inspector).toContainText('rule auto-retry');
  await expect(inspector).toContainText('At the cursor: retrying in 10 s (failed 2×)');
  await expect(relviz.region(Label.regionDatabags)).toContainText(/✗ worker\/0 master-relation-changed \(seq \d+\) failed: nothing it wrote was committed/);
});
