import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCollapsed, layoutScene } from '../../layout/layoutScene';
import { textWidth } from '../../layout/text';
import { generateModel } from '../../model/generate';
import type { Model } from '../../model/schema';
import { validateModel } from '../../model/validate';
import { defaultJsonCopy, defaultModel } from '../../testing/fixtures';
import {
  expectInert,
  expectInertTree,
  parseXml,
  shownTexts,
  textOf,
  walk,
  type XmlElement,
} from '../../testing/xml';
import { deriveScene } from '../../topology/deriveScene';
import { VIEWS } from '../../topology/views';
import { escapeXml, SVG_PALETTES, type SvgTheme, sceneToSvg } from './index';

// --- sceneToSvg. ---

const model = defaultModel();
const THEMES: readonly SvgTheme[] = ['light', 'dark'];

const render = (m: Model, view: (typeof VIEWS)[number], theme: SvgTheme = 'light') =>
  sceneToSvg(layoutScene(deriveScene(m, view)), theme);

describe.each(VIEWS)('sceneToSvg(default, %s)', (view) => {
  const layout = layoutScene(deriveScene(model, view));

  describe.each(THEMES)('%s', (theme) => {
    const svg = sceneToSvg(layout, theme);
    const root = parseXml(svg);
    const shown = shownTexts(root);
    const hasText = (s: string) => shown.some((t) => t.includes(s));

    it('is one well-formed, standalone <svg> with title and desc', () => {
      expect(root.name).toBe('svg');
      expect(root.attrs).toMatchObject({
        xmlns: 'http://www.w3.org/2000/svg',
        viewBox: `0 0 ${layout.width} ${layout.height}`,
        width: String(layout.width),
        height: String(layout.height),
        role: 'img',
        'aria-labelledby': 't d',
        'font-family': "Inter, 'Helvetica Neue', Arial, sans-serif",
      });
      const [title, desc] = root.children.filter((c): c is XmlElement => typeof c !== 'string');
      expect(title?.name).toBe('title');
      expect(title?.attrs.id).toBe('t');
      expect(textOf(title as XmlElement)).toBe(`Small cloud: ${view} view`);
      expect(desc?.name).toBe('desc');
      expect(desc?.attrs.id).toBe('d');
      const hosts = model.hosts.length;
      expect(textOf(desc as XmlElement)).toContain(`${hosts} hosts`);
      const clusters = {
        traditional: 'no Kubernetes cluster',
        'control-plane-on-k8s': "1 Kubernetes cluster (the operator's)",
        'k8s-in-tenant': "1 Kubernetes cluster (a tenant's)",
        both: "2 Kubernetes clusters (the operator's and a tenant's)",
      }[view];
      expect(textOf(desc as XmlElement)).toContain(`11 VMs in 3 projects and ${clusters}.`);
    });

    it('draws every box as a <g data-id data-kind>, in layout order', () => {
      const groups = [...walk(root)].filter((e) => e.attrs['data-id'] !== undefined);
      expect(groups.map((g) => g.name)).toEqual(layout.boxes.map(() => 'g'));
      expect(groups.map((g) => [g.attrs['data-id'], g.attrs['data-kind']])).toEqual(
        layout.boxes.map((b) => [b.id, b.kind]),
      );
      for (const g of groups) expect(g.children[0]).toMatchObject({ name: 'title' });
      expect(
        root.children.filter((c) => typeof c !== 'string' && c.name === 'g' && c.attrs['data-band']),
      ).toHaveLength(layout.bands.length);
      expect([...walk(root)].filter((e) => e.attrs['data-edge'] !== undefined)).toHaveLength(
        layout.edges.length,
      );
    });

    it('shows the labels as text', () => {
      for (const h of model.hosts) expect(hasText(h.name ?? h.id)).toBe(true);
      for (const label of ['keystone-api', 'nova-compute', 'web-1', 'm1.small · kvm1', 'acme-web', 'PROJECT'])
        expect(hasText(label), label).toBe(true);
      for (const band of layout.bands) {
        expect(hasText(band.label.toUpperCase())).toBe(true);
        expect(hasText(band.sublabel)).toBe(true);
      }
      expect(hasText('undercloud')).toBe(layout.scene.flags.controlPlaneOnK8s);
      expect(hasText("operator's Kubernetes")).toBe(layout.scene.flags.controlPlaneOnK8s);
      expect(hasText('prod-k8s')).toBe(true); // the VMs prod-k8s-cp-0... in every view
      expect(hasText("tenant's Kubernetes")).toBe(layout.scene.flags.k8sInTenant);
      if (layout.scene.flags.k8sInTenant) {
        expect(shown).toContain("prod-k8s tenant's Kubernetes cluster-api · project acme-platform");
        expect(hasText('control plane')).toBe(true);
        expect(hasText('worker')).toBe(true);
      }
    });

    it('fits every label of the default model whole, as the app does', () => {
      expect(shown.filter((t) => t.includes('…'))).toEqual([]);
    });

    it('contains nothing that runs, links or loads', () => {
      expectInert(svg);
      expectInertTree(root);
    });

    it('uses the palette of its theme', () => {
      const p = SVG_PALETTES[theme];
      const canvas = root.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'rect');
      expect(canvas?.attrs.fill).toBe(p.canvas);
      expect(svg).toContain(`fill="${p.band.hardware.bg}"`);
      expect(svg).toContain(`fill="${p.tone['control-plane'].bg}"`);
    });
  });

  it('is deterministic', () => {
    expect(sceneToSvg(layoutScene(deriveScene(model, view)), 'light')).toBe(sceneToSvg(layout, 'light'));
  });

  it('differs between light and dark only in colours', () => {
    const light = sceneToSvg(layout, 'light');
    const dark = sceneToSvg(layout, 'dark');
    expect(light).not.toBe(dark);
    expect(light).toContain('<rect width="');
    expect(light).toContain(`fill="${SVG_PALETTES.light.canvas}"`);
    expect(dark).toContain(`fill="${SVG_PALETTES.dark.canvas}"`);
    const shape = (s: string) => s.replace(/#[0-9a-f]{6}/g, '#').replace(/data-theme="\w+"/, '');
    expect(shape(dark)).toBe(shape(light));
  });

  it('auto: the same drawing, every colour a custom property set for light and for dark', () => {
    const light = sceneToSvg(layout, 'light');
    const auto = sceneToSvg(layout, 'auto');
    const style = /<style>([^<]*)<\/style>\n/.exec(auto);
    expect(style).not.toBeNull();
    const [lightRule, darkRule] = (style?.[1] ?? '').split('@media (prefers-color-scheme: dark)');
    const defined = (rule = '') =>
      new Map([...rule.matchAll(/(--sl-[\w-]+):(#[0-9a-f]{6})/g)].map((m) => [m[1], m[2]]));
    const [lightVars, darkVars] = [defined(lightRule), defined(darkRule)];
    const used = new Set([...auto.matchAll(/var\((--sl-[\w-]+)\)/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) {
      expect(lightVars.has(name), name).toBe(true);
      expect(darkVars.has(name), name).toBe(true);
    }
    expect(lightVars.get('--sl-canvas')).toBe(SVG_PALETTES.light.canvas);
    expect(darkVars.get('--sl-canvas')).toBe(SVG_PALETTES.dark.canvas);
    expect(darkVars.get('--sl-band-hardware')).toBe(SVG_PALETTES.dark.band.hardware.bg);
    // Outside its style, no fixed colour: the document is the light one with each colour a variable.
    const body = auto.replace(style?.[0] ?? '', '');
    expect(body).not.toMatch(/#[0-9a-f]{6}/);
    const shape = (s: string) =>
      s.replace(/#[0-9a-f]{6}|var\(--sl-[\w-]+\)/g, '#').replace(/data-theme="\w+"/, '');
    expect(shape(body)).toBe(shape(light));
    expectInert(body);
  });
});

describe('sceneToSvg options and details', () => {
  const layout = layoutScene(deriveScene(model, 'both'));

  it('takes a title and description', () => {
    const root = parseXml(sceneToSvg(layout, 'dark', { title: 'A & B', description: 'Says <what>.' }));
    expect(textOf(root.children.find((c) => typeof c !== 'string' && c.name === 'title') as XmlElement)).toBe(
      'A & B',
    );
    expect(textOf(root.children.find((c) => typeof c !== 'string' && c.name === 'desc') as XmlElement)).toBe(
      'Says <what>.',
    );
  });

  it('draws pods as pills, amphorae and the operator project dashed, the two Kubernetes in their colours', () => {
    const root = parseXml(sceneToSvg(layout, 'light'));
    const group = (id: string) => {
      const g = [...walk(root)].find((e) => e.attrs['data-id'] === id);
      if (!g) throw new Error(`no box ${id}`);
      return [...walk(g)].filter((e) => e.name === 'rect');
    };
    const p = SVG_PALETTES.light;
    const frame = (id: string) => group(id)[0]?.attrs ?? {};
    expect(Number(frame('keystone-api@ctl1').rx)).toBeGreaterThan(5); // a pod of the control plane: a pill
    expect(frame('keystone-api@ctl1').fill).toBe(p.tone['control-plane'].bg);
    expect(frame('shop-frontend#0').fill).toBe(p.tone.tenant.bg);
    expect(Number(frame('shop-frontend#0').rx)).toBeGreaterThan(5);
    expect(frame('undercloud').stroke).toBe(p.op.border);
    expect(frame('prod-k8s').stroke).toBe(p.tn.border);
    expect(frame('web-1')['stroke-dasharray']).toBeUndefined();
    const amphora = layout.scene.elements.find((e) => e.kind === 'vm' && e.amphoraOf.length > 0);
    expect(amphora).toBeDefined();
    expect(frame(amphora?.id ?? '')['stroke-dasharray']).toBeDefined();
    const serviceProject = layout.scene.elements.find((e) => e.kind === 'project' && e.owner === 'operator');
    expect(frame(serviceProject?.id ?? '')['stroke-dasharray']).toBeDefined();
    const traditional = parseXml(render(model, 'traditional'));
    const chip = [...walk(traditional)].find((e) => e.attrs['data-id'] === 'keystone-api@ctl1');
    expect(Number(chip && [...walk(chip)].find((e) => e.name === 'rect')?.attrs.rx)).toBeLessThan(3); // a container
  });

  it('shows folded summaries for collapsed hosts, projects and clusters', () => {
    const scene = deriveScene(model, 'both');
    const collapsed = new Set(['ctl1', 'acme-web', 'prod-k8s', 'undercloud']);
    const svg = parseXml(sceneToSvg(layoutScene(scene, { collapsed }), 'light'));
    const shown = shownTexts(svg);
    expect(shown.some((t) => /^\d+ pods folded$/.test(t))).toBe(true);
    expect(shown.some((t) => /^\d+ pods · \d+ nodes$/.test(t))).toBe(true);
    // Each summary is led by a drawn chevron (the app's icon), not "▸", which no font of the SVG's list has.
    expect(shown.join(' ')).not.toMatch(/[▸›]/);
    const all = [...walk(svg)];
    const marks = all.filter((e) => e.attrs['data-mark'] === 'folded');
    expect(marks).toHaveLength(4);
    for (const mark of marks) {
      expect(mark.name).toBe('path');
      const [tx = Number.NaN, ty = Number.NaN, scale = Number.NaN] = (
        /^translate\((\S+) (\S+)\) scale\((\S+)\)$/.exec(mark.attrs.transform ?? '') ?? []
      )
        .slice(1)
        .map(Number);
      // The text it leads: the next <text>, on the same line, starting after the chevron's stroke.
      const text = all.slice(all.indexOf(mark)).find((e) => e.name === 'text');
      const x = Number(text?.attrs.x);
      const y = Number(text?.attrs.y);
      expect(x).toBeGreaterThan(tx + 11.3 * scale);
      expect(x - (tx + 10.5 * scale)).toBeLessThan(10);
      // Its middle at the middle of the text's lowercase letters (the icon sits 0.125em below the baseline).
      expect(Math.abs(ty + 8 * scale - (y - 0.375 * 16 * scale))).toBeLessThan(0.1); // both rounded to 0.01
      expect(mark.attrs.stroke).toBe(SVG_PALETTES.light.muted);
    }
  });

  it('cuts long labels to their box with "…" and keeps the full text in the box <title>', () => {
    const json = defaultJsonCopy();
    const long = `a-very-long-virtual-machine-name-${'x'.repeat(300)}-end`;
    json.projects[0].vms[0].name = long;
    const result = validateModel(json);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const layout = layoutScene(deriveScene(result.model, 'traditional'));
    const root = parseXml(sceneToSvg(layout, 'light'));
    const id = json.projects[0].vms[0].id;
    const g = [...walk(root)].find((e) => e.attrs['data-id'] === id) as XmlElement;
    const name = shownTexts(g)[0] ?? '';
    expect(name).toMatch(/^a-very-long-v.*…$/);
    expect(textWidth(name, 11, true)).toBeLessThanOrEqual((layout.byId.get(id)?.w ?? 0) - 16);
    expect(textOf(g.children[0] as XmlElement)).toContain(long);
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u000Ce\u000Ef\u001Fg\uFFFEh\uFFFFi')).toBe('abcdefghi');
    expect(escapeXml('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r');
    expect(escapeXml('lone \ud800 high, lone \udc00 low, pair \ud83d\ude00, reversed \udc00\ud800')).toBe(
      'lone  high, lone  low, pair 😀, reversed ',
    );
    expect(escapeXml('plain text · ünïcödé')).toBe('plain text · ünïcödé');
  });
});

describe('sceneToSvg with hostile text', () => {
  // Models refuse lone surrogates (validateModel); the SVG must still drop them from a scene made in code.
  const LONE = '@@lone@@';
  const evil = `<script>alert(1)</script> "><img src=x onerror=alert(1)> ]]> &amp; nul:\u0000 lone:${LONE} end`;
  const json = defaultJsonCopy();
  json.name = evil;
  json.description = evil;
  json.hosts[0].name = evil;
  json.hosts[0].rack = evil;
  json.hosts[0].description = evil;
  json.services[0].processes[0].name = evil;
  json.services[0].processes[0].description = evil;
  json.projects[0].name = evil;
  json.projects[0].description = evil;
  json.projects[0].vms[0].name = evil;
  json.projects[0].networks[0].name = evil;
  json.operatorCluster.name = evil;
  json.operatorCluster.distribution = evil;
  json.tenantClusters[0].name = evil;
  json.tenantClusters[0].description = evil;
  const result = validateModel(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const hostile = JSON.parse(JSON.stringify(result.model).replaceAll(LONE, '\\ud800')) as Model;
  expect(hostile.name).toContain('lone:\ud800 end');

  it.each(VIEWS)('%s renders to well-formed, inert XML', (view) => {
    for (const theme of THEMES) {
      const svg = render(hostile, view, theme);
      const root = parseXml(svg);
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain('<img');
      expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(svg).toContain('&amp;amp;');
      expect(svg).not.toContain('\u0000'); // and parseXml above rejects lone surrogates
      expectInertTree(root);
      // The full, decoded text is in the document title and in the boxes' tooltips, without the bad characters.
      const clean = evil.replace('\u0000', '').replace(LONE, '');
      expect(
        textOf(root.children.find((c) => typeof c !== 'string' && c.name === 'title') as XmlElement),
      ).toBe(`${clean}: ${view} view`);
      const host = [...walk(root)].find((e) => e.attrs['data-id'] === 'ctl1') as XmlElement;
      expect(textOf(host.children[0] as XmlElement)).toContain(clean);
    }
  });
});

describe('sceneToSvg on the example models', () => {
  const dir = new URL('../../../public/models/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'large.json');

  it.each(files)('%s renders in every view', (file) => {
    const result = validateModel(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    for (const view of VIEWS) {
      const layout = layoutScene(deriveScene(result.model, view));
      const svg = sceneToSvg(layout, view === 'both' ? 'dark' : 'light');
      const root = parseXml(svg);
      expectInert(svg);
      expect([...walk(root)].filter((e) => e.attrs['data-id'] !== undefined)).toHaveLength(
        layout.boxes.length,
      );
      const derived = layout.scene.elements.some((e) => e.kind === 'operator-cluster' && e.derived);
      expect(shownTexts(root).includes('derived')).toBe(derived);
    }
  });

  it('draws processes as dashed chips', () => {
    const json = defaultJsonCopy();
    json.deployment.form = 'processes';
    const result = validateModel(json);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const root = parseXml(render(result.model, 'traditional'));
    const chip = [...walk(root)].find((e) => e.attrs['data-id'] === 'keystone-api@ctl1') as XmlElement;
    expect([...walk(chip)].find((e) => e.name === 'rect')?.attrs['stroke-dasharray']).toBeDefined();
  });
});

describe('sceneToSvg on generated models', () => {
  it('renders a generated model of 3,000 elements, expanded and folded', () => {
    const scene = deriveScene(generateModel(3000, 1), 'both');
    for (const layout of [layoutScene(scene), layoutScene(scene, { collapsed: defaultCollapsed(scene) })]) {
      const svg = sceneToSvg(layout, 'dark');
      const root = parseXml(svg);
      expect([...walk(root)].filter((e) => e.attrs['data-id'] !== undefined)).toHaveLength(
        layout.boxes.length,
      );
      expectInert(svg);
    }
  });

  // Speed is measured by `npm run bench`, never asserted here: this only checks that a big model renders whole.
  it('renders 10,000 elements, one group per box', () => {
    const layout = layoutScene(deriveScene(generateModel(10_000, 2), 'both'));
    expect(layout.boxes.length).toBeGreaterThan(8000);
    const svg = sceneToSvg(layout, 'light');
    expect(svg.match(/<g data-id=/g)?.length).toBe(layout.boxes.length);
  });
});
