/**
 * Model ids from names found in a cloud: `^[A-Za-z0-9][A-Za-z0-9._-]*$`, at most 100 characters, unique
 * across the model. The original name is kept in the element's `name`.
 */

const MAX_BASE = 90;

/** A name as an id, or '' when nothing of it is usable (`__proto__` → `proto`, `web 1` → `web-1`). */
export function sanitizeId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, MAX_BASE)
    .replace(/[-._]+$/, '');
}

/** Hands out unique ids: the sanitised name, then `name-2`, `name-3`… */
export class IdAllocator {
  private readonly taken = new Set<string>();

  /** Marks an id as used (e.g. ids that must stay as they are). */
  reserve(id: string): void {
    this.taken.add(id.toLowerCase());
  }

  has(id: string): boolean {
    return this.taken.has(id.toLowerCase());
  }

  /**
   * A fresh id for `name`; `fallback` when the name gives none. Ids are compared ignoring case, so that
   * `Web` and `web` do not become two ids a reader cannot tell apart.
   */
  take(name: string, fallback: string): string {
    const base = sanitizeId(name) || sanitizeId(fallback) || 'item';
    let id = base;
    for (let i = 2; this.taken.has(id.toLowerCase()); i++) id = `${base}-${i}`;
    this.taken.add(id.toLowerCase());
    return id;
  }
}
