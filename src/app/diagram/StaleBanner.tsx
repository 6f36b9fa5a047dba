import type { LocatedIssue } from '../../model/locate';
import { useApp } from '../store';

/**
 * What an embed says about a model with problems: a reader of a docs page has no editor, its author has the
 * CLI. Names the first problem (where, what) and how many there are.
 */
export function embedProblemsText(issues: readonly LocatedIssue[]): string {
  const first = issues[0];
  if (!first) return "This diagram's model could not be read.";
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  const where = first.path !== '$' ? `${first.path}: ` : `line ${first.line}: `;
  return `This diagram's model has ${count}: ${where}${first.message}. Check it with \`stacklayers validate\`.`;
}

/** Says that the diagram is not the draft's, while the draft has problems. */
export function StaleBanner({ embedded }: { embedded: boolean }) {
  const problems = useApp((s) => s.issues.length);
  const issues = useApp((s) => s.issues);
  const editorOpen = useApp((s) => s.editorOpen);
  const setEditorOpen = useApp((s) => s.setEditorOpen);
  if (problems === 0) return null;
  if (embedded)
    return (
      <div
        className="absolute top-2 left-1/2 z-10 max-w-[90%] -translate-x-1/2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-1.5 text-[12.5px] text-amber-950 shadow-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        data-testid="stale-banner"
      >
        {embedProblemsText(issues)} The diagram shows the last valid model.
      </div>
    );
  return (
    <div
      className="absolute top-2 left-1/2 z-10 flex -translate-x-1/2 items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-1.5 text-[12.5px] text-amber-950 shadow-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
      data-testid="stale-banner"
    >
      <span>
        The draft has {problems} {problems === 1 ? 'problem' : 'problems'}: the diagram shows the last valid
        model.
      </span>
      {editorOpen ? null : (
        <button
          type="button"
          className="font-semibold underline focus-visible:outline-2 focus-visible:outline-blue-600"
          onClick={() => setEditorOpen(true)}
        >
          Show problems
        </button>
      )}
    </div>
  );
}
