import { useEffect, useState } from 'react';

/**
 * Whether the input in use is touch: a coarse pointer to start with, then whatever the user last used (a
 * touch, or a key or a mouse), so the tour's hints speak of swipes or of keys accordingly.
 */
export function useTouchInput(): boolean {
  const [touch, setTouch] = useState(
    () => typeof window !== 'undefined' && window.matchMedia('(pointer: coarse)').matches,
  );
  useEffect(() => {
    const onPointer = (e: PointerEvent) => setTouch(e.pointerType === 'touch' || e.pointerType === 'pen');
    const onKey = () => setTouch(false);
    window.addEventListener('pointerdown', onPointer, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return touch;
}
