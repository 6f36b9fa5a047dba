/**
 * The one door to the browser's storage. Storage may be missing (no window), blocked (sandboxed iframes, privacy
 * modes: even reading `localStorage` throws a SecurityError) or full (`setItem` throws a QuotaExceededError);
 * every such failure is caught here, so a caller only learns "nothing stored" or "not stored" and the app works
 * without remembering.
 */

/** The part of a Storage this module uses (tests pass a map-backed one). */
export type StringStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage, or null where there is none or touching it throws. */
function local(): StringStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The text stored under `key`, or undefined when there is none or the storage cannot be read. */
export function readStored(key: string, from: StringStore | null = local()): string | undefined {
  try {
    return from?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` under `key`; false when the storage is missing, blocked or full. */
export function writeStored(key: string, value: string, to: StringStore | null = local()): boolean {
  if (!to) return false;
  try {
    to.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
