import flowCss from '@xyflow/react/dist/base.css?inline';
import { createRoot, type Root } from 'react-dom/client';
import appCss from '../index.css?inline';
import diagramCss from '../render/diagram.css?inline';
// With no model given, the component draws the default model bundled in its script: no request.
import '../app/bundledDefault';
import { isView } from '../topology/views';
import { COMPONENT_FONTS } from './componentFont';
import { EmbedApp, type EmbedConfig } from './EmbedApp';
import { propertyFallback, registerFonts } from './shadowStyles';

const HOST_CSS = `
:host { display: block; position: relative; height: 520px; contain: content; font-family: 'Inter Variable', Inter, system-ui, -apple-system, 'Segoe UI', Roboto; }
:host([hidden]) { display: none; }
.sl-root { all: initial; display: block; height: 100%; font-family: inherit; }
`;

// In a shadow root `:root` matches nothing: the diagram's colours and fonts (custom properties on `:root` in
// diagram.css) go on the host, and inherit in. The dark set matches the embed's root ([data-theme], set by
// EmbedApp when scoped). Tailwind's own variables are already on `:root, :host`.
const STYLES = `${HOST_CSS}\n${flowCss}\n${appCss}\n${diagramCss.replaceAll(':root', ':host')}`;
// Tailwind's `--tw-*` variables start from `@property` rules, which a shadow root ignores (shadowStyles.ts).
const COMPONENT_CSS = `${STYLES}\n${propertyFallback(STYLES)}`;
let sheet: CSSStyleSheet | null | undefined;

/**
 * The component's styles as one constructed stylesheet, shared by every instance. Unlike a `<style>`
 * element it passes a page's Content-Security-Policy without 'unsafe-inline'. Null where the browser cannot
 * adopt stylesheets (then a `<style>` element is the fallback).
 */
function componentSheet(): CSSStyleSheet | null {
  if (sheet !== undefined) return sheet;
  sheet = null;
  if ('adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(COMPONENT_CSS);
  }
  return sheet;
}

/**
 * `<stacklayers-diagram topology="both" model-src="model.json"></stacklayers-diagram>`: the diagram in any page.
 * Attributes mirror the URL parameters (topology, model-src, theme, persona, select, tour, step, controls,
 * interactive); an inline model goes in a child `<script type="application/json">`. Everything renders in a
 * shadow root with its own styles, so the page's CSS cannot reach in and the component's cannot leak out.
 */
export class StacklayersDiagram extends HTMLElement {
  static observedAttributes = [
    'topology',
    'model-src',
    'theme',
    'persona',
    'select',
    'tour',
    'step',
    'controls',
    'interactive',
  ];
  private root: Root | null = null;
  private mount: HTMLDivElement | null = null;

  connectedCallback() {
    // A shadow root's @font-face rules are ignored: the font is the document's (shadowStyles.ts).
    registerFonts(this.ownerDocument, COMPONENT_FONTS);
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      this.mount = document.createElement('div');
      this.mount.className = 'sl-root';
      const sheet = componentSheet();
      if (sheet) shadow.adoptedStyleSheets = [sheet];
      else {
        const style = document.createElement('style');
        style.textContent = COMPONENT_CSS;
        shadow.append(style);
      }
      shadow.append(this.mount);
    }
    this.render();
  }

  disconnectedCallback() {
    this.root?.unmount();
    this.root = null;
  }

  attributeChangedCallback() {
    if (this.isConnected && this.mount) this.render();
  }

  private config(): EmbedConfig {
    const attr = (name: string) => this.getAttribute(name);
    const topology = attr('topology');
    const theme = attr('theme');
    const persona = attr('persona');
    const inline = this.querySelector('script[type="application/json"]')?.textContent ?? null;
    const src = attr('model-src');
    const step = Number.parseInt(attr('step') ?? '1', 10);
    return {
      view: isView(topology) ? topology : 'traditional',
      theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
      persona: persona === 'operator' || persona === 'tenant' ? persona : null,
      select: attr('select'),
      tour: attr('tour')
        ? { id: attr('tour') ?? '', step: Number.isFinite(step) && step > 0 ? step - 1 : 0 }
        : null,
      controls: attr('controls') !== '0' && attr('controls') !== 'false',
      interactive: attr('interactive') !== '0' && attr('interactive') !== 'false',
      model: inline ? { text: inline } : src ? { url: new URL(src, document.baseURI).href } : null,
    };
  }

  private render() {
    if (!this.mount) return;
    // A new configuration is a new diagram: remount, so the store starts from the attributes.
    this.root?.unmount();
    this.root = createRoot(this.mount);
    this.root.render(<EmbedApp key={Math.random()} config={this.config()} scoped />);
  }
}

if (!customElements.get('stacklayers-diagram'))
  customElements.define('stacklayers-diagram', StacklayersDiagram);
