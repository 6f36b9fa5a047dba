// Work a page does not need for its first diagram (the built-in tours, the model validator) waits for it, so
// it does not compete with it for the main thread; a page that shows no diagram (an invalid model from a
// link opens the editor) gets it after a few seconds anyway.

let drawn: () => void = () => {};
const firstDiagram = new Promise<void>((resolve) => {
  drawn = resolve;
});

/** Called when a diagram has painted its first layout. */
export function firstDiagramDrawn(): void {
  drawn();
}

/** Resolves once the page's first diagram is drawn (or after `fallbackMs` without one), then a frame later. */
export function afterFirstDiagram(fallbackMs = 3000): Promise<void> {
  return Promise.race([firstDiagram, new Promise<void>((r) => setTimeout(r, fallbackMs))]).then(
    () => new Promise<void>((r) => setTimeout(r, 0)),
  );
}
