import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

test('opens with the masterworker example loaded and deployed, ready to play', async ({ relviz, page }) => {
  await relviz.open();
  for (const r of [Label.regionGraph, Label.regionDatabags, Label.regionInspector, Label.regionConsole]) await expect(relviz.region(r)).toBeVisible();
  await expect(relviz.button(Label.play)).toBeEnabled();
  // Where a newcomer sees the model: deployed and settled, before `juju relate`.
  expect(await relviz.cursor()).toBeGreaterThan(0);
  await expect(relviz.unit('worker/1')).toBeVisible();
  await relviz.toEnd();
  await expect(relviz.unit('master/0')).toBeVisible();
  await expect(relviz.unit('worker/0')).toBeVisible();
  await page.screenshot({ path: 'test-results/smoke-end.png' });
});
