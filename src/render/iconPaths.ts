// Small line icons, in a 16-unit box: the app's `Icon` and the SVG export (`svg.ts`) draw the same paths (a
// kind's own icons are in its folder: `kinds/<kind>/`). Drawn rather than typed as symbol characters (✕, →, ▸,
// ⇄, ⚖, ▤ …): Inter has none of those, so each one sent the browser looking through the system's fonts at the
// first layout (tens of ms on a fresh page) and drew in whatever font it found, an emoji on some systems. These
// look the same everywhere and take the colour of the text around them.

export const ICON_PATHS = {
  close: 'M4 4l8 8M12 4l-8 8',
  chevronRight: 'M6 3.5l4.5 4.5L6 12.5',
  chevronDown: 'M3.5 6L8 10.5 12.5 6',
  arrowRight: 'M2.5 8h11M9.5 4l4 4-4 4',
  arrowLeft: 'M13.5 8h-11M6.5 4l-4 4 4 4',
  external: 'M6.5 3.5h-3v9h9v-3M9 3h4v4M13 3L7.5 8.5',
  warning: 'M8 2.5l6 10.5H2zM8 6.5v3M8 11.25v.25',
  // Zoom in, zoom out, and fit the whole (four corners).
  plus: 'M8 3v10M3 8h10',
  minus: 'M3 8h10',
  fit: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
} as const;

export type IconName = keyof typeof ICON_PATHS;
