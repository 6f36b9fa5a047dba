import { describe, expect, it } from 'vitest';
import { layoutScene } from '../../layout/layoutScene';
import { generateModel } from '../../model/generate';
import { deriveScene } from '../../topology/deriveScene';
import { type FarNode, layoutToFlow } from '../flow/toFlow';
import { drawLabels, type LabelInk } from './labels';

/** A canvas context that records what is drawn, and the font and colour each run of text is drawn in. */
function recorder() {
  const texts: { text: string; x: number; y: number; font: string; fill: string; alpha: number }[] = [];
  let fontSets = 0;
  const ctx = {
    font: '',
    fillStyle: '',
    globalAlpha: 1,
    textBaseline: '',
    textAlign: '',
    fillText(text: string, x: number, y: number) {
      texts.push({ text, x, y, font: ctx.font, fill: String(ctx.fillStyle), alpha: ctx.globalAlpha });
    },
  };
  const counted = new Proxy(ctx, {
    set(target, key, value) {
      if (key === 'font') fontSets++;
      (target as Record<string | symbol, unknown>)[key] = value;
      return true;
    },
  });
  return { ctx: counted as unknown as CanvasRenderingContext2D, texts, fontSets: () => fontSets };
}

const ink: LabelInk = { text: '#111', muted: '#666', family: "'Inter Variable', Inter" };

describe('the far layer labels', () => {
  const scene = deriveScene(generateModel(1_080, 1), 'both');
  const layout = layoutScene(scene, { collapsed: new Set(), hiddenLayers: new Set() });
  const far = layoutToFlow(layout, { far: true }).nodes.find((n) => n.type === 'far') as FarNode;
  const items = far.data.chips;

  it('draws every box of the peer cloud with its name (or its role), inside its box', () => {
    const r = recorder();
    drawLabels(r.ctx, items, () => ({ ink, alpha: 1 }));
    expect(items.length).toBe(1_298);
    for (const { el, box } of items) {
      const inside = r.texts.filter(
        (t) => t.x >= box.x && t.x < box.x + box.w && t.y > box.y && t.y <= box.y + box.h,
      );
      const name =
        el.kind === 'k8s-node' ? (el.nodeRole === 'control-plane' ? 'control plane' : 'worker') : el.name;
      // A name may be cut with "…" to fit its box: its start is drawn.
      const shown = inside.some(
        (t) => t.text.startsWith(name) || (t.text.endsWith('…') && name.startsWith(t.text.slice(0, -1))),
      );
      expect(shown, `${el.kind} ${el.id}`).toBe(true);
    }
  });

  it('groups the text by font: a handful of font changes, not one per box', () => {
    const r = recorder();
    drawLabels(r.ctx, items, () => ({ ink, alpha: 1 }));
    expect(r.texts.length).toBeGreaterThan(items.length);
    expect(r.fontSets()).toBeLessThan(12);
  });

  it('draws nothing for a box that is not drawn, and dims the text of a dimmed box', () => {
    const all = recorder();
    drawLabels(all.ctx, items, () => ({ ink, alpha: 1 }));
    const r = recorder();
    drawLabels(r.ctx, items, (i) => (i === 0 ? null : { ink, alpha: i === 1 ? 0.3 : 1 }));
    expect(r.texts.length).toBeLessThan(all.texts.length);
    expect(r.texts.some((t) => t.alpha === 0.3)).toBe(true);
  });
});
