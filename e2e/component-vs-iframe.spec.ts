import type { CDPSession } from '@playwright/test';
import { expect, type Page, test } from './fixtures';

/**
 * The web component draws in a shadow root, the iframe embed in a page of its own: the same diagram must look
 * and behave the same in both (issue: the component's switches showed their knob on the wrong side, had no
 * focus ring, and its labels fell back to another font). One host page holds both, side by side at one size.
 */

/** The built web component (the "pack" work moves it to the build's root). */
const COMPONENT = '/stacklayers-diagram.js';
const SIZE = 'width:620px;height:560px';

async function openBoth(page: Page, theme: 'light' | 'dark') {
  await page.route('**/__both.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Both</title></head><body style="margin:8px;font-family:serif">
        <p><a id="before" href="#before">Before the diagrams</a></p>
        <div style="display:flex;gap:8px">
          <iframe id="f" title="Stacklayers (iframe)" src="/embed.html?topology=both&theme=${theme}" style="${SIZE};border:0"></iframe>
          <stacklayers-diagram id="wc" topology="both" theme="${theme}" style="display:block;${SIZE}"></stacklayers-diagram>
        </div>
        <p><a id="after" href="#after">After the diagrams</a></p>
        <script type="module" src="${COMPONENT}"></script>
      </body></html>`,
    }),
  );
  await page.goto('/__both.html');
  const ready = '[data-testid="diagram"][data-ready="true"][data-view="both"]';
  await expect(page.frameLocator('#f').locator(ready)).toBeVisible();
  await expect(page.locator(`#wc ${ready}`)).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page
    .frameLocator('#f')
    .locator('body')
    .evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Runs `fn` on the root of each embed (the iframe's document, the component's shadow root), both in the page:
 * the iframe is on the same origin.
 */
async function inBoth<T>(page: Page, fn: string): Promise<{ iframe: T; component: T }> {
  return page.evaluate((source) => {
    const run = new Function('root', `return (${source})(root)`) as (root: Document | ShadowRoot) => T;
    const frame = document.getElementById('f') as HTMLIFrameElement;
    const wc = document.getElementById('wc') as HTMLElement;
    return {
      iframe: run(frame.contentDocument as Document),
      component: run(wc.shadowRoot as ShadowRoot),
    };
  }, fn);
}

/** Where the keyboard focus is, through the iframe and the shadow root, and what its ring looks like. */
const focusInfo = (page: Page) =>
  page.evaluate(() => {
    let where = 'page';
    let el: Element | null = document.activeElement;
    if (el instanceof HTMLIFrameElement) {
      where = 'iframe';
      el = el.contentDocument?.activeElement ?? null;
    } else if (el?.shadowRoot) {
      where = 'component';
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body || el.tagName === 'BODY') return { where, what: 'body', ring: false };
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || s.boxShadow !== 'none';
    const what = el.getAttribute('data-id') ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return {
      where,
      what: `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${what.slice(0, 60)}`,
      ring,
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
    };
  });

/** The knob of each view switch: its offset in its track, and whether the switch says it is on. */
const KNOBS = `(root) => [...root.querySelectorAll('[role="switch"]')].map((sw) => {
  const track = sw.querySelector('span[aria-hidden="true"]').getBoundingClientRect();
  const knob = sw.querySelector('span[aria-hidden="true"] > span').getBoundingClientRect();
  return { on: sw.getAttribute('aria-checked') === 'true', offset: Math.round(knob.left - track.left) };
})`;

/** The labels drawn cut short with an ellipsis: element id and class of the text. */
const TRUNCATED = `(root) => [...root.querySelectorAll('.sl-el *')]
  .filter((el) => el.children.length === 0 && el.scrollWidth > el.clientWidth + 0.5 && getComputedStyle(el).textOverflow === 'ellipsis')
  .map((el) => el.closest('.sl-el').getAttribute('data-id') + ' ' + el.className)
  .sort()`;

for (const theme of ['light', 'dark'] as const) {
  test(`the component and the iframe draw the same (${theme}): switches, focus rings, font, truncated labels`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await openBoth(page, theme);

    // Switches: both on in this view, the knob on the right; the same offsets in both embeds.
    const on = await inBoth<{ on: boolean; offset: number }[]>(page, KNOBS);
    expect(on.component).toEqual(on.iframe);
    expect(on.component.map((k) => k.on)).toEqual([true, true]);
    for (const k of on.component) expect(k.offset).toBeGreaterThan(10);
    // One switch off, in both: its knob moves to the left, alike.
    await page.frameLocator('#f').getByRole('switch', { name: 'Kubernetes in a tenant project' }).click();
    await page.locator('#wc').getByRole('switch', { name: 'Kubernetes in a tenant project' }).click();
    const ready = '[data-testid="diagram"][data-ready="true"][data-view="control-plane-on-k8s"]';
    await expect(page.frameLocator('#f').locator(ready)).toBeVisible();
    await expect(page.locator(`#wc ${ready}`)).toBeVisible();
    await expect
      .poll(async () => (await inBoth<{ on: boolean }[]>(page, KNOBS)).component[1]?.on)
      .toBe(false);
    // The knob glides (when motion is welcome): compare where it comes to rest.
    await page.waitForTimeout(400);
    const off = await inBoth<{ on: boolean; offset: number }[]>(page, KNOBS);
    expect(off.component).toEqual(off.iframe);
    expect(off.component[1]?.offset).toBeLessThan(5);

    // Focus rings: Tab through both embeds; each control and the diagram show a ring, the same in both.
    const stops: Awaited<ReturnType<typeof focusInfo>>[] = [];
    await page.locator('#before').focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const info = await focusInfo(page);
      stops.push(info);
      if (info.what.includes('After the diagrams')) break;
    }
    const seen = stops.map((s) => `${s.where} ${s.what}`);
    // Each embed: its two switches, then its diagram, one Tab stop; then the page goes on.
    expect(seen.map((s) => s.replace(/:.*/, ''))).toEqual([
      'iframe switch',
      'iframe switch',
      'iframe group',
      'component switch',
      'component switch',
      'component group',
      'page a',
    ]);
    for (const s of stops) expect(s.ring, `focus ring on ${s.where} ${s.what}: ${s.outline}`).toBe(true);
    const ringOf = (where: string, kind: string) =>
      stops.find((s) => s.where === where && s.what.startsWith(kind))?.outline;
    expect(ringOf('component', 'switch')).toBe(ringOf('iframe', 'switch'));
    expect(ringOf('component', 'group')).toBe(ringOf('iframe', 'group'));

    // The font: Inter draws the labels in both (the component registers it on the page's document).
    const interLoaded = await page.evaluate(() =>
      [...document.fonts].some(
        (f) => f.family.replaceAll('"', '') === 'Inter Variable' && f.status === 'loaded',
      ),
    );
    expect(interLoaded).toBe(true);
    const client = await page.context().newCDPSession(page);
    const fonts = {
      iframe: await fontsUsed(
        client,
        `document.getElementById('f').contentDocument.querySelector('.sl-el[data-id="ctl1"] .sl-host__name')`,
      ),
      component: await fontsUsed(
        client,
        `document.getElementById('wc').shadowRoot.querySelector('.sl-el[data-id="ctl1"] .sl-host__name')`,
      ),
    };
    expect(fonts.iframe).toEqual([expect.stringMatching(/^Inter/)]);
    expect(fonts.component).toEqual(fonts.iframe);

    // The same labels are cut short (…) in both: same font, same boxes.
    const truncated = await inBoth<string[]>(page, TRUNCATED);
    expect(truncated.component).toEqual(truncated.iframe);
  });
}

/** The platform fonts Chromium used to draw the text of the node an expression finds. */
async function fontsUsed(client: CDPSession, expression: string): Promise<string[]> {
  await client.send('DOM.enable');
  await client.send('CSS.enable');
  await client.send('DOM.getDocument', { depth: -1, pierce: true });
  const { result } = await client.send('Runtime.evaluate', { expression });
  if (!result.objectId) throw new Error(`nothing found by ${expression}`);
  const { nodeId } = await client.send('DOM.requestNode', { objectId: result.objectId });
  // The text node inside the element carries the runs of glyphs.
  const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts.map((f) => f.familyName);
}

test('Esc from the details returns the focus to the element inside the component, not <body>', async ({
  page,
}) => {
  await openBoth(page, 'light');
  const wc = page.locator('#wc');
  // Into the component's diagram with the keyboard: its switches, then the diagram.
  await wc.getByRole('switch').first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  const active = () =>
    page.evaluate(() => {
      const el = document.getElementById('wc')?.shadowRoot?.activeElement;
      return el?.closest('.sl-el')?.getAttribute('data-id') ?? el?.tagName ?? null;
    });
  const id = await active();
  expect(id).toMatch(/./);
  expect(id).not.toBe('BODY');
  await page.keyboard.press('Enter');
  const details = wc.getByTestId('details');
  await expect(details).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => document.getElementById('wc')?.shadowRoot?.activeElement?.tagName ?? null),
    )
    .toBe('H2');
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect.poll(active).toBe(id);
  const ring = await focusInfo(page);
  expect(ring).toMatchObject({ where: 'component', ring: true });
});
