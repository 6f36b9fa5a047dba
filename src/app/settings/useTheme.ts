import { useEffect, useState } from 'react';
import type { ThemeChoice } from './url';

/**
 * Resolves auto to the OS preference (and follows it), and sets `data-theme` on <html> unless `onDocument` is
 * false: the web component, a guest in someone else's page, sets it on its own root instead.
 */
export function useResolvedTheme(choice: ThemeChoice, { onDocument = true } = {}): 'light' | 'dark' {
  const [osDark, setOsDark] = useState(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setOsDark(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  const resolved = choice === 'auto' ? (osDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    if (!onDocument) return;
    document.documentElement.dataset.theme = resolved;
    document.documentElement.style.colorScheme = resolved;
  }, [resolved, onDocument]);
  return resolved;
}
