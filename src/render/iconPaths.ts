// Small line icons, in a 16-unit box: the app's `Icon` and the SVG export (`svg.ts`) draw the same paths. Drawn
// rather than typed as symbol characters (✕, →, ▸, ⇄, ⚖, ▤ …): Inter has none of those, so each one sent the
// browser looking through the system's fonts at the first layout (tens of ms on a fresh page) and drew in
// whatever font it found, an emoji on some systems. These look the same everywhere and take the colour of the
// text around them.

export const ICON_PATHS = {
  close: 'M4 4l8 8M12 4l-8 8',
  chevronRight: 'M6 3.5l4.5 4.5L6 12.5',
  chevronDown: 'M3.5 6L8 10.5 12.5 6',
  arrowRight: 'M2.5 8h11M9.5 4l4 4-4 4',
  arrowLeft: 'M13.5 8h-11M6.5 4l-4 4 4 4',
  external: 'M6.5 3.5h-3v9h9v-3M9 3h4v4M13 3L7.5 8.5',
  warning: 'M8 2.5l6 10.5H2zM8 6.5v3M8 11.25v.25',
  // A network: traffic both ways.
  network: 'M2.5 5.5h10M10 3l2.5 2.5L10 8M13.5 10.5h-10M6 8l-2.5 2.5L6 13',
  // A load balancer: one flow fanned out to three.
  balancer: 'M2.5 8h3.5M6 8l6.5-4.5M6 8h6.5M6 8l6.5 4.5',
  // A volume: a disk.
  volume: 'M3 4.5c0-2 10-2 10 0s-10 2-10 0zM3 4.5v7c0 2 10 2 10 0v-7',
  // Zoom in, zoom out, and fit the whole (four corners).
  plus: 'M8 3v10M3 8h10',
  minus: 'M3 8h10',
  fit: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
} as const;

export type IconName = keyof typeof ICON_PATHS;
