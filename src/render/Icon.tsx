import { ICON_PATHS, type IconName } from './iconPaths';

export type { IconName };

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
  const side = size ?? '1em';
  const svg = (
    <svg
      width={side}
      height={side}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className={`sl-glyph${className ? ` ${className}` : ''}`}
    >
      <path
        d={ICON_PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
  if (label === undefined) return svg;
  return (
    <>
      {svg}
      <span className="sr-only">{label}</span>
    </>
  );
}
