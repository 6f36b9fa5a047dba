import latinExt from '@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2?inline';
import latin from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?inline';
import ranges from '@fontsource-variable/inter/unicode.json';
import type { FontSource } from './shadowStyles';

/**
 * The diagram's font for the web component, built into its script: Inter's variable font for Latin and
 * extended Latin (the app's other subsets, Cyrillic, Greek and Vietnamese, are left out to keep the script
 * small: those characters are drawn by the next font of the list, the system's). The family name and weights
 * are the ones the app's CSS asks for (`--sl-font`, `--font-sans`).
 */
export const COMPONENT_FONTS: readonly FontSource[] = [
  { data: latin, range: ranges.latin },
  { data: latinExt, range: ranges['latin-ext'] },
].map(({ data, range }) => ({
  family: 'Inter Variable',
  data,
  descriptors: { style: 'normal', weight: '100 900', display: 'swap', unicodeRange: range },
}));
