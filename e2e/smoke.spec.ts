import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

test('opens with the masterworker example loaded, ready to play', async ({ relviz, page }) => {
  await relviz.open();
  for (const r of [Label.regionGraph, Label.regionDatabags, Label.regionInspector, Label.regionConsole]) await expect(relviz.region(r)).toBeVisible();
  await expect(relviz.button(Label.play)).toBeEnabled();
  expect(await relviz.cursor()).toBe(0);
  await relviz.toEnd();
  await expect(relviz.unit('master/0')).toBeVisible();
  await expect(relviz.unit('worker/0')).toBeVisible();
  await page.screenshot({ path: 'test-results/smoke-end.png' });
});
