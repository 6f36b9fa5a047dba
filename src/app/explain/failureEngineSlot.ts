type Engine = typeof import('../../topology/failures/engine');

// Where the failure engine is once loaded. The app page, the details card and the tour player import
// `failureEngine.ts`, which sets it; an embed loads those two on demand, so one that never shows a failure never
// loads the engine. Until it is there, `useFailures` asks for it and draws the diagram unfailed.
let engine: Engine | null = null;
const listeners = new Set<() => void>();

export function setFailureEngine(loaded: Engine): void {
  if (engine === loaded) return;
  engine = loaded;
  for (const listener of listeners) listener();
}

export function failureEngine(): Engine | null {
  return engine;
}

export function subscribeFailureEngine(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
