import { type ColourToken, colour, tokenVar } from '../../kinds/tokens';
import type { Layer, ServiceCategory } from '../../topology/scene';

/** A palette: the colours of a light or a dark document. */
export type SvgTheme = 'light' | 'dark';

type Tone = ServiceCategory | 'tenant';
interface KubePalette {
  /** Text and icon colour. */
  k: string;
  bg: string;
  border: string;
  node: string;
}
export interface Palette {
  canvas: string;
  text: string;
  muted: string;
  line: string;
  box: string;
  band: Record<Layer, { bg: string; label: string }>;
  hostBg: string;
  hostBorder: string;
  op: KubePalette;
  tn: KubePalette;
  tone: Record<Tone, { fg: string; bg: string }>;
  projectBg: string;
  projectBorder: string;
  projectOperatorBorder: string;
  vmBg: string;
  vmBorder: string;
  edge: string;
  /** A tour's highlight ring and a failure's outline (the app's --sl-tour-ring and --sl-failed). */
  ring: string;
  failed: string;
}

/** A palette from the design tokens: each colour `pick`ed by its token's name. */
function palette(pick: (name: ColourToken) => string): Palette {
  const kube = (k: 'op' | 'tn'): KubePalette => ({
    k: pick(k),
    bg: pick(`${k}-bg`),
    border: pick(`${k}-border`),
    node: pick(`${k}-node`),
  });
  const band = (layer: Layer) => ({ bg: pick(`band-${layer}`), label: pick(`band-label-${layer}`) });
  const tone = (t: Tone) => ({ fg: pick(`tone-${t}`), bg: pick(`tone-${t}-bg`) });
  return {
    canvas: pick('canvas'),
    text: pick('text'),
    muted: pick('muted'),
    line: pick('line'),
    box: pick('box'),
    band: {
      hardware: band('hardware'),
      'operator-k8s': band('operator-k8s'),
      openstack: band('openstack'),
      'tenant-vms': band('tenant-vms'),
      'tenant-k8s': band('tenant-k8s'),
    },
    hostBg: pick('host-bg'),
    hostBorder: pick('host-border'),
    op: kube('op'),
    tn: kube('tn'),
    tone: {
      'control-plane': tone('control-plane'),
      infrastructure: tone('infrastructure'),
      'data-plane': tone('data-plane'),
      storage: tone('storage'),
      tenant: tone('tenant'),
    },
    projectBg: pick('project-bg'),
    projectBorder: pick('project-border'),
    projectOperatorBorder: pick('project-operator-border'),
    vmBg: pick('vm-bg'),
    vmBorder: pick('vm-border'),
    edge: pick('edge'),
    ring: pick('tour-ring'),
    failed: pick('failed'),
  };
}

/** The app's palettes, read from the design tokens the app's CSS is generated from: light and dark. */
export const SVG_PALETTES: Readonly<Record<SvgTheme, Palette>> = {
  light: palette((name) => colour(name, 'light')),
  dark: palette((name) => colour(name, 'dark')),
};

/** The tokens an `auto` document uses, in the order the palette reads them. */
const AUTO_TOKENS = new Set<ColourToken>();
/** The palette of an `auto` document: each colour `var(--sl-<token>)`, as in the app's CSS. */
export const AUTO_PALETTE = palette((name) => {
  AUTO_TOKENS.add(name);
  return tokenVar(name);
});

/** The `<style>` of an `auto` document: the light colours, and the dark ones where the viewer prefers dark. */
export function autoStyle(): string {
  const declarations = (theme: SvgTheme) =>
    [...AUTO_TOKENS].map((name) => `--sl-${name}:${colour(name, theme)}`).join(';');
  const root = 'svg[data-theme="auto"]';
  return (
    `<style>${root}{color-scheme:light dark;${declarations('light')}}` +
    `@media (prefers-color-scheme: dark){${root}{${declarations('dark')}}}</style>\n`
  );
}
