/**
 * Parts loaded on demand (src/ui/common/lazyPart.tsx): the first page carries none of
 * them; a part whose chunk cannot come says so, and a reload brings it once it can.
 * (Plain Playwright, not the fixture: a failed fetch is a console error here on purpose.)
 */
import { expect, test } from '@playwright/test';
import { LazyLabel } from '../src/ui/common/lazyPart.tsx';
import { Label } from '../src/ui/labels.ts';

test('the first page loads no dialog, tutorial or share-link code', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: Label.regionGraph, exact: true })).toBeVisible();
  await expect(page.locator('[data-unit="worker/1"]').first()).toBeVisible();
  expect(scripts.filter((s) => /DeployDialog|OpenDialog|CheckTraceDialog|Misconception|TutorialCard|tutorials-|link-|elk/.test(s))).toEqual([]);
});

test('a dialog whose chunk cannot be fetched says so, and the reload it offers brings it once it can', async ({ page }) => {
  let offline = true;
  await page.route(/DeployDialog-[^/]*\.js$/, (route) => (offline ? route.abort() : route.continue()));
  await page.goto('/');
  await expect(page.getByRole('region', { name: Label.regionGraph, exact: true })).toBeVisible();
  await page.getByRole('button', { name: Label.deploy, exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: LazyLabel.failed('the deploy dialog') });
  await expect(alert).toBeVisible();
  // The rest of the page still works.
  await expect(page.getByRole('button', { name: Label.play, exact: true })).toBeEnabled();
  offline = false;
  await alert.getByRole('button', { name: LazyLabel.retry }).click();
  await expect(page.getByRole('region', { name: Label.regionGraph, exact: true })).toBeVisible();
  await page.getByRole('button', { name: Label.deploy, exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: Label.deploy, exact: true })).toBeFocused();
});

test('the YAML readers come after the first paint, and a console line that needs them waits for them', async ({ page }) => {
  // The readers' chunk is held back until the line is typed.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(/readersImpl-[^/]*\.js$/, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('[data-unit="worker/1"]').first()).toBeVisible();
  await expect.poll(() => requested).toBe(true);
  const command = page.getByRole('textbox', { name: Label.command });
  await command.fill('juju show-unit master/0');
  await command.press('Enter');
  release();
  const output = page.getByRole('log', { name: 'Console output' });
  await expect(output).toContainText('life: alive', { timeout: 15_000 });
  await expect(output).not.toContainText('still loading');
});
