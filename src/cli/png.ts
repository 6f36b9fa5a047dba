import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BrowserType } from '@playwright/test';
import { InputError, safeText } from './args';
import { CHROMIUM_ARGS } from './chromium';

/** The font file PNG export draws with (the layout measures text for Inter). */
const INTER_FILE = 'inter-latin-wght-normal.woff2';

/** PNG export cannot run here: no Playwright or no Chromium. The message says what to do instead. */
class NoChromiumError extends InputError {
  override name = 'NoChromiumError';
  constructor(
    reason: string,
    install = 'install chromium (apt-get install chromium, or npx playwright install chromium)',
  ) {
    super(
      `PNG export needs Chromium, and ${reason}. Use --format svg (no browser needed), or ${install} ` +
        'or set $CHROMIUM_PATH to a Chromium.',
    );
  }
}

/** Chromium started but could not draw this image (too large, timed out): exit 1 with the reason. */
class PngError extends InputError {
  override name = 'PngError';
}

/** The largest PNG drawn, in device pixels: bigger ones take Chromium minutes or fail. */
const MAX_PNG_PIXELS = 50_000_000;

/** The Chromium to launch: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own (undefined). */
function chromiumPath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new NoChromiumError(`$CHROMIUM_PATH (${safeText(fromEnv)}) does not exist`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Playwright's Chromium launcher: playwright-core (lighter), else the one of @playwright/test. */
async function loadChromium(): Promise<BrowserType> {
  for (const name of ['playwright-core', '@playwright/test']) {
    try {
      const mod = (await import(name)) as { chromium?: BrowserType };
      if (mod.chromium) return mod.chromium;
    } catch {
      // not installed (e.g. `npm install --omit=dev`): try the next one
    }
  }
  throw new NoChromiumError(
    'Playwright, which drives it, is not installed',
    'npm install playwright-core and install chromium (apt-get install chromium)',
  );
}

/** Inter's Latin subset: next to the built CLI (`dist/lib/`, copied by vite.node.config.ts), else installed. */
function interFontFile(): string {
  const beside = fileURLToPath(new URL(`./${INTER_FILE}`, import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(`@fontsource-variable/inter/files/${INTER_FILE}`);
}

/** The bundled Inter (the font the layout measures text for) as a data URL, if it is there. */
function interFontFace(): string {
  try {
    const file = interFontFile();
    const url = `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
    return ['Inter Variable', 'Inter']
      .map(
        (family) =>
          `@font-face{font-family:'${family}';font-style:normal;font-weight:100 900;font-display:block;src:url(${url}) format('woff2')}`,
      )
      .join('');
  } catch {
    return '';
  }
}

/** The first line of an error's message (Playwright's go on with a call log). */
function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n').find((l) => l.trim()) ?? '').trim();
}

/** The pixel size an SVG document declares on its root element (width/height, else its viewBox). */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
  let width = Number.parseFloat(attr('width') ?? '');
  let height = Number.parseFloat(attr('height') ?? '');
  if (!(width > 0 && height > 0)) {
    const box = (attr('viewBox') ?? '')
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    width = box[2] ?? Number.NaN;
    height = box[3] ?? Number.NaN;
  }
  if (!(width > 0 && height > 0)) throw new Error('the SVG declares no size');
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/**
 * Renders an SVG document to PNG in headless Chromium at `scale` device pixels per px: a screenshot of exactly
 * the SVG's size. The page is offline (every request is refused) and runs no script of its own.
 */
export async function svgToPng(
  svg: string,
  options: { env: Readonly<Record<string, string | undefined>>; scale?: number },
): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  const { width, height } = svgSize(svg);
  const pixels = width * scale * height * scale;
  if (pixels > MAX_PNG_PIXELS)
    throw new PngError(
      `the PNG would be ${width * scale}×${height * scale} px (${Math.round(pixels / 1e6)} megapixels; the limit is ` +
        `${MAX_PNG_PIXELS / 1e6}): write SVG instead, or fold the diagram with --collapsed`,
    );
  const executablePath = chromiumPath(options.env);
  const chromium = await loadChromium();
  let browser: Awaited<ReturnType<BrowserType['launch']>>;
  try {
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: [...CHROMIUM_ARGS],
      headless: true,
      timeout: 30_000,
    });
  } catch (err) {
    throw new NoChromiumError(`it could not be started (${safeText(firstLine(err).replace(/^.*?: /, ''))})`);
  }
  try {
    const context = await browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: scale,
      javaScriptEnabled: false,
      offline: true,
    });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>${interFontFace()}` +
        'html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head>' +
        `<body>${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`,
      { waitUntil: 'load' },
    );
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.screenshot({
      clip: { x: 0, y: 0, width, height },
      type: 'png',
      omitBackground: true,
      timeout: 60_000,
    });
  } catch (err) {
    throw new PngError(`Chromium could not draw the PNG: ${safeText(firstLine(err))}`);
  } finally {
    await browser.close();
  }
}
