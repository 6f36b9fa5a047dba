import { readFileSync } from 'node:fs';
import { expect, type Page, test, waitReady } from './fixtures';

/**
 * Every step of the built-in tour shows what it speaks of, at a phone's size (with touch) and at three
 * desktop sizes: each element the step highlights or focuses is on screen, and no overlay (the tour's card,
 * the zoom controls) covers it, checked by sampling points of its box with elementFromPoint; and the card's
 * text is not clipped.
 */

interface Step {
  title: string;
  focus?: string[];
  highlight?: string[];
  fail?: string[];
}
const TOURS = JSON.parse(readFileSync(new URL('../public/tours/default.json', import.meta.url), 'utf8')) as {
  id: string;
  steps: Step[];
}[];
const TOUR = TOURS[0] as { id: string; steps: Step[] };

const SIZES = [
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'projector', width: 1024, height: 768, touch: false },
  { name: 'laptop', width: 1280, height: 720, touch: false },
  { name: 'full HD', width: 1920, height: 1080, touch: false },
] as const;

/** For each id: whether its box is inside the diagram's box and what covers any of its sample points. */
async function coverage(page: Page, ids: readonly string[]) {
  return page.evaluate((ids) => {
    const canvas = document.querySelector('[data-testid="diagram"]');
    if (!canvas) throw new Error('no diagram');
    const c = canvas.getBoundingClientRect();
    return ids.map((id) => {
      const el = canvas.querySelector(`.sl-el[data-id="${CSS.escape(id)}"]`);
      if (!el) return { id, problem: 'not drawn' };
      const r = el.getBoundingClientRect();
      const onScreen =
        r.width > 0 &&
        r.left >= c.left - 1 &&
        r.top >= c.top - 1 &&
        r.right <= c.right + 1 &&
        r.bottom <= c.bottom + 1;
      if (!onScreen)
        return {
          id,
          problem: `off screen: box ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)} in ${Math.round(c.left)},${Math.round(c.top)} ${Math.round(c.width)}x${Math.round(c.height)}`,
        };
      // A 5x5 grid of points inside the box (2 px in from its edges).
      for (let i = 0; i < 5; i++)
        for (let j = 0; j < 5; j++) {
          const x = r.left + 2 + ((r.width - 4) * i) / 4;
          const y = r.top + 2 + ((r.height - 4) * j) / 4;
          const hit = document.elementFromPoint(x, y);
          const cover = hit?.closest('[data-tour-overlay], .react-flow__controls, .react-flow__minimap');
          if (!hit || !canvas.contains(hit) || cover)
            return {
              id,
              problem: `covered at ${Math.round(x)},${Math.round(y)} by ${cover?.getAttribute('data-testid') ?? cover?.className ?? hit?.tagName ?? 'nothing'}`,
            };
        }
      return { id, problem: null };
    });
  }, ids);
}

/** Whether any text of the tour's card is cut: an element whose content overflows it. */
async function clippedText(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('[data-testid="tour"]');
    if (!card) return ['no card'];
    const out: string[] = [];
    if (card.scrollHeight > card.clientHeight + 1)
      out.push(`card overflows: ${card.scrollHeight} > ${card.clientHeight}`);
    if (card.scrollWidth > card.clientWidth + 1) out.push('card overflows sideways');
    for (const el of card.querySelectorAll('h2, button, p, legend, span')) {
      const h = el as HTMLElement;
      if (h.classList.contains('sr-only')) continue; // a visually hidden label, for screen readers
      if (h.closest('[data-testid="tour-text"]') && card.getAttribute('data-placement') === 'sheet') continue; // the sheet clamps the text, with a More button (checked below)
      if (h.scrollWidth > h.clientWidth + 1 && getComputedStyle(h).overflow !== 'visible')
        out.push(`cut: ${h.tagName} ${h.textContent?.slice(0, 40)}`);
    }
    return out;
  });
}

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}${size.touch ? ' (touch)' : ''}`, () => {
    test.use({
      viewport: { width: size.width, height: size.height },
      hasTouch: size.touch,
      isMobile: size.touch,
      reducedMotion: 'reduce',
    });

    test(`every step of the built-in tour shows what it speaks of, uncovered (${size.name})`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await page.goto(`/?tour=${TOUR.id}&step=1`);
      const card = page.getByTestId('tour');
      for (const [i, step] of TOUR.steps.entries()) {
        await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(i + 1));
        await waitReady(page);
        await expect(page.locator('[data-tour-framed="true"]')).toHaveCount(1);
        const ids = [...new Set([...(step.focus ?? []), ...(step.highlight ?? [])])];
        const problems = (await coverage(page, ids)).filter((c) => c.problem);
        expect(problems, `step ${i + 1} "${step.title}"`).toEqual([]);
        expect(await clippedText(page), `step ${i + 1} "${step.title}": text cut`).toEqual([]);
        // Each highlighted element is marked, and what the step does not speak of is dimmed.
        for (const id of step.highlight ?? [])
          await expect(page.locator(`.sl-el[data-id="${id}"]`)).toHaveClass(/sl-tour-hl/);
        if (ids.length > 0) await expect(page.locator('.sl-el.sl-dim').first()).toBeAttached();
        if (size.touch) {
          await expect(page.getByTestId('tour-hint')).toContainText('Swipe');
          // The sheet's whole text, once opened, fits it, and the step is framed again around it.
          const more = card.getByRole('button', { name: 'More' });
          if (await more.isVisible()) {
            await more.click();
            await expect(page.locator('[data-tour-framed="true"]')).toHaveCount(1);
            const clipped = await page.evaluate(() => {
              const c = document.querySelector('[data-testid="tour"]');
              return c ? c.scrollHeight > c.clientHeight + 1 : true;
            });
            expect(clipped, `step ${i + 1}: the opened sheet shows all its text`).toBe(false);
            const again = (await coverage(page, ids)).filter((c) => c.problem);
            expect(again, `step ${i + 1} with the sheet open`).toEqual([]);
          }
        }
        if (i + 1 < TOUR.steps.length) {
          if (size.touch) await card.getByRole('button', { name: 'Next' }).tap();
          else await page.keyboard.press('ArrowRight');
        }
      }
    });
  });
}

test('without reduced motion the view glides to the step, and lands on the same frame', async ({ page }) => {
  await page.goto(`/?tour=${TOUR.id}&step=7`);
  await waitReady(page, 'control-plane-on-k8s');
  await expect(page.locator('[data-tour-framed="true"]')).toHaveCount(1);
  const ids = TOUR.steps[6]?.highlight ?? [];
  expect((await coverage(page, ids)).filter((c) => c.problem)).toEqual([]);
});
