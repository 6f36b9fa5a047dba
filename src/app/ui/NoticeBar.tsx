import { useEffect } from 'react';
import { Icon } from '../../render/flow/Icon';
import { useApp } from '../store';

/** The latest notice (load errors, copied links, restored drafts). Info notices fade after a while. */
export function NoticeBar() {
  const notice = useApp((s) => s.notice);
  const loading = useApp((s) => s.loading);
  const setNotice = useApp((s) => s.setNotice);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const t = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(t);
  }, [notice, setNotice]);
  const text = loading ?? notice?.text;
  const error = !loading && notice?.kind === 'error';
  return (
    <div role={error ? 'alert' : 'status'} aria-live={error ? 'assertive' : 'polite'} data-testid="notice">
      {text ? (
        <div
          className={`flex items-start gap-3 border-b px-4 py-1.5 text-[12.5px] ${
            error
              ? 'border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-100'
              : 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100'
          }`}
        >
          <span className="flex-1">{text}</span>
          {notice && !loading ? (
            <button
              type="button"
              onClick={() => setNotice(null)}
              className="flex-none rounded p-1 focus-visible:outline-2 focus-visible:outline-blue-600"
              aria-label="Dismiss"
            >
              <Icon name="close" size={14} />
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
