/**
 * The Databags panel on the masterworker example, driven like a user: the Timeline
 * slider, the relation and "View as unit" pickers, a click on a unit.
 */
import AxeBuilder from '@axe-core/playwright';
import { Label } from '../src/ui/labels.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';


const bag = (relviz: RelvizPage, name: string) => relviz.region(Label.regionDatabags).getByRole('group', { name, exact: true });

test("master/0's unit bag gains worker/1-worker-key on joined, loses it on departed, and ends with worker/0's only", async ({ relviz, page }) => {
  await relviz.open();
  const master0 = bag(relviz, 'master/0 unit bag');
  const worker1Key = master0.getByRole('row', { name: /worker\/1-worker-key/ });

  // The master's joined hook for worker/1 adds the key: first pending while the hook
  // runs (only master/0 sees it), then committed, with the hook that committed it.
  const added = await relviz.seekUntil(async () => (await worker1Key.count()) > 0);
  await relviz.button(Label.stepBack).click();
  await relviz.button(Label.stepForward).click();
  await expect(worker1Key).toHaveAccessibleName(/^added, pending worker\/1-worker-key [0-9A-F]{4}$/);
  await expect(master0).toContainText(/writing… master\/0 master-application-relation-joined \(seq \d+\): pending until the hook succeeds/);
  await expect(worker1Key).toHaveAccessibleName(/^added worker\/1-worker-key [0-9A-F]{4}$/);
  await expect(master0).toContainText(/just committed by master\/0 master-application-relation-joined \(seq \d+\)/);
  await page.screenshot({ path: 'test-results/databags-joined.png' });

  // The master's departed hook for worker/1 deletes it: struck through, old value kept.
  const removedKey = master0.getByRole('row', { name: /^removed(, pending)? worker\/1-worker-key/ });
  const removed = await relviz.seekUntil(async () => (await removedKey.count()) > 0, added + 1);
  await expect(worker1Key).toHaveAccessibleName(/^removed worker\/1-worker-key [0-9A-F]{4}$/);
  await expect(master0).toContainText(/just committed by master\/0 master-application-relation-departed/);
  await page.screenshot({ path: 'test-results/databags-departed.png' });

  // One tick later it is gone; at the end of history (re-related as #1) only worker/0's key is there.
  await relviz.timeline.fill(String(removed + 1));
  await expect(worker1Key).toHaveCount(0);
  await relviz.toEnd();
  await expect(relviz.region(Label.regionDatabags).getByRole('combobox', { name: 'Relation' })).toHaveValue('1');
  await expect(master0.getByRole('row', { name: /worker\/0-worker-key [0-9A-F]{4}$/ })).toBeVisible();
  await expect(worker1Key).toHaveCount(0);
});

test('view as unit worker/1: it reads the master bags, cannot even read its own application bag, and writes only its own unit bag', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.seekUntil(async () => (await bag(relviz, 'master/0 unit bag').getByRole('row', { name: /worker\/1-worker-key/ }).count()) > 0);
  const bags = relviz.region(Label.regionDatabags);
  await bags.getByRole('combobox', { name: Label.viewAsUnit }).selectOption('worker/1');

  await expect(bags).toContainText('worker/1 (not leader) can write only its own unit bag, and cannot read its application bag (app worker).');

  const masterApp = bag(relviz, 'master application bag');
  await expect(masterApp).toContainText('worker/1: read only');
  await expect(masterApp).toContainText("relation-set has no syntax for the remote application's bag");
  await expect(masterApp).toContainText('ops: worker cannot write the data of remote application master');

  const workerApp = bag(relviz, 'worker application bag');
  await expect(workerApp).toContainText('worker/1: no access');
  await expect(workerApp).toContainText('relation-get -r master:0 --app - worker');
  await expect(workerApp).toContainText('ERROR permission denied');
  await expect(workerApp).toContainText('ops: worker/1 is not leader and cannot read its own application databag');
  await expect(workerApp).toContainText('relation-set -r master:0 --app key=value');
  await expect(workerApp).toContainText('ERROR cannot write relation settings');

  const master0 = bag(relviz, 'master/0 unit bag');
  await expect(master0).toContainText('worker/1: read only');
  await expect(master0).toContainText("relation-set has no syntax for another unit's bag");
  await expect(master0).toContainText('ops: worker/1 cannot write databag of master/0: not the same unit.');
  await expect(bag(relviz, 'worker/1 unit bag')).toContainText('worker/1: read / write');
  await page.screenshot({ path: 'test-results/databags-view-as-worker-1.png' });

  const axe = await new AxeBuilder({ page }).include('section[aria-label="Databags"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The leader of the same application reads and writes that bag.
  await bags.getByRole('combobox', { name: Label.viewAsUnit }).selectOption('worker/0');
  await expect(workerApp).toContainText('worker/0: read / write');
  await expect(workerApp).not.toContainText('ERROR');
});

test('a unit selected in the graph shows its relation; the picker keeps the selection', async ({ relviz }) => {
  await relviz.open();
  // The example's whole history first (it is rebuilt in tasks), and the panels at its end.
  await relviz.computed();
  await relviz.toEnd();
  await relviz.panelsSettled();
  await relviz.unit('worker/0').click();
  const bags = relviz.region(Label.regionDatabags);
  await expect(bags).toContainText('The relation of worker/0.');
  await expect(bags.getByRole('combobox', { name: 'Relation' })).toHaveValue('1');
  await expect(bag(relviz, 'worker/0 unit bag')).toBeVisible();
});

test('databag values are shown as text, never as HTML, and long values wrap inside the panel', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.run(`juju exec --unit master/0 -- relation-set -r 1 x='<img src=x onerror=alert(1)><b>bold</b>'`);
  await relviz.run(`juju exec --unit master/0 -- relation-set -r 1 long=${'0123456789abcdef'.repeat(12)}`);
  const master0 = bag(relviz, 'master/0 unit bag');
  await expect(master0.getByRole('row', { name: /^(added )?x / })).toContainText('<img src=x onerror=alert(1)><b>bold</b>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const long = master0.getByRole('row', { name: /long/ });
  await expect(long).toBeVisible();
  const [rowBox, bagBox] = await Promise.all([long.boundingBox(), master0.boundingBox()]);
  expect(rowBox && bagBox && rowBox.x + rowBox.width <= bagBox.x + bagBox.width + 1).toBe(true);

  // An update reads old → new (struck old value), for screen readers too.
  await relviz.run('juju exec --unit master/0 -- relation-set -r 1 long=short');
  // The exec's commit plays on (relation-changed on worker/0): step back to it.
  await relviz.toEnd();
  const changed = master0.getByRole('row', { name: /^changed long / });
  for (let i = 0; i < 5 && (await changed.count()) === 0; i++) await relviz.button(Label.stepBack).click();
  await expect(long).toHaveAccessibleName(/^changed long (0123456789abcdef){12} became short$/);
  const axe = await new AxeBuilder({ page }).include('section[aria-label="Databags"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
