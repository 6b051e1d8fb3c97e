import { chromium } from '@playwright/test';
const [url, out, ...actions] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto(url);
await page.waitForTimeout(1500);
for (const a of actions) {
  const [kind, arg] = a.split('=');
  if (kind === 'example') await page.getByLabel('Examples').selectOption(arg);
  if (kind === 'wait') await page.waitForTimeout(Number(arg));
  if (kind === 'console') { await page.getByLabel('Command').fill(arg); await page.getByLabel('Command').press('Enter'); }
  if (kind === 'click') await page.getByRole('button', { name: arg }).first().click();
}
await page.screenshot({ path: out });
await browser.close();
