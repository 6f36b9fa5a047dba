import { useAppStore } from '../store';
import { ModalDialog } from '../ui/ModalDialog';
import { type Draft, loadHistory } from './drafts';
import { EXAMPLES } from './examples';
import { forgetModelInUrl, loadExample } from './loaders';
import { loadValidator } from './validator';

/** A draft's model name when it has one (drafts may be invalid JSON). */
function draftTitle(d: Draft): string {
  try {
    const name = (JSON.parse(d.text) as { name?: unknown }).name;
    if (typeof name === 'string' && name) return name;
  } catch {
    // not JSON: fall through
  }
  return 'Untitled draft';
}

/** The example gallery and the drafts that loads replaced, in a modal dialog (Esc closes it). */
export function ExamplesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const store = useAppStore();
  const history: Draft[] = open ? loadHistory() : [];
  const pick = (run: () => Promise<unknown> | unknown) => {
    onClose();
    void Promise.resolve(run()).then(forgetModelInUrl);
  };
  return (
    <ModalDialog id="examples" title="Examples" open={open} onClose={onClose} width="w-[min(640px,92vw)]">
      <ul className="grid gap-1 p-3">
        {EXAMPLES.map((example) => (
          <li key={example.id}>
            <button
              type="button"
              onClick={() => pick(() => loadExample(store, example))}
              className="w-full rounded-lg px-3 py-2 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800"
            >
              <span className="block text-[13.5px] font-semibold">{example.title}</span>
              <span className="block text-[12.5px] text-slate-600 dark:text-slate-300">
                {example.description}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {history.length > 0 ? (
        <section
          className="border-t border-slate-200 px-3 pt-2 pb-3 dark:border-slate-700"
          aria-labelledby="recent-title"
        >
          <h3
            id="recent-title"
            className="px-3 pb-1 text-[12px] font-semibold uppercase tracking-wider text-slate-600 dark:text-slate-300"
          >
            Earlier drafts
          </h3>
          <ul className="grid gap-0.5">
            {history.map((d) => (
              <li key={`${d.savedAt}:${d.source.key}`}>
                <button
                  type="button"
                  onClick={() =>
                    pick(() =>
                      loadValidator().then(() =>
                        store.getState().loadText(d.text, d.source, { edited: true }),
                      ),
                    )
                  }
                  className="w-full rounded-lg px-3 py-1.5 text-left text-[12.5px] hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800"
                >
                  <span className="font-medium">{draftTitle(d)}</span>{' '}
                  <span className="text-slate-600 dark:text-slate-300">
                    (from {d.source.label || 'a draft'}), replaced {new Date(d.savedAt).toLocaleString()}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </ModalDialog>
  );
}
