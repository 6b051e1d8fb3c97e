/**
 * Automatic retry, as a learner meets it: a hook made to fail every time from the
 * console (completed with Tab), the unit "retrying in …" on its chip and in the
 * inspector, the console's note that the wait stopped, the header's auto-retry
 * switch turned off with the keyboard (and showing the value at the cursor), and the
 * unit resolved from the toolbar.
 */
import type { Locator, Page } from '@playwright/test';
import { ControlLabel } from '../src/ui/controls/style.ts';
import { Label } from '../src/ui/labels.ts';
import { expect, test } from './fixtures.ts';

const output = (page: Page): Locator => page.getByRole('log', { name: 'Console output' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: ControlLabel.selection });
const retryLine = (chip: Locator) => chip.locator('[data-retry]');

test('a hook that always fails: retrying, the stalled wait, auto-retry off, resolved', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  const autoRetry = page.getByRole('switch', { name: Label.autoRetry });
  await expect(autoRetry).toBeChecked();
  await expect(autoRetry.locator('xpath=ancestor::label')).toHaveAttribute('title', /automatically-retry-hooks/);

  // A new worker whose install fails every time (`fail … --always`, completed with Tab).
  await relviz.run('juju add-unit worker &');
  await relviz.command.fill('fail worker/2 install --al');
  await relviz.command.press('Tab');
  await expect(relviz.command).toHaveValue('fail worker/2 install --always ');
  await relviz.command.press('Enter');
  await relviz.run('wait');

  // The wait stopped after the first automatic retry failed too, and the console says why, as a note, not an error.
  const last = output(page).locator('[data-exit-code]').last();
  await expect(last).toHaveAttribute('data-exit-code', '0');
  await expect(last.locator('[data-stream="stderr"]')).toHaveCount(0);
  const note = last.locator('[data-stream="note"]');
  await expect(note).toContainText('waiting stopped');
  await expect(note).toContainText('worker/2 "install" (failed 2 times, next automatic retry in 10 s)');
  await expect(note).not.toHaveClass(/red/);

  // Juju's status stays the status; relviz's line says when the unit retries by itself.
  await relviz.toEnd(); // (moving the scrubber pauses the playback of the wait's hooks)
  const chip = relviz.unit('worker/2');
  await expect(chip).toContainText('error: hook failed: "install"');
  await expect(retryLine(chip)).toHaveText('↻ retrying in 10 s (failed 2×)');
  await expect(chip).toHaveAccessibleName(/worker\/2: error, hook failed: "install"; retrying in 10 s \(failed 2×\)/);
  await expect(relviz.region(Label.regionInspector)).toContainText('At the cursor: retrying in 10 s (failed 2×)');
  await expect(relviz.region(Label.regionInspector)).toContainText('rule auto-retry');

  // Auto-retry off, with the keyboard: a command at the cursor; the unit now waits for juju resolve.
  const before = Number(await relviz.timeline.getAttribute('max'));
  await autoRetry.focus();
  await page.keyboard.press('Space');
  await expect(autoRetry).not.toBeChecked();
  await expect(relviz.timeline).toHaveAttribute('max', String(before + 1));
  await relviz.toEnd();
  await expect(retryLine(chip)).toHaveText('⏸ needs juju resolve (failed 2×)');
  // The switch shows the setting at the cursor: on again before the command.
  await relviz.timeline.fill(String(before));
  await expect(autoRetry).toBeChecked();
  await expect(retryLine(chip)).toHaveText('↻ retrying in 10 s (failed 2×)');
  await relviz.toEnd();
  await expect(autoRetry).not.toBeChecked();

  // Resolve re-runs the hook, which fails again (it always does); resolve --no-retry skips it.
  await chip.click();
  const bar = toolbar(page);
  await expect(bar).toContainText('error: install');
  await bar.getByRole('button', { name: ControlLabel.resolve, exact: true }).click();
  await relviz.toEnd();
  await expect(retryLine(chip)).toHaveText('⏸ needs juju resolve (failed 3×)');
  await bar.getByRole('button', { name: ControlLabel.resolveNoRetry, exact: true }).click();
  await relviz.toEnd();
  await expect(chip).not.toHaveAccessibleName(/error/);
  await expect(retryLine(chip)).toHaveCount(0);
  await expect(bar.getByRole('button', { name: ControlLabel.resolve, exact: true })).toHaveCount(0);
});

test('the fail form fails a hook every time; the context menu opens the same form', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.unit('worker/0').click({ button: 'right' });
  await page.getByRole('menuitem', { name: ControlLabel.failNextHook }).click();
  const form = page.getByRole('dialog', { name: `${ControlLabel.failHookForm} of worker/0` });
  await expect(form.getByRole('combobox', { name: ControlLabel.hook })).toBeFocused();
  await form.getByRole('combobox', { name: ControlLabel.hook }).selectOption('master-relation-changed');
  await form.getByRole('radio', { name: ControlLabel.failAlways }).check();
  await expect(form).toContainText('Every run of this hook on worker/0 exits 1.');
  await expect(form).toContainText('fail worker/0 master-relation-changed --always');
  await form.getByRole('button', { name: ControlLabel.fail, exact: true }).click();
  await expect(form).toHaveCount(0);
  // The master's action makes worker/0 run master-relation-changed; it keeps failing, retried by itself.
  await relviz.unit('master/0').click();
  await toolbar(page).getByRole('button', { name: ControlLabel.runAction }).click();
  const action = page.getByRole('dialog', { name: `${ControlLabel.runActionForm} on master/0` });
  await action.getByRole('textbox', { name: 'message' }).fill('again');
  await action.getByRole('button', { name: ControlLabel.run, exact: true }).click();
  await relviz.toEnd();
  await expect(retryLine(relviz.unit('worker/0'))).toHaveText('↻ retrying in 10 s (failed 2×)');
});
