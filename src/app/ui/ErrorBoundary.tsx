import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the fallback calls the part that failed ("the diagram", "the panel"). */
  what: string;
  children: ReactNode;
  onResetView: () => void;
  onResetToExample: () => void;
}

/**
 * Catches a render error in the diagram or a panel and says what went wrong, with a way out that keeps the
 * draft: "Reset view" clears selection, failures, folding and compare; "Reset to example" loads the example
 * (an edited draft stays under Examples › Earlier drafts).
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever opens the console; the user sees the message below.
    console.warn('Stacklayers caught an error in', this.props.what, error, info.componentStack);
  }

  private reset = (then: () => void) => {
    then();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div
        role="alert"
        className="m-4 max-w-xl rounded-xl border border-rose-300 bg-rose-50 p-4 text-[13px] text-rose-950 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-50"
      >
        <h2 className="mb-1 text-[14px] font-semibold">Something went wrong in {this.props.what}.</h2>
        <p className="mb-3 break-words font-mono text-[12px]">{error.message}</p>
        <p className="mb-3">Your draft is safe: it is saved in this browser.</p>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => this.reset(this.props.onResetView)}
            className="rounded-md border border-rose-400 bg-white px-3 py-1 font-medium hover:bg-rose-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:bg-rose-900"
          >
            Reset view
          </button>
          <button
            type="button"
            onClick={() => this.reset(this.props.onResetToExample)}
            className="rounded-md border border-rose-400 bg-white px-3 py-1 font-medium hover:bg-rose-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:bg-rose-900"
          >
            Reset to example
          </button>
        </div>
      </div>
    );
  }
}
