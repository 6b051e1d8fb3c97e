/** The console: commands run at the cursor, history, tab completion, Juju's errors in red. */
import type { Locator } from '@playwright/test';
import { Label } from '../src/ui/labels.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';

const output = (relviz: RelvizPage): Locator => relviz.page.getByRole('log', { name: 'Console output' });

test('a hook tool run with juju exec prints what Juju prints', async ({ relviz }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.run('juju exec --unit worker/0 -- relation-ids master');
  const log = output(relviz);
  await expect(log).toContainText('$ juju exec --unit worker/0 -- relation-ids master');
  await expect(log).toContainText('master:1');
  await expect(relviz.command).toHaveValue('');
  await relviz.run("juju exec --unit worker/0 -- relation-get -r master:1 - master/0");
  await expect(log).toContainText('worker/0-worker-key:');
});

test('ArrowUp and ArrowDown walk the history and keep the draft', async ({ relviz }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.run('juju status');
  await relviz.run('juju show-unit worker/0');
  await relviz.command.fill('juju dep');
  await relviz.command.press('ArrowUp');
  await expect(relviz.command).toHaveValue('juju show-unit worker/0');
  await relviz.command.press('ArrowUp');
  await expect(relviz.command).toHaveValue('juju status');
  await relviz.command.press('ArrowUp');
  await expect(relviz.command).toHaveValue('juju status');
  await relviz.command.press('ArrowDown');
  await expect(relviz.command).toHaveValue('juju show-unit worker/0');
  await relviz.command.press('ArrowDown');
  await expect(relviz.command).toHaveValue('juju dep');
  // A recalled line runs again with Enter.
  await relviz.command.press('ArrowUp');
  await relviz.command.press('Enter');
  await expect(output(relviz).getByText('$ juju show-unit worker/0')).toHaveCount(2);
});

test('Tab completes a juju subcommand, lists several matches and cycles through them', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.command.fill('juju remove-u');
  await relviz.command.press('Tab');
  await expect(relviz.command).toHaveValue('juju remove-unit ');
  await expect(relviz.command).toBeFocused();
  // Unit names from the model at the cursor.
  await relviz.command.pressSequentially('w');
  await relviz.command.press('Tab');
  await expect(relviz.command).toHaveValue('juju remove-unit worker/0 ');
  // Several matches: the common prefix, a list, and repeated Tab cycles.
  await relviz.command.fill('juju exec --unit worker/0 -- rel');
  await relviz.command.press('Tab');
  await expect(relviz.command).toHaveValue('juju exec --unit worker/0 -- relation-');
  const list = page.getByRole('list', { name: 'Completions' });
  await expect(list.getByRole('listitem')).toHaveText(['relation-get', 'relation-ids', 'relation-list', 'relation-set']);
  await relviz.command.press('Tab');
  await expect(relviz.command).toHaveValue('juju exec --unit worker/0 -- relation-get');
  await relviz.command.press('Tab');
  await expect(relviz.command).toHaveValue('juju exec --unit worker/0 -- relation-ids');
  // Relation ids as the unit names them.
  await relviz.command.fill('juju exec --unit worker/0 -- relation-get -r ');
  await relviz.command.press('Tab');
  await expect(relviz.command).toHaveValue('juju exec --unit worker/0 -- relation-get -r master:1 ');
  await expect(list).toHaveCount(0);
  // Escape clears the line.
  await relviz.command.press('Escape');
  await expect(relviz.command).toHaveValue('');
});

test('a bad command shows an error line in red and nothing changes', async ({ relviz }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  const length = await relviz.timeline.getAttribute('max');
  await relviz.run('juju frobnicate');
  const error = output(relviz).getByText(/^ERROR unknown juju command "frobnicate"/);
  await expect(error).toBeVisible();
  await expect(error).toHaveClass(/text-red-400/);
  expect(await relviz.timeline.getAttribute('max')).toBe(length);
});

test('integrating twice is refused with Juju\'s error', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.run('juju integrate master worker');
  // Juju's words since eef4fe9: the relation key requirer first, "(already exists)".
  await expect(output(relviz).getByText(/^ERROR cannot add relation "worker:master master:master-application"$/)).toBeVisible();
  await expect(output(relviz).getByText('relation worker:master master:master-application (already exists):')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('relation worker:master master:master-application (already exists)');
});

test('typing a space in the console does not start playback; the newest entry is scrolled into view', async ({ relviz }) => {
  await relviz.open();
  await relviz.computed();
  await relviz.toEnd();
  await relviz.command.click();
  await relviz.command.pressSequentially('juju status --relations');
  await expect(relviz.button(Label.play)).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await relviz.command.press('Enter');
    await relviz.command.press('ArrowUp');
  }
  await relviz.run('juju status --relations');
  await expect(relviz.button(Label.play)).toBeVisible();
  const entries = output(relviz).locator('[data-exit-code]');
  await expect(entries).toHaveCount(5);
  await expect(entries.last()).toBeInViewport();
  await expect(entries.first()).not.toBeInViewport();
});
