/**
 * Share links, as a teacher uses them: Share copies a link to the session; a student
 * opens it in their own browser (a fresh context: no saved session) and sees the same
 * cursor and the same databags; a broken link says why and loads nothing of itself.
 */
import { deflateSync } from 'fflate';
import type { Browser, Locator, Page } from '@playwright/test';
import { Label } from '../src/ui/labels.ts';
import { ShareLabel } from '../src/ui/transport/shareLabels.ts';
import { RelvizPage, expect, test } from './fixtures.ts';

const consoleOutput = (page: Page): Locator => page.getByRole('log', { name: 'Console output' });

/** The text of a panel once it stops changing (the animator shows a hook's writes as pending, then committed). */
async function settledText(locator: Locator): Promise<string> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await locator.innerText();
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [300] })
    .toBe(true);
  return last;
}

/** What `juju show-unit` prints (relation data included), run at the cursor: read-only, so the history stays as it is. */
async function showUnit(relviz: RelvizPage, unit: string): Promise<string> {
  await relviz.run(`juju show-unit ${unit}`);
  const log = consoleOutput(relviz.page);
  await expect(log).toContainText(`$ juju show-unit ${unit}`);
  await expect(log).toContainText('relation-info');
  const text = await log.innerText();
  return text.slice(text.lastIndexOf(`$ juju show-unit ${unit}`));
}

/** Opens a URL in a new browser context (another user's browser), failing on its console errors too. */
async function openElsewhere(browser: Browser, url: string, problems: string[]): Promise<RelvizPage> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error (new context): ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error (new context): ${e.message}`));
  await page.goto(url);
  await expect(page.getByRole('region', { name: Label.regionGraph, exact: true })).toBeVisible();
  return new RelvizPage(page);
}

/** A `#share=` value for compact session JSON written by hand (a crafted link). */
function craftedLink(json: unknown): string {
  let binary = '';
  for (const b of deflateSync(new TextEncoder().encode(JSON.stringify(json)))) binary += String.fromCharCode(b);
  return `1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

test('a share link opened in a fresh browser reproduces the cursor and the databags', async ({ relviz, page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.run('juju add-unit worker -n 2');
  await relviz.run('juju remove-unit worker/2');
  await relviz.button(Label.pause).click();
  await relviz.toEnd();
  for (let i = 0; i < 3; i++) await relviz.button(Label.stepBack).click();
  const cursor = await relviz.cursor();
  const max = await relviz.timeline.getAttribute('max');
  const bags = await settledText(relviz.region(Label.regionDatabags));
  expect(bags).toContain('worker/3-worker-key');
  const shown = await showUnit(relviz, 'master/0');

  await relviz.button(ShareLabel.share).click();
  const dialog = page.getByRole('dialog', { name: ShareLabel.dialog });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(ShareLabel.copied)).toBeVisible();
  const link = await dialog.getByRole('textbox', { name: ShareLabel.link }).inputValue();
  expect(link).toMatch(/#share=1\.[\w-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(dialog).toContainText(/\d+\.\d KB/);

  const problems: string[] = [];
  const other = await openElsewhere(browser, link, problems);
  expect(new URL(other.page.url()).hash).toBe('');
  // The shared session is rebuilt in slices between frames: wait for its whole history.
  await expect(other.timeline).toHaveAttribute('max', max ?? '');
  await expect.poll(() => other.cursor()).toBe(cursor);
  expect(await settledText(other.region(Label.regionDatabags))).toBe(bags);
  expect(await showUnit(other, 'master/0')).toBe(shown);

  // The shared session is now theirs: a reload (no hash any more) keeps it.
  await other.page.waitForTimeout(400);
  await other.page.reload();
  await expect(other.region(Label.regionGraph)).toBeVisible();
  await expect(other.timeline).toHaveAttribute('max', max ?? '');
  await expect.poll(() => other.cursor()).toBe(cursor);
  await other.page.context().close();
  expect(problems).toEqual([]);
});

test('a broken share link says why and keeps the saved session, loading nothing of itself', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.button(Label.newSession).click();
  await relviz.run('juju deploy ubuntu');
  await relviz.button(Label.pause).click();
  await relviz.toEnd();
  await page.waitForTimeout(400); // saved
  const cursor = await relviz.cursor();

  // The second command is not valid: nothing of the link may load, not even its first command.
  const bad = craftedLink({ s: 1, j: '3.6', c: 0, i: ['juju deploy postgresql', 'juju frobnicate'] });
  await page.goto(`/#share=${bad}`);
  await expect(relviz.region(Label.regionGraph)).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('ERROR this share link cannot be opened: command 2: unknown juju command "frobnicate"');
  expect(new URL(page.url()).hash).toBe('');
  expect(await relviz.cursor()).toBe(cursor);
  await expect(page.locator('[data-app-node]')).toHaveCount(1);
  await expect(page.locator('[data-app-node="ubuntu"]')).toBeVisible();

  // A damaged link pasted into the same tab (only the hash changes) is opened as a new page would.
  await Promise.all([page.waitForEvent('load'), page.evaluate(() => (location.hash = '#share=1.AAAA'))]);
  await expect(page.getByRole('alert')).toContainText('ERROR this share link cannot be opened: damaged data (cannot decompress)');
  await expect(page.locator('[data-app-node="ubuntu"]')).toBeVisible();

  // The saved session is untouched: a reload shows it, and no error.
  await page.reload();
  await expect(relviz.region(Label.regionGraph)).toBeVisible();
  expect(await relviz.cursor()).toBe(cursor);
  await expect(page.locator('[data-app-node="ubuntu"]')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the Share popover works from the keyboard: Enter opens it with the link selected, Escape closes it', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.button(ShareLabel.share).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: ShareLabel.dialog });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('textbox', { name: ShareLabel.link });
  await expect(field).toBeFocused();
  const selected = await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0));
  expect(selected).toBe(await field.inputValue());
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(relviz.button(ShareLabel.share)).toBeFocused();
  // A click elsewhere closes it too.
  await relviz.button(ShareLabel.share).click();
  await expect(dialog).toBeVisible();
  await relviz.region(Label.regionConsole).click();
  await expect(dialog).toHaveCount(0);
});
