/** Types of stacklayers.mjs (the package API as the docs plugins use it). */
export declare function renderSvg(
  model: unknown,
  options?: { topology?: string; theme?: 'light' | 'dark' | 'auto'; expanded?: boolean; title?: string },
): string;
export declare function copyComponent(dir: string, script?: string): string;
