/** Integrating by drag: compatible handles light up; a refused integrate shows Juju's error. */
import type { Page } from '@playwright/test';
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

async function drag(page: Page, from: string, to: string) {
  const a = page.locator(`[data-endpoint="${from}"]`);
  const b = page.locator(`[data-endpoint="${to}"]`);
  const boxA = await a.boundingBox();
  const boxB = await b.boundingBox();
  if (!boxA || !boxB) throw new Error('handle not on screen');
  await page.mouse.move(boxA.x + boxA.width / 2, boxA.y + boxA.height / 2);
  await page.mouse.down();
  await page.mouse.move(boxB.x + boxB.width / 2, boxB.y + boxB.height / 2, { steps: 12 });
  return async () => page.mouse.up();
}

test('dragging from an endpoint to a compatible endpoint integrates the applications', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('14'); // master and two workers deployed, not yet related
  await expect(page.getByRole('button', { name: /^Relation 0/ })).toHaveCount(0);
  const release = await drag(page, 'worker:master', 'master:master-application');
  // While dragging, the compatible endpoint on the other application is highlighted.
  await expect(page.locator('[data-endpoint="master:master-application"]').locator('..')).toHaveClass(/bg-yellow-100/);
  await release();
  await expect(page.getByRole('button', { name: /^Relation 0: master ⇄ master-application/ })).toBeVisible();
  // The hooks it causes play out (the user acted in the past: the old future is gone).
  await expect.poll(() => relviz.cursor(), { timeout: 15_000 }).toBeGreaterThan(20);
});

test('a refused integrate shows Juju\'s error and changes nothing', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('14');
  // Relating the same two endpoints a second time is refused by Juju.
  const release = await drag(page, 'worker:master', 'master:master-application');
  await release();
  await expect(page.getByRole('button', { name: /^Relation 0/ })).toBeVisible();
  await relviz.button(Label.pause).click().catch(() => undefined);
  const again = await drag(page, 'worker:master', 'master:master-application');
  await again();
  await expect(page.getByRole('alert')).toContainText('relation worker:master master:master-application (already exists)');
  await expect(page.getByRole('button', { name: /^Relation \d/ })).toHaveCount(1);
  await page.getByRole('button', { name: Label.dismissError }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('integrating with the keyboard: select the application, then Integrate…', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('14');
  await page.getByRole('button', { name: 'Application worker' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Integrate…' }).click();
  const form = page.getByRole('dialog', { name: 'Integrate worker' });
  await expect(form.getByRole('combobox')).toHaveValue('worker:master master:master-application');
  await form.getByRole('button', { name: 'Integrate' }).click();
  await expect(page.getByRole('button', { name: /^Relation 0/ })).toBeVisible();
});
