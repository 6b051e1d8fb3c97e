/**
 * Presentation mode as a teacher uses it on a projector: entered with P or the
 * Present button (or ?present=1), only the graph, the tutorial card, the databags and
 * the swimlanes on screen, driven from the keyboard or a clicker, left with Esc or P.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Label } from '../src/ui/labels.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';

const card = (page: Page) => page.getByRole('complementary', { name: /^Tutorial: / });
const presentButton = (page: Page) => page.getByRole('button', { name: Label.presentation, exact: true });

async function expectPresenting(relviz: RelvizPage, on: boolean) {
  const { page } = relviz;
  await expect(page.locator('[data-mode]')).toHaveAttribute('data-mode', on ? 'present' : 'app');
  for (const r of [Label.regionConsole, Label.regionInspector]) await expect(relviz.region(r)).toBeVisible({ visible: !on });
  await expect(page.getByRole('tab', { name: Label.regionHookLog })).toBeVisible({ visible: !on });
  await expect(page.getByRole('combobox', { name: Label.tutorials })).toBeVisible({ visible: !on });
  for (const r of [Label.regionGraph, Label.regionDatabags, Label.regionSwimlanes]) await expect(relviz.region(r)).toBeVisible();
  await expect(presentButton(page)).toHaveAttribute('aria-pressed', String(on));
  expect(new URL(page.url()).searchParams.get('present')).toBe(on ? '1' : null);
}

/** Focus on the page itself (a key typed in a field or a slider is the field's). */
const clickAway = (page: Page) => page.mouse.click(3, 3);

/** Every application node lies inside the graph's panel: the graph re-framed to its new box. */
async function expectGraphFramed(relviz: RelvizPage) {
  const box = await relviz.region(Label.regionGraph).boundingBox();
  const nodes = relviz.page.locator('[data-app-node]');
  await expect(nodes.first()).toBeVisible();
  await expect
    .poll(async () => {
      const boxes = await Promise.all((await nodes.all()).map((n) => n.boundingBox()));
      return boxes.every((b) => !!b && !!box && b.x >= box.x && b.y >= box.y && b.x + b.width <= box.x + box.width && b.y + b.height <= box.y + box.height);
    })
    .toBe(true);
}

test('P enters and Esc leaves; the Present button toggles it too', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('30');
  await clickAway(page);
  await page.keyboard.press('p');
  await expectPresenting(relviz, true);
  await expectGraphFramed(relviz);
  expect(await relviz.cursor()).toBe(30);
  await page.keyboard.press('Escape');
  await expectPresenting(relviz, false);

  await presentButton(page).click();
  await expectPresenting(relviz, true);
  await presentButton(page).click();
  await expectPresenting(relviz, false);
  // Leaving by the bar's button (gone now) gives the focus to the header's.
  await expect(presentButton(page)).toBeFocused();
  await clickAway(page);
  await page.keyboard.press('P');
  await expectPresenting(relviz, true);
  await page.keyboard.press('P');
  await expectPresenting(relviz, false);
});

test('typing a P in the console does not present', async ({ relviz }) => {
  await relviz.open();
  await relviz.command.fill('juju status');
  await relviz.command.press('p');
  await expectPresenting(relviz, false);
});

test('the keyboard drives playback while presenting, and ?present=1 survives a reload', async ({ relviz, page }) => {
  await relviz.open('/?present=1');
  await expectPresenting(relviz, true);
  const start = await relviz.cursor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await relviz.cursor()).toBe(start + 2);
  await page.keyboard.press('ArrowLeft');
  expect(await relviz.cursor()).toBe(start + 1);
  await page.keyboard.press(' ');
  await expect(relviz.button(Label.pause)).toBeVisible();
  await expect.poll(() => relviz.cursor()).toBeGreaterThan(start + 2);
  await page.keyboard.press(' ');
  await expect(relviz.button(Label.play)).toBeVisible();
  await page.reload();
  await expectPresenting(relviz, true);
});

test('a tutorial is presented beside the graph, and PageDown / PageUp or N / B move through its steps', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption('masterworker');
  await clickAway(page);
  await page.keyboard.press('p');
  await expectPresenting(relviz, true);
  await expect(card(page)).toContainText('step 1 of');
  await page.keyboard.press('PageDown');
  await expect(card(page)).toContainText('step 2 of');
  await page.keyboard.press('n');
  await expect(card(page)).toContainText('step 3 of');
  await page.keyboard.press('PageUp');
  await expect(card(page)).toContainText('step 2 of');
  await page.keyboard.press('b');
  await expect(card(page)).toContainText('step 1 of');
  // Back at the first step, back goes nowhere.
  await page.keyboard.press('PageUp');
  await expect(card(page)).toContainText('step 1 of');
  // Play to the step's stop: the card says why it paused.
  await page.keyboard.press('PageDown');
  await page.keyboard.press(' ');
  await expect(card(page).getByRole('status')).toContainText('Paused here.', { timeout: 15_000 });
  await expectGraphFramed(relviz);
});

test('no serious or critical axe violations while presenting a tutorial', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption('masterworker');
  await presentButton(page).click();
  await page.keyboard.press('PageDown');
  await expect(card(page)).toContainText('step 2 of');
  await relviz.timeline.fill('20');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
});
