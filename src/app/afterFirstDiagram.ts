// Work a page does not need for its first diagram waits for it: the built-in tours load once it is drawn
// (\`firstDiagramShown\`); preloading the model validator, for the first model the reader opens, pastes or
// edits, waits for a quiet moment after that too (\`afterFirstDiagram\`), so it competes neither with the
// diagram nor with what the reader does first once it is up (unfolding, switching a view). A page that shows
// no diagram (an invalid model from a link opens the editor) gets both after a few seconds anyway. What needs
// the validator at once loads it itself (\`loadValidator\`).

let drawn: () => void = () => {};
const firstDiagram = new Promise<void>((resolve) => {
  drawn = resolve;
});

/** Called when a diagram has painted its first layout. */
export function firstDiagramDrawn(): void {
  drawn();
}

/** Resolves once the page's first diagram is drawn (or after `fallbackMs` without one), a task later. */
export function firstDiagramShown(fallbackMs = 3000): Promise<void> {
  return Promise.race([firstDiagram, new Promise<void>((r) => setTimeout(r, fallbackMs))]).then(
    () => new Promise<void>((r) => setTimeout(r, 0)),
  );
}

/** How long after the first diagram idle work may start: the reader's first action comes first. */
const SETTLE_MS = 1000;

const idle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 0);
  });

/** Resolves once the page's first diagram is drawn (or after `fallbackMs` without one), a while later, when idle. */
export function afterFirstDiagram(fallbackMs = 3000): Promise<void> {
  return firstDiagramShown(fallbackMs)
    .then(() => new Promise<void>((r) => setTimeout(r, SETTLE_MS)))
    .then(idle);
}
