/** Accessibility: axe-core finds no serious or critical violations; controls are named. */
import AxeBuilder from '@axe-core/playwright';
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

for (const tick of ['0', '30']) {
  test(`no serious or critical axe violations (tick ${tick})`, async ({ relviz, page }) => {
    await relviz.open();
    await relviz.timeline.fill(tick);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
  });
}

test('every transport control has the accessible name the tests and screen readers use', async ({ relviz, page }) => {
  await relviz.open();
  for (const name of [Label.play, Label.stepForward, Label.stepBack]) await expect(relviz.button(name)).toBeVisible();
  await expect(page.getByRole('slider', { name: Label.speed })).toBeVisible();
  await expect(page.getByRole('slider', { name: Label.timeline })).toBeVisible();
  for (const r of [Label.regionGraph, Label.regionDatabags, Label.regionInspector]) await expect(relviz.region(r)).toBeVisible();
});
