/**
 * Writing a tutorial in the app (issue 13): a short tutorial recorded in the
 * recorder — three steps, two stops (one clicked in the swimlanes, one in the hook
 * log), one highlight (Alt+click on a unit) — exported, loaded from the file in a
 * fresh browser context, played to its end with every stop and the highlight
 * checked. And the text editor: an error shown at its line, fixed there, played.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { Label } from '../src/ui/labels.ts';
import { EditorLabel, RecorderLabel } from '../src/ui/teaching/author/labels.ts';
import { TutorialDocLabel } from '../src/ui/teaching/tutorialDocLabels.ts';
import { RelvizPage, expect, test } from './fixtures.ts';
import { recordFromMasterAndWorkers } from './recording.ts';

const card = (page: Page) => page.getByRole('complementary', { name: /^Tutorial: / });
const bar = (page: Page) => page.getByRole('region', { name: RecorderLabel.region });

const STOP1 = 'The master has joined worker/0 and written its key in its own unit bag.';
const STOP2 = 'worker/1 is gone from the relation: the master hears it departed.';

/** A page of its own, in a context of its own (nothing saved in the first one reaches it), failing on console errors. */
async function freshPage(browser: Browser): Promise<{ relviz: RelvizPage; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { relviz: new RelvizPage(page), problems, close: () => context.close() };
}

/** Opens a tutorial document from a file, as a teacher's student would (tutload's "Open a tutorial…"). */
async function openTutorialFile(relviz: RelvizPage, path: string) {
  await relviz.open();
  await relviz.page.getByRole('combobox', { name: Label.tutorials }).selectOption({ label: Label.openTutorial });
  const dialog = relviz.page.getByRole('dialog', { name: TutorialDocLabel.title });
  await dialog.locator('input[type=file]').setInputFiles(path);
  await expect(dialog.getByRole('status')).toContainText('Keys for workers — 3 steps, checked');
  await dialog.getByRole('button', { name: TutorialDocLabel.play }).click();
  await expect(dialog).toBeHidden();
  await expect(card(relviz.page)).toBeVisible();
}

test('a tutorial recorded in the app, exported, loaded in a fresh browser and played to its end', async ({ relviz, page, browser }, testInfo) => {
  test.setTimeout(120_000);
  // The starting model: a master and two workers, settled.
  await recordFromMasterAndWorkers(relviz, 'Keys for workers', 'A master hands each worker its key; then a worker leaves.');
  await expect(bar(page)).toContainText('Alt');

  // Step 1: relate; a stop clicked in the swimlanes.
  await bar(page).getByRole('textbox', { name: RecorderLabel.stepTitle }).fill('Relate them');
  await bar(page).getByRole('textbox', { name: RecorderLabel.stepSay }).fill('Every unit enters the relation.');
  await relviz.run('juju relate master worker');
  await relviz.computed();
  await relviz.toEnd();
  await page.locator('[data-swimlane-unit="master/0"][aria-label*=" master-application-relation-joined "]').first().click();
  const stopSay = bar(page).getByRole('textbox', { name: RecorderLabel.stopSay });
  await expect(stopSay).toBeFocused();
  await stopSay.fill(STOP1);

  // Step 2: a worker leaves; a stop clicked in the hook log, and Alt+click highlights a unit there.
  await bar(page).getByRole('button', { name: `+ ${RecorderLabel.newStep}` }).click();
  await bar(page).getByRole('textbox', { name: RecorderLabel.stepTitle }).fill('A worker leaves');
  await bar(page).getByRole('textbox', { name: RecorderLabel.stepSay }).fill('Remove worker/1 and watch both sides.');
  await relviz.run('juju remove-unit worker/1');
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('tab', { name: Label.regionHookLog }).click();
  await page.locator('tr[data-seq]').filter({ hasText: 'master-application-relation-departed' }).first().click();
  await bar(page).getByRole('textbox', { name: RecorderLabel.stopSay }).fill(STOP2);
  await relviz.unit('master/0').click({ modifiers: ['Alt'] });
  const items = bar(page).getByRole('list', { name: RecorderLabel.items });
  await expect(items).toContainText('stop after master/0 master-application-relation-departed');
  await expect(items).toContainText('stop 1: highlight unit master/0');

  // Step 3: narration only.
  await bar(page).getByRole('button', { name: `+ ${RecorderLabel.newStep}` }).click();
  await bar(page).getByRole('textbox', { name: RecorderLabel.stepTitle }).fill('What we saw');
  await bar(page).getByRole('textbox', { name: RecorderLabel.stepSay }).fill('Keys travel in the master’s own bag; departures reach the other side.');

  // Export.
  const download = page.waitForEvent('download');
  await bar(page).getByRole('button', { name: RecorderLabel.export }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('keys-for-workers.md');
  const path = testInfo.outputPath('keys-for-workers.md');
  await file.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain('### after: master/0 master-application-relation-joined\n');
  expect(text).toContain('### after: master/0 master-application-relation-departed\n\nhighlight: unit master/0\n');
  expect(text.match(/^## /gm)).toHaveLength(3);

  // A student, in another browser: the file, played to its end.
  const student = await freshPage(browser);
  try {
    const s = student.relviz;
    await openTutorialFile(s, path);
    const p = s.page;
    await expect(card(p).getByRole('heading', { name: 'Relate them' })).toBeVisible();
    await p.getByRole('slider', { name: Label.speed }).fill('7');
    await s.button(Label.play).click();
    await expect(card(p).getByRole('status')).toContainText(STOP1, { timeout: 15_000 });
    await s.button(Label.play).click();
    await expect(s.timeline).toHaveValue((await s.timeline.getAttribute('max')) ?? '', { timeout: 15_000 });
    await card(p).getByRole('button', { name: `${Label.tutorialNext} →` }).click();
    await expect(card(p).getByRole('heading', { name: 'A worker leaves' })).toBeVisible();
    await s.button(Label.play).click();
    await expect(card(p).getByRole('status')).toContainText(STOP2, { timeout: 15_000 });
    await expect(p.locator('.react-flow [data-unit="master/0"][data-highlight]')).toBeVisible();
    await s.button(Label.play).click();
    await expect(s.timeline).toHaveValue((await s.timeline.getAttribute('max')) ?? '', { timeout: 15_000 });
    await card(p).getByRole('button', { name: `${Label.tutorialNext} →` }).click();
    await expect(card(p).getByRole('heading', { name: 'What we saw' })).toBeVisible();
    await expect(card(p)).toContainText('That is the end of this tutorial.');
    expect(student.problems).toEqual([]);
  } finally {
    await student.close();
  }
});

test('the recording survives a reload, and Stop recording asks before discarding it', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption({ label: Label.recordTutorial });
  await bar(page).getByRole('textbox', { name: RecorderLabel.title }).fill('Kept');
  await relviz.run('juju add-unit worker');
  await expect(bar(page).getByRole('list', { name: RecorderLabel.items })).toContainText('1 command: juju add-unit worker');
  await page.reload();
  await expect(bar(page).getByRole('textbox', { name: RecorderLabel.title })).toHaveValue('Kept');
  await expect(bar(page).getByRole('list', { name: RecorderLabel.items })).toContainText('1 command: juju add-unit worker');
  await bar(page).getByRole('button', { name: RecorderLabel.stop }).click();
  await bar(page).getByRole('button', { name: RecorderLabel.keep }).click();
  await expect(bar(page)).toBeVisible();
  await bar(page).getByRole('button', { name: RecorderLabel.stop }).click();
  await bar(page).getByRole('button', { name: RecorderLabel.discard }).click();
  await expect(bar(page)).toBeHidden();
  await page.reload();
  await expect(relviz.region(Label.regionGraph)).toBeVisible();
  await expect(bar(page)).toBeHidden();
});

test('Copy link in the recorder: a link that plays the recording, in another browser', async ({ relviz, page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption({ label: Label.recordTutorial });
  await bar(page).getByRole('textbox', { name: RecorderLabel.title }).fill('A linked lesson');
  await bar(page).getByRole('textbox', { name: RecorderLabel.stepTitle }).fill('One more worker');
  await bar(page).getByRole('textbox', { name: RecorderLabel.stepSay }).fill('A third worker joins.');
  await relviz.run('juju add-unit worker');
  await bar(page).getByRole('button', { name: RecorderLabel.copyLink }).click();
  await expect(bar(page).getByRole('status')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#tutorial-doc=');
  const student = await freshPage(browser);
  try {
    await student.relviz.page.goto(link);
    await expect(card(student.relviz.page).getByRole('heading', { name: 'One more worker' })).toBeVisible();
    await expect(card(student.relviz.page)).toContainText('A third worker joins.');
    expect(student.problems).toEqual([]);
  } finally {
    await student.close();
  }
});

test('the editor shows an error at its line; fixed there, the tutorial plays', async ({ relviz, page }) => {
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption({ label: Label.editTutorial });
  const dialog = page.getByRole('dialog', { name: EditorLabel.dialog });
  await dialog.getByRole('combobox', { name: EditorLabel.which }).selectOption({ label: 'Subordinates' });
  const area = dialog.getByRole('textbox', { name: EditorLabel.text });
  await expect(area).toHaveValue(/^---\nrelviz-tutorial: 1\nid: subordinates\n/);
  await expect(dialog.getByRole('status')).toHaveText('✓ Reads and plays as written', { timeout: 15_000 });
  // A typo in a command: an error at its line.
  const text = await area.inputValue();
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('juju deploy telegraf'));
  expect(at).toBeGreaterThan(0);
  lines[at] = lines[at]!.replace('juju deploy', 'juju deplyo');
  await area.fill(lines.join('\n'));
  const problem = dialog.getByRole('region', { name: EditorLabel.problems }).getByRole('button', { name: new RegExp(`^line ${at + 1}: .*deplyo`) });
  await expect(problem).toBeVisible({ timeout: 15_000 });
  // Clicking it puts the caret on that line; the fix is typed there.
  await problem.click();
  await expect(area).toBeFocused();
  const caret = await area.evaluate((a: HTMLTextAreaElement) => a.value.slice(0, a.selectionStart).split('\n').length);
  expect(caret).toBe(at + 1);
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(lines[at]!.replace('juju deplyo', 'juju deploy'));
  await expect(dialog.getByRole('status')).toHaveText('✓ Reads and plays as written', { timeout: 15_000 });
  expect(await area.inputValue()).toBe(text);
  // An edit of the first step's title; this version plays.
  const first = text.split('\n').find((l) => l.startsWith('## '))!;
  await area.fill(text.replace(first, `${first} (edited)`));
  await expect(dialog.getByRole('region', { name: EditorLabel.outline })).toContainText(`${first.slice(3)} (edited)`, { timeout: 15_000 });
  await expect(dialog.getByRole('status')).toHaveText('✓ Reads and plays as written');
  await dialog.getByRole('button', { name: EditorLabel.play }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page).getByRole('heading', { name: `${first.slice(3)} (edited)` })).toBeVisible();
});

test('the recorder’s bar and the editor have no serious accessibility problems', async ({ relviz, page }) => {
  const serious = async (include: string) => {
    const results = await new AxeBuilder({ page }).include(include).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  const rec = await recordFromMasterAndWorkers(relviz, 'Checked', 'For the checker.');
  await relviz.run('juju relate master worker');
  await relviz.computed();
  await relviz.toEnd();
  await page.locator('[data-swimlane-unit="master/0"][data-seq]').last().click();
  await expect(rec.getByRole('textbox', { name: RecorderLabel.stopSay })).toBeFocused();
  expect(await serious('[data-recorder]')).toEqual([]);
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption({ label: Label.editTutorial });
  const dialog = page.getByRole('dialog', { name: EditorLabel.dialog });
  await expect(dialog.getByRole('status')).toHaveText('✓ Reads and plays as written', { timeout: 15_000 });
  expect(await serious('dialog')).toEqual([]);
  // Closing the editor goes back to the recording.
  await dialog.getByRole('button', { name: EditorLabel.close }).click();
  await expect(rec.getByRole('textbox', { name: RecorderLabel.title })).toHaveValue('Checked');
});
