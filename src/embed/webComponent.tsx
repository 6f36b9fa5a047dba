import flowCss from '@xyflow/react/dist/base.css?inline';
import { createRoot, type Root } from 'react-dom/client';
import appCss from '../index.css?inline';
import diagramCss from '../render/flow/diagram.css?inline';
// With no model given, the component draws the default model bundled in its script: no request.
import '../app/document/bundledDefault';
import { isView } from '../topology/views';
import { COMPONENT_FONTS } from './componentFont';
import { EmbedApp, type EmbedConfig, type EmbedTheme } from './EmbedApp';
import { inlineModelText } from './inlineModel';
import { propertyFallback, registerFonts, remToHostRem } from './shadowStyles';

const HOST_CSS = `
:host { display: block; position: relative; height: var(--sl-height, 520px); contain: content; font-family: 'Inter Variable', Inter, system-ui, -apple-system, 'Segoe UI', Roboto; }
:host([hidden]) { display: none; }
@media print { :host { height: auto; contain: none; } }
.sl-root { all: initial; display: block; height: 100%; font-family: inherit; }
`;

// In a shadow root `:root` matches nothing: the diagram's colours and fonts (custom properties on `:root` in
// diagram.css) go on the host, and inherit in. The dark set matches the embed's root ([data-theme], set by
// EmbedApp when scoped). Tailwind's own variables are already on `:root, :host`.
const STYLES = `${HOST_CSS}\n${flowCss}\n${appCss}\n${diagramCss.replaceAll(':root', ':host')}`;
// Tailwind's `--tw-*` variables start from `@property` rules, which a shadow root ignores; its `rem` would be the
// page's root font size (shadowStyles.ts).
const COMPONENT_CSS = remToHostRem(`${STYLES}\n${propertyFallback(STYLES)}`);
let sheet: CSSStyleSheet | null | undefined;
const THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto', 'page'];

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

const on = (value: string | null, byDefault: boolean) =>
  value === null ? byDefault : value !== '0' && value !== 'false' && value !== 'off';

/**
 * `<stacklayers-diagram topology="both" model-src="model.json"></stacklayers-diagram>`: the diagram in any page.
 * Attributes mirror the URL parameters (topology, model-src, theme, persona, select, tour, step, controls,
 * interactive), plus `model` (inline JSON), `height` (`auto`, the default: the whole diagram at the element's
 * width; or a CSS length) and `minimap`. An inline model goes in a child `<template>` (see inlineModelText).
 * Everything renders in a shadow root with its own styles, so the page's CSS cannot reach in and the
 * component's cannot leak out. Changing an attribute changes the diagram in place (nothing is remounted).
 */
export class StacklayersDiagram extends HTMLElement {
  static observedAttributes = [
    'topology',
    'model-src',
    'model',
    'theme',
    'persona',
    'select',
    'tour',
    'step',
    'controls',
    'interactive',
    'minimap',
    'height',
  ];
  private root: Root | null = null;
  private mount: HTMLDivElement | null = null;
  /** The auto height: the whole diagram fitted to the element's width, plus its bar. */
  private autoHeight = 0;
  private readonly onHeight = (height: number) => {
    this.autoHeight = height;
    this.applyHeight();
  };

  private applyHeight() {
    const height = this.fixedHeight() ?? (this.autoHeight > 0 ? `${this.autoHeight}px` : null);
    if (height) this.style.setProperty('--sl-height', height);
  }

  /** The `height` attribute when it is a CSS length (else: auto). */
  private fixedHeight(): string | null {
    const value = this.getAttribute('height')?.trim();
    if (!value || value === 'auto') return null;
    const length = /^\d+(\.\d+)?$/.test(value) ? `${value}px` : value;
    return CSS.supports('height', length) ? length : null;
  }

  /** Waiting for the document to be parsed (see connectedCallback). */
  private waiting = false;

  connectedCallback() {
    // Defined by a classic script in the head (openstackdocstheme writes every script so), the element is
    // upgraded as soon as the parser opens it: its children (the inline model's <template>, the static
    // picture) are not parsed yet. It starts once the document is.
    if (this.ownerDocument.readyState === 'loading') {
      if (!this.waiting) {
        this.waiting = true;
        this.ownerDocument.addEventListener(
          'DOMContentLoaded',
          () => {
            this.waiting = false;
            if (this.isConnected) this.connectedCallback();
          },
          { once: true },
        );
      }
      return;
    }
    // A shadow root's @font-face rules are ignored: the font is the document's (shadowStyles.ts).
    registerFonts(this.ownerDocument, COMPONENT_FONTS);
    if (!this.shadowRoot) {
      // Until the diagram is laid out, the element keeps the height its static fallback picture gave it
      // (a docs plugin's build-time SVG, same proportions): the page does not jump when it upgrades.
      const before = this.getBoundingClientRect().height;
      if (before > 0 && this.fixedHeight() === null) this.style.setProperty('--sl-height', `${before}px`);
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
      // The reader's default font size (the root's `all: initial` gives it `medium`), whatever the page's root.
      this.style.setProperty('--sl-rem', getComputedStyle(this.mount).fontSize);
    }
    this.render();
  }

  disconnectedCallback() {
    this.root?.unmount();
    this.root = null;
  }

  attributeChangedCallback(name: string) {
    if (name === 'height') this.applyHeight();
    if (this.isConnected && this.mount) this.render();
  }

  private config(): EmbedConfig {
    const attr = (name: string) => this.getAttribute(name);
    const topology = attr('topology');
    const theme = attr('theme');
    const persona = attr('persona');
    const inline = inlineModelText(this);
    const src = attr('model-src');
    const step = Number.parseInt(attr('step') ?? '1', 10);
    return {
      view: isView(topology) ? topology : 'traditional',
      theme: THEMES.includes(theme as EmbedTheme) ? (theme as EmbedTheme) : 'page',
      persona: persona === 'operator' || persona === 'tenant' ? persona : null,
      select: attr('select'),
      tour: attr('tour')
        ? { id: attr('tour') ?? '', step: Number.isFinite(step) && step > 0 ? step - 1 : 0 }
        : null,
      controls: on(attr('controls'), true),
      interactive: on(attr('interactive'), true),
      minimap: on(attr('minimap'), false),
      model: inline !== null ? { text: inline } : src ? { url: new URL(src, document.baseURI).href } : null,
    };
  }

  private render() {
    if (!this.mount) return;
    // The same root and the same EmbedApp: a new configuration updates its store (an open details card
    // stays open); only a new model loads again.
    this.root ??= createRoot(this.mount);
    this.applyHeight();
    this.root.render(<EmbedApp config={this.config()} scoped host={this} onHeight={this.onHeight} />);
  }
}

if (!customElements.get('stacklayers-diagram'))
  customElements.define('stacklayers-diagram', StacklayersDiagram);
