import { readStored, type StringStore, writeStored } from '../ui/storage';
import type { ThemeChoice } from './url';

/** Where the reader's theme choice is remembered (this browser only). */
export const THEME_STORAGE_KEY = 'stacklayers:theme';

/** The order the theme control cycles through. */
const THEME_CHOICES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];

const isChoice = (v: unknown): v is ThemeChoice => v === 'auto' || v === 'light' || v === 'dark';

/** The remembered choice, or undefined when none (or the storage cannot be read). */
export function readStoredTheme(from?: StringStore | null): ThemeChoice | undefined {
  const value = readStored(THEME_STORAGE_KEY, from);
  return isChoice(value) ? value : undefined;
}

/** Remembers the choice; a storage that refuses (full, disabled) only means it is not remembered. */
export function storeTheme(choice: ThemeChoice, to?: StringStore | null): void {
  writeStored(THEME_STORAGE_KEY, choice, to);
}

/** The theme a visit starts with: the URL's `?theme=` wins, then the remembered choice, then auto. */
export function initialTheme(fromUrl: ThemeChoice | undefined, stored: ThemeChoice | undefined): ThemeChoice {
  return fromUrl ?? stored ?? 'auto';
}

/** The next choice of the cycling control. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  const i = THEME_CHOICES.indexOf(choice);
  return THEME_CHOICES[(i + 1) % THEME_CHOICES.length] ?? 'auto';
}

/** What the control says about a choice (its accessible name and tooltip). */
export function themeLabel(choice: ThemeChoice): string {
  if (choice === 'auto') return 'Theme: Auto (follows system)';
  return choice === 'light' ? 'Theme: Light' : 'Theme: Dark';
}
