// Helpers for e2e/xss.spec.ts: the hostile model, the canary and the checks that a page stayed inert.
import { readFileSync } from 'node:fs';
import type { Frame } from '@playwright/test';
import { encodeShare } from '../src/model/share';
import { hostileModel } from '../src/testing/hostile';
import { expect, type Locator, type Page } from './fixtures';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

/** The default model and tours with a payload in every string field (see src/testing/hostile.ts). */
export const HOSTILE = hostileModel(
  read('../public/models/default.json'),
  read('../public/tours/default.json'),
);
export const hostileText = `${JSON.stringify(HOSTILE.model, null, 2)}\n`;
/** The `#model=` payload of a share link to the hostile model. */
export const hostileShare = encodeShare(JSON.stringify(HOSTILE.model));

type Obj = Record<string, unknown>;
const m = HOSTILE.model as Obj;
const list = (v: unknown) => (Array.isArray(v) ? (v as Obj[]) : []);
export const hosts = list(m.hosts);
export const projects = list(m.projects);
export const vms = projects.flatMap((p) => list(p.vms));
export const tenantClusters = list(m.tenantClusters);
export const operatorCluster = m.operatorCluster as Obj;
const services = list(m.services);
const processes = services.flatMap((s) => list(s.processes));
export const tour = list(m.tours)[0] as Obj & { id: string; title: string; steps: Obj[] };
/** The hostile value of a field of an element, by id. */
export function field(id: string, key: string): string {
  const all = [
    ...hosts,
    ...projects,
    ...vms,
    ...projects.flatMap((p) => [...list(p.networks), ...list(p.loadBalancers), ...list(p.volumes)]),
    ...tenantClusters,
    operatorCluster,
    ...services,
    ...processes,
  ];
  const el = all.find((e) => e.id === id);
  if (!el || typeof el[key] !== 'string') throw new Error(`no ${key} on ${id}`);
  return el[key] as string;
}

/**
 * Defines the canary in every frame before any script runs: `window.__pwned`, and alert/confirm/prompt,
 * record that they were called. Also remembers Object.prototype's own keys, to see later that no key
 * of a model reached it.
 */
export async function armCanary(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const calls: string[] = [];
    const w = window as unknown as Record<string, unknown>;
    const trip =
      (what: string) =>
      (...args: unknown[]) => {
        calls.push(`${what}(${args.map(String).join(', ')})`);
        return null;
      };
    Object.defineProperty(w, '__pwnedCalls', { value: calls });
    Object.defineProperty(w, '__pwned', { value: trip('__pwned') });
    w.alert = trip('alert');
    w.confirm = trip('confirm');
    w.prompt = trip('prompt');
    Object.defineProperty(w, '__protoKeys', {
      value: Object.getOwnPropertyNames(Object.prototype).sort().join(),
    });
  });
}

/** What in a frame shows that a payload did something. Runs in the page. */
function problemsInFrame(): string[] {
  const w = window as unknown as { __pwnedCalls?: string[]; __protoKeys?: string };
  const bad: string[] = [...(w.__pwnedCalls ?? []).map((c) => `canary: ${c}`)];
  if (w.__pwnedCalls === undefined) bad.push('the canary is not armed');
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== w.__protoKeys)
    bad.push('Object.prototype changed');
  if (({} as Record<string, unknown>).polluted !== undefined) bad.push('Object.prototype polluted');
  if (getComputedStyle(document.body).display === 'none') bad.push('body hidden by injected CSS');
  const FORBIDDEN = new Set([
    'object',
    'embed',
    'frame',
    'frameset',
    'math',
    'mglyph',
    'foreignobject',
    'base',
    'form',
    'img',
    'meta',
    'link',
    'style',
  ]);
  const LINKS = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'poster',
    'background',
  ]);
  const visit = (root: Document | ShadowRoot, inBody: (el: Element) => boolean) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName.toLowerCase();
      // The app's own <style> (the web component's shadow root) and <head> are not model text.
      const own =
        !inBody(el) ||
        (tag === 'style' && !/pwned|evil\.example/.test(el.textContent ?? '')) ||
        // CodeMirror's own spacer around its widgets: an <img> with no source.
        (tag === 'img' && el.className === 'cm-widgetBuffer' && !el.hasAttribute('src'));
      if (FORBIDDEN.has(tag) && !own) bad.push(`<${tag}> in the page`);
      if (
        tag === 'script' &&
        !(el as HTMLScriptElement).src &&
        (el as HTMLScriptElement).type !== 'application/json'
      )
        if (/pwned|alert\(/.test(el.textContent ?? '')) bad.push(`an inline <script> with a payload`);
      for (const a of el.attributes) {
        const name = a.name.toLowerCase();
        const value = a.value.trim();
        if (name.startsWith('on')) bad.push(`<${tag}> ${name}="${value}"`);
        if (name === 'srcdoc') bad.push(`<${tag}> srcdoc`);
        if (
          LINKS.has(name) &&
          !/^(https?:\/\/|blob:|#|\/(?!\/)|\.\/|[a-z0-9_-]+\.(js|css|svg|json|html)(\?|#|$))/i.test(value)
        )
          bad.push(`<${tag}> ${name}="${value}"`);
        if (name === 'style' && /url\(|expression|evil|pwned/i.test(value))
          bad.push(`<${tag}> style="${value}"`);
      }
      if (el.shadowRoot) visit(el.shadowRoot, () => true);
    }
  };
  visit(document, (el) => document.body.contains(el));
  for (const a of document.querySelectorAll('a[href]')) {
    const href = (a as HTMLAnchorElement).href;
    if (!/^(https?|blob):/.test(href)) bad.push(`a link to ${href}`);
  }
  return bad;
}

/** What each frame of the page shows of a payload that ran, a changed Object.prototype or injected markup. */
export async function pageProblems(page: Page): Promise<string[]> {
  const frames: Frame[] = page.frames();
  const out: string[] = [];
  for (const frame of frames) {
    if (frame.url() === 'about:blank') continue;
    for (const p of await frame.evaluate(problemsInFrame)) out.push(`${frame.url()}: ${p}`);
  }
  return out;
}

/** Asserts that no frame of the page ran a payload, changed Object.prototype or holds injected markup. */
export async function expectInert(page: Page, where: string): Promise<void> {
  expect(await pageProblems(page), where).toEqual([]);
}

/** The exact text of an element (no white-space normalisation: tabs, RLO and zero-width characters count). */
export const textOf = (locator: Locator): Promise<string> => locator.evaluate((el) => el.textContent ?? '');

/**
 * The downloaded SVG, parsed by the browser's strict XML parser: what it finds that is not plain
 * drawing, its title, and each box's id and tooltip. Runs in the page.
 */
export function readSvg(svg: string) {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const bad: string[] = [];
  if (doc.getElementsByTagName('parsererror').length > 0) bad.push('not well-formed XML');
  const allowed = new Set(['svg', 'title', 'desc', 'g', 'rect', 'path', 'circle', 'text', 'tspan']);
  for (const el of doc.querySelectorAll('*')) {
    if (!allowed.has(el.localName)) bad.push(`<${el.localName}>`);
    for (const a of el.attributes)
      if (/^on|href$/i.test(a.name) || (!a.name.startsWith('data-') && /url\(|javascript:/i.test(a.value)))
        bad.push(`<${el.localName} ${a.name}="${a.value}">`);
  }
  const boxes = [...doc.querySelectorAll('g[data-id]')].map((g) => ({
    id: g.getAttribute('data-id') ?? '',
    title: g.querySelector(':scope > title')?.textContent ?? '',
  }));
  return { bad, title: doc.querySelector('svg > title')?.textContent ?? '', boxes };
}
