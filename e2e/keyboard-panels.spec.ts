/**
 * Issue 9, the keyboard and panel points: keys act on the focused unit, application
 * or relation (and focus selects it), each application and relation is one Tab stop;
 * the hook log shows whole hook names at projector sizes; swimlanes list units in
 * number order; the example's inspections print in the console as playback passes
 * them, once. Nothing here assumes where the cursor is when the app opens.
 */
import type { Locator, Page } from '@playwright/test';
import { ControlLabel } from '../src/ui/controls/style.ts';
import { Label } from '../src/ui/labels.ts';
import { LogLabel } from '../src/ui/log/labels.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';

const toolbar = (page: Page) => page.getByRole('toolbar', { name: ControlLabel.selection });
const consoleOutput = (page: Page): Locator => page.getByRole('log', { name: 'Console output' });

/** What the focused element stands for on the graph: `unit worker/0`, `app master`, `relation 0`; `other` for anything else (zoom buttons). */
function focusedItem(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    const unit = el.closest('[data-unit]')?.getAttribute('data-unit');
    if (unit) return `unit ${unit}`;
    const relation = el.closest('[data-relation-label]')?.getAttribute('data-relation-label') ?? el.closest('.react-flow__edge')?.getAttribute('data-id')?.replace('relation-', '');
    if (relation) return `relation ${relation}`;
    const app = el.closest('[data-app-node]')?.getAttribute('data-app-node') ?? el.closest('.react-flow__node')?.getAttribute('data-id');
    if (app) return `app ${app}`;
    return el.closest('.react-flow') ? 'other' : 'outside';
  });
}

test.describe('the keyboard acts where the focus is', () => {
  test('every application, unit and relation is exactly one Tab stop, and focusing one selects it', async ({ relviz, page }) => {
    await relviz.open();
    await relviz.timeline.fill('30');
    await expect(relviz.unit('worker/1')).toHaveAccessibleName(/worker\/1.*active/);
    // Start just before the graph: from something on it, back out with Shift+Tab.
    await page.getByRole('button', { name: /^Relation 0:/ }).focus();
    for (let i = 0; i < 20 && (await focusedItem(page)) !== 'outside'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedItem(page)).toBe('outside');

    const stops: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const item = await focusedItem(page);
      if (item === 'outside') break;
      if (item === 'other') continue;
      stops.push(item);
      // Selection follows focus: the toolbar names what the keys now act on.
      const [kind, name] = item.split(' ') as [string, string];
      const described = kind === 'unit' ? `Unit ${name}` : kind === 'app' ? `Application ${name}` : `Relation #${name}`;
      await expect(toolbar(page)).toContainText(described);
    }
    expect([...stops].sort()).toEqual(['app master', 'app worker', 'relation 0', 'unit master/0', 'unit worker/0', 'unit worker/1']);
  });

  test('Delete removes the focused unit, not the one clicked before; the menu keys open the focused one', async ({ relviz, page }) => {
    await relviz.open();
    await relviz.timeline.fill('30');
    await relviz.unit('worker/1').click();
    await expect(toolbar(page)).toContainText('Unit worker/1');

    // The keyboard moves on to worker/0: the selection goes with it.
    await page.keyboard.press('Shift+Tab');
    await expect(relviz.unit('worker/0')).toBeFocused();
    await expect(toolbar(page)).toContainText('Unit worker/0');
    await expect(relviz.unit('worker/1')).toHaveAttribute('aria-pressed', 'false');

    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menu', { name: 'Unit worker/0' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(relviz.unit('worker/0')).toBeFocused();

    await page.keyboard.press('Delete');
    await relviz.toEnd();
    await expect(page.locator('[data-unit="worker/0"]')).toHaveCount(0);
    await expect(relviz.unit('worker/1')).toBeVisible();
  });

  test('Delete on a focused relation removes the relation, not the selected unit', async ({ relviz, page }) => {
    await relviz.open();
    await relviz.timeline.fill('30');
    await relviz.unit('master/0').click();
    await expect(toolbar(page)).toContainText('Unit master/0');
    const relation = page.getByRole('button', { name: /^Relation 0:/ });
    // From master/0 back over the master application to the relation.
    for (let i = 0; i < 5 && (await focusedItem(page)) !== 'relation 0'; i++) await page.keyboard.press('Shift+Tab');
    await expect(relation).toBeFocused();
    await expect(toolbar(page)).toContainText('Relation #0');

    await page.keyboard.press('Enter');
    await expect(relation).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Delete');
    await relviz.toEnd();
    // The history after the cursor was cut: the relation goes, and master/0 stays.
    await expect(page.getByRole('button', { name: /^Relation \d+:/ })).toHaveCount(0);
    await expect(relviz.unit('master/0')).toBeVisible();
    await expect(relviz.unit('worker/1')).toBeVisible();
  });
});

/** Every row of the log whose hook cell's name is `hook`, and that cell's geometry. */
async function hookCells(log: Locator, hook: string) {
  return log.locator('tbody tr').evaluateAll(
    (trs, name) =>
      trs
        .map((tr) => tr.children[2] as HTMLElement | undefined)
        .filter((td): td is HTMLElement => td?.textContent === name)
        .map((td) => {
          const lines = [...td.querySelectorAll<HTMLElement>('*')].filter((el) => el.childElementCount === 0);
          const r = td.getBoundingClientRect();
          const next = (td.nextElementSibling as HTMLElement).getBoundingClientRect();
          return {
            clipped: td.scrollWidth > td.clientWidth || lines.some((l) => l.scrollWidth > l.clientWidth),
            ellipsis: getComputedStyle(td).textOverflow === 'ellipsis' && td.scrollWidth > td.clientWidth,
            right: Math.max(...lines.map((l) => l.getBoundingClientRect().right), r.left),
            cellRight: r.right,
            nextLeft: next.left,
          };
        }),
    hook,
  );
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`the hook log shows whole hook names at ${size.width}×${size.height}`, async ({ relviz, page }) => {
    await page.setViewportSize(size);
    await relviz.open();
    await relviz.computed();
    await relviz.toEnd();
    await page.getByRole('tab', { name: Label.regionHookLog }).click();
    const log = relviz.region(Label.regionHookLog);
    // Rows taller than one line still leave the newest hook in view.
    await expect(log.locator('tr[aria-current="step"]')).toBeInViewport();
    await expect(log.getByRole('button', { name: LogLabel.latest })).toHaveCount(0);
    await log.getByRole('combobox', { name: LogLabel.filterUnit }).selectOption('master/0');
    await log.getByRole('combobox', { name: LogLabel.filterKind }).selectOption('departed');
    const name = 'master-application-relation-departed';
    await expect(log.locator('tbody tr').first()).toContainText(name);
    const cells = await hookCells(log, name);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      expect(c.clipped).toBe(false);
      expect(c.ellipsis).toBe(false);
      expect(c.right).toBeLessThanOrEqual(c.cellRight + 0.5);
      expect(c.cellRight).toBeLessThanOrEqual(c.nextLeft + 0.5);
    }
    await page.screenshot({ path: `test-results/hooklog-${size.width}.png` });
  });
}

/** The units' lane names from top to bottom (lanes are windowed: scroll through them all). */
async function laneOrder(panel: Locator): Promise<string[]> {
  const scroller = panel.locator('div.overscroll-contain');
  const seen = new Map<string, number>();
  const height = await scroller.evaluate((el) => el.scrollHeight);
  for (let top = 0; top <= height; top += 60) {
    await scroller.evaluate((el, y) => el.scrollTo({ top: y }), top);
    await scroller.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const lanes = await panel.getByRole('group').evaluateAll((gs) => gs.map((g) => [g.getAttribute('aria-label') ?? '', parseFloat((g as HTMLElement).style.top)] as const));
    for (const [unit, y] of lanes) seen.set(unit, y);
  }
  return [...seen.entries()].sort((a, b) => a[1] - b[1]).map(([unit]) => unit);
}

test('swimlanes list each application\'s units in number order: worker/10 after worker/9', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.run('juju add-unit worker -n 9');
  await relviz.run('juju add-unit master');
  await expect(relviz.unit('worker/10')).toBeVisible();
  await relviz.toEnd();
  await page.getByRole('tab', { name: Label.regionSwimlanes }).click();
  const order = await laneOrder(relviz.region(Label.regionSwimlanes));
  // Applications in the order they came; a late master/1 joins master/0, not the bottom.
  expect(order).toEqual(['master/0', 'master/1', ...Array.from({ length: 11 }, (_, i) => `worker/${i}`)]);
});

const INSPECTIONS = [
  `juju run --unit master/0 "relation-ids master-application"`,
  `juju run --unit worker/0 'relation-get -r master:0 - master/0'`,
  `juju run --unit master/0 'relation-get -r master-application:0 - worker/0'`,
  `juju run --unit worker/0 'relation-get -r master:0 - master/0'`,
  `juju run --unit master/0 'relation-ids master-application'`,
  `juju run --unit worker/0 'relation-get -r master:1 - master/0'`,
  `juju run --unit master/0 "relation-get -r master-application:1 worker/0-worker-key master/0"`,
  'juju status --relations',
];

const entries = (page: Page) => consoleOutput(page).locator('[data-exit-code]');
const inputs = (page: Page) => entries(page).locator('> div:first-child');

async function playToEnd(relviz: RelvizPage) {
  const speed = relviz.page.getByRole('slider', { name: Label.speed });
  await speed.fill((await speed.getAttribute('max')) ?? '128');
  await relviz.button(Label.play).click();
  await expect(relviz.button(Label.play)).toBeVisible({ timeout: 20_000 });
  expect(await relviz.cursor()).toBe(Number(await relviz.timeline.getAttribute('max')));
}

test('the example\'s inspections print in the console as playback passes them, once, in order', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('0');
  // A jump prints nothing of what it passes over.
  await relviz.toEnd();
  await relviz.timeline.fill('0');
  await expect(entries(page)).toHaveCount(0);

  await playToEnd(relviz);
  await expect(inputs(page)).toHaveText(INSPECTIONS.map((line) => `$ ${line}`));
  const first = entries(page).first();
  await expect(first).toContainText('master-application:0');
  await expect(entries(page).nth(1)).toContainText('worker/0-worker-key');
  await expect(entries(page).last()).toContainText('master:master-application');
  await page.screenshot({ path: 'test-results/console-echo.png' });

  // Scrubbing back and forth, stepping and playing again over them prints nothing more.
  await relviz.timeline.fill('0');
  await relviz.toEnd();
  await relviz.button(Label.stepBack).click();
  await relviz.button(Label.stepForward).click();
  await relviz.timeline.fill('0');
  await playToEnd(relviz);
  await expect(entries(page)).toHaveCount(INSPECTIONS.length);
});

test('stepping over `juju status` prints it; typed inspections print once, when typed', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.button(Label.stepBack).click();
  await expect(entries(page)).toHaveCount(0);
  await relviz.button(Label.stepForward).click();
  await expect(inputs(page)).toHaveText(['$ juju status --relations']);
  await expect(entries(page).last()).toContainText('master:master-application');

  await relviz.run("juju exec --unit worker/0 -- relation-get -r master:1 - master/0");
  await expect(entries(page)).toHaveCount(2);
  await relviz.button(Label.stepBack).click();
  await relviz.button(Label.stepForward).click();
  await relviz.timeline.fill('0');
  await relviz.toEnd();
  await expect(entries(page)).toHaveCount(2);
});
