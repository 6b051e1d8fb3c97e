/**
 * Generates the README's screenshots (docs/screenshots/*.png) from the running app:
 * `npm run screenshots`. Part of the e2e suite, so the pictures never drift far
 * from the product.
 */
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';
import { recordFromMasterAndWorkers } from './recording.ts';

const DIR = 'docs/screenshots';

test('main screen: masterworker related, keys in the databag', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('30');
  await expect(relviz.unit('worker/1')).toBeVisible();
  await page.getByRole('button', { name: /^Relation 0/ }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/main.png` });
});

test("export: the hook inspector's ops.testing section", async ({ relviz, page }) => {
  await relviz.open();
  const inspector = relviz.region(Label.regionInspector);
  await relviz.seekUntil(async () => (await inspector.getByRole('heading', { level: 3, name: 'master-application-relation-joined' }).count()) > 0);
  await inspector.getByRole('region', { name: Label.exportGroup }).scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(200);
  await inspector.screenshot({ path: `${DIR}/export-test.png` });
});

test('departure: worker/1 leaving, hook log', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
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

test('presentation mode: the masterworker tutorial paused at a stop', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption('masterworker');
  // The tutorial's card is on screen and its step's history computed before the keys (a loaded machine is slower).
  await expect(page.getByRole('complementary', { name: /^Tutorial: / })).toContainText('step 1 of');
  await relviz.computed();
  await page.getByRole('button', { name: Label.presentation, exact: true }).click();
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('complementary', { name: /^Tutorial: / })).toContainText('step 2 of');
  await relviz.computed();
  await page.keyboard.press(' ');
  await expect(page.getByRole('complementary', { name: /^Tutorial: / }).getByRole('status')).toContainText('Paused here.', { timeout: 15_000 });
  await page.mouse.move(0, 0); // no hover state in the picture
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${DIR}/presentation.png` });
});

test('embedding: the sample page driving relviz in its frame', async ({ relviz, page }) => {
  await page.setViewportSize({ width: 1280, height: 1180 });
  await page.goto('/embed-demo.html');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await page.getByRole('spinbutton', { name: 'Tutorial step' }).fill('2');
  await page.getByRole('button', { name: 'Open step', exact: true }).click();
  await expect(relviz.page.frameLocator('iframe').locator('[data-app-node="worker"]')).toBeVisible();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const events = page.getByRole('list', { name: 'Hooks fired' }).getByRole('listitem');
  await expect(events.filter({ hasText: 'relation-joined' }).first()).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${DIR}/embed-demo.png` });
});

test('tutorial: the waiting race, paused and pointed at', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption('masterworker');
  const card = page.getByRole('complementary', { name: /^Tutorial: / });
  await card.getByRole('list', { name: 'Steps' }).getByRole('button', { name: /^Step 2:/ }).click();
  await page.getByRole('slider', { name: Label.speed }).fill('6');
  for (let stop = 0; stop < 2; stop++) {
    await relviz.button(Label.play).click();
    await expect(card.getByRole('status')).toContainText('Paused here.', { timeout: 15_000 });
  }
  await expect(card.getByRole('status')).toContainText('race');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${DIR}/tutorial.png` });
});

test('quiz: predict the next hook', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption('masterworker');
  const card = page.getByRole('complementary', { name: /^Tutorial: / });
  await card.getByRole('list', { name: 'Steps' }).getByRole('button', { name: /^Step 2:/ }).click();
  await card.getByRole('checkbox', { name: 'Predict the next hook' }).check();
  await relviz.button(Label.stepForward).click();
  await card.getByRole('list', { name: 'Choices' }).getByRole('button', { name: /master-application-relation-created/ }).click();
  const verdict = card.getByRole('region', { name: 'Predict the next hook' }).getByRole('status');
  await verdict.scrollIntoViewIfNeeded();
  await expect(verdict).toContainText('Right.');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  // The card, where the quiz is (the top of the right-hand column).
  const box = await card.boundingBox();
  if (!box) throw new Error('the tutorial card is on screen');
  await page.screenshot({ path: `${DIR}/quiz.png`, clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } });
});

test('misconceptions: where the docs mislead', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.button(Label.misconceptions).click();
  await expect(page.getByRole('dialog', { name: Label.misconceptionsTitle })).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/misconceptions.png` });
});

test('departed or broken: four teardowns side by side', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption('departed-or-broken');
  const card = page.getByRole('complementary', { name: /^Tutorial: / });
  await card.getByRole('list', { name: 'Steps' }).getByRole('button', { name: /^Step 2:/ }).click();
  await expect(page.getByRole('region', { name: 'Alternatives side by side' })).toBeVisible();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${DIR}/compare.png` });
});

test('recorder: a tutorial being recorded, a stop after a clicked hook', async ({ relviz, page }) => {
  const bar = await recordFromMasterAndWorkers(relviz, 'Keys for workers', 'A master hands each worker its own key through the relation.');
  await bar.getByRole('textbox', { name: 'Step title' }).fill('Relate them');
  await bar.getByRole('textbox', { name: 'What the step says' }).fill('Every unit enters the relation. Watch the master write a key for each worker.');
  await relviz.run('juju relate master worker');
  await relviz.computed();
  await relviz.toEnd();
  await page.locator('[data-swimlane-unit="master/0"][aria-label*=" master-application-relation-joined "]').first().click();
  await bar.getByRole('textbox', { name: 'What to say at this stop' }).fill('master/0 joined worker/0 and wrote worker/0-worker-key into its own unit bag.');
  await page.locator('[data-bag="unit:master/0"] [data-key="worker/0-worker-key"]').click({ modifiers: ['Alt'] });
  await expect(bar.getByRole('list', { name: 'Recorded in this step' })).toContainText('bag-key master/0 worker/0-worker-key');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/recorder.png` });
});

test('editor: a tutorial as text, a problem at its line', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption({ label: Label.editTutorial });
  const dialog = page.getByRole('dialog', { name: 'Edit a tutorial as text' });
  const area = dialog.getByRole('textbox', { name: 'Tutorial document' });
  await expect(area).toHaveValue(/^---\nrelviz-tutorial: 1\nid: masterworker\n/);
  const text = await area.inputValue();
  await area.fill(text.replace('### after: worker/1 master-relation-changed\n', '### after: worker/1 master-relation-changed 3\n'));
  const problem = dialog.getByRole('region', { name: 'Problems' }).getByRole('button').first();
  await expect(problem).toContainText('no such hook runs in this step', { timeout: 15_000 });
  await problem.click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/editor.png` });
});

test('open a tutorial: a pasted document with its problems named by line', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption({ label: Label.openTutorial });
  const dialog = page.getByRole('dialog', { name: 'Open a tutorial' });
  await dialog.getByRole('textbox', { name: 'Or paste its text' }).fill(
    ['---', 'relviz-tutorial: 1', 'id: my-first-tutorial', 'title: My first tutorial', 'summary: A master, a worker.', 'seed: 1', 'juju: 3.6', '---', '', '## Relate them', '', '```juju', 'juju deploy master', 'juju deploy worker', 'juju relate master worker', '```', '', '### after: worker/3 master-relation-joined', '', 'worker/3 has joined.', ''].join('\n'),
  );
  await expect(dialog.getByRole('alert')).toContainText('line 18');
  await page.waitForTimeout(200);
  await dialog.screenshot({ path: `${DIR}/open-tutorial.png` });
});
