/**
 * Bringing your own model, as a user would: open each fixture bundle (a folder, with
 * its overlays) and a running model's `juju status`; see it deployed and its hooks
 * play; drop files on the page; get Juju's refusal for a broken bundle with nothing
 * changed; export the model as a bundle and open that export in a fresh browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { OpenLabel } from '../src/ui/bundle/OpenDialog.tsx';
import { Label } from '../src/ui/labels.ts';
import { expect, test, type RelvizPage } from './fixtures.ts';

const FIXTURES = join(import.meta.dirname, '../../shared/fixtures');

function dialog(page: Page) {
  return page.getByRole('dialog', { name: OpenLabel.title });
}

/** The applications drawn on the graph. */
async function appNames(page: Page): Promise<string[]> {
  return (await page.locator('[data-app-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-app-node') ?? ''))).sort();
}

/** Opens the Open dialog from the header's Bundle menu. */
async function openDialog(relviz: RelvizPage) {
  await relviz.button(OpenLabel.menu).click();
  await relviz.button(OpenLabel.open).click();
}

/** Opens a fixture bundle folder with the named overlays ticked, as a new model. */
async function openFolder(relviz: RelvizPage, folder: string, overlays: string[]) {
  const { page } = relviz;
  await openDialog(relviz);
  const d = dialog(page);
  // The second file input picks a folder (webkitdirectory).
  await d.locator('input[type=file]').nth(1).setInputFiles(join(FIXTURES, 'bundles', folder));
  for (const o of overlays) await d.getByRole('checkbox', { name: o }).check();
  await expect(d.getByTestId('open-preview')).toBeVisible();
  await d.getByRole('button', { name: OpenLabel.replace }).click();
  await expect(d).toBeHidden();
}

/** Runs the history to its end and returns `juju status` as the console prints it. */
async function settledStatus(relviz: RelvizPage): Promise<string> {
  // The whole history first: the deploy's tick, then every hook it causes.
  await expect.poll(async () => Number(await relviz.timeline.getAttribute('max'))).toBeGreaterThan(1);
  await expect(relviz.page.getByRole('status').filter({ hasText: 'Computing hooks' })).toBeHidden();
  await relviz.toEnd();
  await expect.poll(async () => (await relviz.cursor()) === Number(await relviz.timeline.getAttribute('max'))).toBe(true);
  await relviz.run('juju status');
  return (await relviz.region(Label.regionConsole).getByRole('log').innerText()).split('$ juju status').at(-1) ?? '';
}

test.describe('bundles in the app', () => {
  for (const [folder, overlays, apps] of [
    ['cos-lite', ['overlays/tls-overlay.yaml'], ['alertmanager', 'ca', 'catalogue', 'grafana', 'loki', 'prometheus', 'traefik']],
    ['charmed-kubernetes', ['overlays/vault-pki-overlay.yaml'], ['calico', 'containerd', 'etcd', 'kubeapi-load-balancer', 'kubernetes-control-plane', 'kubernetes-worker', 'mysql-innodb-cluster', 'vault', 'vault-mysql-router']],
    ['masterworker', [], ['master', 'worker']],
  ] as const) {
    test(`opens the ${folder} bundle folder${overlays.length ? ' with its overlay' : ''}, and every application comes up`, async ({ relviz }) => {
      await relviz.open();
      await openFolder(relviz, folder, [...overlays]);
      await expect.poll(() => appNames(relviz.page)).toEqual([...apps].sort());
      const status = await settledStatus(relviz);
      for (const app of apps) expect(status).toMatch(new RegExp(`^${app} `, 'm'));
      // Settled: no unit is still installing.
      expect(status).not.toMatch(/maintenance|allocating|waiting for machine/);
    });
  }

  test('opens a running model from juju status and show-unit, keeping its unit numbers', async ({ relviz }) => {
    const { page } = relviz;
    await relviz.open();
    await openDialog(relviz);
    const d = dialog(page);
    const dir = join(FIXTURES, 'show-unit');
    await d.locator('input[type=file]').first().setInputFiles(['k8s-full_status_None.json', 'k8s-prometheus0_None_show.json', 'k8s-prometheus1_None_show.json'].map((f) => join(dir, f)));
    await expect(d.getByText('Model status')).toBeVisible();
    await expect(d.getByTestId('open-preview')).toContainText('6 applications, 20 relations');
    await d.getByRole('button', { name: OpenLabel.replace }).click();
    await expect(relviz.unit('prometheus/1')).toBeVisible();
  });

  test('files dropped on the page open in the dialog', async ({ relviz }) => {
    const { page } = relviz;
    await relviz.open();
    const text = readFileSync(join(FIXTURES, 'bundles/masterworker/bundle.yaml'), 'utf8');
    const data = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'bundle.yaml', { type: 'application/yaml' }));
      return dt;
    }, text);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
    await page.dispatchEvent('main', 'drop', { dataTransfer: data });
    const d = dialog(page);
    await expect(d.getByTestId('open-preview')).toContainText('2 applications, 1 relation');
    await expect(d.getByTestId('open-preview')).toContainText('teaching charm');
  });

  test('a broken bundle shows Juju’s refusal with file and line, and opening it is not offered', async ({ relviz }) => {
    const { page } = relviz;
    await relviz.open();
    const before = await appNames(page);
    await openDialog(relviz);
    const d = dialog(page);
    await d.getByLabel(OpenLabel.paste).fill('applications:\n  a:\n    charm: ubuntu\nrelations:\n- [a:x, b:y]\n');
    await expect(d.getByTestId('open-problems')).toContainText('./pasted.yaml:5: relation "a:x b:y": no application "b" in the bundle');
    await expect(d.getByRole('button', { name: OpenLabel.replace })).toBeDisabled();
    await page.keyboard.press('Escape');
    expect(await appNames(page)).toEqual(before);
  });

  test('the console deploys an example bundle by path, and export-bundle writes it back with positions', async ({ relviz, browser }) => {
    const { page } = relviz;
    await relviz.open();
    await relviz.button(Label.newSession).click();
    await relviz.run('juju deploy ./examples/bundles/charmed-kubernetes/bundle.yaml');
    await expect.poll(() => appNames(page)).toHaveLength(7);
    const download = page.waitForEvent('download');
    await relviz.button(OpenLabel.menu).click();
    await relviz.button(OpenLabel.exportBundle).click();
    const file = await (await download).path();
    const exported = readFileSync(file, 'utf8');
    expect(exported).toContain('kubernetes-control-plane:');
    expect(exported).toMatch(/gui-x: "475"/);

    // A fresh browser opens the export: the same applications, and the same places.
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const other = await context.newPage();
    await other.goto('/');
    await other.getByRole('button', { name: OpenLabel.menu, exact: true }).click();
    await other.getByRole('button', { name: OpenLabel.open, exact: true }).click();
    await other.getByRole('dialog', { name: OpenLabel.title }).getByLabel(OpenLabel.paste).fill(exported);
    await other.getByRole('button', { name: OpenLabel.replace }).click();
    await expect.poll(() => appNames(other)).toEqual(await appNames(page));
    const where = (p: Page) => p.evaluate(() => localStorage.getItem('relviz.session'));
    await expect.poll(async () => JSON.parse((await where(other)) ?? '{}').positions?.['kubernetes-worker']).toEqual(JSON.parse((await where(page)) ?? '{}').positions?.['kubernetes-worker']);
    await context.close();
  });
});
