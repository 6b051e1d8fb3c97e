/**
 * Generates the README's screenshots (docs/screenshots/*.png) from the running app:
 * `npm run screenshots`. Part of the e2e suite, so the pictures never drift far
 * from the product.
 */
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

const DIR = 'docs/screenshots';

test('main screen: masterworker related, keys in the databag', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('30');
  await expect(relviz.unit('worker/1')).toBeVisible();
  await page.getByRole('button', { name: /^Relation 0/ }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/main.png` });
});

test('departure: worker/1 leaving, hook log', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.toEnd();
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/hook-log.png` });
});

test('manual mode: choose who runs next', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('16');
  await page.getByRole('checkbox', { name: Label.manual }).check();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/manual.png` });
});

test('context menu: what you can do to a unit', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('30');
  await relviz.unit('worker/1').click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${DIR}/context-menu.png`, clip: { x: 0, y: 0, width: 1204, height: 622 } });
});
