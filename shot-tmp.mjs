import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h] of [[1280, 1000], [400, 1000]]) {
  const p = await b.newPage({ viewport: { width: w, height: h } });
  await p.goto('file:///tmp/pack-shot/docs/index.html');
  await p.locator('#a [data-testid="diagram"][data-ready="true"]').waitFor();
  await p.locator('#b [data-testid="diagram"][data-ready="true"]').waitFor();
  await p.evaluate(() => document.fonts.ready);
  await p.waitForTimeout(800);
  console.log(await p.evaluate(() => [...document.fonts].map((f) => f.family + ':' + f.status).join(',')));
  await p.screenshot({ path: `/tmp/pack-shot/wc-${w}.png` });
}
await b.close();
