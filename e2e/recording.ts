/** Shared by the authoring spec and the screenshots: a recording started from a master and two workers, settled. */
import type { Locator } from '@playwright/test';
import { Label } from '../src/ui/labels.ts';
import { RecorderLabel } from '../src/ui/teaching/author/labels.ts';
import { expect, type RelvizPage } from './fixtures.ts';

/** Opens relviz, makes the starting model, starts recording with a title and summary; returns the recorder's bar. */
export async function recordFromMasterAndWorkers(relviz: RelvizPage, title: string, summary: string): Promise<Locator> {
  await relviz.open();
  await relviz.button(Label.newSession).click();
  await relviz.run('juju deploy master');
  await relviz.run('juju deploy worker -n 2');
  await relviz.computed();
  await relviz.page.getByRole('combobox', { name: Label.tutorials }).selectOption({ label: Label.recordTutorial });
  const bar = relviz.page.getByRole('region', { name: RecorderLabel.region });
  await expect(bar).toBeVisible();
  await bar.getByRole('textbox', { name: RecorderLabel.title }).fill(title);
  await bar.getByRole('textbox', { name: RecorderLabel.summary }).fill(summary);
  return bar;
}
