/**
 * Reading untrusted JSON safely: own properties only, through Maps, so that keys such as `__proto__` or
 * `constructor` are data like any other and never reach an object's prototype.
 */

/** A plain JSON object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property of a JSON object, or undefined. */
export function own(v: unknown, key: string): unknown {
  return isRecord(v) && Object.hasOwn(v, key) ? v[key] : undefined;
}

/** An own property path (`own(own(v, a), b)…`). */
export function at(v: unknown, ...keys: string[]): unknown {
  let cur = v;
  for (const k of keys) cur = own(cur, k);
  return cur;
}

/**
 * A column name as the clients' variants agree on it: lower case, letters and digits only. "Hypervisor
 * Hostname", "hypervisor_hostname" and "HypervisorHostname" are all `hypervisorhostname`;
 * "OS-EXT-SRV-ATTR:host" is `osextsrvattrhost`.
 */
export function normKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A row of a client's table output, keyed by normalised column names (first spelling wins). */
export type Row = ReadonlyMap<string, unknown>;

export function toRow(obj: Record<string, unknown>): Row {
  const row = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const n = normKey(k);
    if (!row.has(n)) row.set(n, v);
  }
  return row;
}

/** The first of the columns (normalised names) the row has with a usable value. */
export function cell(row: Row, ...columns: string[]): unknown {
  for (const c of columns) {
    const v = row.get(c);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

/** Text of a value: strings trimmed, numbers as written; anything else is no text. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A finite number, from a number or numeric text ("16", "16.0"). */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** A boolean from the clients' spellings: true/false, "UP"/"DOWN", ":-)"/"XXX", "enabled"/"disabled". */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = text(v)?.toLowerCase();
  if (t === undefined) return undefined;
  if (['true', 'up', ':-)', 'enabled', 'yes', 'alive'].includes(t)) return true;
  if (['false', 'down', 'xxx', 'disabled', 'no'].includes(t)) return false;
  return undefined;
}

/** String labels (or annotations) of a Kubernetes object as a Map; other values are ignored. */
export function labels(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isRecord(v)) return out;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out.set(k, val);
  return out;
}

/** Shortens text for a sentence of the report, and keeps control characters out of it. */
export function show(s: string, max = 60): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** `a, b, c and 4 more` (names shown as given, shortened). */
export function listNames(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => show(n, 40));
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Natural order ("cmp2" before "cmp10"), the same in Node and browsers. */
export const naturalCompare = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }) || (a < b ? -1 : a > b ? 1 : 0);

/** The key with the highest count (the first of a tie); undefined when none counts above zero. */
export function mostCommon<K>(counts: ReadonlyMap<K, number>): K | undefined {
  let best: K | undefined;
  let most = 0;
  for (const [key, n] of counts)
    if (n > most) {
      most = n;
      best = key;
    }
  return best;
}
