/**
 * Every tutorial end to end, as a learner clicks it: opened from the menu, every step
 * reached with Next, its narration on screen, its hooks played (pausing at each stop
 * with the stop's explanation), and everything it points at highlighted on screen.
 * Also: Back restores the exact state, and a share link reopens the same step.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Label } from '../src/ui/labels.ts';
import { TUTORIALS } from '../src/teaching/tutorials/index.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';

const card = (page: Page) => page.getByRole('complementary', { name: /^Tutorial: / });

async function openTutorial(relviz: RelvizPage, id: string) {
  await relviz.open();
  await relviz.page.getByRole('combobox', { name: Label.tutorials }).selectOption(id);
  await expect(card(relviz.page)).toBeVisible();
}

/** Plays the step to its end, checking each stop on the way. */
async function playStep(relviz: RelvizPage, stops: ReadonlyArray<{ say: string; highlight?: readonly unknown[] }>) {
  const page = relviz.page;
  for (const stop of stops) {
    await relviz.button(Label.play).click();
    const paused = card(page).getByRole('status');
    await expect(paused).toContainText('Paused here.', { timeout: 15_000 });
    await expect(paused).toContainText(stop.say.slice(0, 60));
    await expect(relviz.button(Label.play)).toBeVisible();
    if (stop.highlight?.length) await expect(page.locator('[data-highlight]').first()).toBeVisible();
  }
  // The rest of the step's hooks.
  const max = await relviz.timeline.getAttribute('max');
  if (Number(await relviz.timeline.inputValue()) < Number(max)) {
    await relviz.button(Label.play).click();
    await expect(relviz.timeline).toHaveValue(max ?? '', { timeout: 15_000 });
  }
}

for (const tutorial of TUTORIALS) {
  test(`tutorial "${tutorial.title}" runs end to end`, async ({ relviz, page }) => {
    test.setTimeout(120_000);
    await openTutorial(relviz, tutorial.id);
    await page.getByRole('slider', { name: Label.speed }).fill('7'); // 64 hooks a second; stops still pause
    for (const [k, step] of tutorial.steps.entries()) {
      await expect(card(page).getByRole('heading', { name: step.title })).toBeVisible();
      await expect(card(page)).toContainText(`step ${k + 1} of ${tutorial.steps.length}`);
      await expect(card(page)).toContainText(step.say.slice(0, 60));
      await playStep(relviz, step.stops ?? []);
      // What the step points at is on screen once its hooks have played.
      if (step.highlight?.some((t) => (t as { kind: string }).kind !== 'block')) await expect(page.locator('[data-highlight]').first()).toBeAttached();
      if (k < tutorial.steps.length - 1) await card(page).getByRole('button', { name: `${Label.tutorialNext} →` }).click();
    }
    await expect(card(page)).toContainText('That is the end of this tutorial.');
    await card(page).getByRole('button', { name: 'Finish' }).click();
    await expect(card(page)).toBeHidden();
  });
}

test('Back restores exactly the state the step had', async ({ relviz, page }) => {
  await openTutorial(relviz, 'masterworker');
  const dots = card(page).getByRole('list', { name: 'Steps' });
  await dots.getByRole('button', { name: /^Step 5:/ }).click();
  await relviz.panelsSettled();
  const before = { cursor: await relviz.cursor(), max: await relviz.timeline.getAttribute('max'), bags: await relviz.region(Label.regionDatabags).innerText() };
  await relviz.button(Label.play).click();
  await card(page).getByRole('button', { name: `${Label.tutorialNext} →` }).click();
  await relviz.run('juju add-unit worker'); // wander off the path
  await card(page).getByRole('button', { name: `← ${Label.tutorialBack}` }).click();
  await card(page).getByRole('button', { name: `← ${Label.tutorialBack}` }).click();
  await card(page).getByRole('button', { name: `${Label.tutorialNext} →` }).click();
  expect(await relviz.cursor()).toBe(before.cursor);
  await expect(relviz.timeline).toHaveAttribute('max', before.max ?? '');
  await relviz.panelsSettled();
  expect(await relviz.region(Label.regionDatabags).innerText()).toBe(before.bags);
});

test('a share link reopens the tutorial at the same step and cursor', async ({ relviz, page, browser }) => {
  await openTutorial(relviz, 'masterworker');
  await card(page).getByRole('list', { name: 'Steps' }).getByRole('button', { name: /^Step 5:/ }).click();
  await relviz.button(Label.play).click();
  await expect(card(page).getByRole('status')).toContainText('Paused here.');
  const cursor = await relviz.cursor();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: /link/i }).inputValue();
  const other = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(card(fresh)).toContainText('step 5 of');
  await expect(card(fresh).getByRole('status')).toContainText('Paused here.');
  expect(Number(await fresh.getByRole('slider', { name: Label.timeline }).inputValue())).toBe(cursor);
  await other.close();
});

test('the tutorial card and its highlights have no serious accessibility problems', async ({ relviz, page }) => {
  await openTutorial(relviz, 'masterworker');
  await card(page).getByRole('list', { name: 'Steps' }).getByRole('button', { name: /^Step 2:/ }).click();
  await relviz.button(Label.play).click();
  await expect(card(page).getByRole('status')).toContainText('Paused here.');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a tutorial link opens that step, and a reload keeps the learner where they went', async ({ relviz, page }) => {
  await page.goto('/?tutorial=masterworker&step=3');
  await expect(card(page)).toContainText('step 3 of');
  await expect(card(page).getByRole('heading', { name: 'Look inside with hook tools' })).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  await card(page).getByRole('button', { name: `${Label.tutorialNext} →` }).click();
  await expect(card(page)).toContainText('step 4 of');
  await page.waitForTimeout(400); // the session is saved a moment after a change
  await page.reload();
  await expect(card(page)).toContainText('step 4 of');
  // An unknown tutorial says so and loads nothing of itself.
  await page.goto('/?tutorial=nosuch');
  await expect(page.getByRole('alert')).toContainText('nosuch');
  await expect(relviz.region(Label.regionGraph)).toBeVisible();
});
