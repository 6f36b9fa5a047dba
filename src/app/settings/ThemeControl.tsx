import { useApp } from '../store';
import { nextTheme, storeTheme, themeLabel } from './themeChoice';
import type { ThemeChoice } from './url';
import { urlWithParam } from './url';

const SHORT: Record<ThemeChoice, string> = { auto: 'Auto', light: 'Light', dark: 'Dark' };

function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  const common = {
    width: 14,
    height: 14,
    viewBox: '0 0 16 16',
    focusable: false,
    className: 'flex-none',
  } as const;
  if (choice === 'light')
    return (
      <svg
        aria-hidden="true"
        {...common}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      >
        <circle cx="8" cy="8" r="3" />
        <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
      </svg>
    );
  if (choice === 'dark')
    return (
      <svg aria-hidden="true" {...common} fill="currentColor">
        <path d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7Z" />
      </svg>
    );
  return (
    <svg aria-hidden="true" {...common} fill="none" stroke="currentColor" strokeWidth="1.5">
      <circle cx="8" cy="8" r="6" />
      <path d="M8 2a6 6 0 0 1 0 12Z" fill="currentColor" stroke="none" />
    </svg>
  );
}

/**
 * One small button that cycles Auto → Light → Dark. The choice is remembered in this browser; a `?theme=`
 * in the URL wins for the visit it opens, and an explicit choice here replaces it.
 */
export function ThemeControl() {
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  const label = themeLabel(theme);
  return (
    <button
      type="button"
      aria-label={label}
      title={`${label}. Click for ${SHORT[nextTheme(theme)]}.`}
      data-testid="theme-control"
      data-theme-choice={theme}
      onClick={() => {
        const next = nextTheme(theme);
        setTheme(next);
        storeTheme(next);
        if (new URL(window.location.href).searchParams.has('theme'))
          window.history.replaceState(
            window.history.state,
            '',
            urlWithParam(window.location.href, 'theme', null),
          );
      }}
      className="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-0.5 text-[12px] text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <ThemeIcon choice={theme} />
      <span>{SHORT[theme]}</span>
    </button>
  );
}
