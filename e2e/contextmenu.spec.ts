/**
 * The graph's context menu: right-click a unit, an application, a relation (its edge
 * or its label) or the empty canvas; the same actions as the selection toolbar; the
 * keyboard (Shift+F10 or the ContextMenu key, arrows, Escape gives focus back).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ControlLabel } from '../src/ui/controls/style.ts';
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

const menu = (page: Page, name?: string) => page.getByRole('menu', name === undefined ? {} : { name, exact: true });
const item = (page: Page, name: string) => menu(page).getByRole('menuitem', { name, exact: true });

/** A point on the relation's curve (not on its label), in page coordinates. */
async function pointOnEdge(page: Page, relationId: number, along = 0.3) {
  return page.locator(`.react-flow__edge[data-id="relation-${relationId}"] path.react-flow__edge-interaction`).evaluate((path: SVGPathElement, t) => {
    const p = path.getPointAtLength(path.getTotalLength() * t);
    const m = path.getScreenCTM() as DOMMatrix;
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  }, along);
}

test('right-click a unit, remove it: the unit leaves once its hooks have run', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('30');
  await expect(relviz.unit('worker/1')).toHaveAccessibleName(/worker\/1.*active/);
  await relviz.unit('worker/1').click({ button: 'right' });
  const m = menu(page, 'Unit worker/1');
  await expect(m).toBeVisible();
  // Right-click selects too: the toolbar shows the same thing.
  await expect(page.getByRole('toolbar', { name: ControlLabel.selection })).toContainText('Unit worker/1');
  await expect(m.getByRole('menuitem')).toHaveText([ControlLabel.failNextHook, `${ControlLabel.removeUnit}Del`]);
  await expect(item(page, ControlLabel.failNextHook)).toBeFocused();
  await page.screenshot({ path: 'test-results/contextmenu-unit.png' });

  await item(page, ControlLabel.removeUnit).click();
  await expect(menu(page)).toHaveCount(0);
  await relviz.toEnd();
  await expect(page.locator('[data-unit="worker/1"]')).toHaveCount(0);
  await expect(relviz.unit('worker/0')).toBeVisible();
});

test('right-click a relation\'s edge, remove the relation', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  const label = page.getByRole('button', { name: /^Relation 1:/ });
  await expect(label).toBeVisible();
  const at = await pointOnEdge(page, 1);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await expect(menu(page, 'Relation #1 (master ⇄ worker)')).toBeVisible();
  await expect(label).toHaveAttribute('aria-pressed', 'true');
  await expect(item(page, ControlLabel.removeRelation)).toHaveAttribute('title', 'juju remove-relation master:master-application worker:master (Delete)');
  await item(page, ControlLabel.removeRelation).click();
  await relviz.toEnd();
  await expect(label).toHaveCount(0);
});

test('the relation\'s label has the menu too, and a press elsewhere closes it', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.getByRole('button', { name: /^Relation 1:/ }).click({ button: 'right' });
  await expect(menu(page, 'Relation #1 (master ⇄ worker)')).toBeVisible();
  await relviz.unit('worker/0').click();
  await expect(menu(page)).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: ControlLabel.selection })).toContainText('Unit worker/0');
});

test('an application\'s menu adds a unit; a unit\'s Run action… opens the toolbar\'s form', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await page.locator('[data-app-node="worker"]').click({ button: 'right', position: { x: 120, y: 60 } });
  await expect(menu(page, 'Application worker')).toBeVisible();
  await expect(menu(page).getByRole('menuitem')).toHaveText([ControlLabel.addUnit, ControlLabel.integrate, ControlLabel.removeApplication]);
  await item(page, ControlLabel.addUnit).click();
  await relviz.toEnd();
  await expect(relviz.unit('worker/2')).toBeVisible();

  await relviz.unit('master/0').click({ button: 'right' });
  await item(page, ControlLabel.runAction).click();
  const form = page.getByRole('dialog', { name: `${ControlLabel.runActionForm} on master/0` });
  await expect(form.getByRole('combobox', { name: ControlLabel.action })).toBeFocused();
});

test('from the keyboard: Shift+F10 on an application, arrows move, Escape gives focus back', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  const cursor = await relviz.cursor();
  const app = page.getByRole('button', { name: 'Application worker' });
  await app.focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu(page, 'Application worker')).toBeVisible();
  await expect(item(page, ControlLabel.addUnit)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item(page, ControlLabel.integrate)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(item(page, ControlLabel.removeApplication)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item(page, ControlLabel.addUnit)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu(page)).toHaveCount(0);
  await expect(app).toBeFocused();
  // The arrows were the menu's, not the transport's.
  expect(await relviz.cursor()).toBe(cursor);
  await expect(page.locator('[data-app-node="worker"]')).toBeVisible();
});

test('from the keyboard: the ContextMenu key on a unit, Enter activates', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.timeline.fill('30');
  await relviz.unit('worker/0').focus();
  await page.keyboard.press('ContextMenu');
  await expect(menu(page, 'Unit worker/0')).toBeVisible();
  await page.keyboard.press('End');
  await expect(item(page, ControlLabel.removeUnit)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu(page)).toHaveCount(0);
  await expect(relviz.unit('worker/0')).toBeFocused();
  await relviz.toEnd();
  await expect(page.locator('[data-unit="worker/0"]')).toHaveCount(0);
});

test('Juju\'s refusal goes to the error banner, as from the toolbar', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  // Manual mode: nothing runs by itself, so the removed application stays, dying.
  await page.getByRole('checkbox', { name: Label.manual }).check();
  const worker = page.getByRole('button', { name: 'Application worker' });
  await worker.click({ button: 'right' });
  await item(page, ControlLabel.removeApplication).click();
  await expect(page.locator('[data-app-node="worker"]')).toBeVisible();
  await worker.click({ button: 'right' });
  await item(page, ControlLabel.addUnit).click();
  await expect(page.getByRole('alert')).toContainText('cannot add unit to application "worker": application is not alive');
});

test('the open menu has no serious accessibility problems', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.unit('worker/0').click({ button: 'right' });
  await expect(menu(page, 'Unit worker/0')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('div:has(> [role="menu"])').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('right-click on empty canvas offers Deploy…', async ({ relviz, page }) => {
  await relviz.open();
  const pane = page.locator('.react-flow__pane');
  await pane.click({ button: 'right', position: { x: 24, y: 24 } });
  await expect(menu(page, 'Model')).toBeVisible();
  await item(page, ControlLabel.deployMenu).click();
  const d = page.getByRole('dialog', { name: Label.deploy });
  await expect(d).toBeVisible();
  await expect(d.getByRole('combobox', { name: ControlLabel.charm })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(d).toHaveCount(0);
});

test('the menu stays inside the window near its edges', async ({ relviz, page }) => {
  await relviz.open();
  const vp = page.viewportSize() as { width: number; height: number };
  // A right-click reported at the window's bottom-right corner (the canvas never reaches it at this size).
  await page
    .locator('.react-flow__pane')
    .evaluate((pane, at) => pane.dispatchEvent(new MouseEvent('contextmenu', { clientX: at.x, clientY: at.y, button: 2, bubbles: true, cancelable: true })), { x: vp.width - 2, y: vp.height - 2 });
  const card = page.locator('div:has(> [role="menu"])');
  await expect(card).toBeVisible();
  const r = (await card.boundingBox()) as { x: number; y: number; width: number; height: number };
  expect(r.x).toBeGreaterThanOrEqual(0);
  expect(r.y).toBeGreaterThanOrEqual(0);
  expect(r.x + r.width).toBeLessThanOrEqual(vp.width - 2);
  expect(r.y + r.height).toBeLessThanOrEqual(vp.height - 2);
});
