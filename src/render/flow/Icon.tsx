import { ICON_PATHS, type IconName } from '../iconPaths';

export type { IconName };

/**
 * A line icon drawn by its path `d` (in a 16-unit box), of `size` px (default: the text's size), in the current
 * text colour; hidden from assistive tech.
 */
export function IconPath({ d, size, className }: { d: string; size?: number; className?: string }) {
  const side = size ?? '1em';
  return (
    <svg
      width={side}
      height={side}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className={`sl-glyph${className ? ` ${className}` : ''}`}
    >
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * An icon of `size` px (default: the text's size), in the current text colour. Hidden from assistive tech;
 * with `label`, that word is read (and copied) in its place: an arrow between two names reads "to".
 */
export function Icon({
  name,
  size,
  className,
  label,
}: {
  name: IconName;
  size?: number;
  className?: string;
  label?: string;
}) {
  const svg = <IconPath d={ICON_PATHS[name]} size={size} className={className} />;
  if (label === undefined) return svg;
  return (
    <>
      {svg}
      <span className="sr-only">{label}</span>
    </>
  );
}
