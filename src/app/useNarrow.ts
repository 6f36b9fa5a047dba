import { useEffect, useState } from 'react';

/** Below this window width the header folds into a menu (a phone, a narrow window). */
export const NARROW_QUERY = '(max-width: 767px)';

/** Whether the window is narrow (followed as it changes). */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(
    () => typeof window !== 'undefined' && window.matchMedia(NARROW_QUERY).matches,
  );
  useEffect(() => {
    const mq = window.matchMedia(NARROW_QUERY);
    const onChange = () => setNarrow(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
