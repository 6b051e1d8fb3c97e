/** Swimlanes, as a teacher uses them: the order of a removed unit's last hooks, and jumping back in time. */
import AxeBuilder from '@axe-core/playwright';
import { Label } from '../src/ui/labels.ts';
import { SwimlaneLabel } from '../src/ui/swimlanes/labels.ts';
import { expect, test } from './fixtures.ts';

/** `worker/1 master-relation-departed (seq 29)` → `master-relation-departed`. */
const hookOf = (name: string | null) => name?.replace(/^\S+ /, '').replace(/ \(seq \d+\).*$/, '') ?? '';

test('worker/1 runs departed, broken, stop and remove in that order, and clicking a block moves the cursor', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('tab', { name: Label.regionSwimlanes }).click();
  const panel = relviz.region(Label.regionSwimlanes);
  await expect(panel.getByRole('list', { name: SwimlaneLabel.legend })).toBeVisible();
  const lane = panel.getByRole('group', { name: 'worker/1', exact: true });
  const remove = lane.getByRole('button', { name: /^worker\/1 remove \(seq \d+\)$/ });

  // The view follows the cursor (the last hook); scroll back in time to worker/1's removal.
  await lane.getByText('worker/1', { exact: true }).hover();
  await expect(async () => {
    await page.mouse.wheel(-250, 0);
    await expect(remove).toBeInViewport({ ratio: 1, timeout: 300 });
  }).toPass();

  const blocks = lane.getByRole('button');
  const names = await blocks.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names.slice(-4).map(hookOf)).toEqual(['master-relation-departed', 'master-relation-broken', 'stop', 'remove']);
  const xs = await Promise.all([...Array(4).keys()].map(async (k) => (await blocks.nth(names.length - 4 + k).boundingBox())?.x ?? NaN));
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  await expect(remove).toHaveText('remove');

  const before = await relviz.cursor();
  const departed = lane.getByRole('button', { name: /^worker\/1 master-relation-departed \(seq \d+\)$/ });
  await departed.click();
  const after = await relviz.cursor();
  expect(after).toBeLessThan(before);
  await expect(departed).toHaveAttribute('aria-current', 'step');
  // Rewound: the hooks after the cursor are still drawn (the future), but not current.
  await expect(remove).toBeVisible();
  await expect(remove).not.toHaveAttribute('aria-current', 'step');

  // Blocks are buttons: the keyboard reaches them, and → goes to the unit's next hook (not the transport's step).
  await departed.focus();
  await page.keyboard.press('ArrowRight');
  const broken = lane.getByRole('button', { name: /^worker\/1 master-relation-broken \(seq \d+\)$/ });
  await expect(broken).toHaveAttribute('aria-current', 'step');
  await expect(broken).toBeFocused();
  expect(await relviz.cursor()).toBeGreaterThan(after);
  await page.keyboard.press('End');
  await expect(remove).toBeFocused();
  await expect(remove).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('Home');
  await expect(lane.getByRole('button', { name: /^worker\/1 install \(seq \d+\)$/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(remove).toBeFocused();
});

test('before the first hook every block is a future one; afterwards the hook at the cursor is highlighted and in view', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('0');
  const panel = relviz.region(Label.regionSwimlanes);
  const current = panel.locator('[aria-current="step"]');
  await expect(panel.getByRole('button', { name: /^master\/0 install \(seq 1\)$/ })).toBeVisible();
  await expect(current).toHaveCount(0);

  await relviz.timeline.fill('25');
  await expect(current).toHaveCount(1);
  await expect(current).toBeInViewport({ ratio: 1 });
  await expect(current).toHaveAccessibleName(/^\S+ \S+ \(seq \d+\)$/);
  await page.screenshot({ path: 'test-results/swimlanes-tick25.png' });
});

test('the swimlanes have no serious accessibility problems, rewound or at the end', async ({ relviz, page }) => {
  await relviz.open();
  const serious = async () =>
    (await new AxeBuilder({ page }).include(`section[aria-label="${Label.regionSwimlanes}"]`).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(', ')})`);
  await relviz.timeline.fill('30');
  expect(await serious()).toEqual([]);
  await relviz.toEnd();
  expect(await serious()).toEqual([]);
});
