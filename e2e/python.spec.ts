/**
 * A charm's own Python in the app (issue 14): written in the charm editor from a
 * template, deployed beside a catalog charm, integrated; its hooks run in the engine
 * worker (Pyodide from the app's own assets); the inspector shows a Python hook's logs
 * and the traceback of the guide's "spot the bug" write; the code edited (the fixed
 * template) and the model re-run from the start, with what changed shown. Axe checks
 * the editor. Pyodide's first load takes seconds: the waits are generous.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CharmLabel, RerunLabel } from '../src/ui/charm/labels.ts';
import { Label } from '../src/ui/labels.ts';
import { OpenLabel } from '../src/ui/bundle/openLabels.ts';
import { expect, test } from './fixtures.ts';

const PYTHON_MS = 120_000;

/** Until Python has loaded and the last command's hooks are computed (a command given meanwhile is refused). */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /Loading Python|Computing hooks/ })).toHaveCount(0, { timeout: PYTHON_MS });
}

const editor = (page: Page) => page.getByRole('dialog', { name: /^(Write a charm in Python|Edit the code of )/ });

test.describe('Python charms', () => {
  test.setTimeout(240_000);

  test('write, deploy, integrate, inspect a traceback, edit and re-run with the differences shown', async ({ relviz }) => {
    const { page } = relviz;
    await relviz.open();
    await relviz.button(Label.newSession).click();

    // The editor, from the Bundle menu, starting from the guide's buggy database provider.
    await relviz.button(OpenLabel.menu).click();
    await page.getByRole('button', { name: CharmLabel.open }).click();
    const dialog = editor(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: CharmLabel.template })).toBeFocused();
    await dialog.getByRole('combobox', { name: CharmLabel.template }).selectOption('database-provider-bug');
    // (CodeMirror draws the lines in view: the docstring at the top says which charm this is.)
    await expect(dialog.getByRole('textbox', { name: 'src/charm.py' })).toContainText('Spot the bug');
    await expect(dialog.getByTestId('charm-check')).toContainText('✓ Charm guide-postgresql, with its code');

    // Escape closes it, focus goes back to the menu's button, and the draft is kept for next time.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(relviz.button(OpenLabel.menu)).toBeFocused();
    await relviz.button(OpenLabel.menu).click();
    await page.getByRole('button', { name: CharmLabel.open }).click();
    await expect(dialog.getByRole('combobox', { name: CharmLabel.template })).toHaveValue('database-provider-bug');

    const axe = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await dialog.getByRole('button', { name: CharmLabel.deploy }).click();
    await expect(dialog).toHaveCount(0);
    await settled(page);

    await relviz.run('juju deploy webapp');
    await settled(page);
    await relviz.run('juju integrate guide-postgresql webapp');
    await settled(page);
    await relviz.toEnd();

    // The leader's database-relation-created: ops refuses the write to the remote app's bag.
    const failed = page.getByRole('button', { name: /^guide-postgresql\/0 database-relation-created \(seq \d+\), failed/ });
    await failed.first().click();
    const inspector = relviz.region(Label.regionInspector);
    const traceback = inspector.getByTestId('traceback');
    await expect(traceback).toContainText('RelationDataAccessError');
    await expect(traceback.getByRole('button', { name: /src\/charm\.py", line \d+/ }).first()).toBeVisible();
    // Its log lines (logging, before the exception): Juju keeps what a failed hook logged.
    await expect(inspector.getByRole('heading', { name: 'Logs (juju-log, logging, print)' })).toBeVisible();
    await expect(inspector).toContainText('created database');

    // A Python hook that ran: the ops events it dispatched.
    await relviz.seekUntil(async () => (await inspector.getByRole('heading', { level: 3 }).allTextContents()).includes('leader-elected'));
    await expect(inspector.getByRole('region', { name: 'Charm code' })).toContainText('leader_elected');
    await relviz.toEnd();

    // Edit the code: the fixed template (same endpoints), re-run from the start.
    await failed.first().click();
    await inspector.getByRole('button', { name: CharmLabel.editCode }).click();
    const edit = editor(page);
    await expect(edit).toBeVisible();
    await expect(edit.getByText(CharmLabel.rerunHelp.slice(0, 40), { exact: false })).toBeVisible();
    await edit.getByRole('combobox', { name: CharmLabel.template }).selectOption('database-provider');
    await expect(edit.getByRole('textbox', { name: 'src/charm.py' })).not.toContainText('Spot the bug');
    await edit.getByRole('button', { name: CharmLabel.rerunStart }).click();
    await expect(edit).toHaveCount(0);

    const diff = relviz.region(RerunLabel.region);
    await expect(diff).toBeVisible();
    await expect(diff.getByRole('status')).not.toContainText('Computing', { timeout: PYTHON_MS });
    // The failure is gone, and the provider's application bag now carries the credentials.
    await expect(diff).toContainText('guide-postgresql/0');
    await expect(diff).toContainText('database-relation-created');
    await expect(diff).toContainText('app bag of guide-postgresql');
    const diffAxe = await new AxeBuilder({ page }).include('section[aria-label="What changed in the re-run"]').analyze();
    expect(diffAxe.violations.map((v) => v.id)).toEqual([]);

    // Undo brings the previous run back (and its failure).
    await relviz.button(Label.undo).first().click();
    await expect(diff).toHaveCount(0);
    await expect(failed.first()).toBeVisible();
  });
});
