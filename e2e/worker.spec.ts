/**
 * Long runs are computed in the engine's Web Worker: the page shows progress, stays
 * usable, and the history it adopts is the one the engine computes in place.
 */
import { Timeline } from '../src/engine/timeline.ts';
import { parseLine } from '../src/io/script.ts';
import { expect, test } from './fixtures.ts';

test('a big integrate is computed in the worker, with progress, while the page stays usable', async ({ relviz, page }) => {
  await relviz.open();
  // The engine's worker starts on the first long run: at load only when the example's hooks outgrew the page's budget (a loaded machine).
  expect(page.workers().length).toBeLessThanOrEqual(1);
  await relviz.button('New').click();
  await relviz.run('juju deploy master -n 150');
  await relviz.run('juju deploy worker -n 150');
  await relviz.computed(); // On a loaded machine the deploys' hooks may already go to the worker.
  await relviz.toEnd();

  await relviz.run('juju relate master worker');
  const status = page.getByRole('status').filter({ hasText: 'Computing hooks…' });
  await expect(status).toBeVisible();
  // A change while hooks are still being computed is refused, with the reason.
  await relviz.run('juju add-unit worker');
  await expect(page.getByRole('alert')).toContainText('are still being computed');
  expect(page.workers()).toHaveLength(1); // One engine worker, reused from run to run.
  // The page answers while the worker computes: the console takes a read-only command.
  await relviz.run('juju status');
  await expect(page.getByRole('log', { name: 'Console output' })).toContainText('$ juju status');

  await expect(status).toBeHidden({ timeout: 60_000 });
  // The whole run is there: 150 x 150 masterworker settles with 150 workers related.
  await relviz.toEnd();
  await relviz.run('juju status');
  await expect(page.getByRole('log', { name: 'Console output' })).toContainText('Related Workers: 150');
});

test('Stop keeps the hooks computed so far, and the session reloads as cut', async ({ relviz, page }) => {
  await relviz.open();
  await relviz.button('New').click();
  await relviz.run('juju deploy master -n 120');
  await relviz.run('juju deploy worker -n 120');
  await relviz.toEnd();
  const before = Number(await relviz.timeline.getAttribute('max'));
  await relviz.run('juju relate master worker');
  await expect(page.getByRole('status').filter({ hasText: 'Computing hooks…' })).toBeVisible();
  // Stop at once: under load the worker may otherwise finish first.
  await relviz.button('Stop').click();
  await expect(relviz.button('Stop')).toBeHidden();
  // The history keeps the hooks computed before Stop: the first thousand run in place, then chunks.
  const length = Number(await relviz.timeline.getAttribute('max'));
  expect(length).toBeGreaterThan(before + 1000);
  // Stop really cut it short: the engine, run here to idle, goes further.
  const reference = new Timeline({ seed: 1 });
  for (const line of ['juju deploy master -n 120', 'juju deploy worker -n 120', 'juju relate master worker']) reference.apply(parseLine(line)!.command);
  expect(reference.length).toBeGreaterThan(before);
  expect(length).toBeLessThan(reference.length);

  await page.reload();
  await expect(relviz.region('Graph')).toBeVisible();
  await expect(relviz.timeline).toHaveAttribute('max', String(length), { timeout: 60_000 });
});
