/**
 * Text width estimates for Inter (the app's font), without a DOM, so layout runs in Node.
 * Advance widths of printable ASCII in thousandths of an em, measured from Inter Variable in Chromium;
 * other characters get a generous estimate, and CSS ellipsis covers any font that is wider.
 */
const ASCII: readonly number[] = [
  281, 288, 466, 633, 642, 982, 644, 300, 365, 365, 501, 662, 288, 460, 288, 360, 631, 407, 610, 618, 646,
  593, 620, 566, 619, 620, 288, 302, 662, 662, 662, 511, 966, 690, 654, 730, 722, 601, 590, 746, 743, 269,
  571, 672, 565, 903, 753, 765, 639, 765, 644, 642, 646, 744, 690, 985, 682, 679, 629, 365, 360, 365, 471,
  456, 323, 562, 612, 571, 612, 583, 370, 613, 591, 242, 242, 549, 242, 876, 591, 600, 612, 612, 376, 528,
  327, 591, 562, 818, 546, 562, 552, 426, 333, 426, 662,
];
const BOLD_FACTOR = 1.06;

/** Estimated width in px of `text` at `fontSize` px (`bold` for weights 600 to 700). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  // Long names are truncated on screen; measuring the first 200 characters is enough.
  const n = Math.min(text.length, 200);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const w = code >= 32 && code < 127 ? ASCII[code - 32] : undefined;
    em += w !== undefined ? w / 1000 : code >= 0x2e80 ? 1 : 0.65;
  }
  return Math.ceil(em * fontSize * (bold ? BOLD_FACTOR : 1) + 1);
}

/** The widest a name is measured (px): a longer one is cut with an ellipsis on screen, so one long name cannot widen its box, column or band. */
export const MAX_NAME_WIDTH = 280;

/** `textWidth` of a name or label, at most MAX_NAME_WIDTH. */
export function nameWidth(text: string, fontSize: number, bold = false): number {
  return Math.min(textWidth(text, fontSize, bold), MAX_NAME_WIDTH);
}
