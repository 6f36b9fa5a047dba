/**
 * Code loaded on demand, once: `load()` starts it (every call gets the same promise), and `loaded()` has it
 * synchronously once it is in, so a render can use it without waiting (or suspending) when it was preloaded.
 */
export function loadOnce<T>(importer: () => Promise<T>): { load: () => Promise<T>; loaded: () => T | null } {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load: () => {
      loading ??= importer().then((v) => {
        value = v;
        return v;
      });
      return loading;
    },
    loaded: () => value,
  };
}
