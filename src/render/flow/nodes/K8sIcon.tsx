/** A small ship's-wheel mark for Kubernetes things (drawn here, inherits the text colour). */
export function K8sIcon({ size = 12 }: { size?: number }) {
  const spokes = Array.from({ length: 7 }, (_, i) => {
    const a = (i / 7) * Math.PI * 2 - Math.PI / 2;
    return `M8 8 L${(8 + Math.cos(a) * 6.2).toFixed(2)} ${(8 + Math.sin(a) * 6.2).toFixed(2)}`;
  }).join(' ');
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className="sl-icon">
      <circle cx="8" cy="8" r="4.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d={spokes} stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" />
    </svg>
  );
}
