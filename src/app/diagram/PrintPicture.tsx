import { useEffect, useRef } from 'react';
import { useShownLayout } from '../derived';
import { useApp } from '../store';

type SvgModule = typeof import('../../render/svg');
let svgModule: Promise<SvgModule> | null = null;
const loadSvg = () => {
  svgModule ??= import('../../render/svg');
  return svgModule;
};

/**
 * The diagram's standalone SVG (the one the export writes) as elements, or null if it does not parse. Parsed
 * as XML, not HTML: nothing in it runs, and its text stays text (sceneToSvg escapes the model's strings). It
 * has no `<style>` and no style attributes, so a page's Content-Security-Policy lets it draw.
 */
function svgElement(text: string, into: Document): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return null;
  const svg = into.importNode(root, true) as unknown as SVGSVGElement;
  // Sized by the print stylesheet (the width it is given, its height following), never wider than the
  // diagram is drawn: a small model prints at its own size, not blown up to the page's width. Set through the
  // CSSOM, which a Content-Security-Policy does not govern (a style attribute in the markup it would).
  const natural = Number.parseFloat(svg.getAttribute('width') ?? '');
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  if (Number.isFinite(natural) && natural > 0) svg.style.maxWidth = `${natural}px`;
  return svg;
}

/**
 * What prints instead of the interactive diagram: the whole diagram as a static SVG, light (paper), sized to
 * the page's width. The live diagram shows a part of it at whatever zoom the reader left it, with a minimap
 * and controls; none of that belongs on paper. Made when printing starts (`beforeprint`, or the print media
 * query for a print preview), from the SVG module loaded when the browser was idle, and removed afterwards:
 * the page does not carry a second copy of the diagram meanwhile. Shown by the print stylesheet (`.sl-print`,
 * index.css).
 */
export function PrintPicture() {
  const layout = useShownLayout();
  const title = useApp((s) => `${s.model?.name ?? 'Cloud'}: ${s.view} view`);
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = holder.current;
    if (!el || !layout) return;
    let loaded: SvgModule | null = null;
    let picture: SVGSVGElement | null = null;
    let cancelled = false;
    const show = () => {
      if (cancelled || !loaded) return;
      picture ??= svgElement(loaded.sceneToSvg(layout, 'light', { title }), el.ownerDocument);
      if (picture && el.firstChild !== picture) el.replaceChildren(picture);
    };
    const hide = () => el.replaceChildren();
    const print = window.matchMedia('print');
    const onMedia = () => (print.matches ? show() : hide());
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
    idle(() => {
      void loadSvg().then((svg) => {
        loaded = svg;
        if (print.matches) show();
      });
    });
    window.addEventListener('beforeprint', show);
    window.addEventListener('afterprint', hide);
    print.addEventListener('change', onMedia);
    return () => {
      cancelled = true;
      hide();
      window.removeEventListener('beforeprint', show);
      window.removeEventListener('afterprint', hide);
      print.removeEventListener('change', onMedia);
    };
  }, [layout, title]);
  return <div ref={holder} className="sl-print" aria-hidden="true" data-testid="print-picture" />;
}
