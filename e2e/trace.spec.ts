/**
 * Checking a real history in the app, as a charm developer would: pick a real
 * debug-log and see it accepted; paste a log where a unit installs twice and see the
 * hook flagged with its line, the rule and what Juju would allow instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { OpenLabel } from '../src/ui/bundle/openLabels.ts';
import { TraceLabel } from '../src/ui/trace/labels.ts';
import { expect, test } from './fixtures.ts';

const LOG = join(import.meta.dirname, '../../shared/fixtures/debug-log/jhack-tail_mocks-real-pgql-machine-log.txt');

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
