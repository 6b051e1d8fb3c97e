/**
 * Tutorials from documents, as a teacher and a learner use them: "Open a tutorial…"
 * with a file (in a fresh browser context, played to its end), pasted text with a
 * problem named by its line, a URL (`?tutorial-url=`: a good document, a 404, a server
 * that does not allow other sites — the plain-words message), a document dropped on
 * the page, and the tutorial's own link round trip.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { Label } from '../src/ui/labels.ts';
import { TutorialDocLabel } from '../src/ui/teaching/tutorialDocLabels.ts';
import { LESSON as DOC } from '../test/teaching/lessonDocument.ts';
import { expect, test, RelvizPage } from './fixtures.ts';


const card = (page: Page) => page.getByRole('complementary', { name: /^Tutorial: / });
const dialog = (page: Page) => page.getByRole('dialog', { name: TutorialDocLabel.title });

async function openDialog(page: Page) {
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption({ label: Label.openTutorial });
  await expect(dialog(page)).toBeVisible();
}

/** Plays the step shown to its end, checking that each of its stops pauses with its words. */
async function playStep(relviz: RelvizPage, stops: readonly string[]) {
  const page = relviz.page;
  for (const say of stops) {
    await relviz.button(Label.play).click();
    const paused = card(page).getByRole('status');
    await expect(paused).toContainText('Paused here.', { timeout: 15_000 });
    await expect(paused).toContainText(say);
  }
  const max = await relviz.timeline.getAttribute('max');
  if (Number(await relviz.timeline.inputValue()) < Number(max)) {
    await relviz.button(Label.play).click();
    await expect(relviz.timeline).toHaveValue(max ?? '', { timeout: 15_000 });
  }
}

test('a tutorial opened from a file in a fresh browser context plays to its end', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const relviz = new RelvizPage(page);
  await relviz.open();
  const file = join(tmpdir(), `lesson-one-${process.pid}.md`);
  writeFileSync(file, DOC);
  await openDialog(page);
  await dialog(page).locator('input[type=file]').setInputFiles(file);
  await expect(dialog(page).getByRole('status')).toContainText('Lesson one — 2 steps, checked');
  await dialog(page).getByRole('button', { name: TutorialDocLabel.play }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(card(page)).toContainText('step 1 of 2');
  await page.getByRole('slider', { name: Label.speed }).fill('7');
  await playStep(relviz, []);
  await card(page).getByRole('button', { name: `${Label.tutorialNext} →` }).click();
  await expect(card(page)).toContainText('step 2 of 2');
  await playStep(relviz, ['worker/0 has joined master/0.', "master/0 hears worker/0's settings."]);
  await expect(card(page)).toContainText('That is the end of this tutorial.');
  await card(page).getByRole('button', { name: 'Finish' }).click();
  await expect(card(page)).toBeHidden();
  expect(errors).toEqual([]);
  await context.close();
});

test('pasted text: problems are listed by line before anything plays, then it plays', async ({ relviz, page }) => {
  await relviz.open();
  await openDialog(page);
  const paste = dialog(page).getByRole('textbox', { name: TutorialDocLabel.paste });
  await paste.fill(DOC.replace('juju deploy worker', 'juju deploy worker -n two').replace('after: master/0 master-application-relation-changed', 'after: master/0 master-application-relation-broken'));
  const problems = dialog(page).getByRole('alert', { name: TutorialDocLabel.problems });
  await expect(problems).toContainText('line 18: "juju deploy worker -n two": -n expects a number');
  await expect(dialog(page).getByRole('button', { name: TutorialDocLabel.play })).toBeDisabled();
  await expect(card(page)).toBeHidden();
  await paste.fill(DOC.replace('after: master/0 master-application-relation-changed', 'after: master/0 master-application-relation-broken'));
  await expect(problems).toContainText('line 35: stop 2 (after: master/0 master-application-relation-broken): no such hook runs in this step');
  await paste.fill(DOC);
  await expect(dialog(page).getByRole('status')).toContainText('checked: it plays as written');
  await dialog(page).getByRole('button', { name: TutorialDocLabel.play }).click();
  await expect(card(page)).toContainText('Lesson one');
});

/** An https server on a free port answering DOC with no CORS header; its self-signed certificate is made with openssl. */
async function httpsServerWithoutCors(): Promise<{ url: string; served: () => number; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'relviz-cors-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1', '-days', '1'], { stdio: 'ignore' });
  let served = 0;
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
    served++;
    res.writeHead(200, { 'Content-Type': 'text/markdown' });
    res.end(DOC);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `https://127.0.0.1:${port}`, served: () => served, close: () => server.close() };
}

/**
 * A page of its own: the browser logs a failed fetch (a 404, a CORS refusal) as a
 * console error, which the shared fixture counts as a failure; page errors still are.
 */
async function pageAllowingFetchErrors(browser: Browser, errors: string[]): Promise<{ relviz: RelvizPage; page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return { relviz: new RelvizPage(page), page, context };
}

test('?tutorial-url= fetches the document and plays it; a 404 and a server without CORS are explained', async ({ browser }) => {
  const errors: string[] = [];
  const { relviz, page, context } = await pageAllowingFetchErrors(browser, errors);
  await page.route('https://lessons.example.org/**', (route) => {
    const url = route.request().url();
    if (url.endsWith('/good.md')) return route.fulfill({ status: 200, body: DOC, headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/markdown' } });
    return route.fulfill({ status: 404, body: 'Not Found', headers: { 'Access-Control-Allow-Origin': '*' } });
  });
  await relviz.open(`/?tutorial-url=${encodeURIComponent('https://lessons.example.org/good.md')}&step=2`);
  await expect(card(page)).toContainText('step 2 of 2');
  await expect(dialog(page)).toBeHidden();
  // The address no longer says it: a reload keeps the learner's progress instead.
  expect(page.url()).not.toContain('tutorial-url');

  await relviz.open(`/?tutorial-url=${encodeURIComponent('https://lessons.example.org/missing.md')}`);
  await expect(dialog(page).getByRole('alert')).toContainText('lessons.example.org answered 404');
  // The app behind is the saved session (here: the tutorial before), unharmed.
  await dialog(page).getByRole('button', { name: TutorialDocLabel.close }).click();

  // A real server that does not send Access-Control-Allow-Origin (Playwright's own
  // answers to a route are not held to CORS): https on another port, its certificate made here.
  const server = await httpsServerWithoutCors();
  await openDialog(page);
  await dialog(page).getByRole('textbox', { name: TutorialDocLabel.url }).fill(`${server.url}/nocors.md`);
  await dialog(page).getByRole('button', { name: TutorialDocLabel.fetch }).click();
  const alert = dialog(page).getByRole('alert');
  await expect(alert).toContainText('does not allow other sites to read its files');
  await expect(alert).toContainText('Access-Control-Allow-Origin');
  await expect(alert).toContainText('raw.githubusercontent.com');
  await expect(alert).toContainText('download the file');
  expect(server.served()).toBeGreaterThan(0); // the browser got the file, and would not let relviz read it
  server.close();
  expect(errors).toEqual([]);
  await context.close();
});

test('the example still starts when a tutorial URL fails', async ({ browser }) => {
  const errors: string[] = [];
  const { relviz, page, context } = await pageAllowingFetchErrors(browser, errors);
  await page.route('https://lessons.example.org/**', (route) => route.abort('connectionrefused'));
  await relviz.open(`/?tutorial-url=${encodeURIComponent('https://lessons.example.org/good.md')}`);
  await expect(dialog(page).getByRole('alert')).toContainText('cannot be reached');
  await dialog(page).getByRole('button', { name: TutorialDocLabel.close }).click();
  await expect(relviz.unit('master/0')).toBeVisible();
  await expect(card(page)).toBeHidden();
  expect(errors).toEqual([]);
  await context.close();
});

test('a tutorial document dropped on the page opens the tutorial dialog', async ({ relviz, page }) => {
  await relviz.open();
  const drop = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'lesson-one.md', { type: 'text/markdown' }));
    return dt;
  }, DOC);
  await page.locator('body').dispatchEvent('dragenter', { dataTransfer: drop });
  await page.locator('body').dispatchEvent('drop', { dataTransfer: drop });
  await expect(dialog(page).getByRole('status')).toContainText('Lesson one — 2 steps, checked');
});

test("a tutorial's link carries it whole, and opens it again elsewhere", async ({ relviz, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await relviz.open();
  await openDialog(page);
  await dialog(page).getByRole('textbox', { name: TutorialDocLabel.paste }).fill(DOC);
  await dialog(page).getByRole('button', { name: TutorialDocLabel.play }).click();
  await card(page).getByRole('button', { name: TutorialDocLabel.copyLink }).click();
  await expect(card(page).getByRole('status').filter({ hasText: TutorialDocLabel.copied })).toBeVisible();
  const link = await card(page).getByRole('textbox', { name: TutorialDocLabel.link }).inputValue();
  expect(link).toMatch(/#tutorial-doc=1\.[A-Za-z0-9_-]+$/);
  const other = await page.context().browser()?.newContext();
  const elsewhere = await other?.newPage();
  if (!other || !elsewhere) throw new Error('no second context');
  await elsewhere.goto(link);
  await expect(card(elsewhere)).toContainText('Lesson one');
  await expect(card(elsewhere)).toContainText('step 1 of 2');
  expect(elsewhere.url()).not.toContain('tutorial-doc');
  await other.close();
});

test('an embed opens a tutorial sent as a document, and names the lines of a bad one', async ({ page }) => {
  await page.goto('/embed-demo.html');
  const frame = page.frameLocator('iframe[title^="relviz"]');
  await expect(frame.getByRole('region', { name: Label.regionGraph, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await page.evaluate(() => {
    const w = window as unknown as { heard: Array<{ type: string; message?: string }> };
    w.heard = [];
    addEventListener('message', (e: MessageEvent<{ type: string }>) => w.heard.push(e.data));
  });
  const send = (message: unknown) => page.evaluate((m) => document.querySelector('iframe')?.contentWindow?.postMessage(m, '*'), message);
  const heard = () => page.evaluate(() => (window as unknown as { heard: Array<{ type: string; message?: string }> }).heard);
  const ubuntu = DOC.replace('juju deploy worker\n', 'juju deploy worker\njuju deploy ubuntu\n');
  await send({ type: 'relviz:tutorial', text: ubuntu.replace('juju deploy master\n', 'juju deploy master -n none\n') });
  await expect.poll(async () => (await heard()).find((m) => m.type === 'relviz:error')?.message).toMatch(/^relviz:tutorial: the tutorial cannot be played: line 17: "juju deploy master -n none"/);
  // Step 2 starts once step 1's deploys have played out.
  await send({ type: 'relviz:tutorial', text: ubuntu, step: 2 });
  await expect(frame.locator('[data-unit="ubuntu/0"]').first()).toBeVisible();
  await expect.poll(async () => (await heard()).filter((m) => m.type === 'relviz:ready').length).toBeGreaterThan(0);
});
