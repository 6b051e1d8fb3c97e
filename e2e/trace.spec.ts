/**
 * Checking a real history in the app, as a charm developer would: pick a real
 * debug-log and see it accepted; paste a log where a unit installs twice and see the
 * hook flagged with its line, the rule and what Juju would allow instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { OpenLabel } from '../src/ui/bundle/openLabels.ts';
import { ViewerLabel } from '../src/ui/imported/labels.ts';
import { Label } from '../src/ui/labels.ts';
import { TraceLabel } from '../src/ui/trace/labels.ts';
import { expect, test } from './fixtures.ts';

const LOG = join(import.meta.dirname, '../../shared/fixtures/debug-log/jhack-tail_mocks-real-pgql-machine-log.txt');

/** axe's serious and critical findings in the history viewer. */
async function seriousAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

async function openCheck(page: Page) {
  await page.getByRole('button', { name: OpenLabel.menu, exact: true }).click();
  await page.getByRole('button', { name: TraceLabel.menuItem }).click();
  const dialog = page.getByRole('dialog', { name: TraceLabel.title });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a real debug-log is checked off the page: nothing is ruled out, and what it cannot tell is said', async ({ relviz, page }) => {
  await relviz.open();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const dialog = await openCheck(page);
  await dialog.locator('input[type=file]').setInputFiles(LOG);
  await expect(dialog.getByRole('list', { name: 'Files to check' })).toContainText('jhack-tail_mocks-real-pgql-machine-log.txt');
  await dialog.getByRole('button', { name: TraceLabel.check }).click();
  const result = dialog.getByRole('region', { name: TraceLabel.result });
  await expect(result.getByRole('status')).toHaveText(/No hook is ruled out by Juju’s guarantees \(14 hooks of 1 unit\)/);
  await expect(result).toContainText('debug-log at INFO names the hook but not the relation id');
  expect(workers.some((url) => /trace\.worker/.test(url))).toBe(true);
  // What the history shows: the application, its unit (the leader starred) and its endpoints.
  await result.getByText(/What the history shows at its end/).click();
  await expect(result.getByRole('list', { name: 'Seen in the history' })).toContainText('postgresql: postgresql/0*; endpoints database-peers');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: OpenLabel.menu })).toBeFocused();
});

test('a pasted log where a unit installs twice: the hook is flagged with its line, the rule and what Juju allows', async ({ relviz, page }) => {
  await relviz.open();
  const lines = readFileSync(LOG, 'utf8').split('\n');
  const install = lines.find((l) => l.includes('ran "install" hook')) as string;
  const pasted = [...lines.filter((l) => l.includes('uniter.operation ran')), install.replace('13:16:35', '13:30:00')].join('\n');
  const dialog = await openCheck(page);
  await dialog.getByLabel(TraceLabel.paste).fill(pasted);
  await dialog.getByRole('button', { name: TraceLabel.check }).click();
  const result = dialog.getByRole('region', { name: TraceLabel.result });
  await expect(result.getByRole('status')).toHaveText(/1 hook ruled out/);
  const finding = result.getByRole('list', { name: 'Hooks ruled out' }).getByRole('listitem');
  await expect(finding).toContainText('G1');
  await expect(finding).toContainText(`pasted:${pasted.split('\n').length}`);
  await expect(finding).toContainText('postgresql/0 ran install again');
  await expect(finding).toContainText('Allowed instead: install runs once');
});

test('text that is no history is refused, saying which formats are read', async ({ relviz, page }) => {
  await relviz.open();
  const dialog = await openCheck(page);
  await dialog.getByLabel(TraceLabel.paste).fill('hello, world');
  await dialog.getByRole('button', { name: TraceLabel.check }).click();
  await expect(dialog.getByRole('alert')).toContainText('pasted: not a history relviz reads (debug-log, show-status-log, jhack tail, machine-lock.log or relviz JSON lines)');
});

test('log files dropped on the page open the history check with them', async ({ relviz, page }) => {
  await relviz.open();
  const text = readFileSync(LOG, 'utf8');
  const data = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'postgresql-0.log', { type: 'text/plain' }));
    return dt;
  }, text);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  const dialog = page.getByRole('dialog', { name: TraceLabel.title });
  await expect(dialog.getByRole('list', { name: 'Files to check' })).toContainText('postgresql-0.log');
  await dialog.getByRole('button', { name: TraceLabel.check }).click();
  await expect(dialog.getByRole('region', { name: TraceLabel.result }).getByRole('status')).toHaveText(/No hook is ruled out/);
});

test('a checked history is shown in the app: the hook ruled out is marked and explained, it plays and scrubs, and the model behind is untouched', async ({ relviz, page }) => {
  await relviz.open();
  const timeline = page.getByRole('slider', { name: Label.timeline });
  const before = await timeline.inputValue();
  const lines = readFileSync(LOG, 'utf8').split('\n');
  const install = lines.find((l) => l.includes('ran "install" hook')) as string;
  const ran = lines.filter((l) => l.includes('uniter.operation ran'));
  const pasted = [...ran, install.replace('13:16:35', '13:30:00')].join('\n');
  const dialog = await openCheck(page);
  await dialog.getByLabel(TraceLabel.paste).fill(pasted);
  await dialog.getByRole('button', { name: TraceLabel.check }).click();
  await dialog.getByRole('button', { name: TraceLabel.showInApp }).click();
  await expect(dialog).toBeHidden();

  const viewer = page.getByRole('dialog', { name: ViewerLabel.dialog });
  await expect(viewer.getByRole('status')).toHaveText(`✗ 1 hook ruled out of ${ran.length + 1} hooks`);
  // It opens at the hook ruled out: marked on its lane, explained in the inspector.
  const flagged = viewer.locator('[data-flagged]');
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toHaveAccessibleName(new RegExp(`^postgresql/0 install \\(seq ${ran.length + 1}\\), ruled out`));
  await expect(flagged).toHaveAttribute('aria-current', 'step');
  const inspector = viewer.getByRole('region', { name: ViewerLabel.inspector, exact: true });
  await expect(inspector.getByRole('list', { name: ViewerLabel.ruledOut })).toContainText('G1');
  await expect(inspector).toContainText('Allowed instead: install runs once');
  await expect(inspector).toContainText(`pasted:${ran.length + 1}`);
  await expect(inspector).toContainText('databagsunknown');
  // The graph: the application and its unit, the leader starred.
  await expect(viewer.locator('[data-imported-unit="postgresql/0"]')).toContainText('★');
  expect(await seriousAxe(page)).toEqual([]);

  // Scrub: a step back shows the hook before, which the guarantees allow.
  const scrubber = viewer.getByRole('slider', { name: ViewerLabel.scrubber });
  await expect(scrubber).toHaveValue(String(ran.length + 1));
  await viewer.getByRole('button', { name: ViewerLabel.stepBack }).click();
  await expect(scrubber).toHaveValue(String(ran.length));
  await expect(inspector).toContainText('Juju’s guarantees allow this hook here');
  await scrubber.fill('0');
  await expect(inspector).toContainText('Before the first hook');
  // Play at speed to the end: it stops there.
  await viewer.getByLabel(ViewerLabel.speed).selectOption('256');
  await viewer.getByRole('button', { name: ViewerLabel.play }).click();
  await expect(scrubber).toHaveValue(String(ran.length + 1));
  await expect(viewer.getByRole('button', { name: ViewerLabel.play })).toBeVisible();
  // The hook log: a row per hook, the one ruled out named with its rule; a row click goes there.
  await viewer.getByRole('tab', { name: ViewerLabel.log }).click();
  await expect(viewer.getByRole('button', { name: /^#\d+ postgresql\/0 install, ruled out by G1$/ })).toBeVisible();
  expect(await seriousAxe(page)).toEqual([]);
  await viewer.getByRole('button', { name: /^#1 postgresql\/0 / }).click();
  await expect(scrubber).toHaveValue('1');
  await expect(inspector).toContainText('#1');

  // Back: the user's model is as it was.
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(timeline).toHaveValue(before);
  await expect(page.getByRole('button', { name: OpenLabel.menu })).toBeFocused();
});
