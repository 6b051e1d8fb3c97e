/**
 * The misconceptions panel, as a teacher uses it in front of a class: open the list
 * (keyboard or mouse), press "Show me", and the model is built and the hooks that
 * disprove the docs play and stop on the last of them — with the banner saying which
 * misconception is on screen.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { MISCONCEPTIONS, WHAT_IFS, type MisconceptionId } from '../src/teaching/misconceptions.ts';
import { Label, showMeLabel } from '../src/ui/labels.ts';
import { LogLabel } from '../src/ui/log/labels.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';

const dialogOf = (page: Page) => page.getByRole('dialog', { name: Label.misconceptionsTitle });
const bannerOf = (relviz: RelvizPage) => relviz.region(Label.misconceptionShown);
const envValue = (relviz: RelvizPage, name: string) => relviz.region(Label.regionInspector).getByRole('row', { name: new RegExp(`^${name} `) }).getByRole('cell');

/**
 * Where each "Show me" stops: the swimlane block at the cursor, and the hook the
 * inspector shows (the most telling one), with a detail that proves the point.
 */
const LANDS: Record<MisconceptionId, { readonly current: RegExp; readonly inspected: string; readonly proof: (relviz: RelvizPage) => Promise<void> }> = {
  'stop-before-broken': {
    current: /^worker\/1 remove \(seq \d+\)$/,
    inspected: 'stop',
    proof: async (relviz) => {
      const lane = relviz.region(Label.regionSwimlanes).getByRole('group', { name: 'worker/1', exact: true });
      const names = await lane.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      expect(names.slice(-4).map((n) => n.replace(/^\S+ /, '').replace(/ \(seq \d+\).*$/, ''))).toEqual(['master-relation-departed', 'master-relation-broken', 'stop', 'remove']);
    },
  },
  'leader-own-peer-write': {
    current: /^postgresql\/0 replicas-relation-changed \(seq \d+\)$/,
    inspected: 'replicas-relation-changed',
    proof: async (relviz) => {
      await expect(relviz.region(Label.regionInspector).getByRole('button', { name: /^caused by seq \d+: postgresql\/0 leader-elected/ })).toBeVisible();
      await expect(envValue(relviz, 'JUJU_REMOTE_UNIT')).toContainText('empty');
    },
  },
  'joined-after-start': {
    current: /^postgresql\/0 replicas-relation-joined \(seq \d+\)$/,
    inspected: 'replicas-relation-joined',
    proof: async (relviz) => {
      await expect(envValue(relviz, 'JUJU_REMOTE_UNIT')).toHaveText('postgresql/2');
      // The new unit's start is still to come.
      const lane = relviz.region(Label.regionSwimlanes).getByRole('group', { name: 'postgresql/2', exact: true });
      const names = await lane.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const at = (hook: string) => names.findIndex((n) => n.startsWith(`postgresql/2 ${hook} `));
      expect(at('replicas-relation-created')).toBeGreaterThan(at('install'));
      expect(at('start')).toBeGreaterThan(at('replicas-relation-created'));
      const seq = (name: string | null | undefined) => Number(/\(seq (\d+)\)/.exec(name ?? '')?.[1]);
      const now = await relviz.region(Label.regionSwimlanes).locator('[aria-current="step"]').getAttribute('aria-label');
      expect(seq(now)).toBeLessThan(seq(names[at('start')]));
    },
  },
  'departing-unit-departed': {
    current: /^master\/0 remove \(seq \d+\)$/,
    inspected: 'master-application-relation-departed',
    proof: async (relviz) => {
      await expect(envValue(relviz, 'JUJU_DEPARTING_UNIT')).toHaveText('master/0');
      await expect(envValue(relviz, 'JUJU_UNIT_NAME')).toHaveText('master/0');
    },
  },
  'broken-after-last-worker': {
    current: /^master\/0 master-application-relation-broken \(seq \d+\)$/,
    inspected: 'master-application-relation-broken',
    proof: async (relviz) => {
      // The master's own hooks in the log: both workers departed, and only then (after remove-relation) broken.
      await relviz.page.getByRole('tab', { name: Label.regionHookLog }).click();
      const log = relviz.region(Label.regionHookLog);
      await log.getByRole('combobox', { name: LogLabel.filterUnit }).selectOption('master/0');
      const rows = await log.getByRole('button', { name: /^Go to hook \d+: master\/0 / }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      expect(rows.slice(-3).map((n) => n.replace(/^Go to hook \d+: master\/0 /, ''))).toEqual([
        'master-application-relation-departed',
        'master-application-relation-departed',
        'master-application-relation-broken',
      ]);
      await log.getByRole('combobox', { name: LogLabel.filterUnit }).selectOption('');
      await relviz.page.getByRole('tab', { name: Label.regionSwimlanes }).click();
    },
  },
  'changed-before-joined': {
    current: /^webapp\/0 db-relation-joined \(seq \d+\)$/,
    inspected: 'db-relation-changed',
    proof: async (relviz) => {
      await expect(relviz.region(Label.regionInspector)).toContainText('on webapp/0');
      await expect(relviz.region(Label.regionInspector).getByRole('button', { name: /^caused by seq \d+: postgresql\/0 database-relation-created/ })).toBeVisible();
    },
  },
  'leader-takes-over-at-once': {
    current: /^postgresql\/1 leader-elected \(seq \d+\)$/,
    inspected: 'leader-elected',
    proof: async (relviz) => {
      await expect(envValue(relviz, 'JUJU_UNIT_NAME')).toHaveText('postgresql/1');
      // The old leader's whole teardown came first, and only then the election.
      const lanes = relviz.region(Label.regionSwimlanes);
      const old = await lanes.getByRole('group', { name: 'postgresql/0', exact: true }).getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      expect(old.slice(-4).map((n) => n.replace(/^\S+ /, '').replace(/ \(seq \d+\).*$/, ''))).toEqual(['replicas-relation-departed', 'replicas-relation-departed', 'stop', 'remove']);
      const seq = (name: string | null | undefined) => Number(/\(seq (\d+)\)/.exec(name ?? '')?.[1]);
      const now = await lanes.locator('[aria-current="step"]').getAttribute('aria-label');
      expect(seq(now)).toBeGreaterThan(seq(old.at(-1)));
    },
  },
  'cos-lite-remove-unit': {
    current: /^prometheus\/1 remove \(seq \d+\)$/,
    inspected: 'relation-departed',
    proof: async (relviz) => {
      // A unit of another application departing prometheus/1, which is leaving.
      await expect(envValue(relviz, 'JUJU_DEPARTING_UNIT')).toHaveText('prometheus/1');
      await expect(envValue(relviz, 'JUJU_REMOTE_UNIT')).toHaveText('prometheus/1');
      await expect(envValue(relviz, 'JUJU_UNIT_NAME')).not.toHaveText(/^prometheus\//);
    },
  },
};

test('opens from the keyboard, keeps Tab inside, and Escape closes it and gives focus back', async ({ relviz, page }) => {
  await relviz.open();
  const opener = relviz.button(Label.misconceptions);
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  // Focus starts on the first "Show me".
  await expect(dialog.getByRole('button', { name: showMeLabel(MISCONCEPTIONS[0]?.title ?? '') })).toBeFocused();
  // Tab around the whole dialog: focus never leaves it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  // The transport's shortcuts do not reach the page behind the dialog.
  const before = await relviz.cursor();
  await page.keyboard.press('ArrowRight');
  expect(await relviz.cursor()).toBe(before);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await relviz.cursor()).toBe(before);
});

test('opens with the mouse: seven misconceptions, each with the docs, the truth, a source and Show me; Close closes', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.button(Label.misconceptions).click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveCount(MISCONCEPTIONS.length + WHAT_IFS.length);
  for (const m of [...MISCONCEPTIONS, ...WHAT_IFS]) {
    const item = dialog.getByRole('listitem', { name: m.title });
    await expect(item).toContainText(m.claim);
    await expect(item).toContainText(m.truth);
    await expect(item.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
    await expect(item.getByRole('button', { name: showMeLabel(m.title) })).toBeVisible();
  }
  await dialog.getByRole('button', { name: Label.closeMisconceptions, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(relviz.button(Label.misconceptions)).toBeFocused();
});

test('axe finds no serious or critical violations with the panel open', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.button(Label.misconceptions).click();
  await expect(dialogOf(page)).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
  await page.screenshot({ path: 'test-results/misconceptions-panel.png' });
});

for (const m of [...MISCONCEPTIONS, ...WHAT_IFS]) {
  test(`Show me ${m.whatIf ? 'what if' : m.number}: "${m.title}" builds the model and stops on the hooks that show the truth`, async ({ relviz, page }) => {
    const lands = LANDS[m.id];
    await relviz.open();
    await relviz.button(Label.misconceptions).click();
    await dialogOf(page).getByRole('button', { name: showMeLabel(m.title) }).click();
    await expect(dialogOf(page)).toBeHidden();
    await expect(relviz.button(Label.misconceptions)).toBeFocused();

    // The banner says which one is on screen, and the truth.
    const banner = bannerOf(relviz);
    await expect(banner).toContainText(m.title);
    await expect(banner).toContainText(m.truth);

    // The reveal plays, then pauses on its last hook.
    const current = relviz.region(Label.regionSwimlanes).locator('[aria-current="step"]');
    await expect(current).toHaveAttribute('aria-label', lands.current, { timeout: 20_000 });
    await expect(relviz.button(Label.play)).toBeVisible();
    await expect(current).toHaveAttribute('aria-label', lands.current);
    await expect(relviz.region(Label.regionInspector).getByRole('heading', { level: 3, name: lands.inspected })).toBeVisible();
    await lands.proof(relviz);
    if (m.number === 1 && !m.whatIf) await page.screenshot({ path: 'test-results/misconceptions-show-me.png' });

    // Dismiss hides the banner; the model stays.
    await banner.getByRole('button', { name: Label.dismissMisconception }).click();
    await expect(banner).toBeHidden();
  });
}

test('Replay plays the reveal again; loading an example takes the banner away', async ({ relviz, page }) => {
  const m = MISCONCEPTIONS[1];
  if (!m) throw new Error('no misconception 2');
  await relviz.open();
  await relviz.button(Label.misconceptions).click();
  await dialogOf(page).getByRole('button', { name: showMeLabel(m.title) }).click();
  const banner = bannerOf(relviz);
  const current = relviz.region(Label.regionSwimlanes).locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('aria-label', LANDS[m.id].current, { timeout: 20_000 });
  const end = await relviz.cursor();

  // Where to look, folded away until asked for.
  await expect(banner).not.toContainText(m.watch);
  await banner.getByRole('button', { name: Label.whatToWatch }).click();
  await expect(banner).toContainText(m.watch);
  await expect(banner.getByRole('button', { name: Label.whatToWatch })).toHaveAttribute('aria-expanded', 'true');
  const results = await new AxeBuilder({ page }).include(`section[aria-label="${Label.misconceptionShown}"]`).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await banner.getByRole('button', { name: Label.replayMisconception }).click();
  await expect.poll(() => relviz.cursor()).toBeLessThan(end);
  // It plays to the same stop again (the lanes' current block can show the old stop's label for a frame after the rewind: wait for the cursor, then look).
  await expect.poll(() => relviz.cursor(), { timeout: 20_000 }).toBe(end);
  await expect(current).toHaveAttribute('aria-label', LANDS[m.id].current);

  await page.getByRole('combobox', { name: Label.examples }).selectOption({ index: 1 });
  await expect(banner).toBeHidden();
});
