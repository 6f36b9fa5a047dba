import { readFile } from 'node:fs/promises';
import { BAD_HREFS } from '../src/testing/hostile';
import { expect, node, type Page, switches, test, waitReady } from './fixtures';
import {
  armCanary,
  expectInert,
  field,
  HOSTILE,
  hostileShare,
  hostileText,
  hosts,
  operatorCluster,
  pageProblems,
  projects,
  readSvg,
  tenantClusters,
  textOf,
  tour,
  vms,
} from './hostile';

// "Text is text": a model with an XSS payload in every string field (src/testing/hostile.ts) is loaded every
// way a model can be, and shown on every surface. The canary (window.__pwned, alert, confirm, prompt) must
// never trip, nothing may reach another origin (the guard in fixtures.ts), no markup of a payload may appear
// in the DOM, and every payload must read back literally as text.

const details = (page: Page) => page.getByTestId('details');

/** Opens an element's details from the keyboard, as a user would (focus the node, Enter). */
async function openDetails(page: Page, id: string) {
  const n = node(page, id);
  await n.focus();
  await page.keyboard.press('Enter');
  await expect(details(page).locator('#details-title')).toBeVisible();
}

/** The details card says the element's name and description exactly, and links only to http(s). */
async function expectDetails(page: Page, id: string) {
  await openDetails(page, id);
  const name = field(id, 'name');
  await expect(details(page).locator('#details-title')).toHaveJSProperty('textContent', name);
  const text = await textOf(details(page));
  expect(text).toContain(field(id, 'description'));
  const hrefs = await details(page)
    .locator('a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\/[^\s<>"]+$/);
}

test('a hostile model opened from a file: every view, details, search, outline, what-if, compare, tour, editor and export', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await armCanary(page);
  await page.goto('/?topology=traditional');
  await waitReady(page, 'traditional');
  await page.getByTestId('file-input').setInputFiles({
    name: `<img src=x onerror=window.__pwned('file')>.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(hostileText),
  });
  await expect(node(page, 'constructor')).toBeVisible();
  await waitReady(page, 'traditional');
  await expectInert(page, 'traditional');

  // Every view, each with the details of what it adds.
  await expectDetails(page, 'constructor');
  await expectDetails(page, 'prototype');
  await expectDetails(page, 'toString');
  await switches(page).controlPlaneOnK8s.click();
  await waitReady(page, 'control-plane-on-k8s');
  await expectInert(page, 'control-plane-on-k8s');
  await expectDetails(page, operatorCluster.id as string);
  await switches(page).k8sInTenant.click();
  await waitReady(page, 'both');
  await expectInert(page, 'both');
  await switches(page).controlPlaneOnK8s.click();
  await waitReady(page, 'k8s-in-tenant');
  await expectDetails(page, 'valueOf');
  // A network, a load balancer and a volume (labelled with their CIDR or size on the diagram).
  for (const kind of ['networks', 'loadBalancers', 'volumes'] as const) {
    const id = projects.map((p) => (p[kind] as { id: string }[] | undefined)?.[0]?.id).find(Boolean);
    expect(id, kind).toBeDefined();
    await expectDetails(page, id as string);
  }
  await expectInert(page, 'k8s-in-tenant');
  // A service instance is named after its process.
  const chip =
    (await page.locator('.sl-el[data-id^="hasOwnProperty@"]').first().getAttribute('data-id')) ?? '';
  await node(page, chip).focus();
  await page.keyboard.press('Enter');
  await expect(details(page).locator('#details-title')).toHaveJSProperty(
    'textContent',
    field('hasOwnProperty', 'name'),
  );

  // The diagram shows every host, VM and project name as text.
  const shown = await textOf(page.getByTestId('diagram'));
  for (const el of [...hosts, ...vms, ...projects, ...tenantClusters])
    expect(shown, String(el.id)).toContain(String(el.name));

  // Search for a payload: the match reads literally, and choosing it opens it.
  const search = page.getByRole('combobox', { name: 'Search elements' });
  await search.fill("__pwned('script')");
  const option = page.getByRole('option').first();
  await expect(option).toBeVisible();
  expect(await textOf(option.locator('span').first())).toContain("<script>window.__pwned('script')</script>");
  await search.press('Enter');
  await expect(details(page).locator('#details-title')).toHaveJSProperty(
    'textContent',
    "<script>window.__pwned('script')</script>",
  );
  await page.keyboard.press('Escape');

  // Explain: the outline names everything, what-if says names in sentences.
  await page.getByRole('button', { name: 'Explain' }).click();
  await page.getByRole('tab', { name: 'Outline' }).click();
  const outline = await textOf(page.getByTestId('outline'));
  for (const el of [...hosts, ...vms, ...projects]) expect(outline, String(el.id)).toContain(String(el.name));
  await page.getByRole('tab', { name: 'What if' }).click();
  const failButtons = page.locator('#inspector-panel fieldset button');
  const names = await failButtons.allTextContents();
  expect(names).toContain(field('constructor', 'name'));
  await failButtons.nth(names.indexOf(field('constructor', 'name'))).click();
  await expect(page.getByTestId('what-if-summary')).toBeVisible();
  expect(await textOf(page.getByTestId('what-if-summary'))).toContain(field('constructor', 'name'));
  await expectInert(page, 'explain');
  await page.getByRole('tabpanel').getByRole('button', { name: 'Restore all' }).click();
  await page.getByRole('button', { name: 'Close the explain panel' }).click();

  // Compare two views side by side, with the list of differences.
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('compare')).toBeVisible();
  await expect(page.getByTestId('compare-summary')).toBeVisible();
  await expectInert(page, 'compare');
  await page.getByRole('button', { name: 'Compare' }).click();
  await waitReady(page);

  // The model's own tour (payloads in every text), step by step, answering each question.
  await page.getByRole('button', { name: 'Tour' }).click();
  const player = page.getByTestId('tour');
  await expect(player).toBeVisible();
  expect(await player.getAttribute('aria-label')).toBe(`Tour: ${tour.title}`);
  for (const [i, step] of tour.steps.entries()) {
    await expect(page.getByRole('progressbar', { name: 'Tour progress' })).toHaveAttribute(
      'aria-valuenow',
      String(i + 1),
    );
    await expect(player.getByRole('heading')).toHaveJSProperty('textContent', step.title);
    const text = await textOf(player);
    // Tour text is the safe markdown subset: the payload sits in a code span and reads literally.
    expect(text).toContain(String(step.text).replace(/^Text: `?|`$/g, ''));
    const question = step.question as
      | { prompt: string; answers: { text: string }[]; explanation: string }
      | undefined;
    if (question) {
      expect(text).toContain(question.prompt);
      const buttons = player.getByRole('group').getByRole('button');
      await expect(buttons).toHaveCount(question.answers.length);
      for (const [j, a] of question.answers.entries()) expect(await textOf(buttons.nth(j))).toBe(a.text);
      await buttons.first().click();
      expect(await textOf(page.getByTestId('quiz-feedback'))).toContain(
        question.explanation.replace(/^Text: `?|`$/g, ''),
      );
    }
    const hrefs = await player.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    await expectInert(page, `tour step ${i + 1}`);
    if (i + 1 < tour.steps.length) await player.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'Leave the tour' }).click();

  // The editor shows the JSON as text.
  await page.getByRole('button', { name: 'Edit JSON' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('validity')).toBeVisible();
  await expectInert(page, 'editor');
  await page.getByRole('button', { name: 'Edit JSON' }).click();

  // Export: the SVG, read by the browser's strict XML parser, is inert and says every name exactly.
  await page.getByRole('button', { name: 'Share…' }).click();
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const svg = await readFile((await svgDownload.path()) as string, 'utf8');
  const read = await page.evaluate(readSvg, svg);
  expect(read.bad).toEqual([]);
  const view = await page.getByTestId('diagram').getAttribute('data-view');
  expect(read.title).toBe(`${HOSTILE.model.name}: ${view} view`);
  const byId = new Map(read.boxes.map((b) => [b.id, b.title]));
  for (const el of [...hosts, ...vms, ...projects, ...tenantClusters]) {
    const title = byId.get(String(el.id)) ?? '';
    expect(title.startsWith(`${el.name}: `), `${el.id}: ${title}`).toBe(true);
    expect(title.endsWith(`\n${el.description}`), String(el.id)).toBe(true);
  }
  // PNG: the same SVG drawn through an <img>, which runs nothing.
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG (2x)' }).click(),
  ]);
  expect((await readFile((await pngDownload.path()) as string)).subarray(1, 4).toString()).toBe('PNG');
  await expectInert(page, 'export');
});

test('a hostile share link (#model=) and hostile URL parameters', async ({ page }) => {
  await armCanary(page);
  await page.goto(`/?topology=both&select=constructor#model=${hostileShare}`);
  await waitReady(page, 'both');
  await expect(details(page).locator('#details-title')).toHaveJSProperty(
    'textContent',
    field('constructor', 'name'),
  );
  // The first VM of each project: their descriptions are markup that would run if it were parsed.
  for (const p of projects) {
    const vm = (p.vms as { id: string }[] | undefined)?.[0];
    if (vm) await expectDetails(page, vm.id);
  }
  await expectInert(page, 'share link');
  // select, tour and step that try to break out of a CSS selector or an attribute do nothing.
  const evil = `x"],*{display:none}<img src=x onerror=window.__pwned('select')>`;
  await page.goto(
    `/?topology=traditional&select=${encodeURIComponent(evil)}&tour=${encodeURIComponent('<svg onload=alert(1)>')}&step=${encodeURIComponent('1<script>')}#model=${hostileShare}`,
  );
  await waitReady(page, 'traditional');
  await expect(details(page)).toHaveCount(0);
  await expect(page.getByTestId('tour')).toHaveCount(0);
  await expectInert(page, 'hostile parameters');
});

test('a hostile model by ?model= URL, in embed.html (#model=, ?model=, postMessage) and in the web component', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await armCanary(page);
  await page.route('**/__hostile/model.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: hostileText }),
  );
  await page.goto('/?model=/__hostile/model.json&topology=k8s-in-tenant');
  await waitReady(page, 'k8s-in-tenant');
  await expectDetails(page, 'valueOf');
  await expectInert(page, '?model=');

  // Two embeds, steered by their parent; a set message with hostile values is ignored.
  await page.route('**/__hostile/host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><body style="margin:0">
        <iframe id="a" src="/embed.html?model=/__hostile/model.json&topology=both&select=constructor&tour=${tour.id}&step=3" style="width:900px;height:500px;border:0"></iframe>
        <iframe id="b" src="/embed.html?topology=traditional&select=prototype#model=${hostileShare}" style="width:900px;height:500px;border:0"></iframe>
      </body>`,
    }),
  );
  await page.goto('/__hostile/host.html');
  const a = page.frameLocator('#a');
  const b = page.frameLocator('#b');
  await expect(a.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
  await expect(
    b.locator('[data-testid="diagram"][data-ready="true"][data-view="traditional"]'),
  ).toBeVisible();
  await expect(b.locator('#details-title')).toHaveJSProperty('textContent', field('prototype', 'name'));
  expect(await textOf(b.getByTestId('details'))).toContain(field('prototype', 'description'));
  await expect(a.getByTestId('tour').getByRole('heading')).toHaveJSProperty(
    'textContent',
    tour.steps[2]?.title,
  );
  for (const msg of [
    { type: 'stacklayers:set', topology: `<img src=x onerror=window.__pwned('msg')>` },
    { type: 'stacklayers:set', theme: 'dark;background:url(https://evil.example/)' },
    { type: 'stacklayers:set', persona: { toString: 'x' } },
    { type: 'stacklayers:set', topology: 'control-plane-on-k8s' },
  ])
    await page.evaluate(
      (m) => (document.getElementById('b') as HTMLIFrameElement).contentWindow?.postMessage(m, '*'),
      msg,
    );
  await expect(
    b.locator('[data-testid="diagram"][data-ready="true"][data-view="control-plane-on-k8s"]'),
  ).toBeVisible();
  await expect(b.locator('html')).not.toHaveAttribute('data-theme', /evil/);
  await expectInert(page, 'embed.html');

  // The web component: an inline model whose text holds "</script>" (set as text, as a page's DOM would),
  // and a model from model-src with a tour.
  await page.route('**/__hostile/wc.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body>
        <stacklayers-diagram id="inline" topology="both" select="constructor" style="display:block;height:460px"></stacklayers-diagram>
        <stacklayers-diagram id="src" model-src="/__hostile/model.json" topology="k8s-in-tenant" tour="${tour.id}" step="2" style="display:block;height:460px"></stacklayers-diagram>
      </body></html>`,
    }),
  );
  await page.goto('/__hostile/wc.html');
  await page.evaluate((text) => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    (document.getElementById('inline') as HTMLElement).append(script);
  }, hostileText);
  await page.addScriptTag({ url: '/stacklayers-diagram.js', type: 'module' });
  const inline = page.locator('#inline');
  const src = page.locator('#src');
  await expect(inline.locator('[data-testid="diagram"][data-ready="true"][data-view="both"]')).toBeVisible();
  await expect(
    // The tour's step sets the view.
    src.locator(`[data-testid="diagram"][data-ready="true"][data-view="${tour.steps[1]?.view}"]`),
  ).toBeVisible();
  await expect(inline.locator('#details-title')).toHaveJSProperty(
    'textContent',
    field('constructor', 'name'),
  );
  await expect(src.getByTestId('tour').getByRole('heading')).toHaveJSProperty(
    'textContent',
    tour.steps[1]?.title,
  );
  expect(await textOf(src.getByTestId('diagram'))).toContain(String(tenantClusters[0]?.name));
  await expectInert(page, 'web component');
});

test('links that are not http(s) are refused with a plain message; a dropped or pasted hostile model stays text', async ({
  page,
}) => {
  await armCanary(page);
  await page.goto('/?topology=traditional');
  await waitReady(page, 'traditional');
  type Obj = Record<string, unknown>;
  const bad = structuredClone(HOSTILE.model) as Obj & {
    hosts: Obj[];
    services: Obj[];
    tours: { steps: Obj[] }[];
  };
  const targets = BAD_HREFS.filter((h) => h.trim() !== '').slice(0, bad.hosts.length);
  bad.hosts.forEach((h, i) => {
    h.docs = targets[i];
  });
  (bad.services[0] as Obj).docs = 'javascript:window.__pwned("docs")';
  (bad.tours[0]?.steps[0] as Obj).text =
    `See [this](javascript:window.__pwned('tour')) and <img/src=x onerror=window.__pwned('tour-img')>`;
  await page.getByTestId('file-input').setInputFiles({
    name: 'bad-links.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad, null, 2)),
  });
  const problems = page.getByTestId('problems');
  await expect(problems).toBeVisible();
  const text = await textOf(problems);
  for (let i = 0; i < targets.length; i++) expect(text).toContain(`$.hosts[${i}].docs`);
  expect(text).toContain('$.services[0].docs');
  expect(text).toContain('$.tours[0].steps[0].text');
  expect(text).toMatch(/links must be http\(s\) URLs/);
  expect(text).toMatch(/raw HTML is not allowed/);
  // The diagram keeps the last valid model, and no link was made from the refused targets.
  await expect(node(page, 'ctl1')).toBeVisible();
  await expectInert(page, 'refused links');

  // The valid hostile model, dropped on the page as a file, then pasted as text.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(
      new File([text], `"><svg onload=window.__pwned('drop')>.json`, { type: 'application/json' }),
    );
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, hostileText);
  await expect(node(page, 'constructor')).toBeVisible();
  await expectDetails(page, 'constructor');
  await expectInert(page, 'dropped');
  // Pasted: the same model with another payload as the first host's name.
  const pastedName = `<svg><animate onbegin=window.__pwned('paste') attributeName=x dur=1s>`;
  const pasted = structuredClone(HOSTILE.model) as { hosts: { name?: string }[] };
  (pasted.hosts[0] as { name?: string }).name = pastedName;
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, JSON.stringify(pasted));
  await expect(node(page, 'constructor')).toContainText(pastedName);
  await openDetails(page, 'constructor');
  await expect(details(page).locator('#details-title')).toHaveJSProperty('textContent', pastedName);
  await expectInert(page, 'pasted');
});

test('the checks themselves see a payload that ran, injected markup and a polluted prototype', async ({
  page,
  guard,
}) => {
  guard.allow('evil.example'); // the test injects a foreign stylesheet URL, and checks the guard saw it
  await armCanary(page);
  await page.route('**/__hostile/blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><body><p id="p">text</p></body>' }),
  );
  await page.goto('/__hostile/blank.html');
  await expectInert(page, 'a clean page');
  // What the app must never do, done here by the test: markup from a payload, run.
  await page.evaluate((payload) => {
    const p = document.getElementById('p') as HTMLElement;
    p.insertAdjacentHTML('beforeend', payload);
    p.setAttribute('style', 'background:url(https://evil.example/x)');
    (Object.prototype as Record<string, unknown>).polluted = 1;
  }, `<img src=x onerror="window.__pwned('img')"><a href="javascript:alert(1)">x</a>`);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __pwnedCalls: string[] }).__pwnedCalls))
    .toEqual(['__pwned(img)']);
  const problems = (await pageProblems(page)).map((p) => p.replace(/^.*?\.html: /, ''));
  expect(problems).toEqual([
    'canary: __pwned(img)',
    'Object.prototype changed',
    'Object.prototype polluted',
    '<p> style="background:url(https://evil.example/x)"',
    '<img> in the page',
    '<img> src="x"',
    `<img> onerror="window.__pwned('img')"`,
    '<a> href="javascript:alert(1)"',
    'a link to javascript:alert(1)',
  ]);
  await expect.poll(() => guard.foreignRequests).toContain('GET https://evil.example/x');
  await page.evaluate(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });
});
