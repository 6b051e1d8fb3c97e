import { chromium } from '@playwright/test';
const DOC = `---
relviz-tutorial: 1
id: lesson-one
title: Lesson one
summary: A master, a worker.
seed: 1
juju: 3.6
---

## Deploy

\`\`\`juju
juju deploy master
juju deploy worker -n two
\`\`\`

## Relate them

\`\`\`juju
juju relate master worker
\`\`\`

### after: worker/3 master-relation-joined

worker/0 has joined.
`;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1400, height: 900 } });
await p.goto('http://127.0.0.1:4721/');
await p.getByRole('combobox', { name: 'Tutorials' }).selectOption({ label: 'Open a tutorial…' });
await p.getByRole('textbox', { name: 'Or paste its text' }).fill(DOC);
await p.waitForTimeout(1200);
await p.screenshot({ path: '/tmp/tl/dialog-error.png' });
await p.getByRole('textbox', { name: 'Or paste its text' }).fill(DOC.replace(' -n two', '').replace('worker/3', 'worker/0'));
await p.waitForTimeout(1200);
await p.screenshot({ path: '/tmp/tl/dialog-ok.png' });
await p.getByRole('dialog').getByRole('button', { name: 'Play' }).click();
await p.waitForTimeout(1500);
await p.getByRole('button', { name: 'Copy a link to this tutorial' }).click();
await p.waitForTimeout(800);
await p.screenshot({ path: '/tmp/tl/card-link.png', clip: { x: 0, y: 0, width: 1400, height: 500 } });
await b.close();
